"""Serving the library: filter published cases, open one (audited), deploy a library.

Rule: a case is read only through ``open_case``, which writes the who-viewed row in
the same transaction that returns the text, so no opening goes unrecorded. Cases
past their retention date are neither listed nor opened.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from praxishub.cases import check as check_mod
from praxishub.cases.library import CaseError, _write_folder
from praxishub.db import CaseView
from praxishub.errors import PraxisError, Problem

FILTERS = ("topic", "age_band", "setting", "language", "risk_level")
LISTED = ("title", "language", "topics", "age_band", "setting", "risk_level", "published")


def list_cases(
    library: Path, filters: dict[str, str], today: date | None = None
) -> list[dict[str, Any]]:
    out = []
    for case_id, meta in check_mod.published(library, today):
        if filters.get("topic") and filters["topic"] not in meta.get("topics", []):
            continue
        if any(filters.get(k) and str(meta.get(k)) != filters[k] for k in FILTERS if k != "topic"):
            continue
        out.append({"id": case_id, **{k: meta.get(k) for k in LISTED}})
    return sorted(out, key=lambda c: (str(c["language"]), str(c["title"])))


def open_case(
    session: Session, library: Path, case_id: str, username: str, today: date | None = None
) -> dict[str, Any]:
    """The case (metadata and notebook), with the opening recorded for the audit log."""
    served = dict(check_mod.published(library, today))
    if case_id not in served:
        raise CaseError(
            f"no published case {case_id!r}",
            [Problem("case id", case_id, "list cases at /api/cases")],
        )
    notebook = json.loads((library / "cases" / case_id / "case.ipynb").read_text("utf-8"))
    session.add(CaseView(case_id=case_id, username=username))
    return {"id": case_id, "meta": served[case_id], "notebook": notebook}


def views(
    session: Session, case_id: str | None = None, username: str | None = None, limit: int = 1000
) -> list[dict[str, Any]]:
    query = select(CaseView).order_by(CaseView.viewed_at.desc(), CaseView.id.desc()).limit(limit)
    if case_id:
        query = query.where(CaseView.case_id == case_id)
    if username:
        query = query.where(CaseView.username == username)
    return [v.as_dict() for v in session.scalars(query)]


def deploy(source: Path, target: Path, deny: list[str], today: date | None = None) -> list[str]:
    """Copy a checked library (e.g. the repo's case_library/) into the served one."""
    problems = check_mod.check(source, deny, today)
    if problems:
        raise PraxisError(f"{source}: not deployed, {len(problems)} problem(s)", problems)
    deployed = []
    for folder in check_mod.case_dirs(source):
        contents = {name: (folder / name).read_text("utf-8") for name in check_mod.ALLOWED_FILES}
        _write_folder(target / "cases" / folder.name, contents, mode=0o600)
        deployed.append(folder.name)
    # Cases published through the review app live only in the served library: they stay.
    return deployed
