"""Initials of people a note names, record numbers named again, meeting IDs, lists of days,
elders' ages in a log's columns, numbered documents, form fields for a grade or a staff member,
Australian and New Zealand postcodes, settlements by their abbreviation: each found where a
note writes it, the look-alikes left alone. Every person, number and address is invented."""

from __future__ import annotations

import pytest

from praxishub.cases import ages, classforms, formfields, postal, references
from praxishub.cases.engine import Deidentifier


def _covered(text: str, language: str, part: str, kind: str | None = None) -> bool:
    """Is every character of part (its first occurrence in text) inside one masked span (of
    that kind, if given)?"""
    at = text.index(part)
    tool = Deidentifier(language=language)
    return any(
        s.start <= at and at + len(part) <= s.end and (kind is None or s.kind == kind)
        for s in tool.spans(text, language)
    )


def _masked_at(text: str, language: str, at: int, length: int) -> bool:
    tool = Deidentifier(language=language)
    return any(s.start <= at and at + length <= s.end for s in tool.spans(text, language))


# --- initials of people the note names -----------------------------------------------------


def test_cyrillic_initials_written_name_first_are_the_person() -> None:
    text = (
        "Члены комиссии: Шестакова Марина Игоревна (МИШ), педагог-психолог; "
        "Голубева Елена Сергеевна (ЕСГ), соцзащита.\n"
        "МИШ доложила о посещении семьи. ЕСГ предложила оформить опеку. МИШ согласна."
    )
    for at in [i for i in range(len(text)) if text.startswith("МИШ", i)]:
        assert _masked_at(text, "ru", at, 3)
    assert _masked_at(text, "ru", text.rindex("ЕСГ"), 3)


def test_pinyin_initials_touching_chinese_characters_are_the_person() -> None:
    text = (
        "值班咨询员：陈思远（CSY）、黄丽娟（HLJ）\n"
        "来电者情绪激动，CSY保持通话并评估风险。HLJ用备用线拨打110。\n"
        "后续：HLJ于次日回访，CSY写交接记录。"
    )
    for key in ("CSY", "HLJ"):
        for at in [i for i in range(len(text)) if text.startswith(key, i)]:
            assert _masked_at(text, "zh", at, 3), (key, at)


def test_initials_joined_by_a_slash_and_a_signature_are_people() -> None:
    text = (
        "Notes by Callum Drummond, guidance teacher.\n"
        "IRD discussion with CPC Mrs Moira Kerr (DHT); counsellor Mereana Tautahi present.\n"
        "**10/02/2026** – CD/MK. Met the pupil and Mum at the hub.\n"
        "Safety plan copy in file. — MT\n"
    )
    assert _covered(text, "en", "MK", "PERSON")
    assert _masked_at(text, "en", text.rindex("MT"), 2)


def test_slovak_capital_initials_are_the_person() -> None:
    text = (
        "Ľubomír Baláž        otec        ĽB\n"
        "- ĽB: pracuje na směny, má zájem o pomoc.\n"
        "kontrola u psychiatra        ĽB        31. 3. 2026\n"
    )
    for at in [i for i in range(len(text)) if text.startswith("ĽB", i)]:
        assert _masked_at(text, "cs", at, 2)


def test_capitals_that_name_no_one_stay() -> None:
    text = "Ms Jana Novak met the SENCo. The CAMHS letter and the EHCP are on file; see p. 2 (PDF)."
    tool = Deidentifier(language="en")
    masked = {text[s.start : s.end] for s in tool.spans(text, "en")}
    assert not masked & {"CAMHS", "EHCP", "PDF", "SENCo"}


# --- record numbers named again, meeting IDs ------------------------------------------------


def test_a_shift_logs_call_number_is_masked_where_the_text_names_it_again() -> None:
    text = (
        "```\n"
        "№ звонка  время  конс.  канал  кто            тема\n"
        "26-0150    21:31  ТКЭ    тел.   мать, 38       сын не ночует дома\n"
        "26-0151    22:17  МОВ    чат    подросток 15   самоповреждение\n"
        "```\n"
        "Утренней смене: ждём повторный звонок по 26-0150; по 26-0151 — проверить.\n"
    )
    for at in [i for i in range(len(text)) if text.startswith("26-015", i)]:
        assert _masked_at(text, "ru", at, 7)


def test_a_number_found_once_masks_its_recurrences_touching_chinese() -> None:
    text = (
        "来电编号 JC2611200034 23:48 男 15 初二\n"
        "- JC2611200034的来电者留下QQ号，希望咨询员加好友。\n"
    )
    assert _masked_at(text, "zh", text.rindex("JC2611200034"), 12)


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        ("Možné termíny: 18. března, online (Zoom, ID schůzky 842 3371 0956).", "842 3371 0956"),
        (
            "if you have 30 minutes (Zoom is fine – my personal room is 873 4410 2296)",
            "873 4410 2296",
        ),
        ("5 или 6 марта, после 18:00, Zoom (конференция 874 3312 0956)", "874 3312 0956"),
    ],
)
def test_a_meeting_id_a_few_words_after_its_service(text: str, meeting: str) -> None:
    found = [text[s.start : s.end] for s in references.find(text)]
    assert meeting in found


def test_a_zoom_time_or_year_is_no_meeting_id() -> None:
    text = "Zoom at 18:00 on 12 March 2026, about 45 minutes."
    assert not [s for s in references.find(text) if s.kind == "ID"]


# --- lists of days, Kazakh month abbreviations ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "dates"),
    [
        (
            "neomluvená absence připadá na 5., 6. a 9. ledna 2026. Omluvenky",
            "cs",
            "5., 6. a 9. ledna 2026",
        ),
        (
            "Dates of testing: January 13, 20 and 27, 2026\nExaminer:",
            "en",
            "January 13, 20 and 27, 2026",
        ),
        ("2. 19, 24 және 27 ақпан күндері бала сабаққа келмеген.", "kk", "19, 24 және 27 ақпан"),
        ("А.Қ.: 12 қаңтар мен 25 ақпан аралығында 46 сабақ", "kk", "12 қаңтар мен 25 ақпан"),
        ("**Күні:** 12 ақп. 2026 ж., 16:48", "kk", "12 ақп. 2026"),
    ],
)
def test_a_list_or_range_of_days_is_masked_whole(text: str, language: str, dates: str) -> None:
    assert _covered(text, language, dates, "DATE")


# --- ages over 89 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("26-0152    23:48  ТКЭ    тел.   женщина, 93 г.     одиночество", "93"),
        ("JC2611200033  23:02  CSY   女 92           独居、孤独", "92"),
        ("Great-gran lives with her: \"Mam's 92, she's sharp as anything\"", "92"),
        ("(Ким Сун Ок, моя мама, ей в этом году 90), хотя раньше ходил", "90"),
        ("На вопрос о дне рождения: «2 февраля будет девяносто четыре».", "девяносто четыре"),
    ],
)
def test_an_age_over_89_in_a_log_or_said_of_someone(text: str, age: str) -> None:
    assert age in [text[s.start : s.end] for s in ages.in_words(text)]


@pytest.mark.parametrize(
    "text",
    [
        "女 95分，名列第一",  # a score
        "ему 95 баллов по тесту",
        "будет девяносто рублей",
        "женщина, 93 кг",
    ],
)
def test_numbers_over_89_that_are_no_age_stay(text: str) -> None:
    assert not list(ages.in_words(text))


# --- numbered documents ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Бала 2023 жылғы 14 сәуірдегі № 1183 қаулыға сәйкес әжесінің қамқорлығында.", "1183"),
        ("тұрмыстық жағдайды тексеру актісі жасалды (№ 57).", "57"),
        (
            "Протокол об административном правонарушении 66 В № 0419273 от 28.01.2026",
            "66 В № 0419273",
        ),
        ("- номер анкеты — П-0317;", "П-0317"),
        ("Naše č. j.: ZSTA-412/2026\nVaše sp. zn.: OSPOD/2891/2025/Kř\n", "OSPOD/2891/2025/Kř"),
    ],
)
def test_a_numbered_document_is_an_id(text: str, number: str) -> None:
    assert number in [text[s.start : s.end] for s in references.find(text)]


def test_an_article_or_an_appendix_number_is_no_document_id() -> None:
    text = "по ч. 1 ст. 20.20 КоАП РФ; приложение № 2 к приказу."
    assert "2" not in [text[s.start : s.end] for s in references.find(text)]


# --- classes and courses, staff fields ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ("DOB: 07/22/2016        Age: 9 yrs 6 mos        Grade: 4\n", "4"),
        ("School/setting: Bordesley Green Trinity Academy     Year: 7  Form: 7SK\n", "7"),
        ("Pupil: Ellie-Mae Robertson · S3 · DOB 14.03.2011\n", "S3"),
        ("Subject: Request for extra supervision – sextortion case (B.N., 11th gr)\n", "11th gr"),
        ("Зуев Н. А., студент 1 курса колледжа транспорта", "1 курса"),
        ("в саду тоже молчал до подготовительной группы.", "подготовительной группы"),
    ],
)
def test_a_grade_year_or_course_field_is_a_class(text: str, cls: str) -> None:
    assert cls in [text[s.start : s.end] for s in classforms.find(text)]


@pytest.mark.parametrize(
    "text",
    ["Grade: 6 in maths, a good result.", "Year: 2026", "S1 and S2 heart sounds normal."],
)
def test_a_mark_a_year_or_a_heart_sound_is_no_class(text: str) -> None:
    assert not list(classforms.find(text))


def test_a_tibetan_name_in_a_staff_field_is_a_person() -> None:
    text = "接待咨询师：旦正才让　　证书编号：QH-XL-2019-0076\n"
    assert _covered(text, "zh", "旦正才让", "PERSON")


def test_a_staff_field_holding_a_kin_word_or_a_title_is_no_name() -> None:
    text = "联系人：父亲\n记录人：李老师\n"
    assert not [text[s.start : s.end] for s in formfields.find(text)]


# --- postcodes, addresses, settlements, helplines, bodies -----------------------------------


@pytest.mark.parametrize(
    ("text", "postcode"),
    [
        ("Guidance Counsellor\n120 Bankwood Road, Hamilton 3214\nDDI 07 847 3391", "3214"),
        ("lives with Nan at 14 Carramar Street, Woodridge 4114 – she gave", "4114"),
    ],
)
def test_an_australian_or_new_zealand_postcode_after_its_town(text: str, postcode: str) -> None:
    found = [(s.kind, text[s.start : s.end]) for s in postal.addresses(text)]
    assert ("POSTCODE", postcode) in found


def test_a_numbered_avenue_is_an_address() -> None:
    text = "Address on chart: 14882 96 Ave, Surrey, BC V3R 1E4"
    assert ("ADDRESS", "14882 96 Ave") in [
        (s.kind, text[s.start : s.end]) for s in postal.addresses(text)
    ]


@pytest.mark.parametrize(
    ("text", "language", "part", "kind"),
    [
        ("353320, Краснодарский край, ст. Холмская, ул. Ленина, д. 61", "ru", "Холмская", "PLACE"),
        ("с бабушкой, Белгородский район, п. Разумное, ул. Садовая", "ru", "Разумное", "PLACE"),
        ("проживающей: д. Погорелово, д. 14. Законный представитель", "ru", "д. 14", "ADDRESS"),
        (
            "супервизору Левиной Аде Борисовне, Саратовское региональное отделение Федерации "
            "психологов образования России",
            "ru",
            "Саратовское региональное отделение Федерации психологов образования России",
            "ORG",
        ),
        ("the LSSP for Helotes Ridge MS. I made the report", "en", "Helotes Ridge MS", "SCHOOL"),
        ("Handover 06:00. Lifeline 13 11 14 transfer was down.", "en", "Lifeline", "ORG"),
        ("demanded $500 via Cash App ($jennxo09), threatening", "en", "$jennxo09", "HANDLE"),
    ],
)
def test_places_bodies_and_handles_by_their_shape(
    text: str, language: str, part: str, kind: str
) -> None:
    assert _covered(text, language, part, kind)


@pytest.mark.parametrize(
    ("text", "language", "kept"),
    [
        ("Service line: 1800 647 215 · Webchat open 24/7", "en", "Service line"),
        ("по п. 3 ст. 20.20 КоАП", "ru", "20.20"),
        ("She paid $500 and the $AAPL shares on Cash App.", "en", "$AAPL"),
        ("Perfectionism high, anxiety moderate.", "en", "Perfectionism high"),
    ],
)
def test_look_alikes_stay(text: str, language: str, kept: str) -> None:
    tool = Deidentifier(language=language)
    at = text.index(kept)
    assert not any(
        s.start <= at < s.end and s.kind in ("ORG", "PLACE", "HANDLE", "SCHOOL")
        for s in tool.spans(text, language)
    )


def test_a_school_named_by_its_street_in_speech() -> None:
    text = "aunty june reckons we should move her to clyde road primary in june when the term ends"
    assert _covered(text, "en", "clyde road primary", "SCHOOL")


def test_a_kin_word_then_a_lower_case_name_and_surname() -> None:
    text = (
        "вера ивановна добрый вечер это мама сони бондаренко из четвёртого а извините что "
        "голосовым я за рулём"
    )
    assert _covered(text, "ru", "сони бондаренко", "PERSON")
