"""Identifiers in the shapes this round's notes gave them: Chinese in Traditional characters
(Hong Kong's phones, schools, bodies and streets), lunar dates, dates said as ranges and
alternatives with a spoken year, classes said as a pupil's grade, a log's
sex-and-age cell, a user name after a platform's short name, a form's padded Chinese names,
a Kazakh postcode after its town, a spaced Roman-numeral date, labelled record numbers,
signature initials, a state's child-protection agency and a school district: each found, the
look-alikes left alone. Every person, number and address is invented."""

from __future__ import annotations

import pytest
from deid_probe import covered, touched

from praxishub.cases import traditional
from praxishub.cases.engine import Deidentifier

# --- Traditional characters --------------------------------------------------------------


HONG_KONG_LETTER = (
    "**基督教恩澤中學**\n學校社會工作服務（由恩光家庭服務會提供）\n"
    "地址：九龍觀塘協和街211號　電話：2797 1538　傳真：2797 1539\n\n"
    "黃先生、黃太：\n\n您好！我是學校社工陳嘉欣姑娘。如有需要，歡迎致電我的直線 3428 6150。"
)


@pytest.mark.parametrize(
    "part",
    [
        "基督教恩澤中學",
        "恩光家庭服務會",
        "協和街211號",
        "2797 1538",
        "2797 1539",
        "3428 6150",
        "陳嘉欣",
    ],
)
def test_a_hong_kong_letter_in_traditional_characters(part: str) -> None:
    assert covered(HONG_KONG_LETTER, "zh", part)


def test_the_simplified_view_keeps_every_offset() -> None:
    view = traditional.simplified(HONG_KONG_LETTER)
    assert view is not None and len(view) == len(HONG_KONG_LETTER)
    assert "恩泽中学" in view and "协和街211号" in view
    assert traditional.simplified("学校社工陈嘉欣") is None  # already Simplified


def test_eight_digits_in_a_simplified_note_are_no_hong_kong_phone() -> None:
    text = "下次面谈定在 2797 1538 号房间，3月27日。"
    assert "2797 1538" not in _phones(text)


def _phones(text: str) -> list[str]:
    from praxishub.cases import structured

    return [text[s.start : s.end] for s in structured.phones(text, "zh")]


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize("part", ["腊月二十六", "正月初八", "正月初九", "冬月廿三"])
def test_lunar_dates(part: str) -> None:
    text = "父母每年腊月二十六到家、正月初八走。外婆正月初九摔了一跤，冬月廿三出院。"
    assert covered(text, "zh", part)


def test_a_lunar_festival_said_without_its_day_stays() -> None:
    text = "三月三放假安排学校会另外通知，腊月里很冷。"
    assert not touched(text, "zh", "腊月里")


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        (
            "od pondělka šestnáctýho do dvacátýho března bude u babičky",
            "cs",
            "šestnáctýho do dvacátýho března",
        ),
        ("a narozeniny má osmadvacátýho března tak", "cs", "osmadvacátýho března"),
        (
            "может в субботу? или десятого или одиннадцатого марта у меня выходной",
            "ru",
            "десятого или одиннадцатого марта",
        ),
        (
            "приехали двадцать девятого августа двадцать третьего года прямо",
            "ru",
            "двадцать девятого августа двадцать третьего",
        ),
        (
            "could we do it like the second or the third of february?",
            "en",
            "the second or the third of february",
        ),
        ("we fly on the 21st of march from there", "en", "the 21st of march"),
        ("Přijato dne: 19. I. 2026", "cs", "19. I. 2026"),
    ],
)
def test_dates_said_as_ranges_alternatives_and_with_their_year(
    text: str, language: str, part: str
) -> None:
    assert covered(text, language, part)


def test_an_ordinal_inside_a_spoken_date_is_tagged_as_a_date() -> None:
    text = "мы приехали двадцать девятого августа прямо к школе"
    tool = Deidentifier(language="ru")
    kinds = {text[s.start : s.end]: s.kind for s in tool.spans(text, "ru")}
    assert kinds.get("двадцать девятого августа") == "DATE"


def test_an_initial_and_a_roman_numeral_are_no_date() -> None:
    from praxishub.cases import structured

    text = "Podepsal 5. I. Novák za výbor."
    assert not list(structured.dates(text))


# --- classes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("kluci ze čtvrťáku mi říkají, že neumím číst", "cs", "čtvrťáku"),
        ("ja chodim na gympl do tercie, bydlim u mamky", "cs", "tercie"),
        ("Naši deváťáci jedou na výlet.", "cs", "deváťáci"),
        ("父母在她小学三年级时分开", "zh", "小学三年级"),
        ("家中晚上常只有他和读小四的妹妹", "zh", "小四"),
    ],
)
def test_classes_said_as_a_pupils_grade(text: str, language: str, part: str) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("v sekundě to bylo pryč", "cs", "sekundě"),
        ("Bylo to prima odpoledne.", "cs", "prima"),
    ],
)
def test_a_second_and_a_word_are_no_class(text: str, language: str, part: str) -> None:
    assert not touched(text, language, part)


# --- ages, handles, names, postcodes, numbers -------------------------------------------


def test_an_age_over_89_in_a_logs_sex_and_age_cell() -> None:
    text = "26-0118-03    22:07   тел.    ж, 91        тревога за внука"
    assert covered(text, "ru", "91")


def test_a_user_name_after_a_platforms_short_name() -> None:
    text = "add my snap gethinlloyd07 its my mates acc. her insta is megzz.j, ig: lily_b"
    for part in ("gethinlloyd07", "megzz.j", "lily_b"):
        assert covered(text, "en", part), part


def test_a_platform_word_before_a_plain_word_or_a_link_stays() -> None:
    text = "She was on snapchat 3 times; her insta is private now."
    assert not touched(text, "en", "3 times")
    assert not touched(text, "en", "private")


def test_two_character_names_padded_to_a_forms_width() -> None:
    text = "父　亲：邓志刚\n母　亲：罗　红　联系电话：181 8024 3395\n班　级：三年级\n学校心理老师冯　敏初步访谈。"
    assert covered(text, "zh", "罗\u3000红")
    assert covered(text, "zh", "冯\u3000敏")
    assert not touched(text, "zh", "母\u3000亲")


def test_a_kazakh_postcode_after_its_town() -> None:
    text = "Жамбыл көшесі, 221, Петропавл қ., 150000\nтел. 8 (7152) 46-18-20"
    assert covered(text, "kk", "150000")


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("**И/б №** 4817/25, полис ОМС", "ru", "4817/25"),
        ("Feb. 3rd Laredo PD report 26-004417 filed by investigator", "en", "26-004417"),
        ("Navajo Nation census no. 417-22983, referred", "en", "417-22983"),
        ("povolení k pobytu · evidenční č. žáka 2025/1187", "cs", "2025/1187"),
        ("әкімшілік хаттама № АА 0057712 толтырылды", "kk", "АА 0057712"),
        ("Іс ҚСТК-да № 4120 болып тіркелген", "kk", "4120"),
    ],
)
def test_record_numbers_after_their_labels(text: str, language: str, part: str) -> None:
    assert covered(text, language, part)


def test_signature_initials_and_their_recurrences() -> None:
    text = "Supervisor note (RO, 23:40): Active rescue not indicated. RO will call back at 9."
    assert covered(text, "en", "RO")
    form = "RBPM, kresba – podle jazyka\n" + " " * 40 + "JK\n\n--- opis údajů ---\n"
    assert covered(form, "cs", "JK")


def test_a_right_hand_column_word_is_no_signature() -> None:
    form = "Consent signed" + " " * 30 + "\n" + " " * 40 + "OK\n\nAll OK today."
    assert not touched(form, "en", "All OK")


@pytest.mark.parametrize("part", ["DCBS", "LKSD", "School District of Philadelphia"])
def test_a_states_agency_and_a_school_district(part: str) -> None:
    text = (
        "Prior concerns: a DCBS investigation in 2024. Reading support via LKSD distance "
        "teaching.\nFairhill Bilingual Academy · School District of Philadelphia\n"
    )
    assert covered(text, "en", part)


def test_ptsd_is_no_school_district() -> None:
    assert not touched("Screened for PTSD symptoms twice.", "en", "PTSD")


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        (
            "**2026 жылғы 3 наурыз**, жіберуші: Мақсаттың әжесі\n\n> ассалаумағалейкум",
            "kk",
            "Мақсаттың әжесі",
        ),
        (
            "**Голосовое 1** — 2 марта, 21:14, от Мехринисо мама Фарруха (1:12)\n> здравствуйте",
            "ru",
            "Мехринисо мама Фарруха",
        ),
        (
            "```\n群聊名称：三(2)班家校沟通群🌴\n导出人：卓亚平-心理辅导室\n\n———— 2026-03-12 ————\n",
            "zh",
            "三(2)班家校沟通群🌴",
        ),
        (
            "```\n群聊名称：三(2)班家校沟通群🌴\n导出人：卓亚平-心理辅导室\n\n———— 2026-03-12 ————\n",
            "zh",
            "卓亚平-心理辅导室",
        ),
    ],
)
def test_a_chats_sender_and_group_in_its_export_headings(
    text: str, language: str, part: str
) -> None:
    assert covered(text, language, part)


def test_a_voice_messages_length_after_a_plain_from_is_no_sender() -> None:
    text = "Записи от 2 марта (1:12) приложены к делу."
    assert not touched(text, "ru", "(1:12)")


# --- places -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("мама опять плачет, он в житомире и не звонит с нового года", "kk", "житомире"),
        ("бүгін таң атқанда семейдің вокзалынан полиция хабарласты", "kk", "семейдің"),
        ("были в орле, потом в москве", "ru", "москве"),
        ("живёт в с. Тоора-Хем Тоджинского кожууна, просит", "ru", "Тоджинского кожууна"),
        ("летом кочуют у озера Нейто с оленями", "ru", "озера Нейто"),
        (
            "Extended family: Aka Florence Bani, Thursday Island, (07) 4069 1552",
            "en",
            "Thursday Island",
        ),
        ("Re: Oisín Mulholland, 18 Cromac Glen, Belfast BT11 8LW", "en", "18 Cromac Glen"),
    ],
)
def test_places_in_lower_case_and_with_their_geographic_word(
    text: str, language: str, part: str
) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("в тиктоке у него видео, в инсте тоже", "ru", "тиктоке"),
        ("они живут в канаде уже три года", "ru", "канаде"),
        ("в школе всё спокойно, в мире тоже", "ru", "мире"),
        ("есікті жауып, шықты", "kk", "есікті"),
        ("ол өзін ақтауға тырысты", "kk", "ақтауға"),
    ],
)
def test_apps_countries_and_words_in_lower_case_are_no_town(
    text: str, language: str, part: str
) -> None:
    assert not touched(text, language, part)


@pytest.mark.parametrize(
    "part", ["porubě", "kladna", "krupky", "žďáře", "kroměříži", "mariupolu", "praze", "teplicich"]
)
def test_czech_towns_in_lower_case_with_their_case_endings(part: str) -> None:
    text = (
        "bydlí v porubě a jezdí do kladna. je z krupky, babička ve žďáře, byli v kroměříži, "
        "táta je z mariupolu, teta v praze, bratranec v teplicich"
    )
    assert covered(text, "cs", part)


@pytest.mark.parametrize("part", ["lince", "mostě", "táboře", "písku", "lese", "městě"])
def test_czech_words_that_are_also_towns_stay(part: str) -> None:
    text = (
        "volala na lince bezpečí, čekal na mostě, byl na táboře, hrál si v písku, "
        "pak v lese a ve městě"
    )
    assert not touched(text, "cs", part)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        (" 2851 Eglinton Ave E, Unit 204   Toronto ON  MlJ 2E4\n Tel 416 285 7702", "Toronto"),
        (" 2851 Eglinton Ave E, Unit 204   Toronto ON  MlJ 2E4\n Tel 416 285 7702", "ON"),
        ("COUNSELING\n45l0 SE Divisi0n St, Ste 2OO  Port1and, OR 972O2\nPh (503) 388-1924", "OR"),
        (
            "COUNSELING\n45l0 SE Divisi0n St, Ste 2OO  Port1and, OR 972O2\nPh (503) 388-1924",
            "972O2",
        ),
        (
            "Rachel Kingi, Te Rapa Valley Intermediate, Hamilton. Auto-transcribed voicemails",
            "Hamilton",
        ),
        ("Horotiu Valley College (HVC), Kirikiriroa / Hamilton\n- Named: two boys", "Hamilton"),
    ],
)
def test_a_north_american_address_line_and_a_town_named_like_a_test(text: str, part: str) -> None:
    assert covered(text, "en", part)


def test_the_hamilton_scale_stays() -> None:
    text = "Scored on the Beck and Hamilton scales; HAM-D (Hamilton) was 14 at intake."
    assert not touched(text, "en", "Hamilton")


def test_a_bilingual_labels_slash_joins_no_place() -> None:
    text = ">> Declan Moran\n>> Príomhoide / Principal\n>> Scoil Bhríde, Co. Limerick\n"
    assert not touched(text, "en", "Principal")
