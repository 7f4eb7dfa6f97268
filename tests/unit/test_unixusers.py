"""Do service users follow their programme's data dir? (Real useradd/usermod: needs root.)"""

from __future__ import annotations

import pwd
import subprocess

from praxishub.unixusers import ensure_user


def test_a_service_users_home_follows_a_moved_data_dir(tmp_path):
    """If the data dir a service user was made for is gone, does the next programme's
    ensure_user point the user's home (JupyterHub's HOME for the service) at its own?"""
    name = "pt-svc-home-test"
    try:
        first = ensure_user(name, tmp_path / "old", system=True)
        assert first.pw_dir == str(tmp_path / "old" / name)
        again = ensure_user(name, tmp_path / "new", system=True)
        assert again.pw_dir == str(tmp_path / "new" / name)
        assert pwd.getpwnam(name).pw_dir == str(tmp_path / "new" / name)
    finally:
        subprocess.run(["userdel", name], check=False, capture_output=True)
