"""Identifiers in the shapes the twenty-second set's notes gave them: letter-spaced words of
scanned forms, chat groups named after their app, a forwarded message's sender, a report's
letter for a person, Mongolian script, Taiwan's dotted dates, labelled numbers (a data box
with a word between, an incident, a South African case, a birth certificate's series, a
decree's number after its issuer and town), classes (Romanian, Hong Kong, a class by its
number, gymnasium years before the school, a span of Scottish years), bodies (hospital
acronyms, a registry office, a Welsh hospital, a capitals letterhead), towns with their
province, a Welsh street, ages over 89, a lower-case title's surname, a passport's Latin
spelling, a user name read out, a voice note's sender, a log's rows cited by their last
group. Each found, the look-alikes left alone. Every person, number and address is
invented."""

from __future__ import annotations

import pytest
from deid_probe import covered, touched

# --- scanned forms ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        (
            "Заңды өкiлi ........ Савельева М а р и н а  Олеговна (анасы)\nТел. ........",
            "kk",
            "Савельева М а р и н а  Олеговна",
        ),
        ("680011, г. Х а б а р о в с к, ул. Шеронова, д. 12", "ru", "Х а б а р о в с к"),
        (
            "вх. № 118 от 05.03.2026, принял К у з ь м и н а  Т. В.\n",
            "ru",
            "К у з ь м и н а  Т. В.",
        ),
    ],
)
def test_letter_spaced_names_and_towns_of_scans(text: str, language: str, part: str) -> None:
    assert covered(text, language, part)


def test_a_letter_spaced_heading_is_no_name() -> None:
    text = "З а к л ю ч е н и е\n\nРебёнок посещает занятия регулярно."
    assert not touched(text, "ru", "З а к л ю ч е н и е")


# --- chats, reports -------------------------------------------------------------------------


def test_a_chat_group_named_after_its_app() -> None:
    text = "Вечером сидит в чате с ребятами из посёлка в WhatsApp «Сосновка парни 🐺»."
    assert covered(text, "ru", "Сосновка парни 🐺")


def test_a_message_quoted_after_its_app_is_no_group() -> None:
    text = "Вчера она написала подруге в WhatsApp «я больше не могу» и удалила."
    assert not touched(text, "ru", "больше не могу")


def test_a_group_with_its_kind_in_brackets() -> None:
    text = "«8Б біздің» (топ)      Telegram    24"
    assert covered(text, "kk", "8Б біздің")


def test_a_forwarded_voice_message_s_sender() -> None:
    text = "**语音2**　发送人：子轩外婆　3月9日 07:40　0:31\n\n老师好 孩子今天不去了"
    assert covered(text, "zh", "子轩外婆")


def test_a_report_s_letter_for_a_person_wherever_it_stands() -> None:
    text = "本次报告一名初二男生，以下称“K”。\n\nK，13岁，住校。K的父亲在外打工。ADHD量表未做。"
    assert covered(text, "zh", "K")  # each of the three
    assert not touched(text, "zh", "ADHD")


def test_a_name_in_mongolian_script() -> None:
    assert covered("患者姓名  乌力吉（蒙文：ᠥᠯᠵᠡᠢ）  性别 男", "zh", "ᠥᠯᠵᠡᠢ")


@pytest.mark.parametrize(
    ("text", "part"),
    [("## 五、補記（114.11.20）", "114.11.20"), ("外公在5·12地震中受伤", "5·12")],
)
def test_taiwan_dotted_dates_and_events_by_their_day(text: str, part: str) -> None:
    assert covered(text, "zh", part)


def test_a_version_number_is_no_minguo_date() -> None:
    assert not touched("平板系统版本 15.3.1 已更新。", "zh", "15.3.1")


# --- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Zpráva odeslána do datové schránky školy 4kqm7ts dne 3. 3. 2026.", "cs", "4kqm7ts"),
        ("Police attended (incident K26-118204) at 23:10.", "en", "K26-118204"),
        ("The case is CAS 212/03/2026 at Yeoville SAPS.", "en", "212/03/2026"),
        ("св-во о рожд. II-ДВ 614203, выдано 2016 г.", "ru", "II-ДВ 614203"),
        (
            "Опека установлена постановлением мэрии г. Абакана от 14.06.2023 № 512 после",
            "ru",
            "512",
        ),
        ("通報序號：1141105-0218    紀錄日期", "zh", "1141105-0218"),
    ],
)
def test_labelled_and_shaped_numbers(text: str, language: str, part: str) -> None:
    assert covered(text, language, part)


def test_an_incident_without_a_number_is_no_id() -> None:
    assert not touched("After the incident 3 weeks ago she stopped coming.", "en", "3 weeks")


# --- classes, schools ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("předtím Școala Gimnazială nr. 3 Iași (clasa a III-a)", "cs", "clasa a III-a"),
        ("předtím Scoala Gimnaziala nr. 3 Iasi, pak u nás", "cs", "Scoala Gimnaziala nr. 3"),
        ("<td>班別</td><td>中二C班，學號 14</td>", "zh", "中二C班"),
        ("放学后跟四班一个男生去了网吧", "zh", "四班"),
        ("sestra Linh (12 let, sekunda na Gymnáziu Na Vítězné)", "cs", "sekunda"),
        ("She attended Sgoil an Iar from P4 to P6, where she", "en", "P4 to P6"),
    ],
)
def test_classes_and_schools(text: str, language: str, part: str) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "part"),
    [("工厂实行三班倒", "三班倒"), ("他在学院大一，英语2501班", "大一")],
)
def test_shifts_and_university_years_are_no_classes(text: str, part: str) -> None:
    assert not touched(text, "zh", part)


# --- bodies, places, streets -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("В июле 2025 г. лежал в ОДКБ, потом «замкнулся».", "ru", "ОДКБ"),
        ("выдано отделом ЗАГС администрации г. Абакана 02.02.2016", "ru", "отделом ЗАГС"),
        ("В 2024 г. обследована ЦПМПК РС(Я), рекомендована", "ru", "ЦПМПК РС(Я)"),
        ("appt at ysbyty glan clwyd came through for monday", "en", "ysbyty glan"),
        ("LIMPOPO DEPARTMENT OF EDUCATION\nREFERRAL FORM", "en", "LIMPOPO DEPARTMENT OF EDUCATION"),
        ("The family moved from Ipswich, QLD to Porirua.", "en", "QLD"),
        ("texter in Rankin Inlet, NU, safety plan made", "en", "Rankin Inlet"),
        ("texter in Rankin Inlet, NU, safety plan made", "en", "NU"),
        ("Mother: Eleri Jones, 9 Maes y Garreg, Bethel, LL55 1AB.", "en", "9 Maes y Garreg"),
        ("Bydliště: Dolní Lánov 14, 543 41 Lánov, okr. Trutnov", "cs", "okr. Trutnov"),
    ],
)
def test_bodies_places_and_streets(text: str, language: str, part: str) -> None:
    assert covered(text, language, part)


def test_a_weekday_before_a_capitalised_on_is_no_town() -> None:
    assert not touched("See you Monday, ON time please.", "en", "Monday")


# --- ages, people ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ('Her great-grandmother lives with them; she is "about 92".', "en", "92"),
        ("үйдегі анам биыл тоқсан екіге толады, сол кісі", "kk", "тоқсан екіге"),
        ("came thru for 4th march, dr pritchard again", "en", "pritchard"),
        ("паспортта латынша NURLAN ABDIKERIM; мектеп тізімінде", "kk", "NURLAN ABDIKERIM"),
    ],
)
def test_ages_and_names(text: str, language: str, part: str) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    "text", ["She is 95% sure it was him.", "he was 90 kg at intake", "her score was 96/100"]
)
def test_percentages_weights_and_scores_are_no_ages(text: str) -> None:
    assert not touched(text, "en", "9")


def test_a_lower_case_title_before_a_common_word_is_no_name() -> None:
    assert not touched("i told mr the truth about it", "en", "the truth")


SHIFT_LOG = (
    "```\nСессия №     Уақыт  Клиент\nКС-26-0412   20:14  @tun_qus_14\nКС-26-0413   21:02  "
    "@aq_bulut\n```\n\n- **0412.** Сыныптастары мазақтайды.\n- **0413.** Қауіп белгісі жоқ."
)


def test_a_log_s_summary_citing_its_rows_by_their_last_group() -> None:
    assert covered(SHIFT_LOG, "kk", "0412")
    assert covered(SHIFT_LOG, "kk", "0413")


def test_a_year_like_last_group_is_not_taken_alone() -> None:
    text = "Өтініш № ӨТ-26-2025 тіркелді. 2025 жылы ол мектепке барды."
    assert not touched(text, "kk", "2025 жылы")


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        (
            "doma mi ukázal že ten účet je kuba podtržítko ká pé a píše",
            "cs",
            "kuba podtržítko ká pé",
        ),
        (
            "он сидит в вк там у него ник тимур подчёркивание ноль пять и",
            "ru",
            "тимур подчёркивание ноль пять",
        ),
        ("**voice message 2 – Nana Rose 🌸 – 0:48 – Mon 9 Feb**\nhi miss", "en", "Nana Rose 🌸"),
        ("Leah Kowalczyk, grade 7 at Northfield Regional, called back.", "en", "grade 7"),
    ],
)
def test_user_names_read_out_voice_note_senders_and_a_grade_at_a_school(
    text: str, language: str, part: str
) -> None:
    assert covered(text, language, part)


def test_a_user_name_read_out_stops_before_the_next_word() -> None:
    text = "там у него ник тимур подчёркивание ноль пять и там ему пишут"
    assert not touched(text, "ru", "и там")
