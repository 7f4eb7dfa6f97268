"""``praxishub cases …``: de-identify, submit, review, publish, check and assign cases.

Rule: thin edges over ``praxishub.cases``; exit 2 with the place and the fix on input
a person must correct, 1 on anything else, 0 on success.
"""

from __future__ import annotations

import contextlib
import pwd
from collections.abc import Iterator
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from praxishub.cases import browse, files, library
from praxishub.cases import check as check_mod
from praxishub.cases.languages import LANGUAGES
from praxishub.errors import PraxisError
from praxishub.options import SETTINGS_OPTION, fail
from praxishub.settings import Settings, load_settings


@click.group("cases")
def cases_group() -> None:
    """The case library: de-identify, review, publish, check and assign cases."""


@cases_group.command("deidentify")
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="Where the de-identified copy goes.",
)
@click.option(
    "--lang", "language", type=click.Choice(["auto", *LANGUAGES]), default="auto", show_default=True
)
@click.option(
    "--names",
    "names_file",
    type=click.Path(path_type=Path),
    help="Intake names: intake.yaml, or one name a line.",
)
@click.option("--surrogates", is_flag=True, help="Readable made-up names instead of tags.")
@click.option(
    "--report",
    type=click.Path(path_type=Path),
    help="JSON list of every replaced span (holds the originals: keep it private).",
)
@click.option(
    "--max-mb",
    type=click.FloatRange(0.1, 200),
    default=files.MAX_BYTES / 1024 / 1024,
    show_default=True,
)
def deidentify(
    source: Path,
    output: Path,
    language: str,
    names_file: Path | None,
    surrogates: bool,
    report: Path | None,
    max_mb: float,
) -> None:
    """Write a de-identified copy of SOURCE (.txt, .md or .ipynb) to OUTPUT."""
    if output.suffix.lower() != source.suffix.lower():
        fail(PraxisError(f"{output}: give the output the same type as the input ({source.suffix})"))
    if output.resolve() == source.resolve():
        fail(PraxisError(f"{output}: is the input; write the de-identified copy to another file"))
    try:
        names, short = files.read_names(names_file) if names_file else ([], [])
        result = files.deidentify_file(
            source, language, names, short, surrogates, max_bytes=int(max_mb * 1024 * 1024)
        )
        files.write_result(result, output, report, source)
    except PraxisError as exc:
        fail(exc)
    counts: dict[str, int] = {}
    for item in result.report:
        counts[item["type"]] = counts.get(item["type"], 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "nothing found"
    click.echo(f"{output}: {len(result.report)} replaced ({summary}); language {result.language}")


# --- the review workflow (submit → review → publish), the library check ------------------

LIBRARY_OPTION = click.option(
    "--library",
    "library_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("case_library"),
    show_default=True,
    help="The case library folder (holds cases/<case_id>/).",
)


@contextlib.contextmanager
def _store(settings_path: Path) -> Iterator[library.Store]:
    """The case store under the data dir; left owned by the programme service afterwards."""
    from praxishub import workspace

    try:
        settings = load_settings(settings_path)
    except PraxisError as exc:
        fail(exc)
        raise
    layout = workspace.ensure_layout(settings)
    store = library.Store(layout.cases_store)
    try:
        yield store
    finally:
        give_to_service(store.root, settings)


@cases_group.command("submit")
@click.argument("raw", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--meta",
    "meta_path",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The contributor's intake.yaml (metadata and names).",
)
@click.option(
    "--id", "case_id", default=None, help="The case id (default: from the file or folder name)."
)
@click.option("--replace", is_flag=True, help="Submit again a case already in the queue.")
@SETTINGS_OPTION
def submit(
    raw: Path, meta_path: Path, case_id: str | None, replace: bool, settings_path: Path
) -> None:
    """De-identify RAW (.md, .txt or .ipynb) into the review queue."""
    with _store(settings_path) as store:
        try:
            case_id = library.submit(store, raw, meta_path, case_id, replace=replace)
            meta, nb = library.load_draft(store, case_id)
        except PraxisError as exc:
            fail(exc)
        items = library.leftovers(nb, meta["review"].get("kept", []))
    click.echo(
        f"{case_id}: in the review queue ({sum(meta['deidentified'].values())} replaced, {len(items)} leftover(s) to resolve)"
    )


@cases_group.command("queue")
@SETTINGS_OPTION
def queue(settings_path: Path) -> None:
    """List the cases waiting for review."""
    with _store(settings_path) as store:
        rows = store.queue()
    table = Table("case", "title", "status", "leftovers")
    for row in rows:
        table.add_row(row["id"], row["title"], row["status"], str(row["leftovers"]))
    Console().print(table)


@cases_group.command("review")
@click.argument("case_id")
@click.option("--reviewer", required=True, help="The reviewer's username.")
@click.option("--keep", multiple=True, help="A leftover word that identifies nobody (repeatable).")
@click.option("--approve", "decision", flag_value="approve", help="Approve for publishing.")
@click.option("--reject", "decision", flag_value="reject", help="Send it back.")
@click.option("--reason", default="", help="Why it is rejected.")
@SETTINGS_OPTION
def review_cmd(
    case_id: str,
    reviewer: str,
    keep: tuple[str, ...],
    decision: str | None,
    reason: str,
    settings_path: Path,
) -> None:
    """Show a draft's leftovers; keep words, approve or reject it."""
    with _store(settings_path) as store:
        try:
            meta = library.review(store, case_id, reviewer, decision or "", list(keep), reason)
            _, nb = library.load_draft(store, case_id)
        except PraxisError as exc:
            fail(exc)
    for item in library.leftovers(nb, meta["review"]["kept"]):
        click.echo(f"  leftover {item.where} @{item.start}: {item.text!r} ({item.reason})")
    click.echo(f"{case_id}: {meta['review']['status']}")


@cases_group.command("publish")
@click.argument("case_id")
@LIBRARY_OPTION
@SETTINGS_OPTION
def publish(case_id: str, library_dir: Path, settings_path: Path) -> None:
    """Publish an approved case into the library (refused while leftovers are open)."""
    with _store(settings_path) as store:
        try:
            target = library.publish(store, case_id, library_dir)
        except PraxisError as exc:
            fail(exc)
    click.echo(f"{case_id}: published to {target}")


@cases_group.command("check")
@LIBRARY_OPTION
@click.option(
    "--deny-list",
    type=click.Path(path_type=Path, dir_okay=False),
    envvar="PRAXISHUB_DENY_LIST",
    help="Names that must never appear (kept outside git).",
)
def check_cmd(library_dir: Path, deny_list: Path | None) -> None:
    """Scan the whole library; exit 2 on any leftover, deny-listed name or invalid case."""
    if not (library_dir / "cases").is_dir():
        fail(
            PraxisError(
                f"{library_dir}: no cases/ folder here; give --library the case library folder"
            )
        )
    problems = check_mod.check(library_dir, library.read_deny_list(deny_list), progress=True)
    count = len(check_mod.case_dirs(library_dir))
    if problems:
        fail(PraxisError(f"{library_dir}: {len(problems)} problem(s) in {count} case(s)", problems))
    click.echo(f"{library_dir}: {count} case(s), clean")


@cases_group.command("expire")
@LIBRARY_OPTION
def expire_cmd(library_dir: Path) -> None:
    """Remove cases whose retention date has passed (one log line each)."""
    for case_id in check_mod.expire(library_dir):
        click.echo(f"{case_id}: retention date passed, removed from {library_dir}")


def repo_library() -> Path:
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        if (base / "case_library" / "cases").is_dir():
            return base / "case_library"
    return Path("case_library")


@cases_group.command("deploy")
@click.option(
    "--library",
    "library_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The library to serve (default: the repo's case_library/).",
)
@SETTINGS_OPTION
def deploy_cmd(library_dir: Path | None, settings_path: Path) -> None:
    """Check a library and copy its cases into the one the programme service serves."""
    source = library_dir or repo_library()
    with _store(settings_path) as store:
        served = store.root.parent / "library"  # Layout.library_dir
        try:
            done = browse.deploy(source, served, library.read_deny_list(store.deny_list))
        except PraxisError as exc:
            fail(exc)
    give_to_service(served, load_settings(settings_path))
    click.echo(f"deployed {len(done)} case(s) from {source}")


def give_to_service(path: Path, settings: Settings) -> None:
    """Make path the programme service's (when root), as everything under praxis/ is."""
    from praxishub import unixusers, workspace

    if workspace.is_root() and path.exists():
        owner = pwd.getpwnam(settings["service"]["unix_user"])
        unixusers.chown_tree(path, owner.pw_uid, owner.pw_gid)


@cases_group.command("assign")
@click.argument("case_id")
@click.option("--course", "course_id", required=True, help="The course that gets the assignment.")
@LIBRARY_OPTION
@SETTINGS_OPTION
def assign_cmd(case_id: str, course_id: str, library_dir: Path, settings_path: Path) -> None:
    """Make the published case CASE_ID a case-analysis assignment of a deployed course."""
    from praxishub.cases.assign import assign

    try:
        name = assign(load_settings(settings_path), case_id, course_id, library_dir)
    except PraxisError as exc:
        fail(exc)
    click.echo(
        f"{course_id}/{name}: ready; release it with: praxishub courses release {course_id} {name}"
    )
