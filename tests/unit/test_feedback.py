"""Does feedback keep the hidden tests' source from the trainee?"""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output

from praxishub.feedback import HideHiddenTests

HIDDEN = "### BEGIN HIDDEN TESTS\nassert minutes == 30\n### END HIDDEN TESTS"


def graded_notebook() -> nbformat.NotebookNode:
    test = new_code_cell(f'assert isinstance(minutes, int), "a number"\n{HIDDEN}')
    test.metadata["nbgrader"] = {
        "grade": True,
        "grade_id": "q1-test",
        "locked": True,
        "points": 1,
        "schema_version": 3,
        "solution": False,
        "task": False,
    }
    test.outputs = [
        new_output(
            "error",
            ename="AssertionError",
            evalue="",
            traceback=["Cell In[3], line 3", "----> 3 assert minutes == 30", "AssertionError: "],
        )
    ]
    answer = new_code_cell("minutes = 31")
    return new_notebook(cells=[answer, test])


def test_hidden_tests_and_their_tracebacks_are_removed():
    """Are the hidden region and the traceback lines quoting it gone, the error's name kept?"""
    nb, _ = HideHiddenTests().preprocess(graded_notebook(), {})
    text = nbformat.writes(nb)
    assert "HIDDEN" not in text and "minutes == 30" not in text
    assert nb.cells[1].outputs[0]["traceback"] == ["AssertionError: "]
    assert 'assert isinstance(minutes, int), "a number"' in nb.cells[1].source
    assert nb.cells[0].source == "minutes = 31"  # the trainee's own answer stays
