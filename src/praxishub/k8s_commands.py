"""``praxishub k8s …``: write what a Kubernetes deployment needs from praxishub.yaml.

Rule: thin edges over ``praxishub.k8s``: read and validate the settings, write YAML to
a file or standard output, and exit 2 naming the key and the fix when the settings
cannot be deployed. Nothing here talks to a cluster.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import yaml

from praxishub import k8s, k8s_manifests
from praxishub.errors import PraxisError
from praxishub.options import SETTINGS_OPTION, fail
from praxishub.options import settings_or_fail as _load

OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (default: standard output).",
)


class _Dumper(yaml.SafeDumper):
    """Multi-line strings (the hub's extraConfig) as literal blocks, and no anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def to_yaml(documents: list[Any], header: str) -> str:
    """One or more YAML documents, after a comment saying where they come from."""
    body = yaml.dump_all(documents, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return "".join(f"# {line}\n" for line in header.splitlines()) + body


def _write(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


@click.group("k8s")
def k8s_group() -> None:
    """Kubernetes: the Zero to JupyterHub values and Praxis Hub's own manifests."""


@k8s_group.command("values")
@SETTINGS_OPTION
@OUTPUT_OPTION
def values_cmd(settings_path: Path, output: Path | None) -> None:
    """The chart's values.yaml: images, profiles per role, database, culler, services."""
    loaded = _load(settings_path)
    try:
        values = k8s.values(loaded)
    except PraxisError as exc:
        fail(exc)
    for note in k8s.not_deployed(loaded):
        click.echo(f"note: {note}", err=True)
    header = (
        f"Zero to JupyterHub values, written by `praxishub k8s values` from {settings_path.name}.\n"
        "Write them again after changing the settings rather than editing them here.\n"
        "helm upgrade --install praxis jupyterhub/jupyterhub -f THIS_FILE (docs/kubernetes.md)"
    )
    _write(to_yaml([values], header), output)


@k8s_group.command("manifests")
@SETTINGS_OPTION
@OUTPUT_OPTION
def manifests_cmd(settings_path: Path, output: Path | None) -> None:
    """The programme service and the dashboards: Deployments, Services, NetworkPolicies."""
    loaded = _load(settings_path)
    header = (
        f"Praxis Hub's own objects, written by `praxishub k8s manifests` from {settings_path.name}.\n"
        "kubectl apply -f THIS_FILE, in the chart's namespace (docs/kubernetes.md)"
    )
    _write(to_yaml(k8s_manifests.manifests(loaded), header), output)
