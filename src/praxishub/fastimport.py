"""Entry points that start Jupyter's processes without a 0.8 CPU-second import.

jsonschema (imported by jupyter_events in every Jupyter server, and by nbformat in every
nbgrader command) imports ``rfc3987_syntax`` whenever it is installed, and that module
builds about 35 Lark parsers at import: 0.8 s of CPU per process on this machine, over a
quarter of what a person's server costs to start (bench/login_storm.py), spent on the
``iri`` and ``iri-reference`` formats, which no Jupyter, nbgrader or Praxis Hub schema
uses (upstream: python-jsonschema/jsonschema#1428). These entry points mark the module
absent before anything imports jsonschema; jsonschema then skips those two checks.
"""

from __future__ import annotations

import sys

SKIPPED = "rfc3987_syntax"


def skip_slow_imports() -> None:
    """Make ``import rfc3987_syntax`` fail at once (jsonschema expects it may)."""
    sys.modules.setdefault(SKIPPED, None)  # type: ignore[arg-type]


def singleuser() -> None:
    """``praxishub-singleuser``: jupyterhub-singleuser, started faster."""
    skip_slow_imports()
    from jupyterhub.singleuser import main

    sys.exit(main())


def nbgrader() -> None:
    """``praxishub-nbgrader``: nbgrader's command line, started faster."""
    skip_slow_imports()
    from nbgrader.apps.nbgraderapp import main

    sys.exit(main())
