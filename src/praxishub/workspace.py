"""Prepare the data dir and open the programme database, as its owner.

Rule: every step is an idempotent ``ensure_*``. When run as root, database
files are created and written with the programme service's identity (effective
uid), so they always belong to the service and never to root or a trainee.
"""

from __future__ import annotations

import grp
import os
import pwd
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import Engine

from praxishub import db, people, unixusers
from praxishub.errors import PraxisError, Problem
from praxishub.layout import Layout
from praxishub.settings import Settings


def is_root() -> bool:
    return os.geteuid() == 0


def ensure_service_user(settings: Settings) -> pwd.struct_passwd | None:
    """The programme service's Unix user (root only; otherwise we are the service)."""
    if not is_root():
        return None
    layout = Layout(settings.data_dir)
    return unixusers.ensure_user(settings["service"]["unix_user"], layout.praxis_dir, system=True)


def ensure_layout(settings: Settings) -> Layout:
    """Create the data dir's parts with their owners and modes."""
    layout = Layout(settings.data_dir)
    layout.data_dir.mkdir(parents=True, exist_ok=True)
    # Others must be able to pass through (the service reads praxis/), not list.
    layout.data_dir.chmod(0o711)
    for part in (layout.hub_dir, layout.praxis_dir):
        part.mkdir(exist_ok=True)
        part.chmod(0o700)
    if settings["spawner"]["home_root"] is None and is_root():
        # People pass through to their own (0700) homes, but cannot list who else has one.
        layout.homes.mkdir(exist_ok=True)
        layout.homes.chmod(0o711)
    owner = ensure_service_user(settings)
    if owner is not None:
        unixusers.chown_tree(layout.praxis_dir, owner.pw_uid, owner.pw_gid)
    return layout


def make_settings_private(path: Path, settings: Settings) -> None:
    """Give a settings file we wrote to root and the service's group, mode 0640 (making the
    service's Unix user first on a machine that has none yet)."""
    path.chmod(0o640)
    owner = ensure_service_user(settings)
    if owner is not None:
        os.chown(path, 0, owner.pw_gid)


def ensure_settings_private(settings: Settings) -> None:
    """The settings name people, so only root and the service may read them.

    A trainee's kernel runs any code the trainee writes: a world-readable
    roster would show everyone's names and supervisors to everyone.
    """
    if not is_root():
        return  # demo mode: no other Unix users to hide from
    service_gid = pwd.getpwnam(settings["service"]["unix_user"]).pw_gid
    st = settings.path.stat()
    if st.st_mode & 0o004:
        raise PraxisError(
            f"Settings file {settings.path} is readable by every Unix user, trainees included.",
            [
                Problem(
                    str(settings.path),
                    f"mode {st.st_mode & 0o777:o} lets others read the roster",
                    f"chgrp {grp.getgrgid(service_gid).gr_name} {settings.path} && "
                    f"chmod 640 {settings.path}",
                )
            ],
        )
    if st.st_gid != service_gid and st.st_mode & 0o040 == 0 and st.st_uid != os.geteuid():
        raise PraxisError(
            f"The programme service cannot read {settings.path}.",
            [
                Problem(
                    str(settings.path), "not readable by the service", f"chmod 640 {settings.path}"
                )
            ],
        )


@contextmanager
def as_service_user(settings: Settings) -> Iterator[None]:
    """Act with the service's uid/gid (when root) so files it owns stay its own."""
    if not is_root():
        yield
        return
    entry = pwd.getpwnam(settings["service"]["unix_user"])
    os.setegid(entry.pw_gid)
    os.seteuid(entry.pw_uid)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def database_url(settings: Settings) -> str:
    return settings["database"]["url"] or db.default_url(settings.data_dir)


@contextmanager
def programme_db(settings: Settings) -> Iterator[Engine]:
    """The migrated programme database, roster from settings applied."""
    ensure_layout(settings)
    with as_service_user(settings):
        engine = db.make_engine(database_url(settings))
        try:
            db.migrate(engine)
            with db.session_scope(engine) as session:
                people.sync_settings(session, settings.values)
            yield engine
        finally:
            engine.dispose()


def write_private(path: Path, text: str) -> None:
    """Write a file readable by its owner only, atomically."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def ensure_dashboards(settings: Settings, source: Path | None) -> list[str]:
    """The shared dashboards service's notebooks (from ``source``) and, as root, its Unix user.

    Its home (Voila's kernel connection files) is its own, 0700; the notebooks are
    readable by all, writable by root only. It can reach no programme data but
    through the programme API.
    """
    layout = Layout(settings.data_dir)
    layout.dashboards_dir.mkdir(parents=True, exist_ok=True)
    layout.dashboards_dir.chmod(0o755)
    # None: no folder to serve from (the service starts, listing nothing).
    wanted = settings["dashboards"]["notebooks"] if source is not None else []
    missing = [n for n in wanted if not (source / f"{n}.ipynb").is_file()]  # type: ignore[operator]
    if missing:
        raise PraxisError(
            "A dashboard listed in the settings is not in the dashboards folder.",
            [
                Problem(
                    f"{settings.path}: dashboards.notebooks",
                    f"{name}.ipynb not found in {source}",
                    f"remove {name!r} from dashboards.notebooks or add {name}.ipynb",
                )
                for name in missing
            ],
        )
    target = layout.shared_dashboards
    target.mkdir(exist_ok=True)
    target.chmod(0o755)
    for stale in target.glob("*.ipynb"):
        if stale.stem not in wanted:
            stale.unlink()
    for name in wanted:
        notebook = source / f"{name}.ipynb"  # type: ignore[operator]
        tmp = target / f".{notebook.name}.tmp"
        tmp.write_bytes(notebook.read_bytes())
        tmp.chmod(0o644)
        os.replace(tmp, target / notebook.name)
    if is_root():
        owner = unixusers.ensure_user(
            settings["dashboards"]["unix_user"], layout.dashboards_dir, system=True
        )
        home = Path(owner.pw_dir)
        home.mkdir(mode=0o700, exist_ok=True)
        os.chown(home, owner.pw_uid, owner.pw_gid)
        home.chmod(0o700)
    return list(wanted)


def deploy_apps(source: Path, target: Path) -> list[str]:
    """Copy the Voila apps (dashboards/*.ipynb) into the data dir, readable by everyone."""
    target.mkdir(parents=True, exist_ok=True)
    target.chmod(0o755)
    names = []
    for notebook in sorted(source.glob("*.ipynb")):
        tmp = target / f".{notebook.name}.tmp"
        tmp.write_bytes(notebook.read_bytes())
        tmp.chmod(0o644)
        os.replace(tmp, target / notebook.name)
        names.append(notebook.stem)
    return names
