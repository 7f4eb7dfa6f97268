"""Live check-in app: a trainer opens a window and shows its code; a trainee enters it.
A trainer also imports the webinar's Zoom or Teams report here (``apps.report_import``).

Rule: as every app, it holds no rights: the programme API decides who may open a window
(a trainer of the course) and who may check in (a trainee).
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from praxishub.apps.client import APIError, ProgrammeAPI
from praxishub.apps.report_import import ReportImport
from praxishub.apps.texts import error_html, language, ok_html, t


class TrainerPanel:
    def __init__(self, api: ProgrammeAPI, courses: dict[str, list[dict[str, Any]]]) -> None:
        self.api, self.courses = api, courses
        self.course = widgets.Dropdown(description=t("course"), options=sorted(courses))
        self.webinar = widgets.Dropdown(description=t("ci_webinar"))
        self.minutes = widgets.BoundedIntText(value=10, min=1, max=60, description=t("ci_minutes"))
        self.code = widgets.HTML()
        self.count = widgets.HTML()
        self.message = widgets.HTML()
        open_button = widgets.Button(description=t("ci_open"), button_style="primary")
        open_button.on_click(lambda _b: self.open())
        refresh = widgets.Button(description=t("desk_refresh"), icon="refresh")
        refresh.on_click(lambda _b: self.refresh())
        self.course.observe(lambda _c: self._webinars(), names="value")
        self._webinars()
        self.report = ReportImport(api, self.course, self.webinar)
        self.box = widgets.VBox(
            [
                widgets.HBox([self.course, self.webinar]),
                widgets.HBox([self.minutes, open_button, refresh]),
                self.code,
                self.count,
                self.message,
                self.report.box,
            ]
        )

    def _webinars(self) -> None:
        items = self.courses.get(self.course.value or "", [])
        lang = language()
        self.webinar.options = [
            (f"{w['id']} · {w['title'].get(lang) or w['title'].get('en', '')}", w["id"])
            for w in items
        ]
        if items and self.webinar.value is None:
            self.webinar.index = 0  # ipywidgets 8 selects nothing when options change

    def open(self) -> None:
        body = {
            "course": self.course.value,
            "webinar": self.webinar.value,
            "minutes": self.minutes.value,
        }
        try:
            window = self.api.post("api/attendance/checkin/windows", body)
        except APIError as exc:
            self.message.value = error_html(exc)
            return
        self.message.value = ""
        until = window["closes_at"][11:16]
        self.code.value = (
            f"<div class='praxis-code' style='font-size:64px;letter-spacing:12px;"
            f"font-family:monospace'>{html.escape(window['code'])}</div>"
            f"<div>{html.escape(t('ci_until', until=until))}</div>"
        )
        self.refresh()

    def refresh(self) -> None:
        try:
            found = self.api.get(
                "api/attendance/checkin/windows",
                course=self.course.value or "",
                webinar=self.webinar.value or "",
            )["windows"]
        except APIError as exc:
            self.message.value = error_html(exc)
            return
        n = found[-1]["checked_in"] if found else 0
        self.count.value = html.escape(t("ci_count", n=n))


class TraineeBox:
    def __init__(self, api: ProgrammeAPI) -> None:
        self.api = api
        self.code = widgets.Text(placeholder=t("ci_code"))
        button = widgets.Button(description=t("ci_check_in"), button_style="primary")
        button.on_click(lambda _b: self.check_in())
        self.message = widgets.HTML()
        self.box = widgets.VBox([widgets.HBox([self.code, button]), self.message])

    def check_in(self) -> None:
        try:
            done = self.api.post("api/attendance/checkin", {"code": self.code.value})
        except APIError as exc:
            self.message.value = error_html(exc)
            return
        self.message.value = ok_html(t("ci_done", course=done["course"], webinar=done["webinar"]))


def app(api: ProgrammeAPI | None = None) -> widgets.Widget:
    api = api or ProgrammeAPI()
    title = widgets.HTML(f"<h2>{html.escape(t('ci_title'))}</h2>")
    try:
        courses = api.get("api/attendance/webinars")["courses"]
    except APIError as exc:
        return widgets.VBox([title, widgets.HTML(error_html(exc))])
    parts: list[widgets.Widget] = [title]
    if courses:
        parts.append(TrainerPanel(api, courses).box)
    else:
        parts.append(TraineeBox(api).box)
    return widgets.VBox(parts)
