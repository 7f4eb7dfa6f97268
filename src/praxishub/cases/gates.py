"""Which patterns can match a text at all, decided once per text by the scripts it holds.

Most of the layers' patterns are one language's: a Russian class ("в 9 «Б»"), a Czech date in
words, a Chinese kindergarten. A pattern whose every match needs a Cyrillic letter cannot match
a text without one, and scanning that text for it is wasted. ``required`` reads a compiled
pattern's parse tree and names the scripts every match must hold (a character of the script
consumed, or required by a lookahead or lookbehind); ``live`` then runs only the patterns whose
scripts are all in the text. A gate never changes what a pattern finds: where the parse tree
does not prove a script is needed (a negated class, ``\\w``, an optional part, a back
reference), no gate is set.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

# Each script: the code points that are in it, and a gate that finds such a character (compiled
# ignoring case, so it also finds every character a case-blind pattern folds into the script:
# "ſ" for "s", the rounded "ᲀ" for "в"). A digit's gate, ``\d``, finds every decimal digit,
# more than the ASCII ones a pattern's class is checked against.
_SCRIPTS: dict[str, tuple[tuple[tuple[int, int], ...], re.Pattern[str]]] = {
    "han": (((0x4E00, 0x9FFF),), re.compile(r"[\u4e00-\u9fff]")),
    "cyrillic": (((0x0400, 0x04FF),), re.compile(r"[\u0400-\u04ff]", re.IGNORECASE)),
    "latin": (((0x41, 0x5A), (0x61, 0x7A)), re.compile(r"[A-Za-z]", re.IGNORECASE)),
    "digit": (((0x30, 0x39),), re.compile(r"\d")),
}
_REPEATS = {c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT}


def _in(script: str, low: int, high: int | None = None) -> bool:
    """Are the code points low to high (or low alone) all in the script?"""
    high = low if high is None else high
    return any(a <= low and high <= b for a, b in _SCRIPTS[script][0])


def _set_in(items: list[tuple[object, object]], script: str) -> bool:
    """Is every character of a class ``[...]`` in the script?"""
    for op, arg in items:
        if op is c.LITERAL:
            if not _in(script, arg):  # type: ignore[arg-type]
                return False
        elif op is c.RANGE:
            if not _in(script, *arg):  # type: ignore[misc]
                return False
        elif op is c.CATEGORY:
            if not (script == "digit" and arg is c.CATEGORY_DIGIT):
                return False
        else:  # NEGATE, or anything else: not proven
            return False
    return True


def _needs(seq: Iterable[tuple[object, object]], script: str) -> bool:
    """Must every match of the parsed sequence hold a character of the script?"""
    return any(_item_needs(op, arg, script) for op, arg in seq)


def _item_needs(op: object, arg: object, script: str) -> bool:
    if op is c.LITERAL:
        return _in(script, arg)  # type: ignore[arg-type]
    if op is c.IN:
        return _set_in(arg, script)  # type: ignore[arg-type]
    if op is c.SUBPATTERN:
        return _needs(arg[-1], script)  # type: ignore[index]
    if op is c.ATOMIC_GROUP:
        return _needs(arg, script)  # type: ignore[arg-type]
    if op is c.BRANCH:
        return all(_needs(branch, script) for branch in arg[1])  # type: ignore[index]
    if op in _REPEATS:
        low, _high, body = arg  # type: ignore[misc]
        return low >= 1 and _needs(body, script)
    if op is c.ASSERT:  # what a lookaround requires is in the text too
        return _needs(arg[1], script)  # type: ignore[index]
    return False  # NOT_LITERAL, ANY, CATEGORY, ASSERT_NOT, AT, a back reference: not proven


@functools.cache
def required(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """The gates of the scripts that every match of pattern needs (none if unproven)."""
    tree = _parser.parse(pattern.pattern, pattern.flags)
    return tuple(gate for script, (_ranges, gate) in _SCRIPTS.items() if _needs(tree, script))


def live(patterns: Iterable[re.Pattern[str]], text: str) -> Iterator[re.Pattern[str]]:
    """The patterns that could match text: those whose required scripts it all holds."""
    present: dict[re.Pattern[str], bool] = {}
    for pattern in patterns:
        ok = True
        for gate in required(pattern):
            if gate not in present:
                present[gate] = gate.search(text) is not None
            if not present[gate]:
                ok = False
                break
        if ok:
            yield pattern
