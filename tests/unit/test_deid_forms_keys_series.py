"""Identifiers in the places this round's notes kept them: initials keyed to a name in
brackets (Chinese pinyin ones too) or declared as the note's way of naming, a form's fields
(a US state and ZIP, a homeroom, a member ID, a Polish postcode, a Roman-numeral class), an
Australian Medicare number by its checksum, a Canadian postcode by its shape, a log's records
of one series, OCR'd Cyrillic dates, a Czech elder's age, chain stores in speech, places
slash-joined or in lower case: each found, the look-alikes left alone. Every person, number and address is invented."""

from __future__ import annotations

import pytest
from deid_probe import covered, touched

from praxishub.cases import refshapes, structured
from praxishub.cases.spans import Span

# --- initials ------------------------------------------------------------------------------


def test_a_chinese_name_with_its_pinyin_initials_in_brackets_and_their_recurrences() -> None:
    text = (
        "参会人员：\n- 县民政局儿童福利股 赫英杰（HYJ）\n- 县公安局派出所 富国栋（FGD）\n\n"
        "- HYJ（民政）：已启动临时监护评估。\n- FGD（派出所）：已出具告诫书。"
    )
    for part in ("赫英杰", "富国栋", "HYJ", "FGD"):
        assert covered(text, "zh", part), part


def test_initials_after_the_name_inside_its_brackets() -> None:
    text = "Předávka ranní službě (Bc. Lucie Marešová, LM) v 6:05. Zpětné volání zajistí LM."
    assert covered(text, "cs", "LM")


def test_initials_the_note_says_it_uses_instead_of_the_name() -> None:
    text = (
        "Client (initials only in supervision): HAF, 15, Year 10.\n\n"
        "I would like to bring HAF to our next session. HAF has asked that I do not call."
    )
    assert covered(text, "en", "HAF")


def test_spaced_initials_before_a_czech_and_are_a_pupil_not_a_degree() -> None:
    text = "Jako autoři byli zjištěni dva žáci 8. A (T. M. a J. Š.), věc řeší vedení školy."
    assert covered(text, "cs", "T. M.")
    assert covered(text, "cs", "J. Š.")


def test_a_degree_after_a_name_stays() -> None:
    text = "Report written by Jane Holloway, M.A., educational psychologist."
    assert not touched(text, "en", "M.A.")


# --- forms ---------------------------------------------------------------------------------

_US_FORM = (
    "Address: 9O23 Bellaire B1vd Apt 14C\n"
    "City: Houst0n    State: TX    Zip: 770S6\n"
    "Grade:              4   Homeroom: 4-207\n"
    "Insurance: Texas Medicaid    Member ID: 7041 5528 3\n"
)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        (_US_FORM, "en", "TX"),
        (_US_FORM, "en", "770S6"),
        (_US_FORM, "en", "4-207"),
        (_US_FORM, "en", "7041 5528 3"),
        (
            "a two-bedroom at 1470 Kwah Road, Fort St. James, BC V0J 1P0. Her father",
            "en",
            "V0J 1P0",
        ),
        ("adresa Sosnová 1047, 739 61 Třinec; PSČ otce 43-400; předchozí", "cs", "43-400"),
        ("Trida: VII b                  Tr. ucitel/ka: mgr Renata Kufová", "cs", "VII b"),
        ("Mladší sestra Zofia (II a) je bez obtíží.", "cs", "II a"),
        (
            "in Grade 9 at Cottonwood Ridge Secondary School (School District No. 91; PEN",
            "en",
            "School District No. 91",
        ),
        (
            "School: Kettle Creek Middle Sch0ol      District: Alief ISD      Grade: 8",
            "en",
            "Alief ISD",
        ),
        ("Talked through the CEOP reporting button; referred to Cybertip.ca.", "en", "CEOP"),
        ("Talked through the CEOP reporting button; referred to Cybertip.ca.", "en", "Cybertip.ca"),
        ("Given Childline (0800 1111) and Shout (85258) for overnight.", "en", "Shout"),
        (
            "Любимое занятие — домбра и рисование, занимается в ДШИ п. Яшкуль.",
            "ru",
            "ДШИ п. Яшкуль",
        ),
        (
            "**Адрес проживания:** 677007, Республика Саха (Якутия), г. Якутск, ул. Петровского",
            "ru",
            "Республика Саха (Якутия)",
        ),
        (
            "Mgr. Věra Holubová\nškolní psycholožka\n36. základní škola Plzeň, Jasmínová 18\ntel.",
            "cs",
            "36. základní škola Plzeň",
        ),
        ("- өтініш нөмірі — 0318; баланың аты-жөні — белгісіз", "kk", "0318"),
        ("11. Согласие на обработку данных: да  дата: О2.ОЗ.2О26\n", "ru", "О2.ОЗ.2О26"),
        (
            "a ještě moje mamka ta je ležící bude jí devadesát čtyři takže já nemůžu",
            "cs",
            "devadesát čtyři",
        ),
        (
            "Dubbo NSW 2830. Medicare no. on enrolment form 3974 99320 9, IRN 2 (unchanged).",
            "en",
            "3974 99320 9",
        ),
        ("я на смене в магните до двадцать четвёртого", "ru", "магните"),
        ("это напротив магнита, если надо будет прийти", "ru", "магнита"),
        ("v pardubicích blízko toho kauflandu naše psč", "cs", "kauflandu"),
        ("jak je ta bytovka vedle jednoty a ještě", "cs", "jednoty"),
        ("he stacks shelves at family dollar after school", "en", "family dollar"),
        (
            "Tusla – Child and Family Agency, Galway/Roscommon area. Mob 085 771 3049",
            "en",
            "Roscommon",
        ),
        ("mum said they drove back from ngaruawahia last night", "en", "ngaruawahia"),
    ],
)
def test_found_where_the_form_or_note_writes_it(text: str, language: str, part: str) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("viz článek (II a III) metodiky", "cs", "II a III"),
        ("State: unknown, to be confirmed", "en", "unknown"),
        ("Score on the Zung scale: 43-400 range is wrong, see the manual", "en", "43-400"),
        ("bude mu 9 let v září", "cs", "9 let"),
        ("je jí 92 % jistoty", "cs", "92"),
        ("the bus number 3974 99320 9 passed", "en", "3974 99320 9"),
        ("магнит притягивает скрепки, это игра", "ru", "магнит"),
        ("jednota třídy je důležitá", "cs", "jednota"),
        ("Paediatric Haem/Onc unit, ward 4", "en", "Onc"),
        ("she was in school on Monday and went to town", "en", "town"),
    ],
)
def test_look_alikes_stay(text: str, language: str, part: str) -> None:
    assert not touched(text, language, part)


def test_a_medicare_number_needs_its_check_digit() -> None:
    assert structured._medicare_valid("3974993209")
    assert not structured._medicare_valid("3974993219")
    assert not structured._medicare_valid("1974993209")  # never begins with 1


# --- a log's series ------------------------------------------------------------------------


def test_records_of_a_series_two_found_ids_share_are_found_where_named_in_passing() -> None:
    text = "**26-0348** — звонок.\n**26-0349** — повторный абонент, тот же, что 26-0297 и 26-0315."
    found = [
        Span(2, 9, "ID", "t"),
        Span(text.index("26-0349"), text.index("26-0349") + 7, "ID", "t"),
    ]
    mates = {text[s.start : s.end] for s in refshapes.recurring(text, found)}
    assert {"26-0297", "26-0315"} <= mates


def test_one_found_id_makes_no_series() -> None:
    text = "Заявка 26-0348 принята; в 12-2026 отчёт."
    found = [Span(7, 14, "ID", "t")]
    assert not {text[s.start : s.end] for s in refshapes.recurring(text, found)} & {"12-2026"}
