"""Command-line options shared by every ``praxishub`` command group."""

from __future__ import annotations

from pathlib import Path

import click

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
