"""Are the Voila apps copied into a home as its owner, so a planted symlink gets nothing from root?"""

from __future__ import annotations

import os
import subprocess

import pytest

from harness import world_dir
from praxishub.spawner import APPS_FOLDER, install_apps
from praxishub.unixusers import ensure_user


@pytest.fixture
def apps(tmp_path):
    folder = world_dir("praxishub-apps-")
    (folder / "case_library.ipynb").write_text('{"cells": []}', "utf-8")
    (folder / "case_library.ipynb").chmod(0o644)
    yield folder
    subprocess.run(["rm", "-rf", str(folder)], check=False)


def test_apps_are_copied_and_replaced_at_each_start(tmp_path, apps):
    """Does a second start replace the read-only copy with the current app?"""
    assert install_apps(tmp_path, apps) == tmp_path / APPS_FOLDER
    (apps / "case_library.ipynb").write_text('{"cells": [], "new": 1}', "utf-8")
    install_apps(tmp_path, apps)
    assert '"new"' in (tmp_path / APPS_FOLDER / "case_library.ipynb").read_text("utf-8")


@pytest.mark.root
def test_a_symlink_planted_in_the_home_cannot_make_root_write_elsewhere(apps):
    """If a person points ~/praxis-apps/case_library.ipynb at a root-owned file, is it untouched?"""
    name = "pt-apps-symlink"
    base = world_dir("praxishub-homes-")
    victim = base / "root-owned.txt"
    victim.write_text("root's", "utf-8")
    victim.chmod(0o644)
    try:
        entry = ensure_user(name, base)
        home = base / name
        planted = home / APPS_FOLDER
        planted.mkdir()
        os.chown(planted, entry.pw_uid, entry.pw_gid)
        (planted / "case_library.ipynb").symlink_to(victim)
        os.lchown(planted / "case_library.ipynb", entry.pw_uid, entry.pw_gid)
        install_apps(home, apps, name)
        assert victim.read_text("utf-8") == "root's"
        copy = planted / "case_library.ipynb"
        assert not copy.is_symlink() and copy.stat().st_uid == entry.pw_uid
    finally:
        subprocess.run(["userdel", "-r", name], check=False, capture_output=True)
        subprocess.run(["rm", "-rf", str(base)], check=False)
