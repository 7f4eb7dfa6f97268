"""Does `praxishub up`'s supervisor leave no process behind, even stubborn ones?"""

from __future__ import annotations

import os
import sys
import textwrap
import time

import psutil

from praxishub import runner

STUBBORN = textwrap.dedent(
    """
    import signal, subprocess, sys, time
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    code = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); signal.signal(signal.SIGINT, signal.SIG_IGN); time.sleep(600)"
    # like a person's server: its own session, so signals to the group miss it
    subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
    print("ready", flush=True)
    time.sleep(600)
    """
)


def test_stop_kills_a_hub_and_a_server_that_ignore_sigterm(tmp_path, monkeypatch):
    """After the grace period, are a SIGTERM-deaf hub and its new-session child both gone?"""
    monkeypatch.setattr(runner, "GRACE_SECONDS", 1.0)
    sup = runner.Supervisor([sys.executable, "-c", STUBBORN], dict(os.environ), tmp_path)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not sup.known:
        sup.track()
        time.sleep(0.1)
    children = list(sup.known.values())
    assert len(children) == 1
    sup.stop()
    assert sup.proc.poll() is not None
    _, alive = psutil.wait_procs(children, timeout=3)
    assert alive == []
