"""nbgrader's exchange through the programme API: no filesystem shared between servers.

Rule: nbgrader's own exchange classes do the work, on a private mirror. Each command
makes a fresh folder only its user can enter, pulls into it what that user may see
(the service decides: released assignments, one's own submissions and feedback, or,
for a course's graders, everything of the course), runs the stock class with that
folder as the exchange root, pushes what the command made (a release, a submission,
feedback) back through the API, and removes the folder. Who is calling is the hub's
answer for the token (``JUPYTERHUB_API_TOKEN``), never a name the command sends, so a
submission under another trainee's name is refused by the service. Enabled by
``PRAXISHUB_EXCHANGE_MODE=api`` (see the nbgrader_config files). A zip is unpacked only
within the store's limits (``praxishub.exchange_zips.check_members``), and collecting
skips an item it cannot unpack rather than stopping for everyone.
"""

from __future__ import annotations

import glob
import hashlib
import io
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests
from nbgrader.exchange import ExchangeError
from nbgrader.exchange.default import (
    ExchangeCollect,
    ExchangeFetchAssignment,
    ExchangeFetchFeedback,
    ExchangeList,
    ExchangeReleaseAssignment,
    ExchangeReleaseFeedback,
    ExchangeSubmit,
)
from nbgrader.utils import notebook_hash

from praxishub import exchange_zips as store  # not the store: no database in servers
from praxishub.errors import Problem

TIMEOUT = 60
CHUNK = 2**20


def use_api_exchange(c: Any) -> None:
    """Point nbgrader's ExchangeFactory at these classes (in an nbgrader_config.py)."""
    for step, cls in {
        "fetch_assignment": ApiFetchAssignment,
        "fetch_feedback": ApiFetchFeedback,
        "release_assignment": ApiReleaseAssignment,
        "release_feedback": ApiReleaseFeedback,
        "submit": ApiSubmit,
        "list": ApiList,
        "collect": ApiCollect,
    }.items():
        setattr(c.ExchangeFactory, step, f"{__name__}.{cls.__name__}")


class Client:
    """The programme service's exchange endpoints, with the caller's own hub token."""

    def __init__(self, base: str | None = None, token: str | None = None, log: Any = None) -> None:
        self.log = log
        self.base = (base or os.environ.get("PRAXISHUB_SERVICE_URL", "")).rstrip("/")
        self.token = token or os.environ.get("JUPYTERHUB_API_TOKEN", "")
        if not self.base or not self.token:
            raise ExchangeError(
                "The exchange needs the programme service: PRAXISHUB_SERVICE_URL and "
                "JUPYTERHUB_API_TOKEN must be set (open it from Praxis Hub)"
            )

    def _call(self, method: str, path: str, **kw: Any) -> requests.Response:
        url = f"{self.base}/api/exchange/{quote(path)}"
        try:
            r = requests.request(
                method, url, headers={"Authorization": f"token {self.token}"}, timeout=TIMEOUT, **kw
            )
        except requests.RequestException as exc:
            raise ExchangeError(f"the programme service did not answer ({exc})") from None
        if r.status_code >= 400:
            try:
                message = r.json().get("message", r.reason)
            except ValueError:
                message = r.text[:200] or r.reason
            text = f"the programme service refused {method} {path}: {r.status_code} {message}"
            if self.log is not None:
                self.log.error(text)
            raise ExchangeError(text)
        return r

    def courses(self) -> list[str]:
        return list(self._call("GET", "").json()["courses"])

    def items(self, course: str, area: str) -> list[dict[str, Any]]:
        return list(self._call("GET", f"{course}/{area}").json()["items"])

    def get(self, course: str, area: str, name: str) -> bytes:
        return self._call("GET", f"{course}/{area}/{name}").content

    def put(self, course: str, area: str, name: str, data: bytes, **params: str) -> None:
        self._call("PUT", f"{course}/{area}/{name}", data=data, params=params)


def zip_folder(folder: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.is_symlink():
                z.write(path, path.relative_to(folder).as_posix())
    return out.getvalue()


def unzip_into(data: bytes, folder: Path) -> None:
    """Extract a zip the service sent, named as the folder; refused, with nothing more
    written, if the store would refuse it, and stopped once what it actually unpacks
    passes the store's limit (a zip's headers may lie about sizes)."""
    name = folder.name
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    unpacked = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = z.infolist()
            store.check_members(name, members)
            for member in members:
                target = (folder / member.filename).resolve()
                if root not in target.parents:
                    raise ExchangeError(f"refused a file outside its folder: {member.filename}")
                if member.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with z.open(member) as source, target.open("wb") as out:
                    while chunk := source.read(CHUNK):
                        unpacked += len(chunk)
                        if unpacked > store.MAX_UNPACKED:
                            limit = store.MAX_UNPACKED // 2**20
                            raise store.ExchangeError(
                                f"{name} unpacks to more than {limit} MB (its headers say less).",
                                [Problem("body", f"{name}: {member.filename}", store.UNZIPPABLE)],
                            )
                        out.write(chunk)
    except store.ExchangeError as exc:
        raise ExchangeError(str(exc)) from None
    except store.DAMAGED as exc:
        raise ExchangeError(
            f"{name} is damaged and cannot be unpacked ({exc}); its sender should send it again"
        ) from None


class Mirror:
    """A private exchange root for one command, filled from and pushed to the API."""

    def open_mirror(self) -> None:
        self.client = Client(log=self.log)  # type: ignore[attr-defined]
        self.private = Path(tempfile.mkdtemp(prefix="praxis-exchange-"))  # 0700: only us
        self.root = str(self.private / "exchange")
        os.makedirs(self.root)

    def close_mirror(self) -> None:
        shutil.rmtree(self.private, ignore_errors=True)

    def course_dir(self, course: str) -> Path:
        return Path(self.root) / course

    def pull(
        self, course: str, area: str, names: set[str] | None = None, skip_bad: bool = False
    ) -> list[str]:
        """Put the items of an area one may see (or those named) into the mirror. With
        ``skip_bad`` (collecting), an item that arrives damaged or cannot be unpacked is
        left out with a warning, so one trainee's bad submission stops no one else's."""
        folder = self.course_dir(course) / area
        folder.mkdir(parents=True, exist_ok=True)
        pulled = []
        for item in self.client.items(course, area):
            if names is not None and item["name"] not in names:
                continue
            data = self.client.get(course, area, item["name"])
            target = folder / item["name"]
            try:
                if hashlib.sha256(data).hexdigest() != item["sha256"]:
                    raise ExchangeError(f"{area}/{item['name']} arrived damaged; try again")
                if area == "feedback":
                    target.write_bytes(data)
                else:
                    unzip_into(data, target)
            except (ExchangeError, zipfile.BadZipFile) as exc:
                if not skip_bad:
                    raise
                shutil.rmtree(target, ignore_errors=True)
                self.log.warning(  # type: ignore[attr-defined]
                    "skipped %s/%s of %s: %s",
                    area,
                    item["name"],
                    course,
                    exc,
                )
                continue
            pulled.append(item["name"])
        return pulled

    def run(self, courses: list[str], pulls: list[tuple[str, set[str] | None]]) -> Any:
        self.open_mirror()
        try:
            for course in courses:
                for area, names in pulls:
                    self.pull(course, area, names)
            result = super().start()  # type: ignore[misc]
            self.push()
            return result
        finally:
            self.close_mirror()

    def push(self) -> None:
        """Send back what the command made (nothing, unless it releases or submits)."""


class ApiReleaseAssignment(Mirror, ExchangeReleaseAssignment):
    def start(self) -> Any:
        course = self.coursedir.course_id
        self.open_mirror()
        try:
            outbound = self.course_dir(course) / "outbound"
            outbound.mkdir(parents=True)
            for item in self.client.items(course, "outbound"):
                (outbound / item["name"]).mkdir()  # so "already released" is known
            result = ExchangeReleaseAssignment.start(self)
            self.push()
            return result
        finally:
            self.close_mirror()

    def push(self) -> None:
        course, assignment = self.coursedir.course_id, self.coursedir.assignment_id
        folder = self.course_dir(course) / "outbound" / assignment
        self.client.put(course, "outbound", assignment, zip_folder(folder))


class ApiFetchAssignment(Mirror, ExchangeFetchAssignment):
    def start(self) -> Any:
        return self.run([self.coursedir.course_id], [("outbound", {self.coursedir.assignment_id})])


class ApiSubmit(Mirror, ExchangeSubmit):
    def start(self) -> Any:
        course = self.coursedir.course_id
        return self.run(
            [course], [("outbound", {self.coursedir.assignment_id}), ("inbound", set())]
        )

    def push(self) -> None:
        course = self.coursedir.course_id
        inbound = self.course_dir(course) / "inbound"
        for folder in inbound.iterdir():
            self.client.put(course, "inbound", folder.name, zip_folder(folder))


class ApiList(Mirror, ExchangeList):
    def start(self) -> Any:
        if self.remove:
            self.fail("Removing through the programme service is not supported.")
        courses = [self.coursedir.course_id] if self.coursedir.course_id else None
        self.open_mirror()
        try:
            for course in courses or self.client.courses():
                if self.inbound:
                    self.pull(course, "inbound")
                elif not self.cached:
                    self.pull(course, "outbound")
                self.pull(course, "feedback")
            return ExchangeList.start(self)
        finally:
            self.close_mirror()


class ApiCollect(Mirror, ExchangeCollect):
    """Collect as stock nbgrader does; the service already made sure each submission
    was sent by the trainee it names, so there is no Unix owner to check."""

    check_owner = False

    def start(self) -> Any:
        course, student = self.coursedir.course_id, self.coursedir.student_id
        student = "" if student in ("", "*") else student
        self.open_mirror()
        try:
            pattern = re.compile(
                rf"{re.escape(student) if student else '[^+]+'}\+"
                rf"{re.escape(self.coursedir.assignment_id)}\+.*"
            )
            matching = [
                i for i in self.client.items(course, "inbound") if pattern.fullmatch(i["name"])
            ]
            wanted = {i["name"] for i in store.newest(matching)}
            self.pull(course, "inbound", wanted, skip_bad=True)
            return ExchangeCollect.start(self)
        finally:
            self.close_mirror()


class ApiReleaseFeedback(Mirror, ExchangeReleaseFeedback):
    def start(self) -> Any:
        return self.run([self.coursedir.course_id], [])

    def push(self) -> None:
        """Each released page goes to the one trainee whose submission it is about."""
        course, assignment = self.coursedir.course_id, self.coursedir.assignment_id
        released = self.course_dir(course) / "feedback"
        pattern = self.coursedir.format_path(
            self.coursedir.feedback_directory, "(?P<student>[^/]+)", assignment, escape=True
        )
        for html_file in glob.glob(os.path.join(self.src_path, "*.html")):
            found = re.match(re.escape(os.path.sep).join([pattern, "(?P<nb>.*).html"]), html_file)
            if found is None:
                continue
            folder = Path(html_file).parent
            secret = (folder / "submission_secret.txt").read_text()
            name = notebook_hash(secret=secret, notebook_id=found["nb"]) + ".html"
            page = released / name
            if page.exists():
                self.client.put(
                    course,
                    "feedback",
                    name,
                    page.read_bytes(),
                    student=found["student"],
                    assignment=assignment,
                )


class ApiFetchFeedback(Mirror, ExchangeFetchFeedback):
    def start(self) -> Any:
        return self.run([self.coursedir.course_id], [("feedback", None)])
