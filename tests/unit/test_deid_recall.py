"""On the project's labelled multilingual sets, does the engine's recall never fall, per
language and per type, with precision held?

The floors in tests/fixtures/deid/floors.yaml are raised when the engine improves and never
lowered: a change that masks less than before fails here. ``labelled/`` is the set the
engine is tuned on (so are ``tuning``-``tuning40``; ``tuning41/`` is kept blind for the next
round, and its failures, like the held-out sets', say how many, never which); the held-out
sets (``heldout/``, ``heldout2/``, ``heldout3/``, ``heldout4/``), when there, were written later by someone
who had seen none of them, and are only ever measured: their failures say how many
identifiers were missed or wrongly masked, never which. While a held-out folder is missing
or empty its tests are skipped; while floors.yaml has no section for it, it is measured and
its size checked, but no floor is asserted for it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from praxishub.cases import evaluate

DEID = Path(__file__).parents[1] / "fixtures" / "deid"
SETS = (
    "labelled",
    "tuning",
    "tuning2",
    "tuning3",
    "tuning4",
    "tuning5",
    "tuning6",
    "tuning7",
    "tuning8",
    "tuning9",
    "tuning10",
    "tuning11",
    "tuning12",
    "tuning13",
    "tuning14",
    "tuning15",
    "tuning16",
    "tuning17",
    "tuning18",
    "tuning19",
    "tuning20",
    "tuning21",
    "tuning22",
    "tuning23",
    "tuning24",
    "tuning25",
    "tuning26",
    "tuning27",
    "tuning28",
    "tuning29",
    "tuning30",
    "tuning31",
    "tuning32",
    "tuning33",
    "tuning34",
    "tuning35",
    "tuning36",
    "tuning37",
    "tuning38",
    "tuning39",
    "tuning40",
    "tuning41",
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
)


BLIND = ("tuning41",)  # the newest sets, kept blind for the next rounds


def held_out(name: str) -> bool:
    """Only measured, never looked into: how many, never which."""
    return name.startswith("heldout") or name in BLIND


@cache
def documents(name: str) -> list[evaluate.Document]:
    """The set's documents; none if its folder is missing or empty."""
    folder = DEID / name
    return evaluate.load(folder) if folder.is_dir() else []


def present(name: str) -> list[evaluate.Document]:
    """The set's documents, or a skip saying why there are none."""
    docs = documents(name)
    if not docs:
        pytest.skip(f"no {name}/ documents (a new held-out set is being written)")
    return docs


@cache
def result(name: str) -> evaluate.Evaluation:
    return evaluate.evaluate(present(name), evaluate.engine_finder())


def floors() -> dict:
    return yaml.safe_load((DEID / "floors.yaml").read_text("utf-8"))


def recall_keys() -> list[tuple[str, str]]:
    """(set, key) for every recall floor; a set without floors gets one placeholder key."""
    keys = []
    for name in SETS:
        recall = (floors().get(name) or {}).get("recall") or {}
        keys += [(name, key) for key in sorted(recall)] or [(name, "all")]
    return keys


def floor(name: str, *path: str) -> float:
    """The floor at path in the set's section, or a skip if the set has none yet."""
    value = floors().get(name) or {}
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    if value is None:
        pytest.skip(f"floors.yaml has no {name} floor yet: add it from the first measurement")
    return value


def test_the_labelled_set_is_there():
    """Is the tuning set present (only a held-out set may be missing)?"""
    assert documents("labelled"), "tests/fixtures/deid/labelled/ has no documents"


@pytest.mark.parametrize("name", SETS)
def test_the_set_is_big_enough_and_covers_every_language(name):
    """Does each set hold 200+ invented identifiers across the five languages?"""
    docs = present(name)
    assert {d.language for d in docs} == {"ru", "kk", "zh", "cs", "en"}
    assert sum(len(d.gold) for d in docs) >= 200


@pytest.mark.parametrize(("name", "key"), recall_keys())
def test_recall_does_not_fall(name, key):
    """Is recall for this set and language (or type) at least its floor?"""
    got = result(name)
    least = floor(name, "recall", key)
    kind = key.removeprefix("type/")
    missed = [m for m in got.missed if key == "all" or m[1] == kind or m[0].startswith(key + "-")]
    if held_out(name):  # kept blind: how many, never which (whoever tunes may read this)
        missed = f"{len(missed)} identifiers (not listed: {name}/ is only measured)"
    rate = float(got.recall[key].rate)  # a plain number: pytest then shows no Evaluation
    assert rate >= least, f"missed: {missed}"


@pytest.mark.parametrize("name", SETS)
def test_precision_holds(name):
    """Is the share of masked spans that touch a real identifier at least its floor?"""
    got = result(name)
    wrong = f"{len(got.false)} spans (not listed)" if held_out(name) else got.false
    precision, least = float(got.precision), floor(name, "precision")
    del got  # nothing in the assertion below may show heldout's spans
    assert precision >= least, f"wrongly masked: {wrong}"


# The issue's target for precision: a floor may be traded for recall on unseen notes (a
# decision written in floors.yaml), never below this.
PRECISION_TARGET = 0.90


@pytest.mark.parametrize("name", SETS)
def test_precision_meets_the_issue_target(name):
    """Are at least 90% of the masked spans real identifiers, on every set?"""
    got = result(name)
    count = len(got.false)
    precision = float(got.precision)
    del got
    assert precision >= PRECISION_TARGET, f"{count} spans wrongly masked (not listed)"
