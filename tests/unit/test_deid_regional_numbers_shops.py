"""Identifiers in the shapes the twenty-first set's notes gave them: Taiwan's Minguo dates,
postcodes and schools, Hong Kong's and Macau's identity cards, Singapore's NRIC and phones,
a New Zealand postcode, labelled health-card and court numbers, a Russian form's series, small
Chinese businesses, Kazakh offices in the genitive, a Nazarbayev school, Czech schools by
number, streets abroad, a form's surname in capitals, an Arabic name after a title; and the
role, kin and label words that are no one's name. Each found, the look-alikes left alone.
Every person, number and address is invented."""

from __future__ import annotations

import pytest
from deid_probe import covered, masked, touched

# --- Taiwan, Hong Kong, Macau ---------------------------------------------------------------

TAIWAN_RECORD = (
    "建檔日期：115年3月10日\n"
    "- 學生：林芷晴，女，101年8月5日生\n"
    "- 住址：406037 臺中市北屯區崇德十路一段88巷15號3樓\n"
    "- 同住者：弟弟林冠宇（廍子國小四年級）"
)


@pytest.mark.parametrize("part", ["115年3月10日", "101年8月5日", "406037", "廍子國小"])
def test_a_taiwan_record_s_minguo_dates_postcode_and_school(part: str) -> None:
    assert covered(TAIWAN_RECORD, "zh", part)


def test_a_country_before_small_or_middle_is_no_taiwan_school() -> None:
    text = "她喜欢看韩国小说，后来搬到中国中部。"
    assert not touched(text, "zh", "韩国小说")
    assert not touched(text, "zh", "中国中部")


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("學生黃梓軒（澳門居民身份證 1289034(6)）。", "1289034(6)"),
        ("母親香港身份證 K407215(3)，住觀塘。", "K407215(3)"),
    ],
)
def test_macau_and_hong_kong_identity_cards_keep_their_check_digit(text: str, part: str) -> None:
    assert covered(text, "zh", part)


# --- Singapore, New Zealand, Canada ---------------------------------------------------------

SINGAPORE_MAIL = (
    "Our address is Blk 52 Jurong West St 52, #09-114, Singapore 640512. My HP is 9127 4408, "
    "wife 8336 2051.\nThe consent form needs your NRIC (S7874667Z) and Aisyah's birth "
    "certificate no. (T1290249I).\nMs Tan, School Counsellor\nDID 6561 2270"
)


@pytest.mark.parametrize("part", ["9127 4408", "8336 2051", "6561 2270", "S7874667Z", "T1290249I"])
def test_a_singapore_mail_s_phones_and_nric_numbers(part: str) -> None:
    assert covered(SINGAPORE_MAIL, "en", part)


def test_eight_digits_are_no_singapore_phone_where_nothing_names_singapore() -> None:
    text = "Ticket S7874667A was closed. The order 9127 4408 shipped from Leeds."
    assert not touched(text, "en", "9127 4408")  # S7874667A's check letter is wrong


def test_a_new_zealand_postcode_after_the_town_of_a_street_address() -> None:
    text = "- **Address:** 14B Breezes Road, Aranui, Christchurch 8061 (tenancy)"
    assert covered(text, "en", "8061")
    assert covered(text, "en", "Christchurch")
    assert not touched("We met in 2019, Leeds 2019 was different.", "en", "2019")


def test_a_health_card_number_after_its_label() -> None:
    text = "DOB: 2010-08-29      NS health card: 0042 118 563"
    assert covered(text, "en", "0042 118 563")


def test_a_form_s_surname_in_capitals_joins_the_given_name() -> None:
    text = "Patient:      PAUL, Kenadie            MRN: IWK-0481126"
    assert covered(text, "en", "PAUL, Kenadie")
    referrer = "Referrer: CAMHS, Sarah Jones rang."
    assert not touched(referrer, "en", "CAMHS")


def test_an_arabic_name_after_a_title_in_a_parent_s_message() -> None:
    text = "1/14/26, 3:52 PM - Yousef Mom: شكرا استاذة ليلى (thank you teacher Leila)"
    assert covered(text, "en", "ليلى")
    assert not touched(text, "en", "شكرا")


def test_the_reception_class_in_brackets() -> None:
    assert covered("Inaaya (Reception, also at Thornbury Lane).", "en", "Reception")


# --- Russian, Kazakh, Czech -----------------------------------------------------------------


def test_a_letterhead_s_ocr_postcode_and_settlement() -> None:
    text = "0ТДЕЛ ОПЕКИ\n6486О0, п. Тура, ул. Советская, д. 2\nсм. п. 3, п. Вывод"
    assert covered(text, "ru", "6486О0")
    assert covered(text, "ru", "Тура")
    assert not touched(text, "ru", "Вывод")


def test_a_protocol_s_series_and_number_without_the_number_sign() -> None:
    text = "протокол об административном правонарушении 87 АА 041952 по ч. 1 ст. 20.22 КоАП РФ"
    assert covered(text, "ru", "87 АА 041952")


@pytest.mark.parametrize(
    ("text", "part"),
    [
        (
            "3. Дарбаза ауылдық дәрігерлік амбулаториясының анықтамасы.",
            "Дарбаза ауылдық дәрігерлік амбулаториясының",
        ),
        ("куәлік № 0193355 ( Хромтау ауданының АХАЖ бөлiмi )", "Хромтау ауданының АХАЖ бөлiмi"),
        (
            "педагог-психолог, физика-математика бағытындағы Назарбаев Зияткерлік мектебі",
            "физика-математика бағытындағы Назарбаев Зияткерлік мектебі",
        ),
        ("айгозел приняли в назарбаевскую школу в таразе", "назарбаевскую школу"),
    ],
)
def test_kazakh_offices_clinics_and_a_nazarbayev_school(text: str, part: str) -> None:
    assert covered(text, "kk", part)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("sp. zn. opatrovnického řízení 14 P 87/2025, konáno", "14 P 87/2025"),
        ("odpoledne se online učí v Charkivském liceu č. 187", "Charkivském liceu č. 187"),
        (
            "kde rodina bydlela (vul. Hvardijciv-Široncivciv 54, kv. 117) a kde",
            "vul. Hvardijciv-Široncivciv 54, kv. 117",
        ),
    ],
)
def test_czech_court_marks_schools_by_number_and_streets_abroad(text: str, part: str) -> None:
    assert covered(text, "cs", part)


def test_an_annex_number_is_no_school() -> None:
    assert masked("Viz příloha č. 3 a bod č. 5.", "cs") == []


# --- Chinese businesses ---------------------------------------------------------------------

SHOPS = (
    "父亲个体经营（阿凡提烤馕坊，沙依巴克区）。母亲在道里区的老灶台饺子馆做服务员。"
    "父亲服刑（晋北监狱）。爸爸的茶行（茗香阁茶行）在湖里区。"
)


@pytest.mark.parametrize("part", ["阿凡提烤馕坊", "老灶台饺子馆", "晋北监狱", "茗香阁茶行"])
def test_small_chinese_businesses_and_a_prison(part: str) -> None:
    assert covered(SHOPS, "zh", part)


@pytest.mark.parametrize(
    "text", ["他在一家小饭馆吃饭。", "学校旁边的面馆很便宜。", "对方同意协助约谈面馆经营者。"]
)
def test_a_generic_or_verbal_phrase_before_a_trade_is_no_business(text: str) -> None:
    assert masked(text, "zh") == []


# --- Words that are no one's name -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("**Консультант:** Как ты сейчас?", "ru", "Консультант"),
        ("Учитель-логопед: рекомендовано продолжить занятия.", "ru", "Учитель-логопед"),
        ("Хатшы: жиналыс 15:00-де басталды.", "kk", "Хатшы"),
        ("21:47 Klient: nevím, co mám dělat", "cs", "Klient"),
        (
            "Present: Deputy Principal, Interpreter, Child Protection Practitioner",
            "en",
            "Interpreter",
        ),
        ("She stays with Mamaw on weekends.", "en", "Mamaw"),
        ("发件人：学校心理辅导室\n主题：转介", "zh", "发件人"),
    ],
)
def test_roles_kin_words_and_labels_are_no_names(text: str, language: str, word: str) -> None:
    assert not touched(text, language, word)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("3. Childline number (116) and the school's counsellor slot given.", "en", "Childline"),
        ("She was given Kids Help Phone and the Samaritans.", "en", "Kids Help Phone"),
        ("Doporučena Linka bezpečí, číslo zná.", "cs", "Linka bezpečí"),
    ],
)
def test_a_national_helpline_by_its_own_name(text: str, language: str, part: str) -> None:
    assert covered(text, language, part)


def test_a_lifeline_in_lower_case_is_a_word() -> None:
    assert not touched("The club has been a lifeline for her this term.", "en", "lifeline")
