"""Are submissions that cannot be graded fairly recognised, with a message the trainee can act on?"""

from __future__ import annotations

import json

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from praxishub import submissions


def write(path, content) -> None:
    path.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")


def test_a_good_notebook_passes(tmp_path):
    """Is a valid nbformat 4 notebook accepted?"""
    nbformat.write(new_notebook(cells=[new_code_cell("x = 1")]), tmp_path / "a.ipynb")
    assert submissions.problems(tmp_path) == []


def test_not_json(tmp_path):
    """Is a file that is not JSON named, with what to do?"""
    write(tmp_path / "a.ipynb", "this is not json")
    [message] = submissions.problems(tmp_path)
    assert message.startswith("a.ipynb: not a notebook") and "fetch the assignment again" in message


def test_old_format(tmp_path):
    """Is an nbformat 3 notebook refused with the fix?"""
    write(
        tmp_path / "a.ipynb", {"nbformat": 3, "nbformat_minor": 0, "worksheets": [], "metadata": {}}
    )
    [message] = submissions.problems(tmp_path)
    assert "format 3 is not 4" in message


def test_duplicate_cell_ids(tmp_path):
    """Are two cells with the same id refused, naming the id?"""
    nb = json.loads(
        nbformat.writes(new_notebook(cells=[new_code_cell("x = 1"), new_code_cell("y")]))
    )
    nb["cells"][1]["id"] = nb["cells"][0]["id"]
    write(tmp_path / "a.ipynb", nb)
    [message] = submissions.problems(tmp_path)
    assert f"share the id {nb['cells'][0]['id']!r}" in message


def test_huge_outputs(tmp_path, monkeypatch):
    """Is a notebook over the size limit refused with how to shrink it?"""
    monkeypatch.setattr(submissions, "MAX_NOTEBOOK_BYTES", 1024**2)
    nb = new_notebook(cells=[new_code_cell("print('x' * 10**7)")])
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text="x" * 2 * 1024**2)]
    nbformat.write(nb, tmp_path / "a.ipynb")
    [message] = submissions.problems(tmp_path)
    assert "too large" in message and "Clear Outputs" in message
