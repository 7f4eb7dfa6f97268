"""nbgrader collect, for commands that run as root, with the exchange kept by the
programme database (``exchange.mode: api``).

`praxishub courses collect` and bulk grading run as root and hold no hub token, so they
cannot go through the programme API as the course's live autograder does. They read the
assignment's submissions from the database themselves, unpack each into a private mirror
inside the course's folder (which only the course's grader may enter), and run nbgrader's
stock collect there as the grader. Who sent each submission was checked by the API when
it was stored (a trainee submits only under their own name), so the mirror's Unix owner
means nothing and is not checked. A submission that cannot be unpacked is skipped and
named, and never holds up the others.
"""

from __future__ import annotations

import logging
import os
import pwd
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MODE = "mirror"  # PRAXISHUB_EXCHANGE_MODE of the nbgrader run on the mirror


def _student(args: tuple[str, ...]) -> str | None:
    for i, arg in enumerate(args):
        if arg.startswith("--student="):
            return arg.split("=", 1)[1]
        if arg == "--student" and i + 1 < len(args):
            return args[i + 1]
    return None


def collect(
    settings: Any,
    course: Any,
    args: tuple[str, ...],
    run: Callable[[dict[str, str]], subprocess.CompletedProcess[str]],
) -> subprocess.CompletedProcess[str]:
    """Run ``nbgrader collect ARGS`` (``args[0] == "collect"``, then the assignment) on a
    mirror of the database's submissions; RUN runs nbgrader with extra environment."""
    from praxishub import db, workspace
    from praxishub import exchange_store as store
    from praxishub.exchange_api import ExchangeError, unzip_into

    assignment, student = args[1], _student(args)
    mirror = Path(tempfile.mkdtemp(prefix=".exchange-mirror-", dir=course.directory))
    skipped = []
    try:
        inbound = mirror / course.id / "inbound"
        inbound.mkdir(parents=True)
        wanted = []  # read as the programme service's user, unpacked as root after
        with workspace.programme_db(settings) as engine, db.session_scope(engine) as session:
            listed = [
                item
                for item in store.listing(session, course.id, "inbound")
                if item["assignment"] == assignment and student in (None, item["owner"])
            ]
            for item in store.newest(listed):
                row = store.find(session, course.id, "inbound", item["name"])
                if row is not None:  # else removed since it was listed
                    wanted.append((item["name"], bytes(row.data)))
        for name, data in wanted:
            try:
                unzip_into(data, inbound / name)
            except (ExchangeError, store.ExchangeError, zipfile.BadZipFile) as exc:
                shutil.rmtree(inbound / name, ignore_errors=True)
                skipped.append(f"skipped {name}: it cannot be unpacked ({exc})")
        if os.geteuid() == 0:
            entry = pwd.getpwnam(course.service)
            for path in [mirror, *mirror.rglob("*")]:
                os.lchown(path, entry.pw_uid, entry.pw_gid)
        done = run({"PRAXISHUB_EXCHANGE": str(mirror), "PRAXISHUB_EXCHANGE_MODE": MODE})
    finally:
        shutil.rmtree(mirror, ignore_errors=True)
    for line in skipped:
        log.warning("%s", line)
    note = "".join(f"[praxishub] {line}\n" for line in skipped)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout, note + done.stderr)
