"""A real PostgreSQL server for the tests: Debian's ``postgresql`` package, started on a free
port in a temporary folder, one empty database per test.

The server runs as the ``postgres`` Unix user when the tests run as root (PostgreSQL refuses
to run as root) and listens on 127.0.0.1 only, with a socket folder of its own. Nothing of
the machine's own clusters is touched.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

from harness import free_port

INSTALL_HINT = "install Debian's postgresql package (`make postgres`, which `make test` runs)"


def server_bindir() -> Path:
    """The newest installed PostgreSQL server's bin folder."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(p.split("/")[4])
    )
    if not found:
        raise RuntimeError(f"no PostgreSQL server under /usr/lib/postgresql: {INSTALL_HINT}")
    return Path(found[-1]).parent


class PostgresServer:
    """``start()`` a throwaway cluster; ``database()`` gives the URL of a new empty database."""

    def __init__(self) -> None:
        self.bindir = server_bindir()
        self.root = Path(tempfile.mkdtemp(prefix="praxishub-pg-"))
        self.data = self.root / "data"
        self.sockets = self.root / "run"
        self.port = free_port()
        self.user = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)

    def start(self) -> None:
        self.sockets.mkdir(parents=True)
        if os.geteuid() == 0:
            account = pwd.getpwnam(self.user)
            for path in (self.root, self.sockets):
                os.chown(path, account.pw_uid, account.pw_gid)
        self.root.chmod(0o700)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "praxis",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        options = (
            f"-p {self.port} -k {self.sockets} -h 127.0.0.1 -F "
            "-c max_connections=200 -c shared_buffers=64MB"
        )
        self._run(
            "pg_ctl",
            "start",
            "-w",
            "-D",
            str(self.data),
            "-l",
            str(self.root / "server.log"),
            "-o",
            options,
        )

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://praxis@127.0.0.1:{self.port}/postgres"

    def database(self, prefix: str = "t", name: str | None = None) -> str:
        """A new empty database (named NAME, or PREFIX and a random part); its URL."""
        import psycopg

        name = name or f"{prefix}_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user=praxis dbname=postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://praxis@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self._run("pg_ctl", "stop", "-m", "fast", "-w", "-D", str(self.data))
        # pg_ctl returns once the postmaster has gone; give the file system a moment
        for _ in range(20):
            try:
                shutil.rmtree(self.root)
                break
            except OSError:
                time.sleep(0.1)
