"""The grading desk's core: gradebook rows as nbgrader counts them, queues, progress, locking."""

from __future__ import annotations

import pytest
from nbgrader.api import Gradebook

from praxishub import db, desk, people, synthetic_gradebook
from praxishub.db import Person


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("gb") / "gradebook.db"
    url = f"sqlite:///{path}"
    facts = synthetic_gradebook.build(url, trainees=30, assignments=3, seed=7, supervisors=3)
    return url, facts


@pytest.fixture
def engine(programme_engine, built):
    engine = programme_engine
    _, facts = built
    with db.session_scope(engine) as session:
        for sup in facts["supervisors"]:
            session.add(
                Person(
                    username=sup["id"],
                    full_name=sup["first_name"],
                    email=f"{sup['id']}@example.org",
                    role="supervisor",
                )
            )
        session.flush()
        for s in facts["students"]:
            session.add(
                Person(
                    username=s["id"],
                    full_name=f"{s['first_name']} {s['last_name']}",
                    email=f"{s['id']}@example.org",
                    role="trainee",
                    supervisor=s["supervisor"],
                )
            )
    return engine


def test_gradebook_rows_match_nbgrader(built):
    """Does every row agree with nbgrader's own Gradebook API (scores, maxima, waiting)?"""
    url, facts = built
    rows = desk.gradebook_rows(url)
    assert len(rows) == sum(1 for _ in rows) and rows
    with Gradebook(url, course_id="school-cases") as gb:
        for row in rows:
            sub = gb.find_submission(row["assignment"], row["student"])
            assert row["auto_score"] + row["manual_score"] == pytest.approx(sub.score)
            assert row["max_score"] == pytest.approx(sub.max_score)
            assert row["auto_score"] == pytest.approx(sub.code_score)
            assert row["manual_score"] == pytest.approx(sub.written_score + sub.task_score)
            assert (row["needs_manual"] > 0) == sub.needs_manual_grade
    waiting = sorted((r["assignment"], r["student"]) for r in rows if r["needs_manual"])
    assert waiting == [tuple(w) for w in facts["waiting"]]


def test_gradebook_rows_filters(built):
    """Do the student and assignment filters return just those rows?"""
    url, facts = built
    first = facts["students"][0]["id"]
    rows = desk.gradebook_rows(url, [first], facts["assignments"][0])
    assert {(r["student"], r["assignment"]) for r in rows} <= {(first, facts["assignments"][0])}
    assert desk.gradebook_rows(url, []) == []


def test_queue_holds_only_own_supervisees_oldest_first(engine, built):
    """Is a supervisor's queue exactly their supervisees' waiting submissions, oldest first?"""
    url, facts = built
    with db.session_scope(engine) as session:
        assert desk.sync(session, "c1", desk.gradebook_rows(url)) > 0
    for sup in facts["supervisors"]:
        mine = {s["id"] for s in facts["students"] if s["supervisor"] == sup["id"]}
        expected = {(a, t) for a, t in facts["waiting"] if t in mine}
        with db.session_scope(engine) as session:
            items = desk.queue(session, sup["id"])
        assert {(i["assignment"], i["trainee"]) for i in items} == expected
        stamps = [i["submitted_at"] for i in items]
        assert stamps == sorted(stamps)
        c = desk.counts(items)
        assert c["total"] == len(expected) and sum(c["trainee"].values()) == len(expected)
        if items:
            one = items[0]["trainee"]
            with db.session_scope(engine) as session:
                only = desk.queue(session, sup["id"], trainee=one, course="c1")
            assert {i["trainee"] for i in only} == {one}


def test_progress_totals_equal_nbgrader(engine, built):
    """Does every trainee's progress total equal the score nbgrader gives them?"""
    url, facts = built
    with db.session_scope(engine) as session:
        desk.sync(session, "c1", desk.gradebook_rows(url))
        rows = desk.progress(session)
    assert len(rows) == len(facts["students"])
    for row in rows:
        assert row["score"] == pytest.approx(facts["score"][row["trainee"]], abs=0.01)


def test_progress_pages_walk_every_trainee_once_with_the_same_totals(engine, built):
    """Do pages of 7 walk every trainee once, in order, equal to the whole list, each with
    totals over all trainees in view; and is a bad page refused with the fix named?"""
    url, facts = built
    with db.session_scope(engine) as session:
        desk.sync(session, "c1", desk.gradebook_rows(url))
        whole = desk.progress(session)
        pages, offset = [], 0
        while True:
            page = desk.progress_page(session, limit=7, offset=offset)
            assert page["total"] == len(facts["students"]) and page["limit"] == 7
            if not page["progress"]:
                break
            pages.extend(page["progress"])
            offset += 7
        mine = [s["id"] for s in facts["students"]][:5]
        own = desk.progress_page(session, mine, limit=2)
        for bad, field in (({"limit": 0}, "limit"), ({"limit": 501}, "limit")):
            with pytest.raises(desk.DeskError) as err:
                desk.progress_page(session, **bad)
            assert err.value.problems[0].where == field
        with pytest.raises(desk.DeskError, match="offset"):
            desk.progress_page(session, limit=5, offset=-1)
    assert pages == whole
    summary = page["summary"]
    assert summary["trainees"] == len(whole)
    assert summary["submitted"] == sum(r["submitted"] for r in whole)
    assert summary["waiting"] == sum(r["waiting"] for r in whole) == len(facts["waiting"])
    assert summary["trainees_waiting"] == sum(1 for r in whole if r["waiting"])
    assert summary["score"] == pytest.approx(sum(facts["score"].values()), abs=0.05)
    assert own["total"] == 5 and [r["trainee"] for r in own["progress"]] == sorted(mine)[:2]

    # A complete re-sync that drops submissions moves the programme's totals with it.
    rows = desk.gradebook_rows(url)
    with db.session_scope(engine) as session:
        desk.sync(session, "c1", rows[::2], complete=True)
    with db.session_scope(engine) as session:
        after = desk.progress_page(session, limit=1)["summary"]
        whole = desk.progress(session)
    assert after["submitted"] == sum(r["submitted"] for r in whole) < summary["submitted"]
    assert after["waiting"] == sum(r["waiting"] for r in whole)
    assert after["trainees_waiting"] == sum(1 for r in whole if r["waiting"])
    assert after["score"] == pytest.approx(sum(r["score"] for r in whole), abs=0.05)


def test_two_syncs_of_one_trainee_at_once_count_once_on_postgresql(postgres, built):
    """On PostgreSQL, while one sync of a trainee is not yet committed, does a second sync
    of the same trainee wait for it, so the programme's totals count each once?"""
    import threading

    url, _ = built
    engine = db.make_engine(postgres.database())
    db.migrate(engine)
    try:
        with db.session_scope(engine) as session:
            session.add(
                Person(username="sup-x", full_name="S", email="s@example.org", role="supervisor")
            )
            session.add(
                Person(
                    username="t-x",
                    full_name="T X",
                    email="t@example.org",
                    role="trainee",
                    supervisor="sup-x",
                )
            )
        one = next(r for r in desk.gradebook_rows(url) if r["needs_manual"])
        first, second = ({**one, "student": "t-x", "assignment": a} for a in ("a-1", "a-2"))
        held = db.session_scope(engine)
        session = held.__enter__()
        desk.sync(session, "c1", [first])  # not committed yet
        other = threading.Thread(
            target=lambda: _sync_alone(engine, [second]), name="second-sync", daemon=True
        )
        other.start()
        other.join(timeout=2)
        assert other.is_alive()  # waits on the programme's row
        held.__exit__(None, None, None)
        other.join(timeout=30)
        assert not other.is_alive()
        with db.session_scope(engine) as session:
            summary = desk.progress_page(session, limit=1)["summary"]
            [row] = desk.progress(session, ["t-x"])
        assert summary["submitted"] == row["submitted"] == 2
        assert summary["waiting"] == row["waiting"] == 2
        assert summary["trainees_waiting"] == 1
    finally:
        engine.dispose()


def _sync_alone(engine, rows: list[dict]) -> None:
    with db.session_scope(engine) as session:
        desk.sync(session, "c1", rows)


def test_sync_skips_strangers_and_complete_removes_gone(engine, built):
    """Are rows of people not in the roster skipped, and rows gone from a gradebook removed?"""
    url, _ = built
    rows = desk.gradebook_rows(url)
    stranger = {**rows[0], "student": "nobody-here"}
    with db.session_scope(engine) as session:
        assert desk.sync(session, "c1", [*rows, stranger]) == len(rows)
        desk.sync(session, "c1", rows[1:], complete=True)
        left = desk.progress(session, [rows[0]["student"]])[0]["submitted"]
    before = sum(1 for r in rows if r["student"] == rows[0]["student"])
    assert left == before - 1


def test_another_supervisors_trainee_is_not_found(engine, built):
    """Is a submission of another supervisor's supervisee refused as if it did not exist?"""
    _, facts = built
    a, b = facts["supervisors"][0]["id"], facts["supervisors"][1]["id"]
    theirs = next(s["id"] for s in facts["students"] if s["supervisor"] == b)
    with db.session_scope(engine) as session, pytest.raises(desk.DeskError, match="No submission"):
        desk.grader_of(session, a, "c1", "x", theirs)
    with db.session_scope(engine) as session, pytest.raises(desk.DeskError):
        desk.grader_of(session, a, "c1", "x", "no-such-person")


def test_second_save_of_same_version_conflicts(engine, built):
    """Do two saves from the same version keep the first and refuse the second by name?"""
    _, facts = built
    s = facts["students"][0]
    sup_a, sup_b = facts["supervisors"][0]["id"], facts["supervisors"][1]["id"]
    key = ("c1", "a1", s["id"])
    with db.session_scope(engine) as session:
        before = desk.claim(session, sup_a, key, 0, {"a/q": 2}, {"a/q": "good"}, False)
    assert before["version"] == 0
    with db.session_scope(engine) as session, pytest.raises(desk.Conflict, match=f"{sup_a} saved"):
        desk.claim(session, sup_b, key, 0, {"a/q": 0}, {}, False)
    with db.session_scope(engine) as session:
        now = desk.state(session, *key)
    assert now["version"] == 1 and now["rubric"] == {"a/q": 2} and now["grader"] == sup_a
    # a failed gradebook write gives the claim back
    with db.session_scope(engine) as session:
        prev = desk.claim(session, sup_b, key, 1, {"a/q": 1}, {}, True)
        desk.release_claim(session, key, 1, prev)
    with db.session_scope(engine) as session:
        assert desk.state(session, *key)["rubric"] == {"a/q": 2}


def test_a_save_stays_pending_until_the_gradebook_has_it(engine, built):
    """Is a claimed save pending (with what to write and the state before) until it is
    confirmed or given back, and are only saves older than asked for listed?"""
    from datetime import timedelta

    _, facts = built
    s = facts["students"][1]
    sup = facts["supervisors"][0]["id"]
    key = ("c1", "a1", s["id"])
    with db.session_scope(engine) as session:
        desk.claim(session, sup, key, 0, {"a/q": 3}, {"a/q": "fine"}, False, {"a/q": 2.0})
    with db.session_scope(engine) as session:
        assert desk.pending_saves(session, db.utcnow() - timedelta(minutes=5)) == []
        [cut_off] = desk.pending_saves(session, db.utcnow() + timedelta(seconds=1))
    assert cut_off["key"] == key and cut_off["version"] == 1
    assert cut_off["write"] == {"points": {"a/q": 2.0}, "comments": {"a/q": "fine"}}
    assert cut_off["before"]["version"] == 0
    with db.session_scope(engine) as session:
        desk.confirm(session, key, 1)
    with db.session_scope(engine) as session:
        assert desk.pending_saves(session, db.utcnow() + timedelta(seconds=1)) == []
        before = desk.claim(session, sup, key, 1, {"a/q": 0}, {}, False, {"a/q": 0.0})
        desk.release_claim(session, key, 1, before)
    with db.session_scope(engine) as session:
        assert desk.pending_saves(session, db.utcnow() + timedelta(seconds=1)) == []
        assert desk.state(session, *key)["rubric"] == {"a/q": 3}


def test_rubric_levels_become_points():
    """Is a rubric level the cell's share of points, and a level off the rubric refused?"""
    rubric = desk.rubric_for("case-bullying-01")
    cells = [{"key": "case/history", "name": "history", "max_score": 3}]
    assert desk.grade_points(rubric, cells, {"case/history": 2}, {}) == {"case/history": 2.0}
    open_answer = desk.rubric_for("webinar-1")
    cells = [{"key": "w/q1", "name": "q1", "max_score": 2}]
    assert desk.grade_points(open_answer, cells, {"w/q1": 3}, {}) == {"w/q1": 2.0}
    assert desk.grade_points(open_answer, cells, {}, {"w/q1": 1.5}) == {"w/q1": 1.5}
    with pytest.raises(desk.DeskError, match="not on the rubric"):
        desk.grade_points(open_answer, cells, {"w/q1": 4}, {})
    with pytest.raises(desk.DeskError, match="outside"):
        desk.grade_points(open_answer, cells, {}, {"w/q1": 5})


def test_comment_bank_is_per_supervisor(engine, built):
    """Does each supervisor see and delete only their own bank comments?"""
    _, facts = built
    a, b = facts["supervisors"][0]["id"], facts["supervisors"][1]["id"]
    with db.session_scope(engine) as session:
        entry = desk.bank_add(session, a, "Хорошо сформулирован запрос. 好.")
        assert desk.bank(session, b) == []
    with db.session_scope(engine) as session, pytest.raises(desk.DeskError):
        desk.bank_delete(session, b, entry["id"])
    with db.session_scope(engine) as session:
        assert [e["text"] for e in desk.bank(session, a)] == ["Хорошо сформулирован запрос. 好."]
        desk.bank_delete(session, a, entry["id"])
        assert desk.bank(session, a) == []


def test_progress_carries_supervision_minutes(engine, built):
    """Do a trainee's logged and confirmed supervision minutes reach their progress row?"""
    from datetime import date

    from praxishub.db import SupervisionParticipant, SupervisionSession, utcnow

    _, facts = built
    a, b = facts["students"][0], facts["students"][1]
    with db.session_scope(engine) as session:
        for minutes, kind, people in ((50, "individual", [a]), (90, "group", [a, b])):
            row = SupervisionSession(
                supervisor=a["supervisor"], held_on=date(2026, 11, 3), minutes=minutes, kind=kind
            )
            row.participants = [
                SupervisionParticipant(
                    trainee=p["id"], confirmed_at=utcnow() if minutes == 50 else None
                )
                for p in people
            ]
            session.add(row)
    with db.session_scope(engine) as session:
        rows = {r["trainee"]: r for r in desk.progress(session, [a["id"], b["id"]])}
    assert rows[a["id"]]["supervision_minutes"] == 140
    assert rows[a["id"]]["supervision_confirmed_minutes"] == 50
    assert rows[b["id"]]["supervision_minutes"] == 90
    assert rows[b["id"]]["supervision_confirmed_minutes"] == 0


def test_follow_up_list_holds_flagged_submissions_graded_or_not(engine, built):
    """Does a flagged submission stay on the follow-up list after grading, and only there?"""
    url, facts = built
    with db.session_scope(engine) as session:
        desk.sync(session, "c1", desk.gradebook_rows(url))
    sup = facts["supervisors"][0]["id"]
    with db.session_scope(engine) as session:
        first = desk.queue(session, sup)[0]
        key = ("c1", first["assignment"], first["trainee"])
        desk.claim(session, sup, key, 0, {}, {}, True)
        assert desk.queue(session, sup, follow_up=True) == [first]
        other = facts["supervisors"][1]["id"]
        assert desk.queue(session, other, follow_up=True) == []


def test_a_row_read_earlier_never_overwrites_one_read_later(engine, built):
    """Does a stale report (read before a grade was saved, sent after) leave the newer
    row in the index?"""
    url, facts = built
    row = next(r for r in desk.gradebook_rows(url) if r["needs_manual"])
    newer = {**row, "needs_manual": 0, "read_at": "2030-01-01T00:00:01"}
    older = {**row, "read_at": "2030-01-01T00:00:00"}
    with db.session_scope(engine) as session:
        desk.sync(session, "c1", [newer])
        desk.sync(session, "c1", [older])
        sup = next(s["supervisor"] for s in facts["students"] if s["id"] == row["student"])
        waiting = {(i["assignment"], i["trainee"]) for i in desk.queue(session, sup)}
    assert (row["assignment"], row["student"]) not in waiting


def test_a_role_change_in_the_roster_moves_the_programme_totals(engine, built):
    """When a trainee's roster row makes them a supervisor, do their submissions leave the
    programme's progress totals at once (and come back when they are a trainee again),
    with no sync in between?"""
    from praxishub.roster import RosterRow

    url, facts = built
    with db.session_scope(engine) as session:
        desk.sync(session, "c1", desk.gradebook_rows(url))
        before = desk.progress_page(session, limit=1)["summary"]
    one = next(s for s in facts["students"] if facts["score"].get(s["id"]))
    with db.session_scope(engine) as session:
        person = session.get(Person, one["id"])
        mine = next(r for r in desk.progress(session) if r["trainee"] == one["id"])

    def import_as(role: str) -> None:
        row = RosterRow(
            line=2,
            username=person.username,
            full_name=person.full_name,
            email=person.email,
            role=role,
            cohort=None,
            supervisor=None if role != "trainee" else person.supervisor,
        )
        with db.session_scope(engine) as session:
            report = people.import_rows(session, [row], [], skip_invalid=False)
            assert report.updated == [person.username] and not report.rejected

    import_as("supervisor")
    with db.session_scope(engine) as session:
        after = desk.progress_page(session, limit=1)["summary"]
    assert after["trainees"] == before["trainees"] - 1
    assert after["submitted"] == before["submitted"] - mine["submitted"]
    assert after["score"] == pytest.approx(before["score"] - mine["score"], abs=0.01)
    import_as("trainee")
    with db.session_scope(engine) as session:
        again = desk.progress_page(session, limit=1)["summary"]
    assert again == before
