"""Errors a person can act on.

Rule: every error that reaches a user names *where* (file, line or key path),
*what* (the bad value) and *the fix*. The CLI prints ``str(error)`` and exits 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Problem:
    """One thing wrong with an input: where, what, and how to fix it."""

    where: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}"
        if self.fix:
            text += f"\n    fix: {self.fix}"
        return text


@dataclass
class PraxisError(Exception):
    """A user-facing error carrying one or more problems."""

    summary: str
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.summary)

    def __str__(self) -> str:
        lines = [self.summary]
        lines.extend(f"  - {p}" for p in self.problems)
        return "\n".join(lines)


class SettingsError(PraxisError):
    """praxishub.yaml is missing, unreadable or invalid."""


class RosterError(PraxisError):
    """A roster file (CSV/XLSX) cannot be imported."""


def yaml_problem(path: object, exc: Exception, text: str = "") -> Problem:
    """A YAML syntax error as a Problem naming the line, with a fix a person can apply."""
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    position = getattr(exc, "position", None)  # a reader error: a character YAML refuses
    if line is None and isinstance(position, int) and text:
        line = text[:position].count("\n") + 1
    message = str(getattr(exc, "problem", None) or exc).splitlines()[0]
    if "'\\t'" in message:
        fix = "indent with spaces, not tabs"
    elif position is not None and mark is None:
        fix = "remove that character: save the file as plain UTF-8 text"
    else:
        fix = "fix the YAML syntax at that line"
    return Problem(f"{path}, line {line}" if line else str(path), message, fix)


def not_utf8_problem(path: object, data: bytes, exc: UnicodeDecodeError) -> Problem:
    """A file that is not UTF-8 as a Problem naming the line of the first bad byte."""
    line = data[: exc.start].count(b"\n") + 1
    kind = "UTF-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "not UTF-8"
    return Problem(f"{path}, line {line}", f"{kind} text", "save the file as UTF-8")
