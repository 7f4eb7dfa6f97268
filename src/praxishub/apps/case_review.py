"""The case review app: a reviewer sees each replaced span and each leftover, then decides.

Rule: everything shown is escaped before it is marked up (case text is never trusted
as HTML); decisions go to the service, which refuses approval or publishing while a
leftover is open and answers why.
"""

from __future__ import annotations

import html
import re
from typing import Any

import ipywidgets as widgets

from praxishub.apps.client import APIError, ProgrammeAPI
from praxishub.apps.texts import t

_TAG = re.compile(r"\[[A-ZА-ЯЁ_]+_\d+\]")


def _source(cell: dict[str, Any]) -> str:
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def highlight(text: str, leftovers: list[dict[str, Any]]) -> str:
    """HTML of text with tags in yellow and leftovers in red (all text escaped first)."""
    marks: list[tuple[int, int, str]] = [(m.start(), m.end(), "tag") for m in _TAG.finditer(text)]
    marks += [(i["start"], i["start"] + len(i["text"]), "leftover") for i in leftovers]
    out, last = [], 0
    for start, end, kind in sorted(marks):
        if start < last:
            continue
        out.append(html.escape(text[last:start]))
        style = "background:#fff3b0" if kind == "tag" else "background:#ffb3b3;font-weight:bold"
        out.append(
            f'<mark class="praxis-{kind}" style="{style}">{html.escape(text[start:end])}</mark>'
        )
        last = end
    out.append(html.escape(text[last:]))
    return "<pre style='white-space:pre-wrap'>" + "".join(out) + "</pre>"


class CaseReview:
    def __init__(self, api: ProgrammeAPI | None = None) -> None:
        self.api = api or ProgrammeAPI()
        self.case_id: str | None = None
        self.draft: dict[str, Any] = {}
        self.queue = widgets.Select(rows=6, layout=widgets.Layout(width="100%"))
        self.queue_label = widgets.HTML()
        self.status = widgets.HTML()
        self.message = widgets.HTML()
        self.body = widgets.HTML()
        self.replaced = widgets.HTML()
        self.keep_boxes = widgets.VBox()
        self.cell = widgets.Dropdown(description=t("cell"))
        self.editor = widgets.Textarea(layout=widgets.Layout(width="100%", height="160px"))
        self.reason = widgets.Text(description=t("reason"))
        buttons = {
            "keep": widgets.Button(description=t("keep")),
            "approve": widgets.Button(description=t("approve"), button_style="success"),
            "reject": widgets.Button(description=t("reject"), button_style="danger"),
            "publish": widgets.Button(description=t("publish"), button_style="primary"),
        }
        for action, button in buttons.items():
            button.on_click(lambda _b, a=action: self.decide(a))
        self.buttons = widgets.HBox(list(buttons.values()))
        save = widgets.Button(description=t("save_cell"))
        save.on_click(lambda _b: self.save_cell())
        self.save = save
        self.queue.observe(lambda change: self.load(change["new"]), names="value")
        self.cell.observe(lambda change: self._show_cell(change["new"]), names="value")
        self.refresh_queue()

    def refresh_queue(self) -> None:
        try:
            items = self.api.get("api/review/cases")["queue"]
        except APIError as exc:
            self.message.value = f"<b>{html.escape(str(exc))}</b>"
            return
        self.queue_label.value = t("queue", n=len(items))
        options = [
            (f"{i['id']} · {i['status']} · {t('leftovers')}: {i['leftovers']}", i["id"])
            for i in items
        ]
        if options != list(self.queue.options):
            # New options reset the selection; keep the case being reviewed on screen.
            chosen = self.queue.value
            self.queue.options = options
            if chosen in {value for _, value in options}:
                self.queue.value = chosen

    def load(self, case_id: str | None) -> None:
        if not case_id:
            return
        try:
            self.show(self.api.get(f"api/review/cases/{case_id}"))
        except APIError as exc:
            self.message.value = f"<b>{html.escape(str(exc))}</b>"

    def show(self, draft: dict[str, Any]) -> None:
        self.case_id, self.draft = draft["id"], draft
        cells = draft["notebook"]["cells"]
        by_cell: dict[str, list[dict[str, Any]]] = {}
        for item in draft["leftovers"]:
            by_cell.setdefault(item["where"], []).append(item)
        self.body.value = "".join(
            highlight(_source(c), by_cell.get(f"cells[{i}]", [])) for i, c in enumerate(cells)
        )
        self.status.value = (
            f"<b>{t('status')}:</b> {html.escape(draft['meta']['review']['status'])}"
        )
        rows = "".join(
            f"<tr><td>{html.escape(r['type'])}</td><td>{html.escape(r['original'])}</td><td>{html.escape(r['replacement'])}</td></tr>"
            for r in draft["replacements"]
        )
        self.replaced.value = (
            f"<details><summary>{t('replaced')}: {len(draft['replacements'])}</summary>"
            f"<table><tr><th>{t('type')}</th><th>{t('original')}</th><th>{t('tag')}</th></tr>{rows}</table></details>"
        )
        self.keep_boxes.children = [
            widgets.Checkbox(
                description=f"{item['text']} ({item['where']}, {item['reason']})",
                value=False,
                indent=False,
            )
            for item in draft["leftovers"]
        ] or [widgets.HTML(t("no_leftovers"))]
        self.cell.options = list(range(len(cells)))
        self._show_cell(self.cell.value)

    def _show_cell(self, index: int | None) -> None:
        if index is not None and self.draft:
            self.editor.value = _source(self.draft["notebook"]["cells"][index])

    def decide(self, action: str) -> None:
        body: dict[str, Any] = {"action": action}
        if action in ("keep", "approve"):
            ticked = [
                b for b in self.keep_boxes.children if isinstance(b, widgets.Checkbox) and b.value
            ]
            body["keep"] = [b.description.split(" (")[0] for b in ticked]
        if action == "reject":
            body["reason"] = self.reason.value
        self._post(body, action)

    def save_cell(self) -> None:
        self._post(
            {"action": "edit", "cell": self.cell.value, "source": self.editor.value}, t("save_cell")
        )

    def _post(self, body: dict[str, Any], what: str) -> None:
        if not self.case_id:
            return
        try:
            self.show(self.api.post(f"api/review/cases/{self.case_id}", body))
            self.message.value = html.escape(t("done", what=what))
        except APIError as exc:
            self.message.value = f"<b style='color:#a00'>{html.escape(str(exc))}</b>"
        self.refresh_queue()

    def widget(self) -> widgets.Widget:
        return widgets.VBox(
            [
                widgets.HTML(f"<h2>{t('review')}</h2>"),
                self.queue_label,
                self.queue,
                self.status,
                self.body,
                self.replaced,
                widgets.HTML(f"<h3>{t('leftovers')}</h3>"),
                self.keep_boxes,
                self.buttons,
                self.reason,
                self.message,
                self.cell,
                self.editor,
                self.save,
            ]
        )


def app() -> widgets.Widget:
    return CaseReview().widget()
