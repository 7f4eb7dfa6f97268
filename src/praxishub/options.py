"""Command-line options and the error exit shared by every ``praxishub`` command group."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.markup import escape

from praxishub.errors import PraxisError

if TYPE_CHECKING:
    from praxishub.settings import Settings

console = Console(stderr=True)


def fail(error: Exception, code: int = 2) -> None:
    """Print a person-actionable error and exit (2: input to fix; 1: anything else)."""
    # Escaped: a file name or value such as "roster [final].csv" is text, not rich markup.
    console.print(
        f"[bold red]error:[/] {escape(str(error))}", highlight=False, markup=True, soft_wrap=True
    )
    sys.exit(code)


SETTINGS_OPTION = click.option(
    "-c",
    "--settings",
    "settings_path",
    type=click.Path(path_type=Path),
    default=Path("praxishub.yaml"),
    show_default=True,
    envvar="PRAXISHUB_SETTINGS",
    help="The programme's settings file.",
)


def settings_or_fail(path: Path) -> Settings:
    """The settings file, loaded and checked, or the error printed and exit 2."""
    from praxishub.settings import load_settings

    try:
        return load_settings(path)
    except PraxisError as exc:
        fail(exc)
        raise  # unreachable
