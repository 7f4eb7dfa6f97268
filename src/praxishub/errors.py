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
