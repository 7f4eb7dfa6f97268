"""Names, numbers and places in the places this round's notes kept them: senders in message
headings and QQ exports, Slovak and Kazakh speech, Kazakh families by their plural, initials
keyed in brackets, file marks and registry labels, name particles, settlements after a body,
Chinese pupils called by an initial: each found, the look-alikes left alone. Every person,
number and address is invented."""

from __future__ import annotations

import pytest

from praxishub.cases import chatlines, classforms, references, spokenphones
from praxishub.cases.engine import Deidentifier


def _spans(text: str, language: str) -> list[tuple[str, str]]:
    tool = Deidentifier(language=language)
    return [(text[s.start : s.end], s.kind) for s in tool.spans(text, language)]


def _covered(text: str, language: str, part: str, kind: str | None = None) -> bool:
    """Is every character of part (its first occurrence) inside one masked span?"""
    at = text.index(part)
    tool = Deidentifier(language=language)
    return any(
        s.start <= at and at + len(part) <= s.end and (kind is None or s.kind == kind)
        for s in tool.spans(text, language)
    )


def _touched(text: str, language: str, part: str) -> bool:
    at = text.index(part)
    tool = Deidentifier(language=language)
    return any(s.start < at + len(part) and at < s.end for s in tool.spans(text, language))


def _last_masked(text: str, language: str, part: str) -> bool:
    """Is the last occurrence of part masked (all of it)?"""
    at = text.rindex(part)
    spans = Deidentifier(language=language).spans(text, language)
    return any(s.start <= at and at + len(part) <= s.end for s in spans)


# --- initials keyed to a name ---------------------------------------------------------------


def test_kazakh_initials_written_with_russian_letters_are_the_person() -> None:
    text = (
        "**Кеңесшілер:** Ғабдуллина Камила Серікқызы (ГКС), Дерябин Олег Игоревич (ДОИ)\n"
        "| 21:14 | қоңырау | ГКС |\n| 22:40 | чат | ДОИ |\nТапсырды: ГКС."
    )
    tool = Deidentifier(language="kk")
    spans = tool.spans(text, "kk")
    for at in [i for i in range(len(text)) if text.startswith("ГКС", i)]:
        assert any(s.start <= at and at + 3 <= s.end for s in spans)


def test_initials_first_in_brackets_before_a_workplace_are_the_person() -> None:
    text = (
        "Присутствовали: Сидоренко О. П. (СОП, ГБУЗ РБ Городская детская больница), "
        "Мухаметова Р. Р. (МРР, отдел образования).\n"
        "СОП доложила о госпитализации. Решение принято."
    )
    assert _covered(text, "ru", "СОП доложила"[:3], "PERSON")
    last = text.rindex("СОП")
    tool = Deidentifier(language="ru")
    assert any(s.start <= last and last + 3 <= s.end for s in tool.spans(text, "ru"))
    # an acronym of common words keeps its place
    plain = "Отдел опеки и попечительства (ООП, ул. Ленина)\nООП ответил письмом."
    assert not _touched(plain, "ru", "ООП ответил"[:3] + " ответил")


def test_initials_signing_off_a_log_line_are_the_person() -> None:
    text = (
        "Supervisor on call: Mandeep Gill (604-675-2217)\n"
        "Counsellors: Noor Haddad (NH)\n\nLog closed 08:10, MG."
    )
    assert _covered(text, "en", "Mandeep Gill", "PERSON")
    at = text.rindex("MG")
    tool = Deidentifier(language="en")
    assert any(s.start <= at and at + 2 <= s.end for s in tool.spans(text, "en"))
    # capitals signing off that no named person has stay
    plain = "Supervisor on call: Mandeep Gill\n\nLog closed 08:10, QA."
    assert not _touched(plain, "en", "QA.")


# --- chat senders -----------------------------------------------------------------------------


def test_senders_in_message_headings_are_handles() -> None:
    cases = [
        (
            "**Zpráva 1** – od: p. Kuchárová babi Matúše – 3. 3. 2026, 08:12\n\nahoj",
            "cs",
            "p. Kuchárová babi Matúše",
        ),
        (
            "**Хабарлама 1** — 15.03.2026, 19:42, жіберуші: Бекзаттың әжесі\n\n> алло",
            "kk",
            "Бекзаттың әжесі",
        ),
        ("**语音1**（石家奶奶，12月8日 晚上，58秒）\n\n喂春兰啊", "zh", "石家奶奶"),
    ]
    for text, language, sender in cases:
        found = {text[s.start : s.end] for s in chatlines.find(text, language)}
        assert sender in found, (language, found)
    # a heading that names a phone number or the writer's own role names no handle
    for text, language in [
        ("**Voicemail 1** from +64 21 487 203, Tue 10/03/2026 7:52 am\nhi", "en"),
        ("**Сообщение 2** — от: Психолог, 14:00\nДобрый день", "ru"),
    ]:
        assert not chatlines.find(text, language)


def test_qq_export_senders_and_profile_names_are_handles() -> None:
    text = (
        "孤狼丶(2019384756) 21:03\n  今天体育课他跑最后一名\n"
        "小辣椒🌶(3284710569) 21:04\n  哈哈\n"
        "孤狼丶(2019384756) 21:06\n  哭包\n"
    )
    found = {text[s.start : s.end] for s in chatlines.find(text, "zh")}
    assert {"孤狼丶", "小辣椒🌶"} <= {f.split("(")[0] for f in found}
    profile = "```\nne tvoe delo @ne_tvoe_delo_arz\n--- 12.03.2026 ---\n[22:41] ты где\n```"
    found = {profile[s.start : s.end] for s in chatlines.find(profile, "ru")}
    assert "ne tvoe delo" in found and "@ne_tvoe_delo_arz" in found
    # a platform's name before a handle is no display name
    plain = "Сторінка в Instagram @shkola_23_official"
    assert "Instagram" not in {plain[s.start : s.end] for s in chatlines.find(plain, "ru")}


# --- Slovak and Kazakh speech ---------------------------------------------------------------


def test_slovak_dates_phones_and_ages_in_a_czech_note() -> None:
    text = (
        "termín 9. apríla o 15:00 nám vyhovuje. matúš sa narodil dvanásteho júna dvetisíc "
        "šestnásť. moje číslo je sedem sedem sedem nula štyri jeden osem dva deväť, to máte. "
        "mám doma mamu, má deväťdesiat jeden rokov. simonu pustia asi dvadsiateho marca."
    )
    spans = _spans(text, "cs")
    texts = " | ".join(t for t, _ in spans)
    for part, kind in [
        ("9. apríla", None),
        ("dvanásteho júna dvetisíc šestnásť", "DATE"),
        ("sedem sedem sedem nula štyri jeden osem dva deväť", "PHONE"),
        ("deväťdesiat jeden", "AGE"),
        ("dvadsiateho marca", "DATE"),
    ]:
        assert _covered(text, "cs", part, kind), (part, texts)
    # an age under ninety and a count of minutes stay
    plain = "má osemdesiat dva rokov a čakala dvadsať minút."
    assert not _spans(plain, "cs")


def test_kazakh_spoken_phone_with_teens_and_hundreds() -> None:
    text = "менің телефоным сегіз, жеті жүз жеті, төрт жүз он бір, отыз екі, алпыс сегіз"
    found = [text[s.start : s.end] for s in spokenphones.find(text, "kk")]
    assert found == ["сегіз, жеті жүз жеті, төрт жүз он бір, отыз екі, алпыс сегіз"]
    # a count said in words is no phone
    plain = "сыныпта он бір ұл, он екі қыз, барлығы жиырма үш оқушы бар"
    assert not list(spokenphones.find(plain, "kk"))


def test_kazakh_days_said_with_their_month() -> None:
    for text, part in [
        ("бала қаңтардың 19-ы мен 30-ы аралығында 6 күн келмеген", "қаңтардың 19-ы мен 30-ы"),
        ("анасы наурыздың жиырмасында келеді", "наурыздың жиырмасында"),
        ("мамырдың он бірінде жиналыс", "мамырдың он бірінде"),
    ]:
        assert _covered(text, "kk", part, "DATE"), text
    assert not _touched("наурыз айында екі рет келді", "kk", "екі")


def test_kazakh_family_by_its_plural_with_a_case_ending() -> None:
    text = (
        "Сынып жетекшісі Сапаров Нұрлан туралы айтты.\n"
        "Сапаровтармен кездесу — 17.03.2026. сапаровтардың баласы мектепке келмеді."
    )
    assert _covered(text, "kk", "Сапаровтармен", "PERSON")
    assert _covered(text, "kk", "сапаровтардың", "PERSON")


# --- numbers by their label -------------------------------------------------------------------


def test_registry_labels_and_file_marks() -> None:
    cases = [
        ("**Sp. zn.:** SZ MBA 3312/2025 OSPOD\n", "SZ MBA 3312/2025 OSPOD"),
        ("**Č. hospitalizace:** 2026/004817\n", "2026/004817"),
        ("IČO: 78597862 · ID DS: x7kq4mb\n", "x7kq4mb"),
        ("Тіркеу журналындағы нөмір: 0318\n", "0318"),
        ("мектеп психологы, жолдама № 12 16.02.2026", "12"),
        ("постановлением администрации от 02.06.2025 № 1187 установлена опека", "1187"),
        ("(present: SP, IH; Teams meeting ID 384 552 907 116)", "384 552 907 116"),
    ]
    for text, value in cases:
        found = [text[s.start : s.end] for s in references.find(text)]
        assert value in found, (text, found)
    # a page, a count and a year after the same words stay
    for text in ["Sp. zn. viz níže, strana 2", "жолдама берілді, 12 оқушы", "от 02.06.2025 года"]:
        assert not list(references.find(text)), text


# --- names, places and classes --------------------------------------------------------------


def test_a_name_particle_between_found_parts_joins_them() -> None:
    text = (
        "Pasted into Manaia Te Huia's file.\n\n"
        '"hi um this is kiri te huia, manaia\'s mum. the report for manaia te huia, our ref"'
    )
    for part in ("kiri te huia", "manaia te huia"):
        assert _covered(text, "en", part, "PERSON"), part
    # "te" between a name and a common word stays a word
    plain = 'Pasted into Manaia Te Huia\'s file.\n\n"manaia te reo class is on friday"'
    assert not _covered(plain, "en", "manaia te reo")


def test_chinese_pupil_called_by_an_initial_and_form_signatures() -> None:
    text = "主题：初一男生Z同学（拒学）。Z同学的妈妈说他不起床。用了SCL量表，A型血。"
    spans = Deidentifier(language="zh").spans(text, "zh")
    zs = [i for i in range(len(text)) if text.startswith("Z同学", i)]
    for at in zs:
        assert any(s.start <= at < s.end and s.kind == "PERSON" for s in spans)
    for word in ("SCL", "A型血"):
        assert not _touched(text, "zh", word)
    form = "父 亲：包金山　　职业：牧民\n家长签字：包全山　　　日期：2026.10.12\n"
    assert _covered(form, "zh", "包金山", "PERSON")
    assert _covered(form, "zh", "包全山", "PERSON")
    assert not _touched(form, "zh", "牧民")


def test_classes_with_a_set_code_or_a_kazakh_ending() -> None:
    text = "observation in maths, set 8M2. On task in 80% of intervals."
    assert [m.group("c") for m in classforms._AFTER_WORD.finditer(text)] == ["8M2"]
    for plain in ("set 3 Goals for the term", "a set A1 of cards"):
        assert not list(classforms._AFTER_WORD.finditer(plain))
    kk = "мен айбардың анасымын, ол 8 «Д»-да оқиды"
    assert _covered(kk, "kk", "8 «Д»-да", "CLASS")


def test_a_title_and_an_initial_in_a_chat_are_the_person() -> None:
    text = (
        "Mai Yer Thao 4:58 PM: hello ms k. yes ok.\n"
        "Mai Yer Thao 6:47 PM: thank you ms k. her dad say no snap now\n"
    )
    spans = Deidentifier(language="en").spans(text, "en")
    for at in [i + 3 for i in range(len(text)) if text.startswith("ms k.", i)]:
        assert any(s.start <= at < s.end and s.kind == "PERSON" for s in spans)
    # "ms a lot", "Mrs I think": words of a sentence after the title
    for plain in ("we ms a lot of sessions", "Mrs I think so too"):
        assert not _spans(plain, "en"), plain


def test_initials_with_a_role_in_a_list_of_who_was_there() -> None:
    text = (
        "**Present:** GO (DSL, chair); RMC (school psychologist); FA (mum), first half; "
        "GP (by phone); HT (head teacher).\nFA said she would call back. GO agreed with the GP."
    )
    spans = Deidentifier(language="en").spans(text, "en")
    for key in ("GO", "RMC", "FA"):
        for at in [i for i in range(len(text)) if text.startswith(key + " ", i)]:
            assert any(s.start <= at and at + len(key) <= s.end for s in spans), key
    # an allowed acronym, and one spelt out in its brackets, stay
    for role in ("GP (by", "HT (head", "the GP."):
        assert not _touched(text, "en", role), role


def test_relatives_named_in_commas_and_in_brackets() -> None:
    en = "Her mam, Bernie, is worried about the bus from the site."
    assert _covered(en, "en", "Bernie", "PERSON")
    assert not _spans("his dad, Monday, came back", "en")
    ru = (
        "07:55  Сэсэг мама Баира 5кл: привезла. бато (брат) тоже в школе\n"
        "08:01  Сэсэг мама Баира 5кл: и младший (брат) болеет\n"
    )
    assert _covered(ru, "ru", "бато", "PERSON")
    assert not _touched(ru, "ru", "младший")


def test_a_relative_introduced_in_commas_is_masked_where_she_signs() -> None:
    text = (
        "Her mam, Bernie, is worried.\n\n>> From: Bernie McDonagh <b@example.com>\n"
        ">> Subject: bus\n>> I can do Thursday.\n>> Bernie\n"
    )
    assert _last_masked(text, "en", "Bernie")


def test_credentials_after_a_name_in_a_present_line_are_no_initials() -> None:
    text = (
        "**Present:** Mr. Derek Osei (Vice-Principal, chair); Gurpreet Dhillon, MSW, RSW "
        "(School Social Worker); Mrs. Manpreet Kaur (mother).\nRSW registration is current."
    )
    assert not _last_masked(text, "en", "RSW")


# --- each found where a note writes it; its look-alikes left -------------------------------

_CHAT = "```\nСветлана Мама Егора 3кл · 08:07 · голосовое 0:22\n```\n"
_TABLE = (
    "```\nStudent                   Homeroom   Role in chat\n"
    "Jonah Reyes-Maldonado     8-204      threats\n"
    "Mariel Santos             n/a        defended her\n```\n"
)


@pytest.mark.parametrize(
    ("text", "language", "part", "kind"),
    [
        ("有一个弟弟在竹核乡中心校读四年级。", "zh", "竹核乡中心校", "SCHOOL"),
        ("家庭住址门牌 额很格日嘎查二组15号；邮编", "zh", "额很格日嘎查二组15号", "ADDRESS"),
        ("他QQ号是2847193065，游戏里叫浩气长存丶，您要是需要", "zh", "浩气长存丶", "HANDLE"),
        (
            "индекс 111500; мекенжайы 50 лет Октября көшесі, 34-үй, 17-пәтер; мектепке",
            "kk",
            "50 лет Октября көшесі, 34-үй, 17-пәтер",
            "ADDRESS",
        ),
        ("көршісі Жанна Ринатовна (16-пәтер) тамақ беріп тұрған", "kk", "16-пәтер", "ADDRESS"),
        (
            "Рекомендован МБУ «ЦППМСП» городского округа г. Нефтекамск.\n",
            "ru",
            "МБУ «ЦППМСП» городского округа г. Нефтекамск",
            None,
        ),
        (
            "Психолог Фомина Е. В., ГБОУ ООШ с. Старое Максимкино Самарской области.",
            "ru",
            "ГБОУ ООШ с. Старое Максимкино",
            None,
        ),
        (
            "вы к нам домой мы живём садовая девять это от школы налево",
            "ru",
            "садовая девять",
            "ADDRESS",
        ),
        (
            "[22:41] ты думаешь никто не знает где ты живёшь? парковая 6 второй подъезд",
            "ru",
            "парковая 6",
            "ADDRESS",
        ),
        (
            _CHAT + "а да нам в кошкинскую больницу к неврологу талон дали",
            "ru",
            "кошкинскую больницу",
            "ORG",
        ),
        ("Света, держитесь! у нас в 77-й было то же самое, перевелись", "ru", "77-й", "SCHOOL"),
        ("chlapec na „jedničce“ (ZŠ na Mírové), holka se rozešla", "cs", "jedničce", "SCHOOL"),
        ("přešel do „trojky“ na sídlišti", "cs", "trojky", "SCHOOL"),
        ("4. Matku se nám 16. ani 17. 2. nepodařilo zastihnout.", "cs", "16. ani 17. 2.", "DATE"),
        ("he is in town for work until friday feb 6, he will talk", "en", "feb 6", "DATE"),
        (_TABLE, "en", "8-204", "CLASS"),
        ("Dundee DD3 7NB. S3, Braeview Park High School**", "en", "S3", "CLASS"),
    ],
)
def test_found_where_the_note_writes_it(
    text: str, language: str, part: str, kind: str | None
) -> None:
    assert _covered(text, language, part, kind)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("他在游戏里是坦克，很厉害。", "zh", "坦克"),
        ("3-пәтерлі үйде тұрады", "kk", "3-пәтерлі"),
        ("мы живём третий год в этом доме", "ru", "третий год"),
        ("живу одна 5 лет", "ru", "5 лет"),
        (_CHAT + "и в городскую больницу тоже", "ru", "городскую больницу"),
        ("в 12-й раз звонит", "ru", "12-й"),
        ("лежит в 15-й палате.", "ru", "15-й"),
        ("перешёл в 10-й, учится", "ru", "10-й"),
        ("dostal „trojku“ z matiky", "cs", "trojku"),
        ("we will march 3 miles on friday", "en", "march 3"),
        (_TABLE, "en", "n/a"),
    ],
)
def test_look_alikes_stay(text: str, language: str, part: str) -> None:
    assert not _touched(text, language, part)


def test_a_scottish_year_needs_its_school_after_it() -> None:
    assert not list(classforms._SCOTTISH.finditer("Items P1, Results Section and P2."))
