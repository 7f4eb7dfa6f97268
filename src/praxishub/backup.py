"""Backup and restore of a programme's databases.

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


def databases(layout: Layout) -> dict[str, Path]:
    return {"programme": layout.programme_db, "hub": layout.hub_db}


def _copy(src: Path, dest: Path) -> None:
    with sqlite3.connect(f"file:{src}?mode=ro", uri=True) as source, sqlite3.connect(dest) as out:
        source.backup(out)
    out.close()
    source.close()


def _integrity(path: Path) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    return str(result)


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
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    targets = databases(layout)
    staged: list[tuple[Path, Path]] = []
    for name in manifest["databases"]:
        copy = src / f"{name}.sqlite"
        if _integrity(copy) != "ok":
            raise PraxisError(
                f"Backup {src} is damaged.",
                [Problem(str(copy), "fails SQLite's integrity check", "restore an older backup")],
            )
        target = targets[name]
        stage = target.with_name(f".{target.name}.restore")
        _copy(copy, stage)
        staged.append((stage, target))
    for stage, target in staged:
        if target.exists():
            st = target.stat()
            os.chown(stage, st.st_uid, st.st_gid)
        os.chmod(stage, 0o600)
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(stage, target)
    return manifest
