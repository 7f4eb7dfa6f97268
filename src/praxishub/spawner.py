"""Spawners: where each person's own Jupyter server runs.

Rule: with ``UnixUserSpawner`` every hub user's server runs as that person's
own Unix user (created on first spawn, private home), so code in one
trainee's kernel cannot read another's files. ``SharedUserSpawner`` exists only
for demo programmes run without root, and says so loudly.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import pwd
import subprocess
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid
from traitlets import Unicode

from praxishub import unixusers

log = logging.getLogger("praxishub.spawner")
TRANSLATION_SETTINGS = Path(".jupyter/lab/user-settings/@jupyterlab/translation-extension")
LOCALES = {"ru": "ru_RU", "zh": "zh_CN", "en": "en"}


def seed_user_settings(home: Path, language: str) -> Path | None:
    """Write the person's first JupyterLab language choice, never overwriting theirs."""
    locale = LOCALES.get(language)
    target = home / TRANSLATION_SETTINGS / "plugin.jupyterlab-settings"
    if locale is None or target.exists():
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"locale": locale}), encoding="utf-8")
    return target


APPS_FOLDER = "praxis-apps"


def install_apps(home: Path, apps: Path, unix_name: str | None = None) -> Path | None:
    """Copy the Voila apps into home/praxis-apps (replaced at each start).

    The copy is made *as the person* (``runuser``), never as root: their home is theirs,
    and root writing into a folder someone else controls could be pointed anywhere by a
    symlink. The copies need no protection: the apps' authority is the programme API.
    """
    notebooks = sorted(str(p) for p in apps.glob("*.ipynb")) if apps.is_dir() else []
    if not notebooks:
        return None
    target = home / APPS_FOLDER
    command = ["install", "-D", "-m", "0444", "-t", str(target), *notebooks]
    if unix_name is not None:
        command = ["runuser", "-u", unix_name, "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        log.warning("apps not copied into %s: %s", target, done.stderr.strip())
        return None
    return target


class UnixUserSpawner(LocalProcessSpawner):
    """LocalProcessSpawner that runs each hub user as their own, created-on-demand Unix user."""

    home_root = Unicode("/home", config=True, help="Parent directory of the homes.")
    unix_prefix = Unicode("ph-", config=True, help="Prefix of the Unix names.")
    default_language = Unicode("", config=True, help="First JupyterLab language of new users.")
    apps_dir = Unicode("", config=True, help="The Voila apps copied into each home.")

    @property
    def unix_name(self) -> str:
        return unixusers.unix_name(self.unix_prefix, self.user.name)

    def _prepare_account(self) -> None:
        entry = unixusers.ensure_user(self.unix_name, Path(self.home_root))
        home = Path(entry.pw_dir)
        seeded = seed_user_settings(home, self.default_language)
        if seeded is not None:
            unixusers.chown_tree(home / ".jupyter", entry.pw_uid, entry.pw_gid)
        if self.apps_dir:
            install_apps(home, Path(self.apps_dir), self.unix_name)

    async def start(self):  # type: ignore[no-untyped-def]
        await asyncio.get_running_loop().run_in_executor(None, self._prepare_account)
        return await super().start()

    def make_preexec_fn(self, name: str):  # type: ignore[no-untyped-def]
        return set_user_setuid(self.unix_name)

    def user_env(self, env: dict[str, str]) -> dict[str, str]:
        entry = pwd.getpwnam(self.unix_name)
        env["USER"] = self.unix_name
        env["HOME"] = entry.pw_dir
        env["SHELL"] = entry.pw_shell or "/bin/bash"
        return env


class SharedUserSpawner(LocalProcessSpawner):
    """Demo only: every server runs as the hub's own Unix user, each in its own folder."""

    homes_dir = Unicode(config=True, help="Folder holding one subfolder per person.")
    default_language = Unicode("", config=True)
    apps_dir = Unicode("", config=True, help="The Voila apps copied into each home.")

    def make_preexec_fn(self, name: str):  # type: ignore[no-untyped-def]
        return None

    def user_env(self, env: dict[str, str]) -> dict[str, str]:
        home = Path(self.homes_dir) / self.user.name
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        seed_user_settings(home, self.default_language)
        if self.apps_dir:
            install_apps(home, Path(self.apps_dir))
        env["HOME"] = str(home)
        env["USER"] = os.environ.get("USER", "")
        return env

    def get_args(self) -> list[str]:
        home = Path(self.homes_dir) / self.user.name
        return [*super().get_args(), f"--ServerApp.root_dir={home}"]
