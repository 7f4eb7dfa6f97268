"""Webinar courses on nbgrader: deploy a course into the data dir, release its assignments.

Rule: each course directory belongs to its own Unix user (``grader-<id>``),
mode 0700, so sources, solutions, the gradebook and collected submissions are
readable only by that course's grading service, which only the course's
trainers can open. Trainees reach a course only through nbgrader's exchange.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from praxishub import unixusers
from praxishub.errors import PraxisError, Problem, not_utf8_problem, yaml_problem
from praxishub.layout import Layout
from praxishub.settings import Settings

GRADER_PREFIX = "grader-"
CASE_ASSIGNMENTS = "case_assignments.yaml"


@cache
def course_schema() -> dict[str, Any]:
    text = resources.files("praxishub").joinpath("schema/course.schema.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def trainer_group(course_id: str) -> str:
    """The hub group whose members may open the course's grading service."""
    return f"course-{course_id}-trainers"


def teaching(settings_values: dict[str, Any]) -> dict[str, list[str]]:
    """username -> the courses they are a trainer of."""
    out: dict[str, list[str]] = {}
    for course in settings_values["courses"]:
        for trainer in course["trainers"]:
            out.setdefault(trainer, []).append(course["id"])
    return out


def course_cohorts(settings_values: dict[str, Any]) -> dict[str, set[str]]:
    """course id -> the cohorts it is for; a course open to every trainee is absent."""
    return {c["id"]: set(c["cohorts"]) for c in settings_values["courses"] if c["cohorts"]}


def sandbox_user(course_id: str) -> str:
    """The Unix user trainee code runs as while it is autograded."""
    return f"sandbox-{course_id}"


def grader_user(course_id: str) -> str:
    return f"{GRADER_PREFIX}{course_id}"


def grader_config_dir() -> Path:
    return Path(str(resources.files("praxishub").joinpath("jupyter_config_grader")))


def load_course(path: Path) -> dict[str, Any]:
    """Read and validate a course.yaml; PraxisError names the key and the fix."""
    text = ""
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
        spec = yaml.safe_load(text)
    except FileNotFoundError:
        raise PraxisError(
            f"Course file {path} does not exist.",
            [Problem(str(path), "missing", "add course.yaml to the course folder")],
        ) from None
    except UnicodeDecodeError as exc:
        problem = not_utf8_problem(path, data, exc)
        raise PraxisError(f"{path} is not UTF-8 text.", [problem]) from None
    except yaml.YAMLError as exc:
        raise PraxisError(f"{path} is not valid YAML.", [yaml_problem(path, exc, text)]) from None
    if not isinstance(spec, dict):
        raise PraxisError(
            f"Course file {path} is not a mapping of keys.",
            [Problem(f"{path}, line 1", "the top level is not a mapping", "start with `id:`")],
        )
    validator = jsonschema.Draft202012Validator(
        course_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    problems = [
        Problem(
            f"{path}, {'.'.join(map(str, e.absolute_path)) or 'top level'}",
            e.message,
            "see src/praxishub/schema/course.schema.yaml",
        )
        for e in validator.iter_errors(spec)
    ]
    if problems:
        raise PraxisError(f"Course file {path} has {len(problems)} problem(s).", problems)
    return spec


@dataclass(frozen=True)
class Course:
    id: str
    trainers: tuple[str, ...]
    directory: Path
    port: int
    gradebook_url: str = ""  # nbgrader's gradebook: SQLite in the folder, or database.gradebook_url

    def __post_init__(self) -> None:
        if not self.gradebook_url:
            object.__setattr__(
                self, "gradebook_url", f"sqlite:///{self.directory / 'gradebook.db'}"
            )

    @property
    def service(self) -> str:
        return grader_user(self.id)


def courses_of(settings: Settings) -> list[Course]:
    layout = Layout(settings.data_dir)
    base = settings["ports"]["courses"]
    template = (settings.values.get("database") or {}).get("gradebook_url") or ""
    return [
        Course(
            c["id"],
            tuple(c["trainers"]),
            layout.courses_dir / c["id"],
            base + i,
            template.replace("{course}", c["id"]),
        )
        for i, c in enumerate(settings["courses"])
    ]


def ensure_exchange(layout: Layout) -> Path:
    """nbgrader's exchange root: everyone may create a course folder, nobody may delete others'."""
    layout.exchange_dir.mkdir(parents=True, exist_ok=True)
    layout.exchange_dir.chmod(0o1777)
    return layout.exchange_dir


def claim_exchange(layout: Layout, course_id: str, uid: int, gid: int) -> Path:
    """The course's folder in the exchange, owned by its grader before anyone else makes it.

    The exchange root is world-writable (nbgrader needs that), so anyone could create
    ``exchange/<course>`` before the first release, and nbgrader would then refuse to
    release into a folder its grader does not own. Whatever a stranger made there (a
    folder, a file, a link) is removed; the grader's own folder is kept as it is.
    """
    path = ensure_exchange(layout) / course_id
    try:
        st = path.lstat()
    except FileNotFoundError:
        st = None
    if st is not None and not (stat.S_ISDIR(st.st_mode) and st.st_uid == uid):
        if stat.S_ISDIR(st.st_mode):
            shutil.rmtree(path)
        else:
            path.unlink()
        st = None
    if st is None:
        path.mkdir(mode=0o755)
        os.chown(path, uid, gid)
        path.chmod(0o755)
    return path


def deploy(settings: Settings, source_root: Path, *, missing_only: bool = False) -> list[str]:
    """Copy each course of the programme from ``source_root`` into the data dir.

    New and changed files of the repository replace those in the data dir;
    anything else there (gradebook, submissions, a trainer's new assignment)
    is kept. With ``missing_only``, only courses never deployed are.
    """
    layout = Layout(settings.data_dir)
    folder_exchange = settings["exchange"]["mode"] == "filesystem"
    if folder_exchange:
        ensure_exchange(layout)  # with the API exchange, no world-writable folder at all
    layout.courses_dir.mkdir(parents=True, exist_ok=True)
    layout.courses_dir.chmod(0o711)
    done = []
    for course in courses_of(settings):
        if missing_only and course.directory.exists():
            continue
        src = source_root / course.id
        spec = load_course(src / "course.yaml")
        if spec["id"] != course.id:
            raise PraxisError(
                f"{src / 'course.yaml'} says id {spec['id']!r}.",
                [
                    Problem(
                        str(src / "course.yaml"),
                        "id differs from the folder",
                        f"write id: {course.id}",
                    )
                ],
            )
        problems = [p for nb in sorted((src / "source").glob("*/*.ipynb")) if (p := _notebook(nb))]
        if problems:
            raise PraxisError(f"Course {course.id}: notebooks nbgrader cannot use.", problems)
        course.directory.mkdir(exist_ok=True)
        shutil.copytree(src / "source", course.directory / "source", dirs_exist_ok=True)
        shutil.copy2(src / "course.yaml", course.directory / "course.yaml")
        (course.directory / "nbgrader_config.py").write_text(
            "# Written by `praxishub courses deploy`.\n"
            f"c.CourseDirectory.course_id = {course.id!r}\n"
            f"c.CourseDirectory.root = {str(course.directory)!r}\n"
            f"c.CourseDirectory.db_url = {course.gradebook_url!r}\n",
            encoding="utf-8",
        )
        if os.geteuid() == 0:
            entry = unixusers.ensure_user(course.service, course.directory, system=True)
            unixusers.chown_tree(course.directory, entry.pw_uid, entry.pw_gid)
            if folder_exchange:
                claim_exchange(layout, course.id, entry.pw_uid, entry.pw_gid)
            ensure_sandbox(layout, course.id)
        course.directory.chmod(0o700)
        register_webinars(settings, course, spec)
        done.append(course.id)
    return done


REGISTER = """
import json, sys
from datetime import datetime
from nbgrader.api import Gradebook
with Gradebook(sys.argv[1]) as gb:
    for name, due in json.loads(sys.argv[2]).items():
        gb.update_or_create_assignment(name, duedate=datetime.fromisoformat(due) if due else None)
"""


def register_webinars(settings: Settings, course: Course, spec: dict[str, Any]) -> None:
    """Put each webinar's assignment, with the deadline course.yaml gives it, into the
    gradebook: formgrader then lists it with its due date, so a trainer who releases it
    there (not with ``praxishub courses release``) keeps the deadline. One process per
    course, as the course's own Unix user."""
    due = {}
    for webinar in spec["webinars"]:
        if not (course.directory / "source" / webinar["id"]).is_dir():
            continue
        deadline = webinar.get("deadline")
        # nbgrader keeps due dates in UTC without a zone, as its own `--duedate` does
        due[webinar["id"]] = (
            datetime.fromisoformat(str(deadline)).astimezone(UTC).replace(tzinfo=None).isoformat()
            if deadline
            else ""
        )
    if not due:
        return
    bin_dir = Path(sys.prefix) / "bin"
    isolation = "unix-users" if os.geteuid() == 0 else "none"
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", **grader_env(settings, course, isolation)}
    kwargs: dict[str, Any] = {}
    if os.geteuid() == 0:
        entry = pwd.getpwnam(course.service)
        kwargs = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
    result = subprocess.run(
        [str(bin_dir / "python"), "-c", REGISTER, course.gradebook_url, json.dumps(due)],
        cwd=course.directory,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        **kwargs,
    )
    if result.returncode != 0:
        raise PraxisError(
            f"Course {course.id}: its webinars could not be put into the gradebook.",
            [
                Problem(
                    course.gradebook_url.split("@")[-1],
                    result.stderr.strip()[-1500:],
                    "check the gradebook's database is reachable, then deploy again",
                )
            ],
        )


def _notebook(path: Path) -> Problem | None:
    """Why a course notebook cannot be released and graded, or None if it can."""
    import nbformat

    data = path.read_bytes()
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return not_utf8_problem(path, data, exc)
    except json.JSONDecodeError as exc:
        resave = "open it in JupyterLab and save it again (or take it from git)"
        return Problem(f"{path}, line {exc.lineno}", f"not valid JSON ({exc.msg})", resave)
    version = raw.get("nbformat") if isinstance(raw, dict) else None
    if version != 4:
        return Problem(
            str(path),
            f"notebook format {version} is not 4",
            "open it in JupyterLab and save it: it is converted to format 4",
        )
    try:
        nbformat.validate(nbformat.from_dict(raw))
    except nbformat.ValidationError as exc:
        return Problem(
            str(path), f"not a valid notebook ({exc.message[:200]})", "re-save it in JupyterLab"
        )
    if not raw["metadata"].get("kernelspec"):
        return Problem(
            f"{path}, metadata.kernelspec",
            "no kernel: the autograder would not know how to run it",
            "open it in JupyterLab, choose the Python 3 kernel and save",
        )
    return None


def ensure_sandbox(layout: Layout, course_id: str) -> Path:
    """The sandbox user of a course and its private folder (kernel sockets, work folders)."""
    layout.sandbox_dir.mkdir(exist_ok=True)
    layout.sandbox_dir.chmod(0o711)
    folder = layout.sandbox_dir / course_id
    entry = unixusers.ensure_user(sandbox_user(course_id), folder, system=True)
    folder.mkdir(exist_ok=True)
    os.chown(folder, entry.pw_uid, entry.pw_gid)
    folder.chmod(0o700)
    return folder


def webinar_of(spec: dict[str, Any], assignment: str) -> dict[str, Any]:
    """The webinar of ``assignment`` in a course.yaml, or an error listing those there are."""
    for webinar in spec["webinars"]:
        if webinar["id"] == assignment:
            return webinar
    raise PraxisError(
        f"Course {spec['id']} has no assignment {assignment!r}.",
        [
            Problem(
                "ASSIGNMENT",
                assignment,
                "use one of: " + ", ".join(w["id"] for w in spec["webinars"]),
            )
        ],
    )


def first_webinar(settings: Settings, course_id: str) -> str | None:
    """The first webinar of a deployed course whose assignment exists, if any."""
    course = find(settings, course_id)
    spec = load_course(course.directory / "course.yaml")
    for webinar in spec["webinars"]:
        if (course.directory / "source" / webinar["id"]).is_dir():
            return webinar["id"]
    return None


def ensure_sandbox_pool(layout: Layout, course_id: str, slots: int) -> list[Path]:
    """Sandbox slots for grading many submissions at once: a Unix user and a private
    folder each (see praxishub.grading), so that slots never share processes or files."""
    from praxishub.grading import slot_dir, slot_user

    ensure_sandbox(layout, course_id)
    folders = []
    for slot in range(slots):
        folder = slot_dir(layout.sandbox_dir, course_id, slot)
        entry = unixusers.ensure_user(slot_user(course_id, slot), folder, system=True)
        folder.mkdir(exist_ok=True)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
        folder.chmod(0o700)
        folders.append(folder)
    return folders


def find(settings: Settings, course_id: str) -> Course:
    for course in courses_of(settings):
        if course.id == course_id:
            return course
    raise PraxisError(
        f"Course {course_id!r} is not in {settings.path}.",
        [
            Problem(
                f"{settings.path}, courses",
                f"no course {course_id!r}",
                "use one of: " + ", ".join(c.id for c in courses_of(settings)),
            )
        ],
    )


def grader_env(settings: Settings, course: Course, isolation: str) -> dict[str, str]:
    """Environment of everything that runs as a course's grader (service and commands)."""
    return {
        "HOME": str(course.directory),
        "LANG": "C.UTF-8",
        "JUPYTER_PREFER_ENV_PATH": "0",
        "JUPYTER_CONFIG_PATH": str(grader_config_dir()),
        "PRAXISHUB_EXCHANGE": str(Layout(settings.data_dir).exchange_dir),
        "PRAXISHUB_EXCHANGE_MODE": settings["exchange"]["mode"],
        "PRAXISHUB_UNIX_PREFIX": settings["spawner"]["unix_prefix"],
        "PRAXISHUB_ISOLATION": isolation,
        "PRAXISHUB_GRADEBOOK_URL": course.gradebook_url,
    }


def nbgrader(settings: Settings, course: Course, *args: str) -> subprocess.CompletedProcess[str]:
    """Run an nbgrader command in the course directory, as the course's own Unix user.
    With the exchange in the programme database, collect runs on a mirror of it."""
    if args[:1] == ("collect",) and settings["exchange"]["mode"] == "api":
        from praxishub import exchange_mirror

        return exchange_mirror.collect(
            settings, course, args, lambda extra: _nbgrader(settings, course, args, extra)
        )
    return _nbgrader(settings, course, args, {})


def _nbgrader(
    settings: Settings, course: Course, args: tuple[str, ...], extra: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    bin_dir = Path(sys.prefix) / "bin"
    isolation = "unix-users" if os.geteuid() == 0 else "none"
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", **grader_env(settings, course, isolation), **extra}
    kwargs: dict[str, Any] = {}
    if os.geteuid() == 0:
        entry = pwd.getpwnam(course.service)
        kwargs = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
    return subprocess.run(
        [str(bin_dir / "praxishub-nbgrader"), *args],  # nbgrader, started faster
        cwd=course.directory,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        **kwargs,
    )


def case_assignments(directory: Path) -> list[dict[str, Any]]:
    """The case-analysis assignments added to a deployed course (``praxishub cases assign``).

    They are listed beside course.yaml, not in it: deploy replaces course.yaml from
    the repository and keeps everything else in the course directory.
    """
    path = directory / CASE_ASSIGNMENTS
    if not path.is_file():
        return []
    return list((yaml.safe_load(path.read_text("utf-8")) or {}).get("assignments", []))


def case_assignments_text(assignments: list[dict[str, Any]], entry: dict[str, Any]) -> str:
    """The course's case-assignment list with entry added, or replaced by id."""
    kept = [a for a in assignments if a["id"] != entry["id"]]
    text = "# Written by `praxishub cases assign`; kept by `praxishub courses deploy`.\n"
    return text + yaml.safe_dump(
        {"assignments": [*kept, entry]}, allow_unicode=True, sort_keys=False
    )


def record_case_assignment(directory: Path, entry: dict[str, Any]) -> Path:
    """Add or replace (by id) one case assignment in the course's list; written atomically."""
    text = case_assignments_text(case_assignments(directory), entry)
    path = directory / CASE_ASSIGNMENTS
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path


def release(settings: Settings, course_id: str, assignment: str) -> None:
    """Generate the student version of an assignment and release it to the exchange.

    An assignment is a webinar of course.yaml or a case assignment of the course.
    """
    course = find(settings, course_id)
    spec = load_course(course.directory / "course.yaml")
    cases = case_assignments(course.directory)
    found = next((a for a in [*spec["webinars"], *cases] if a["id"] == assignment), None)
    if found is None or not (course.directory / "source" / assignment).is_dir():
        raise PraxisError(
            f"Course {course_id} has no assignment {assignment!r}.",
            [
                Problem(
                    str(course.directory / "course.yaml"),
                    f"no webinar or case assignment {assignment!r}",
                    "use one of: " + ", ".join(a["id"] for a in [*spec["webinars"], *cases]),
                )
            ],
        )
    due = found.get("deadline")
    add = [f"--duedate={datetime.fromisoformat(due).isoformat(sep=' ')}"] if due else []
    steps = [
        ("db", "assignment", "add", assignment, *add),
        ("generate_assignment", assignment, "--force"),
    ]
    through_api = settings["exchange"]["mode"] == "api"
    if not through_api:
        steps.append(("release_assignment", assignment, "--force"))
    for step in steps:
        result = nbgrader(settings, course, *step)
        if result.returncode != 0:
            raise PraxisError(
                f"nbgrader {step[0]} failed for {course_id}/{assignment}.",
                [
                    Problem(
                        str(course.directory),
                        result.stderr[-2000:],
                        "fix the notebook and release again",
                    )
                ],
            )
    if through_api:
        release_through_api(settings, course, assignment)


def release_through_api(settings: Settings, course: Course, assignment: str) -> None:
    """Put the generated student version into the programme database's exchange, as
    nbgrader's release through the API would (``praxishub.exchange_api``); run as root,
    the command writes it there itself (it holds no hub token)."""
    from praxishub import db, exchange_store, workspace
    from praxishub.exchange_api import zip_folder

    folder = course.directory / "release" / assignment
    data = zip_folder(folder)
    with workspace.programme_db(settings) as engine, db.session_scope(engine) as session:
        exchange_store.put(session, course.id, "outbound", assignment, data)
