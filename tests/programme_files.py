"""A programme on disk for command tests: settings, one deployed course, no Unix users."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from harness import REPO
from praxishub import workspace
from praxishub.cli import main
from praxishub.layout import Layout


def deployed_programme(
    tmp_path: Path, monkeypatch, settings: str, course_yaml: str | None = None
) -> Path:
    """praxishub.yaml from ``settings`` with pfa-crisis deployed (its course.yaml, or the
    text given); not as root, so no Unix users are made."""
    monkeypatch.setattr(workspace, "is_root", lambda: False)
    path = tmp_path / "praxishub.yaml"
    path.write_text(settings, "utf-8")
    course_dir = Layout(tmp_path / "var").courses_dir / "pfa-crisis"
    course_dir.mkdir(parents=True)
    text = course_yaml or (REPO / "courses" / "pfa-crisis" / "course.yaml").read_text("utf-8")
    (course_dir / "course.yaml").write_text(text, "utf-8")
    return path


def run(programme: Path, *args: str):
    """A praxishub command against the programme, in process."""
    return CliRunner().invoke(main, [*args, "-c", str(programme)], catch_exceptions=False)
