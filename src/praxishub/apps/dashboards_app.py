"""The Voila dashboards: programme overview (trainers, coordinators), supervisor view,
trainee view. Thin: the aggregates come from the programme API (which decides what each
viewer may see), the figures from praxishub.dashboard_figures, in Russian or English.

Rule: no data is read here but through the API; every text is escaped; a refusal or a
missing service is shown in the app, never raised.
"""

from __future__ import annotations

import html
import logging
import threading
import uuid
from typing import Any

import ipywidgets as widgets

from praxishub import dashboard_figures as figures
from praxishub.apps.client import APIError, ProgrammeAPI
from praxishub.apps.texts import error_html, language, programme_language, t

WIDE = widgets.Layout(width="100%")
READY = "praxis-ready"  # the root box's class once the first load has ended (data or error)
log = logging.getLogger(__name__)


def _lang_switch() -> widgets.ToggleButtons:
    return widgets.ToggleButtons(
        options=[("Русский", "ru"), ("English", "en")],
        value=programme_language(),  # the viewer's, once known (``start``)
        style={"button_width": "90px"},
    )


class Plots:
    """The view's figures, in an Output widget whose outputs are set directly (not captured
    from printed output), so they are part of the widget's state: drawn whenever the
    page's browser connects, and replaced in place when a filter or the language changes.
    (Figures displayed as the cell's own outputs were never redrawn in Voila, whose page
    does not follow display updates after it is sent.)"""

    def __init__(self) -> None:
        self.box = widgets.Output(layout=WIDE)

    def show(self, figs: list[Any]) -> None:
        import plotly.io as pio

        mimetype = pio.renderers["plotly_mimetype"]  # what JupyterLab's and Voila's plotly draws
        self.box.outputs = tuple(
            {
                "output_type": "display_data",
                "data": {
                    **mimetype.to_mimebundle(fig.to_dict()),
                    "text/plain": fig.layout.title.text or "",
                },
                "metadata": {},
            }
            for fig in figs
        )

    def widget(self) -> widgets.Widget:
        return self.box


def _show(plots: Plots, figs: list[Any]) -> None:
    plots.show(figs)


class Export:
    """A button that fetches the view's tables as XLSX and offers the file to save."""

    def __init__(self, path: str, name: str, lang: Any, params: Any = dict) -> None:
        self.api: ProgrammeAPI | None = None  # set when the viewer is known
        self.path, self.name, self.params, self.lang = path, name, params, lang
        self.button = widgets.Button(description=t("dash_export", lang()), icon="download")
        self.link = widgets.HTML()
        self.button.on_click(lambda _b: self.fetch())

    def fetch(self) -> None:
        import base64

        if self.api is None:
            return
        try:
            data = self.api.get_bytes(self.path, format="xlsx", lang=self.lang(), **self.params())
        except APIError as exc:
            self.link.value = error_html(exc)
            return
        encoded = base64.b64encode(data).decode("ascii")
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        self.link.value = (
            f"<a download='{html.escape(self.name)}' href='data:{media};base64,{encoded}'>"
            f"{html.escape(self.name)}</a>"
        )

    def widget(self) -> widgets.Widget:
        return widgets.HBox([self.button, self.link])


def _kpis(items: list[tuple[str, Any]]) -> str:
    cells = "".join(
        f"<div class='praxis-kpi' style='display:inline-block;margin:4px 16px 4px 0'>"
        f"<div style='font-size:28px;font-weight:600'>{html.escape(str(v))}</div>"
        f"<div style='color:#555'>{html.escape(k)}</div></div>"
        for k, v in items
    )
    return f"<div>{cells}</div>"


class FirstLoad:
    """The app's first load (the viewer, their language, their data), now or in a thread,
    with "loading" shown until it ends.

    In a thread, a preheated kernel's cell ends before anyone asks for the page, so the
    page (the app's widgets and a "loading" line) is sent from Voila's cache as soon as
    someone does; the thread then learns the viewer from Voila, fetches their data and
    draws the figures, as widget updates (the page's browser draws them whenever it
    connects: they are the widgets' state). An unexpected error is shown in the app and
    logged, never lost with the thread. When the first load has ended, the app's root box
    gets the class ``praxis-ready``.
    """

    def __init__(self, root: widgets.Box, kpis: widgets.HTML, lang: Any) -> None:
        self.root, self.kpis, self.lang = root, kpis, lang
        self.lock = threading.RLock()
        self.thread: threading.Thread | None = None

    def first(self, load: Any, background: bool) -> None:
        self.kpis.value = (
            f"<div class='praxis-loading'>{html.escape(t('dash_loading', self.lang()))}</div>"
        )
        if background:
            self.thread = threading.Thread(target=self._run, args=(load,), daemon=True)
            self.thread.start()
        else:
            self._run(load)

    def _run(self, load: Any) -> None:
        try:
            with self.lock:
                load()
        except Exception:  # a thread's error would be lost: log it, tell the viewer so
            ref = uuid.uuid4().hex[:8]
            log.exception("dashboard load failed (reference %s)", ref)
            self.kpis.value = error_html(APIError(0, t("dash_failed", self.lang()).format(ref=ref)))
        finally:
            if "praxis-loading" in self.kpis.value:
                self.kpis.value = ""
            self.root.add_class(READY)


class Overview:
    """Programme overview with filters by cohort, course and dates.

    Built in two steps: the widgets (``__init__``), then ``start`` with the viewer's token,
    language and data (in the shared service it waits until someone opens the page).
    Given an ``api``, both happen at once.
    """

    def __init__(self, api: ProgrammeAPI | None = None) -> None:
        self.api: ProgrammeAPI | None = None
        self.lang = _lang_switch()
        self.title = widgets.HTML()
        self.cohort = widgets.Dropdown(options=[("—", "")])
        self.course = widgets.Dropdown(options=[("—", "")])
        self.since = widgets.DatePicker()
        self.until = widgets.DatePicker()
        self.kpis = widgets.HTML()
        self.message = widgets.HTML()
        self.plots = Plots()
        self.export = Export(
            "api/dashboards/overview", "overview.xlsx", lambda: self.lang.value, self.params
        )
        self.data: dict[str, Any] | None = None
        self.relabelling = False
        self.root = widgets.VBox(
            [
                widgets.HBox([self.title, self.lang]),
                widgets.HBox([self.cohort, self.course]),
                widgets.HBox([self.since, self.until]),
                self.message,
                self.kpis,
                self.export.widget(),
                self.plots.widget(),
            ]
        )
        self.loading = FirstLoad(self.root, self.kpis, lambda: self.lang.value)
        self.label()
        if api is not None:
            self.start(api)

    def label(self) -> None:
        lang = self.lang.value
        self.title.value = f"<h2>{html.escape(t('dash_overview', lang))}</h2>"
        self.cohort.description = t("dash_cohort", lang)
        self.course.description = t("course", lang)
        self.since.description = t("dash_from", lang)
        self.until.description = t("dash_to", lang)
        self.export.button.description = t("dash_export", lang)

    def start(self, api: ProgrammeAPI | None = None, background: bool = False) -> None:
        """The viewer's part: their token, language and data. In the shared service it
        waits until someone opens the page; with ``background`` it all happens in a
        thread, after this returns (see ``_run``)."""
        self.loading.first(lambda: self._begin(api), background)

    def _begin(self, api: ProgrammeAPI | None) -> None:
        self.api = self.export.api = api or ProgrammeAPI()  # the viewer's token: waits for them
        self.lang.value = language()
        self.label()
        for w in (self.cohort, self.course, self.since, self.until):
            w.observe(lambda _c: self.load(), names="value")
        self.lang.observe(lambda _c: self.relabel(), names="value")
        self.load()

    def relabel(self) -> None:
        """The chosen language: labels, choices and figures, after any load under way."""
        with self.loading.lock:
            self.label()
            self.load_labels()
            self.draw()

    def load_labels(self) -> None:
        if self.data:
            self._choices(self.data.get("choices", {}))

    def params(self) -> dict[str, str]:
        return {
            "cohort": self.cohort.value or "",
            "course": self.course.value or "",
            "from": self.since.value.isoformat() if self.since.value else "",
            "to": self.until.value.isoformat() if self.until.value else "",
        }

    def load(self) -> None:
        if self.api is None or self.relabelling:
            return
        with self.loading.lock:  # one load at a time: the first may still run in its thread
            try:
                self.data = self.api.get("api/dashboards/overview", **self.params())
            except APIError as exc:
                self.message.value = error_html(exc)
                return
            self.message.value = ""
            self._choices(self.data.get("choices", {}))
            self.draw()

    def _choices(self, choices: dict[str, Any]) -> None:
        self.relabelling = True  # new option labels are not a new choice: no refetch
        try:
            self._options_for(choices)
        finally:
            self.relabelling = False

    def _options_for(self, choices: dict[str, Any]) -> None:
        lang = self.lang.value
        self._options(
            self.cohort, [(c["name"], c["cohort"]) for c in choices.get("cohorts", [])], lang
        )
        self._options(
            self.course,
            [
                (c["title"].get(lang) or c["title"].get("en") or c["course"], c["course"])
                for c in choices.get("courses", [])
            ],
            lang,
        )

    @staticmethod
    def _options(box: widgets.Dropdown, options: list[tuple[str, str]], lang: str) -> None:
        wanted = [(t("any", lang), ""), *options]
        if list(box.options) != wanted:
            chosen = box.value
            box.options = wanted
            box.value = chosen if chosen in {v for _, v in options} else ""

    def draw(self) -> None:
        if not self.data:
            return
        lang, d = self.lang.value, self.data
        self.kpis.value = _kpis(
            [
                (t("dash_webinars_held", lang), d["webinars_held"]),
                (t("dash_participants", lang), d["unique_participants"]),
                (t("dash_trainees", lang), d["trainees"]),
            ]
        )
        _show(self.plots, list(figures.overview_figures(d, lang).values()))

    def widget(self) -> widgets.Widget:
        return self.root


class PersonView:
    """A supervisor's supervisees, or a trainee's own progress (built in two steps, like
    ``Overview``)."""

    def __init__(self, path: str, api: ProgrammeAPI | None = None, title: str = "") -> None:
        self.api: ProgrammeAPI | None = None
        self.path, self.title_key = path, title
        self.lang = _lang_switch()
        self.title = widgets.HTML()
        self.kpis = widgets.HTML()
        self.details = widgets.HTML()
        self.message = widgets.HTML()
        self.plots = Plots()
        self.export = Export(path, f"{path.rsplit('/', 1)[-1]}.xlsx", lambda: self.lang.value)
        self.data: dict[str, Any] | None = None
        self.root = widgets.VBox(
            [
                widgets.HBox([self.title, self.lang]),
                self.message,
                self.kpis,
                self.details,
                self.export.widget(),
                self.plots.widget(),
            ]
        )
        self.loading = FirstLoad(self.root, self.kpis, lambda: self.lang.value)
        self.label()
        if api is not None:
            self.start(api)

    def label(self) -> None:
        lang = self.lang.value
        if self.title_key:
            self.title.value = f"<h2>{html.escape(t(self.title_key, lang))}</h2>"
        self.export.button.description = t("dash_export", lang)

    def start(self, api: ProgrammeAPI | None = None, background: bool = False) -> None:
        """As ``Overview.start``."""
        self.loading.first(lambda: self._begin(api), background)

    def _begin(self, api: ProgrammeAPI | None) -> None:
        self.api = self.export.api = api or ProgrammeAPI()
        self.lang.value = language()
        self.label()
        self.lang.observe(lambda _c: self.relabel(), names="value")
        self.load()

    def relabel(self) -> None:
        """As ``Overview.relabel``."""
        with self.loading.lock:
            self.label()
            self.draw()

    def load(self) -> None:
        assert self.api is not None
        with self.loading.lock:
            try:
                self.data = self.api.get(self.path)
            except APIError as exc:
                self.message.value = error_html(exc)
            self.draw()

    def draw(self) -> None:
        if not self.data:
            return
        lang, d = self.lang.value, self.data
        if "supervisees" in d:
            q, s = d["queue"], d["sessions"]
            self.kpis.value = _kpis(
                [
                    (t("dash_supervisees", lang), len(d["supervisees"])),
                    (t("dash_waiting", lang), q["waiting"]),
                    (
                        t("dash_oldest_days", lang),
                        q["oldest_days"] if q["oldest_days"] is not None else "—",
                    ),
                    (t("dash_supervision_hours", lang), s["hours"]),
                ]
            )
            _show(self.plots, [figures.supervisees(d, lang)])
            return
        self.kpis.value = _kpis(
            [
                (t("dash_cpd_hours", lang), d["cpd_hours"]),
                (t("dash_supervision_hours", lang), d["supervision"]["hours"]),
                (t("dash_feedback_returned", lang), d["feedback"]["returned"]),
            ]
        )
        nxt = d.get("next", {})
        items = [
            f"<li>{html.escape(str(w.get('date', '')))} · "
            f"{html.escape(w['title'].get(lang) or w['title'].get('en', '') if isinstance(w.get('title'), dict) else str(w.get('title', w.get('webinar', ''))))}</li>"
            for w in nxt.get("webinars", [])
        ] + [
            f"<li>{html.escape(str(a.get('assignment', a)))}</li>"
            for a in nxt.get("assignments", [])
        ]
        self.details.value = (
            f"<h4>{html.escape(t('dash_next', lang))}</h4><ul>{''.join(items)}</ul>"
            if items
            else ""
        )
        _show(self.plots, [figures.my_attendance(d, lang), figures.my_scores(d, lang)])

    def widget(self) -> widgets.Widget:
        return self.root


def _run(app: Overview | PersonView) -> None:
    """Show the app, and in a thread wait for the viewer (in the shared service) and load
    their data, so that the page is ready before anyone asks for it.

    The app's widgets are made once and never closed or replaced: later loads (the first
    one, a filter, the language) change their values only. (Replacing widgets a page had
    already drawn, from a second cell, left "model not found" on a page now and then.)"""
    from IPython.display import display

    display(app.widget())
    app.start(background=True)


def overview_app() -> None:
    _run(Overview())


def supervisor_app() -> None:
    _run(PersonView("api/dashboards/supervisor", title="dash_supervisor_view"))


def trainee_app() -> None:
    _run(PersonView("api/dashboards/me", title="dash_my_view"))
