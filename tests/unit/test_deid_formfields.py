"""Are the values of a form's name fields found as people, in capitals too, and are other
fields, placeholders and the same words in prose left alone? Every name is invented."""

from __future__ import annotations

import pytest

from praxishub.cases import formfields
from praxishub.cases.engine import Deidentifier


def _found(text: str) -> list[str]:
    return [text[s.start : s.end] for s in formfields.find(text)]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Příjmení: BATBAYAR              Jméno: Temuulen", ["BATBAYAR", "Temuulen"]),
        ("Otec – příjmení: GANBOLD   jméno: Batbayar   tel.: 775 318 920", ["GANBOLD", "Batbayar"]),
        (
            " 2. Child:  Family name TRAN    Given name Minh Khoa    Known as: Kevin",
            ["TRAN", "Minh Khoa"],
        ),
        ("Фамилия ребёнка:      ПРИХОДЬКО", ["ПРИХОДЬКО"]),
        ("Имя: вика, 14 лет", ["вика"]),
        ("Тегі: ЖАНБОТАЕВА   Аты: Әйгерім", ["ЖАНБОТАЕВА", "Әйгерім"]),
        ("姓名：张小明，性别：男", ["张小明"]),
        ("Full name: Dr. Amelia Ruth Price", ["Amelia Ruth Price"]),
    ],
)
def test_name_fields_are_people(line: str, names: list[str]) -> None:
    assert _found(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "Name of school: Ashgrove Primary",
        "Name: n/a",
        "Фамилия: не указано",
        "The family name was changed in 2019.",
        "Her surname is hard to spell, she says.",
    ],
)
def test_other_fields_placeholders_and_prose_are_not(line: str) -> None:
    assert _found(line) == []


def test_the_engine_masks_a_capitalised_surname_on_a_form() -> None:
    text = "Příjmení: BATBAYAR              Jméno: Temuulen\nDatum narození: 30.09.2014\n"
    masked = Deidentifier(language="cs").text(text)
    assert "BATBAYAR" not in masked and "Temuulen" not in masked


@pytest.mark.parametrize(
    ("line", "places"),
    [
        (
            "Address: 3l5 Se1kirk Ave   City: Winnipeg   Prov: MB   Postal code: R2W 2l9",
            ["Winnipeg", "MB"],
        ),
        ("PSČ: 323 OO          Obec: P1zeň 1", ["P1zeň 1"]),
        ("Город: Сызрань, ул. Ленина, д. 4", ["Сызрань"]),
        ("Town:   Swansea", ["Swansea"]),
    ],
)
def test_town_fields_are_places(line: str, places: list[str]) -> None:
    found = [(s.kind, line[s.start : s.end]) for s in formfields.find(line) if s.kind == "PLACE"]
    assert found == [("PLACE", p) for p in places]


@pytest.mark.parametrize("line", ["City: n/a", "City of residence unknown", "okres: —"])
def test_empty_town_fields_hold_no_place(line: str) -> None:
    assert [s for s in formfields.find(line) if s.kind == "PLACE"] == []
