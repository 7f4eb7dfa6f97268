"""Fixtures: a real programme and a real hub, started once for the session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from harness import Hub, make_programme, remove_test_users, world_dir


@pytest.fixture(scope="session")
def hub() -> Iterator[Hub]:
    """A running Praxis Hub with the demo programme (47 synthetic people)."""
    base = world_dir("praxishub-test-")
    running = Hub(make_programme(base))
    running.start()
    yield running
    running.stop()
    remove_test_users()
    shutil.rmtree(base, ignore_errors=True)
