"""Does the whole workspace run on PostgreSQL, hub database and programme database alike,
and keep its state across a restart?"""

from __future__ import annotations

import shutil

import psycopg
import pytest
from sqlalchemy.engine import make_url

from harness import Hub, make_programme, world_dir

pytestmark = [pytest.mark.integration, pytest.mark.root]


def _rows(url: str, sql: str) -> list[tuple]:
    u = make_url(url)
    with psycopg.connect(
        host=u.host, port=u.port, user=u.username, dbname=u.database, autocommit=True
    ) as conn:
        return conn.execute(sql).fetchall()


def test_hub_and_programme_service_run_on_postgresql(postgres):
    hub_url = postgres.database("hub")
    programme_url = postgres.database("programme")
    base = world_dir("praxishub-pg-")
    hub = Hub(make_programme(base, trainees=4, database={"url": programme_url, "hub_url": hub_url}))
    try:
        hub.start(timeout=120)
        trainee = hub.people("trainee")[0]
        coordinator = hub.people("coordinator")[0]

        # Logging in goes through the programme service (password check) and the hub
        with hub.login(trainee) as s:
            assert s.login_status == 302, hub.log_tail()
        me = hub.api(trainee, "GET", "/services/praxis/api/me")
        assert me.status_code == 200, me.text
        assert me.json()["username"] == trainee
        people = hub.api(coordinator, "GET", "/services/praxis/api/people")
        assert people.status_code == 200, people.text

        # ... and both databases are really PostgreSQL's
        stored = {r[0] for r in _rows(programme_url, "SELECT username FROM people")}
        assert set(hub.logins) <= stored
        assert {p["username"] for p in people.json()["people"]} <= stored
        hub_users = {r[0] for r in _rows(hub_url, "SELECT name FROM users")}
        assert {trainee, coordinator} <= hub_users
        versions = _rows(programme_url, "SELECT version_num FROM alembic_version")
        assert versions, "the programme database was not migrated"

        # A restart keeps everything: the token made before still works
        token = hub.token(trainee)
        hub.stop()
        hub.start(timeout=120)
        again = hub.api(trainee, "GET", f"/hub/api/users/{trainee}")
        assert again.status_code == 200, again.text
        assert hub.token(trainee) == token
        assert {r[0] for r in _rows(programme_url, "SELECT username FROM people")} == stored
    finally:
        if hub.proc is not None and hub.proc.poll() is None:
            hub.stop()
        shutil.rmtree(base, ignore_errors=True)
