"""The grading desk's calibration tab: a trainer sets a round up, raters rate blind, and
everyone who may sees the agreement per criterion as a coloured table.

Rule: as in every app, only the programme API decides; texts are escaped, submission
HTML arrives sanitised.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from praxishub.apps.client import APIError, ProgrammeAPI
from praxishub.apps.grading_desk import AnswerBox, _tr
from praxishub.apps.texts import error_html, ok_html, t

BASE = "api/desk/calibrations"


def _colour(value: float | None) -> str:
    """Green for good agreement, amber for moderate, red for poor (Landis & Koch bands)."""
    if value is None:
        return "#eee"
    if value >= 0.8:
        return "#b7e4c7"
    if value >= 0.6:
        return "#d8f3dc"
    if value >= 0.4:
        return "#ffe8a3"
    return "#ffb3b3"


def _num(value: float | None, percent: bool = False) -> str:
    if value is None:
        return "—"
    return f"{value:.0%}" if percent else f"{value:.2f}"


def agreement_table(result: dict[str, Any]) -> str:
    """HTML of the agreement per criterion, each rater's levels beside it."""
    raters = result["raters"]
    head = "".join(f"<th>{html.escape(r)}</th>" for r in raters)
    rows = []
    for c in result["criteria"]:
        levels = "".join(
            "<td>"
            + html.escape(", ".join(str(v) for _, v in sorted(c["levels"].get(r, {}).items())))
            + "</td>"
            for r in raters
        )
        rows.append(
            f"<tr><td>{html.escape(_tr(c['criterion']))}</td>"
            f"<td class='praxis-kappa' style='background:{_colour(c['kappa'])}'>{_num(c['kappa'])}</td>"
            f"<td>{_num(c['exact'], True)}</td><td>{_num(c['within_one'], True)}</td>{levels}</tr>"
        )
    o = result["overall"]
    rows.append(
        f"<tr><th>{html.escape(t('cal_overall'))}</th>"
        f"<th style='background:{_colour(o['kappa'])}'>{_num(o['kappa'])}</th>"
        f"<th>{_num(o['exact'], True)}</th><th>{_num(o['within_one'], True)}</th>"
        f"<th colspan='{len(raters)}'></th></tr>"
    )
    return (
        f"<table class='praxis-agreement' border='1' cellpadding='4' style='border-collapse:collapse'>"
        f"<tr><th>{html.escape(t('cal_criterion'))}</th><th>κ</th><th>{html.escape(t('cal_exact'))}</th>"
        f"<th>{html.escape(t('cal_within_one'))}</th>{head}</tr>{''.join(rows)}</table>"
        f"<p><small>{html.escape(t('cal_method', n=result['items']))}</small></p>"
    )


class CalibrationView:
    def __init__(self, api: ProgrammeAPI | None = None) -> None:
        self.api = api or ProgrammeAPI()
        self.data: dict[str, Any] = {}
        self.item: dict[str, Any] | None = None
        self.boxes: list[AnswerBox] = []
        self.rounds = widgets.Select(rows=5, layout=widgets.Layout(width="100%"))
        self.items = widgets.Dropdown(description=t("cal_submission"))
        self.answers = widgets.VBox()
        self.rate_button = widgets.Button(description=t("cal_rate"), button_style="primary")
        self.rate_button.on_click(lambda _b: self.rate())
        self.agree_button = widgets.Button(description=t("cal_agreement"))
        self.agree_button.on_click(lambda _b: self.show_agreement())
        self.result = widgets.HTML()
        self.message = widgets.HTML()
        # a trainer's set-up form
        self.title = widgets.Text(
            description=t("cal_title"), style={"description_width": "initial"}
        )
        self.assignment = widgets.Dropdown(description=t("assignment"))
        self.trainees = widgets.SelectMultiple(description=t("cal_trainees"), rows=5)
        self.raters = widgets.SelectMultiple(description=t("cal_raters"), rows=5)
        create = widgets.Button(description=t("cal_create"), button_style="success")
        create.on_click(lambda _b: self.create())
        self.setup = widgets.VBox(
            [
                widgets.HTML(f"<h4>{html.escape(t('cal_new'))}</h4>"),
                self.title,
                self.assignment,
                widgets.HBox([self.trainees, self.raters]),
                create,
            ]
        )
        self.rounds.observe(lambda c: self.pick_round(c["new"]), names="value")
        self.items.observe(lambda c: self.load_item(c["new"]), names="value")
        self.assignment.observe(lambda _c: self._trainee_options(), names="value")
        self.refresh()

    def refresh(self) -> None:
        try:
            self.data = self.api.get(BASE)
        except APIError as exc:
            self.message.value = error_html(exc)
            return
        chosen = self.rounds.value
        self.rounds.options = [
            (
                f"{c['title']} · {c['course']}/{c['assignment']} · "
                f"{t('cal_role_' + c['role'])} · {c['ratings']}/{c['raters'] * len(c['items'])}",
                c["id"],
            )
            for c in self.data["calibrations"]
        ]
        if chosen in {v for _, v in self.rounds.options}:
            self.rounds.value = chosen
        setup = self.data.get("setup")
        self.setup.layout.display = None if setup else "none"
        if setup:
            self.assignment.options = sorted(setup["assignments"])
            self.raters.options = [(r["full_name"], r["username"]) for r in setup["raters"]]
            self._trainee_options()

    def _trainee_options(self) -> None:
        setup = self.data.get("setup") or {}
        people = setup.get("assignments", {}).get(self.assignment.value or "", [])
        self.trainees.options = [(p["full_name"], p["username"]) for p in people]

    def _round(self) -> dict[str, Any] | None:
        return next(
            (c for c in self.data.get("calibrations", []) if c["id"] == self.rounds.value), None
        )

    def pick_round(self, cal_id: int | None) -> None:
        found = self._round()
        self.result.value = ""
        if not found:
            return
        mark = {True: " ✓", False: ""}
        self.items.options = [
            (t("cal_number", n=i["number"]) + mark[i["rated"]], i["id"]) for i in found["items"]
        ]
        self.rate_button.layout.display = None if found["role"] == "rater" else "none"

    def load_item(self, item_id: int | None) -> None:
        if item_id is None or self.rounds.value is None:
            return
        try:
            self.item = self.api.get(f"{BASE}/{self.rounds.value}/items/{item_id}")
        except APIError as exc:
            self.message.value = error_html(exc)
            return
        saved = {"rubric": self.item["levels"], "comments": {}}
        self.boxes = [
            AnswerBox(c, self.item["rubric"], saved) for c in self.item["cells"] if not c["auto"]
        ]
        for box in self.boxes:  # a calibration rates levels only: nothing reaches a gradebook
            box.points.layout.display = "none"
            box.comment.layout.display = "none"
        self.answers.children = [b.box for b in self.boxes]

    def rate(self) -> None:
        if not self.item:
            return
        levels = {b.cell["key"]: b.level.value for b in self.boxes if b.level.value is not None}
        try:
            self.api.post(
                f"{BASE}/{self.item['calibration']}/items/{self.item['item']}", {"levels": levels}
            )
        except APIError as exc:
            self.message.value = error_html(exc)
            return
        self.message.value = ok_html(t("cal_rated"))
        keep = self.items.value
        self.refresh()
        self.pick_round(self.rounds.value)
        self.items.value = keep

    def show_agreement(self) -> None:
        if self.rounds.value is None:
            return
        try:
            result = self.api.get(f"{BASE}/{self.rounds.value}/agreement")
        except APIError as exc:
            self.message.value = error_html(exc)
            return
        self.message.value = ""
        self.result.value = agreement_table(result)

    def create(self) -> None:
        course, _, assignment = (self.assignment.value or "").partition("/")
        body = {
            "title": self.title.value,
            "course": course,
            "assignment": assignment,
            "trainees": list(self.trainees.value),
            "raters": list(self.raters.value),
        }
        try:
            self.api.post(BASE, body)
        except APIError as exc:
            self.message.value = error_html(exc)
            return
        self.message.value = ok_html(t("cal_created"))
        self.refresh()

    def widget(self) -> widgets.Widget:
        return widgets.VBox(
            [
                self.setup,
                widgets.HTML(f"<h4>{html.escape(t('cal_rounds'))}</h4>"),
                self.rounds,
                self.items,
                self.answers,
                widgets.HBox([self.rate_button, self.agree_button]),
                self.message,
                self.result,
            ]
        )
