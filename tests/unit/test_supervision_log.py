"""Does the supervision log keep each supervisor's sessions, notes and totals to the right people?"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from praxishub import db, supervision
from praxishub.db import Person, SupervisionSession
from praxishub.supervision import Caller, Forbidden, Frozen, NotFound, SupervisionError

TODAY = date(2026, 12, 10)
SUP_A = Caller("sup-a", supervises=True)
SUP_B = Caller("sup-b", supervises=True)
COORD = Caller("coord", reads_all=True)
TR_A1, TR_A2, TR_B1 = Caller("tr-a1"), Caller("tr-a2"), Caller("tr-b1")


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """A migrated programme database with two supervisors, their trainees and a coordinator."""
    engine = db.make_engine(f"sqlite:///{tmp_path / 'programme.sqlite'}")
    db.migrate(engine)
    people = [
        ("coord", "coordinator", None),
        ("sup-a", "supervisor", None),
        ("sup-b", "supervisor", None),
        ("tr-a1", "trainee", "sup-a"),
        ("tr-a2", "trainee", "sup-a"),
        ("tr-a3", "trainee", "sup-a"),
        ("tr-b1", "trainee", "sup-b"),
        ("tr-b2", "trainee", "sup-b"),
    ]
    with db.session_scope(engine) as s:
        for username, role, _ in people:
            s.add(
                Person(
                    username=username,
                    full_name=f"Synthetic {username}",
                    email=f"{username}@example.org",
                    role=role,
                )
            )
        s.flush()
        for username, _, sup in people:
            s.get(Person, username).supervisor = sup  # type: ignore[union-attr]
    yield engine
    engine.dispose()


def body(**changes: object) -> dict:
    base = {
        "date": "2026-11-03",
        "minutes": 50,
        "kind": "individual",
        "participants": ["tr-a1"],
        "cases": [{"course": "school-cases", "assignment": "case-bullying-01"}],
        "notes": "Обсудили перенос; план: супервизия через неделю.",
    }
    return {**base, **changes}


def log(engine: Engine, caller: Caller = SUP_A, **changes: object) -> dict:
    with db.session_scope(engine) as s:
        return supervision.log_session(s, caller, body(**changes), TODAY)


def run(engine: Engine, fn, *args, **kw):  # type: ignore[no-untyped-def]
    with db.session_scope(engine) as s:
        return fn(s, *args, **kw)


def test_supervisor_logs_a_session_and_reads_it_back(engine):
    """Is a logged session stored with its participants, cases and notes, unconfirmed?"""
    made = log(engine)
    got = run(engine, supervision.get_session, SUP_A, made["id"])
    assert got["date"] == "2026-11-03" and got["month"] == "2026-11"
    assert got["minutes"] == 50 and got["kind"] == "individual"
    assert got["participants"] == [{"trainee": "tr-a1", "confirmed_at": None}]
    assert got["cases"] == [{"course": "school-cases", "assignment": "case-bullying-01"}]
    assert got["notes"].startswith("Обсудили")
    assert got["signed"] is False


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"minutes": 0}, "minutes"),
        ({"minutes": 601}, "minutes"),
        ({"minutes": "50"}, "minutes"),
        ({"minutes": True}, "minutes"),
        ({"kind": "pair"}, "kind"),
        ({"date": "03.11.2026"}, "date"),
        ({"date": "2026-02-30"}, "date"),
        ({"date": "2026-12-11"}, "date"),
        ({"participants": ["tr-a1", "tr-a2"]}, "participants"),
        ({"kind": "group"}, "participants"),
        ({"participants": "tr-a1"}, "participants"),
        ({"cases": [{"course": "../etc", "assignment": "x"}]}, "cases[0]"),
        ({"notes": 5}, "notes"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_the_fix(engine, changes, field):
    """Does each bad value give a SupervisionError naming its field and a fix, storing nothing?"""
    with pytest.raises(SupervisionError) as caught:
        log(engine, **changes)
    assert [p.where for p in caught.value.problems] == [field]
    assert all(p.fix for p in caught.value.problems)
    assert run(engine, supervision.list_sessions, SUP_A) == []


def test_several_problems_are_reported_at_once(engine):
    """Are all bad fields reported together, not just the first?"""
    with pytest.raises(SupervisionError) as caught:
        log(engine, minutes=0, kind="x", date="tomorrow")
    assert {p.where for p in caught.value.problems} >= {"minutes", "kind", "date"}


def test_a_supervisor_logs_only_for_own_supervisees_and_learns_nothing_about_others(engine):
    """Is another supervisor's supervisee 'not found', in the same words as nobody at all?"""
    with pytest.raises(NotFound) as theirs:
        log(engine, participants=["tr-b1"])
    with pytest.raises(NotFound) as nobody:
        log(engine, participants=["no-such-person"])
    with pytest.raises(NotFound):
        log(engine, participants=["sup-b"])  # not a trainee at all
    with pytest.raises(NotFound):
        log(engine, kind="group", participants=["tr-a1", "tr-b1"])
    assert str(theirs.value).replace("tr-b1", "X") == str(nobody.value).replace(
        "no-such-person", "X"
    )
    assert run(engine, supervision.list_sessions, SUP_A) == []


def test_trainees_and_coordinators_may_not_log_or_sign(engine):
    """Do a trainee and a coordinator get Forbidden for logging and signing off?"""
    for caller in (TR_A1, COORD):
        with pytest.raises(Forbidden):
            log(engine, caller)
        with pytest.raises(Forbidden):
            run(engine, supervision.sign_off, caller, "2026-11", TODAY)


def test_supervisor_a_cannot_reach_supervisor_bs_session(engine):
    """Is B's session 'not found' to A for reading, changing, deleting and confirming?"""
    theirs = log(engine, SUP_B, participants=["tr-b1"])["id"]
    with pytest.raises(NotFound):
        run(engine, supervision.get_session, SUP_A, theirs)
    with pytest.raises(NotFound):
        run(engine, supervision.update_session, SUP_A, theirs, body(), TODAY)
    with pytest.raises(NotFound):
        run(engine, supervision.delete_session, SUP_A, theirs)
    with pytest.raises(NotFound):
        run(engine, supervision.confirm, SUP_A, theirs)
    with pytest.raises(NotFound):
        run(engine, supervision.totals, SUP_A, "2026-11", "tr-b1")
    assert run(engine, supervision.list_sessions, SUP_A) == []
    assert run(engine, supervision.get_session, SUP_B, theirs)["notes"]


def test_a_trainee_sees_only_own_sessions_with_their_notes(engine):
    """Does a trainee list exactly the sessions they took part in, notes included?"""
    own = log(engine, participants=["tr-a1"])["id"]
    log(engine, participants=["tr-a2"], notes="про tr-a2")
    group = log(engine, kind="group", participants=["tr-a1", "tr-a3"], minutes=90)["id"]
    log(engine, SUP_B, participants=["tr-b1"])
    listed = run(engine, supervision.list_sessions, TR_A1)
    assert {s["id"] for s in listed} == {own, group}
    assert all("notes" in s for s in listed)
    for fn in (supervision.list_sessions, supervision.totals, supervision.export_csv):
        with pytest.raises(NotFound):
            run(engine, fn, TR_A1, None, "tr-a3")  # shares a group session, still not theirs


def test_the_coordinator_sees_every_session_but_no_notes(engine):
    """Does the coordinator list everyone's sessions without a single note?"""
    log(engine)
    log(engine, SUP_B, participants=["tr-b1"])
    listed = run(engine, supervision.list_sessions, COORD)
    assert {s["supervisor"] for s in listed} == {"sup-a", "sup-b"}
    assert all("notes" not in s for s in listed)
    one = run(engine, supervision.get_session, COORD, listed[0]["id"])
    assert "notes" not in one


def test_only_the_trainee_confirms_and_a_change_of_time_asks_again(engine):
    """Is confirming the participant's own act, idempotent, and undone when minutes change?"""
    made = log(engine)["id"]
    with pytest.raises(Forbidden):
        run(engine, supervision.confirm, SUP_A, made)
    with pytest.raises(NotFound):
        run(engine, supervision.confirm, TR_A2, made)
    first = run(engine, supervision.confirm, TR_A1, made)["participants"][0]["confirmed_at"]
    again = run(engine, supervision.confirm, TR_A1, made)["participants"][0]["confirmed_at"]
    assert first is not None and again == first
    kept = run(engine, supervision.update_session, SUP_A, made, body(notes="уточнено"), TODAY)
    assert kept["participants"][0]["confirmed_at"] == first
    reset = run(engine, supervision.update_session, SUP_A, made, body(minutes=45), TODAY)
    assert reset["participants"][0]["confirmed_at"] is None


def test_a_session_keeps_a_trainee_who_has_since_changed_supervisor(engine):
    """Can a supervisor still correct an old session whose trainee moved to another supervisor?"""
    made = log(engine)["id"]
    with db.session_scope(engine) as s:
        s.get(Person, "tr-a1").supervisor = "sup-b"  # type: ignore[union-attr]
    got = run(engine, supervision.update_session, SUP_A, made, body(minutes=60), TODAY)
    assert got["minutes"] == 60
    former = run(engine, supervision.totals, SUP_A, None, "tr-a1")["trainees"]
    assert former[0]["minutes"] == 60, "a former supervisee's past minutes stay visible"
    assert run(engine, supervision.list_sessions, SUP_B, None, "tr-a1") == []
    with pytest.raises(NotFound):
        log(engine, participants=["tr-a1"])


def test_monthly_totals_per_trainee(engine):
    """Are minutes summed per trainee, split individual/group and confirmed/unconfirmed?"""
    one = log(engine, minutes=50)["id"]
    log(engine, kind="group", participants=["tr-a1", "tr-a2"], minutes=90)
    log(engine, date="2026-10-30", minutes=40)  # another month
    run(engine, supervision.confirm, TR_A1, one)
    got = run(engine, supervision.totals, SUP_A, "2026-11")
    rows = {r["trainee"]: r for r in got["trainees"]}
    assert rows["tr-a1"] == {
        "trainee": "tr-a1",
        "minutes": 140,
        "individual_minutes": 50,
        "group_minutes": 90,
        "confirmed_minutes": 50,
        "unconfirmed_minutes": 90,
        "signed_minutes": 0,
        "sessions": 2,
    }
    assert rows["tr-a2"]["minutes"] == 90
    assert rows["tr-a3"]["minutes"] == 0, "a supervisee without sessions still has a row"
    assert got["supervisor_minutes"] == 140, "a group session counts once for the supervisor"
    assert run(engine, supervision.totals, SUP_A)["supervisor_minutes"] == 180
    mine = run(engine, supervision.totals, TR_A2, "2026-11")["trainees"]
    assert [r["trainee"] for r in mine] == ["tr-a2"]
    with pytest.raises(SupervisionError):
        run(engine, supervision.totals, SUP_A, "2026-13")


def test_signing_off_a_month_freezes_it(engine):
    """After sign-off, may nobody add, change, move, delete or confirm a session of that month?"""
    made = log(engine)["id"]
    december = log(engine, date="2026-12-01")["id"]
    signed = run(engine, supervision.sign_off, SUP_A, "2026-11", TODAY)
    assert signed["total_minutes"] == 50
    assert signed["trainees"]["tr-a1"]["unconfirmed_minutes"] == 50
    attempts = [
        (supervision.log_session, (SUP_A, body(), TODAY)),
        (supervision.update_session, (SUP_A, made, body(minutes=10), TODAY)),
        (supervision.update_session, (SUP_A, december, body(date="2026-11-20"), TODAY)),
        (supervision.delete_session, (SUP_A, made)),
        (supervision.confirm, (TR_A1, made)),
        (supervision.sign_off, (SUP_A, "2026-11", TODAY)),
    ]
    for fn, args in attempts:
        with pytest.raises(Frozen) as caught:
            run(engine, fn, *args)
        assert "signed off" in str(caught.value)
    assert run(engine, supervision.get_session, SUP_A, made)["signed"] is True
    rows = run(engine, supervision.totals, COORD, "2026-11")
    assert rows["trainees"][0]["signed_minutes"] == 50
    assert [s["supervisor"] for s in rows["signoffs"]] == ["sup-a"]
    # B's November and A's December stay open.
    log(engine, SUP_B, participants=["tr-b1"])
    run(engine, supervision.confirm, TR_A1, december)


def test_only_a_finished_month_with_sessions_is_signed(engine):
    """Are the running month and an empty month refused, with the day signing becomes possible?"""
    log(engine, date="2026-12-01")
    with pytest.raises(SupervisionError) as running:
        run(engine, supervision.sign_off, SUP_A, "2026-12", TODAY)
    assert "2027-01-01" in str(running.value)
    with pytest.raises(SupervisionError):
        run(engine, supervision.sign_off, SUP_A, "2026-10", TODAY)


def test_csv_opens_in_excel_with_cyrillic_and_without_notes_for_the_coordinator(engine):
    """Is the CSV UTF-8 with a BOM, one row per visible session, notes only for their owners?"""
    log(engine, kind="group", participants=["tr-a1", "tr-a2"], notes="=HYPERLINK(1) Заметка")
    log(engine, SUP_B, participants=["tr-b1"])
    raw = run(engine, supervision.export_csv, SUP_A)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 1
    assert rows[0]["participants"] == "tr-a1; tr-a2" and rows[0]["confirmed"] == ""
    assert rows[0]["cases"] == "school-cases/case-bullying-01"
    assert rows[0]["notes"] == "'=HYPERLINK(1) Заметка", "a formula must not run in Excel"
    coord = run(engine, supervision.export_csv, COORD, "2026-11").decode("utf-8-sig")
    header, *lines = list(csv.reader(io.StringIO(coord)))
    assert header == supervision.CSV_COLUMNS
    assert len(lines) == 2 and "Заметка" not in coord
    trainee = run(engine, supervision.export_csv, TR_B1).decode("utf-8-sig")
    assert "sup-a" not in trainee and "sup-b" in trainee


def test_the_database_refuses_impossible_sessions(engine):
    """Does the schema itself refuse 0 minutes and an unknown kind, whatever code writes?"""
    for minutes, kind in ((0, "individual"), (601, "individual"), (50, "pair")):
        with pytest.raises(IntegrityError), db.session_scope(engine) as s:
            s.add(SupervisionSession(supervisor="sup-a", held_on=TODAY, minutes=minutes, kind=kind))


def test_deleting_a_session_removes_its_participants_and_cases(engine):
    """Does a deleted session leave no participant or case rows behind?"""
    made = log(engine, kind="group", participants=["tr-a1", "tr-a2"])["id"]
    run(engine, supervision.delete_session, SUP_A, made)
    with engine.connect() as conn:
        for table in ("supervision_participants", "supervision_cases", "supervision_sessions"):
            assert conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0  # noqa: S608
