"""Round 9 (tuning8): the capitals fallback, initials keyed to names, names in lower case,
Chinese pet names, streets without a house number, number plates and long numbers, and a
quoted organisation's kind-word. Every example is invented."""

from __future__ import annotations

from praxishub.cases import capitals, namekeys, plates, streetnames, zhnames
from praxishub.cases.engine import Deidentifier
from praxishub.cases.spans import Span


def _texts(spans, text: str) -> set[str]:
    return {text[s.start : s.end] for s in spans}


def _masked(text: str, language: str) -> set[str]:
    return _texts(Deidentifier().spans(text, language), text)


# --- the capitals fallback ----------------------------------------------------------


def test_capitals_masks_a_rare_capitalised_run_mid_sentence() -> None:
    text = "On Sunday the family went to Ostrowitz Quellbach Tabernacle with the twins."
    assert "Ostrowitz Quellbach Tabernacle" in _texts(capitals.find(text, "en"), text)


def test_capitals_keeps_common_words_weekdays_and_sentence_starts() -> None:
    text = "Yesterday she said that Monday was hard. Homework is late again."
    assert capitals.find(text, "en") == []


def test_capitals_trims_a_common_opener_at_a_sentence_start() -> None:
    text = "The Quellbach Constabulary visited the flat."
    assert _texts(capitals.find(text, "en"), text) == {"Quellbach Constabulary"}


def test_capitals_czech_and_russian_inflected_names() -> None:
    cs = "Po hovoru s Vratislavkou Zdeňkovou jsme se dohodli."
    assert "Vratislavkou Zdeňkovou" in _texts(capitals.find(cs, "cs"), cs)
    ru = "Вчера мы говорили с Ефросиньей Крапивницкой о школе."
    assert "Ефросиньей Крапивницкой" in _texts(capitals.find(ru, "ru"), ru)


def test_capitals_skips_column_gaps_and_allowed_test_authors() -> None:
    table = "12.01.2026  Psychodiagnostika  1 200 Kč"
    assert capitals.find(table, "cs") == []
    text = "The screening used the Beck Youth Inventories last week."
    assert capitals.find(text, "en") == []


def test_capitals_judges_a_fused_ending_by_its_stem() -> None:
    text = "ол бейнені Instagram-ға салды"
    assert capitals.find(text, "kk") == []


def test_capitals_quoted_nickname_after_a_word() -> None:
    text = "Kluci mu říkají „Šmudla“ a on se zlobí."
    assert "Šmudla" in _texts(capitals.find(text, "cs"), text)


def test_capitals_latin_name_in_chinese_text() -> None:
    text = "她的室友Quirinia说她很少出门。"
    assert "Quirinia" in _texts(capitals.find(text, "zh"), text)


# --- initials keyed to names, names in lower case -----------------------------------


def test_initials_keyed_to_a_name_on_their_line_and_recurring() -> None:
    text = (
        "```\nPV        Petronela Vašková   chair\nOT        Oldřich Tlustý      police\n```\n"
        "1. PV opened the meeting. OT to report by Friday.\n"
    )
    found = [text[s.start : s.end] for s in namekeys.keyed_initials(text)]
    assert found.count("PV") == 2 and found.count("OT") == 2


def test_initials_in_brackets_after_a_name() -> None:
    text = "Present: Wendeline Ostrander (WO), social worker. WO will call the school."
    found = [text[s.start : s.end] for s in namekeys.keyed_initials(text)]
    assert found == ["WO", "WO"]


def test_initials_that_match_no_name_are_left() -> None:
    text = "```\nPV        Community Team   notes\n```\nPV closed."
    assert list(namekeys.keyed_initials(text)) == []


def test_a_found_name_in_a_lower_case_transcript() -> None:
    text = "Mother: Quennell is nine.\n> hi its me again quennell didnt sleep at all last night and he cried"
    start = text.index("Quennell")
    found = [Span(start, start + len("Quennell"), "PERSON", "test")]
    masked = _texts(namekeys.lower_case(text, found, "en"), text)
    assert masked == {"quennell"}


def test_a_lower_case_word_outside_a_transcript_stays() -> None:
    text = "Quennell came. We spoke about quennell pastries."
    start = text.index("Quennell")
    found = [Span(start, start + 8, "PERSON", "test")]
    assert list(namekeys.lower_case(text, found, "en")) == []


# --- Chinese pet names ----------------------------------------------------------------


def test_zh_doubled_pet_names_and_common_doubles() -> None:
    text = "我家璇璇说妈妈常常加班，哈哈哈，大家慢慢来。"
    assert _texts(zhnames.find(text), text) == {"璇璇"}


def test_zh_given_name_after_a_cue() -> None:
    text = "她的好朋友梓萱也转学了，班里有个叫思琪的同学。"
    assert {"梓萱", "思琪"} <= _texts(zhnames.find(text), text)


# --- streets without a house number ---------------------------------------------------


def test_streets_by_their_type_word_in_every_language() -> None:
    text = (
        "bydlí na Hrabákově ulici; sprejují v ulici Na Vršíčku; she lives on Quarry Hill Road; "
        "мама живёт на Заозёрном проспекте; dropped off highway 27 past the gas station"
    )
    found = _texts(streetnames.find(text), text)
    assert {
        "Hrabákově ulici",
        "ulici Na Vršíčku",
        "Quarry Hill Road",
        "Заозёрном проспекте",
        "highway 27",
    } <= found


def test_generic_roads_stay() -> None:
    text = "we drove on the main road and then on the same street"
    assert list(streetnames.find(text)) == []


# --- plates, long numbers, a quoted organisation's kind-word --------------------------


def test_number_plates_by_shape() -> None:
    text = "г/н Х 582 РМ 196; нөмірі 903 KZA 05; SPZ 7B3 1942; reg. KP21 WXZ; 车牌沪B·7Q295"
    assert {"Х 582 РМ 196", "903 KZA 05", "7B3 1942", "KP21 WXZ", "沪B·7Q295"} <= _texts(
        plates.find(text), text
    )


def test_long_bare_numbers_but_not_dates() -> None:
    text = "incident 2025-00731846, member QX80413379; seen on 2026-03-04 at 10:30"
    assert _texts(plates.find(text), text) == {"2025-00731846", "QX80413379"}


def test_a_quoted_organisation_takes_its_kind_word() -> None:
    text = "pracuje v cukrárně „Zlatý rohlíček“ od rána"
    start = text.index("„")
    org = Span(start, text.index("“") + 1, "ORG", "test")
    grown = _texts(plates.grown(text, [org]), text)
    assert grown == {"cukrárně „Zlatý rohlíček“"}


def test_engine_masks_the_fallback_findings() -> None:
    text = "Yesterday the boy went with Ostrowitz Quellbach to the shop."
    assert "Ostrowitz Quellbach" in _masked(text, "en")


def test_initials_keyed_after_a_role_surname_first_in_a_chinese_legend_and_after_a_slash() -> None:
    """Initials keyed after a role ("Karen Lindqvist, classroom teacher (KL)"), inside brackets
    with a role, in a surname-first list, in a legend of Chinese names, and recurring after a
    slash in a shift table; an acronym that matches no name stays."""
    text = (
        "Present: Karen Lindqvist, classroom teacher (KL); Olivia Chan, counsellor (OC).\n"
        "Кезекшілер: Құрманғалиева Мадина (аға кеңесші, МҚ), Юлдашева Гульназ Ринатовна (ГЮ).\n"
        "接线员缩写：ZM＝周敏，LYF＝卢一帆。\n"
        "Actions: KL/OC by Friday; МҚ, ГЮ on shift; ZM and LYF took calls. A Child Plan (CP).\n"
    )
    found = [text[s.start : s.end] for s in namekeys.keyed_initials(text)]
    for key in ("KL", "OC", "МҚ", "ГЮ", "ZM", "LYF"):
        assert found.count(key) == 2, (key, found)
    assert "CP" not in found
