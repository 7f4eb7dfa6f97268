"""Initials of people found in the note, record numbers in a shift log's number column,
scanned forms read back, labelled numbers, e-mail addresses read out in words and date
ranges: each found where a note writes it, and the look-alikes left alone. Every person,
number and address is invented."""

from __future__ import annotations

import pytest
from deid_probe import covered, touched

from praxishub.cases import dateranges, ocrview, orgacronyms, references, spoken, tablecells
from praxishub.cases.engine import Deidentifier
from praxishub.cases.spans import Span, closed


def _masked(text: str, language: str = "auto") -> str:
    return Deidentifier(language=language).text(text)


def _spans(text: str, language: str) -> list[tuple[str, str]]:
    tool = Deidentifier(language=language)
    return [(s.kind, text[s.start : s.end]) for s in tool.spans(text, language)]


# --- initials of a person found in the note ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "initials"),
    [
        (
            "From: Leah Goldstein, School Counsellor\n\nNotes by LG after the meeting; LG to "
            "call the family on Monday.",
            "en",
            ["LG", "LG"],
        ),
        (
            "Консультанты: Лосева К. А., Кан А. В.\n\n20:12  ЛКА    тел.   конфликт с мамой\n"
            "20:40  КАВ    чат    тревога\n22:30  ЛКА    тел.   молчащий звонок\n"
            "23:02  КАВ    чат    самоповреждения у друга\n",
            "ru",
            ["ЛКА", "КАВ"],
        ),
        (
            "<tr><td>ZH</td><td>Bc. Zuzana Hejduková</td><td>OSPOD</td></tr>\n\n"
            "1. Úvod (ZH): důvodem jsou opakované útěky z domova.",
            "cs",
            ["ZH"],
        ),
        (
            "值班：孙明哲（组长）、刘佳怡、赵磊\n\n```\n来电编号   时间   接线员\nZK-0418-031   22:14   LJY\n"
            "ZK-0418-032   22:41   ZL\nZK-0418-033   23:05   LJY\nZK-0418-034   23:58   ZL\n```\n",
            "zh",
            ["LJY", "ZL"],
        ),
    ],
)
def test_initials_of_found_people_are_people(text: str, language: str, initials: list[str]):
    """Initials used again stand for the person; each is masked wherever it stands."""
    found = [t for kind, t in _spans(text, language) if kind == "PERSON" and t.isupper()]
    for key in initials:
        assert key in found
    masked = _masked(text, language)
    for key in initials:
        assert f" {key} " not in f" {masked} ".replace("\n", " ")


@pytest.mark.parametrize(
    "text",
    [
        # a time, multiple sclerosis and shouting stay, though a found person shares the capitals
        "Paul Morgan rang at 5 PM. His mum has MS and needs help.",
        "Mark Stone called.\nPLEASE DO NOT CALL MS AFTER 6.",
        "Danielle Owens wrote. Note: DO NOT SHARE.",
        # capitals used once: an acronym as likely as the person's initials
        "Tom Velez came in. He watches TV every night.",
    ],
)
def test_capitals_that_mean_something_else_are_not_initials(text: str) -> None:
    found = [t for kind, t in _spans(text, "en") if kind == "PERSON"]
    assert not [t for t in found if t.isupper() and len(t) <= 3]


# --- a shift log's number column ----------------------------------------------------------


def test_a_shift_logs_number_column_is_record_numbers() -> None:
    text = (
        "```\nč. hovoru          čas    délka   kanál\nV26-04471    20:14  12 min  tel.\n"
        "V26-04472    20:51   4 min  tel.\n```\n"
    )
    assert [(s.kind, text[s.start : s.end]) for s in tablecells.find(text)] == [
        ("ID", "V26-04471"),
        ("ID", "V26-04472"),
    ]
    text = "```\nҚоңырау №      Уақыты  Арна\n26-02-1741     20:14   телефон\n```\n"
    assert [text[s.start : s.end] for s in tablecells.find(text)] == ["26-02-1741"]


@pytest.mark.parametrize(
    "text",
    [
        # serial numbers, times and a table whose first column is no number
        "```\n№   Время   Канал\n1   20:14   тел.\n2   21:02   чат\n```\n",
        "```\nčas    kanál   téma\n20:14  tel.    škola\n```\n",
        "```\nTime   Ref\n20:14  A-1234\n```\n",
    ],
)
def test_other_table_columns_are_left(text: str) -> None:
    assert [s for s in tablecells.find(text) if s.kind == "ID"] == []


# --- a scanned form, read back --------------------------------------------------------------


def test_a_scanned_form_is_read_back_to_its_length() -> None:
    text = "Дата: 1З.О2.2О26, индекс 44503б; V P1zni; Win10, COVID19"
    view, places = ocrview.restore(text)
    assert len(view) == len(text)
    assert view == "Дата: 13.02.2026, индекс 445036; V Plzni; Win10, COVID19"
    assert len(places) == 5
    # one garbled word alone, or a Chinese word with a digit, is read as written
    assert ocrview.restore("Ticket l8 for Win10") == ("Ticket l8 for Win10", [])
    assert ocrview.restore("22:05派出所和1З.О2.2О26")[0] == "22:05派出所和13.02.2026"


def test_a_scanned_forms_dates_postcode_and_address_are_masked() -> None:
    text = "Дата обращения: 1З.О2.2О26\nАдрес: 44503б, г. Сызрань\nДата рождения: 2З.О4.2О14\n"
    masked = _masked(text, "ru")
    for raw in ("1З.О2", "44503б", "2З.О4"):
        assert raw not in masked
    text = "Address: 3l5 Se1kirk Ave   City: Winnipeg\nDate: l8. l1. 2O26\n"
    masked = _masked(text, "en")
    assert "3l5 Se1kirk" not in masked


# --- numbers after their label ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("DOB 14.03.2014, CHI 140314 5164", "140314 5164"),
        ("PHN: 9150 325 821", "9150 325 821"),
        ("Medicare 3229 76948 2, expires 2029", "3229 76948 2"),
        ("NHI: XGE4722", "XGE4722"),
        ("roll no. 19843K", "19843K"),
        ("membership no. 389104", "389104"),
        ("collects him in a blue Ford Focus, reg. LCZ 4817.", "LCZ 4817"),
        ("Meeting ID 318 662 904 117 works", "318 662 904 117"),
        ("конференция Zoom 814 2206 3917", "814 2206 3917"),
        ("datová schránka: k2mf7xw", "k2mf7xw"),
        ("**Sp. zn. OSPOD:** OSPOD-JN 2211/2024", "OSPOD-JN 2211/2024"),
        ("анасының өтініші (кіріс № 0412)", "0412"),
        ("（赵磊接听，会话参考号S2604-1187）", "S2604-1187"),
        ("- ZK-260419-002来电少年提到表哥", "ZK-260419-002"),
    ],
)
def test_labelled_numbers_are_ids(text: str, number: str) -> None:
    assert number in [text[s.start : s.end] for s in references.find(text) if s.kind == "ID"]


def test_a_label_takes_no_words_or_a_following_count() -> None:
    found = [s for s in references.find("CHI 140314 5164 and 12 others") if s.kind == "ID"]
    assert len(found) == 1
    assert list(references.find("datová schránka: školy")) == []


# --- an e-mail address read out -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            'e-mail spelled out as "yesi garza eighty four at example dot com" (typed)',
            "yesi garza eighty four at example dot com",
        ),
        (
            "email je oksana tečka melnyk zavináč example tečka com a tak",
            "oksana tečka melnyk zavináč example tečka com",
        ),
        (
            "почта у меня если что марина точка цой восемьдесят пять собака example точка ru",
            "марина точка цой восемьдесят пять собака example точка ru",
        ),
    ],
)
def test_an_email_read_out_is_an_email(text: str, address: str) -> None:
    assert [text[s.start : s.end] for s in spoken.emails(text)] == [address]


def test_at_and_dot_in_speech_without_an_address_are_left() -> None:
    assert list(spoken.emails("we met at noon. the dot on the map is the school")) == []
    assert list(spoken.emails("she is at home")) == []


# --- date ranges ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dates", "whole"),
    [
        (
            "в период с 11 ноября 2025 по 24 февраля 2026 посещал",
            ["11 ноября 2025", "24 февраля 2026"],
            "с 11 ноября 2025 по 24 февраля 2026",
        ),
        ("приедут 5 или 6 марта", ["6 марта"], "5 или 6 марта"),
        ("2026 жылғы 17–18 ақпан аралығында", ["18 ақпан"], "2026 жылғы 17–18 ақпан"),
        ("五月一号到五月三号请假", ["五月一号", "五月三号"], "五月一号到五月三号"),
    ],
)
def test_a_range_of_dates_is_one_date(text: str, dates: list[str], whole: str) -> None:
    found = [Span(text.index(d), text.index(d) + len(d), "DATE", "test") for d in dates]
    joined = [text[s.start : s.end] for s in dateranges.joined(text, found)]
    assert whole in joined


def test_dates_apart_are_not_joined() -> None:
    text = "Seen on 3 March 2026. Then on 9 March 2026."
    found = [
        Span(text.index(d), text.index(d) + len(d), "DATE", "test")
        for d in ("3 March 2026", "9 March 2026")
    ]
    assert list(dateranges.joined(text, found)) == []


def test_a_range_is_masked_whole_by_the_engine() -> None:
    masked = _masked("Посещал с 11 ноября 2025 по 24 февраля 2026 группу.", "ru")
    assert "ноября" not in masked and "февраля" not in masked and " по " not in masked


# --- more speech: street addresses, years in words, a name after a preposition ---------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "the new house is four thirty two culebra road apartment six okay gracias",
            "four thirty two culebra road apartment six",
        ),
        ("he took his phone at the bus stop on hareclive road", "hareclive road"),
        ("now not at lot forty one giles street", "lot forty one giles street"),
        (
            "teď jsme na kapitána bartoše číslo dvanáct byt pět v polabinách",
            "kapitána bartoše číslo dvanáct byt pět",
        ),
    ],
)
def test_a_street_address_said_in_lower_case_is_an_address(text: str, address: str) -> None:
    assert [text[s.start : s.end] for s in spoken.lower_addresses(text)] == [address]


@pytest.mark.parametrize(
    "text",
    [
        "we walked down the main road and then across the road",
        "she is staying at her cousin's place this week",
        "we went on a road trip to the old kent road market",
    ],
)
def test_roads_of_everyday_speech_are_left(text: str) -> None:
    assert list(spoken.lower_addresses(text)) == []


def test_a_year_in_words_belongs_to_its_date() -> None:
    text = "narozená osmého března dva tisíce třináct, celé jméno"
    assert "osmého března dva tisíce třináct" in [
        text[s.start : s.end] for s in spoken.find(text) if s.kind == "DATE"
    ]
    masked = _masked("孩子生日是二零一一年十一月二十五号，今年上初三。", "zh")
    assert "二零一一" not in masked and "二十五" not in masked


def test_a_name_in_lower_case_after_a_preposition_in_speech() -> None:
    text = (
        "> алло апа здрасьте это бабушка вот утром пришёл говорит у мухаммада был у хазирова "
        "а я не знаю что делать у бабушки своей не был\n"
    )
    found = [t for kind, t in _spans(text, "ru") if kind == "PERSON"]
    assert "мухаммада" in found and "хазирова" in found
    assert "бабушки" not in found


def test_initials_listed_together_are_people_though_used_once() -> None:
    text = (
        "Přítomni: Mgr. Jitka Mlejnková, Bc. Radim Kos, Alena Fuchsová.\n\n"
        "**Škola (RK, JM):** chlapec je ve škole klidný.\n"
    )
    found = [t for kind, t in _spans(text, "cs") if kind == "PERSON"]
    assert "RK" in found and "JM" in found


# --- acronyms of particular bodies -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Reported to GMP on Friday; PSNI informed.", [("ORG", "GMP"), ("ORG", "PSNI")]),
        ("karta pojištěnce VZP, dříve ČPZP", [("ORG", "VZP"), ("ORG", "ČPZP")]),
        ("Seen by the NEPS psychologist.", [("ORG", "NEPS")]),
        ("Ол НИШ-те оқиды.", [("SCHOOL", "НИШ-те")]),
        ("a CVUSD counsellor", [("ORG", "CVUSD")]),
    ],
)
def test_acronyms_of_particular_bodies_are_masked(text: str, found: list[tuple[str, str]]) -> None:
    got = {(s.kind, text[s.start : s.end]) for s in orgacronyms.find(text)}
    assert got == set(found)


def test_kinds_of_body_and_words_containing_an_acronym_are_left() -> None:
    text = "Referred to CAMHS and the PPP; GMPs, vzp and OSPOD were told."
    assert list(orgacronyms.find(text)) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("celé jméno daryna andrijivna melnyk. email je", "daryna andrijivna melnyk"),
        ("to je oleh mykolajovych bondarenko a on", "oleh mykolajovych bondarenko"),
    ],
)
def test_a_latin_patronymic_said_in_lower_case_is_a_person(text: str, name: str) -> None:
    assert name in [text[s.start : s.end] for s in spoken.find(text) if s.kind == "PERSON"]
    assert not [s for s in spoken.find("the ivanovich test was") if s.kind == "PERSON"]


@pytest.mark.parametrize(
    ("cell", "age"), [("22:14   男/91   淮阳区", "91"), ("ж/93, внук", "93"), ("F/92 lives", "92")]
)
def test_an_age_over_89_in_a_sex_and_age_cell(cell: str, age: str) -> None:
    from praxishub.cases import ages

    assert [cell[s.start : s.end] for s in ages.in_words(cell)] == [age]
    assert list(ages.in_words("М/15, page 2/95, score m/95%")) == []


def test_a_letter_spaced_phrase_is_read_as_its_words() -> None:
    text = "Šetření provedla: Bc. L e n k a   H r a d i l o v á, hradilova.l@example.cz"
    view, _ = ocrview.restore(text)
    assert len(view) == len(text)
    assert view.startswith("Šetření provedla: Bc. Lenka Hradilová ")
    start = view.index("Hradilová")
    assert text[slice(*ocrview.back(text, start, start + len("Hradilová")))] == "H r a d i l o v á"
    # Chinese printed spaced, and a few single letters in a sentence, are left as written
    assert ocrview.restore("沂 南 县 中 小 学") == ("沂 南 县 中 小 学", [])
    assert ocrview.restore("a v tom") == ("a v tom", [])


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        (
            "Šetření provedla: Bc. L e n k a   H r a d i l o v á, tel. 604 112 233",
            "cs",
            "L e n k a",
        ),
        (
            "```\nС т е п н о г о р с к  қ а л а с ы  б і л і м  б ө л і м і\n```",
            "kk",
            "С т е п н о г о р с к",
        ),
        ("```\nМ А О У  « С О Ш  № 3 7 »\n392О3О, г. Тамбов\n```", "ru", "С О Ш"),
    ],
)
def test_what_a_letter_spaced_form_prints_is_masked(text: str, language: str, part: str) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Z Á Z N A M  Z  P R V N Í H O  K O N T A K T U\nJméno: Jan", "cs", "P R V N Í H O"),
        (
            "Tel 905-521-7730\n\nR E F E R R A L   F O R   P S Y C H O L O G l C A L   S E R V l C E S\n",
            "en",
            "P S Y C H",
        ),
    ],
)
def test_a_letter_spaced_heading_stays(text: str, language: str, part: str) -> None:
    assert not touched(text, language, part)


def test_a_word_ocr_split_is_joined_where_the_text_writes_it_whole() -> None:
    text = "Další osoby: Jarmila Bártková\nNádražní 2O, 792 O1\nPodpis matky: P. Bártk ová"
    view, _ = ocrview.restore(text)
    assert len(view) == len(text)
    assert view.endswith("P. Bártková ")
    start = view.rindex("Bártková")
    assert text[slice(*ocrview.back(text, start, start + len("Bártková")))] == "Bártk ová"
    assert covered(text, "cs", "Bártk ová")
    # not on a note that is no scan
    assert ocrview.restore("Jarmila Bártková, P. Bártk ová") == (
        "Jarmila Bártková, P. Bártk ová",
        [],
    )
    # a town's name is joined though the text never writes it whole; a word whose tail is a
    # word of its own is not
    assert "Bruntál " in ocrview.restore("Nádražní 2O, 792 O1 Br untál")[0]
    assert "Sant os" in ocrview.restore("Nádražní 2O, 792 O1 paní Sant os")[0]


def test_a_garbled_number_read_from_its_middle_is_masked_whole() -> None:
    spans = closed("Home address ... 2l4O4 Qhayiya Cres", [Span(21, 35, "ADDRESS", "crf")])
    assert spans == [Span(17, 35, "ADDRESS", "crf")]
    # a number on the line before is no part of it; nor is a Chinese day before its word
    assert closed("Room 12\nWJ IV", [Span(8, 13, "ORG", "crf")]) == [Span(8, 13, "ORG", "crf")]
    assert closed("16号上午", [Span(2, 5, "ORG", "crf")]) == [Span(2, 5, "ORG", "crf")]
