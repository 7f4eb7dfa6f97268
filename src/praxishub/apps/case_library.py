"""The case library app: trainees filter published cases and read one (each opening audited)."""

from __future__ import annotations

import html

import ipywidgets as widgets
import yaml
from IPython.display import Markdown, display

from praxishub.apps.client import APIError, GraderFiles, ProgrammeAPI, course_services
from praxishub.apps.texts import error_html, t
from praxishub.errors import PraxisError

FILTERS = ("topic", "age_band", "setting", "language")


class CaseLibrary:
    def __init__(self, api: ProgrammeAPI | None = None) -> None:
        self.api = api or ProgrammeAPI()
        self.message = widgets.HTML()
        try:
            self.all = self.api.get("api/cases")["cases"]
        except APIError as exc:  # shown in the app, as every refusal is
            self.all = []
            self.message.value = error_html(exc)
        self.filters = {
            key: widgets.Dropdown(
                description=t(key),
                options=[(t("any"), ""), *[(v, v) for v in self._values(key)]],
                value="",
            )
            for key in FILTERS
        }
        self.count = widgets.HTML()
        self.results = widgets.Select(rows=8, layout=widgets.Layout(width="100%"))
        self.open_button = widgets.Button(description=t("open"), button_style="primary")
        self.reader = widgets.Output(layout=widgets.Layout(border="1px solid #ddd", padding="8px"))
        for dropdown in self.filters.values():
            dropdown.observe(lambda _change: self.refresh(), names="value")
        self.open_button.on_click(lambda _b: self.open(self.results.value))
        self.assign_row = self._assign_row()
        self.refresh()

    def _assign_row(self) -> widgets.Widget:
        """For trainers: a course of theirs and a button that makes the case its assignment."""
        try:
            me = self.api.get("api/me")
        except APIError:
            return widgets.HBox([])  # the refusal is already on screen
        services = course_services()
        taught = [
            g.removeprefix("course-").removesuffix("-trainers")
            for g in me.get("groups", [])
            if g.startswith("course-") and g.endswith("-trainers")
        ]
        taught = [c for c in taught if c in services]
        if "custom:praxis:courses:manage" not in me.get("scopes", []) or not taught:
            return widgets.HBox([])
        self.course = widgets.Dropdown(description=t("course"), options=taught)
        button = widgets.Button(description=t("assign"), button_style="warning")
        button.on_click(lambda _b: self.assign(self.results.value, self.course.value))
        return widgets.HBox([self.course, button])

    def assign(self, case_id: str | None, course_id: str) -> None:
        """Put the case-analysis assignment into the course's source folder (formgrader's)."""
        from praxishub import courses
        from praxishub.cases.assign import prepare

        if not case_id:
            return
        try:
            case = self.api.get(f"api/cases/{case_id}")
            name, notebook, entry = prepare(case["notebook"], case["meta"], case_id)
            grader = GraderFiles(course_services()[course_id])
            grader.ensure_folder("source")
            grader.ensure_folder(f"source/{name}")
            grader.write_notebook(f"source/{name}/{name}.ipynb", notebook)
            listed = grader.read_text(courses.CASE_ASSIGNMENTS)
            known = (yaml.safe_load(listed) or {}).get("assignments", []) if listed else []
            grader.write_text(courses.CASE_ASSIGNMENTS, courses.case_assignments_text(known, entry))
        except (APIError, PraxisError) as exc:
            self.message.value = f"<b>{html.escape(str(exc))}</b>"
            return
        self.message.value = html.escape(t("assigned", assignment=name, course=course_id))

    def _values(self, key: str) -> list[str]:
        if key == "topic":
            return sorted({topic for c in self.all for topic in c["topics"]})
        return sorted({str(c[key]) for c in self.all})

    def refresh(self) -> None:
        chosen = {k: w.value for k, w in self.filters.items()}
        try:
            shown = self.api.get("api/cases", **chosen)["cases"]
        except APIError as exc:
            self.message.value = f"<b>{exc}</b>"
            return
        self.results.options = [
            (f"{c['title']} · {c['language']} · {c['age_band']} · {c['setting']}", c["id"])
            for c in shown
        ]
        self.count.value = t("found", n=len(shown)) if shown else t("none")

    def open(self, case_id: str | None) -> None:
        if not case_id:
            return
        self.reader.clear_output()
        try:
            case = self.api.get(f"api/cases/{case_id}")
        except APIError as exc:
            self.message.value = f"<b>{exc}</b>"
            return
        meta = case["meta"]
        with self.reader:
            display(
                Markdown(
                    f"*{', '.join(meta['topics'])} · {meta['age_band']} · {meta['setting']} · {t('risk')}: {meta['risk_level']}*"
                )
            )
            for cell in case["notebook"]["cells"]:
                source = (
                    cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
                )
                display(Markdown(source))

    def widget(self) -> widgets.Widget:
        return widgets.VBox(
            [
                widgets.HTML(f"<h2>{t('library')}</h2>"),
                widgets.HBox(list(self.filters.values())[:2]),
                widgets.HBox(list(self.filters.values())[2:]),
                self.count,
                self.results,
                widgets.HBox([self.open_button, self.assign_row]),
                self.message,
                self.reader,
            ]
        )


def app() -> widgets.Widget:
    return CaseLibrary().widget()
