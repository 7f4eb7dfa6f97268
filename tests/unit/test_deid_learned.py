"""The learned (CRF) layer loads, finds obvious names, only adds, keeps doubted spans only
when they look like identifiers, trains reproducibly."""

from __future__ import annotations

from pathlib import Path

import pytest

from praxishub.cases import evaluate, learned, learned_train
from praxishub.cases.engine import Deidentifier


def _found(text: str, language: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in learned.find(text, language)]


def test_models_load() -> None:
    for path in (learned.MODEL, learned.EARLIER, learned.NEWEST):
        assert path.exists()
        assert path.stat().st_size < 8_000_000
        assert learned._open(path) is not None


def test_the_union_of_the_models_holds_each_ones_spans() -> None:
    """The layer keeps what any model finds: its spans are a superset of each model's sure
    spans (the newest model's, those that look like identifiers)."""
    text = "Mum (Lorraine Fitzgerald) phoned; Ms Okafor and coach Dylan from Riverside FC agreed."
    union = {(s.start, s.end, s.kind) for s in learned.find(text, "en")}
    for model in (learned._MODEL, learned._EARLIER, learned._NEWEST):
        one = {
            (a, b, k)
            for a, b, k, conf in learned.scored_spans(text, "en", model)
            if conf >= learned.THRESHOLD
            and (model is not learned._NEWEST or learned._plausible(text[a:b], k, "en"))
        }
        assert one
        assert one <= union


def test_the_newest_model_adds_only_sure_spans_that_look_like_identifiers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Of the newest model's spans, the doubted ones and the lone acronyms are dropped."""
    text = "Seen by the OT on Monday with Lorraine Fitzgerald."
    acronym = (text.index("OT"), text.index("OT") + 2)
    doubted = (text.index("Monday"), text.index("Monday") + 6)
    name = (text.index("Lorraine"), text.index("Lorraine") + 8)
    real = learned._scored

    def scored(fake: list[tuple[int, int, str, float]]):
        return lambda seqs, model: fake if model is learned._NEWEST else real(seqs, model)

    monkeypatch.setattr(learned, "_scored", scored([]))
    without = {(s.start, s.end) for s in learned.find(text, "en")}
    fake = [(*acronym, "ORG", 0.99), (*doubted, "PERSON", 0.6), (*name, "PERSON", 0.99)]
    monkeypatch.setattr(learned, "_scored", scored(fake))
    added = {(s.start, s.end) for s in learned.find(text, "en")} - without
    assert acronym not in added
    assert doubted not in added
    assert name in added or name in without


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Мама Тимофея Кравцова пришла на консультацию во вторник.", "ru", "PERSON"),
        ("Анасы Гүлназ Сейтқалиева бүгін мектепке келді.", "kk", "PERSON"),
        ("今天王子涵的妈妈张丽华来学校找班主任。", "zh", "PERSON"),
        ("Matka Terezy Dvořákové přišla na konzultaci.", "cs", "PERSON"),
        ("Mum (Lorraine Fitzgerald) phoned the school on Monday.", "en", "PERSON"),
    ],
)
def test_obvious_names(text: str, language: str, expected: str) -> None:
    kinds = [kind for kind, _ in _found(text, language)]
    assert expected in kinds, _found(text, language)


def test_a_missing_model_is_an_error_naming_the_file_and_the_fix(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Never a quiet fallback to the rules alone: a broken install would mask less."""
    monkeypatch.setattr(learned, "_MODEL", learned._Model())
    monkeypatch.setattr(learned, "MODEL", tmp_path / "missing.crfsuite")
    with pytest.raises(FileNotFoundError, match=r"missing\.crfsuite.*learned_train"):
        learned.find("Her mum, Lorraine Fitzgerald, phoned.", "en")


def test_training_refuses_an_unknown_set_or_a_root_without_the_sets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "model.crfsuite"
    with pytest.raises(SystemExit):
        learned_train.main(["--exclude", "tuning99", "--out", str(out)])
    assert "tuning99" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        learned_train.main(["--root", str(tmp_path), "--out", str(out)])
    assert "no labelled set folder labelled" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(SystemExit):
        learned_train.main(["--both", "--out", str(out)])
    assert "--both writes the engine's three models" in capsys.readouterr().err
    assert not out.exists()


def test_layer_only_adds(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Консультация. Мама Тимофея Кравцова, тел. +7 912 345-67-89, пришла одна.\n"
        "Тимофей учится в 7 «Б» классе, классный руководитель Ирина Олеговна."
    )
    with_layer = Deidentifier().spans(text, "ru")
    monkeypatch.setattr(learned, "find", lambda *_a, **_k: [])
    without = Deidentifier().spans(text, "ru")
    covered = {i for s in with_layer for i in range(s.start, s.end)}
    assert all(i in covered for s in without for i in range(s.start, s.end))


def test_no_span_joins_the_cells_of_an_aligned_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """A header row of a code-block table read as one long span is dropped; a span
    within one cell is kept."""
    text = "№   Ученик        Класс     Школа\n1   Лев Орлов     5 «А»     ГБОУ Школа № 1530"
    header = text.index("№")
    cell = text.index("ГБОУ")
    monkeypatch.setattr(
        learned,
        "_scored",
        lambda *_a: [
            (header, text.index("Школа") + 5, "SCHOOL", 0.99),
            (cell, len(text), "SCHOOL", 0.99),
        ],
    )
    found = learned.find(text, "ru")
    assert [(s.start, s.end) for s in found] == [(cell, len(text))]


def _doubted(monkeypatch: pytest.MonkeyPatch, text: str, kind: str, conf: float) -> list[str]:
    """The layer's output when the model marks the whole text as kind with confidence conf."""
    monkeypatch.setattr(learned, "_scored", lambda *_a: [(0, len(text), kind, conf)])
    return [text[s.start : s.end] for s in learned.find(text, "en" if text.isascii() else "ru")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sorry", "PERSON"),  # a common word, no first name
        ("ветров", "PERSON"),  # the genitive plural of "wind"
        ("LISW", "ORG"),  # a lone acronym: a qualification far more often than a body
        ("БСН", "ORG"),
        ("❤ 1.2", "HANDLE"),  # no letter: a post's counters
        ("女", "PERSON"),  # "一名女老师": a word, no surname here
        ("6. PREV1OUS SERV1CES", "POSTCODE"),  # an OCR'd heading
    ],
)
def test_a_doubted_span_that_is_no_identifier_is_dropped(
    monkeypatch: pytest.MonkeyPatch, text: str, kind: str
) -> None:
    assert _doubted(monkeypatch, text, kind, 0.5) == []
    assert _doubted(monkeypatch, text, kind, 0.1) == []  # below LOW nothing is kept


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Gabby", "PERSON"),  # a first name, though also a word
        ("мухаммадалидің", "PERSON"),
        ("Mission Creek ISD", "ORG"),
        ("Grace", "PERSON"),  # a common word that is a known first name
        ("8 «Б»", "CLASS"),
        ("V3W 1B6", "POSTCODE"),
        ("972O6", "POSTCODE"),  # an OCR'd ZIP code keeps its shape
        ("O6OOll", "POSTCODE"),
        ("Л.", "PERSON"),  # a lone initial may be all a note gives
        ("девятого", "CLASS"),  # a grade in words
    ],
)
def test_a_doubted_span_that_looks_like_an_identifier_is_kept(
    monkeypatch: pytest.MonkeyPatch, text: str, kind: str
) -> None:
    assert _doubted(monkeypatch, text, kind, 0.5) == [text]
    assert _doubted(monkeypatch, text, kind, 0.1) == []


def test_a_sure_span_is_kept_even_when_it_looks_like_a_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _doubted(monkeypatch, "LISW", "ORG", 0.99) == ["LISW"]


def test_an_ideographic_space_is_a_column_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "点赞　1.2万　收藏　3456"
    assert _doubted(monkeypatch, text, "HANDLE", 0.99) == []


_CORPUS = """=== en-x01 ===
Session with [[PERSON|Milo Hartwell]] today; his aunt [[PERSON|Rosalind]] came too.
[[PERSON|Milo]] attends [[SCHOOL|Brackenfield Academy]] and plays for [[ORG|Tidemoor Rovers]].
=== en-x02 ===
[[PERSON|Orla Penhaligon]] said the team at [[ORG|Kestrel House]] helped her.
"""


def test_training_is_deterministic(tmp_path: Path) -> None:
    docs = evaluate.parse(_CORPUS, "en")
    params = {"max_iterations": 20, "feature.minfreq": 0}
    first, second = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    learned_train.train(docs, first, params)
    learned_train.train(docs, second, params)
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.crfsuite", "b.crfsuite"]
