"""Backup and restore of a programme's databases: the programme's, the hub's and each
course's nbgrader gradebook (points and comments live only there).

Rule: a live SQLite database is copied only with SQLite's backup API, never as
a file, and a restore replaces a database atomically after checking the copy's
integrity, so a failure leaves the old database in place.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from praxishub.errors import PraxisError, Problem
from praxishub.layout import Layout

MANIFEST = "manifest.json"


GRADEBOOK = "gradebook-"  # + course id: a course's gradebook in a backup


def databases(layout: Layout) -> dict[str, Path]:
    """Every SQLite database of the programme, by its name in a backup."""
    found = {"programme": layout.programme_db, "hub": layout.hub_db}
    if layout.courses_dir.is_dir():
        for gradebook in sorted(layout.courses_dir.glob("*/gradebook.db")):
            found[GRADEBOOK + gradebook.parent.name] = gradebook
    return found


def target_of(layout: Layout, name: str) -> Path:
    """Where the database named ``name`` in a backup goes back to."""
    if name.startswith(GRADEBOOK):
        return layout.courses_dir / name.removeprefix(GRADEBOOK) / "gradebook.db"
    return databases(layout)[name]


def _copy(src: Path, dest: Path) -> None:
    with sqlite3.connect(f"file:{src}?mode=ro", uri=True) as source, sqlite3.connect(dest) as out:
        source.backup(out)
    out.close()
    source.close()


def _integrity(path: Path) -> str:
    """'ok', or what SQLite found wrong (a file that is no database at all included)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608
    finally:
        conn.close()


def backup(layout: Layout, dest: Path) -> dict[str, object]:
    """Copy every database into ``dest`` (a new or empty folder); return the manifest."""
    if dest.exists() and any(dest.iterdir()):
        raise PraxisError(
            f"Backup folder {dest} is not empty.",
            [Problem(str(dest), "has files in it", "name a new folder for each backup")],
        )
    dest.mkdir(parents=True, exist_ok=True, mode=0o700)
    manifest: dict[str, object] = {"created": datetime.now(UTC).isoformat(), "databases": {}}
    for name, src in databases(layout).items():
        if not src.exists():
            continue
        out = dest / f"{name}.sqlite"
        _copy(src, out)
        os.chmod(out, 0o600)
        manifest["databases"][name] = {"counts": _counts(out), "integrity": _integrity(out)}  # type: ignore[index]
    (dest / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


def restore(layout: Layout, src: Path) -> dict[str, object]:
    """Put the databases of backup ``src`` back in place (the hub must be stopped)."""
    manifest_path = src / MANIFEST
    if not manifest_path.exists():
        raise PraxisError(
            f"{src} is not a Praxis Hub backup.",
            [Problem(str(manifest_path), "missing", "name a folder made by `praxishub backup`")],
        )
    pid_file = layout.hub_dir / "jupyterhub.pid"
    if pid_file.exists() and _running(pid_file):
        raise PraxisError(
            "The hub is running; restoring under it would lose what it writes.",
            [Problem(str(pid_file), "hub process alive", "stop `praxishub up` first")],
        )
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    targets = {name: target_of(layout, name) for name in manifest["databases"]}
    copies = {name: src / f"{name}.sqlite" for name in manifest["databases"]}
    missing = [t.parent for t in targets.values() if not t.parent.is_dir()]
    if missing:
        raise PraxisError(
            f"Backup {src} has gradebooks of courses this programme has not deployed; "
            "nothing was restored.",
            [
                Problem(
                    str(folder), "no such course folder", "run `praxishub courses deploy` first"
                )
                for folder in missing
            ],
        )
    for copy in copies.values():
        found = _integrity(copy) if copy.exists() else "missing"
        if found != "ok":
            raise PraxisError(
                f"Backup {src} is damaged; nothing was restored.",
                [Problem(str(copy), f"integrity check: {found}", "restore an older backup")],
            )
    staged: list[tuple[Path, Path]] = []
    for name, copy in copies.items():
        target = targets[name]
        stage = target.with_name(f".{target.name}.restore")
        _copy(copy, stage)
        # The database belongs to whoever owns its folder (the service, or root for the hub).
        st = target.parent.stat()
        os.chown(stage, st.st_uid, st.st_gid)
        os.chmod(stage, 0o600)
        staged.append((stage, target))
    for stage, target in staged:
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(stage, target)
    return manifest


def _running(pid_file: Path) -> bool:
    try:
        os.kill(int(pid_file.read_text().strip()), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True
