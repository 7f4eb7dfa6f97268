"""Does every notebook in dashboards/ run headless to a widget, with no error output?

Run without a programme service, each app must say so in its own widgets rather than fail;
with one, the browser tests open them through Voila."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from harness import REPO

NOTEBOOKS = sorted((REPO / "dashboards").glob("*.ipynb"))
WIDGET = "application/vnd.jupyter.widget-view+json"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_dashboard_runs_headless(path: Path, monkeypatch):
    """Does the notebook execute, draw a widget and show no traceback?"""
    monkeypatch.delenv("PRAXISHUB_SERVICE_URL", raising=False)
    monkeypatch.setenv("PRAXISHUB_LANGUAGE", "ru")
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"], outputs
    assert any(WIDGET in o.get("data", {}) for o in outputs), f"{path.name} drew no widget"
    assert os.environ.get("PRAXISHUB_SERVICE_URL") is None


def test_every_dashboard_is_listed():
    """Is there at least the set of apps the README lists?"""
    names = {p.stem for p in NOTEBOOKS}
    assert {
        "case_library",
        "case_review",
        "grading_desk",
        "supervision_log",
        "checkin",
        "people",
        "reports",
    } <= names
