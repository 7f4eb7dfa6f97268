"""From a fresh clone, does `make up` reach the login page, and does SIGTERM stop everything?"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time

import psutil
import pytest
import requests
import yaml

from harness import REPO, Hub, free_ports, remove_test_users, world_dir

pytestmark = pytest.mark.integration
PREFIX = "pu-"  # apart from the session hub's users (pt-)


def clean_env() -> dict[str, str]:
    drop = (
        "MAKEFLAGS",
        "MAKELEVEL",
        "MFLAGS",
        "VIRTUAL_ENV",
        "PRAXISHUB_HUB_CONFIG",
        "PRAXISHUB_SETTINGS",
    )
    return {k: v for k, v in os.environ.items() if k not in drop}


@pytest.mark.timeout(900)
def test_make_up_from_a_fresh_clone_then_sigterm_leaves_nothing(tmp_path):
    """Does a fresh clone's `make up` install, create the demo and serve the login page,
    and does SIGTERM stop the hub, proxy, service and a person's server within 10 s?"""
    base = world_dir("praxishub-clone-")
    clone = base / "praxishub"
    subprocess.run(["git", "clone", "-q", REPO, clone], check=True)
    env = clean_env()
    subprocess.run(["make", "install"], cwd=clone, env=env, check=True, capture_output=True)
    # The demo on free ports (a developer's own hub may hold 8000); `make up` then reuses it.
    subprocess.run(
        [clone / ".venv/bin/praxishub", "demo", "--data-dir", clone / "var"],
        check=True,
        capture_output=True,
    )
    settings_path = clone / "var" / "praxishub.yaml"
    values = yaml.safe_load(settings_path.read_text("utf-8"))
    values["ports"] = free_ports("public", "hub", "proxy_api", "service", "dashboards")
    values["spawner"] = {"home_root": str(base / "home"), "unix_prefix": PREFIX, "idle_timeout": 0}
    (base / "home").mkdir(mode=0o755)
    settings_path.write_text(yaml.safe_dump(values, allow_unicode=True), "utf-8")

    log = (tmp_path / "up.log").open("wb")
    make = subprocess.Popen(
        ["make", "up"], cwd=clone, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    hub = Hub(settings_path)
    try:
        deadline = time.monotonic() + 120
        page = None
        while time.monotonic() < deadline:
            try:
                page = requests.get(f"{hub.url}/hub/login", timeout=2)
                if page.status_code == 200:
                    break
            except requests.RequestException:
                pass
            time.sleep(0.5)
        output = (tmp_path / "up.log").read_text("utf-8", "replace")
        assert page is not None and page.status_code == 200, output
        assert 'name="password"' in page.text
        assert "Demo logins" in output  # the logins are printed

        trainee = hub.people("trainee")[0]
        hub.start_server(trainee)
        up = next(
            p for p in psutil.Process(make.pid).children() if "praxishub" in " ".join(p.cmdline())
        )
        started = up.children(recursive=True)

        def cmdline(p: psutil.Process) -> str:
            try:
                return " ".join(p.cmdline())
            except (psutil.ZombieProcess, psutil.NoSuchProcess):
                return ""  # a short-lived helper (runuser, nbgrader) that just ended

        names = " ".join(cmdline(p) for p in started)
        for part in (
            "jupyterhub",
            "praxishub.proxy",
            "praxishub.service",
            "praxishub-singleuser",
        ):
            assert part in names

        # `praxishub up` kills whatever has not stopped after its 7 s grace period.
        up.send_signal(signal.SIGTERM)
        up.wait(timeout=30)
        make.wait(timeout=10)
        _, alive = psutil.wait_procs(started, timeout=1)
        assert alive == [], [p.cmdline() for p in alive]
        with pytest.raises(requests.ConnectionError):
            requests.get(f"{hub.url}/hub/login", timeout=2)
    finally:
        if make.poll() is None:  # a failed check: stop `up` and everything it started
            try:
                tree = psutil.Process(make.pid).children(recursive=True)
            except psutil.NoSuchProcess:
                tree = []
            for proc in tree:
                with contextlib.suppress(psutil.NoSuchProcess):
                    proc.kill()
            make.kill()
            make.wait(timeout=30)
        log.close()
        remove_test_users(PREFIX)
        shutil.rmtree(base, ignore_errors=True)
