"""Reports app: a coordinator issues and downloads CPD certificates and the funder report.

Rule: as every app, it holds no rights: ``api/certificates…`` and ``api/reports/funder``
decide who may, exactly as ``praxishub certificates issue`` and ``praxishub reports
funder`` would. Files arrive from the service and are offered as links to save.
"""

from __future__ import annotations

import base64
import html
from datetime import date
from typing import Any

import ipywidgets as widgets

from praxishub.apps.client import APIError, ProgrammeAPI
from praxishub.apps.texts import error_html, language, ok_html, t
from praxishub.apps.uploads import table_html

REPORTS = "custom:praxis:reports"
MEDIA = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def file_link(name: str, kind: str, data: bytes) -> str:
    """A link that saves ``data`` as ``name`` (the browser keeps it; nothing is stored)."""
    encoded = base64.b64encode(data).decode("ascii")
    return (
        f"<a class='praxis-file' download='{html.escape(name)}' "
        f"href='data:{MEDIA[kind]};base64,{encoded}'>⬇ {html.escape(name)}</a>"
    )


def standing_html(rows: list[dict[str, Any]]) -> str:
    """Each trainee's standing in the course and their certificate, if any."""
    body = [
        (
            r["username"],
            r["full_name"],
            f"{r['attended']} / {r['required']}",
            t("rp_eligible") if r["eligible"] else "; ".join(r["reasons"]),
            r["certificate"]["code"] if r["certificate"] else "",
        )
        for r in rows
    ]
    headers = [t(k) for k in ("imp_username", "imp_full_name", "rp_present", "rp_standing")]
    return table_html([*headers, t("rp_code")], body, "praxis-certificates")


class Certificates:
    """Pick a course, see who earned its certificate, issue, and download a PDF."""

    def __init__(self, api: ProgrammeAPI) -> None:
        self.api = api
        self.lang = language()
        self.starting = False
        self.course = widgets.Dropdown(description=t("course"))
        self.table = widgets.HTML()
        self.message = widgets.HTML()
        self.issue = widgets.Button(description=t("rp_issue"), icon="certificate")
        self.issued = widgets.Dropdown(description=t("rp_certificate"), options=[])
        self.download = widgets.Button(description=t("rp_download_pdf"), icon="download")
        self.link = widgets.HTML()
        self.course.observe(lambda _c: self.load(), names="value")
        self.issue.on_click(lambda _b: self.issue_all())
        self.download.on_click(lambda _b: self.fetch_pdf())
        self.box = widgets.VBox(
            [
                widgets.HTML(f"<h3>{html.escape(t('rp_certificates'))}</h3>"),
                widgets.HBox([self.course, self.issue]),
                self.message,
                self.table,
                widgets.HBox([self.issued, self.download, self.link]),
            ]
        )

    def start(self) -> None:
        try:
            answer = self.api.get("api/certificates", lang=self.lang)
        except APIError as exc:
            self.message.value = error_html(exc)
            return
        if not answer["courses"]:
            self.message.value = error_html(Exception(t("rp_no_courses")))
            return
        self.starting = True  # the answer already holds the first course's standing
        self.course.options = answer["courses"]
        self.course.value = answer["course"]
        self.starting = False
        self.show(answer)

    def load(self) -> None:
        if not self.course.value or self.starting:
            return
        try:
            self.show(self.api.get("api/certificates", course=self.course.value, lang=self.lang))
        except APIError as exc:
            self.message.value = error_html(exc)

    def show(self, answer: dict[str, Any]) -> None:
        rows = answer["trainees"]
        self.table.value = standing_html(rows)
        self.issued.options = [
            (f"{r['full_name']} · {r['certificate']['code']}", r["certificate"]["code"])
            for r in rows
            if r["certificate"]
        ]
        if self.issued.options:
            self.issued.index = 0  # ipywidgets 8 selects nothing when options change
        eligible = sum(r["eligible"] for r in rows)
        self.issue.disabled = eligible == 0
        self.link.value = ""

    def issue_all(self) -> None:
        self.message.value = ""
        try:
            done = self.api.post(
                "api/certificates/issue", {"course": self.course.value, "lang": self.lang}
            )
        except APIError as exc:
            self.message.value = error_html(exc)
            return
        new = sum(i["status"] != "unchanged" for i in done["issued"])
        self.load()
        self.message.value = ok_html(t("rp_issued", new=new, unchanged=len(done["issued"]) - new))

    def fetch_pdf(self) -> None:
        code = self.issued.value
        if not code:
            return
        try:
            data = self.api.get_bytes(f"api/certificates/{code}.pdf")
        except APIError as exc:
            self.link.value = error_html(exc)
            return
        self.link.value = file_link(f"certificate-{code}.pdf", "pdf", data)


class FunderReport:
    """A period (and a cohort), then the report as XLSX or PDF."""

    def __init__(self, api: ProgrammeAPI, today: date | None = None) -> None:
        self.api = api
        today = today or date.today()
        self.start = widgets.DatePicker(description=t("rp_from"), value=date(today.year, 1, 1))
        self.end = widgets.DatePicker(description=t("rp_to"), value=date(today.year, 12, 31))
        self.kind = widgets.ToggleButtons(options=[("XLSX", "xlsx"), ("PDF", "pdf")])
        self.make = widgets.Button(description=t("rp_make_report"), icon="download")
        self.link = widgets.HTML()
        self.make.on_click(lambda _b: self.fetch())
        self.box = widgets.VBox(
            [
                widgets.HTML(f"<h3>{html.escape(t('rp_funder'))}</h3>"),
                widgets.HBox([self.start, self.end]),
                widgets.HBox([self.kind, self.make]),
                self.link,
            ]
        )

    def fetch(self) -> None:
        if self.start.value is None or self.end.value is None:
            self.link.value = error_html(Exception(t("rp_need_dates")))
            return
        start, end, kind = self.start.value.isoformat(), self.end.value.isoformat(), self.kind.value
        try:
            data = self.api.get_bytes(
                "api/reports/funder", format=kind, lang=language(), **{"from": start, "to": end}
            )
        except APIError as exc:
            self.link.value = error_html(exc)
            return
        self.link.value = file_link(f"funder-{start}-{end}.{kind}", kind, data)


def app(api: ProgrammeAPI | None = None) -> widgets.Widget:
    api = api or ProgrammeAPI()
    title = widgets.HTML(f"<h2>{html.escape(t('rp_title'))}</h2>")
    try:
        me = api.get("api/me")
    except APIError as exc:
        return widgets.VBox([title, widgets.HTML(error_html(exc))])
    if REPORTS not in me.get("scopes", []):
        return widgets.VBox([title, widgets.HTML(error_html(Exception(t("rp_only_coordinators"))))])
    certificates = Certificates(api)
    certificates.start()
    return widgets.VBox([title, certificates.box, FunderReport(api).box])
