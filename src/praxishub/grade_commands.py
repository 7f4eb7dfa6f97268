"""`praxishub grade`: autograde an assignment at once on Dask, and make a grading machine's
sandbox pool (docs/dask-grading.md)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from praxishub.errors import PraxisError, Problem
from praxishub.layout import Layout
from praxishub.options import SETTINGS_OPTION, fail, settings_or_fail


@click.group("grade")
def grade_group() -> None:
    """Grade submissions in bulk."""


@grade_group.command("prepare-worker")
@click.argument("course")
@click.option("--slots", type=click.IntRange(1, 64), default=2, show_default=True)
@SETTINGS_OPTION
def grade_prepare_worker(course: str, slots: int, settings_path: Path) -> None:
    """Make COURSE's sandbox pool on this machine (as root), so that the Dask workers
    here can grade its submissions (`grade autograde --scheduler`; docs/dask-grading.md)."""
    from praxishub import courses

    if os.geteuid() != 0:
        fail(
            PraxisError(
                "Sandbox slots are Unix users: only root can make them.",
                [Problem("praxishub grade prepare-worker", "not root", "run it as root")],
            )
        )
    loaded = settings_or_fail(settings_path)
    try:
        found = courses.find(loaded, course)
    except PraxisError as exc:
        fail(exc)
    folders = courses.ensure_sandbox_pool(Layout(loaded.data_dir), found.id, slots)
    click.echo(f"{len(folders)} sandbox slot(s) of {found.id} ready in {folders[0].parent}")


@grade_group.command("autograde")
@click.argument("course")
@click.argument("assignment")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True)
@click.option("--scheduler", default=None, help="Address of a running Dask scheduler.")
@click.option("--no-collect", is_flag=True, help="Grade what is collected already.")
@SETTINGS_OPTION
def grade_autograde(
    course: str,
    assignment: str,
    workers: int,
    scheduler: str | None,
    no_collect: bool,
    settings_path: Path,
) -> None:
    """Autograde every submission of ASSIGNMENT of COURSE at once, on Dask."""
    from rich.progress import Progress

    from praxishub import grading

    loaded = settings_or_fail(settings_path)
    with Progress() as bar:
        task = bar.add_task(f"autograding {course}/{assignment}", total=None)
        try:
            outcome = grading.autograde_assignment(
                loaded,
                course,
                assignment,
                workers,
                scheduler,
                collect=not no_collect,
                on_start=lambda n: bar.update(task, total=n),
                on_done=lambda _: bar.advance(task),
            )
        except PraxisError as exc:
            fail(exc)
    click.echo(
        f"graded {outcome['graded']}, not graded {outcome['not_graded']}, "
        f"refused {outcome['refused']}"
    )
    if outcome["unknown"]:
        click.echo("not in the roster (gradebook only): " + ", ".join(outcome["unknown"]))
