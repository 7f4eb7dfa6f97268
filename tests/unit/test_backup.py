"""Does a backup taken while the database is in use restore to the same data?"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from harness import world_dir
from praxishub import db, people, workspace
from praxishub.backup import backup, restore
from praxishub.demo import demo_settings
from praxishub.errors import PraxisError
from praxishub.layout import Layout
from praxishub.settings import Settings, parse_settings

BIN = Path(sys.prefix) / "bin"


@pytest.fixture
def programme():
    base = world_dir("praxishub-backup-")
    path = base / "praxishub.yaml"
    text = yaml.safe_dump(demo_settings(seed=5), allow_unicode=True)
    path.write_text(text, "utf-8")
    settings = parse_settings(text, path)
    workspace.make_settings_private(path, settings)
    with workspace.programme_db(settings):
        pass
    yield Settings(path=path.resolve(), values=settings.values)
    shutil.rmtree(base, ignore_errors=True)


def count_people(layout: Layout) -> int:
    with sqlite3.connect(layout.programme_db) as conn:
        n = conn.execute("select count(*) from people").fetchone()[0]
    conn.close()
    return n


def test_backup_while_a_writer_holds_the_database_then_restore(programme):
    """Does a backup taken during an open write transaction restore the committed data?"""
    layout = Layout(programme.data_dir)
    writer = sqlite3.connect(layout.programme_db)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM people WHERE role = 'trainee'")  # not committed
    dest = programme.data_dir / "backups" / "one"
    manifest = backup(layout, dest)
    writer.rollback()
    writer.close()
    assert manifest["databases"]["programme"]["counts"]["people"] == 47
    assert manifest["databases"]["programme"]["integrity"] == "ok"

    with workspace.as_service_user(programme):
        engine = db.make_engine(workspace.database_url(programme))
        with db.session_scope(engine) as session:
            session.delete(session.get(db.Person, programme.people[-1]["username"]))
        engine.dispose()
    assert count_people(layout) == 46
    restore(layout, dest)
    assert count_people(layout) == 47


def test_backup_refuses_a_folder_with_files(programme):
    """Does a backup refuse to mix into a folder that already has files?"""
    dest = programme.data_dir / "taken"
    dest.mkdir()
    (dest / "x").write_text("keep me")
    with pytest.raises(PraxisError, match="not empty"):
        backup(Layout(programme.data_dir), dest)
    assert (dest / "x").read_text() == "keep me"


def test_damaged_backup_is_refused_and_nothing_replaced(programme):
    """Does restoring a damaged backup fail while the current database stays intact?"""
    layout = Layout(programme.data_dir)
    dest = programme.data_dir / "backups" / "bad"
    backup(layout, dest)
    copy = dest / "programme.sqlite"
    data = bytearray(copy.read_bytes())
    data[100:4096] = b"\x00" * (4096 - 100)
    data[5000:9000] = b"\xff" * 4000
    copy.write_bytes(bytes(data))
    with pytest.raises(PraxisError, match="damaged; nothing was restored"):
        restore(layout, dest)
    assert count_people(layout) == 47


def test_cli_round_trip(programme):
    """Do `praxishub backup` and `praxishub restore` work from the command line?"""
    dest = programme.data_dir / "backups" / "cli"
    out = subprocess.run(
        [BIN / "praxishub", "backup", dest, "-c", programme.path], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert (dest / "manifest.json").exists()
    out = subprocess.run(
        [BIN / "praxishub", "restore", dest, "-c", programme.path], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert "restored programme" in out.stdout
    # The restored database still belongs to the service, not to root.
    assert Layout(programme.data_dir).programme_db.owner() == programme["service"]["unix_user"]
    with workspace.programme_db(programme) as engine, db.session_scope(engine) as session:
        assert people.get(session, programme.people[0]["username"]) is not None


def test_course_gradebooks_are_backed_up_and_restored(programme, monkeypatch):
    """Are a course's gradebook's points (which live nowhere else) in the backup, restored
    with their owner, and is a backup of a course this machine lacks refused whole?"""
    from nbgrader.api import Gradebook

    monkeypatch.setenv("PATH", f"{BIN}:{os.environ['PATH']}")  # nbgrader runs `alembic`
    layout = Layout(programme.data_dir)
    course = layout.courses_dir / "pfa-crisis"
    course.mkdir(parents=True)
    gradebook = course / "gradebook.db"
    with Gradebook(f"sqlite:///{gradebook}") as gb:
        gb.add_student("a.ivanova")
    dest = programme.data_dir / "backups" / "gradebooks"
    manifest = backup(layout, dest)
    saved = manifest["databases"]["gradebook-pfa-crisis"]
    assert saved["integrity"] == "ok" and saved["counts"]["student"] == 1

    with Gradebook(f"sqlite:///{gradebook}") as gb:
        gb.remove_student("a.ivanova")
    restore(layout, dest)
    with Gradebook(f"sqlite:///{gradebook}") as gb:
        assert [s.id for s in gb.students] == ["a.ivanova"]
    assert gradebook.stat().st_uid == course.stat().st_uid

    other = Layout(programme.data_dir / "elsewhere")
    other.courses_dir.mkdir(parents=True)
    with pytest.raises(PraxisError) as info:
        restore(other, dest)
    assert "courses deploy" in str(info.value.problems[0].fix)
    assert not (other.courses_dir / "pfa-crisis").exists()


def test_a_backup_names_the_databases_it_cannot_hold(programme):
    """With the programme database on PostgreSQL, does `praxishub backup` say that database
    is not in the backup (and how to back it up) instead of leaving it out silently?"""
    values = dict(programme.values)
    values["database"] = {"url": "postgresql+psycopg://praxis@db.example.org/praxis"}
    programme.path.write_text(yaml.safe_dump(values, allow_unicode=True), "utf-8")
    dest = programme.data_dir / "backups" / "pg"
    out = subprocess.run(
        [BIN / "praxishub", "backup", dest, "-c", programme.path], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert "not in this backup" in out.stderr and "database.url" in out.stderr
    assert "pg_dump" in out.stderr and "database.hub_url" not in out.stderr
