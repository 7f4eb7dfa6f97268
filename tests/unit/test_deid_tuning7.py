"""Informal genres (tuning7 round): chat senders, quoted display names, initials, OCR digits, spoken forms."""

from __future__ import annotations

from praxishub.cases import informal, spoken


def _texts(spans: list, text: str) -> set[str]:
    return {text[s.start : s.end] for s in spans}


def test_chat_block_senders_are_handles() -> None:
    text = (
        "Солнышко ☀: ты где\nБоря_К: дома\nСолнышко ☀: иду\nПояснение: «Солнышко» — это Вера Лапина"
    )
    found = _texts(list(informal.senders(text)), text)
    assert "Солнышко ☀" in found and "Солнышко" in found
    assert "Пояснение" not in found


def test_zoom_sender_and_form_labels() -> None:
    zoom = "10:02 From Pat Kerrigan (SLT) to Everyone: hello all"
    assert _texts(list(informal.senders(zoom)), zoom) == {"Pat Kerrigan (SLT)"}
    form = "Source: a screenshot\nStudent: Tom Hale\nAccounts: none"
    assert not list(informal.senders(form))


def test_quoted_display_names() -> None:
    text = "в контактах подписано «Тётя Люба школа», a potom „Pepa z Brna“ — Josef Kubát"
    found = _texts(list(informal.quoted(text)), text)
    assert found == {"Тётя Люба школа", "Pepa z Brna"}
    plain = "ходит в группу «Мы растём» по средам"
    assert not list(informal.quoted(plain))


def test_initials_groups_and_minutes() -> None:
    text = "Присутствовали: Р. Д. Ш. (директор), Е. В. (логопед)\nФ. И. О.: ___"
    found = _texts(list(informal.initials(text)), text)
    assert {"Р. Д. Ш.", "Е. В."} <= found and "Ф. И. О." not in found
    minutes = "Present: QT (chair), WB (dad)\nWB: fine\nQT's plan; the GP agreed"
    found = _texts(list(informal.initials(minutes)), minutes)
    assert {"QT", "WB"} <= found and "GP" not in found


def test_ocr_digits() -> None:
    text = "Narozen: l4. 3. 2O12, PSČ 7O2 00"
    kinds = {s.kind for s in informal.ocr(text, "cs")}
    assert "DATE" in kinds
    assert not list(informal.ocr("Olga lives in Ostrava", "cs"))


def test_spoken_dates() -> None:
    for text in (
        "до двадцать третьего числа марта",
        "až třicátého prvního května",
        "till the nineteenth of april",
        "жиырма екінші наурызда",
    ):
        assert any(s.kind == "DATE" for s in spoken.find(text)), text
    assert not any(s.kind == "DATE" for s in spoken.find("в двадцать третьем ряду"))


def test_informal_addresses_and_flats() -> None:
    text = "живём на гагарина тридцать один, кв 12"
    found = _texts([s for s in spoken.find(text) if s.kind == "ADDRESS"], text)
    assert found == {"гагарина тридцать один", "12"}
    en = "we're at sixty two Orchard Road now"
    assert any(s.kind == "ADDRESS" for s in spoken.find(en))
    assert not any(s.kind == "ADDRESS" for s in spoken.find("на уроке 5 минут"))
    assert not any(s.kind == "ADDRESS" for s in spoken.find("třída 6.B jela na výlet"))


def test_spoken_schools_and_classes() -> None:
    text = "учится в тридцать второй, из седьмого вэ, в нашей одиннашке"
    found = {(s.kind, text[s.start : s.end]) for s in spoken.find(text)}
    assert ("SCHOOL", "тридцать второй") in found
    assert ("CLASS", "седьмого вэ") in found
    assert ("SCHOOL", "одиннашке") in found
    assert not any(s.kind == "CLASS" for s in spoken.find("учится с первого класса"))
    assert not any(s.kind == "CLASS" for s in spoken.find("v páté a šesté třídě"))
    assert any(s.kind == "CLASS" for s in spoken.find("she is in year eight now"))


def test_lowercase_patronymic_and_shops() -> None:
    text = "спросите у елены павловны, она у аптеки «Подорожник»"
    found = {(s.kind, text[s.start : s.end]) for s in spoken.find(text)}
    assert ("PERSON", "елены павловны") in found
    assert ("ORG", "аптеки «Подорожник»") in found
    en = "she works at Penrose Bakery and the School Counselling team knows"
    orgs = _texts([s for s in spoken.find(en) if s.kind == "ORG"], en)
    assert orgs == {"Penrose Bakery"}
