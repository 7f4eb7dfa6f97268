"""What the import apps share: the chosen file, and HTML for tables and problems.

Rule: everything a person or a file wrote is escaped before it becomes HTML.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

from praxishub.apps.client import APIError
from praxishub.apps.texts import error_html, t

TABLE_STYLE = "border-collapse:collapse;font-size:13px"
CELL = "border:1px solid #ccc;padding:2px 6px;text-align:left"


def chosen(upload: widgets.FileUpload) -> tuple[str, bytes] | None:
    """The name and bytes of the file chosen in ``upload`` (ipywidgets 8), if any."""
    files = upload.value
    if not files:
        return None
    first = files[0]
    return str(first["name"]), bytes(first["content"])


def file_body(name: str, content: bytes, dry_run: bool, **more: object) -> dict[str, Any]:
    """The JSON the programme service's import endpoints take."""
    return {
        "file_name": name,
        "content_base64": base64.b64encode(content).decode("ascii"),
        "dry_run": dry_run,
        **more,
    }


def file_label(upload: widgets.FileUpload) -> str:
    found = chosen(upload)
    if found is None:
        return ""
    name, content = found
    return html.escape(t("imp_file", name=name, kb=max(1, round(len(content) / 1024))))


def table_html(headers: Sequence[str], rows: Sequence[Sequence[object]], css: str = "") -> str:
    head = "".join(f"<th style='{CELL}'>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td style='{CELL}'>{html.escape(str(c))}</td>" for c in row) + "</tr>"
        for row in rows
    )
    return f"<table class='{css}' style='{TABLE_STYLE}'><tr>{head}</tr>{body}</table>"


def problems_html(exc: APIError) -> str:
    """A refusal, with each problem's place, what is wrong and the fix."""
    if not exc.problems:
        return error_html(exc)
    items = "".join(
        f"<li><b>{html.escape(str(p.get('where', '')))}</b>: {html.escape(str(p.get('message', '')))}"
        + (
            f"<br><i>{html.escape(t('imp_fix'))}:</i> {html.escape(str(p['fix']))}"
            if p.get("fix")
            else ""
        )
        + "</li>"
        for p in exc.problems
    )
    return (
        f"{error_html(exc)}<div class='praxis-problems' style='color:#a00'>"
        f"{html.escape(t('imp_problems'))}<ul>{items}</ul></div>"
    )
