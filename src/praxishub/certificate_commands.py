"""``praxishub certificates …`` and ``praxishub reports …``: issue and revoke CPD
certificates, make the funder report.

Rule: thin edges. Course files are read first (as root they belong to each course's
grader user), then the database is opened as the programme service, and files are
drawn and written last, as the one who runs the command. Exit 2 with the place and the
fix on input a person must correct.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

import click
from rich.console import Console
from rich.progress import Progress

from praxishub import atomic, certificate_pdf, courses, db, report_files, reports, workspace
from praxishub import certificate_store as store
from praxishub import certificates as core
from praxishub.errors import PraxisError, Problem
from praxishub.layout import Layout
from praxishub.options import SETTINGS_OPTION, fail
from praxishub.options import settings_or_fail as _settings
from praxishub.settings import Settings

LANGS = ("ru", "en")


def read_course(settings: Settings, course_id: str) -> tuple[dict, list[str]]:
    """A deployed course's course.yaml and case assignment ids."""
    course = courses.find(settings, course_id)
    path = course.directory / "course.yaml"
    if not path.exists():
        raise PraxisError(
            f"Course {course_id} is not deployed.",
            [Problem(str(path), "missing", f"praxishub courses deploy -c {settings.path}")],
        )
    spec = courses.load_course(path)
    # A case assignment counts once it is released: one only added to the course is not
    # anybody's yet.
    outbound = Layout(settings.data_dir).exchange_dir / course_id / "outbound"
    released = {p.name for p in outbound.iterdir() if p.is_dir()} if outbound.is_dir() else set()
    if settings["exchange"]["mode"] == "api":
        from praxishub import exchange_store

        with workspace.programme_db(settings) as engine, db.session_scope(engine) as session:
            released |= {i["name"] for i in exchange_store.listing(session, course_id, "outbound")}
    return spec, [
        str(a["id"]) for a in courses.case_assignments(course.directory) if str(a["id"]) in released
    ]


def read_courses(settings: Settings, only: str | None = None) -> dict[str, tuple[dict, list[str]]]:
    """Every deployed course of the programme (or the one named); undeployed ones are
    skipped with a warning unless named."""
    out = {}
    for course in courses.courses_of(settings):
        if only is not None and course.id != only:
            continue
        if only is None and not (course.directory / "course.yaml").exists():
            Console(stderr=True).print(f"warning: course {course.id} is not deployed; skipped")
            continue
        out[course.id] = read_course(settings, course.id)
    if only is not None and not out:
        courses.find(settings, only)  # raises, listing the courses there are
    return out


def _loopback_warning(settings: Settings) -> None:
    host = urlparse(core.verify_base(settings)).hostname or ""
    if not settings["certificates"]["verify_url"] and host in ("127.0.0.1", "localhost", "::1"):
        Console(stderr=True).print(
            f"warning: certificates print {core.verify_base(settings)}, which only this "
            f"machine can open; set certificates.verify_url in {settings.path} to the "
            "public address",
            highlight=False,
        )


@click.group("certificates")
def certificates_group() -> None:
    """CPD certificates: issue them to trainees who earned them, revoke them."""


@certificates_group.command("issue")
@click.option("--course", required=True, help="Course id (see courses: in the settings).")
@click.option("--trainee", default=None, help="Only this trainee (username).")
@click.option("--lang", type=click.Choice(LANGS), default=None, help="Language of the certificate.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("certificates"),
    show_default=True,
    help="Folder for the PDFs.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@SETTINGS_OPTION
def issue_cmd(
    course: str,
    trainee: str | None,
    lang: str | None,
    output: Path,
    as_json: bool,
    settings_path: Path,
) -> None:
    """Issue COURSE's certificate to every trainee who earned it (or to --trainee).

    Issuing again changes nothing while what is printed is unchanged; a changed
    certificate (more webinars, a corrected name) replaces the old one, which is revoked.
    """
    loaded = _settings(settings_path)
    languages = loaded["programme"]["languages"]
    lang = lang or next((x for x in languages if x in LANGS), "en")
    try:
        spec, cases = read_course(loaded, course)
        spec_course = core.course_from_spec(spec, cases)
        rules = core.rules_of(loaded)
        base = core.verify_base(loaded)
        with workspace.programme_db(loaded) as engine, db.session_scope(engine) as session:
            store.store_course(session, spec, cases)
            if trainee is not None and not store.trainees(session, [trainee]):
                raise PraxisError(
                    f"{trainee!r} is not an active trainee of this programme.",
                    [Problem("--trainee", trainee, "give the username of a trainee")],
                )
            issued, results = store.issue_course(
                session,
                spec_course,
                rules,
                loaded["programme"]["name"],
                lang,
                base,
                None if trainee is None else [trainee],
            )
    except PraxisError as exc:
        fail(exc)
    written = _draw(issued, output, quiet=as_json)
    not_eligible = [r for r in results if not r.eligible]
    if as_json:
        click.echo(
            json.dumps(
                {
                    "issued": [
                        {
                            "username": i.certificate.username,
                            "code": core.format_code(i.certificate.code),
                            "status": i.status,
                            "replaced": core.format_code(i.replaced) if i.replaced else None,
                            "hours": i.certificate.hours,
                            "pdf": str(path),
                        }
                        for i, path in zip(issued, written, strict=True)
                    ],
                    "not_eligible": [
                        {"username": r.username, "reasons": list(r.reasons)} for r in not_eligible
                    ],
                },
                ensure_ascii=False,
            )
        )
    else:
        for item, path in zip(issued, written, strict=True):
            cert = item.certificate
            note = f" (replaces {core.format_code(item.replaced)})" if item.replaced else ""
            click.echo(
                f"{item.status}: {cert.username} {core.format_code(cert.code)} "
                f"{cert.hours:g} h -> {path}{note}"
            )
        for r in not_eligible if trainee is not None or len(not_eligible) <= 20 else []:
            click.echo(f"not eligible: {r.username}: " + "; ".join(r.reasons))
        counts = {s: sum(i.status == s for i in issued) for s in (store.ISSUED, store.REISSUED)}
        click.echo(
            f"{course}: {counts['issued']} issued, {counts['reissued']} reissued, "
            f"{len(issued) - sum(counts.values())} unchanged, {len(not_eligible)} not eligible"
        )
    _loopback_warning(loaded)
    if trainee is not None and not issued:
        raise SystemExit(1)


def _draw(issued: list[store.Issued], output: Path, quiet: bool) -> list[Path]:
    paths = []
    with Progress(disable=quiet or len(issued) < 10, transient=True) as progress:
        task = progress.add_task("drawing certificates", total=len(issued))
        for item in issued:
            cert = item.certificate
            path = output / certificate_pdf.file_name(cert)
            try:
                paths.append(atomic.write_bytes(path, certificate_pdf.render(cert), 0o644))
            except PraxisError as exc:
                fail(exc)
            progress.advance(task)
    return paths


@certificates_group.command("revoke")
@click.argument("code")
@click.option("--reason", default="revoked", show_default=True, help="Why (kept with it).")
@SETTINGS_OPTION
def revoke_cmd(code: str, reason: str, settings_path: Path) -> None:
    """Revoke the certificate with CODE: its check then answers that it is revoked."""
    loaded = _settings(settings_path)
    try:
        with workspace.programme_db(loaded) as engine, db.session_scope(engine) as session:
            row = store.revoke(session, code, reason)
            shown = f"{core.format_code(row.code)} ({row.username}, {row.course})"
    except PraxisError as exc:
        fail(exc)
    click.echo(f"revoked: {shown}")


@click.group("reports")
def reports_group() -> None:
    """Reports for funders."""


@reports_group.command("funder")
@click.option("--from", "start", required=True, help="First day, YYYY-MM-DD.")
@click.option("--to", "end", required=True, help="Last day, YYYY-MM-DD (included).")
@click.option("--cohort", default=None, help="Only this cohort.")
@click.option("--lang", type=click.Choice(LANGS), default=None, help="Language of the headers.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="report.xlsx, report.pdf, report.json, or a folder for all formats and a CSV per table.",
)
@SETTINGS_OPTION
def funder_cmd(
    start: str, end: str, cohort: str | None, lang: str | None, output: Path, settings_path: Path
) -> None:
    """Webinars held, participants, completions and hours, by cohort and month."""
    loaded = _settings(settings_path)
    languages = loaded["programme"]["languages"]
    lang = lang or next((x for x in languages if x in LANGS), "en")
    try:
        period = reports.Period(reports.parse_day(start, "--from"), reports.parse_day(end, "--to"))
        found = read_courses(loaded)
        with workspace.programme_db(loaded) as engine, db.session_scope(engine) as session:
            for spec, cases in found.values():
                store.store_course(session, spec, cases)
            report = reports.funder_report(
                session,
                store.catalogue(session),
                core.rules_of(loaded),
                period,
                programme=loaded["programme"]["name"],
                cohort=cohort,
                lang=lang,
                now=datetime.now(UTC),
            )
        written = report_files.write(report, output)
    except PraxisError as exc:
        fail(exc)
    for path in written:
        click.echo(f"wrote {path}")


@reports_group.command("sync-courses")
@SETTINGS_OPTION
def sync_courses_cmd(settings_path: Path) -> None:
    """Give the programme service the webinars of every deployed course (the service may
    not read course folders; run after `praxishub courses deploy`)."""
    loaded = _settings(settings_path)
    try:
        found = read_courses(loaded)
        with workspace.programme_db(loaded) as engine, db.session_scope(engine) as session:
            for spec, cases in found.values():
                store.store_course(session, spec, cases)
    except PraxisError as exc:
        fail(exc)
    click.echo(f"course catalogue: {', '.join(found) or 'no deployed courses'}")
