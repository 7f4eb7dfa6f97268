"""What the de-identification engine masks in a short text: the probes the rule tests share."""

from __future__ import annotations

from praxishub.cases.engine import Deidentifier


def masked(text: str, language: str) -> list[tuple[int, int]]:
    """The masked spans' offsets, with the language given (no detection)."""
    tool = Deidentifier(language=language)
    return [(s.start, s.end) for s in tool.spans(text, language)]


def covered(text: str, language: str, part: str) -> bool:
    """Is every occurrence of part wholly inside a masked span?"""
    spans = masked(text, language)
    places = [i for i in range(len(text)) if text.startswith(part, i)]
    assert places, part
    return all(any(a <= at and at + len(part) <= b for a, b in spans) for at in places)


def touched(text: str, language: str, part: str) -> bool:
    """Does any masked span touch the first occurrence of part?"""
    at = text.index(part)
    return any(a < at + len(part) and at < b for a, b in masked(text, language))
