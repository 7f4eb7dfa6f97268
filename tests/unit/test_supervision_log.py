"""Does the supervision log keep each supervisor's sessions, notes and totals to the right people?"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date

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
def engine(programme_engine: Engine) -> Iterator[Engine]:
    """A migrated programme database with two supervisors, their trainees and a coordinator."""
    engine = programme_engine
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
        "participants": [{"trainee": "tr-a1", "note": NOTE}],
        "cases": [{"course": "school-cases", "assignment": "case-bullying-01"}],
    }
    return {**base, **changes}


NOTE = "Обсудили перенос; план: супервизия через неделю."
NOTE_A1 = "NOTE-A1: тревога перед экзаменом"
NOTE_A2 = "NOTE-A2: конфликт с родителями клиента"
GROUP_NOTES = "GROUP: повестка — границы в школьной практике"
TODAY_ISO = date.today().isoformat()  # confirmations are stamped with the real clock


def group_body() -> dict:
    """A group session of tr-a1 and tr-a2, each with a distinctive private note."""
    return {
        "kind": "group",
        "participants": [
            {"trainee": "tr-a1", "note": NOTE_A1},
            {"trainee": "tr-a2", "note": NOTE_A2},
        ],
        "group_notes": GROUP_NOTES,
    }


def dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


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
    assert got["participants"] == [{"trainee": "tr-a1", "confirmed_at": None, "note": NOTE}]
    assert got["cases"] == [{"course": "school-cases", "assignment": "case-bullying-01"}]
    assert got["group_notes"] == ""
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
        ({"participants": ["tr-a1", "tr-a1"]}, "participants[1]"),
        ({"participants": [{"trainee": "tr-a1", "notes": "x"}]}, "participants[0]"),
        ({"participants": [{"trainee": "tr-a1", "username": "tr-a2"}]}, "participants[0]"),
        ({"participants": [{"note": "x"}]}, "participants[0]"),
        ({"participants": [{"trainee": "tr-a1", "note": 5}]}, "participants[0].note"),
        ({"notes": 5}, "notes"),
        ({"notes": {"tr-a2": "not in this session"}}, "notes.tr-a2"),
        ({"notes": {"tr-a1": "x" * 20_001}}, "notes.tr-a1"),
        ({"participants": [{"trainee": "tr-a1", "note": "one"}], "notes": "two"}, "notes.tr-a1"),
        ({"kind": "group", "participants": ["tr-a1", "tr-a2"], "notes": "for all"}, "notes"),
        ({"group_notes": "an individual session has none"}, "group_notes"),
        ({"kind": "group", "participants": ["tr-a1", "tr-a2"], "group_notes": 5}, "group_notes"),
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
    theirs = log(engine, SUP_B, participants=[{"trainee": "tr-b1", "note": NOTE}])["id"]
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
    assert run(engine, supervision.get_session, SUP_B, theirs)["participants"][0]["note"]


def test_a_trainee_sees_only_own_sessions_with_their_notes(engine):
    """Does a trainee list exactly the sessions they took part in, with their own note?"""
    own = log(engine)["id"]
    log(engine, participants=[{"trainee": "tr-a2", "note": "про tr-a2"}])
    group = log(engine, **group_body(), minutes=90)["id"]
    log(engine, SUP_B, participants=["tr-b1"])
    listed = run(engine, supervision.list_sessions, TR_A1)
    assert {s["id"] for s in listed} == {own, group}
    assert all("group_notes" in s for s in listed)
    assert [p["note"] for s in listed for p in s["participants"] if "note" in p] == [NOTE_A1, NOTE]
    for fn in (supervision.list_sessions, supervision.totals, supervision.export_csv):
        with pytest.raises(NotFound):
            run(engine, fn, TR_A1, None, "tr-a3")  # shares a group session, still not theirs


def test_the_coordinator_sees_every_session_but_no_notes(engine):
    """Does the coordinator list everyone's sessions without a single note of either kind?"""
    log(engine)
    log(engine, SUP_B, participants=["tr-b1"])
    log(engine, **group_body())
    listed = run(engine, supervision.list_sessions, COORD)
    assert {s["supervisor"] for s in listed} == {"sup-a", "sup-b"}
    assert all("group_notes" not in s for s in listed)
    assert all("note" not in p for s in listed for p in s["participants"])
    for s in listed:
        one = run(engine, supervision.get_session, COORD, s["id"])
        assert "group_notes" not in one and all("note" not in p for p in one["participants"])
    seen = dump(listed) + dump(run(engine, supervision.totals, COORD, "2026-11"))
    seen += run(engine, supervision.export_csv, COORD).decode("utf-8-sig")
    for text in (NOTE_A1, NOTE_A2, GROUP_NOTES, "Обсудили"):
        assert text not in seen


def test_in_a_group_a_trainee_never_reads_another_trainees_note(engine):
    """Do tr-a1's list, session, confirmation and CSV hold their note and the group's, never
    tr-a2's, and the other way round, while the supervisor reads all three?"""
    made = log(engine, **group_body())["id"]
    for me, mine, theirs in ((TR_A1, NOTE_A1, NOTE_A2), (TR_A2, NOTE_A2, NOTE_A1)):
        listed = run(engine, supervision.list_sessions, me)
        one = run(engine, supervision.get_session, me, made)
        confirmed = run(engine, supervision.confirm, me, made)
        filtered = run(engine, supervision.list_sessions, me, "2026-11", me.username)
        raw = run(engine, supervision.export_csv, me).decode("utf-8-sig")
        seen = dump([listed, one, confirmed, filtered]) + raw
        assert mine in seen and GROUP_NOTES in seen
        assert theirs not in seen, f"{me.username} reads another trainee's note"
        rows = list(csv.DictReader(io.StringIO(raw)))
        assert [(r["trainee"], r["note"], r["group_notes"]) for r in rows] == [
            (me.username, mine, GROUP_NOTES)
        ]
        other = next(p for p in one["participants"] if p["trainee"] != me.username)
        assert "note" not in other, "the other participant is listed without their note"
    sup = run(engine, supervision.get_session, SUP_A, made)
    assert {p["trainee"]: p["note"] for p in sup["participants"]} == {
        "tr-a1": NOTE_A1,
        "tr-a2": NOTE_A2,
    }
    assert sup["group_notes"] == GROUP_NOTES
    rows = list(csv.DictReader(io.StringIO(run(engine, supervision.export_csv, SUP_A).decode())))
    assert [(r["trainee"], r["note"]) for r in rows] == [("tr-a1", NOTE_A1), ("tr-a2", NOTE_A2)]
    only = run(engine, supervision.export_csv, SUP_A, None, "tr-a2").decode("utf-8-sig")
    assert NOTE_A2 in only and NOTE_A1 not in only, "a trainee filter keeps that trainee's rows"


def test_old_plain_notes_are_an_individual_sessions_note(engine):
    """Does the old '"participants": [names], "notes": text' still log the trainee's note?"""
    made = log(engine, participants=["tr-a1"], notes=NOTE_A1)
    assert made["participants"][0]["note"] == NOTE_A1 and made["group_notes"] == ""


@pytest.mark.parametrize(
    "shape",
    [
        {"participants": [{"trainee": "tr-a1", "note": NOTE_A1}, {"trainee": "tr-a2"}]},
        {"participants": [{"username": "tr-a1", "note": NOTE_A1}, "tr-a2"]},
        {"participants": ["tr-a2", "tr-a1"], "notes": {"tr-a1": NOTE_A1, "tr-a2": ""}},
    ],
)
def test_notes_per_trainee_are_read_in_every_accepted_shape(engine, shape):
    """Do objects, the "username" spelling and a notes map all store the same private notes?"""
    made = log(engine, kind="group", **shape)
    assert [(p["trainee"], p["note"]) for p in made["participants"]] == [
        ("tr-a1", NOTE_A1),
        ("tr-a2", ""),
    ]


def test_a_session_read_back_can_be_sent_back_unchanged(engine):
    """Does a supervisor's GET, sent back as the PUT body, keep notes and confirmations?"""
    made = log(engine, **group_body())["id"]
    run(engine, supervision.confirm, TR_A1, made)
    got = run(engine, supervision.get_session, SUP_A, made)
    again = run(engine, supervision.update_session, SUP_A, made, got, TODAY)
    assert again["participants"] == got["participants"]
    assert again["group_notes"] == GROUP_NOTES
    changed = [{**p, "note": p["note"] + " (исправлено)"} for p in got["participants"]]
    fixed = run(engine, supervision.update_session, SUP_A, made, {**got, "participants": changed})
    assert fixed["participants"][0]["confirmed_at"], "a changed note asks nobody to confirm again"
    assert fixed["participants"][1]["note"] == NOTE_A2 + " (исправлено)"


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
    kept = run(
        engine,
        supervision.update_session,
        SUP_A,
        made,
        body(participants=[{"trainee": "tr-a1", "note": "уточнено"}]),
        TODAY,
    )
    assert kept["participants"][0]["confirmed_at"] == first
    assert kept["participants"][0]["note"] == "уточнено"
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
    """Is the CSV UTF-8 with a BOM, a row per participant, notes only for their owners?"""
    made = log(
        engine,
        kind="group",
        participants=[{"trainee": "tr-a1", "note": "=HYPERLINK(1) Заметка"}, "tr-a2"],
        group_notes="+План группы",
    )["id"]
    run(engine, supervision.confirm, TR_A2, made)
    log(engine, SUP_B, participants=["tr-b1"])
    raw = run(engine, supervision.export_csv, SUP_A)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["session"], r["trainee"]) for r in rows] == [
        (str(made), "tr-a1"),
        (str(made), "tr-a2"),
    ]
    assert rows[0]["confirmed"] == "" and rows[1]["confirmed"] == TODAY_ISO
    assert rows[0]["cases"] == "school-cases/case-bullying-01"
    assert rows[0]["note"] == "'=HYPERLINK(1) Заметка", "a formula must not run in Excel"
    assert rows[1]["note"] == "" and rows[1]["group_notes"] == "'+План группы"
    coord = run(engine, supervision.export_csv, COORD, "2026-11").decode("utf-8-sig")
    header, *lines = list(csv.reader(io.StringIO(coord)))
    assert header == supervision.CSV_COLUMNS
    assert len(lines) == 3 and "Заметка" not in coord and "План" not in coord
    trainee = run(engine, supervision.export_csv, TR_B1).decode("utf-8-sig")
    assert "sup-a" not in trainee and "sup-b" in trainee


def test_the_database_refuses_impossible_sessions(engine):
    """Does the schema itself refuse 0 minutes, an unknown kind and an individual session's
    group notes, whatever code writes?"""
    for minutes, kind, shared in (
        (0, "individual", ""),
        (601, "individual", ""),
        (50, "pair", ""),
        (50, "individual", "shared"),
    ):
        with pytest.raises(IntegrityError), db.session_scope(engine) as s:
            s.add(
                SupervisionSession(
                    supervisor="sup-a",
                    held_on=TODAY,
                    minutes=minutes,
                    kind=kind,
                    group_notes=shared,
                )
            )


def test_deleting_a_session_removes_its_participants_and_cases(engine):
    """Does a deleted session leave no participant or case rows behind?"""
    made = log(engine, kind="group", participants=["tr-a1", "tr-a2"])["id"]
    run(engine, supervision.delete_session, SUP_A, made)
    with engine.connect() as conn:
        for table in ("supervision_participants", "supervision_cases", "supervision_sessions"):
            assert conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0  # noqa: S608
