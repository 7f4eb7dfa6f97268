"""The library check and retention: what guards the published library.

Rule: ``check`` reads every case in the library and fails on anything that could
identify a person: an invalid or unpublished case.yaml, a leftover pattern the
reviewer did not keep, any form of a name on the deny-list (kept outside git, under
the data dir), a file other than case.ipynb and case.yaml, or a case past its
retention date. ``expire`` removes expired cases, one log line each.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from rich.progress import track

from praxishub.cases.intake import from_names
from praxishub.cases.library import blank_tags, leftovers, meta_problems, notebook_texts, read_yaml
from praxishub.errors import Problem

log = logging.getLogger("praxishub.cases")
ALLOWED_FILES = {"case.ipynb", "case.yaml"}


def case_dirs(library: Path) -> list[Path]:
    root = library / "cases"
    return (
        sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
        if root.exists()
        else []
    )


def load_case(folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    return read_yaml(folder / "case.yaml"), json.loads((folder / "case.ipynb").read_text("utf-8"))


def check(
    library: Path, deny: list[str], today: date | None = None, progress: bool = False
) -> list[Problem]:
    """Every problem in the library (empty: the library is clean)."""
    today = today or date.today()
    problems: list[Problem] = []
    folders = case_dirs(library)
    for folder in track(
        folders, description="checking cases", disable=not progress, transient=True
    ):
        problems.extend(_check_case(folder, deny, today))
    return problems


def _check_case(folder: Path, deny: list[str], today: date) -> Iterator[Problem]:
    where = str(folder)
    extra = sorted(p.name for p in folder.iterdir() if p.name not in ALLOWED_FILES)
    if extra:
        yield Problem(
            where,
            f"files that are not part of a case: {', '.join(extra)}",
            "remove them; reports and raw notes stay under the data dir",
        )
    if not (folder / "case.yaml").exists() or not (folder / "case.ipynb").exists():
        yield Problem(
            where,
            "case.yaml or case.ipynb is missing",
            "publish cases with praxishub cases publish",
        )
        return
    try:
        meta, nb = load_case(folder)
    except (ValueError, Exception) as exc:
        yield Problem(where, f"unreadable: {exc}", "re-publish the case")
        return
    yield from meta_problems(meta, f"{where}/case.yaml")
    if not isinstance(meta, dict):
        return
    review = meta.get("review") or {}
    if review.get("status") != "published":
        yield Problem(
            f"{where}/case.yaml, review.status",
            str(review.get("status")),
            "only published cases belong in the library",
        )
    until = str(meta.get("retention_until", ""))
    if until and until < today.isoformat():
        yield Problem(
            f"{where}/case.yaml, retention_until",
            until,
            "the case has passed its retention date: praxishub cases expire",
        )
    for item in leftovers(nb, review.get("kept", [])):
        yield Problem(
            f"{where}/case.ipynb, {item.where}",
            f"leftover {item.text!r} ({item.reason})",
            "mask it, or have a reviewer keep it",
        )
    if deny:
        names = from_names(deny, str(meta.get("language", "ru")))
        for part, text in notebook_texts(nb):
            for span in names.find(blank_tags(text)):
                yield Problem(
                    f"{where}/case.ipynb, {part}",
                    f"a name on the deny-list at offset {span.start}",
                    "mask it and have the case reviewed again",
                )


def expire(library: Path, today: date | None = None) -> list[str]:
    """Remove the cases whose retention date has passed; log a line for each."""
    today = today or date.today()
    removed = []
    for folder in case_dirs(library):
        try:
            meta = read_yaml(folder / "case.yaml")
        except Exception:  # noqa: S112 - check reports unreadable cases
            continue
        until = str((meta or {}).get("retention_until", ""))
        if until and until < today.isoformat():
            shutil.rmtree(folder)
            log.warning(
                "case %s left the library: retention until %s has passed", folder.name, until
            )
            removed.append(folder.name)
    return removed


def published(library: Path, today: date | None = None) -> list[tuple[str, dict[str, Any]]]:
    """(case id, metadata) of each published case within its retention date."""
    today = today or date.today()
    out = []
    for folder in case_dirs(library):
        try:
            meta = read_yaml(folder / "case.yaml")
        except Exception:  # noqa: S112 - an unreadable case is not served
            continue
        if not isinstance(meta, dict) or (meta.get("review") or {}).get("status") != "published":
            continue
        if str(meta.get("retention_until", "9999")) < today.isoformat():
            log.warning(
                "case %s not served: retention until %s has passed",
                folder.name,
                meta["retention_until"],
            )
            continue
        out.append((folder.name, meta))
    return out
