"""Unit tests of the de-identification layers: one small case per pattern or rule."""

from __future__ import annotations

from praxishub.cases import persons, places, structured
from praxishub.cases.engine import Deidentifier


def _found(spans, text: str) -> set[str]:
    return {text[s.start : s.end] for s in spans}


def test_czech_date_with_spaces_keeps_year() -> None:
    """Is a Czech date '29. 12. 2011' masked but its year kept?"""
    out = Deidentifier(language="cs").text("nar. 29. 12. 2011, další 22. 3.")
    assert "29. 12." not in out and "2011" in out and "22. 3." not in out


def test_russian_and_kazakh_year_words_are_masked() -> None:
    """Are '2 апреля 2024 г.' and '2024 жылғы 4 наурызда' masked, the year and its words kept in place?"""
    assert (
        Deidentifier(language="ru").text("встреча 2 апреля 2024 г.") == "встреча [ДАТА_1] 2024 г."
    )
    out = Deidentifier(language="kk").text("2024 жылғы 4 наурызда келді")
    assert out == "2024 жылғы [ДАТА_1] келді"


def test_chinese_resident_id_next_to_han() -> None:
    """Is a Chinese resident ID found right after 身份证号 (where \\w would join them)?"""
    text = "身份证号11010519491231002X，电话"
    assert "11010519491231002X" in _found(structured.national_ids(text), text)


def test_handles_without_at() -> None:
    """Are handles after 'ником' and '账号' found, and '@' handles after Chinese text?"""
    for text, handle in [
        ("с ником k1r_mel в чате", "k1r_mel"),
        ("用账号wang_2010发视频", "wang_2010"),
        ("小红书账号@lin_0520看", "@lin_0520"),
    ]:
        assert handle in _found(structured.web(text), text)


def test_record_numbers() -> None:
    """Are record numbers after '#', 'карточка обращения №' and '编号' found?"""
    for text, number in [
        ("log #CT-448217", "CT-448217"),
        ("карточка обращения № 24-01187", "24-01187"),
        ("记录（编号HL20240308117）", "HL20240308117"),
    ]:
        assert number in _found(structured.national_ids(text), text)


def test_organisations() -> None:
    """Are hospitals and centres named by adjectives or quotes found as organisations?"""
    for text, org in [
        ("в Центре психологической помощи «Доверие».", "Центре психологической помощи «Доверие»"),
        ("Самарская областная детская больница, г.", "Самарская областная детская больница"),
        ("doporučila Krajskou dětskou nemocnici Zlín.", "Krajskou dětskou nemocnici Zlín"),
        ("GP at Riverside Medical Practice.", "Riverside Medical Practice"),
    ]:
        assert org in _found(places.organisations(text), text)


def test_school_legal_form_and_quoted_name() -> None:
    """Is 'МБОУ «СОШ № 5»' one school, and a Kazakh '«Айгөлек» балабақшасы'?"""
    text = "учится в МБОУ «СОШ № 5», сестра в «Айгөлек» балабақшасына"
    assert {"МБОУ «СОШ № 5»", "«Айгөлек» балабақшасына"} <= _found(places.schools(text), text)


def test_town_after_street_address() -> None:
    """Are the town, state and ZIP after a street address found?"""
    text = "Address: 12 Oak Street, Springfield, OR 97477."
    found = _found(places.addresses(text), text)
    assert {"Springfield", "OR", "97477"} <= found


def test_kazakh_district() -> None:
    """Is 'Алмалы ауданы' (with a case ending) a place?"""
    text = "Сарыарқа ауданында тұрады"
    assert "Сарыарқа ауданында" in _found(places.places(text), text)


def test_persons_by_context() -> None:
    """Are 'Ms. Morgan', 'J. Mensah' and a nickname in quotes found?"""
    text = 'Ms. Morgan and J. Mensah agreed. Mom calls him "Benny".'
    assert {"Morgan", "J. Mensah", "Benny"} <= _found(persons.find(text), text)


def test_seen_chinese_given_name() -> None:
    """Once 王一鸣 is found, are 一鸣 and 鸣鸣 masked later in the same text?"""
    tool = Deidentifier(language="zh", names=["王一鸣"])
    out = tool.text("孩子王一鸣十岁。一鸣说，妈妈叫他鸣鸣。")
    assert "一鸣" not in out and "鸣鸣" not in out


def test_seen_czech_name_declined() -> None:
    """Once 'Zuzana Malá' is found, is the declined 'Zuzaně' masked, and a common word left?"""
    tool = Deidentifier(language="cs")
    out = tool.text("Manželka Zuzana Veselá přišla. S paní Zuzanou jsme mluvili.")
    assert "Zuzan" not in out


def test_seen_name_does_not_mask_lower_case_word() -> None:
    """Is 'will' the verb left when 'Will' the name was found?"""
    out = Deidentifier(language="en").text(
        "The chat was started by Will Harper. She will report it."
    )
    assert "She will report" in out and "Will Harper" not in out
