"""The case library app: trainees filter published cases and read one (each opening audited)."""

from __future__ import annotations

import ipywidgets as widgets
from IPython.display import Markdown, display

from praxishub.apps.client import APIError, ProgrammeAPI
from praxishub.apps.texts import t

FILTERS = ("topic", "age_band", "setting", "language")


class CaseLibrary:
    def __init__(self, api: ProgrammeAPI | None = None) -> None:
        self.api = api or ProgrammeAPI()
        self.all = self.api.get("api/cases")["cases"]
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
        self.message = widgets.HTML()
        self.reader = widgets.Output(layout=widgets.Layout(border="1px solid #ddd", padding="8px"))
        for dropdown in self.filters.values():
            dropdown.observe(lambda _change: self.refresh(), names="value")
        self.open_button.on_click(lambda _b: self.open(self.results.value))
        self.refresh()

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
                self.open_button,
                self.message,
                self.reader,
            ]
        )


def app() -> widgets.Widget:
    return CaseLibrary().widget()
