"""Reading case files and writing de-identified ones: the edge around the engine.

Rule: every input is checked before anything is written (type, size, JSON, notebook
shape, encoding), errors name the file, the line or field and the fix, and every
output is written atomically (a temporary file renamed into place), so a failure
leaves the old file or nothing, never half of a file. Reports hold the originals,
so they are written readable by their owner only.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from praxishub.cases import engine
from praxishub.errors import PraxisError, Problem, yaml_problem

MAX_BYTES = 5 * 1024 * 1024
SUFFIXES = (".txt", ".md", ".ipynb")


class CaseFileError(PraxisError):
    """A case file cannot be de-identified as it is."""


def _fail(path: Path, message: str, fix: str) -> CaseFileError:
    return CaseFileError(f"{path}: cannot de-identify", [Problem(str(path), message, fix)])


def read_case(path: Path, max_bytes: int = MAX_BYTES) -> tuple[str, Any]:
    """("text", str) or ("notebook", dict) from a .txt, .md or .ipynb file, or a clear error."""
    if path.suffix.lower() not in SUFFIXES:
        raise _fail(
            path,
            f"unsupported file type {path.suffix or '(none)'!r}",
            "give a .txt, .md or .ipynb file",
        )
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise _fail(path, "no such file", "check the path") from None
    if size > max_bytes:
        raise _fail(
            path,
            f"{size / 1024 / 1024:.1f} MB is more than the {max_bytes / 1024 / 1024:.0f} MB a case may have",
            "case notes are text: clear the outputs and images (jupyter nbconvert --clear-output "
            "--inplace FILE) or split the case; --max-mb raises the limit",
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _fail(
            path,
            f"line {line}: not UTF-8 text",
            "save the file as UTF-8 (e.g. iconv -f cp1251 -t utf-8)",
        ) from None
    if path.suffix.lower() != ".ipynb":
        return "text", text
    try:
        nb = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(
            path,
            f"line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})",
            "open and re-save it in Jupyter, or give the case as .md",
        ) from None
    if isinstance(nb, dict) and isinstance(nb.get("nbformat"), int) and nb["nbformat"] < 4:
        raise _fail(
            path,
            f"notebook format {nb['nbformat']} is too old",
            "open it in JupyterLab and save it (it is converted to format 4), or give the case as .md",
        )
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise _fail(
            path,
            "JSON without a 'cells' list is not a notebook",
            "give a Jupyter notebook (.ipynb)",
        )
    for i, cell in enumerate(nb["cells"]):
        if not isinstance(cell, dict) or "source" not in cell:
            raise _fail(path, f"cells[{i}] has no 'source'", "re-save the notebook in Jupyter")
    return "notebook", nb


def notebook_text(nb: dict[str, Any]) -> str:
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def write_atomic(path: Path, text: str, mode: int = 0o644) -> None:
    """Write text to path via a temporary file in the same folder, then rename it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_names(path: Path) -> tuple[list[str], list[str]]:
    """Intake names from a YAML intake record (``names:``) or a text file, one name a line."""
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read names ({exc})", "give a UTF-8 file of names") from None
    if path.suffix.lower() in (".yaml", ".yml"):
        from praxishub.cases.intake import names_of

        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            problem = yaml_problem(path, exc, text)
            raise CaseFileError(f"{path}: not valid YAML", [problem]) from None
        if not isinstance(data, dict):
            raise _fail(path, "expected a mapping with 'names:'", "see case_library/README.md")
        return names_of(data)
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")], []


@dataclass
class Result:
    output: str
    report: list[dict[str, Any]]
    language: str


def deidentify_file(
    source: Path,
    language: str = "auto",
    names: list[str] | None = None,
    diminutives: list[str] | None = None,
    surrogates: bool = False,
    max_bytes: int = MAX_BYTES,
) -> Result:
    """The de-identified content of source (not written anywhere yet)."""
    kind, content = read_case(source, max_bytes)
    tool = engine.Deidentifier(
        language=language, names=names or [], diminutives=diminutives or [], surrogates=surrogates
    )
    if kind == "notebook":
        output = notebook_text(tool.notebook(content))
    else:
        output = tool.text(content, where="text")
    return Result(output, tool.report(), tool._case_language or language)


def write_result(result: Result, output: Path, report: Path | None, source: Path) -> None:
    """Write the output (and the private report) only once both are ready."""
    report_text = None
    if report is not None:
        report_text = json.dumps(
            {"source": str(source), "language": result.language, "replacements": result.report},
            ensure_ascii=False,
            indent=1,
        )
    write_atomic(output, result.output)
    if report is not None and report_text is not None:
        write_atomic(report, report_text, mode=0o600)
