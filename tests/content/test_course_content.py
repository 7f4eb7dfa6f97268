"""Does every assignment in courses/ generate, autograde its solution to full marks and its
blank version to zero, on real nbgrader? (Collected automatically: content cannot rot.)"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness import REPO
from praxishub.courses import load_course

# The programme's courses, and the small course the hub tests use.
ROOTS = (REPO / "courses", REPO / "tests" / "fixtures" / "courses")
NBGRADER = Path(sys.prefix) / "bin" / "nbgrader"


def course_dirs() -> dict[str, Path]:
    return {p.parent.name: p.parent for root in ROOTS for p in root.glob("*/course.yaml")}


def assignments() -> list[tuple[str, str]]:
    return sorted(
        (course, src.name)
        for course, folder in course_dirs().items()
        for src in (folder / "source").iterdir()
        if src.is_dir()
    )


def course_ids() -> list[str]:
    return sorted(course_dirs())


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
    folder = course_dirs()[course]
    spec = load_course(folder / "course.yaml")  # the schema, dates included
    listed = {w["id"] for w in spec["webinars"]}
    present = {p.name for p in (folder / "source").iterdir() if p.is_dir()}
    assert listed == present
    assert spec["id"] == course


@pytest.mark.parametrize(("course", "assignment"), assignments())
def test_solution_gets_full_marks_and_blank_gets_zero(course, assignment, tmp_path):
    """Autograded: does the solution score the full autograded points, and the blank release 0?"""
    from nbgrader.api import Gradebook

    root = tmp_path / course
    shutil.copytree(course_dirs()[course] / "source" / assignment, root / "source" / assignment)
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
            auto = [
                g
                for nb in sub.notebooks
                for g in nb.grades
                if g.auto_score is not None and g.cell.cell_type == "code"
            ]
            max_auto = sum(g.max_score for g in auto)
            got = sum(g.auto_score for g in auto)
            assert max_auto > 0, "every webinar has autograded knowledge checks"
            assert got == (max_auto if want_full else 0), (student, got, max_auto)
            manual = [
                g for nb in sub.notebooks for g in nb.grades if g.cell.cell_type == "markdown"
            ]
            assert manual, "every webinar has open answers graded by people"
