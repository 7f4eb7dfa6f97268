"""Are late penalties computed from deadlines, grace, extensions and time zones correctly?"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from harness import FIXTURES, world_dir
from praxishub import db, scores, workspace
from praxishub.deadlines import Policy, effective_due, penalty_percent
from praxishub.service.pages import progress
from praxishub.settings import parse_settings

MSK = timezone(timedelta(hours=3))
DUE = datetime(2027, 2, 17, 23, 59, tzinfo=MSK)
POLICY = Policy(percent_per_day=10, max_percent=50, grace_minutes=15)
BIN = Path(sys.prefix) / "bin"


@pytest.mark.parametrize(
    ("late_by", "expected"),
    [
        (timedelta(minutes=-1), 0),
        (timedelta(minutes=15), 0),  # within the grace period
        (timedelta(minutes=16), 10),  # one minute past grace is a day late
        (timedelta(days=1, minutes=15), 10),
        (timedelta(days=2, minutes=16), 30),
        (timedelta(days=30), 50),  # capped
    ],
)
def test_penalty_by_lateness(late_by, expected):
    """Does each lateness cost the right percentage?"""
    assert penalty_percent(DUE + late_by, DUE, POLICY) == expected


def test_time_zones_and_naive_utc_agree():
    """Is a naive UTC time the same moment as the Moscow deadline it stands for?"""
    naive_utc = DUE.astimezone(UTC).replace(tzinfo=None) + timedelta(minutes=20)
    assert penalty_percent(naive_utc, DUE, POLICY) == 10


def test_extension_only_moves_the_deadline_later():
    """Does an extension replace the deadline only when it is later?"""
    later = DUE + timedelta(days=7)
    assert effective_due(DUE, later) == later
    assert effective_due(DUE, DUE - timedelta(days=1)) == DUE
    assert effective_due(DUE, None) == DUE


def test_progress_page_shows_penalty_and_escapes():
    """Does the trainee's page show a late penalty, and escape what it shows?"""
    row = {
        "course": "c<script>",
        "assignment": "w01",
        "auto_score": 2.0,
        "auto_max": 2.0,
        "max_score": 4.0,
        "failed_checks": [],
        "penalty_percent": 20.0,
    }
    html = progress([row], "en")
    assert "−20% late" in html
    assert "c&lt;script&gt;" in html and "<script>" not in html
    assert "Пока нет" in progress([], "ru")


def test_extension_from_the_cli_recomputes_a_late_score():
    """Does `praxishub courses extend` turn a late submission's penalty to 0?"""
    base = world_dir("praxishub-extend-")
    try:
        path = base / "praxishub.yaml"
        text = (
            "programme: {name: P}\n"
            "people:\n"
            "  - {username: t.one, full_name: T One, email: t@example.org, role: trainer}\n"
            "  - {username: a.one, full_name: A One, email: a@example.org, role: trainee}\n"
            "courses:\n  - {id: tiny, trainers: [t.one]}\n"
        )
        path.write_text(text, "utf-8")
        settings = parse_settings(text, path)
        workspace.make_settings_private(path, settings)
        deploy = [
            BIN / "praxishub",
            "courses",
            "deploy",
            "-c",
            path,
            "--from",
            FIXTURES / "courses",
        ]
        subprocess.run(deploy, check=True, capture_output=True)
        deadline = "2099-02-17T23:59:00+03:00"  # the fixture course's
        with workspace.programme_db(settings) as engine, db.session_scope(engine) as session:
            score = scores.record(
                session,
                "tiny",
                {
                    "assignment": "w01-check",
                    "username": "a.one",
                    "auto_score": 1,
                    "auto_max": 1,
                    "max_score": 3,
                    "failed_checks": [],
                    "submitted_at": "2099-02-20T10:00:00+03:00",
                    "deadline": deadline,
                    "late_penalty": {"percent_per_day": 10, "max_percent": 50, "grace_minutes": 15},
                },
            )
            assert score.penalty_percent == 30
        out = subprocess.run(
            [
                BIN / "praxishub",
                "courses",
                "extend",
                "tiny",
                "w01-check",
                "a.one",
                "--until",
                "2099-02-21",
                "-c",
                path,
            ],
            capture_output=True,
            text=True,
        )
        assert out.returncode == 0, out.stderr
        assert "late penalty now 0%" in out.stdout
        bad = subprocess.run(
            [
                BIN / "praxishub",
                "courses",
                "extend",
                "tiny",
                "w09",
                "a.one",
                "--until",
                "soon",
                "-c",
                path,
            ],
            capture_output=True,
            text=True,
        )
        assert bad.returncode == 2 and "no assignment 'w09'" in bad.stderr
    finally:
        shutil.rmtree(base, ignore_errors=True)
