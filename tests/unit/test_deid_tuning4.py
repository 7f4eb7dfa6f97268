"""Focused checks of the rules added while tuning on tests/fixtures/deid/tuning4/ and tuning5/.

Every example is invented for these tests; none is taken from the labelled sets.
"""

from __future__ import annotations

import pytest

from praxishub.cases import (
    addressparts,
    ages,
    grades,
    handles,
    nameedges,
    orgforms,
    references,
)
from praxishub.cases.engine import Deidentifier
from praxishub.cases.spans import Span


def texts(spans, text, kind=None):
    return {text[s.start : s.end] for s in spans if kind is None or s.kind == kind}


def masked(text: str, language: str) -> list[str]:
    tool = Deidentifier()
    return [text[s.start : s.end] for s in tool.spans(text, language)]


def covered(part: str, text: str, language: str) -> bool:
    """Is every character of part (at its first place in text) inside a masked span?"""
    at = text.index(part)
    spans = Deidentifier().spans(text, language)
    return all(
        any(s.start <= i < s.end for s in spans) or not text[i].strip()
        for i in range(at, at + len(part))
    )


# --- references -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("**ПРОТОКОЛ № 12**\nзаседания совета", "12"),
        ("по заявлению в полицию (КУСП № 80231) проводится проверка", "80231"),
        ("мектептің ППк хаттамасы № 9, 12.02.2026", "9"),
        ("Sídlo: Lipová 4, IČO: 71234560", "71234560"),
        ("Dr Ada Finch, clinical psychologist (HCPC PYL12345)", "PYL12345"),
        ("Crime report no. 27-118204 was opened.", "27-118204"),
        ("Learner's ULN: 4417203981", "4417203981"),
        ("číslo pasu 45120983, vydán 2021", "45120983"),
        ("Spis. zn.: OSPOD 402/2025/Nov", "OSPOD 402/2025/Nov"),
        ("ev. č. klienta: KPS-BR-0412/26", "KPS-BR-0412/26"),
        ("门诊号:7T-2511-00342", "7T-2511-00342"),
        ("编号：渝心转〔2025〕044号", "渝心转〔2025〕044号"),
        ("свидетельство о рождении серия IV-КБ № 731046", "IV-КБ"),
        ("свидетельство о рождении серия IV-КБ № 731046", "731046"),
        ("жеке куәлік № 051827364, ҚР ІІМ берген", "051827364"),
        ("See the letter MDT-NW-2025-0417 attached.", "MDT-NW-2025-0417"),
    ],
)
def test_reference_numbers(text, number):
    assert number in texts(references.find(text), text, "ID")


def test_a_pupil_number_of_g_and_an_identity_number():
    text = "<td>G110105201403070024</td>"
    assert texts(references.find(text), text) == {"G110105201403070024"}


@pytest.mark.parametrize(
    "text",
    [
        "Scores: PHQ-9 = 14, GAD-7 = 12, SCL-90-R done.",
        "**ПРОТОКОЛ №** заседания, ХАТТАМА",
        "Dates 2025-03-04 and 12/03/2025; ICD-10 F41.1.",
        "школа № 5 и детский сад № 12",
    ],
)
def test_no_reference_numbers_in_tests_dates_or_schools(text):
    assert not list(references.find(text))


# --- handles --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("02:10  chat      mira_bez_spanku   panic attack", "mira_bez_spanku"),
        ("He plays Roblox as TOBY_X_GAMER at night.", "TOBY_X_GAMER"),
        ("She posts on Tumblr as moth-under-glass.", "moth-under-glass"),
        ("23:40  Messenger  petra.nova.09  bullying", "petra.nova.09"),
        ("his Discord is kestrel_k#5521 and", "kestrel_k#5521"),
        ("в чате класса «8В без учителей» выложили фото", "8В без учителей"),
        ("v třídní skupině „9.A jen my“ se smáli", "9.A jen my"),
        ("link in the WhatsApp group “Parents Y4 Oak”.", "Parents Y4 Oak"),
        ("他加入了“江城夜猫子”服务器", "江城夜猫子"),
        ("照片被发到“实验二小八卦群”", "实验二小八卦群"),
        ("01:05  QQ    2384710956     失眠", "2384710956"),
        ("«Ертіс Барыстары» командасымен түнде ойнайды", "Ертіс Барыстары"),
    ],
)
def test_handles(text, handle):
    assert handle in texts(handles.find(text), text, "HANDLE")


def test_whatsapp_export_speakers_are_handles():
    text = (
        "12.04.2026, 20:11 - Гүлнар мектеп 🌷: Сәлеметсіз бе\n"
        "12.04.2026, 20:15 - aigul_mama_D: Иә\n"
        "12.04.2026, 20:16 - Гүлнар мектеп 🌷: Рақмет\n"
        "12.04.2026, 20:18 - aigul_mama_D: Жақсы\n"
    )
    found = texts(handles.find(text), text, "HANDLE")
    assert {"Гүлнар мектеп 🌷", "aigul_mama_D"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "Report saved as report_final.docx and example.org/page, e.g. notes.",
        "Ходит в группу «Мы рядом» по средам.",
        "Chodí do skupiny „Kamarádi“ a na kroužek.",
        "Протокол встречи по конфликту «родитель — учитель»",
        "**Встреча 2.** Работа с коробкой воспоминаний",
    ],
)
def test_no_handles_in_files_therapy_groups_or_headings(text):
    assert not texts(handles.find(text), text, "HANDLE")


def test_no_handles_in_lines_of_code():
    text = "import pandas as pd\nscores_clean = load_scores(raw.data_2025)\nprint(scores_clean)"
    assert not texts(handles.find(text), text, "HANDLE")


# --- classes and dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("Jana Malá (3.K) přišla sama.", "3.K", "CLASS"),
        ("chodí do gymnázia, septima, od září", "septima", "CLASS"),
        ("School / year:  Oakfield High ,  Yr 10", "Yr 10", "CLASS"),
        ("3月4日  陈子墨  五(3)  班主任  哭泣", "五(3)", "CLASS"),
        ("在市第八中学初二读书", "初二", "CLASS"),
        ("студентка МТ-24-1 группы колледжа", "МТ-24-1", "CLASS"),
        ("студентка группы МТ-24-1 колледжа", "МТ-24-1", "CLASS"),
        ("Group BTEC-L2-1 at the college", "BTEC-L2-1", "CLASS"),
        ("Студент Ержан Қ., ЭТ-25-3 тобы", "ЭТ-25-3", "CLASS"),
        ("12:01 kid_x: привет это дима из 7г", "7г", "CLASS"),
        ("04/03/26  Liam Hart        5th    teacher", "5th", "CLASS"),
        ("Datum  17 .4. 2026", "17 .4. 2026", "DATE"),
        ("日期 2026 . 4 . 17", "2026 . 4 . 17", "DATE"),
        ("Кездесу күні: 21-ші наурыз, 10:00", "21-ші наурыз", "DATE"),
    ],
)
def test_classes_and_dates(text, value, kind):
    assert value in texts(grades.find(text), text, kind)


def test_no_class_in_a_range_of_years_or_a_plain_ordinal():
    text = "Gymnázium (primy až oktávy). He came 5th in the race."
    assert not texts(grades.find(text), text, "CLASS")


@pytest.mark.parametrize(
    ("text", "language", "date"),
    [
        ("Vyšetření 14. a 15. 4. 2026 proběhlo.", "cs", "14. a 15. 4. 2026"),
        ("Обследование 3 и 4 апреля 2026 г.", "ru", "3 и 4 апреля"),
        ("Camp runs 7th and 8th August.", "en", "7th and 8th August"),
        ("Next review: Tuesday 14 April.", "en", "Tuesday 14 April"),
    ],
)
def test_dates_grow_over_a_first_day_and_a_weekday(text, language, date):
    assert covered(date, text, language)


# --- addresses ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "address"),
    [
        ("Приём: ул. Гончарова, д. 12, 4 этаж.", "ru", "ул. Гончарова, д. 12, 4 этаж"),
        ("клиника — б-р Славы, 7/2, пом. 3, сайт", "ru", "б-р Славы, 7/2, пом. 3"),
        (
            "Живёт: Каширское ш., д. 40, корп. 1, кв. 8.",
            "ru",
            "Каширское ш., д. 40, корп. 1, кв. 8",
        ),
        ("bydlí na Dlouhé cesty 1204/17, byt 33, u tety", "cs", "Dlouhé cesty 1204/17, byt 33"),
        ("Tovární čp. 815, č. or. 3, Kolín", "cs", "Tovární čp. 815, č. or. 3"),
        ("Lives at Flat 4 , 22 Mill Road  ,  Leeds", "en", "Flat 4 , 22 Mill Road"),
        ("Office: 2nd floor, 8 Queen Street, Bath", "en", "2nd floor, 8 Queen Street"),
        ("Her address: 4120 Cedar Hollow Trl, Austin", "en", "4120 Cedar Hollow Trl"),
        ("住址：滨江路18号翠湖名苑3期5栋2单元1101", "zh", "滨江路18号翠湖名苑3期5栋2单元1101"),
    ],
)
def test_addresses_with_their_units(text, language, address):
    assert covered(address, text, language)


def test_a_czech_place_grows_over_the_noun_of_its_adjective():
    text = "děda z Lhoty nad Zelenými vrchy"
    at = text.index("Lhoty")
    spans = [Span(at, len(text) - len(" vrchy"), "PLACE", "ner")]
    assert "Lhoty nad Zelenými vrchy" in texts(addressparts.grown(text, spans), text)


def test_a_score_with_a_slash_is_no_address():
    text = "Raven's Progressive Matrices  41/60, Digit Span 9/16"
    assert not list(addressparts.find(text))


# --- organisations --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Called the Riverbend Youth Crisis Line at night.", "Riverbend Youth Crisis Line"),
        ("a leaflet from Harlow Prevention Coalition", "Harlow Prevention Coalition"),
        ("Summer: Kestrel Lake Activity Camp, funded", "Kestrel Lake Activity Camp"),
        ("contact Dunmore PD today", "Dunmore PD"),
        ("vouchers from Marsh Lane Foodbank weekly", "Marsh Lane Foodbank"),
        ("supported by Women's Aid Wakefield", "Women's Aid Wakefield"),
        ("zasahovala Městská policie Kladno", "Městská policie Kladno"),
        ("rozsudek Okresního soudu v Náchodě", "Okresního soudu v Náchodě"),
        ("kroužky v Domě dětí a mládeže Třebíč", "Domě dětí a mládeže Třebíč"),
        ("podpora nadačního fondu Zelený most, koordinátorka", "nadačního fondu Zelený most"),
        ("направлен в ГКПБ № 4.", "ГКПБ № 4"),
        (
            "в ОП № 7 «Заречный» УМВД России по г. Самаре",
            "ОП № 7 «Заречный» УМВД России по г. Самаре",
        ),
        (
            "Уполномоченный по правам ребёнка в Пермском крае",
            "Уполномоченный по правам ребёнка в Пермском",
        ),
        ("Жазда «Шаттық» балалар лагері жұмыс істейді", "«Шаттық» балалар лагері"),
        ("周末去青山区文化站下棋", "青山区文化站"),
        ("母亲在“花语”奶茶店打工", "“花语”奶茶店"),
    ],
)
def test_organisations_by_type_words(text, org):
    assert org in texts(orgforms.find(text), text, "ORG")


@pytest.mark.parametrize(
    ("text", "span", "grown"),
    [
        ("Центр «Опора»", "Центр «Опора", "Центр «Опора»"),
        ("«Радуга»", "Радуга", "«Радуга»"),
        (
            "ZŠ Cheb, Školní 3, příspěvková organizace",
            "ZŠ Cheb",
            "ZŠ Cheb, Školní 3, příspěvková organizace",
        ),
        (
            "Dětský domov Lipnice, o. p. s.",
            "Dětský domov Lipnice",
            "Dětský domov Lipnice, o. p. s.",
        ),
        ("Magistrát města Zlína, OSPOD", "Magistrát města Zlína", "Magistrát města Zlína, OSPOD"),
        ("СПб ГБУЗ «Больница № 3»", "ГБУЗ «Больница № 3»", "СПб ГБУЗ «Больница № 3»"),
        ("КЦСОН по Ленинскому району", "КЦСОН", "КЦСОН по Ленинскому району"),
        (
            "Hill Foundation (registered charity)",
            "Hill Foundation",
            "Hill Foundation (registered charity)",
        ),
    ],
)
def test_organisations_grow_over_quotes_legal_forms_and_units(text, span, grown):
    at = text.index(span)
    if span == "ZŠ Cheb":  # a school whose address was found with it
        spans = [Span(0, len("ZŠ Cheb, Školní 3"), "ADDRESS", "pattern")]
    else:
        spans = [Span(at, at + len(span), "ORG", "pattern")]
    assert grown in texts(orgforms.grown(text, spans), text)


def test_a_heading_word_before_a_number_is_no_organisation():
    text = "**ПРОТОКОЛ № 5**\nХАТТАМА № 7"
    assert not list(orgforms.find(text))


def test_a_chinese_business_kind_joins_the_name_before_it():
    text = "母亲在佳乐超市上班"
    at = text.index("佳乐")
    spans = [Span(at, at + 2, "PERSON", "jieba")]
    assert "佳乐超市" in texts(orgforms.grown(text, spans), text)


def test_a_generic_helpline_is_no_organisation():
    text = "# Linka důvěry – záznam hovoru\nvolala na linku důvěry"
    assert not list(orgforms.find(text))


# --- names and ages -------------------------------------------------------------------------


def test_a_first_name_joins_the_surname_found_alone():
    text = "Otec: Ondřej Kowalczuk, řidič"
    at = text.index("Kowalczuk")
    spans = [Span(at, at + len("Kowalczuk"), "PERSON", "ner")]
    assert "Ondřej Kowalczuk" in texts(nameedges.grown(text, spans, "cs"), text)


def test_a_chinese_surname_joins_the_given_name_found_alone():
    text = "家长赵桂兰说"
    at = text.index("桂兰")
    spans = [Span(at, at + 2, "PERSON", "ner")]
    assert "赵桂兰" in texts(nameedges.grown(text, spans, "zh"), text)


def test_a_word_before_a_surname_that_is_no_name_stays_out():
    text = "Report by Melnyk"
    at = text.index("Melnyk")
    spans = [Span(at, at + len("Melnyk"), "PERSON", "ner")]
    assert not list(nameedges.grown(text, spans, "en"))


@pytest.mark.parametrize(
    ("text", "nick"),
    [
        ("Note: she prefers “Lottie”.", "Lottie"),
        ("Doma mu říkají „Vojta“ a ve škole jinak.", "Vojta"),
        ("Дома её зовут «Ксюша».", "Ксюша"),
    ],
)
def test_nicknames_after_a_word_for_being_called(text, nick):
    assert nick in texts(nameedges.nicknames(text), text)


def test_a_quoted_nickname_after_a_name():
    text = 'Seen with Harriet Lowe ("Hattie") today'
    at = text.index("Harriet Lowe")
    spans = [Span(at, at + len("Harriet Lowe"), "PERSON", "ner")]
    assert "Hattie" in texts(nameedges.grown(text, spans, "en"), text)


def test_a_quoted_word_that_is_no_nickname():
    text = "She prefers “quiet time” and is known as helpful."
    assert not list(nameedges.nicknames(text))


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("(great-grandma Iris 94, lives in Hove)", "94"),
        ("прадедушка Пётр Ильич, 91 г., живёт отдельно", "91"),
        ("Mr Alfred Moss, ninety-four, called twice", "ninety-four"),
    ],
)
def test_ages_over_89_after_an_elder(text, age):
    assert age in texts(ages.in_words(text), text)


def test_an_age_under_90_after_an_elder_is_no_age():
    text = "(grandma Iris 74, lives in Hove)"
    assert not list(ages.in_words(text))
