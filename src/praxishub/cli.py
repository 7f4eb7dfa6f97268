"""The ``praxishub`` command.

Rule: each command is a thin edge: it reads files and arguments, calls the
core, prints, and exits 0 on success, 2 on input a person must fix (with the
message naming the place and the fix), 1 on anything else.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from praxishub import backup as backup_mod
from praxishub import db, people, workspace
from praxishub.attendance_commands import attendance_group
from praxishub.cases.commands import cases_group
from praxishub.certificate_commands import certificates_group, reports_group
from praxishub.demo import demo_settings
from praxishub.errors import PraxisError, Problem
from praxishub.grade_commands import grade_group
from praxishub.hub import IsolationError, Runtime, isolation_mode
from praxishub.k8s_commands import k8s_group
from praxishub.layout import Layout
from praxishub.options import SETTINGS_OPTION, fail
from praxishub.options import settings_or_fail as _settings
from praxishub.settings import Settings, load_settings

console = Console(stderr=True)


_fail = fail


@click.group()
@click.version_option(package_name="praxishub")
def main() -> None:
    """Praxis Hub: training and supervision workspace on JupyterHub."""


@main.group()
def settings() -> None:
    """Check the settings file."""


@settings.command("check")
@click.argument("file", type=click.Path(path_type=Path))
def settings_check(file: Path) -> None:
    """Validate FILE against the schema; exit 2 naming each problem."""
    loaded = _settings(file)
    click.echo(
        f"{file}: ok ({len(loaded.people)} people, {len(loaded['cohorts'])} cohorts, "
        f"data dir {loaded.data_dir})"
    )


@main.group("people")
def people_group() -> None:
    """Manage the programme's people."""


def _line_number(problem: Problem) -> int:
    digits = problem.where.rsplit("line ", 1)[-1].split(",")[0]
    return int(digits) if digits.isdigit() else 0


class _Refused(Exception):
    def __init__(self, report: people.ImportReport) -> None:
        self.report = report


@people_group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@SETTINGS_OPTION
@click.option(
    "--skip-invalid", is_flag=True, help="Import the valid rows even if some are invalid."
)
def people_import(file: Path, settings_path: Path, skip_invalid: bool) -> None:
    """Import people from a CSV or XLSX roster (username,full_name,email,role,cohort,supervisor)."""
    from praxishub import roster

    loaded = _settings(settings_path)
    try:
        rows, problems = roster.read_roster(file)
    except PraxisError as exc:
        _fail(exc)
    with workspace.programme_db(loaded) as engine:
        try:
            with db.session_scope(engine) as session:
                report = people.import_rows(session, rows, problems, skip_invalid=skip_invalid)
                if report.rejected and not skip_invalid:
                    raise _Refused(report)
        except _Refused as refused:
            report = refused.report  # rolled back: nothing was changed
    for problem in sorted(report.rejected, key=_line_number):
        where = problem.where if str(file) in problem.where else f"{file}, {problem.where}"
        click.echo(f"rejected: {where}: {problem.message}\n    fix: {problem.fix}", err=True)
    if report.rejected and not skip_invalid:
        click.echo(
            f"{file}: {len(report.rejected)} invalid row(s); nothing was changed. "
            "Fix them, or import the valid rows with --skip-invalid.",
            err=True,
        )
        sys.exit(2)
    click.echo(
        f"{file}: {len(report.created)} created, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.rejected)} rejected"
    )


@people_group.command("set-password")
@click.argument("username")
@SETTINGS_OPTION
@click.option("--generate", is_flag=True, help="Make up a password and print it.")
def people_set_password(username: str, settings_path: Path, generate: bool) -> None:
    """Set USERNAME's password (asked for, or generated with --generate)."""
    loaded = _settings(settings_path)
    password = (
        people.new_password()
        if generate
        else click.prompt("Password", hide_input=True, confirmation_prompt=True)
    )
    with workspace.programme_db(loaded) as engine, db.session_scope(engine) as session:
        try:
            people.set_password(session, username, password)
        except KeyError:
            _fail(PraxisError(f"{username!r} is not in the roster; import them first."))
    click.echo(f"{username}: {password}" if generate else f"{username}: password set")


@people_group.command("deactivate")
@click.argument("usernames", nargs=-1, required=True)
@SETTINGS_OPTION
@click.option("--undo", is_flag=True, help="Reactivate them instead.")
def people_deactivate(usernames: tuple[str, ...], settings_path: Path, undo: bool) -> None:
    """Deactivate USERNAMES (people who left): the hub refuses their logins and logs them
    out at the next refresh, and the running programme service stops their Jupyter servers
    within a minute; their work stays on record. --undo reactivates them."""
    loaded = _settings(settings_path)
    with workspace.programme_db(loaded) as engine, db.session_scope(engine) as session:
        try:
            changed, skipped = people.set_active(session, list(usernames), undo)
        except PraxisError as exc:
            _fail(exc)
    for username in changed:
        click.echo(f"{username}: {'reactivated' if undo else 'deactivated'}")
    for item in skipped:
        click.echo(f"{item['username']}: skipped ({item['reason']})", err=True)
    if not changed:
        raise SystemExit(1)


@main.group("courses")
def courses_group() -> None:
    """Deploy and release webinar courses (nbgrader)."""


def _repo_courses() -> Path:
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        if (base / "courses").is_dir():
            return base / "courses"
    return Path("courses")


@courses_group.command("deploy")
@SETTINGS_OPTION
@click.option(
    "--from",
    "source",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder holding the courses (default: courses/ of this checkout).",
)
def courses_deploy(settings_path: Path, source: Path | None) -> None:
    """Put the programme's courses into the data dir (keeps gradebooks and submissions)."""
    from praxishub import courses

    loaded = _settings(settings_path)
    workspace.ensure_layout(loaded)
    try:
        done = courses.deploy(loaded, source or _repo_courses())
        sync_catalogue(loaded)
    except PraxisError as exc:
        _fail(exc)
    click.echo(f"deployed: {', '.join(done) or 'no courses in the settings'}")


def sync_catalogue(settings: Settings) -> None:
    """Give the programme service what it may know of each deployed course (webinars,
    durations, CPD hours, case assignments): it may not read the course folders."""
    from praxishub import certificate_store, db
    from praxishub.certificate_commands import read_courses

    found = read_courses(settings)
    with workspace.programme_db(settings) as engine, db.session_scope(engine) as session:
        for spec, cases in found.values():
            certificate_store.store_course(session, spec, cases)


@courses_group.command("release")
@click.argument("course")
@click.argument("assignment")
@SETTINGS_OPTION
def courses_release(course: str, assignment: str, settings_path: Path) -> None:
    """Generate and release ASSIGNMENT of COURSE to its trainees."""
    from praxishub import courses

    loaded = _settings(settings_path)
    try:
        courses.release(loaded, course, assignment)
    except PraxisError as exc:
        _fail(exc)
    click.echo(f"released {course}/{assignment}")


@courses_group.command("extend")
@click.argument("course")
@click.argument("assignment")
@click.argument("trainee")
@click.option(
    "--until",
    "until",
    required=True,
    help="New deadline: YYYY-MM-DD (end of that day) or ISO 8601.",
)
@SETTINGS_OPTION
def courses_extend(
    course: str, assignment: str, trainee: str, until: str, settings_path: Path
) -> None:
    """Give TRAINEE until a later date for ASSIGNMENT of COURSE; penalties are recomputed."""
    from datetime import datetime, time

    from praxishub import courses, scores

    loaded = _settings(settings_path)
    try:
        found = courses.find(loaded, course)
        spec = courses.load_course(found.directory / "course.yaml")
        webinar = courses.webinar_of(spec, assignment)
        deadline = datetime.fromisoformat(webinar["deadline"])
        try:
            moment = datetime.fromisoformat(until)
        except ValueError:
            raise PraxisError(
                f"--until {until!r} is not a date.",
                [Problem("--until", until, "write YYYY-MM-DD or YYYY-MM-DDTHH:MM+03:00")],
            ) from None
        if len(until) == 10:  # a day: its end, in the deadline's time zone
            moment = datetime.combine(moment.date(), time(23, 59), deadline.tzinfo)
        elif moment.tzinfo is None:
            moment = moment.replace(tzinfo=deadline.tzinfo)
        with workspace.programme_db(loaded) as engine, db.session_scope(engine) as session:
            score = scores.extend(session, course, assignment, trainee, moment)
            penalty = score.penalty_percent if score is not None else None
    except (PraxisError, scores.ScoreError) as exc:
        _fail(exc)
    click.echo(
        f"{trainee}: {course}/{assignment} due {moment.isoformat()}"
        + (f"; late penalty now {penalty:g}%" if penalty is not None else "; not submitted yet")
    )


@courses_group.command("collect")
@click.argument("course")
@click.argument("assignment")
@SETTINGS_OPTION
def courses_collect(course: str, assignment: str, settings_path: Path) -> None:
    """Collect the submissions of ASSIGNMENT (each must belong to the trainee it names)."""
    from praxishub import courses

    loaded = _settings(settings_path)
    try:
        result = courses.nbgrader(loaded, courses.find(loaded, course), "collect", assignment)
    except PraxisError as exc:
        _fail(exc)
    click.echo(result.stdout + result.stderr, nl=False)
    sys.exit(0 if result.returncode == 0 else 1)


@main.command()
@click.option("--data-dir", type=click.Path(path_type=Path), default=Path("var"), show_default=True)
@click.option("--seed", type=int, default=2026, show_default=True)
@click.option(
    "--trainees",
    type=click.IntRange(1, 5000),
    default=None,
    help="Trainees (default: 40 for small, 4,433 for programme).",
)
@click.option(
    "--scale",
    type=click.Choice(["small", "programme"]),
    default="small",
    show_default=True,
    help="programme: 4,433 trainees, 12 cohorts, ~300 supervisors, a 29-webinar track with "
    "its gradebook, attendance and supervision sessions.",
)
@click.option(
    "--database-url",
    default=None,
    help="The programme database (e.g. postgresql+psycopg://praxis@db/praxis); "
    "default SQLite in DATA_DIR.",
)
@click.option(
    "--hub-database-url", default=None, help="JupyterHub's database; default SQLite in DATA_DIR."
)
def demo(
    data_dir: Path,
    seed: int,
    trainees: int | None,
    scale: str,
    database_url: str | None,
    hub_database_url: str | None,
) -> None:
    """Create the demo programme (synthetic people) in DATA_DIR, unless one exists."""
    if scale == "small":
        database = {"url": database_url, "hub_url": hub_database_url}
        settings_path = create_demo(data_dir, seed, trainees or 40, database)
    elif database_url or hub_database_url:
        raise click.UsageError("--scale programme writes SQLite; leave out the database URLs")
    else:
        from praxishub import demo_scale, demo_scale_write

        available = sorted(p.parent.name for p in _repo_courses().glob("*/course.yaml"))
        plan = demo_scale.plan_for(scale, trainees=trainees)
        built = demo_scale_write.create(data_dir, plan, seed, repo_courses=available)
        settings_path = data_dir / "praxishub.yaml"
        if "seconds" in built:
            click.echo(demo_scale_write.summary(built))
    print_logins(Layout(load_settings(settings_path).data_dir))


def create_demo(
    data_dir: Path,
    seed: int = 2026,
    trainees: int = 40,
    database: dict[str, str | None] | None = None,
) -> Path:
    import yaml

    settings_path = data_dir / "praxishub.yaml"
    if settings_path.exists():
        return settings_path
    data_dir.mkdir(parents=True, exist_ok=True)
    available = sorted(p.parent.name for p in _repo_courses().glob("*/course.yaml"))
    values = demo_settings(seed, trainees=trainees, courses=available)
    if database and any(database.values()):
        values["database"] = {key: url for key, url in database.items() if url}
    text = "# Demo programme: synthetic people only.\n" + yaml.safe_dump(
        values, allow_unicode=True, sort_keys=False
    )
    loaded = _settings_from_text(text, settings_path)
    logins = {}
    with workspace.programme_db(loaded) as engine, db.session_scope(engine) as session:
        for person in loaded.people:
            password = people.new_password()
            people.set_password(session, person["username"], password)
            logins[person["username"]] = {
                "password": password,
                "role": person["role"],
                "full_name": person["full_name"],
            }
    layout = Layout(loaded.data_dir)
    workspace.write_private(layout.logins_file, json.dumps(logins, ensure_ascii=False, indent=1))
    # Written last: its presence means the demo is complete.
    tmp = settings_path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    workspace.make_settings_private(tmp, loaded)
    tmp.replace(settings_path)
    return settings_path


def _settings_from_text(text: str, path: Path) -> Settings:
    from praxishub.settings import parse_settings

    loaded = parse_settings(text, path)
    return Settings(path=path.resolve(), values=loaded.values)


def print_logins(layout: Layout) -> None:
    logins = json.loads(layout.logins_file.read_text(encoding="utf-8"))
    table = Table(title="Demo logins (synthetic people)")
    for col in ("role", "username", "password", "name"):
        table.add_column(col)
    order = {"coordinator": 0, "trainer": 1, "supervisor": 2, "trainee": 3}
    shown = sorted(logins.items(), key=lambda kv: order[kv[1]["role"]])
    trainees = 0
    for username, info in shown:
        if info["role"] == "trainee":
            trainees += 1
            if trainees > 5:
                continue
        table.add_row(info["role"], username, info["password"], info["full_name"])
    Console().print(table)
    click.echo(f"All {len(logins)} logins: {layout.logins_file}")


@main.command()
@SETTINGS_OPTION
@click.option(
    "--demo",
    "demo_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Create (if missing) and run the demo programme in this data dir.",
)
@click.option(
    "--hub-config",
    type=click.Path(path_type=Path),
    default=None,
    envvar="PRAXISHUB_HUB_CONFIG",
    help="jupyterhub_config.py to use (default: hub_config/ of this checkout).",
)
def up(settings_path: Path, demo_dir: Path | None, hub_config: Path | None) -> None:
    """Start the workspace in the foreground; Ctrl-C or SIGTERM stops all of it."""
    from praxishub.runner import run_hub

    if demo_dir is not None:
        settings_path = create_demo(demo_dir)
    loaded = _settings(settings_path)

    try:
        mode = isolation_mode(loaded, Runtime.detect())
    except IsolationError as exc:
        _fail(exc)
    layout = workspace.ensure_layout(loaded)
    try:
        workspace.ensure_settings_private(loaded)
    except PraxisError as exc:
        _fail(exc)
    with workspace.programme_db(loaded):
        pass  # migrated, roster from settings applied
    from praxishub import courses

    # A course listed in the settings but never deployed is deployed now; others are left as they are.
    try:
        fresh = courses.deploy(loaded, _repo_courses(), missing_only=True)
        sync_catalogue(loaded)  # what the service may know of each course
        if loaded.is_demo:  # something to open in the Assignments tab straight away
            for course_id in fresh:
                first = courses.first_webinar(loaded, course_id)
                if first:
                    click.echo(f"releasing {course_id}/{first} for the demo")
                    courses.release(loaded, course_id, first)
        # The repo's case library (checked, de-identified, reviewed) is what the service serves.
        from praxishub.cases import browse, commands, library

        source = commands.repo_library()
        if (source / "cases").is_dir():
            store = library.Store(layout.cases_store)
            done = browse.deploy(
                source, layout.library_dir, library.read_deny_list(store.deny_list)
            )
            commands.give_to_service(layout.library_dir, loaded)
            click.echo(f"case library: {len(done)} case(s) from {source}")
        dashboards = _repo_courses().parent / "dashboards"
        if dashboards.is_dir():
            workspace.deploy_apps(dashboards, layout.apps_dir)
        shared = loaded["dashboards"]["source"]
        if shared:
            workspace.ensure_dashboards(loaded, loaded.path.parent / shared)
        elif dashboards.is_dir():
            workspace.ensure_dashboards(loaded, dashboards)
        else:  # an installed package with no checkout (or one this user cannot read)
            click.echo(f"no dashboards folder at {dashboards}: the dashboards service lists none")
            workspace.ensure_dashboards(loaded, None)
    except PraxisError as exc:
        _fail(exc)
    config = (hub_config or _find_hub_config()).resolve()
    if not config.exists():
        _fail(PraxisError(f"{config} not found; pass --hub-config PATH/jupyterhub_config.py"))
    if loaded.is_demo and layout.logins_file.exists():
        print_logins(layout)
    if mode == "none":
        console.print(
            "[bold red]DEMO MODE: not running as root, so every person's server runs as "
            "this one Unix user. People are NOT isolated. Never use it for real people.[/]"
        )
    ports = loaded["ports"]
    click.echo(f"Praxis Hub at http://{ports['ip']}:{ports['public']}/  (Ctrl-C stops it)")
    sys.exit(run_hub(config, loaded.path, layout.hub_dir))


def _find_hub_config() -> Path:
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        candidate = base / "hub_config" / "jupyterhub_config.py"
        if candidate.exists():
            return candidate
    return Path("hub_config/jupyterhub_config.py")


@main.command("backup")
@click.argument("dest", type=click.Path(path_type=Path))
@SETTINGS_OPTION
def backup_cmd(dest: Path, settings_path: Path) -> None:
    """Back up the programme's, the hub's and the courses' SQLite databases into DEST
    (live-safe). Databases on a server (PostgreSQL) are backed up with its own tools."""
    loaded = _settings(settings_path)
    try:
        manifest = backup_mod.backup(Layout(loaded.data_dir), dest)
    except PraxisError as exc:
        _fail(exc)
    click.echo(json.dumps(manifest, indent=1))
    elsewhere = [
        f"database.{key}"
        for key in ("url", "hub_url", "gradebook_url")
        if (loaded["database"].get(key) or "sqlite").split(":", 1)[0].split("+")[0] != "sqlite"
    ]
    if elsewhere:
        Console(stderr=True).print(
            f"[bold yellow]not in this backup:[/] the databases of {', '.join(elsewhere)} "
            "(on a database server): back them up with its own tools, e.g. pg_dump",
            highlight=False,
        )


@main.command("restore")
@click.argument("src", type=click.Path(path_type=Path))
@SETTINGS_OPTION
def restore_cmd(src: Path, settings_path: Path) -> None:
    """Restore the databases from backup SRC (stop the hub first)."""
    loaded = _settings(settings_path)
    layout = workspace.ensure_layout(loaded)
    try:
        manifest = backup_mod.restore(layout, src)
    except PraxisError as exc:
        _fail(exc)
    click.echo(f"restored {', '.join(manifest['databases'])} from {src}")


main.add_command(cases_group)
main.add_command(attendance_group)
main.add_command(certificates_group)
main.add_command(reports_group)
main.add_command(k8s_group)
main.add_command(grade_group)
