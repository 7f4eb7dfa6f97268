"""The grading desk's course side: a Jupyter server extension of each course's grading service.

Rule: it runs inside the course's formgrader server, as the course's own Unix user, next
to nbgrader's own gradebook and files, and answers the programme service alone (its hub
token; nobody else, not even the course's trainers, who have formgrader). The programme
service decides who may see what; this side reads and writes the gradebook the way
formgrader does, renders submissions to sanitised HTML, and runs nbgrader's own
generate/release feedback. Every 20 s it reports changed gradebook rows to the service's
index (praxishub.desk), so grading done in formgrader shows on the desks too.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import threading
from pathlib import Path
from typing import Any

import bleach
import nbformat
import requests
from bleach.css_sanitizer import CSSSanitizer
from jupyter_server.utils import url_path_join
from nbconvert import HTMLExporter
from nbconvert.filters import markdown2html_mistune
from nbgrader.api import MissingEntry
from nbgrader.server_extensions.formgrader.base import BaseApiHandler
from tornado import web
from tornado.ioloop import PeriodicCallback

from praxishub import desk
from praxishub.autograder import AUTOGRADING, STILL_GRADING, being_autograded

log = logging.getLogger("praxishub.desk_server")
SERVICE = "praxis"
PUSH_SECONDS = 20
NOT_AUTOGRADED = (
    "this submission has no autograded copy (autograding stopped: the trainee's scores say "
    "why); it opens once it is submitted and autograded again"
)
_feedback_lock = threading.Lock()

TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "kbd",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ATTRIBUTES = {
    "*": ["class"],
    "a": ["href", "title"],
    "img": ["src", "alt", "width", "height"],
    "td": ["colspan", "rowspan"],
    "th": ["colspan", "rowspan"],
}


def sanitise(html: str) -> str:
    """Only inert markup: no scripts, styles, forms, frames, event handlers or remote
    images (a trainee's notebook must not run anything in a supervisor's browser)."""
    return bleach.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        protocols=["data", "https", "http", "mailto"],
        strip=True,
        strip_comments=True,
        css_sanitizer=CSSSanitizer(allowed_css_properties=[]),
    ).replace('src="http', 'data-blocked="http')


def notebook_html(nb: nbformat.NotebookNode) -> str:
    exporter = HTMLExporter(
        template_name="basic", exclude_input_prompt=True, exclude_output_prompt=True
    )
    body, _ = exporter.from_notebook_node(nb)
    return sanitise(body)


def answer_html(cell: dict[str, Any]) -> str:
    if cell.get("cell_type") == "markdown":
        return sanitise(markdown2html_mistune(cell.get("source", "")))
    return sanitise(f"<pre>{bleach.clean(cell.get('source', ''))}</pre>")


class DeskHandler(BaseApiHandler):
    """Only the programme service may call; the hub has checked its token."""

    async def prepare(self) -> None:  # type: ignore[override]
        # One gradebook session serves every request: a write that failed (the gradebook
        # locked, the disk full) must not leave it unusable for all the requests after.
        self.gradebook.db.rollback()
        await super().prepare()

    def check_caller(self) -> None:
        user = self.current_user
        hub_user = getattr(user, "hub_user", None) or {}
        if hub_user.get("kind") != "service" or hub_user.get("name") != SERVICE:
            raise web.HTTPError(403, "only the programme service calls the desk")

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """Errors as JSON with their message (formgrader's own handlers answer HTML)."""
        exc = kwargs.get("exc_info", (None, None))[1]
        message = getattr(exc, "log_message", None) or self._reason
        self.reply({"status": status_code, "message": message}, status_code)

    def reply(self, data: Any, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps(data, ensure_ascii=False, default=str))

    def submission(self, assignment: str, student: str):  # type: ignore[no-untyped-def]
        try:
            return self.gradebook.find_submission(assignment, student)
        except MissingEntry:
            raise web.HTTPError(404, f"no submission {assignment} of {student}") from None


def whole_rows(rows: list[dict[str, Any]], course_dir: Path) -> list[dict[str, Any]]:
    """The rows without the submission nbgrader is autograding now (its notebook is not
    written yet; it comes with the next report, once it is whole)."""
    now = being_autograded(course_dir)
    return [r for r in rows if (r["assignment"], r["student"]) != now]


class RowsHandler(DeskHandler):
    @web.authenticated
    def get(self) -> None:
        self.check_caller()
        students = self.get_argument("students", None)
        rows = desk.gradebook_rows(
            self.db_url,
            students=None if students is None else [s for s in students.split(",") if s],
            assignment=self.get_argument("assignment", None),
        )
        rows = whole_rows(rows, Path(self.coursedir.root))
        self.reply({"course": self.coursedir.course_id, "rows": rows})


def _cells(sub) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Every graded cell of a submission, as the desk shows it."""
    out = []
    for nb in sub.notebooks:
        comments = {c.name: c for c in nb.comments}
        for g in sorted(nb.grades, key=lambda g: g.name):
            comment = comments.get(g.name)
            out.append(
                {
                    "key": f"{nb.name}/{g.name}",
                    "notebook": nb.name,
                    "name": g.name,
                    "cell_type": g.cell_type,
                    "auto": g.cell_type == "code",
                    "max_score": g.max_score,
                    "auto_score": g.auto_score,
                    "manual_score": g.manual_score,
                    "score": g.score,
                    "needs_manual_grade": g.needs_manual_grade,
                    "failed": bool(g.failed_tests),
                    "comment": comment.manual_comment if comment else None,
                    "auto_comment": comment.auto_comment if comment else None,
                }
            )
    return out


class SubmissionHandler(DeskHandler):
    @web.authenticated
    def get(self, assignment: str, student: str) -> None:
        self.check_caller()
        if being_autograded(Path(self.coursedir.root)) == (assignment, student):
            raise web.HTTPError(409, STILL_GRADING)
        sub = self.submission(assignment, student)
        cells = _cells(sub)
        notebooks = []
        folder = self.coursedir.format_path(
            self.coursedir.autograded_directory, student, assignment
        )
        paths = [Path(folder) / f"{nb.name}.ipynb" for nb in sub.notebooks]
        if not all(p.is_file() for p in paths):
            raise web.HTTPError(409, NOT_AUTOGRADED)
        for nb, path in zip(sub.notebooks, paths, strict=True):
            node = nbformat.read(path, as_version=4)
            by_id = {
                (c.get("metadata", {}).get("nbgrader") or {}).get("grade_id"): c for c in node.cells
            }
            order = {name: i for i, name in enumerate(by_id)}
            for cell in cells:
                if cell["notebook"] == nb.name and cell["name"] in by_id:
                    cell["answer_html"] = answer_html(by_id[cell["name"]])
                    cell["position"] = order[cell["name"]]
            notebooks.append({"name": nb.name, "html": notebook_html(node)})
        # in the order a trainee answered them: notebook by notebook, top to bottom
        names = [nb.name for nb in sub.notebooks]
        cells.sort(key=lambda c: (names.index(c["notebook"]), c.get("position", 0), c["name"]))
        self.reply(
            {
                "course": self.coursedir.course_id,
                "assignment": assignment,
                "student": student,
                "submitted_at": sub.timestamp.isoformat() if sub.timestamp else None,
                "cells": cells,
                "notebooks": notebooks,
                "row": desk.gradebook_rows(self.db_url, [student], assignment)[0],
            }
        )


class GradesHandler(DeskHandler):
    """Points and comments of a person into nbgrader's gradebook, as formgrader stores them."""

    @web.authenticated
    def post(self, assignment: str, student: str) -> None:
        self.check_caller()
        body = self.get_json_body() or {}
        sub = self.submission(assignment, student)
        by_key = {}
        for nb in sub.notebooks:
            comments = {c.name: c for c in nb.comments}
            for g in nb.grades:
                by_key[f"{nb.name}/{g.name}"] = (g, comments.get(g.name))
        sent = set(body.get("points", {})) | set(body.get("comments", {}))
        unknown = sorted(sent - set(by_key))
        if unknown:
            raise web.HTTPError(400, f"no graded cell {', '.join(unknown)} in this submission")
        for key, value in body.get("points", {}).items():
            grade = by_key[key][0]
            grade.manual_score = None if value is None else float(value)
            grade.needs_manual_grade = grade.manual_score is None and grade.auto_score is None
        for key, text in body.get("comments", {}).items():
            comment = by_key[key][1]
            if comment is not None:
                comment.manual_comment = text or None
        self.gradebook.db.commit()
        self.reply({"row": desk.gradebook_rows(self.db_url, [student], assignment)[0]})


class FeedbackHandler(DeskHandler):
    """nbgrader's own generate_feedback and release_feedback, for one trainee."""

    @web.authenticated
    async def post(self, assignment: str, student: str) -> None:
        self.check_caller()
        self.submission(assignment, student)
        api = self.api
        result = await asyncio.get_running_loop().run_in_executor(
            None, _feedback, api, assignment, student
        )
        if not result["success"]:
            raise web.HTTPError(500, result["log"][-2000:])
        self.reply({"ok": True})


def _feedback(api, assignment: str, student: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    with _feedback_lock:
        made = api.generate_feedback(assignment, student)
        if not made.get("success"):
            return {"success": False, "log": made.get("error") or made.get("log", "")}
        sent = api.release_feedback(assignment, student)
        return {"success": bool(sent.get("success")), "log": sent.get("error") or ""}


class Pusher:
    """Reports changed gradebook rows to the programme service's index."""

    def __init__(
        self, db_url: str, course: str, service_url: str, token: str, course_dir: Path
    ) -> None:
        self.db_url, self.course, self.url, self.token = db_url, course, service_url, token
        self.course_dir = course_dir
        self.sent: dict[tuple[str, str], dict[str, Any]] = {}
        self.stamp: tuple[float, ...] | None = None

    def _stamp(self) -> tuple[float, ...]:
        path = self.db_url.removeprefix("sqlite:///")
        # the autograding marker too: when it goes, the row it held back is whole
        marker = str(self.course_dir / AUTOGRADING)
        return tuple(
            os.stat(p).st_mtime if os.path.exists(p) else 0.0
            for p in (path, path + "-wal", path + "-journal", marker)
        )

    def changed_rows(self) -> list[dict[str, Any]]:
        if self.db_url.startswith("sqlite:///"):
            stamp = self._stamp()
            if stamp == self.stamp:
                return []
            self.stamp = stamp
        rows = whole_rows(desk.gradebook_rows(self.db_url), self.course_dir)
        return [r for r in rows if self.sent.get((r["assignment"], r["student"])) != _facts(r)]

    def push(self) -> int:
        rows = self.changed_rows()
        for start in range(0, len(rows), 5000):
            chunk = rows[start : start + 5000]
            r = requests.post(
                url_path_join(self.url, "api/desk/index"),
                json={"course": self.course, "rows": chunk},
                headers={"Authorization": f"token {self.token}"},
                timeout=60,
            )
            r.raise_for_status()
            for row in chunk:
                self.sent[(row["assignment"], row["student"])] = _facts(row)
        return len(rows)


def _facts(row: dict[str, Any]) -> dict[str, Any]:
    """A row without when it was read (what changed is what matters)."""
    return {k: v for k, v in row.items() if k != "read_at"}


def _load_jupyter_server_extension(serverapp) -> None:  # type: ignore[no-untyped-def]
    web_app = serverapp.web_app
    base = url_path_join(web_app.settings["base_url"], "praxis-desk")
    names = r"([^/]+)"
    web_app.add_handlers(
        ".*$",
        [
            (url_path_join(base, "rows"), RowsHandler),
            (url_path_join(base, "submissions", names, names), SubmissionHandler),
            (url_path_join(base, "grades", names, names), GradesHandler),
            (url_path_join(base, "feedback", names, names), FeedbackHandler),
        ],
    )
    service_url = os.environ.get("PRAXISHUB_SERVICE_URL")
    course = os.environ.get("PRAXISHUB_COURSE")
    token = os.environ.get("JUPYTERHUB_API_TOKEN")
    if not (service_url and course and token):
        return
    course_dir = Path(os.environ.get("PRAXISHUB_COURSE_DIR", "."))
    url = os.environ.get("PRAXISHUB_GRADEBOOK_URL") or f"sqlite:///{course_dir / 'gradebook.db'}"
    pusher = Pusher(url, course, service_url, token, course_dir)

    async def tick() -> None:
        if url.startswith("sqlite:///") and not Path(url[10:]).exists():
            return  # nothing released yet
        try:
            sent = await asyncio.get_running_loop().run_in_executor(None, pusher.push)
            if sent:
                serverapp.log.info("desk: reported %d gradebook row(s) of %s", sent, course)
        except Exception as exc:  # the service may be restarting; try again next tick
            serverapp.log.warning("desk: could not report gradebook rows: %s", exc)

    PeriodicCallback(tick, PUSH_SECONDS * 1000).start()
    asyncio.get_event_loop().call_later(2, lambda: asyncio.ensure_future(tick()))


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "praxishub.desk_server"}]
