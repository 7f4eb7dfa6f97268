"""A published case becomes an assignment of a deployed course, released on the real
nbgrader exchange and fetched by a trainee's own Unix user."""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
from importlib import resources

import pytest

from harness import BIN, FIXTURES, make_programme, world_dir
from praxishub import unixusers

pytestmark = [
    pytest.mark.integration,
    pytest.mark.root,
    pytest.mark.skipif(os.geteuid() != 0, reason="needs root to create Unix users"),
]

CASE_ID = "ru-bullying-class-chat"
ASSIGNMENT = f"case-{CASE_ID}"
TRAINEE = "pt-casefetch"  # a Unix user of this test alone


def praxishub(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BIN / "praxishub", *map(str, args)], capture_output=True, text=True)


def test_a_case_is_assigned_released_and_fetched_by_a_trainee():
    """Is a published case assigned to a deployed course (owned by its grader), released
    with `praxishub courses release`, and fetched by a trainee with the case text and a
    blank answer per section?"""
    base = world_dir("praxishub-case-")
    try:
        # no hub runs here: the trainee fetches from nbgrader's own exchange folder
        settings_path = make_programme(base, trainees=2, exchange={"mode": "filesystem"})
        data = settings_path.parent
        library = base / "library"
        shutil.copytree(FIXTURES / "cases" / "published", library / "cases")

        out = praxishub(
            "cases",
            "assign",
            CASE_ID,
            "--course",
            "tiny",
            "--library",
            library,
            "-c",
            settings_path,
        )
        assert out.returncode == 0, out.stderr
        assert f"praxishub courses release tiny {ASSIGNMENT}" in out.stdout
        course = data / "courses" / "tiny"
        source = course / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        grader = pwd.getpwnam("grader-tiny").pw_uid
        assert source.stat().st_uid == grader
        assert (course / "case_assignments.yaml").stat().st_uid == grader

        out = praxishub("courses", "release", "tiny", ASSIGNMENT, "-c", settings_path)
        assert out.returncode == 0, out.stderr

        entry = unixusers.ensure_user(TRAINEE, base / "home")
        fetched = subprocess.run(
            [BIN / "nbgrader", "fetch_assignment", ASSIGNMENT, "--course", "tiny"],
            cwd=entry.pw_dir,
            env={
                "PATH": f"{BIN}:/usr/bin:/bin",
                "HOME": entry.pw_dir,
                "JUPYTER_CONFIG_PATH": str(resources.files("praxishub") / "jupyter_config"),
                "PRAXISHUB_EXCHANGE": str(data / "exchange"),
            },
            user=entry.pw_uid,
            group=entry.pw_gid,
            extra_groups=[],
            capture_output=True,
            text=True,
        )
        assert fetched.returncode == 0, fetched.stderr
        path = os.path.join(entry.pw_dir, "tiny", ASSIGNMENT, f"{ASSIGNMENT}.ipynb")
        with open(path, encoding="utf-8") as fh:
            nb = json.load(fh)
        text = "".join("".join(c["source"]) for c in nb["cells"])
        assert "[ИМЯ_1], [КЛАСС_1]: травля в классе и в школьном чате" in text
        answers = [c for c in nb["cells"] if c["metadata"]["nbgrader"]["grade"]]
        assert len(answers) == 6
        assert {"".join(c["source"]) for c in answers} == {"YOUR ANSWER HERE"}
        assert nb["metadata"]["praxishub"] == {"case_id": CASE_ID, "rubric": "case-analysis"}
    finally:
        subprocess.run(["userdel", "--remove", TRAINEE], check=False, capture_output=True)
        shutil.rmtree(base, ignore_errors=True)
