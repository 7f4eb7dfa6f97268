"""Bulk grading's pure parts: nbgrader's metadata check, sandbox slots, scratch files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import nbgrader.nbgraderformat
import pytest

from praxishub.grading import Sandbox, _CheckedSchemas, claim_slot, write_tree

SCHEMA = json.loads((Path(nbgrader.nbgraderformat.__file__).parent / "v3.json").read_text("utf-8"))
GOOD = {
    "grade": True,
    "grade_id": "q1-test",
    "locked": True,
    "points": 1,
    "schema_version": 3,
    "solution": False,
    "task": False,
}


@pytest.mark.parametrize(
    "metadata",
    [GOOD, {**GOOD, "points": "one"}, {**GOOD, "grade_id": 5}, {"grade": True}],
)
def test_metadata_verdicts_are_jsonschemas(metadata):
    """Does the faster check accept and refuse exactly what jsonschema.validate does?"""
    ours, theirs = None, None
    try:
        jsonschema.validate(metadata, SCHEMA)
    except jsonschema.ValidationError as exc:
        theirs = exc.message
    try:
        _CheckedSchemas().validate(metadata, SCHEMA)
    except jsonschema.ValidationError as exc:
        ours = exc.message
    assert ours == theirs


def test_each_holder_gets_its_own_slot(tmp_path):
    """Do two graders on one machine hold different sandbox slots, and is a slot free again
    once its holder is done?"""
    sandbox = Sandbox(str(tmp_path), "tiny", 2, "")
    with claim_slot(sandbox) as first, claim_slot(sandbox) as second:
        assert {first, second} == {0, 1}
    with claim_slot(sandbox) as again:
        assert again == 0


def test_scratch_files_stay_inside(tmp_path):
    """Is a submission file named to land outside its scratch folder refused?"""
    with pytest.raises(ValueError, match="leaves"):
        write_tree(tmp_path / "scratch", {"../../etc/evil": b"x"})
    write_tree(tmp_path / "scratch", {"sub/a.ipynb": b"{}"})
    assert (tmp_path / "scratch" / "sub" / "a.ipynb").read_bytes() == b"{}"
