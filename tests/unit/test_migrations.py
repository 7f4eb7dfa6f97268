"""Does a populated programme database come through the newest migrations with its data,
on SQLite and PostgreSQL? (A fresh database's migrations run in every other test.)
Everyone is synthetic."""

from __future__ import annotations

from datetime import datetime
from importlib import resources

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from praxishub import db, desk

PEOPLE = [  # username, role, submitted, waiting, score, max_score (totals before 0013)
    ("a.ivanova", "trainee", 3, 1, 7.5, 12.0),
    ("b.seitkali", "trainee", 2, 0, 6.0, 8.0),
    ("c.wang", "trainee", 0, 0, 0.0, 0.0),
    ("s.orlova", "supervisor", 4, 2, 9.0, 16.0),  # kept for everyone before 0013
]


def to(engine: sa.Engine, revision: str, down: bool = False) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("praxishub").joinpath("migrations")))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def populate(engine: sa.Engine) -> None:
    now = datetime(2026, 11, 30, 10, 0)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO cohorts (id, name) VALUES ('c1', 'Cohort one')"))
        for username, role, *totals in PEOPLE:
            conn.execute(
                sa.text(
                    "INSERT INTO people (username, full_name, email, role, cohort_id, active, "
                    "created_at, updated_at) VALUES (:u, :n, :e, :r, 'c1', :a, :t, :t)"
                ),
                {
                    "u": username,
                    "n": username,
                    "e": f"{username}@example.org",
                    "r": role,
                    "a": True,
                    "t": now,
                },
            )
            conn.execute(
                sa.text(
                    "INSERT INTO trainee_totals (username, submitted, waiting, score, max_score) "
                    "VALUES (:u, :s, :w, :sc, :m)"
                ),
                dict(zip(("u", "s", "w", "sc", "m"), (username, *totals), strict=True)),
            )


def test_0013_keeps_people_and_counts_the_programme_totals_of_trainees_only(programme_url):
    engine = db.make_engine(programme_url)
    try:
        to(engine, "0012")
        populate(engine)
        db.migrate(engine)  # to the newest
        indexes = {i["name"] for i in sa.inspect(engine).get_indexes("people")}
        assert "ix_people_role_username" in indexes
        with db.session_scope(engine) as session:
            assert {p.username for p in session.query(db.Person)} == {p[0] for p in PEOPLE}
            kept = {t.username for t in session.query(desk.TraineeTotals)}
            assert kept == {"a.ivanova", "b.seitkali", "c.wang"}  # the supervisor's row left
            row = session.get(desk.ProgrammeTotals, 1)
            got = tuple(getattr(row, c) for c in desk.SUM_COLUMNS)
            assert got == (5, 1, 1, 13.5, 20.0)
            assert got == desk._sums(session, None)  # what a recount from scratch gives
        # and back: the downgrade drops only what 0013 made, and up again is the same
        to(engine, "0012", down=True)
        assert "programme_totals" not in sa.inspect(engine).get_table_names()
        db.migrate(engine)
        with db.session_scope(engine) as session:
            assert session.query(db.Person).count() == len(PEOPLE)
            row = session.get(desk.ProgrammeTotals, 1)
            assert tuple(getattr(row, c) for c in desk.SUM_COLUMNS) == (5, 1, 1, 13.5, 20.0)
    finally:
        engine.dispose()
