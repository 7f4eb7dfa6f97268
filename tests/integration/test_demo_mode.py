"""Without root, does Praxis Hub run a demo only, loudly unisolated, and refuse a real programme?"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import time
from pathlib import Path

import psutil
import pytest
import requests
import yaml

from harness import BIN, HUB_CONFIG, Hub, free_ports, remove_test_users, world_dir

pytestmark = pytest.mark.integration
PREFIX = "pd-"


@pytest.fixture
def plain_user():
    """An ordinary Unix user, with a folder of its own."""
    base = world_dir("praxishub-demo-mode-")
    name = f"{PREFIX}runner"
    subprocess.run(["useradd", "--create-home", "--home-dir", base / "home", name], check=True)
    entry = pwd.getpwnam(name)
    yield entry, base
    remove_test_users(PREFIX)
    shutil.rmtree(base, ignore_errors=True)


def as_user(entry: pwd.struct_passwd) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "PRAXISHUB_"))}
    env.update(HOME=entry.pw_dir, USER=entry.pw_name)
    return {
        "user": entry.pw_uid,
        "group": entry.pw_gid,
        "extra_groups": [],
        "env": env,
        "cwd": entry.pw_dir,
    }


def test_demo_without_root_runs_as_one_user_and_says_so(plain_user):
    """Does a non-root `praxishub up` of the demo start, warn, and run servers as that user?"""
    entry, _ = plain_user
    data = f"{entry.pw_dir}/var"
    subprocess.run(
        [BIN / "praxishub", "demo", "--data-dir", data],
        check=True,
        capture_output=True,
        **as_user(entry),
    )
    settings = Path(data) / "praxishub.yaml"
    values = yaml.safe_load(settings.read_text("utf-8"))
    values["ports"] = free_ports("public", "hub", "proxy_api", "service", "dashboards")
    values["spawner"] = {"idle_timeout": 0}
    settings.write_text(yaml.safe_dump(values, allow_unicode=True), "utf-8")
    log_path = Path(entry.pw_dir) / "up.log"
    # The user's own copy of the glue, as in their own checkout (CI's may be unreadable to them).
    hub_config = Path(entry.pw_dir) / "jupyterhub_config.py"
    shutil.copy(HUB_CONFIG, hub_config)
    hub_config.chmod(0o644)
    with open(log_path, "wb") as log:
        up = subprocess.Popen(
            [BIN / "praxishub", "up", "-c", settings, "--hub-config", hub_config],
            stdout=log,
            stderr=subprocess.STDOUT,
            **as_user(entry),
        )
    hub = Hub(settings)
    try:
        deadline = time.monotonic() + 90
        ready = False
        while not ready and time.monotonic() < deadline and up.poll() is None:
            try:
                ready = requests.get(f"{hub.url}/services/praxis/api/health", timeout=2).ok
            except requests.RequestException:
                time.sleep(0.5)
        assert ready, log_path.read_text("utf-8", "replace")
        trainee = hub.people("trainee")[0]
        hub.start_server(trainee)
        output = log_path.read_text("utf-8", "replace")
        assert "People are NOT isolated" in output
        assert "DEMO MODE" in output
        status = hub.api(trainee, "GET", f"/user/{trainee}/api/status")
        assert status.status_code == 200
        servers = [
            p
            for p in psutil.Process(up.pid).children(recursive=True)
            if "praxishub-singleuser" in " ".join(p.cmdline())
        ]
        assert servers
        assert {p.username() for p in servers} == {entry.pw_name}
    finally:
        up.send_signal(signal.SIGTERM)
        up.wait(timeout=30)


def test_real_programme_without_root_refuses_to_start(plain_user):
    """Does a non-demo programme refuse to start without root, naming the fix?"""
    entry, _ = plain_user
    settings = f"{entry.pw_dir}/praxishub.yaml"
    with open(settings, "w", encoding="utf-8") as fh:
        fh.write("programme:\n  name: Real programme\n")
    result = subprocess.run(
        [BIN / "praxishub", "up", "-c", settings, "--hub-config", HUB_CONFIG],
        capture_output=True,
        text=True,
        timeout=60,
        **as_user(entry),
    )
    assert result.returncode == 2
    assert "needs root" in result.stderr
    assert "programme.demo: true" in result.stderr
    assert not os.path.exists(f"{entry.pw_dir}/var")  # nothing was created
