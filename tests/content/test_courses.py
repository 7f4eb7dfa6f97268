"""Does every assignment in courses/ generate, autograde its solution to full marks and its
blank version to zero, on real nbgrader? (Collected automatically: content cannot rot.)"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from harness import REPO

COURSES = REPO / "courses"
NBGRADER = Path(sys.prefix) / "bin" / "nbgrader"


def assignments() -> list[tuple[str, str]]:
    return sorted(
        (src.parent.parent.name, src.name) for src in COURSES.glob("*/source/*") if src.is_dir()
    )


def course_ids() -> list[str]:
    return sorted(p.parent.name for p in COURSES.glob("*/course.yaml"))


def nbgrader(course_dir: Path, *args: str) -> None:
    result = subprocess.run(
        [NBGRADER, *args, "--force", f"--CourseDirectory.root={course_dir}"],
        cwd=course_dir,
        capture_output=True,
        text=True,
        timeout=600,
        env={
            "PATH": f"{NBGRADER.parent}:/usr/bin:/bin",
            "JUPYTER_PREFER_ENV_PATH": "0",
            "HOME": str(course_dir),
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("course", course_ids())
def test_course_yaml_lists_exactly_its_assignments(course):
    """Does course.yaml list one webinar for each assignment folder, and no others?"""
    spec = yaml.safe_load((COURSES / course / "course.yaml").read_text("utf-8"))
    listed = {w["id"] for w in spec["webinars"]}
    present = {p.name for p in (COURSES / course / "source").iterdir() if p.is_dir()}
    assert listed == present
    assert spec["id"] == course


@pytest.mark.parametrize(("course", "assignment"), assignments())
def test_solution_gets_full_marks_and_blank_gets_zero(course, assignment, tmp_path):
    """Autograded: does the solution score the full autograded points, and the blank release 0?"""
    from nbgrader.api import Gradebook

    root = tmp_path / course
    shutil.copytree(COURSES / course / "source" / assignment, root / "source" / assignment)
    (root / "nbgrader_config.py").write_text(f"c.CourseDirectory.course_id = {course!r}\n")
    nbgrader(root, "generate_assignment", assignment)
    for student, origin in (("solution", "source"), ("blank", "release")):
        shutil.copytree(root / origin / assignment, root / "submitted" / student / assignment)
    # the release must not leak hidden tests or solutions
    for nb in (root / "release" / assignment).glob("*.ipynb"):
        text = nb.read_text("utf-8")
        assert "BEGIN HIDDEN TESTS" not in text and "BEGIN SOLUTION" not in text
    nbgrader(root, "autograde", assignment)
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        for student, want_full in (("solution", True), ("blank", False)):
            sub = gb.find_submission(assignment, student)
            auto = [g for nb in sub.notebooks for g in nb.grades if g.auto_score is not None]
            max_auto = sum(g.max_score for g in auto)
            got = sum(g.auto_score for g in auto)
            assert max_auto > 0, "every webinar has autograded knowledge checks"
            assert got == (max_auto if want_full else 0), (student, got, max_auto)
            manual = [
                g for nb in sub.notebooks for g in nb.grades if g.cell.cell_type == "markdown"
            ]
            assert manual, "every webinar has open answers graded by people"
