"""``praxishub attendance …``: import webinar attendance reports and resolve who is who.

Rule: thin edges over ``praxishub.attendance`` (reading), ``attendance_match``
(matching) and ``attendance_store`` (the database); exit 2 with the place and the
fix on input a person must correct, 0 on success. ``--json`` prints exactly one
JSON object on standard output and nothing else there.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from praxishub import attendance, db, workspace
from praxishub import attendance_store as store
from praxishub.attendance_match import Participant, is_present, summary
from praxishub.errors import PraxisError
from praxishub.options import SETTINGS_OPTION, fail
from praxishub.options import settings_or_fail as _settings

COURSE_OPTION = click.option(
    "--course", required=True, help="Course id (see courses: in the settings)."
)
WEBINAR_OPTION = click.option(
    "--webinar", required=True, help="Webinar id in the course's course.yaml."
)


def resolve_hint(course: str, webinar: str, name: str) -> str:
    return (
        f"praxishub attendance resolve --course {course} --webinar {webinar} "
        f"--name {shlex.quote(name)} --username USERNAME"
    )


@click.group("attendance")
def attendance_group() -> None:
    """Webinar attendance: import Zoom, Teams or table reports; resolve unmatched people."""


@attendance_group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@COURSE_OPTION
@WEBINAR_OPTION
@click.option("--dry-run", is_flag=True, help="Read and match only; change nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
@SETTINGS_OPTION
def import_cmd(
    file: Path, course: str, webinar: str, dry_run: bool, as_json: bool, settings_path: Path
) -> None:
    """Import FILE, an attendance report of WEBINAR of COURSE (the format is detected)."""
    loaded = _settings(settings_path)
    try:
        threshold = store.threshold_of(loaded, store.webinar_of(loaded, course, webinar))
        report = attendance.read_report(file)
        with workspace.programme_db(loaded) as engine, db.session_scope(engine) as session:
            result = store.import_report(
                session, course, webinar, report, threshold, dry_run=dry_run
            )
    except PraxisError as exc:
        fail(exc)
    if as_json:
        click.echo(
            json.dumps(summary(result.participants, threshold, report.format), ensure_ascii=False)
        )
    else:
        _print_import(result, course, webinar, dry_run)


def _who(name: str, email: str) -> str:
    return f"{name} <{email}>" if email else name


def _print_import(result: store.ImportResult, course: str, webinar: str, dry_run: bool) -> None:
    threshold = result.threshold
    table = Table(title=escape(f"{result.report.source} ({result.report.format})"))
    for column in ("name", "e-mail", "minutes", "account", "present", "lines"):
        table.add_column(column)
    for p in result.participants:
        table.add_row(
            escape(p.name),
            escape(p.email),
            str(p.minutes),
            escape(p.username) if p.username else f"[red]unmatched[/] ({escape(p.matched_by)})",
            "yes" if is_present(p.minutes, threshold) else "no",
            ", ".join(map(str, sorted(p.lines))),
        )
    Console(highlight=False).print(table)
    counts = summary(result.participants, threshold, result.report.format)
    click.echo(
        f"{len(result.participants)} participants: {counts['matched']} matched, "
        f"{counts['unmatched']} unmatched, {counts['present']} present "
        f"(from {threshold:g} minutes)"
    )
    if result.already_imported_at is not None:
        click.echo(
            f"already imported on {result.already_imported_at:%Y-%m-%d %H:%M} UTC: nothing changed"
        )
    elif dry_run:
        click.echo("dry run: nothing changed")
    else:
        click.echo(
            f"{course} {webinar}: {len(result.created)} created, {len(result.updated)} updated, "
            f"{len(result.unchanged)} unchanged"
        )
    _print_unmatched(result.participants, course, webinar)


def _print_unmatched(participants: list[Participant], course: str, webinar: str) -> None:
    for p in participants:
        if p.username is None:
            click.echo(f"unmatched: {_who(p.name, p.email)}: {p.minutes} min ({p.matched_by})")
            click.echo(f"    fix: {resolve_hint(course, webinar, p.name)}")


@attendance_group.command("unmatched")
@COURSE_OPTION
@WEBINAR_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@SETTINGS_OPTION
def unmatched_cmd(course: str, webinar: str, as_json: bool, settings_path: Path) -> None:
    """List the participants of WEBINAR's reports that match no account (or several)."""
    loaded = _settings(settings_path)
    try:
        store.webinar_of(loaded, course, webinar)
    except PraxisError as exc:
        fail(exc)
    with workspace.programme_db(loaded) as engine, db.session_scope(engine) as session:
        rows = [
            {
                "name": r.name,
                "email": r.email,
                "minutes": r.minutes,
                "reason": r.reason,
                "lines": r.lines,
            }
            for r in store.unresolved(session, course, webinar)
        ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    if not rows:
        click.echo(f"{course} {webinar}: nothing to resolve")
        return
    click.echo(f"{course} {webinar}: {len(rows)} participant(s) to resolve")
    for r in rows:
        lines = ", ".join(map(str, r["lines"]))
        who = _who(str(r["name"]), str(r["email"]))
        click.echo(f"- {who}: {r['minutes']} min, lines {lines} ({r['reason']})")
        click.echo(f"    fix: {resolve_hint(course, webinar, r['name'])}")


@attendance_group.command("resolve")
@COURSE_OPTION
@WEBINAR_OPTION
@click.option("--name", required=True, help="The participant's name as listed by `unmatched`.")
@click.option("--username", required=True, help="The person they are.")
@click.option("--email", default=None, help="Their e-mail as listed, if two share the name.")
@SETTINGS_OPTION
def resolve_cmd(
    course: str, webinar: str, name: str, username: str, email: str | None, settings_path: Path
) -> None:
    """Count an unmatched participant of WEBINAR as USERNAME."""
    loaded = _settings(settings_path)
    try:
        store.webinar_of(loaded, course, webinar)
        with workspace.programme_db(loaded) as engine, db.session_scope(engine) as session:
            row = store.resolve(session, course, webinar, name, username, email)
            minutes, present = row.minutes, row.present
    except PraxisError as exc:
        fail(exc)
    click.echo(
        f"{name} -> {username}: {minutes} min in {course} {webinar}, "
        + ("present" if present else "not present")
    )
