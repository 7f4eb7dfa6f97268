"""Hostile zips in the exchange: is a zip the graders could not unpack safely (not a zip,
a path out of its folder, a link, too many files, a bomb) refused when it is sent, with
nothing stored, and again when it is unpacked; may a trainee keep only so many
submissions; and does collecting skip one bad submission and unpack everyone else's?

Storage runs on SQLite and PostgreSQL; each error must name the item and the fix.
"""

from __future__ import annotations

import hashlib
import io
import logging
import stat
import struct
import zipfile
from pathlib import Path

import pytest
from nbgrader.auth import Authenticator
from nbgrader.coursedir import CourseDirectory
from nbgrader.exchange import ExchangeError as NbgraderExchangeError
from nbgrader.exchange.default import ExchangeCollect

from praxishub import db
from praxishub import exchange_api as api
from praxishub import exchange_store as store
from praxishub import exchange_zips as zips

SUB = "a.ivanova+w01+2026-11-30 10:00:00.000000 UTC"


def zipped(members: dict[str | zipfile.ZipInfo, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def link(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def encrypted(name: str) -> bytes:
    """A zip whose one member says it is encrypted (zipfile writes no such thing)."""
    data = bytearray(zipped({name: b"x"}))
    for header, flags in [(b"PK\x01\x02", 8), (b"PK\x03\x04", 6)]:
        at = data.find(header) + flags
        data[at] |= 0x1
    return bytes(data)


GOOD = zipped({"w01.ipynb": b"{}", "data/cases.csv": b"id\n1\n"})
HOSTILE = {
    "not a zip": (b"PK\x03\x04 not a zip at all", "cannot be read as a zip", None),
    "up and out": (zipped({"w01.ipynb": b"{}", "../evil.py": b"x"}), "climbs out", "../evil.py"),
    "up inside": (zipped({"a/../../evil.py": b"x"}), "climbs out", "a/../../evil.py"),
    "absolute": (zipped({"/etc/evil": b"x"}), "absolute path", "/etc/evil"),
    "drive": (zipped({"C:/evil": b"x"}), "absolute path", "C:/evil"),
    "backslash": (zipped({"..\\evil.py": b"x"}), "backslash", "..\\evil.py"),
    "symlink": (zipped({link("w01.ipynb"): b"/etc/passwd"}), "symbolic link", "w01.ipynb"),
    "file as folder": (zipped({"a": b"x", "a/b": b"y"}), "needs a folder", "a/b"),
    "dot": (zipped({"./w01.ipynb": b"x"}), "'.' part", "./w01.ipynb"),
    "long": (zipped({"x" * 256: b"x"}), "too long", "x" * 256),
    "encrypted": (encrypted("w01.ipynb"), "encrypted", "w01.ipynb"),
}


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """One notebook of 201 MB of zeros, about 200 kB zipped."""
    out = io.BytesIO()
    block = b"\0" * 2**20
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z,
        z.open("w01.ipynb", "w") as member,
    ):
        for _ in range(store.MAX_UNPACKED // len(block) + 1):
            member.write(block)
    return out.getvalue()


def many(n: int) -> bytes:
    return zipped({f"f{i}.txt": b"" for i in range(n)})


def lying(actual: int, says: int) -> bytes:
    """A member whose headers say ``says`` bytes and whose data unpacks to ``actual``."""
    data = bytearray(zipped({"w01.ipynb": b"\0" * actual}))
    central, local = data.rfind(b"PK\x01\x02"), data.find(b"PK\x03\x04")
    data[central + 24 : central + 28] = struct.pack("<I", says)
    data[local + 22 : local + 26] = struct.pack("<I", says)
    return bytes(data)


def stored(engine) -> list[tuple[str, str, str]]:
    with db.session_scope(engine) as session:
        rows = session.query(db.ExchangeItem).order_by(db.ExchangeItem.id)
        return [(r.area, r.name, r.sha256) for r in rows]


def refused_at_put(engine, area: str, name: str, data: bytes) -> str:
    """Put is refused, nothing stored changes; the error's text."""
    before = stored(engine)
    with pytest.raises(store.ExchangeError) as caught, db.session_scope(engine) as session:
        store.put(
            session, "tiny", area, name, data, owner="a.ivanova" if area == "inbound" else None
        )
    assert stored(engine) == before
    return str(caught.value)


def released(engine) -> None:
    with db.session_scope(engine) as session:
        store.put(session, "tiny", "outbound", "w01", GOOD)


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_zip_is_refused_when_sent(programme_engine, case):
    """Is each hostile zip refused, as a release and as a submission, naming the item,
    the member and the fix, with the release stored before left as it was?"""
    data, what, member = HOSTILE[case]
    released(programme_engine)
    for area, name in [("outbound", "w01"), ("inbound", SUB)]:
        text = refused_at_put(programme_engine, area, name, data)
        assert what in text and name in text
        assert f"fix: {store.UNZIPPABLE}" in text
        if member is not None:
            assert f"{name}: {member}" in text
    with db.session_scope(programme_engine) as session:
        assert bytes(store.find(session, "tiny", "outbound", "w01").data) == GOOD


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_zip_is_refused_when_unpacked(tmp_path, case):
    """Does unpacking refuse it too (nbgrader's ExchangeError, naming the item), writing
    nothing at all into its folder or beside it?"""
    data, what, _member = HOSTILE[case]
    folder = tmp_path / "inbound" / SUB
    with pytest.raises(NbgraderExchangeError, match="cannot be") as caught:
        api.unzip_into(data, folder)
    assert SUB in str(caught.value)
    assert what in str(caught.value) or "damaged" in str(caught.value)
    assert list(folder.rglob("*")) == []
    assert sorted(p.name for p in tmp_path.rglob("*")) == sorted(["inbound", SUB])


def test_a_good_zip_is_stored_and_unpacked(programme_engine, tmp_path):
    """Is a folder zipped as nbgrader's exchange zips it stored and unpacked whole?"""
    (tmp_path / "w01" / "data").mkdir(parents=True)
    (tmp_path / "w01" / "w01.ipynb").write_text("{}")
    (tmp_path / "w01" / "data" / "cases.csv").write_text("id\n1\n")
    data = api.zip_folder(tmp_path / "w01")
    with db.session_scope(programme_engine) as session:
        store.put(session, "tiny", "outbound", "w01", data)
    api.unzip_into(data, tmp_path / "out" / "w01")
    assert (tmp_path / "out" / "w01" / "data" / "cases.csv").read_text() == "id\n1\n"


def test_too_many_files_are_refused(programme_engine, tmp_path):
    """Is a zip of MAX_MEMBERS files taken and one of a file more refused, naming it?"""
    store.check_zip("w01", many(store.MAX_MEMBERS))
    released(programme_engine)
    text = refused_at_put(programme_engine, "inbound", SUB, many(store.MAX_MEMBERS + 1))
    assert f"{SUB} holds {store.MAX_MEMBERS + 1} files" in text
    assert f"fix: keep the assignment's folder under {store.MAX_MEMBERS} files" in text
    with pytest.raises(NbgraderExchangeError, match=f"{store.MAX_MEMBERS} files"):
        api.unzip_into(many(store.MAX_MEMBERS + 1), tmp_path / SUB)
    assert list((tmp_path / SUB).iterdir()) == []


def test_a_zip_bomb_is_refused(programme_engine, bomb, tmp_path):
    """Is 201 MB of zeros in a 200 kB zip refused when sent, and unpacked not at all?"""
    assert len(bomb) < store.MAX_BYTES
    released(programme_engine)
    text = refused_at_put(programme_engine, "inbound", SUB, bomb)
    assert f"{SUB} unpacks to 201.0 MB" in text
    assert f"fix: keep the unpacked folder under {store.MAX_UNPACKED // 2**20} MB" in text
    with pytest.raises(NbgraderExchangeError, match=r"unpacks to 201\.0 MB") as caught:
        api.unzip_into(bomb, tmp_path / SUB)
    assert SUB in str(caught.value)
    assert list((tmp_path / SUB).iterdir()) == []


def test_a_zip_whose_headers_lie_about_its_size(tmp_path):
    """A member that says 1 kB and unpacks to 5 MB passes the headers' check: is no more
    than the 1 kB it claims written, and the zip refused as damaged?"""
    data = lying(actual=5 * 2**20, says=1000)
    store.check_zip(SUB, data)  # its headers look fine
    with pytest.raises(NbgraderExchangeError, match="damaged") as caught:
        api.unzip_into(data, tmp_path / SUB)
    assert SUB in str(caught.value) and "send it again" in str(caught.value)
    assert sum(p.stat().st_size for p in tmp_path.rglob("*") if p.is_file()) <= 1000


def test_unpacking_stops_at_the_limit_it_counts(monkeypatch, tmp_path):
    """Were the headers' check ever fooled, does unpacking stop once the bytes it has
    actually written reach MAX_UNPACKED?"""
    monkeypatch.setattr(zips, "MAX_UNPACKED", 2**20)
    monkeypatch.setattr(zips, "check_members", lambda name, members: None)
    data = zipped({f"part{i}.bin": b"\0" * 2**19 for i in range(5)})
    with pytest.raises(NbgraderExchangeError, match="unpacks to more than 1 MB") as caught:
        api.unzip_into(data, tmp_path / SUB)
    assert f"{SUB}: part2.bin" in str(caught.value)
    assert f"fix: {store.UNZIPPABLE}" in str(caught.value)
    assert sum(p.stat().st_size for p in tmp_path.rglob("*") if p.is_file()) <= 2**20


def test_a_trainee_keeps_at_most_max_submissions(programme_engine):
    """Is the 100th submission of an assignment stored and the 101st refused, naming it
    and the fix, while other assignments and other trainees are not held back?"""
    with db.session_scope(programme_engine) as session:
        store.put(session, "tiny", "outbound", "w01", GOOD)
        store.put(session, "tiny", "outbound", "w02", GOOD)
        for i in range(store.MAX_SUBMISSIONS):
            store.put(session, "tiny", "inbound", f"{SUB}+n{i:03d}", GOOD, owner="a.ivanova")
    assert len(stored(programme_engine)) == 2 + store.MAX_SUBMISSIONS
    name = f"{SUB}+n{store.MAX_SUBMISSIONS:03d}"
    text = refused_at_put(programme_engine, "inbound", name, GOOD)
    assert name in text and f"has {store.MAX_SUBMISSIONS} submissions of w01" in text
    assert "fix: ask the course's trainer to clear old submissions" in text
    assert "submitted already" not in text  # the service answers 400, not 409
    with db.session_scope(programme_engine) as session:
        store.put(session, "tiny", "inbound", SUB.replace("w01", "w02"), GOOD, owner="a.ivanova")
        store.put(
            session, "tiny", "inbound", SUB.replace("a.ivanova", "b.lee"), GOOD, owner="b.lee"
        )
    assert len(stored(programme_engine)) == 4 + store.MAX_SUBMISSIONS


def test_two_processes_submitting_at_once_cannot_store_a_101st(programme_engine):
    """With 99 submissions kept, two service processes store one each at the same moment:
    is one of them stored and the other refused, after waiting for the first one's
    transaction, so that never more than ``MAX_SUBMISSIONS`` are kept?"""
    import threading
    import time

    from sqlalchemy.exc import OperationalError

    with db.session_scope(programme_engine) as session:
        store.put(session, "tiny", "outbound", "w01", GOOD)
        for i in range(store.MAX_SUBMISSIONS - 1):
            store.put(session, "tiny", "inbound", f"{SUB}+n{i:03d}", GOOD, owner="a.ivanova")
    first_stored = threading.Event()
    second: dict[str, Exception] = {}

    def the_other_process() -> None:
        first_stored.wait(30)
        try:
            with db.session_scope(programme_engine) as session:
                store.put(session, "tiny", "inbound", f"{SUB}+late", GOOD, owner="a.ivanova")
        except (store.ExchangeError, OperationalError) as exc:  # OperationalError: a failure
            second["error"] = exc

    other = threading.Thread(target=the_other_process)
    other.start()
    with db.session_scope(programme_engine) as session:
        store.put(session, "tiny", "inbound", f"{SUB}+first", GOOD, owner="a.ivanova")
        first_stored.set()
        time.sleep(0.5)  # the other process reaches its count while this one is open
    other.join(60)
    inbound = [name for area, name, _sha in stored(programme_engine) if area == "inbound"]
    assert len(inbound) == store.MAX_SUBMISSIONS
    assert f"{SUB}+first" in inbound and f"{SUB}+late" not in inbound
    assert "error" in second, "the second submission was neither stored nor refused"
    assert isinstance(second["error"], store.ExchangeError), second["error"]
    assert f"has {store.MAX_SUBMISSIONS} submissions of w01" in str(second["error"])


class FakeClient:
    """The service's listing and items, some of them bad."""

    def __init__(self, items: dict[str, bytes], damaged: frozenset[str] = frozenset()) -> None:
        self.data = items
        self.damaged = damaged

    def items(self, course: str, area: str) -> list[dict[str, str]]:
        return [
            {
                "name": name,
                "owner": name.split("+")[0],
                "assignment": name.split("+")[1],
                "created": f"2026-11-24T10:00:0{i}",  # in the order given
                "sha256": hashlib.sha256(b"" if name in self.damaged else d).hexdigest(),
            }
            for i, (name, d) in enumerate(self.data.items())
        ]

    def get(self, course: str, area: str, name: str) -> bytes:
        return self.data[name]


def mirror(tmp_path: Path, client: FakeClient) -> api.Mirror:
    m = api.Mirror()
    m.log = logging.getLogger("test-exchange")  # type: ignore[attr-defined]
    m.client = client  # type: ignore[assignment]
    m.root = str(tmp_path / "exchange")
    return m


def one_bad_among_good() -> FakeClient:
    return FakeClient(
        {
            "a.ivanova+w01+t1": GOOD,
            "b.lee+w01+t1": HOSTILE["up and out"][0],
            "c.park+w01+t1": b"not a zip",
            "d.roe+w01+t1": lying(actual=5 * 2**20, says=1000),
            "e.kim+w01+t1": GOOD,
            "f.ode+w01+t1": GOOD,
        },
        damaged=frozenset({"f.ode+w01+t1"}),
    )


def test_collecting_skips_a_bad_submission(tmp_path, caplog):
    """Are the good submissions unpacked and each bad one (hostile, not a zip, damaged
    in the zip or on the way) left out, with no folder and a warning naming it?"""
    m = mirror(tmp_path, one_bad_among_good())
    with caplog.at_level(logging.WARNING, "test-exchange"):
        pulled = m.pull("tiny", "inbound", skip_bad=True)
    assert pulled == ["a.ivanova+w01+t1", "e.kim+w01+t1"]
    inbound = m.course_dir("tiny") / "inbound"
    assert sorted(p.name for p in inbound.iterdir()) == pulled
    assert (inbound / "e.kim+w01+t1" / "data" / "cases.csv").read_text() == "id\n1\n"
    warned = " ".join(r.getMessage() for r in caplog.records)
    for bad in ["b.lee+w01+t1", "c.park+w01+t1", "d.roe+w01+t1", "f.ode+w01+t1"]:
        assert f"skipped inbound/{bad} of tiny" in warned
    assert not (tmp_path / "evil.py").exists()


def test_other_commands_still_stop_at_a_bad_item(tmp_path):
    """Fetching, submitting and listing still fail on a bad item instead of going on."""
    with pytest.raises(NbgraderExchangeError, match=r"b\.lee"):
        mirror(tmp_path, one_bad_among_good()).pull("tiny", "inbound")


def collected_by_api_collect(monkeypatch, tmp_path: Path, client: FakeClient) -> list[str]:
    """What ApiCollect hands to nbgrader's own collect (stood in for) from CLIENT."""
    seen: list[str] = []

    def open_mirror(self) -> None:
        self.client = client
        self.private = tmp_path
        self.root = str(tmp_path / "exchange")

    def collect(self) -> None:
        seen.extend(sorted(p.name for p in (self.course_dir("tiny") / "inbound").iterdir()))

    monkeypatch.setattr(api.Mirror, "open_mirror", open_mirror)
    monkeypatch.setattr(api.Mirror, "close_mirror", lambda self: None)
    monkeypatch.setattr(ExchangeCollect, "start", collect)
    coursedir = CourseDirectory(course_id="tiny", assignment_id="w01")
    api.ApiCollect(coursedir=coursedir, authenticator=Authenticator()).start()
    return seen


def test_nbgrader_collect_skips_a_bad_submission(monkeypatch, tmp_path):
    """Does ApiCollect pull with skip_bad, so nbgrader's collect sees the good ones?"""
    seen = collected_by_api_collect(monkeypatch, tmp_path, one_bad_among_good())
    assert seen == ["a.ivanova+w01+t1", "e.kim+w01+t1"]


def test_collect_fetches_only_each_trainees_newest(monkeypatch, tmp_path):
    """nbgrader collects each trainee's latest submission: does ApiCollect fetch only
    that one (a trainee's hundred submissions cost the grader one unpacking)?"""
    client = FakeClient({"a.ivanova+w01+t1": GOOD, "a.ivanova+w01+t2": GOOD, "e.kim+w01+t1": GOOD})
    seen = collected_by_api_collect(monkeypatch, tmp_path, client)
    assert seen == ["a.ivanova+w01+t2", "e.kim+w01+t1"]


def test_the_plugin_imports_no_database_layer():
    """People's servers import the plugin: does it stay free of the database layer (which
    costs each server about 0.2 s of CPU at a login storm)?"""
    import subprocess
    import sys

    code = "import praxishub.exchange_api, sys; print('praxishub.db' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
