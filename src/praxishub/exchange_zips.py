"""What the exchange's zips may hold, checked without the database (the plugin in
people's servers uses it too, and so stays light to import).

Rule: the graders unpack every released assignment and submission, so a zip is
accepted only if nothing in it could stop that: only plain relative paths, no links, at
most ``MAX_MEMBERS`` members and ``MAX_UNPACKED`` bytes unpacked (the unpacking counts
again, as headers may lie).
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
import zlib
from typing import Any

from praxishub.errors import PraxisError, Problem

MAX_MEMBERS = 2_000  # files and folders in one zip
MAX_UNPACKED = 200 * 2**20  # bytes of one zip, unpacked: a zip bomb stops here
MAX_PATH = 1_000  # characters of a member's name; each part at most 255 bytes, as on disk
# What reading a damaged or hostile zip raises (found by fuzzing zipfile).
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError)
UNZIPPABLE = "zip only the assignment's folder, as nbgrader's exchange does"


class ExchangeError(PraxisError):
    """An exchange item cannot be stored or found as asked."""


def check_zip(name: str, data: bytes) -> None:
    """Refuse bytes that are not a zip, or a zip the graders could not unpack."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = z.infolist()
    except DAMAGED as exc:
        raise ExchangeError(
            f"{name} cannot be read as a zip ({exc}).", [Problem("body", name, UNZIPPABLE)]
        ) from None
    check_members(name, members)


def check_members(name: str, members: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip whose members could not all be unpacked inside one folder: too many,
    too big in all (as their headers say, which may lie: the unpacking counts again), or
    one that is unsafe (``unsafe``) or a file where another member needs a folder."""
    if len(members) > MAX_MEMBERS:
        raise ExchangeError(
            f"{name} holds {len(members)} files.",
            [Problem("body", name, f"keep the assignment's folder under {MAX_MEMBERS} files")],
        )
    files = {m.filename for m in members if not m.is_dir()}
    for member in members:
        why = unsafe(member)  # first: it bounds the path walked next
        path = member.filename  # a folder's entry ends in "/": it is checked too
        if why is None and any(path[:i] in files for i, c in enumerate(path) if c == "/"):
            why = "needs a folder where this zip has a file"
        if why is not None:
            raise ExchangeError(
                f"{name} has a file that cannot be unpacked: it {why}.",
                [Problem("body", f"{name}: {member.filename}", UNZIPPABLE)],
            )
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED:
        raise ExchangeError(
            f"{name} unpacks to {unpacked / 2**20:.1f} MB.",
            [Problem("body", name, f"keep the unpacked folder under {MAX_UNPACKED // 2**20} MB")],
        )


def unsafe(member: zipfile.ZipInfo) -> str | None:
    """Why a member may not be unpacked (completing "it ..."), or None: only plain relative
    paths, no links, nothing the graders' zipfile cannot read."""
    name = member.filename
    parts = (name[:-1] if name.endswith("/") else name).split("/")
    if stat.S_ISLNK(member.external_attr >> 16):
        return "is a symbolic link"
    if "\\" in name:
        return "has a backslash in its path"
    if name.startswith("/") or re.match(r"[A-Za-z]:", name):
        return "has an absolute path"
    if ".." in parts:
        return "climbs out of its folder (..)"
    if "" in parts or "." in parts:
        return "has an empty or '.' part in its path"
    if len(name) > MAX_PATH or any(len(p.encode()) > 255 for p in parts):
        return "has too long a path"
    if member.flag_bits & 0x61:  # encrypted, or patched data: zipfile cannot read them
        return "is encrypted"
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return "is compressed in a way other than deflate"
    return None


def newest(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Of listed submissions, each trainee's newest per assignment (by when it was stored).

    nbgrader collects only the latest submission of each trainee, so nothing else is
    fetched: a trainee's many submissions cost the grader one unpacking, not a hundred.
    """
    kept: dict[tuple[str | None, str | None], dict[str, Any]] = {}
    for item in items:
        key = (item.get("owner"), item.get("assignment"))
        if key not in kept or (item["created"], item["name"]) > (
            kept[key]["created"],
            kept[key]["name"],
        ):
            kept[key] = item
    return sorted(kept.values(), key=lambda i: i["name"])
