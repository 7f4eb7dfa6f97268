"""Round 11c rules: organisations, schools, IDs, dates, classes, addresses, places."""

from __future__ import annotations

import pytest

from praxishub.cases import orgshapes, refshapes
from praxishub.cases.spans import Span


def _orgs(text: str, language: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in orgshapes.find(text, language)]


def _shapes(text: str, language: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in refshapes.find(text, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Қызы «Алтын күз» хор ансамбліне барады.", "kk", ("ORG", "«Алтын күз» хор ансамбліне")),
        (
            "Отец работает в стоматологии «Жемчуг» у вокзала.",
            "ru",
            ("ORG", "стоматологии «Жемчуг»"),
        ),
        (
            "Письмо в Управление социальной защиты администрации Ленинского района.",
            "ru",
            ("ORG", "Управление социальной защиты администрации Ленинского района"),
        ),
        ("Дело передано в ОМВД № 12 вчера.", "ru", ("ORG", "ОМВД № 12")),
        ("Сын (3 класс, 57-я школа) плачет.", "ru", ("SCHOOL", "57-я школа")),
        ("Přihláška na SPŠ a SOU Kroměříž byla podána.", "cs", ("SCHOOL", "SPŠ a SOU Kroměříž")),
        ("Chodí do 3. ZŠ Beroun od září.", "cs", ("SCHOOL", "3. ZŠ Beroun")),
        ("Doporučena PPP pro Prahu 4 a 5.", "cs", ("ORG", "PPP pro Prahu 4 a 5")),
        ("Událost jsme nahlásili na PČR hned ráno.", "cs", ("ORG", "PČR")),
        ("Dala jsem mu číslo Linky bezpečí.", "cs", ("ORG", "Linky bezpečí")),
        ("We informed Police Wales at once.", "en", ("ORG", "Police Wales")),
        ("Referral sent to the Hillside Young Carers team today.", "en", None),
        (
            "FENWICK FAMILY SUPPORT SERVICE referral",
            "en",
            ("ORG", "FENWICK FAMILY SUPPORT SERVICE"),
        ),
        ("他放学去蓝天补习班上课", "zh", ("ORG", "蓝天补习班")),
        ("住在人民公园旁边那栋白楼二层", "zh", ("ADDRESS", "人民公园旁边那栋白楼")),
    ],
)
def test_org_shapes(text: str, language: str, expected: tuple[str, str] | None) -> None:
    found = _orgs(text, language)
    if expected is None:
        assert found
    else:
        assert expected in found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ходит в центр после уроков.", "ru"),
        ("Linka byla obsazená celý večer.", "cs"),
        ("The Police Officer came at ten.", "en"),
        ("Discussed with the Child Protection team.", "en"),
        ("她报了数学补习班", "zh"),
        ("Была на ПМПК в марте.", "ru"),
    ],
)
def test_org_negatives(text: str, language: str) -> None:
    assert _orgs(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("протокол № 12-ПМ от понедельника", "ru", ("ID", "12-ПМ")),
        ("свидетельство серия IV-КА № 771203", "ru", ("ID", "IV-КА")),
        ("meeting ID 512 3309 8871 tomorrow", "en", ("ID", "512 3309 8871")),
        ("she left on march twenty-first at night", "en", ("DATE", "march twenty-first")),
        ("написала 14 ноя в 20:00", "ru", ("DATE", "14 ноя")),
        ("od l. 9. 2025 bydlí jinde", "cs", ("DATE", "l. 9. 2025")),
        ("je to máma z šestý bé", "cs", ("CLASS", "šestý bé")),
        ("дружат с третьего класса", "ru", ("CLASS", "третьего класса")),
        ("біздің 8-ші сыныптан", "kk", ("CLASS", "8-ші сыныптан")),
        ("sejdeme se (Zahradní 512), potom", "cs", ("ADDRESS", "Zahradní 512")),
        ("Адрес: Ивантеевка, ул. Лесная, 3", "ru", ("PLACE", "Ивантеевка")),
        ("外婆住在青羊区草堂街道", "zh", ("PLACE", "青羊区")),
        ("车牌川A·7Z219的车", "zh", ("ID", "川A·7Z219")),
    ],
)
def test_shape_rules(text: str, language: str, expected: tuple[str, str]) -> None:
    assert expected in _shapes(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("учится в школе № 5 с первого класса", "ru"),
        ("Příloha 2, Tabulka 3)", "cs"),
        ("we met in May and June", "en"),
        ("他们在评论区吵架", "zh"),
        ("№ 141", "ru"),
    ],
)
def test_shape_negatives(text: str, language: str) -> None:
    assert _shapes(text, language) == []


def test_grown_spans() -> None:
    text = "с двадцать первого по 25 марта"
    date = Span(text.index("25"), len(text), "DATE", "t")
    assert any(s.start == 0 for s in refshapes.grown(text, [date]))
    text = "Leeds City Council Families First (Central) met"
    org = Span(0, len("Leeds City Council"), "ORG", "t")
    grown = list(orgshapes.grown(text, [org]))
    assert text[grown[0].start : grown[0].end] == "Leeds City Council Families First (Central)"
    text = "Cardiff CF10 1AB"
    code = Span(8, 16, "POSTCODE", "t")
    assert [text[s.start : s.end] for s in refshapes.grown(text, [code])] == ["Cardiff"]
