"""The synthetic gradebook is real nbgrader data: nbgrader's own API reads back what went in."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections import Counter
from pathlib import Path

import pytest
from nbgrader.api import Gradebook, MissingEntry, get_alembic_version

from praxishub import synthetic_gradebook

TRAINEES, ASSIGNMENTS = 12, 3
COURSE = "school-cases"  # opening a gradebook for another course adds that course to it


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('gb') / 'gradebook.db'}"
    return url, synthetic_gradebook.build(url, TRAINEES, ASSIGNMENTS, seed=3, supervisors=2)


def rows(url: str) -> dict[str, list[tuple]]:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as con:
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: sorted(con.execute(f"SELECT * FROM {n}").fetchall(), key=repr) for n in names}  # noqa: S608


def test_schema_and_version_are_nbgraders(built, monkeypatch):
    """Are the tables nbgrader's own, stamped with nbgrader's alembic head?"""
    url, _ = built
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    assert rows(url)["alembic_version"] == [(get_alembic_version(),)]
    assert rows(url)["course"] == [("school-cases",)]
    with Gradebook(url, course_id=COURSE) as gb:
        assert {a.course_id for a in gb.assignments} == {"school-cases"}


def test_students_and_assignments_read_back(built):
    """Does nbgrader list exactly the trainees and assignments that went in, with their cells?"""
    url, facts = built
    with Gradebook(url, course_id=COURSE) as gb:
        assert sorted((s.id, s.first_name, s.last_name, s.email) for s in gb.students) == [
            (s["id"], s["first_name"], s["last_name"], s["email"]) for s in facts["students"]
        ]
        assert [a.name for a in gb.assignments] == facts["assignments"]
        for a in gb.assignments:
            (nb,) = a.notebooks
            assert Counter(c.cell_type for c in nb.grade_cells) == {"code": 3, "markdown": 2}
            assert {c.max_score for c in nb.grade_cells if c.cell_type == "markdown"} == {3.0}
            assert {c.max_score for c in nb.grade_cells if c.cell_type == "code"} <= {1.0, 2.0}
            assert len(nb.solution_cells) == 3 and len(nb.source_cells) == 7
            assert a.max_score == facts["max_score"][a.name]
    assert [s["id"] for s in facts["students"]] == [f"t{i:04d}" for i in range(1, 13)]
    assert Counter(s["supervisor"] for s in facts["students"]) == {"s001": 6, "s002": 6}


def test_scores_and_totals_equal_what_went_in(built):
    """Do nbgrader's student_dicts and submission_dicts add up to the inserted scores?"""
    url, facts = built
    with Gradebook(url, course_id=COURSE) as gb:
        totals = {d["id"]: d["score"] for d in gb.student_dicts()}
        assert totals == pytest.approx(facts["score"])
        maximum = sum(facts["max_score"].values())
        assert {d["max_score"] for d in gb.student_dicts()} == {maximum}
        per_student = Counter()
        submitted = 0
        for a in facts["assignments"]:
            for d in gb.submission_dicts(a):
                per_student[d["student"]] += d["score"]
                assert d["max_score"] == facts["max_score"][a]
                assert d["score"] == pytest.approx(d["code_score"] + d["written_score"])
                submitted += 1
    assert submitted == facts["counts"]["submitted_assignment"]
    assert dict(per_student) == pytest.approx({k: v for k, v in facts["score"].items() if v})


def test_waiting_submissions_are_nbgraders(built):
    """Does find_submission(...).needs_manual_grade say "waiting" for exactly the listed pairs,
    and are the rest missing (not submitted) or graded?"""
    url, facts = built
    waiting = set(facts["waiting"])
    seen = {"waiting": 0, "graded": 0, "missing": 0}
    with Gradebook(url, course_id=COURSE) as gb:
        for a in facts["assignments"]:
            assert {
                (a, d["student"]) for d in gb.submission_dicts(a) if d["needs_manual_grade"]
            } == {w for w in waiting if w[0] == a}
            for s in facts["students"]:
                try:
                    sub = gb.find_submission(a, s["id"])
                except MissingEntry:
                    seen["missing"] += 1
                    continue
                assert sub.needs_manual_grade == ((a, s["id"]) in waiting)
                seen["waiting" if sub.needs_manual_grade else "graded"] += 1
                assert sub.timestamp is not None
    assert seen["waiting"] == len(waiting)
    assert sum(seen.values()) == TRAINEES * ASSIGNMENTS
    assert seen["missing"] == TRAINEES * ASSIGNMENTS - facts["counts"]["submitted_assignment"]


def test_grades_and_comments_as_nbgrader_writes_them(built):
    """Is every grade and comment row where nbgrader puts it: auto scores on the checks,
    manual scores (or nothing yet) on the open answers, a comment per answer cell?"""
    url, facts = built
    counts = facts["counts"]
    assert counts["grade"] == 5 * counts["submitted_assignment"]
    assert counts["comment"] == 3 * counts["submitted_assignment"]
    with Gradebook(url, course_id=COURSE) as gb:
        for a, student in {(a, s["id"]) for a in facts["assignments"] for s in facts["students"]}:
            try:
                sub = gb.find_submission(a, student)
            except MissingEntry:
                continue
            (nb,) = sub.notebooks
            assert len(nb.comments) == 3
            for g in nb.grades:
                if g.cell.cell_type == "code":
                    assert g.auto_score is not None and g.manual_score is None
                    assert not g.needs_manual_grade
                else:
                    assert g.auto_score is None
                    assert g.needs_manual_grade == (g.manual_score is None)
                    assert g.manual_score in (None, 0.0, 1.0, 2.0, 3.0)
            waits = sum(g.needs_manual_grade for g in nb.grades)
            assert (waits > 0) == ((a, student) in facts["waiting"])


def test_same_seed_same_gradebook(tmp_path, built):
    """Is a build deterministic for its seed, and different for another seed?"""
    url, facts = built
    again = f"sqlite:///{tmp_path / 'again.db'}"
    other = f"sqlite:///{tmp_path / 'other.db'}"
    assert synthetic_gradebook.build(again, TRAINEES, ASSIGNMENTS, seed=3, supervisors=2) == facts
    assert rows(again) == rows(url)
    synthetic_gradebook.build(other, TRAINEES, ASSIGNMENTS, seed=4, supervisors=2)
    assert rows(other)["grade"] != rows(url)["grade"]


def test_shares_and_names_at_a_few_hundred(tmp_path):
    """At a few hundred trainees: about 90% submitted, about 30% of submissions waiting,
    names from several locales (Cyrillic among them), and a bigger build keeps the first
    trainees as they were?"""
    url = f"sqlite:///{tmp_path / 'gb.db'}"
    facts = synthetic_gradebook.build(url, 300, 5, seed=1)
    submitted = facts["counts"]["submitted_assignment"]
    assert 0.85 <= submitted / (300 * 5) <= 0.95
    assert 0.25 <= len(facts["waiting"]) / submitted <= 0.35
    assert len(facts["supervisors"]) == 20
    names = " ".join(s["last_name"] for s in facts["students"])
    assert any("а" <= ch <= "я" for ch in names) and any("a" <= ch <= "z" for ch in names)
    small = synthetic_gradebook.build(f"sqlite:///{tmp_path / 'small.db'}", 30, 5, seed=1)
    assert [(s["id"], s["first_name"]) for s in small["students"]] == [
        (s["id"], s["first_name"]) for s in facts["students"][:30]
    ]
    assert {k: v for k, v in facts["score"].items() if k in small["score"]} == small["score"]


def test_refuses_a_gradebook_with_trainees(built):
    """Is a build into a gradebook that already has trainees refused?"""
    url, _ = built
    with pytest.raises(ValueError, match="already has trainees"):
        synthetic_gradebook.build(url, 2, 1)
