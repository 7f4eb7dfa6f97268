"""Do Praxis Hub's processes start without jsonschema's slow optional import, and do the
format checks our schemas use still work?"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BIN = Path(sys.prefix) / "bin"

PROBE = """
import sys
import praxishub, jsonschema
assert sys.modules["rfc3987_syntax"] is None
checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
assert "date" in checker.checkers and "date-time" in checker.checkers
v = jsonschema.Draft202012Validator({"format": "date"}, format_checker=checker)
assert v.is_valid("2026-12-01") and not v.is_valid("2026-13-01")
print("ok")
"""


def test_importing_praxishub_skips_the_slow_module_and_keeps_date_checks():
    """After ``import praxishub``, is rfc3987_syntax skipped while date formats still check?"""
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr


def test_the_entry_points_run_jupyter_and_nbgrader():
    """Do praxishub-singleuser and praxishub-nbgrader start the real programs?"""
    nbgrader = subprocess.run(
        [BIN / "praxishub-nbgrader", "--version"], capture_output=True, text=True, timeout=120
    )
    assert nbgrader.returncode == 0 and "nbgrader version" in nbgrader.stdout
    server = subprocess.run(
        [BIN / "praxishub-singleuser", "--help-all"], capture_output=True, text=True, timeout=120
    )
    assert server.returncode == 0 and "--ServerApp.root_dir" in server.stdout


def test_the_hub_starts_servers_and_course_services_with_them():
    """Are people's servers and each course's grading service started through
    praxishub-singleuser?"""
    from test_hub_config import COURSES, make

    c = make(COURSES)
    assert c.Spawner.cmd == ["/opt/venv/bin/praxishub-singleuser"]
    grader = next(s for s in c.JupyterHub.services if s["name"] == "grader-pfa")
    assert grader["command"][0] == "/opt/venv/bin/praxishub-singleuser"
