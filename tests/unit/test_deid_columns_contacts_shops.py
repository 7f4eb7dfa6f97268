"""Identifiers in the shapes the twenty-fifth set's notes gave them: a table's column of where
people live and its column of initials, a helpline's contacts by year and serial, a school's
number said in words, an age in brackets after a kin word or a birth date, surnames before
a deputy head's title and signing a form, a Traditional name's given name in a Simplified
reply, Chinese grades and a school by its number, Hubei's towns and Wuhan's neighbourhoods,
shops named by 记 and by their trade, a floor after a building, a Czech street in a form's
field, numbered libraries, a Telegram group, a lower-case Eircode, Canadian numbers, and a
webinar chat's display names with their town or role. Each found, the look-alikes left
alone. Every person, number and address is invented."""

from __future__ import annotations

import pytest
from deid_probe import covered, touched

SUPPORT_GROUP = (
    "<table>\n"
    "<tr><th>Name</th><th>Lives</th><th>Finished treatment</th><th>Notes</th></tr>\n"
    "<tr><td>Moira</td><td>Musselburgh</td><td>bowel, 2025</td><td>brought her sister</td></tr>\n"
    "<tr><td>Tam</td><td>Dalkeith</td><td>prostate, 2025</td><td></td></tr>\n"
    "<tr><td>Jimmy Docherty</td><td>Granton</td><td>head and neck, 2026</td><td>apologies</td></tr>\n"
    "</table>\n"
)
CZECH_GROUP = (
    "<table>\n"
    "<tr><th>účastník</th><th>odkud</th><th>setkání</th><th>pozn.</th></tr>\n"
    "<tr><td>Pavel Hronek</td><td>Lišov</td><td>4/7</td><td>omluven</td></tr>\n"
    "<tr><td>Olena Bondarenko</td><td>Týn nad Vltavou</td><td>1/7</td><td>nová</td></tr>\n"
    "</table>\n"
)
ACTIONS = (
    "<table>\n"
    "<tr><th>Action</th><th>Who</th><th>By</th></tr>\n"
    "<tr><td>Weekly check-in (Tuesdays)</td><td>AN</td><td>from 24/11</td></tr>\n"
    "<tr><td>Parents to call the school if he refuses</td><td>Parents</td><td>—</td></tr>\n"
    "</table>\n"
)
SIGNATURES = (
    "<table>\n"
    "<tr><th>№</th><th>Родитель</th><th>Ребёнок</th><th>Подпись</th></tr>\n"
    "<tr><td>5</td><td>Исмаилова Айтен Рафаэль кызы</td><td>Нихад</td><td>подп.</td></tr>\n"
    "</table>\n"
)


@pytest.mark.parametrize("place", ["Musselburgh", "Dalkeith", "Granton"])
def test_a_table_s_column_of_where_people_live(place: str) -> None:
    assert covered(SUPPORT_GROUP, "en", place)


@pytest.mark.parametrize(
    ("text", "part"), [(CZECH_GROUP, "Lišov"), (CZECH_GROUP, "Týn nad Vltavou")]
)
def test_a_czech_table_s_column_headed_where_from(text: str, part: str) -> None:
    assert covered(text, "cs", part)


def test_initials_in_a_who_column_and_a_child_in_a_russian_register() -> None:
    assert covered(ACTIONS, "en", "AN")
    assert not touched(ACTIONS, "en", "Parents")
    assert covered(SIGNATURES, "ru", "Нихад")


def test_a_column_of_descriptions_is_no_place() -> None:
    text = (
        "<table>\n<tr><th>Date</th><th>From</th></tr>\n"
        "<tr><td>3 May</td><td>the school office</td></tr>\n</table>\n"
    )
    assert not touched(text, "en", "school office")


@pytest.mark.parametrize(
    ("text", "language", "parts"),
    [
        ("Chat č.:        26-0533\nDatum:          22. 1. 2026", "cs", ["26-0533"]),
        ("**Kontakt:** 26-0533, chat, 30 min", "cs", ["26-0533"]),
        ("Poslech nahrávky hovoru 26-0414 (volající souhlasil)", "cs", ["26-0414"]),
        (
            "Chat 26-0533 s klientkou a navazující 26-0561. Paní Věra (naposledy 26-0412) volá.",
            "cs",
            ["26-0533", "26-0561", "26-0412"],
        ),
        ("## 4. Звонок 26-0876 (вызов полиции)", "ru", ["26-0876"]),
        ("## 一、个案回顾：JC0314-05（严露报告）", "zh", ["JC0314-05"]),
    ],
)
def test_a_helpline_s_contacts_by_year_and_serial(
    text: str, language: str, parts: list[str]
) -> None:
    for part in parts:
        assert covered(text, language, part)


def test_a_range_of_ages_is_no_contact() -> None:
    text = "Chat 26-0533 vedla konzultantka. Volají hlavně lidé ve věku 26-30 let, výjimečně 26-0."
    assert not touched(text, "cs", "26-30")


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        (
            "Школу назвала сама — «пятьсот девяносто седьмая», Приморский район.",
            "ru",
            "пятьсот девяносто седьмая",
        ),
        ("Учится, говорит, тридцать пятая гимназия у неё.", "ru", "тридцать пятая гимназия"),
        (
            "фотосын салып жазып қойыпты жиырма бірінші мектепте бәрі көрді",
            "kk",
            "жиырма бірінші мектепте",
        ),
        ("меня зовут дима, мне 19, учусь в политехе. в общаге живу.", "ru", "политехе"),
        ("Внучка учится в медколледже, приезжает по выходным.", "ru", "медколледже"),
    ],
)
def test_a_school_said_in_words_or_by_its_city_s_nickname(
    text: str, language: str, part: str
) -> None:
    assert covered(text, language, part)


def test_a_fifth_lesson_and_a_polytechnic_s_adjective_are_no_school() -> None:
    text = "Это была пятая попытка. Политехнический подход к задаче, как учили в школе."
    assert not touched(text, "ru", "пятая попытка")
    assert not touched(text, "ru", "Политехнический")


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Caller, 31, cares for his grandmother (94, dementia) in Hurstville.", "en", "94"),
        ("**MRN** 40918226 · **DOB** 03/14/1933 (93)", "en", "93"),
        ("Палыч добавил, что его маме 95, она живёт с ним.", "ru", "95"),
    ],
)
def test_an_age_over_89_in_brackets_or_said_of_a_parent(
    text: str, language: str, part: str
) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Пришлось отдать маме 90 000 рублей за ремонт.", "ru", "90"),
        ("DOB 03/14/2011 (93 on the scale)", "en", "93"),
        ("Her grandmother (aged 64) drives her to school.", "en", "64"),
    ],
)
def test_money_a_score_and_a_younger_elder_are_no_age(text: str, language: str, part: str) -> None:
    assert not touched(text, language, part)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("参加：熊丽娟（母亲）、龙玉洁（心理老师）、石副校长\n\n4. 家长询问费用。", "石"),
        ("科室意见：同意。                  护士长：祁           3.12", "祁"),
        ("孩子一二年级的时候都好好的", "一二年级"),
        ("21:05  不想上学的猫：初三了 天天考试 我妈说考不上二中就完了", "初三"),
        ("21:05  不想上学的猫：初三了 天天考试 我妈说考不上二中就完了", "二中"),
        ("原本在臺中市立松青國中讀國一，現在轉到上海", "國一"),
        ("我妈在仙桃，她什么都不知道", "仙桃"),
        ("钟家村那家美伊假发，汉阳大道地铁C口出来走两步", "钟家村"),
        ("钟家村那家美伊假发，汉阳大道地铁C口出来走两步", "美伊假发"),
        ("父母经营一家热干面馆（付记热干面馆），凌晨四点出摊", "付记热干面馆"),
        ("哀伤小组（周六上午，地址红钢城临江湾社区活动中心二楼），联系人潘晓", "二楼"),
    ],
)
def test_chinese_surnames_grades_schools_places_and_shops(text: str, part: str) -> None:
    assert covered(text, "zh", part)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("会议传达了三中全会精神。今天初三了，过年回老家。", "初三"),
        ("我在日记里写了，笔记本上也记着。", "日记"),
        ("，副校长说下周再议。", "副"),
        ("把椅子挪到一中间的位置。", "一中"),
    ],
)
def test_chinese_look_alikes_stay(text: str, part: str) -> None:
    assert not touched(text, "zh", part)


def test_a_traditional_name_s_given_name_in_a_simplified_reply() -> None:
    from praxishub.cases.engine import Deidentifier

    engine = Deidentifier()
    letter = "兒子陳宥翔今年14歲，原本在臺中市立松青國中讀國一。"
    reply = "能看出您一直在很用心地观察宥翔，也很自责。"
    engine.spans(letter, "zh")
    found = [reply[s.start : s.end] for s in engine.spans(reply, "zh")]
    assert "宥翔" in found


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        (
            "**Bydliště:** Kosmonautů 417, 4. patro bez výtahu, 530 09 Pardubice",
            "cs",
            "Kosmonautů 417, 4. patro",
        ),
        (
            "rok v MŠ Malenovice a v Rusku v mateřské škole č. 112 ve Voroněži.",
            "cs",
            "mateřské škole č. 112",
        ),
        ("**Olena** (46, ze Záporoží, v ČB od 2022) mluvila málo.", "cs", "ČB"),
        ("Bratr Matěj, student UPCE, pomáhá s nákupy.", "cs", "UPCE"),
        ("mozna. nebo zavolam na linku bezpeci, tam jsem uz jednou volala", "cs", "linku bezpeci"),
        (
            "Ближайшая встреча — 2 апреля, библиотека № 178 на ул. Профсоюзной, 92.",
            "ru",
            "библиотека № 178",
        ),
        (
            "Рассматриваем библиотеку-читальню «Сосенки» с мая.",
            "ru",
            "библиотеку-читальню «Сосенки»",
        ),
        (
            'Служба онкопсихологической помощи ГБУ «Московский центр поддержки "Рядом"»\nКабинет',
            "ru",
            "Служба онкопсихологической помощи",
        ),
        (
            "- Чат группы в Telegram — «Мы рядом — Юго-Запад», админ @tamara_g",
            "ru",
            "Мы рядом — Юго-Запад",
        ),
        ("үй Абай көшесі, 41; поштаның индексі 080200 (сканда қате оқылған).", "kk", "080200"),
        ("қайнатам қайтыс болды. Мукаддам буви ауылда қалды, азиз соған", "kk", "Мукаддам"),
        (
            "its fifty two glenview lawns, tallaght, eircode d24 f6k8. and the gp is",
            "en",
            "d24 f6k8",
        ),
        ("- **Health card:** 4528 771 093 KT", "en", "4528 771 093 KT"),
        ("She needed your SIN for the forms (529 173 601); it is stored", "en", "529 173 601"),
        ("Screenshots kept on file. Reported to eSafety and logged.", "en", "eSafety"),
    ],
)
def test_addresses_bodies_groups_and_numbers(text: str, language: str, part: str) -> None:
    assert covered(text, language, part)


def test_an_invalid_sin_a_verb_before_a_library_and_an_age_range_stay() -> None:
    assert not touched("Her SIN for the forms (529 173 602) was wrong.", "en", "529 173 602")
    assert not touched("Рассматриваем библиотеку-читальню «Сосенки» с мая.", "ru", "Рассматриваем")


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("```\n16:41  Petra (Kuřim)                 u nás podobně\n```", "cs", "Petra (Kuřim)"),
        ("- M. Osei (Croydon): agree about the church.", "en", "M. Osei (Croydon)"),
        (
            "- Tunde A. – school counsellor: is anyone from her church involved?",
            "en",
            "Tunde A. – school counsellor",
        ),
        (
            "- Оксана В. (Новосибирск, СОШ 92): а класс как-то вовлекали?",
            "ru",
            "Оксана В. (Новосибирск, СОШ 92)",
        ),
    ],
)
def test_a_webinar_chat_s_display_name_with_its_town_or_role(
    text: str, language: str, part: str
) -> None:
    assert covered(text, language, part)


def test_a_list_item_s_name_with_a_remark_in_brackets_stays_a_name() -> None:
    text = "- Matěj (sám): video natočené telefonem přes dveře šatny."
    assert covered(text, "cs", "Matěj")
    assert not touched(text, "cs", "sám")


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Это уже вторая школа за год, и он снова не ходит.", "ru", "вторая школа"),
        (
            "<table>\n<tr><th>Area</th><th>Finding</th></tr>\n"
            "<tr><td>Social-emotional</td><td>low self-esteem</td></tr>\n</table>\n",
            "en",
            "Social-emotional",
        ),
        ("复查请到住院部7楼704室找护士站。", "zh", "7楼704室"),
    ],
)
def test_a_second_school_a_column_of_areas_and_a_ward_s_floor_stay(
    text: str, language: str, part: str
) -> None:
    assert not touched(text, language, part)


def test_a_traditional_title_or_a_thanked_referral_gives_no_given_name() -> None:
    from praxishub.cases.engine import Deidentifier

    engine = Deidentifier()
    engine.spans("區主任、陳姑娘：\n\n收到，謝謝轉介。", "zh")
    later = "那位姑娘说，转介之后她安心多了。"
    found = [later[s.start : s.end] for s in engine.spans(later, "zh")]
    assert "姑娘" not in found and "转介" not in found


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("қайнатам 17 январда қайтыс болды, азиз оны қатты жақсы көретін еді", "kk", "17 январда"),
        ("住 院 号：Z26OO4418          病区/床号：安宁疗护病区 12床", "zh", "Z26OO4418"),
        (
            "**语音1** · 浩宇奶奶 · 3月8日 19:42 · 0:58\n\n陈老丝你好 我是浩宇的奶奶",
            "zh",
            "浩宇奶奶",
        ),
        ("Адрес регистрации: 1439В5, МО, г.о. Балашиха,", "ru", "1439В5"),
        ("Адрес регистрации: 1439В5, МО, г.о. Балашиха,", "ru", "МО"),
        ("09:20 秋菊：我那天上午要去仁济抽血 可能晚点到", "zh", "仁济"),
    ],
)
def test_a_kazakh_date_a_spaced_label_a_voice_sender_a_region_and_a_hospital(
    text: str, language: str, part: str
) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("МО школы собирается в среду, СО — в четверг.", "ru", "МО"),
        ("我们那天在同济大学门口等了很久，后来去了协会。", "zh", "协会"),
    ],
)
def test_a_method_group_and_a_society_stay(text: str, language: str, part: str) -> None:
    assert not touched(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("YC-26-04430    01:36   AR   TAS    14   online bullying       low", "en", "TAS"),
        ("She moved to WA last year; her father is in Dubbo NSW.", "en", "WA"),
        ("She moved to WA last year; her father is in Dubbo NSW.", "en", "NSW"),
        ("Mgr . Soňa  Křížová , tř . uč .          dne :  O2 . O3 . 2O26", "cs", "Soňa  Křížová"),
        (
            "```\nPEDAGOGICKO-PSYCHO1OGICKÁ PORADNA STŘEDOČESKÉHO KRAJE\n"
            "pracoviště Kutná Hora                 Ev. č.: KH-O4l7/26\n```",
            "cs",
            "pracoviště Kutná Hora",
        ),
    ],
)
def test_australian_states_a_scanned_form_s_spaced_name_and_a_branch(
    text: str, language: str, part: str
) -> None:
    assert covered(text, language, part)


def test_a_therapy_and_a_south_african_score_stay() -> None:
    text = "We use ACT with her. SA scores were low; the WA form is pending."
    for part in ("ACT", "SA", "WA"):
        assert not touched(text, "en", part)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Юность мамы 90-х пришлась на переезд.", "90"),
        ("Отцу 90 дней назначили реабилитацию.", "90"),
    ],
)
def test_a_parent_s_decade_and_a_count_of_days_are_no_age(text: str, part: str) -> None:
    assert not touched(text, "ru", part)
