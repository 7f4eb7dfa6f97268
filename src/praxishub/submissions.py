"""Checks of a submitted notebook before it is graded: pure functions on files.

Rule: a submission that cannot be graded fairly (not a notebook, an old
format, broken cell ids, enormous outputs) is not run at all; the trainee gets
a message naming the file, what is wrong and what to do.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

MAX_NOTEBOOK_BYTES = 20 * 1024**2


def problem(path: Path) -> str | None:
    """Why this notebook cannot be graded, or None if it can."""
    name = path.name
    size = path.stat().st_size
    if size > MAX_NOTEBOOK_BYTES:
        return (
            f"{name}: {size // 1024**2} MB is too large (at most {MAX_NOTEBOOK_BYTES // 1024**2} MB); "
            "clear the outputs (Edit → Clear Outputs of All Cells), save and submit again"
        )
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return f"{name}: not a notebook ({exc.__class__.__name__}); fetch the assignment again and copy your answers in"
    if not isinstance(raw, dict) or raw.get("nbformat") != 4:
        return f"{name}: notebook format {raw.get('nbformat') if isinstance(raw, dict) else '?'} is not 4; open and save it in JupyterLab, then submit again"
    ids = [c.get("id") for c in raw.get("cells", []) if isinstance(c, dict) and c.get("id")]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        return f"{name}: cells share the id {duplicates[0]!r}; delete the copied cell or fetch the assignment again"
    try:
        nbformat.validate(nbformat.from_dict(raw))
    except nbformat.ValidationError as exc:
        return f"{name}: not a valid notebook ({exc.message[:200]}); fetch the assignment again and copy your answers in"
    return None


def problems(folder: Path) -> list[str]:
    """Every problem of the notebooks in a submitted assignment folder."""
    return [p for nb in sorted(folder.glob("*.ipynb")) if (p := problem(nb))]
