"""Cases as notebooks: a notebook built from a Markdown case, and the texts a reader sees.

Rule: a Markdown case becomes one Markdown cell for its title and one per ``## ``
section, with stable cell ids; everything a reader can see in a notebook (cell
sources, outputs, metadata) is listed with where it is, for the leftover scan.
"""

from __future__ import annotations

import json
from typing import Any

from praxishub.cases import files


def markdown_notebook(text: str) -> dict[str, Any]:
    """A notebook of Markdown cells: the title, then one cell per ``## `` section."""
    import nbformat

    chunks: list[str] = []
    for line in text.splitlines(keepends=True):
        if (line.startswith("## ") or (line.startswith("# ") and not chunks)) or not chunks:
            chunks.append(line)
        else:
            chunks[-1] += line
    cells = [nbformat.v4.new_markdown_cell(c.strip("\n")) for c in chunks if c.strip()]
    nb = nbformat.v4.new_notebook(cells=cells)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"case-{i:02d}"
    return json.loads(nbformat.writes(nb))


def notebook_texts(nb: dict[str, Any]) -> list[tuple[str, str]]:
    """(where, text) of everything a reader can see in a notebook."""
    out = []
    for i, cell in enumerate(nb.get("cells", [])):
        out.append((f"cells[{i}]", files.engine._source(cell)))
        for j, output in enumerate(cell.get("outputs", []) or []):
            out.append((f"cells[{i}].outputs[{j}]", json.dumps(output, ensure_ascii=False)))
    out.append(("metadata", json.dumps(nb.get("metadata", {}), ensure_ascii=False)))
    return out
