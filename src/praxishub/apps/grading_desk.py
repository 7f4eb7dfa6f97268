"""The grading desk app: a supervisor's queue, one submission at a time, rubric levels,
points and comments per answer, a comment bank, feedback back to the trainee.

Rule: the app holds no rights of its own; it calls the programme API with its owner's
token, and the API decides what this person may see. Submission HTML comes sanitised
from the course side; every other text is escaped here.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from praxishub.apps.client import APIError, ProgrammeAPI
from praxishub.apps.texts import error_html, language, ok_html, t

WIDE = widgets.Layout(width="100%")


def _tr(texts: dict[str, str] | str) -> str:
    if isinstance(texts, str):
        return texts
    return texts.get(language()) or texts.get("en") or next(iter(texts.values()))


class AnswerBox:
    """One manually graded answer: the answer, its rubric criterion, points and comment."""

    def __init__(self, cell: dict[str, Any], rubric: dict[str, Any], saved: dict[str, Any]) -> None:
        self.cell = cell
        found = next(
            (c for c in rubric["criteria"] if c.get("section") in (cell["name"], "*")), None
        )
        # levels are numbers in the YAML, strings once the rubric has travelled as JSON
        self.criterion = (
            {**found, "descriptors": {int(k): v for k, v in found["descriptors"].items()}}
            if found
            else None
        )
        levels = {int(k): v for k, v in rubric["levels"].items()}
        self.touched = False
        label = _tr(self.criterion["criterion"]) if self.criterion else cell["name"]
        options: list[tuple[str, int | None]] = [("—", None)]
        if self.criterion:
            options += [
                (f"{lvl} · {_tr(levels[lvl])}", lvl)
                for lvl in sorted(self.criterion["descriptors"])
            ]
        level = saved.get("rubric", {}).get(cell["key"])
        self.level = widgets.Dropdown(
            options=options,
            value=level if level in [v for _, v in options] else None,
            description=t("desk_level"),
            style={"description_width": "initial"},
        )
        self.descriptor = widgets.HTML()
        self.points = widgets.BoundedFloatText(
            value=cell["manual_score"] if cell["manual_score"] is not None else 0.0,
            min=0,
            max=cell["max_score"],
            step=0.5,
            description=t("desk_points", max=cell["max_score"]),
            style={"description_width": "initial"},
        )
        self.comment = widgets.Textarea(
            value=saved.get("comments", {}).get(cell["key"]) or cell.get("comment") or "",
            placeholder=t("desk_comment"),
            layout=widgets.Layout(width="100%", height="70px"),
        )
        self.level.observe(lambda _c: self._on_level(), names="value")
        self.points.observe(lambda _c: setattr(self, "touched", True), names="value")
        self._on_level(initial=True)
        heading = html.escape(_tr(self.criterion["heading"]) if self.criterion else cell["name"])
        self.box = widgets.VBox(
            [
                widgets.HTML(
                    f"<h4>{heading} <small>({html.escape(label)})</small></h4>"
                    f"<div class='praxis-answer' style='border-left:3px solid #ccc;"
                    f"padding-left:8px'>{cell.get('answer_html', '')}</div>"
                ),
                widgets.HBox([self.level, self.points]),
                self.descriptor,
                self.comment,
            ],
            layout=widgets.Layout(border="1px solid #ddd", padding="6px", margin="4px 0"),
        )

    def _on_level(self, initial: bool = False) -> None:
        lvl = self.level.value
        if lvl is None or self.criterion is None:
            self.descriptor.value = ""
            return
        self.descriptor.value = f"<i>{html.escape(_tr(self.criterion['descriptors'][lvl]))}</i>"
        top = max(self.criterion["descriptors"])
        if not initial:
            self.points.value = round(lvl * self.cell["max_score"] / top, 2)
            self.touched = False


class GradingDesk:
    def __init__(self, api: ProgrammeAPI | None = None) -> None:
        self.api = api or ProgrammeAPI()
        self.items: list[dict[str, Any]] = []
        self.current: dict[str, Any] | None = None
        # a message that stays above the next ones (a save's, while the queue moves on)
        self.kept = ""
        self.answers: list[AnswerBox] = []
        self.bank: list[dict[str, Any]] = []
        self.counts = widgets.HTML()
        self.course = widgets.Dropdown(description=t("course"), options=[(t("any"), "")])
        self.trainee = widgets.Dropdown(description=t("desk_trainee"), options=[(t("any"), "")])
        self.assignment = widgets.Dropdown(description=t("assignment"), options=[(t("any"), "")])
        self.follow_ups = widgets.Checkbox(description=t("desk_follow_ups"), indent=False)
        self.follow_ups.observe(lambda _c: self.refresh_queue(), names="value")
        self.blind = widgets.Checkbox(description=t("desk_blind"), indent=False)
        refresh = widgets.Button(description=t("desk_refresh"), icon="refresh")
        refresh.on_click(lambda _b: self.refresh())
        self.queue = widgets.Select(rows=8, layout=WIDE)
        self.header = widgets.HTML()
        self.auto = widgets.HTML()
        self.whole = widgets.Accordion(children=[widgets.HTML()])
        self.whole.set_title(0, t("desk_whole"))
        self.whole.selected_index = None
        self.answer_box = widgets.VBox()
        self.follow_up = widgets.Checkbox(description=t("desk_follow_up"), indent=False)
        self.save_button = widgets.Button(description=t("desk_save"), button_style="primary")
        self.save_button.on_click(lambda _b: self.save())
        self.feedback_button = widgets.Button(
            description=t("desk_feedback"), button_style="success"
        )
        self.feedback_button.on_click(lambda _b: self.return_feedback())
        self.message = widgets.HTML()
        self.bank_pick = widgets.Dropdown(
            description=t("desk_bank"), layout=widgets.Layout(width="60%")
        )
        self.bank_target = widgets.Dropdown(description=t("desk_into"))
        insert = widgets.Button(description=t("desk_insert"))
        insert.on_click(lambda _b: self.insert_bank())
        self.bank_new = widgets.Text(
            placeholder=t("desk_bank_new"), layout=widgets.Layout(width="60%")
        )
        add = widgets.Button(description=t("desk_bank_add"))
        add.on_click(lambda _b: self.add_bank())
        self.bank_row = widgets.VBox(
            [
                widgets.HBox([self.bank_pick, self.bank_target, insert]),
                widgets.HBox([self.bank_new, add]),
            ]
        )
        for w in (self.course, self.assignment, self.trainee, self.blind):
            w.observe(lambda _c: self.show_queue(), names="value")
        self.queue.observe(lambda change: self.load(change["new"]), names="value")
        self.filters = widgets.VBox(
            [
                widgets.HBox([self.course, self.assignment, self.trainee]),
                widgets.HBox([self.blind, self.follow_ups, refresh]),
            ]
        )
        self.refresh_queue()
        self.load_bank()

    # ---- queue ----------------------------------------------------------------

    def _after_kept(self, text: str) -> str:
        return f"{self.kept}<br>{text}" if self.kept and text else self.kept or text

    def refresh(self) -> None:
        """The queue again, and the chosen submission if it is not the one shown (it could
        not be opened before: still being autograded, or its course did not answer)."""
        self.refresh_queue()
        chosen = self.queue.value
        shown = (
            self.current
            and f"{self.current['course']}/{self.current['assignment']}/{self.current['student']}"
        )
        if chosen and chosen != shown:
            self.load(chosen)

    def refresh_queue(self) -> None:
        try:
            got = self.api.get("api/desk/queue", follow_up="1" if self.follow_ups.value else "")
        except APIError as exc:
            self.message.value = self._after_kept(error_html(exc))
            return
        self.items = got["queue"]
        stale = got.get("stale") or []
        note = f" · {t('desk_stale', courses=', '.join(stale))}" if stale else ""
        self.counts.value = html.escape(t("desk_counts", n=got["counts"]["total"])) + html.escape(
            note
        )
        self._keep_options(self.course, sorted({(i["course"], i["course"]) for i in self.items}))
        self._keep_options(
            self.assignment,
            sorted({(i["assignment"], f"{i['course']}/{i['assignment']}") for i in self.items}),
        )
        self._keep_options(
            self.trainee, sorted({(i["full_name"], i["trainee"]) for i in self.items})
        )
        self.show_queue()

    @staticmethod
    def _keep_options(box: widgets.Dropdown, options: list[tuple[str, str]]) -> None:
        """New choices for a filter, keeping what was chosen if it is still there."""
        chosen = box.value
        box.options = [(t("any"), ""), *options]
        box.value = chosen if chosen in {v for _, v in options} else ""

    def _label(self, number: int, item: dict[str, Any]) -> str:
        who = t("desk_anon", n=number) if self.blind.value else item["full_name"]
        when = (item["submitted_at"] or "")[:16].replace("T", " ")
        return f"{when} · {who} · {item['course']}/{item['assignment']} · {t('desk_open_cells', n=item['needs_manual'])}"

    def show_queue(self) -> None:
        shown = [
            (n, i)
            for n, i in enumerate(self.items, 1)
            if (not self.course.value or i["course"] == self.course.value)
            and (
                not self.assignment.value
                or f"{i['course']}/{i['assignment']}" == self.assignment.value
            )
            and (not self.trainee.value or i["trainee"] == self.trainee.value)
        ]
        chosen = self.queue.value
        options = [
            (self._label(n, i), f"{i['course']}/{i['assignment']}/{i['trainee']}") for n, i in shown
        ]
        if options != list(self.queue.options):
            self.queue.options = options
            if chosen in {v for _, v in options}:
                self.queue.value = chosen
        self.trainee.layout.display = "none" if self.blind.value else None

    # ---- one submission ---------------------------------------------------------

    def load(self, key: str | None) -> None:
        if not key:
            return
        try:
            found = self.api.get(f"api/desk/submissions/{key}")
        except APIError as exc:
            self.message.value = self._after_kept(error_html(exc))
            return
        self.current = found
        self.message.value = self.kept
        self.show()

    def show(self) -> None:
        sub = self.current
        assert sub is not None
        who = t("desk_anon_one") if self.blind.value else sub["full_name"]
        desk = sub["desk"]
        saved = ""
        if desk.get("saved_at"):
            saved = " · " + t(
                "desk_saved_by",
                who=desk.get("grader") or "",
                when=desk["saved_at"][:16].replace("T", " "),
            )
        self.header.value = (
            f"<h3>{html.escape(who)} · {html.escape(sub['course'])}/{html.escape(sub['assignment'])}</h3>"
            f"<div>{html.escape(t('submitted'))}: {html.escape((sub['submitted_at'] or '')[:16].replace('T', ' '))}{html.escape(saved)}</div>"
        )
        autos = [c for c in sub["cells"] if c["auto"]]
        rows = "".join(
            f"<tr><td>{html.escape(c['name'])}</td><td>{c['score']:g} / {c['max_score']:g}</td>"
            f"<td>{'✗ ' + html.escape(t('desk_failed')) if c['failed'] else '✓'}</td></tr>"
            for c in autos
        )
        self.auto.value = (
            f"<b>{html.escape(t('autograded'))}</b><table>{rows}</table>" if autos else ""
        )
        self.whole.children[0].value = "".join(nb["html"] for nb in sub["notebooks"])
        self.answers = [AnswerBox(c, sub["rubric"], desk) for c in sub["cells"] if not c["auto"]]
        self.answer_box.children = [a.box for a in self.answers]
        self.bank_target.options = [(a.cell["name"], n) for n, a in enumerate(self.answers)]
        self.follow_up.value = bool(desk.get("follow_up"))

    def save(self) -> None:
        if not self.current:
            return
        sub = self.current
        body = {
            "version": sub["desk"]["version"],
            "levels": {
                a.cell["key"]: a.level.value for a in self.answers if a.level.value is not None
            },
            "points": {
                a.cell["key"]: a.points.value
                for a in self.answers
                if a.level.value is None and a.touched
            },
            "comments": {a.cell["key"]: a.comment.value for a in self.answers},
            "follow_up": self.follow_up.value,
        }
        key = f"{sub['course']}/{sub['assignment']}/{sub['student']}"
        try:
            saved = self.api.post(f"api/desk/submissions/{key}", body)
        except APIError as exc:
            self.message.value = error_html(exc)
            return
        sub["desk"] = saved["desk"]
        self.message.value = ok_html(
            t(
                "desk_saved",
                score=saved["row"]["auto_score"] + saved["row"]["manual_score"],
                max=saved["row"]["max_score"],
            )
        )
        # The saved one may leave the queue and the next one open: "Saved" stays in view
        # above whatever that says.
        self.kept = self.message.value
        try:
            self.refresh_queue()
        finally:
            self.kept = ""

    def return_feedback(self) -> None:
        if not self.current:
            return
        sub = self.current
        key = f"{sub['course']}/{sub['assignment']}/{sub['student']}"
        self.message.value = html.escape(t("desk_feedback_wait"))
        try:
            self.api.post(f"api/desk/submissions/{key}/feedback", {})
        except APIError as exc:
            self.message.value = error_html(exc)
            return
        self.message.value = ok_html(t("desk_feedback_done"))

    # ---- comment bank -------------------------------------------------------------

    def load_bank(self) -> None:
        try:
            self.bank = self.api.get("api/desk/bank")["bank"]
        except APIError:
            self.bank = []
        self.bank_pick.options = [(e["text"][:60], e["id"]) for e in self.bank]

    def insert_bank(self) -> None:
        entry = next((e for e in self.bank if e["id"] == self.bank_pick.value), None)
        if entry is None or self.bank_target.value is None:
            return
        box = self.answers[self.bank_target.value].comment
        box.value = (box.value + "\n" + entry["text"]).strip()

    def add_bank(self) -> None:
        try:
            self.bank = self.api.post("api/desk/bank", {"text": self.bank_new.value})["bank"]
        except APIError as exc:
            self.message.value = error_html(exc)
            return
        self.bank_new.value = ""
        self.bank_pick.options = [(e["text"][:60], e["id"]) for e in self.bank]

    def widget(self) -> widgets.Widget:
        from praxishub.apps.calibration_view import CalibrationView

        tabs = widgets.Tab(children=[self.grading(), CalibrationView(self.api).widget()])
        tabs.set_title(0, t("desk_queue_tab"))
        tabs.set_title(1, t("cal_tab"))
        return widgets.VBox([widgets.HTML(f"<h2>{html.escape(t('desk_title'))}</h2>"), tabs])

    def grading(self) -> widgets.Widget:
        return widgets.VBox(
            [
                self.counts,
                self.filters,
                self.queue,
                self.header,
                self.auto,
                self.whole,
                self.answer_box,
                self.bank_row,
                widgets.HBox([self.follow_up, self.save_button, self.feedback_button]),
                self.message,
            ]
        )


def app() -> widgets.Widget:
    return GradingDesk().widget()
