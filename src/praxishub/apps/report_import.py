"""The check-in app's section where a trainer imports a webinar's Zoom or Teams report.

Rule: as every app, it holds no rights: ``POST api/attendance/import`` decides who may
import (a trainer of the course) and reads the file exactly as ``praxishub attendance
import`` does. "Check" is a dry run; "Import" stores it. Participants matched to nobody
are listed, and each can be counted as a person of the roster
(``POST api/attendance/resolve``).
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from praxishub.apps.client import APIError, ProgrammeAPI
from praxishub.apps.texts import error_html, ok_html, t
from praxishub.apps.uploads import chosen, file_body, file_label, problems_html, table_html


def result_html(answer: dict[str, Any]) -> str:
    """Counts, what was stored, and the participants matched to nobody."""
    counts = t(
        "imp_counts",
        n=len(answer["participants"]),
        matched=answer["matched"],
        unmatched=answer["unmatched"],
        present=answer["present"],
        threshold=answer["threshold"],
    )
    parts = [f"<p class='praxis-counts'>{html.escape(counts)}</p>"]
    if answer.get("already_imported_at"):
        when = str(answer["already_imported_at"])[:16].replace("T", " ")
        parts.append(ok_html(t("imp_already", when=when)))
    elif answer["dry_run"]:
        parts.append(ok_html(t("imp_dry")))
    else:
        stored = {k: len(answer[k]) for k in ("created", "updated", "unchanged")}
        parts.append(ok_html(t("imp_saved", **stored)))
    missing = [p for p in answer["participants"] if p["username"] is None]
    if missing:
        yes, no = t("imp_yes"), t("imp_no")
        rows = [(p["name"], p["email"], p["minutes"], yes if p["present"] else no) for p in missing]
        headers = [t("imp_participant"), t("imp_email"), t("imp_minutes"), t("imp_present")]
        parts.append(f"<h4>{html.escape(t('imp_unmatched'))}</h4>")
        parts.append(table_html(headers, rows, "praxis-unmatched"))
    return "".join(parts)


class ReportImport:
    """Upload, check and import a report of the webinar chosen in the given dropdowns."""

    def __init__(
        self, api: ProgrammeAPI, course: widgets.Dropdown, webinar: widgets.Dropdown
    ) -> None:
        self.api, self.course, self.webinar = api, course, webinar
        self.upload = widgets.FileUpload(
            accept=".csv,.xlsx,.txt", multiple=False, description=t("imp_choose")
        )
        self.file = widgets.HTML()
        check = widgets.Button(description=t("imp_check"), icon="search")
        check.on_click(lambda _b: self.send(dry_run=True))
        self.apply_button = widgets.Button(description=t("imp_apply"), button_style="primary")
        self.apply_button.on_click(lambda _b: self.send(dry_run=False))
        self.result = widgets.HTML()
        self.who = widgets.Dropdown(description=t("imp_participant"))
        self.username = widgets.Text(placeholder=t("imp_count_as"))
        resolve = widgets.Button(description=t("imp_resolve"))
        resolve.on_click(lambda _b: self.resolve())
        self.resolving = widgets.HBox([self.who, self.username, resolve])
        self.resolving.layout.display = "none"
        self.resolved = widgets.HTML()
        self.upload.observe(lambda _c: self._chosen(), names="value")
        self.box = widgets.VBox(
            [
                widgets.HTML(f"<h3>{html.escape(t('imp_report_title'))}</h3>"),
                widgets.HBox([self.upload, check, self.apply_button]),
                self.file,
                self.result,
                self.resolving,
                self.resolved,
            ]
        )

    def _chosen(self) -> None:
        self.file.value = file_label(self.upload)
        self.result.value = ""

    def send(self, *, dry_run: bool) -> None:
        found = chosen(self.upload)
        if found is None:
            self.result.value = error_html(Exception(t("imp_no_file")))
            return
        body = file_body(
            *found, dry_run, course=self.course.value or "", webinar=self.webinar.value or ""
        )
        try:
            answer = self.api.post("api/attendance/import", body)
        except APIError as exc:
            self.result.value = problems_html(exc)
            return
        self.result.value = result_html(answer)
        self.resolved.value = ""
        self._unmatched(
            [] if dry_run else [p for p in answer["participants"] if p["username"] is None]
        )

    def _unmatched(self, missing: list[dict[str, Any]]) -> None:
        self.who.options = [
            (f"{p['name']} <{p['email']}>" if p["email"] else p["name"], p) for p in missing
        ]
        if missing:
            self.who.index = 0  # ipywidgets 8 selects nothing when options change
        self.resolving.layout.display = "" if missing else "none"

    def resolve(self) -> None:
        chosen_one = self.who.value
        if not chosen_one:
            return
        body = {
            "course": self.course.value or "",
            "webinar": self.webinar.value or "",
            "name": chosen_one["name"],
            "email": chosen_one["email"] or None,
            "username": self.username.value.strip(),
        }
        try:
            done = self.api.post("api/attendance/resolve", body)
        except APIError as exc:
            self.resolved.value = problems_html(exc)
            return
        self.resolved.value = ok_html(t("imp_resolved", **done))
        self.username.value = ""
        self._unmatched([value for _label, value in self.who.options if value is not chosen_one])
