"""The script gates: a pattern is skipped on a text only where it cannot match it.

``gates.required`` reads a pattern's parse tree; these tests try to make it claim a script a
match does not need (an optional part, an alternative in another script, a negated class, a
negative lookahead), check case-blind patterns against the characters they fold, and run every
gated pattern of the engine over texts without its script, where it must find nothing.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import praxishub.cases as cases_pkg
from praxishub.cases import evaluate, gates

DEID = Path(__file__).resolve().parents[1] / "fixtures" / "deid"


def _scripts(pattern: str, flags: int = 0) -> set[str]:
    found = gates.required(re.compile(pattern, flags))
    return {name for name, (_m, gate) in gates._SCRIPTS.items() if gate in found}


@pytest.mark.parametrize(
    ("pattern", "scripts"),
    [
        (r"школ[аы]\s+№\s*\d+", {"cyrillic", "digit"}),
        (r"(?P<v>[\u4e00-\u9fff]{2}[一二三]幼)", {"han"}),
        (r"ul\.\s+\w+", {"latin"}),
        (r"(?<=\bв\s)(?P<v>ниш|НИШ)", {"cyrillic"}),  # a lookbehind's letter is in the text too
        (r"(?=.*号)\d+", {"han", "digit"}),
        # nothing proven: optional, either script, negated, excluded, any character
        (r"(?:школа)?\d{0,3}", set()),
        (r"школа|school", set()),
        (r"[^a-z]+", set()),
        (r"(?!школа)\w+", set()),
        (r".+", set()),
        (r"[a-zа-я]+", set()),
        (r"(a)?\1", set()),
        # a range whose ends are in a script but whose middle is not
        (r"[A-z]+", set()),
        ("[0-\u0669]+", set()),
    ],
)
def test_required_names_only_what_every_match_needs(pattern: str, scripts: set[str]) -> None:
    assert _scripts(pattern) == scripts


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("(?i)s", "\u017f"),  # a long s, which a case-blind "s" matches
        ("(?i)k", "\u212a"),  # the Kelvin sign
        ("(?i)в", "\u1c80"),  # a rounded Cyrillic ve, outside the Cyrillic block
    ],
)
def test_a_case_blind_pattern_runs_on_the_characters_it_folds(pattern: str, text: str) -> None:
    compiled = re.compile(pattern)
    assert compiled.search(text)
    assert list(gates.live([compiled], text)) == [compiled]


def test_live_skips_only_what_cannot_match() -> None:
    russian = re.compile(r"школ[аы]")
    chinese = re.compile(r"[\u4e00-\u9fff]幼")
    anything = re.compile(r"\w+")
    text = "Pupil of school 12, Brno"
    assert list(gates.live([russian, chinese, anything], text)) == [anything]
    assert list(gates.live([russian, chinese], "школа и 二幼")) == [russian, chinese]


def _engine_patterns() -> list[re.Pattern[str]]:
    found: dict[int, re.Pattern[str]] = {}

    def collect(value: object, depth: int = 0) -> None:
        if isinstance(value, re.Pattern):
            found[id(value)] = value
        elif depth < 3 and isinstance(value, list | tuple | set | frozenset):
            for item in value:
                collect(item, depth + 1)
        elif depth < 3 and isinstance(value, dict):
            for item in [*value.keys(), *value.values()]:
                collect(item, depth + 1)

    for module in pkgutil.iter_modules(cases_pkg.__path__):
        if module.name.endswith("_train"):
            continue
        for value in vars(importlib.import_module(f"praxishub.cases.{module.name}")).values():
            collect(value)
    return list(found.values())


def test_no_gated_pattern_of_the_engine_matches_a_text_without_its_script() -> None:
    """Every pattern the layers hold, over the labelled notes in five languages, as written, in
    lower and in upper case: where a gate says no, the pattern finds nothing."""
    texts = [doc.text for doc in evaluate.load(DEID / "labelled")]
    texts += [t.lower() for t in texts] + [t.upper() for t in texts]
    patterns = [(p, gates.required(p)) for p in _engine_patterns()]
    gated = [(p, g) for p, g in patterns if g]
    assert len(gated) > 500  # most of the engine's patterns are one script's
    for text in texts:
        present = {gate: gate.search(text) is not None for _p, g in gated for gate in g}
        for pattern, needed in gated:
            if not all(present[gate] for gate in needed):
                assert pattern.search(text) is None, (pattern.pattern[:80], text[:80])
