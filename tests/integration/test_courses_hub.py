"""The course loop on the real nbgrader exchange (kept by the programme API, the default),
through the hub, with real Unix users."""

from __future__ import annotations

import subprocess

import pytest

from courseloop import (
    ASSIGNMENT,
    COURSE,
    GRADER,
    answer,
    assignment_action,
    course_trainer,
    release,
    wait_for_grader,
    wait_for_score,
)
from harness import BIN
from kernel import execute

pytestmark = pytest.mark.integration


def test_formgrader_is_open_to_the_course_trainers_only(hub):
    """Does the course's trainer reach formgrader, while trainees, supervisors, the
    coordinator and a trainer of no such course get 403?"""
    trainer = course_trainer(hub)
    assert wait_for_grader(hub, trainer).status_code == 200
    r = hub.api(trainer, "GET", f"{GRADER}/formgrader/api/assignments")
    assert r.status_code == 200, r.text
    others = [
        hub.people("trainee")[0],
        hub.people("supervisor")[0],
        hub.people("coordinator")[0],
        *[t for t in hub.people("trainer") if t != trainer],
    ]
    for person in others:
        assert hub.api(person, "GET", f"{GRADER}/formgrader").status_code == 403, person
        assert hub.api(person, "GET", f"{GRADER}/api/contents").status_code == 403, person


def test_release_fetch_submit_collect_and_a_forged_submission_is_refused(hub):
    """Released work is fetched and submitted by a trainee; a submission another trainee
    makes in their name is refused, and the real one is collected."""
    release(hub)
    a, b = hub.people("trainee")[10:12]
    for person in (a, b):
        hub.start_server(person)
        listed = hub.api(person, "GET", f"/user/{person}/assignments?course_id={COURSE}").json()
        assert listed["success"], listed
        # (other tests may have released case analyses into the same course)
        assert ASSIGNMENT in [x["assignment_id"] for x in listed["value"]]
        fetched = assignment_action(hub, person, "fetch").json()
        mine = [x for x in fetched["value"] if x["assignment_id"] == ASSIGNMENT]
        assert [x["status"] for x in mine] == ["fetched"]
    # A answers in their own copy, then submits through the Assignments API.
    answer(hub, a, {1: "minutes = 30  # answer of A"})
    submitted = assignment_action(hub, a, "submit").json()
    assert submitted["success"], submitted
    # B forges a later submission in A's name from their own kernel: the programme API,
    # which keeps the exchange, refuses it (a trainee submits only under their own name).
    forged = execute(
        hub.url,
        b,
        hub.token(b),
        f"import subprocess, sys; r = subprocess.run(['nbgrader', 'submit', {ASSIGNMENT!r}, "
        f"'--course', {COURSE!r}, '--student', {a!r}], capture_output=True, text=True); "
        "print(r.returncode, r.stdout + r.stderr)",
    )
    code, said = forged["stdout"].split(" ", 1)
    assert code != "0" and f"names {a}, not {b}" in said, said
    # A root command collects from the programme database (no hub token needed).
    out = subprocess.run(
        [BIN / "praxishub", "courses", "collect", COURSE, ASSIGNMENT, "-c", hub.settings_path],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    collected = hub.settings_path.parent / "courses" / COURSE / "submitted" / a / ASSIGNMENT
    text = (collected / f"{ASSIGNMENT}.ipynb").read_text("utf-8")
    assert "answer of A" in text
    assert not (collected.parent.parent / b).exists()


def test_each_submission_is_autograded_and_the_trainee_sees_only_their_score(hub):
    """Does a submission get autograded on its own, the trainee see their score and which
    checks failed (never the hidden tests), and nobody else's?"""
    release(hub)
    right, blank = hub.people("trainee")[12:14]
    for person in (right, blank):
        hub.start_server(person)
        assignment_action(hub, person, "fetch")
    answer(hub, right, {1: "minutes = 30"})
    for person in (right, blank):
        assert assignment_action(hub, person, "submit").json()["success"]

    good = wait_for_score(hub, right)
    assert (good["auto_score"], good["auto_max"], good["failed_checks"]) == (1.0, 1.0, [])
    assert good["max_score"] == 3.0  # the open answer waits for a person
    bad = wait_for_score(hub, blank)
    assert (bad["auto_score"], bad["failed_checks"]) == (0.0, ["q1-test"])
    raw = hub.api(blank, "GET", "/services/praxis/api/me/scores").text
    assert "minutes == 30" not in raw and "HIDDEN" not in raw
    assert right not in raw


def test_people_cannot_report_scores(hub):
    """Can a trainee (or a trainer) write a score through the API? (No: only the autograder.)"""
    for person in (hub.people("trainee")[0], course_trainer(hub)):
        r = hub.api(
            person,
            "POST",
            "/services/praxis/api/scores",
            json={"course": COURSE, "assignment": ASSIGNMENT, "username": person, "auto_score": 99},
        )
        assert r.status_code == 403


def test_trainer_grades_an_open_answer_and_the_trainee_reads_the_feedback(hub):
    """Does a trainer's grade and comment in formgrader reach the trainee as feedback they
    fetch, while another trainee cannot fetch it?"""
    release(hub)
    trainee, other = hub.people("trainee")[14:16]
    trainer = course_trainer(hub)
    hub.start_server(trainee)
    hub.start_server(other)
    assignment_action(hub, trainee, "fetch")
    answer(hub, trainee, {1: "minutes = 30", 3: "Я бы выслушала и спросила о безопасности."})
    assert assignment_action(hub, trainee, "submit").json()["success"]
    wait_for_score(hub, trainee)  # collected and autograded

    api = f"{GRADER}/formgrader/api"
    subs = hub.api(trainer, "GET", f"{api}/submitted_notebooks/{ASSIGNMENT}/{ASSIGNMENT}").json()
    sub = next(s for s in subs if s["student"] == trainee)
    grades = hub.api(trainer, "GET", f"{api}/grades?submission_id={sub['id']}").json()
    open_answer = next(g for g in grades if g["name"] == "open-1")
    r = hub.api(trainer, "PUT", f"{api}/grade/{open_answer['id']}", json={"manual_score": 2})
    assert r.status_code == 200 and r.json()["manual_score"] == 2
    comments = hub.api(trainer, "GET", f"{api}/comments?submission_id={sub['id']}").json()
    comment = next(c for c in comments if c["name"] == "open-1")
    note = "Хорошо: безопасность прежде всего / Good: safety first"
    hub.api(trainer, "PUT", f"{api}/comment/{comment['id']}", json={"manual_comment": note})
    for step in ("generate_feedback", "release_feedback"):
        r = hub.api(trainer, "POST", f"{api}/assignment/{ASSIGNMENT}/{trainee}/{step}")
        assert r.status_code == 200 and r.json()["success"], r.text

    assert assignment_action(hub, trainee, "fetch_feedback").json()["success"]
    read = execute(
        hub.url,
        trainee,
        hub.token(trainee),
        f"import glob; print(open(glob.glob('{COURSE}/{ASSIGNMENT}/feedback/*/*.html')[0]).read())",
    )
    assert note in read["stdout"]
    assert "3.0 / 3.0" in read["stdout"]  # 1 autograded + 2 from the trainer
    assert "HIDDEN TESTS" not in read["stdout"] and "minutes == 30" not in read["stdout"]
    # The other trainee fetches nothing of it.
    assignment_action(hub, other, "fetch")
    assignment_action(hub, other, "fetch_feedback")
    theirs = execute(
        hub.url,
        other,
        hub.token(other),
        f"import glob; print(glob.glob('{COURSE}/**/*.html', recursive=True))",
    )
    assert theirs["stdout"].strip() == "[]"


def test_broken_submissions_get_a_clear_message_and_nobody_else_is_affected(hub):
    """Do a non-JSON notebook and one with duplicate cell ids each get a message, while a good
    submission beside them is graded as usual?"""
    release(hub)
    broken_json, duplicate_ids, good = hub.people("trainee")[26:29]
    path = f"{COURSE}/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
    breakers = {
        broken_json: f"open({path!r}, 'w').write('{{ not json'); print('saved')",
        duplicate_ids: (
            f"import json; p = {path!r}; nb = json.load(open(p)); "
            "nb['cells'][2]['id'] = nb['cells'][1]['id']; json.dump(nb, open(p, 'w')); print('saved')"
        ),
    }
    for person in (broken_json, duplicate_ids, good):
        hub.start_server(person)
        assignment_action(hub, person, "fetch")
        if person in breakers:
            assert (
                execute(hub.url, person, hub.token(person), breakers[person])["stdout"] == "saved\n"
            )
        else:
            answer(hub, person, {1: "minutes = 30"})
        assert assignment_action(hub, person, "submit").json()["success"]
    first = wait_for_score(hub, broken_json)
    assert first["status"] == "invalid" and "not a notebook" in first["message"]
    second = wait_for_score(hub, duplicate_ids)
    assert second["status"] == "invalid" and "share the id" in second["message"]
    assert wait_for_score(hub, good)["auto_score"] == 1.0
