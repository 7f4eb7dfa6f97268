"""Is every case in case_library/ published, valid, clean of every intake name, and assignable?"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from praxishub.cases import assign, check, library
from praxishub.cases.intake import names_of

REPO = Path(__file__).parents[2]
LIBRARY = REPO / "case_library"
RAW = REPO / "tests" / "fixtures" / "cases" / "raw"
CASES = sorted(p.name for p in (LIBRARY / "cases").iterdir() if p.is_dir())


def deny_list() -> list[str]:
    """Every name any contributor gave at intake for the raw (synthetic) notes."""
    names: list[str] = []
    for intake in sorted(RAW.glob("*/intake.yaml")):
        given, short = names_of(yaml.safe_load(intake.read_text("utf-8")))
        names += given + short
    return names


def test_the_library_has_eight_cases_in_four_languages():
    """Are there at least 8 cases, in Russian, English, Kazakh and Chinese, school cases first?"""
    metas = [
        yaml.safe_load((LIBRARY / "cases" / c / "case.yaml").read_text("utf-8")) for c in CASES
    ]
    assert len(metas) >= 8
    assert {"ru", "en", "kk", "zh"} <= {m["language"] for m in metas}
    assert sum(m["setting"] == "school" for m in metas) >= len(metas) // 2


def test_the_library_check_passes_with_every_intake_name_denied():
    """Does `praxishub cases check` find no leftover and no form of any intake name?"""
    assert check.check(LIBRARY, deny_list()) == []
    deny = REPO / "tests" / ".deny-list.txt"
    try:
        deny.write_text("\n".join(deny_list()), "utf-8")
        done = subprocess.run(
            [
                Path(sys.prefix) / "bin" / "praxishub",
                "cases",
                "check",
                "--library",
                LIBRARY,
                "--deny-list",
                deny,
            ],
            capture_output=True,
            text=True,
        )
    finally:
        deny.unlink(missing_ok=True)
    assert done.returncode == 0, done.stderr
    assert f"{len(CASES)} case(s), clean" in done.stdout


@pytest.mark.parametrize("case_id", CASES)
def test_case_is_published_and_turns_into_an_assignment(case_id):
    """Is the case published with valid metadata, and does it make a valid nbgrader notebook?"""
    folder = LIBRARY / "cases" / case_id
    assert sorted(p.name for p in folder.iterdir()) == ["case.ipynb", "case.yaml"]
    meta = yaml.safe_load((folder / "case.yaml").read_text("utf-8"))
    assert library.meta_problems(meta, case_id) == []
    assert meta["review"]["status"] == "published" and meta["review"]["reviewer"]
    nb = json.loads((folder / "case.ipynb").read_text("utf-8"))
    nbformat.validate(nbformat.from_dict(nb))
    rubric = yaml.safe_load(
        (REPO / "src/praxishub/cases/data/rubric_case_analysis.yaml").read_text("utf-8")
    )
    made = assign.build_notebook(nb, {**meta, "id": case_id}, rubric, meta["language"])
    nbformat.validate(made)
    graded = [c for c in made.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert len(graded) == 6
