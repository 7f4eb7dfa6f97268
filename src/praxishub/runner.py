"""Run the hub in the foreground and stop everything it started.

Rule: ``praxishub up`` owns every process the hub starts (proxy, programme
service, people's servers). On SIGTERM or Ctrl-C the hub is asked to stop,
and whatever is still alive after the grace period is killed, so nothing is
left behind, within 10 seconds.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

GRACE_SECONDS = 7.0


def hub_command(config_file: Path) -> list[str]:
    return [str(Path(sys.prefix) / "bin" / "jupyterhub"), "-f", str(config_file)]


class Supervisor:
    """Starts the hub and remembers every descendant, even those that start a new session."""

    def __init__(self, cmd: list[str], env: dict[str, str], cwd: Path) -> None:
        self.proc = subprocess.Popen(cmd, env=env, cwd=cwd)
        self.known: dict[int, psutil.Process] = {}
        self.stopping = False

    def track(self) -> None:
        try:
            root = psutil.Process(self.proc.pid)
            for child in root.children(recursive=True):
                self.known.setdefault(child.pid, child)
        except psutil.NoSuchProcess:
            pass

    def stop(self) -> None:
        self.stopping = True
        self.track()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + GRACE_SECONDS
        while time.monotonic() < deadline:
            self.track()
            if self.proc.poll() is not None and not self._alive():
                return
            time.sleep(0.1)
        for p in self.known.values():
            with contextlib.suppress(psutil.NoSuchProcess):
                p.kill()
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()
        self.proc.wait(timeout=5)
        psutil.wait_procs(list(self.known.values()), timeout=2)

    def _alive(self) -> list[psutil.Process]:
        return [p for p in self.known.values() if p.is_running() and p.status() != "zombie"]

    def run(self) -> int:
        def handle(signum: int, _frame: object) -> None:
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, handle)
        try:
            while self.proc.poll() is None:
                self.track()
                time.sleep(0.5)
        except KeyboardInterrupt:
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            self.stop()
            return 0
        # The hub exited by itself: clean up what it left.
        self.stop()
        return self.proc.returncode or 0


def run_hub(config_file: Path, settings_path: Path, cwd: Path) -> int:
    env = {**os.environ, "PRAXISHUB_SETTINGS": str(settings_path)}
    return Supervisor(hub_command(config_file), env, cwd).run()
