"""The grading desk through the real hub: a supervisor's queue, rubric grading into
nbgrader's gradebook, optimistic locking, feedback; and the scopes, tried from outside."""

from __future__ import annotations

import pwd
import time
from pathlib import Path

import pytest

import courseloop as loop
from harness import TEST_PREFIX
from praxishub import unixusers
from praxishub.autograder import being_autograded

pytestmark = pytest.mark.integration

KEY = f"{loop.ASSIGNMENT}/open-1"  # notebook/cell of the open answer of the tiny course
ANSWER = (
    "First I ask whether the caller is safe. <script>alert(1)</script><img src=x onerror=alert(2)>"
)
COMMENT = "Safety first, well done. Следующий шаг: назовите ресурс."


def supervisor_of(hub, trainee: str) -> str:
    return next(p["supervisor"] for p in hub.values["people"] if p["username"] == trainee)


def sub_path(trainee: str) -> str:
    return f"/services/praxis/api/desk/submissions/{loop.COURSE}/{loop.ASSIGNMENT}/{trainee}"


@pytest.fixture(scope="module")
def submitted(hub):
    """A trainee's submission of the tiny course, autograded, waiting for a person."""
    loop.release(hub)
    trainee = hub.people("trainee")[34]
    hub.start_server(trainee)
    assert loop.assignment_action(hub, trainee, "fetch").json()["success"]
    loop.answer(hub, trainee, {1: "minutes = 30", 3: ANSWER})
    assert loop.assignment_action(hub, trainee, "submit").json()["success"]
    assert loop.wait_for_score(hub, trainee)["auto_score"] == 1.0
    return trainee, supervisor_of(hub, trainee)


def other_supervisor(hub, mine: str) -> str:
    return next(s for s in hub.people("supervisor") if s != mine)


def wait_in_queue(hub, supervisor: str, trainee: str, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r = hub.api(supervisor, "GET", "/services/praxis/api/desk/queue")
        assert r.status_code == 200, r.text
        found = [i for i in r.json()["queue"] if i["trainee"] == trainee]
        if found:
            return {**r.json(), "item": found[0]}
        time.sleep(2)
    raise AssertionError(f"{trainee} never reached {supervisor}'s queue:\n{hub.log_tail()}")


def test_queue_holds_own_supervisees_only(hub, submitted):
    """Is the submission in its supervisor's queue (with counts), and in no other's?"""
    trainee, sup = submitted
    got = wait_in_queue(hub, sup, trainee)
    assert got["item"]["course"] == loop.COURSE and got["item"]["needs_manual"] >= 1
    assert got["counts"]["trainee"][trainee] == 1 and got["stale"] == []
    roster = {p["username"]: p.get("supervisor") for p in hub.values["people"]}
    assert all(roster[i["trainee"]] == sup for i in got["queue"])
    other = other_supervisor(hub, sup)
    theirs = hub.api(other, "GET", "/services/praxis/api/desk/queue").json()["queue"]
    assert trainee not in {i["trainee"] for i in theirs}
    filtered = hub.api(
        sup, "GET", "/services/praxis/api/desk/queue", params={"trainee": trainee}
    ).json()
    assert {i["trainee"] for i in filtered["queue"]} == {trainee}


def test_a_submission_being_autograded_waits_off_the_queue(hub, submitted):
    """While nbgrader autogrades a submission (its gradebook rows are written, its notebook
    not yet), is it off its supervisor's queue, and does opening it say so (409, not "the
    course did not answer")? Once autograded, does it come to the queue and open whole?"""
    course_dir = Path(hub.settings_path).parent / "courses" / loop.COURSE
    assert (course_dir / "gradebook.db").is_file(), course_dir
    roster = {p["username"]: p.get("supervisor") for p in hub.values["people"]}
    trainee = next(t for t in hub.people("trainee")[35:] if roster[t])
    sup = roster[trainee]
    hub.start_server(trainee)
    assert loop.assignment_action(hub, trainee, "fetch").json()["success"]
    # a slow answer: autograding it takes over 12 s, the window this test looks through
    loop.answer(hub, trainee, {1: "import time\ntime.sleep(12)\nminutes = 30", 3: "I listen."})
    assert loop.assignment_action(hub, trainee, "submit").json()["success"]
    deadline = time.monotonic() + 120
    while being_autograded(course_dir) != (loop.ASSIGNMENT, trainee):
        assert time.monotonic() < deadline, f"never autograded:\n{hub.log_tail()}"
        time.sleep(0.2)
    queue = hub.api(sup, "GET", "/services/praxis/api/desk/queue").json()["queue"]
    opened = hub.api(sup, "GET", sub_path(trainee))
    # still under way: what was seen above was seen mid-autograde
    assert being_autograded(course_dir) == (loop.ASSIGNMENT, trainee)
    assert trainee not in {i["trainee"] for i in queue}
    assert opened.status_code == 409, opened.text
    assert "being autograded" in opened.json()["message"]
    got = wait_in_queue(hub, sup, trainee)
    assert got["item"]["needs_manual"] >= 1 and being_autograded(course_dir) is None
    opened = hub.api(sup, "GET", sub_path(trainee))
    assert opened.status_code == 200, opened.text
    cell = next(c for c in opened.json()["cells"] if c["key"] == KEY)
    assert "I listen." in cell["answer_html"]
    # an autograde that stopped half-way leaves no autograded copy: the desk says so
    copy = course_dir / "autograded" / trainee / loop.ASSIGNMENT / f"{loop.ASSIGNMENT}.ipynb"
    copy.rename(copy.with_suffix(".away"))
    try:
        opened = hub.api(sup, "GET", sub_path(trainee))
    finally:
        copy.with_suffix(".away").rename(copy)
    assert opened.status_code == 409, opened.text
    assert "no autograded copy" in opened.json()["message"]


def test_another_supervisor_gets_404_for_everything(hub, submitted):
    """Does supervisor B get 404 (not 403) for A's supervisee's submission, save and feedback?"""
    trainee, sup = submitted
    other = other_supervisor(hub, sup)
    assert hub.api(other, "GET", sub_path(trainee)).status_code == 404
    r = hub.api(other, "POST", sub_path(trainee), json={"version": 0, "levels": {KEY: 0}})
    assert r.status_code == 404
    assert hub.api(other, "POST", sub_path(trainee) + "/feedback", json={}).status_code == 404
    # a made-up trainee looks exactly the same
    assert hub.api(other, "GET", sub_path("no-such-trainee")).status_code == 404


def test_trainees_get_403_from_the_desk(hub, submitted):
    """Does a trainee calling any grading endpoint get 403, even for their own work?"""
    trainee, _ = submitted
    for method, path in (
        ("GET", "/services/praxis/api/desk/queue"),
        ("GET", sub_path(trainee)),
        ("POST", sub_path(trainee)),
        ("POST", sub_path(trainee) + "/feedback"),
        ("GET", "/services/praxis/api/desk/bank"),
    ):
        r = hub.api(trainee, method, path, json={"version": 0, "levels": {KEY: 3}})
        assert r.status_code == 403, (method, path, r.text)
    # nobody but a course's grading service reports its gradebook
    sup = supervisor_of(hub, trainee)
    for who in (trainee, sup):
        r = hub.api(
            who,
            "POST",
            "/services/praxis/api/desk/index",
            json={"course": loop.COURSE, "rows": []},
        )
        assert r.status_code == 403
    # and the course's desk extension answers the programme service alone
    trainer = loop.course_trainer(hub)
    r = hub.api(trainer, "GET", f"{loop.GRADER}/praxis-desk/rows")
    assert r.status_code == 403


def test_rubric_grade_conflict_and_feedback(hub, submitted):
    """A supervisor opens the submission (sanitised), grades the open answer with a rubric
    level; a stale save gets 409 naming who saved; feedback is released and the trainee
    fetches it; the trainee's own feedback list has the rubric level, nobody else's does."""
    trainee, sup = submitted
    wait_in_queue(hub, sup, trainee)
    opened = hub.api(sup, "GET", sub_path(trainee))
    assert opened.status_code == 200, opened.text
    sub = opened.json()
    cell = next(c for c in sub["cells"] if c["key"] == KEY)
    assert cell["needs_manual_grade"] and cell["max_score"] == 2
    assert "First I ask whether the caller is safe." in cell["answer_html"]
    for page in (cell["answer_html"], sub["notebooks"][0]["html"]):
        assert "<script" not in page and "onerror" not in page
    assert sub["rubric"]["id"] == "open-answer" and sub["desk"]["version"] == 0

    saved = hub.api(
        sup,
        "POST",
        sub_path(trainee),
        json={"version": 0, "levels": {KEY: 3}, "comments": {KEY: COMMENT}, "follow_up": True},
    )
    assert saved.status_code == 200, saved.text
    body = saved.json()
    assert body["points"] == {KEY: 2.0}
    assert body["row"]["needs_manual"] == 0 and body["row"]["manual_score"] == 2.0
    assert body["desk"]["version"] == 1 and body["desk"]["follow_up"] is True

    stale = hub.api(sup, "POST", sub_path(trainee), json={"version": 0, "levels": {KEY: 0}})
    assert stale.status_code == 409 and f"{sup} saved this submission" in stale.json()["message"]
    again = hub.api(sup, "GET", sub_path(trainee)).json()
    graded = next(c for c in again["cells"] if c["key"] == KEY)
    assert graded["manual_score"] == 2.0 and graded["comment"] == COMMENT  # nothing lost
    assert again["desk"]["rubric"] == {KEY: 3}
    queue = hub.api(sup, "GET", "/services/praxis/api/desk/queue").json()["queue"]
    assert trainee not in {i["trainee"] for i in queue}
    follow = hub.api(sup, "GET", "/services/praxis/api/desk/queue", params={"follow_up": "1"})
    assert trainee in {i["trainee"] for i in follow.json()["queue"]}  # flagged, graded or not

    r = hub.api(sup, "POST", sub_path(trainee) + "/feedback", json={})
    assert r.status_code == 200, r.text
    assert r.json()["desk"]["feedback_at"]
    fetched = loop.assignment_action(hub, trainee, "fetch_feedback").json()
    assert fetched["success"], fetched
    home = Path(pwd.getpwnam(unixusers.unix_name(TEST_PREFIX, trainee)).pw_dir)
    pages = list(home.glob(f"{loop.COURSE}/{loop.ASSIGNMENT}/feedback/*/{loop.ASSIGNMENT}.html"))
    assert pages, f"no feedback fetched into {home}"
    assert COMMENT in pages[-1].read_text("utf-8")

    mine = hub.api(trainee, "GET", "/services/praxis/api/me/feedback").json()["feedback"]
    assert [(f["assignment"], f["rubric"]) for f in mine] == [(loop.ASSIGNMENT, {KEY: 3})]
    someone = hub.people("trainee")[35]
    assert hub.api(someone, "GET", "/services/praxis/api/me/feedback").json()["feedback"] == []


def test_comment_bank_and_progress_scopes(hub, submitted):
    """Is a bank comment the supervisor's own, and does progress show each role its part?"""
    trainee, sup = submitted
    r = hub.api(sup, "POST", "/services/praxis/api/desk/bank", json={"text": COMMENT})
    assert r.status_code == 200 and COMMENT in [e["text"] for e in r.json()["bank"]]
    other = other_supervisor(hub, sup)
    assert hub.api(other, "GET", "/services/praxis/api/desk/bank").json()["bank"] == []
    entry = r.json()["bank"][-1]["id"]
    assert (
        hub.api(other, "POST", "/services/praxis/api/desk/bank", json={"delete": entry}).status_code
        == 400
    )

    def progress(who: str) -> dict:
        return {
            p["trainee"]: p
            for p in hub.api(who, "GET", "/services/praxis/api/desk/progress").json()["progress"]
        }

    assert set(progress(trainee)) == {trainee}
    supervisees = {p["username"] for p in hub.values["people"] if p.get("supervisor") == sup}
    assert set(progress(sup)) == supervisees
    coordinator = hub.people("coordinator")[0]
    everyone = progress(coordinator)
    assert set(everyone) == hub.roster("trainee")
    assert everyone[trainee]["submitted"] >= 1

    url = "/services/praxis/api/desk/progress"
    first = hub.api(coordinator, "GET", f"{url}?limit=3").json()
    second = hub.api(coordinator, "GET", f"{url}?limit=3&offset=3").json()
    assert first["total"] == len(everyone) and first["summary"]["trainees"] == len(everyone)
    assert first["summary"]["submitted"] == sum(p["submitted"] for p in everyone.values())
    walked = [p["trainee"] for p in first["progress"] + second["progress"]]
    assert walked == sorted(everyone)[:6]
    own_page = hub.api(sup, "GET", f"{url}?limit=500").json()
    assert own_page["total"] == len(supervisees)
    assert {p["trainee"] for p in own_page["progress"]} == supervisees
    for bad in ("limit=0", "limit=501", "limit=ten", "limit=5&offset=-1"):
        r = hub.api(coordinator, "GET", f"{url}?{bad}")
        assert r.status_code == 400 and ("limit" in r.text or "offset" in r.text), bad


def test_calibration_is_blind_scoped_and_never_grades(hub, submitted):
    """A course's trainer gives a submission to two supervisors (one not the trainee's):
    raters see no name, outsiders get 404, trainees 403; a rater sees agreement only after
    rating; the ratings never touch the gradebook."""
    trainee, sup = submitted
    trainer = loop.course_trainer(hub)
    rater_b = other_supervisor(hub, sup)
    outsider = next(s for s in hub.people("supervisor") if s not in (sup, rater_b))
    base = "/services/praxis/api/desk/calibrations"
    wait_in_queue_or_graded = hub.api(sup, "GET", sub_path(trainee)).json()
    before = next(c for c in wait_in_queue_or_graded["cells"] if c["key"] == KEY)["manual_score"]

    setup = hub.api(trainer, "GET", base).json()["setup"]
    assert trainee in {
        t["username"] for t in setup["assignments"][f"{loop.COURSE}/{loop.ASSIGNMENT}"]
    }
    refused = hub.api(
        sup,
        "POST",
        base,
        json={
            "title": "x",
            "course": loop.COURSE,
            "assignment": loop.ASSIGNMENT,
            "trainees": [trainee],
            "raters": [sup, rater_b],
        },
    )
    assert refused.status_code == 400 and "courses you teach" in refused.json()["message"]
    made = hub.api(
        trainer,
        "POST",
        base,
        json={
            "title": "Калибровка: открытый ответ",
            "course": loop.COURSE,
            "assignment": loop.ASSIGNMENT,
            "trainees": [trainee],
            "raters": [sup, rater_b],
        },
    )
    assert made.status_code == 201, made.text
    cal = made.json()["id"]
    item = made.json()["calibrations"][-1]["items"][0]["id"]
    path = f"{base}/{cal}/items/{item}"

    full_name = next(p["full_name"] for p in hub.values["people"] if p["username"] == trainee)
    opened = hub.api(rater_b, "GET", path)
    assert opened.status_code == 200, opened.text
    assert trainee not in opened.text and full_name not in opened.text
    assert any(c["key"] == KEY for c in opened.json()["cells"])
    for who, status in ((outsider, 404), (trainee, 403)):
        assert hub.api(who, "GET", path).status_code == status
        assert hub.api(who, "GET", f"{base}/{cal}/agreement").status_code == status
        assert hub.api(who, "POST", path, json={"levels": {KEY: 1}}).status_code == status

    assert hub.api(sup, "POST", path, json={"levels": {KEY: 9}}).status_code == 400
    assert hub.api(sup, "POST", path, json={"levels": {KEY: 3}}).status_code == 200
    assert hub.api(rater_b, "GET", f"{base}/{cal}/agreement").status_code == 409
    assert hub.api(rater_b, "POST", path, json={"levels": {KEY: 2}}).status_code == 200
    seen = hub.api(rater_b, "GET", f"{base}/{cal}/agreement").json()
    assert sorted(seen["raters"]) == ["R1", "you"]
    result = hub.api(trainer, "GET", f"{base}/{cal}/agreement").json()
    (criterion,) = result["criteria"]
    assert criterion["levels"] == {sup: {"1": 3}, rater_b: {"1": 2}}
    assert criterion["exact"] == 0.0 and criterion["within_one"] == 1.0
    assert criterion["kappa"] is None  # one submission: kappa needs at least two

    after = hub.api(sup, "GET", sub_path(trainee)).json()
    assert next(c for c in after["cells"] if c["key"] == KEY)["manual_score"] == before
