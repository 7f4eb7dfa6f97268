"""Unix accounts for hub users and for the programme service.

Rule: a hub username maps to exactly one Unix name with a fixed prefix, so no
hub user can ever be run as a system account (``root``, ``daemon``...). Homes
are private (0700). Creation is idempotent and serialised, because useradd
locks /etc/passwd and fails when two run at once.
"""

from __future__ import annotations

import logging
import os
import pwd
import subprocess
import threading
from pathlib import Path

log = logging.getLogger("praxishub.unixusers")

_lock = threading.Lock()


def unix_name(prefix: str, username: str) -> str:
    """``ph-`` + the hub name, with '.' as '_' (hub names never contain '_')."""
    name = prefix + username.replace(".", "_")
    if len(name) > 32:
        raise ValueError(
            f"username {username!r} is too long for a Unix account (max 32 with prefix)"
        )
    return name


def exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def ensure_user(name: str, home_root: Path, *, system: bool = False) -> pwd.struct_passwd:
    """Create the Unix user ``name`` if missing; make sure its home is private."""
    with _lock:
        if not exists(name):
            home = home_root / name
            cmd = ["useradd", "--user-group", "--shell", "/bin/bash", "--comment", "Praxis Hub"]
            if system:
                cmd += ["--system", "--no-create-home", "--home-dir", str(home)]
            else:
                home_root.mkdir(parents=True, exist_ok=True)
                cmd += ["--create-home", "--home-dir", str(home), "--key", "UMASK=077"]
            subprocess.run([*cmd, name], check=True, capture_output=True, text=True)
        entry = pwd.getpwnam(name)
        home = Path(entry.pw_dir)
        wanted = home_root / name
        if system and home != wanted:
            # A service user made for a data dir that moved (or was deleted): JupyterHub
            # starts services with the HOME of their Unix user, so point it here. usermod
            # refuses while the user runs processes; those keep the old home meanwhile.
            moved = subprocess.run(
                ["usermod", "--home", str(wanted), name], capture_output=True, text=True
            )
            if moved.returncode == 0:
                entry = pwd.getpwnam(name)
            else:
                log.warning("home of %s stays %s: %s", name, home, moved.stderr.strip())
        if not system:
            if not home.exists():
                home.mkdir(parents=True, mode=0o700)
                os.chown(home, entry.pw_uid, entry.pw_gid)
            home.chmod(0o700)
        return entry


def chown_tree(path: Path, uid: int, gid: int) -> None:
    """Give ``path`` and everything below it to uid:gid."""
    os.chown(path, uid, gid)
    for root, dirs, files in os.walk(path):
        for entry in dirs + files:
            os.chown(os.path.join(root, entry), uid, gid, follow_symlinks=False)
