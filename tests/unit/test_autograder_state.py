"""Does the live autograder remember each graded submission at once, so that a crash in
the middle of a round neither loses nor repeats work after a restart?"""

from __future__ import annotations

import subprocess

import pytest

from praxishub import autograder

NAMES = ["ann+w01+2027-02-10 12:00:00 UTC+1", "bob+w01+2027-02-10 12:00:01 UTC+2"]


class Crash(BaseException):
    """The process dying (kill -9) while it grades: nothing after it runs."""


@pytest.fixture
def grader(tmp_path, monkeypatch):
    course_dir, inbound = tmp_path / "course", tmp_path / "inbound"
    course_dir.mkdir()
    inbound.mkdir()
    (course_dir / "course.yaml").write_text("webinars: []\n")
    for name in NAMES:
        (inbound / name).mkdir()
    done = subprocess.CompletedProcess([], 0, "", "")
    monkeypatch.setattr(autograder, "_nbgrader", lambda *a, **k: done)
    posted: list[str] = []
    g = autograder.Autograder("tiny", course_dir, inbound, "http://127.0.0.1:9/x", "t")
    monkeypatch.setattr(g, "post", lambda result: posted.append(result["username"]))
    return g, posted


def test_a_crash_mid_round_grades_the_rest_once_after_a_restart(grader, monkeypatch):
    """Killed while grading bob: is ann (graded and reported) not graded again?"""
    g, posted = grader

    def crash_on_bob(_db, _assignment, student):
        if student == "bob":
            raise Crash
        return {"username": student}

    monkeypatch.setattr(g, "_grade", crash_on_bob)
    with pytest.raises(Crash):
        g.run_once()
    assert posted == ["ann"]
    monkeypatch.setattr(g, "_grade", lambda _db, _a, student: {"username": student})
    assert g.run_once() == 1
    assert posted == ["ann", "bob"]
    assert autograder._load_state(g.state_path) == set(NAMES)
    assert g.run_once() == 0


def test_the_submission_under_way_is_named_while_nbgrader_runs_and_only_then(grader, monkeypatch):
    """Is the submission being autograded named (for the desk to hold back) exactly while
    nbgrader runs, and no longer after it, even when grading breaks off with an error; does
    a marker a killed autograder left name nothing once a new one starts?"""
    g, _ = grader
    for student in ("ann", "bob"):
        (g.course_dir / "submitted" / student / "w01").mkdir(parents=True)
    seen = []

    def nbgrader(course_dir, *args, **_kw):
        seen.append(autograder.being_autograded(course_dir))
        if "--student=bob" in args:
            raise Crash
        return subprocess.CompletedProcess([], 0, "", "")

    monkeypatch.setattr(autograder, "_nbgrader", nbgrader)
    monkeypatch.setattr(autograder, "read_results", lambda *_a: {"username": "ann"})
    assert g._grade("sqlite://", "w01", "ann") == {"username": "ann"}
    assert seen == [("w01", "ann")] and autograder.being_autograded(g.course_dir) is None
    with pytest.raises(Crash):
        g._grade("sqlite://", "w01", "bob")
    assert seen[-1] == ("w01", "bob") and autograder.being_autograded(g.course_dir) is None
    (g.course_dir / autograder.AUTOGRADING).write_text('{"assignment": "w01", "student": "bob"}')
    assert autograder.being_autograded(g.course_dir) == ("w01", "bob")
    autograder.Autograder("tiny", g.course_dir, g.inbound, g.scores_url, g.token)
    assert autograder.being_autograded(g.course_dir) is None
