"""Identifiers in the shapes the twenty-eighth set's notes gave them: calls and chats cited by
their codes, a webinar chat's senders, a police record's and a migrant's patent's numbers, a
conference's ID, a state body's regional office, a street said in lower case, a centre of
education, Kazakh college years and classes with their case endings, a primary school's class
by its room, a text line by its keyword, ages after "má" and in a Czech log's caller column,
phones read out with colloquial Czech digits and Chinese commas, a Slovak phone in a Czech note,
voice messages' senders in Russian headings, a messenger branch in Cyrillic, a task's owner by
initials, a letter-spaced letterhead, a name in its own script beside its Latin or Chinese
form, Chinese districts listed, lakes and caves one goes to, pseudonyms, a Hong Kong teacher,
a lunar date, a school year, a named fund and a taunt built on a surname. Each found, the look-alikes left alone. Every
person, number and address is invented."""

from __future__ import annotations

import pytest
from deid_probe import covered, touched

LETTERHEAD = (
    "```\n"
    "P E D A G O G I C K O - P S Y C H O L O G I C K Á   P O R A D N A   K O L Í N\n"
    "Husova 112, 280 02 Kolín\n"
    "\n"
    "Ž Á D O S T   O   V Y Š E T Ř E N Í\n"
    "```\n"
)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Relace CH26-0271 · chat.linka.example.cz · konzultant", "cs", "CH26-0271"),
        ("Téma: relace CH26-0271 z 18. 3. a hovor LP26-0519 z 14. 3.", "cs", "LP26-0519"),
        ("**07号**（WJ）：来电男生自称高三学生", "zh", "07"),
        ("14:22  Od Marta K. (PPP Kolín) pro všechny: u nás podobný případ", "cs", "Marta K."),
        ("14:22  Od Marta K. (PPP Kolín) pro všechny: u nás podobný případ", "cs", "PPP Kolín"),
        ("10:05 From Dana R. (Hamilton) to Everyone: same here", "en", "Dana R. (Hamilton)"),
        ("написали заявление в ПДН (номер КУСП 4127 от 10.02.2026)", "ru", "4127"),
        ("ксерокопию, номер патента отца 50 2611 402983", "ru", "50 2611 402983"),
        ("(Телемост, ID 615 220 947)", "ru", "615 220 947"),
        ("заявка через ОСФР по Тверской области", "ru", "ОСФР по Тверской области"),
        ("я на остановке. ярославское шоссе если что", "ru", "ярославское шоссе"),
        ("Печать: ЦО № 47   Директор", "ru", "ЦО № 47"),
        ("ол колледжде оқиды, 3-курста", "kk", "3-курста"),
        ("медколледждің студенті, 2-курс. Сессия.", "kk", "2-курс"),
        ("[22:18] Клиент: біз 7 Ә-де оқимыз", "kk", "7 Ә-де"),
        ("posting about the girls in rm 12 again", "en", "rm 12"),
        ("Lani says it's boys from Room 9 not ours", "en", "Room 9"),
        ("the families of two Room 9 boys", "en", "Room 9"),
        ("girls in Room 12 (Year 5) and a TikTok account", "en", "Room 12"),
        ("we live on the estate so half of yr 10 walk past", "en", "yr 10"),
        ("you can call 999 or text SHOUT to 85258.", "en", "SHOUT"),
        ("Mrs Hoa Tran, 95 y.o., DOB 03/07/1930", "en", "95"),
        ("babička je na tom špatně, má devadesát tři, leží", "cs", "devadesát tři"),
        ("LP26-0415   23:05   OP   žena 93, Svinov   samota", "cs", "93"),
        (
            "moje číslo máte, šest nula osum, pět dva dva, jedna čtyři sedum.",
            "cs",
            "šest nula osum",
        ),
        ("我电话是幺三八，六七一六，零二五九，您有事直接打", "zh", "幺三八，六七一六，零二五九"),
        ("slovenský kontakt: 0918 442 761, to je moje služební", "cs", "0918 442 761"),
        ("slovenský kontakt: Linka detskej istoty, pro mámu", "cs", "Linka detskej istoty"),
        (
            "**Голосовое 2** — Фарида апа Рустам әби, 02.03.2026, 0:58",
            "ru",
            "Фарида апа Рустам әби",
        ),
        ("(ветка в рабочем Телеграме «Тверь — супервизии»)", "ru", "Тверь — супервизии"),
        ("**Супервизор:** Кох Анна Сергеевна\n\n- АСК — прислать памятку", "ru", "АСК"),
        ("O. P. přinesl otázku.\nÚkoly: OP připraví kazuistiku", "cs", "OP"),
        (LETTERHEAD, "cs", "P E D A G O G I C K O"),
        ("Nani (Rokeya Khatun, রোকেয়া খাতুন on her passport)", "en", "রোকেয়া খাতুন"),
        ("奶奶崔顺子（최순자）在延吉", "zh", "최순자"),
        ("学生朴成浩（朝鲜文名박성호），男", "zh", "박성호"),
        ("参会：来自海淀、昌平、朝阳、石景山等区的老师", "zh", "昌平"),
        ("参会：来自海淀、昌平、朝阳、石景山等区的老师", "zh", "海淀"),
        ("父亲答应周末陪孩子去后官湖走走", "zh", "后官湖"),
        ("4月11日去三游洞春游", "zh", "三游洞"),
        ("来访者化名“橙子”（16岁）", "zh", "橙子"),
        ("班主任是何Sir。我是本校駐校社工", "zh", "何"),
        ("农历二月二十二是我娘的生日", "zh", "二月二十二"),
        ("据家长说将入读贵校中二。", "zh", "中二"),
        ("学校在申请“郧阳区关爱留守儿童基金”的补助", "zh", "郧阳区关爱留守儿童基金"),
        ("vynechává praxi v restauraci Zlatý kohout na Bednaříkově", "cs", "Zlatý kohout"),
        ('班主任反映，同学给他起外号"付傻子"，3月中旬', "zh", "付"),
    ],
)
def test_what_the_twenty_eighth_set_s_cues_give_away(text, language, part) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Norma ČSN EN 12-3456 platí od roku 2024.", "cs", "Norma"),
        ("Meeting in Room 4 at 3pm with the SENCo.", "en", "Room 4"),
        ("we waited for 2 yrs 5 months for the assessment", "en", "yrs 5"),
        ("The shout went up when the bus came.", "en", "shout"),
        ("мы стояли на шоссе у заправки", "ru", "шоссе"),
        ("перед химиотерапияның 1-курсы алдында", "kk", "1-курсы"),
        ("**Студент:** Досжанова Ұлжан, 1-курс, МБ-125 тобы", "kk", "1-курс"),
        ("R E F E R R A L   F O R M", "en", "R E F E R R A L"),
        (LETTERHEAD, "cs", "Ž Á D O S T"),
        ('几名男生给他起外号"眼镜蛇"，还把他的照片发到群里', "zh", "眼镜蛇"),
        ("我在湖边坐了一会儿", "zh", "湖边"),
        ("má 92 bodů z testu", "cs", "92"),
        ("Yousef Mom 7th: شكرا استاذة ليلى", "en", "شكرا"),
        ("数学只有小学水平，中二病也有一点", "zh", "中二"),
    ],
)
def test_the_twenty_eighth_set_s_look_alikes_stay(text, language, part) -> None:
    assert not touched(text, language, part)
