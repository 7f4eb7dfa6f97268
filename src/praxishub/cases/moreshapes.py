"""Round 10b's layers in one call: chat lines, game tags, classes, schools, postcodes, ages
and address parts, found by shape (each module's docstring states its rule and limits).

Why one call: the engine's layer list is shared by several rounds of work; one entry keeps
it stable. Address parts run last, over everything found so far, so that an address found
by any layer (or by the finders here) is grown over its unit parts.
"""

from __future__ import annotations

from praxishub.cases import (
    addresstails,
    agewords,
    chatlines,
    classforms,
    gametags,
    postcodes,
    schoolforms,
)
from praxishub.cases.spans import Span


def find(text: str, language: str, found: list[Span]) -> list[Span]:
    """This round's spans in text, given what the other layers found."""
    spans = chatlines.find(text, language)
    for layer in (gametags, classforms, schoolforms, postcodes, agewords, addresstails):
        spans.extend(layer.find(text))
    spans.extend(addresstails.grown(text, found + spans))
    return spans
