"""The supervision log app: a supervisor logs sessions and signs off a month; a trainee
sees their sessions and confirms them.

Rule: the app decides nothing: it shows what the service returns for the viewer and
sends what they enter, showing the service's refusal (with its fix) as it came. Every
value shown is escaped (names and notes are never trusted as HTML). The supervisor writes
one note per participant (only that trainee reads it) and, for a group, group notes that
every participant reads; a viewer is shown whichever notes the service returned to them.
"""

from __future__ import annotations

import base64
import html
from datetime import date
from typing import Any

import ipywidgets as widgets

from praxishub.apps.client import APIError, ProgrammeAPI
from praxishub.apps.texts import t

API = "api/supervision"
SUPERVISE = "custom:praxis:supervise"
WIDE = {"description_width": "initial"}  # whole labels, not "Month (YY…"
NOTE_LAYOUT = {"width": "95%", "max_width": "760px", "height": "80px"}


# The private-notes texts; to move into praxishub.i18n.TEXTS with the other sv_ texts.
def note_text(key: str, **values: str) -> str:
    return t("sv_group_label" if key == "group" else f"sv_{key}", **values)


def parse_cases(text: str) -> list[dict[str, str]]:
    """'school-cases/case-01, c2/a2' -> [{course, assignment}, ...]; the service checks them."""
    found = []
    for part in text.replace(";", ",").split(","):
        if part.strip():
            course, _, assignment = part.strip().partition("/")
            found.append({"course": course.strip(), "assignment": assignment.strip()})
    return found


def _names(session: dict[str, Any]) -> str:
    return ", ".join(p["trainee"] for p in session["participants"])


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table class='praxis-table'><tr>{head}</tr>{body}</table>"


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br>")


def notes_html(session: dict[str, Any]) -> str:
    """The group notes and each participant's note, of those the service returned."""
    parts = []
    if session.get("group_notes"):
        parts.append(f"<b>{html.escape(note_text('group'))}:</b> {_text(session['group_notes'])}")
    parts += [
        f"<b>{html.escape(p['trainee'])}:</b> {_text(p['note'])}"
        for p in session["participants"]
        if p.get("note")
    ]
    return "<br>".join(parts)


def sessions_html(sessions: list[dict[str, Any]]) -> str:
    """The sessions as an HTML table; a confirmed participant is ticked."""
    if not sessions:
        return f"<p>{html.escape(t('sv_none'))}</p>"
    # A coordinator's sessions carry no notes at all, so they get no column.
    notes = any("group_notes" in s or any("note" in p for p in s["participants"]) for s in sessions)
    rows = []
    for s in sessions:
        people = ", ".join(
            html.escape(p["trainee"]) + (" ✓" if p["confirmed_at"] else "")
            for p in s["participants"]
        )
        cases = ", ".join(html.escape(f"{c['course']}/{c['assignment']}") for c in s["cases"])
        row = [
            html.escape(s["date"]),
            html.escape(t(f"sv_{s['kind']}")),
            str(int(s["minutes"])),
            people,
            cases,
        ]
        if notes:
            row.append(notes_html(s))
        rows.append(row)
    header = [t("sv_date"), t("sv_kind"), t("sv_minutes"), t("sv_participants"), t("sv_cases")]
    return _table(header + ([t("sv_notes")] if notes else []), rows)


def totals_html(totals: dict[str, Any]) -> str:
    rows = [
        [
            html.escape(r["trainee"]),
            str(r["minutes"]),
            str(r["individual_minutes"]),
            str(r["group_minutes"]),
            str(r["unconfirmed_minutes"]),
        ]
        for r in totals["trainees"]
    ]
    header = [
        t("sv_trainee"),
        t("sv_total"),
        t("sv_individual"),
        t("sv_group"),
        t("sv_unconfirmed"),
    ]
    signed = "".join(
        f"<p>✔ {html.escape(s['supervisor'])}: {html.escape(t('sv_signed'))} "
        f"{html.escape(str(s['signed_at'])[:10])}</p>"
        for s in totals["signoffs"]
    )
    return f"<h3>{html.escape(t('sv_totals'))}</h3>{_table(header, rows)}{signed}"


def _choose(dropdown: widgets.Dropdown, options: list[tuple[str, Any]]) -> None:
    """New options, keeping the chosen one if still there, else the first (ipywidgets 8
    leaves a dropdown empty after new options, and a button would then do nothing)."""
    chosen = dropdown.value
    dropdown.options = options
    values = [value for _, value in options]
    dropdown.value = chosen if chosen in values else (values[0] if values else None)


class SupervisionLog:
    def __init__(self, api: ProgrammeAPI | None = None, today: date | None = None) -> None:
        self.api = api or ProgrammeAPI()
        self.today = today or date.today()
        self.sessions: list[dict[str, Any]] = []
        self.me: dict[str, Any] = {}
        self.month = widgets.Text(
            value=self.today.strftime("%Y-%m"), description=t("sv_month"), style=WIDE
        )
        show = widgets.Button(description=t("sv_show"))
        show.on_click(lambda _b: self.refresh())
        self.top = widgets.HBox([self.month, show])
        self.count = widgets.HTML()
        self.table = widgets.HTML()
        self.totals = widgets.HTML()
        self.message = widgets.HTML()
        self.download = widgets.HTML()
        csv_button = widgets.Button(description=t("sv_csv"), icon="download")
        csv_button.on_click(lambda _b: self.export())
        self.csv_button = csv_button
        # supervisor: the form, delete, sign-off
        self.date = widgets.DatePicker(value=self.today, description=t("sv_date"))
        self.minutes = widgets.BoundedIntText(value=50, min=1, max=600, description=t("sv_minutes"))
        self.kind = widgets.ToggleButtons(
            options=[(t("sv_individual"), "individual"), (t("sv_group"), "group")],
            description=t("sv_kind"),
        )
        self.participants = widgets.SelectMultiple(
            rows=6, description=t("sv_participants"), style=WIDE
        )
        self.cases = widgets.Text(
            description=t("sv_cases"), placeholder=t("sv_cases_hint"), style=WIDE
        )
        self.participants.observe(lambda _c: self._note_fields(), names="value")
        # One private note per chosen participant, kept while the choice changes.
        self.notes: dict[str, widgets.Textarea] = {}
        self.notes_box = widgets.VBox()
        self.group_notes = widgets.Textarea(
            description=note_text("group_notes"), style=WIDE, layout=NOTE_LAYOUT
        )
        self.kind.observe(lambda _c: self._show_group_notes(), names="value")
        self._show_group_notes()
        self.log_button = widgets.Button(description=t("sv_log"), button_style="primary")
        self.log_button.on_click(lambda _b: self.log())
        self.own = widgets.Dropdown(description=t("sv_session"), style=WIDE)
        self.delete_button = widgets.Button(description=t("sv_delete"), button_style="danger")
        self.delete_button.on_click(lambda _b: self.delete())
        self.signoff_button = widgets.Button(description=t("sv_signoff"), button_style="success")
        self.signoff_button.on_click(lambda _b: self.sign_off())
        # trainee: confirm
        self.unconfirmed = widgets.Dropdown(description=t("sv_to_confirm"), style=WIDE)
        self.confirm_button = widgets.Button(description=t("sv_confirm"), button_style="success")
        self.confirm_button.on_click(lambda _b: self.confirm())
        self.load_me()
        self.refresh()

    def _note_fields(self) -> None:
        for name in self.participants.value:
            if name not in self.notes:
                self.notes[name] = widgets.Textarea(
                    description=note_text("note_for", name=name), style=WIDE, layout=NOTE_LAYOUT
                )
        self.notes_box.children = [self.notes[name] for name in self.participants.value]

    def _show_group_notes(self) -> None:
        self.group_notes.layout.display = "" if self.kind.value == "group" else "none"

    @property
    def supervises(self) -> bool:
        return SUPERVISE in self.me.get("scopes", [])

    def _fail(self, exc: APIError) -> None:
        text = html.escape(str(exc)).replace("\n", "<br>")
        self.message.value = f"<b style='color:#a00'>{text}</b>"

    def _done(self, what: str) -> None:
        self.message.value = html.escape(t("done", what=what))

    def load_me(self) -> None:
        try:
            self.me = self.api.get("api/me")
            if self.supervises:
                found = self.api.get("api/people")["people"]
                self.participants.options = [
                    (f"{p['full_name']} ({p['username']})", p["username"])
                    for p in found
                    if p["role"] == "trainee"
                ]
        except APIError as exc:
            self._fail(exc)

    def refresh(self) -> None:
        month = self.month.value.strip()
        try:
            self.sessions = self.api.get(f"{API}/sessions", month=month)["sessions"]
            totals = self.api.get(f"{API}/totals", month=month)
        except APIError as exc:
            self._fail(exc)
            return
        self.count.value = html.escape(t("sv_sessions", n=len(self.sessions)))
        self.table.value = sessions_html(self.sessions)
        self.totals.value = totals_html(totals)
        if self.supervises:
            self.totals.value += (
                f"<p>{html.escape(t('sv_your_minutes', m=totals['supervisor_minutes']))}</p>"
            )
        me = self.me.get("username")
        _choose(
            self.own,
            [
                (f"{s['date']} · {s['minutes']} · {_names(s)}", s["id"])
                for s in self.sessions
                if s["supervisor"] == me and not s["signed"]
            ],
        )
        _choose(
            self.unconfirmed,
            [
                (f"{s['date']} · {s['supervisor']} · {s['minutes']}", s["id"])
                for s in self.sessions
                if not s["signed"]
                and any(p["trainee"] == me and not p["confirmed_at"] for p in s["participants"])
            ],
        )

    def form(self) -> dict[str, Any]:
        self._note_fields()
        data = {
            "date": self.date.value.isoformat() if self.date.value else "",
            "minutes": self.minutes.value,
            "kind": self.kind.value,
            "participants": [
                {"trainee": name, "note": self.notes[name].value}
                for name in self.participants.value
            ],
            "cases": parse_cases(self.cases.value),
        }
        if self.kind.value == "group":  # hidden otherwise, so never sent unseen
            data["group_notes"] = self.group_notes.value
        return data

    def log(self) -> None:
        try:
            made = self.api.post(f"{API}/sessions", self.form())
        except APIError as exc:
            self._fail(exc)
            return
        for area in self.notes.values():
            area.value = ""
        self.group_notes.value = ""
        self.month.value = made["month"]
        self._done(t("sv_log"))
        self.refresh()

    def delete(self) -> None:
        if self.own.value is None:
            return
        try:
            self.api.delete(f"{API}/sessions/{self.own.value}")
        except APIError as exc:
            self._fail(exc)
            return
        self._done(t("sv_delete"))
        self.refresh()

    def sign_off(self) -> None:
        try:
            self.api.post(f"{API}/signoff", {"month": self.month.value.strip()})
        except APIError as exc:
            self._fail(exc)
            return
        self._done(t("sv_signoff"))
        self.refresh()

    def confirm(self) -> None:
        if self.unconfirmed.value is None:
            return
        try:
            self.api.post(f"{API}/sessions/{self.unconfirmed.value}/confirm", {})
        except APIError as exc:
            self._fail(exc)
            return
        self._done(t("sv_confirm"))
        self.refresh()

    def export(self) -> None:
        month = self.month.value.strip()
        try:
            data = self.api.get_bytes(f"{API}/export.csv", month=month)
        except APIError as exc:
            self._fail(exc)
            return
        encoded = base64.b64encode(data).decode("ascii")
        name = f"supervision-{html.escape(month or 'all')}.csv"
        self.download.value = (
            f"<a download='{name}' href='data:text/csv;charset=utf-8;base64,{encoded}'>{name}</a>"
        )

    def widget(self) -> widgets.Widget:
        parts: list[widgets.Widget] = [
            widgets.HTML(f"<h2>{html.escape(t('sv_title'))}</h2>"),
            self.top,
            self.message,
            self.count,
            self.table,
            self.totals,
            widgets.HBox([self.csv_button, self.download]),
        ]
        if self.supervises:
            parts += [
                widgets.HTML(f"<h3>{html.escape(t('sv_new'))}</h3>"),
                self.date,
                self.minutes,
                self.kind,
                self.participants,
                self.cases,
                self.group_notes,
                self.notes_box,
                widgets.HTML(f"<i>{html.escape(t('sv_notes_private'))}</i>"),
                self.log_button,
                widgets.HBox([self.own, self.delete_button]),
                self.signoff_button,
            ]
        else:
            parts += [widgets.HBox([self.unconfirmed, self.confirm_button])]
        return widgets.VBox(parts)


def app() -> widgets.Widget:
    return SupervisionLog().widget()
