"""Can anyone reach supervision sessions, notes or totals that are not theirs through the API?"""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date, timedelta

import pytest

pytestmark = pytest.mark.integration

API = "/services/praxis/api/supervision"
TODAY = date.today().isoformat()
NOTE = "Синтетическая заметка супервизора"


def supervisees(hub, sup: str) -> list[str]:
    return sorted(p["username"] for p in hub.values["people"] if p.get("supervisor") == sup)


def note_for(trainee: str) -> str:
    return f"{NOTE} ({trainee})"


def session_body(trainees: list[str], **changes: object) -> dict:
    """A session with each trainee's own private note."""
    return {
        "date": TODAY,
        "minutes": 50,
        "kind": "individual" if len(trainees) == 1 else "group",
        "participants": [{"trainee": t, "note": note_for(t)} for t in trainees],
        "cases": [{"course": "school-cases", "assignment": "case-bullying-01"}],
        **changes,
    }


def log(hub, sup: str, trainees: list[str], **changes: object) -> dict:
    r = hub.api(sup, "POST", f"{API}/sessions", json=session_body(trainees, **changes))
    assert r.status_code == 201, r.text
    return r.json()


@pytest.fixture(scope="module")
def sups(hub) -> list[str]:
    return hub.people("supervisor")


def test_supervisor_logs_and_the_trainee_sees_and_confirms(hub, sups):
    """Does a session logged the old way (names and one "notes" text) reach its trainee with
    that note, and does their confirmation show?"""
    trainee = supervisees(hub, sups[0])[0]
    made = log(hub, sups[0], [trainee], participants=[trainee], notes=NOTE)
    listed = hub.api(trainee, "GET", f"{API}/sessions").json()["sessions"]
    mine = next(s for s in listed if s["id"] == made["id"])
    assert mine["participants"] == [{"trainee": trainee, "confirmed_at": None, "note": NOTE}]
    r = hub.api(trainee, "POST", f"{API}/sessions/{made['id']}/confirm")
    assert r.status_code == 200, r.text
    seen = hub.api(sups[0], "GET", f"{API}/sessions/{made['id']}").json()
    assert seen["participants"][0]["confirmed_at"]


def test_supervisor_a_gets_404_for_everything_of_supervisor_bs(hub, sups):
    """Is B's session, and B's supervisee, 'not found' to A on every endpoint?"""
    a, b = sups[0], sups[1]
    theirs = supervisees(hub, b)[0]
    made = log(hub, b, [theirs])["id"]
    one = f"{API}/sessions/{made}"
    attempts = [
        ("GET", one, None),
        ("PUT", one, session_body(supervisees(hub, a)[:1])),
        ("DELETE", one, None),
        ("POST", f"{one}/confirm", None),
        ("POST", f"{API}/sessions", session_body([theirs])),
        ("POST", f"{API}/sessions", session_body([supervisees(hub, a)[0], theirs])),
        ("GET", f"{API}/sessions?trainee={theirs}", None),
        ("GET", f"{API}/totals?trainee={theirs}", None),
        ("GET", f"{API}/export.csv?trainee={theirs}", None),
    ]
    for method, path, body in attempts:
        r = hub.api(a, method, path, json=body)
        assert r.status_code == 404, (method, path, r.status_code, r.text)
    # B's session and a session that does not exist read alike.
    missing = hub.api(a, "GET", f"{API}/sessions/999999").json()["message"]
    assert hub.api(a, "GET", one).json()["message"] == missing.replace("999999", str(made))
    listed = hub.api(a, "GET", f"{API}/sessions").json()["sessions"]
    assert all(s["supervisor"] == a for s in listed)
    assert theirs not in {
        r["trainee"] for r in hub.api(a, "GET", f"{API}/totals").json()["trainees"]
    }
    assert hub.api(b, "GET", one).status_code == 200, "B's session is untouched"


def test_trainees_get_403_from_supervisor_endpoints(hub, sups):
    """May a trainee log, change, delete or sign off? (403.) Confirm another's session? (404.)"""
    own, other = supervisees(hub, sups[0])[:2]
    made = log(hub, sups[0], [own])["id"]
    attempts = [
        ("POST", f"{API}/sessions", session_body([own])),
        ("PUT", f"{API}/sessions/{made}", session_body([own], minutes=600)),
        ("DELETE", f"{API}/sessions/{made}", None),
        ("POST", f"{API}/signoff", {"month": "2020-01"}),
    ]
    for method, path, body in attempts:
        assert hub.api(own, method, path, json=body).status_code == 403, (method, path)
    assert hub.api(other, "POST", f"{API}/sessions/{made}/confirm").status_code == 404
    assert hub.api(other, "GET", f"{API}/sessions/{made}").status_code == 404


def test_a_trainee_lists_and_totals_only_their_own_sessions(hub, sups):
    """Does a trainee get exactly their own sessions and only their own totals row?"""
    t1, t2 = supervisees(hub, sups[2])[:2]
    alone = log(hub, sups[2], [t1], minutes=40)["id"]
    together = log(hub, sups[2], [t1, t2], minutes=90)["id"]
    other = log(hub, sups[2], [t2], minutes=30)["id"]
    ids = {s["id"] for s in hub.api(t1, "GET", f"{API}/sessions").json()["sessions"]}
    assert {alone, together} <= ids and other not in ids
    for s in hub.api(t1, "GET", f"{API}/sessions").json()["sessions"]:
        assert t1 in {p["trainee"] for p in s["participants"]}
    rows = hub.api(t1, "GET", f"{API}/totals?month={TODAY[:7]}").json()["trainees"]
    assert [r["trainee"] for r in rows] == [t1]
    assert rows[0]["minutes"] >= 130 and rows[0]["group_minutes"] >= 90
    assert hub.api(t1, "GET", f"{API}/totals?trainee={t2}").status_code == 404


def test_the_coordinator_sees_every_session_but_no_notes(hub, sups):
    """Does the coordinator see sessions of all supervisors, with no notes, and write nothing?"""
    coord = hub.people("coordinator")[0]
    log(hub, sups[1], supervisees(hub, sups[1])[:2], group_notes="Синтетическая повестка")
    r = hub.api(coord, "GET", f"{API}/sessions")
    listed = r.json()["sessions"]
    assert {s["supervisor"] for s in listed} >= {sups[1]}
    assert listed and all("group_notes" not in s for s in listed)
    assert all("note" not in p for s in listed for p in s["participants"])
    one = hub.api(coord, "GET", f"{API}/sessions/{listed[0]['id']}").text
    exported = hub.api(coord, "GET", f"{API}/export.csv").content.decode("utf-8-sig")
    assert "note" not in exported.splitlines()[0]
    for seen in (r.text, one, exported):
        assert "Синтетическая заметка" not in seen and "Синтетическая повестка" not in seen
    trainee = supervisees(hub, sups[1])[0]
    assert (
        hub.api(coord, "POST", f"{API}/sessions", json=session_body([trainee])).status_code == 403
    )


def test_in_a_group_no_trainee_reads_another_trainees_note(hub, sups):
    """In a group of two, do A's list, session, confirmation and CSV never hold B's note (and
    the other way round), while the coordinator reads none and the supervisor reads all?"""
    sup = sups[0]
    a, b = supervisees(hub, sup)[:2]
    tag = uuid.uuid4().hex[:8]
    notes = {a: f"PRIVATE-{tag}-A: about {a}", b: f"PRIVATE-{tag}-B: about {b}"}
    shared = f"SHARED-{tag}: agenda for the group"
    made = log(hub, sup, [a, b], participants=[a, b], notes=notes, group_notes=shared)["id"]
    one = f"{API}/sessions/{made}"
    for me, other in ((a, b), (b, a)):
        answers = [
            hub.api(me, "GET", f"{API}/sessions"),
            hub.api(me, "GET", f"{API}/sessions?month={TODAY[:7]}&trainee={me}"),
            hub.api(me, "GET", one),
            hub.api(me, "POST", f"{one}/confirm"),
            hub.api(me, "GET", f"{API}/export.csv"),
            hub.api(me, "GET", f"{API}/export.csv?month={TODAY[:7]}&delimiter=;"),
        ]
        assert all(r.status_code == 200 for r in answers), [r.text for r in answers]
        seen = "".join(r.content.decode("utf-8-sig") for r in answers)
        assert notes[me] in seen and shared in seen
        assert notes[other] not in seen, f"{me} reads {other}'s note"
        rows = list(csv.DictReader(io.StringIO(answers[4].content.decode("utf-8-sig"))))
        assert {row["trainee"] for row in rows} == {me}, "a trainee's CSV has only their rows"
        assert hub.api(me, "GET", f"{API}/sessions?trainee={other}").status_code == 404
    coord = hub.people("coordinator")[0]
    seen = hub.api(coord, "GET", f"{API}/sessions").text + hub.api(coord, "GET", one).text
    seen += hub.api(coord, "GET", f"{API}/export.csv").content.decode("utf-8-sig")
    assert tag not in seen, "the coordinator reads no note of either kind"
    got = hub.api(sup, "GET", one).json()
    assert {p["trainee"]: p["note"] for p in got["participants"]} == notes
    assert got["group_notes"] == shared
    exported = hub.api(sup, "GET", f"{API}/export.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert {(r["trainee"], r["note"]) for r in rows if r["session"] == str(made)} == {
        (a, notes[a]),
        (b, notes[b]),
    }


def test_a_signed_month_is_frozen(hub, sups):
    """After sign-off, are adding, changing, deleting and confirming that month refused (409)?"""
    sup = sups[3]
    trainee = supervisees(hub, sup)[0]
    day = (date.today().replace(day=1) - timedelta(days=1)).replace(day=10)
    month = day.strftime("%Y-%m")
    made = log(hub, sup, [trainee], date=day.isoformat())["id"]
    r = hub.api(sup, "POST", f"{API}/signoff", json={"month": month})
    assert r.status_code == 201, r.text
    assert r.json()["total_minutes"] == 50
    attempts = [
        (sup, "POST", f"{API}/sessions", session_body([trainee], date=day.isoformat())),
        (sup, "PUT", f"{API}/sessions/{made}", session_body([trainee], minutes=5)),
        (sup, "DELETE", f"{API}/sessions/{made}", None),
        (trainee, "POST", f"{API}/sessions/{made}/confirm", None),
        (sup, "POST", f"{API}/signoff", {"month": month}),
    ]
    for who, method, path, body in attempts:
        r = hub.api(who, method, path, json=body)
        assert r.status_code == 409, (method, path, r.text)
        assert "signed off" in r.json()["message"]
    totals = hub.api(sup, "GET", f"{API}/totals?month={month}").json()
    assert [s["supervisor"] for s in totals["signoffs"]] == [sup]
    running = hub.api(sup, "POST", f"{API}/signoff", json={"month": TODAY[:7]})
    assert running.status_code == 400 and running.json()["problems"][0]["where"] == "month"


def test_bad_input_is_400_naming_the_field(hub, sups):
    """Does a bad session come back as 400 with each problem's field and fix?"""
    trainee = supervisees(hub, sups[0])[0]
    r = hub.api(
        sups[0], "POST", f"{API}/sessions", json=session_body([trainee], minutes=0, kind="pair")
    )
    assert r.status_code == 400
    problems = r.json()["problems"]
    assert {p["where"] for p in problems} == {"minutes", "kind"}
    assert all(p["fix"] for p in problems)
    assert hub.api(sups[0], "POST", f"{API}/sessions", data=b"{not json").status_code == 400
    two = supervisees(hub, sups[0])[:2]
    refused = [
        (session_body(two, participants=two, notes="one text for the whole group"), "notes"),
        (session_body(two, participants=[{"trainee": two[0], "notes": "typo"}]), "participants[0]"),
        (session_body(two[:1], group_notes="only for groups"), "group_notes"),
        (session_body(two, notes={"nobody": "x"}), "notes.nobody"),
    ]
    for body, field in refused:
        r = hub.api(sups[0], "POST", f"{API}/sessions", json=body)
        assert r.status_code == 400, (field, r.text)
        assert [p["where"] for p in r.json()["problems"]] == [field], r.text


def test_csv_export_opens_with_the_supervisors_rows(hub, sups):
    """Is the CSV UTF-8 with a BOM, holding exactly the supervisor's sessions and their notes?"""
    sup = sups[2]
    r = hub.api(sup, "GET", f"{API}/export.csv?month={TODAY[:7]}")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/csv")
    assert r.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    listed = hub.api(sup, "GET", f"{API}/sessions?month={TODAY[:7]}").json()["sessions"]
    assert len(rows) == sum(len(s["participants"]) for s in listed) >= 1, "a row per participant"
    assert {row["supervisor"] for row in rows} == {sup}
    assert all(row["note"] == note_for(row["trainee"]) for row in rows), "each note in its row"


def test_a_browser_post_without_the_xsrf_token_is_refused(hub, sups):
    """Can another site make a logged-in supervisor's browser sign off a month? (No: XSRF.)"""
    s = hub.login(sups[0])
    s.get(f"{hub.url}/services/praxis/", timeout=30)  # the OAuth dance sets the service cookie
    assert s.get(f"{hub.url}{API}/sessions", timeout=30).status_code == 200
    r = s.post(f"{hub.url}{API}/signoff", json={"month": "2020-01"}, timeout=30)
    assert r.status_code == 403
