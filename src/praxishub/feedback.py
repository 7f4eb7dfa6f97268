"""What a trainee's feedback may show of the tests that graded them.

Rule: feedback shows the trainee's answers, the visible checks, points and
comments, and of a failed check only its error's name and message: never the
hidden tests' source, which stock nbgrader keeps in feedback (nbgrader#917)
and which a traceback would quote line by line.
"""

from __future__ import annotations

from nbconvert.exporters.exporter import ResourcesDict
from nbformat.notebooknode import NotebookNode
from nbgrader import utils
from nbgrader.preprocessors import ClearHiddenTests


class HideHiddenTests(ClearHiddenTests):
    """nbgrader's ClearHiddenTests for feedback, plus tracebacks cut to their last line."""

    def preprocess_cell(
        self, cell: NotebookNode, resources: ResourcesDict, cell_index: int
    ) -> tuple[NotebookNode, ResourcesDict]:
        cell, resources = super().preprocess_cell(cell, resources, cell_index)
        if cell.cell_type == "code" and utils.is_grade(cell):
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    output["traceback"] = [
                        f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"
                    ]
        return cell, resources
