"""Identifiers in the shapes the thirty-sixth set's notes gave them: ages over 89 said of a named
elder, of oneself, of an elder "now" and with a unit in brackets, in a Markdown or an HTML
table's age column, in a form's age-and-sex field, in Czech and Russian words in brackets, in a
Chinese log's brackets and after "lived to"; a date range with its opening word and a month's
days joined by "to"; a name split by a table cell's line break; a town's commission; a Russian
school by its ordinal word; a municipal district's town; the social fund's short name; a chat's
lower-case name with its initial, and one thanked after a filler ("ok thx mika"); a WhatsApp
group created by name; initials with a Welsh Ll or an Irish O' in a list of who was there (not
those their bracket spells); a rural address field with no street; a reference and a record
number garbled by a scanner; a Czech postcode with OCR's look-alikes; a Kazakh class with its
ending typed apart; a letter-spaced akimat's department; a hotline's name in its greeting, a
log's calls by the tail of their numbers, a counsellor's site name and a group owner's nickname;
a youth team; a Taiwanese ID; a scanned class's 斑. Each found, the look-alikes left alone. Every
person, number and address is invented."""

from __future__ import annotations

import pytest
from deid_probe import covered, touched

PRESENT = (
    "**Present (initials only, as the group agreed):** BH, DW, LlR, MJ (new), SO'B, AH\n"
    "- LlR (Chirk): own chemo going OK.\n- SO'B (Llangollen): second anniversary.\n"
)
LETTERHEAD = (
    "```\nҚ О С Т А Н А Й   О Б Л Ы С Ы   Ә К І М Д І Г І Н І Ң\n"
    "А Р Қ А Л Ы Қ   Қ А Л А С Ы   Б І Л І М   Б Ө Л І М І\n\nКіріс № А-0214\n```\n"
)
SUMMARY = (
    "```\nQX260311-01   22:10-22:40   1线  女/15   章丘\nQX260311-02   22:45-23:30   2线  男/34   长清\n```\n\n"
    "## 通话摘要\n\n**01** 女生，只让叫她“小雨”。\n\n**02** 男，34岁，被辞退。\n"
)
CHAT = (
    "会话编号：WZ-260313-0082\n访客昵称：晚风不晚_0719\n接待：夜语-小鹿\n开始：2026-03-13 23:12\n\n"
    "23:12 咨询员：你好，这里是泉心夜语，我是小鹿。想怎么称呼你？\n"
)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Your mam, Nora Walsh, is 91 and has been in the home since May.", "en", "91"),
        ("MawMaw Odessa is 91 and has dementia, she wanders at night.", "en", "91"),
        ('Says clearly: "I go home. I am 94, not a baby."', "en", "94"),
        ("**Age/sex:** 94 F    **DOB:** 1931-08-22", "en", "94"),
        ("Olga T. se stará o tchyni (devadesát čtyři, ležící) a nestíhá.", "cs", "devadesát čtyři"),
        ("Připomněla, že mamince bude v srpnu devadesát sedm a že", "cs", "devadesát sedm"),
        ("Живёт с бабушкой и прабабушкой (той девяносто, почти не встаёт).", "ru", "девяносто"),
        ("长清    照顾婆婆（91），失眠          低", "zh", "91"),
        ("Her grandmother, now 95, lives alone.", "en", "95"),
        ("She moved in with him at the age of 94.", "en", "94"),
        ("Опекун — Петрова А. И. (93 г.), прабабушка.", "ru", "93"),
        ("Живут вдвоём с прабабушкой; прабабушке — 97.", "ru", "97"),
        ("Атасы биыл 95-ке толды, көзі нашар көреді.", "kk", "95"),
        ("Dědovi bylo 95 a pořád chodí na ryby.", "cs", "95"),
        ("她婆婆都91了，还要人照顾。", "zh", "91"),
        (
            "| ФИО | Родство | Возраст |\n|---|---|---|\n| Петрова Анна | прабабушка | 93 |\n",
            "ru",
            "93",
        ),
        (
            "<table>\n<tr><th>Name</th><th>Relationship</th><th>Age</th></tr>\n"
            "<tr><td>Edith Moss</td><td>great-grandmother</td><td>94</td></tr>\n</table>\n",
            "en",
            "94",
        ),
        (
            "<tr><th>姓名</th><th>关系</th><th>年龄（岁）</th></tr>\n<tr><td>王秀英</td><td>曾祖母</td><td>92</td></tr>",
            "zh",
            "92",
        ),
        (
            "| Аты-жөні | Туыстығы | Жасы |\n|---|---|---|\n| Сейітова Күләш | әжесі | **91** |\n",
            "kk",
            "91",
        ),
        ("她提到姐姐活到九十六，“最后那两年是在炕上过的”。", "zh", "九十六"),
        ("на период с 23 марта по 29 мая 2026 г.", "ru", "с 23"),
        ("a family ceremony from February 9 to 13). Reading is fine.", "en", "to 13"),
        ("met on March 2–6 at the centre", "en", "2–6"),
        (
            "Granddaughter Natalka Hnatiuk visits.\n<tr><td>Natalka<br>Hnatiuk</td></tr>",
            "en",
            "Natalka<br>Hnatiuk",
        ),
        ("# Хат алмасу: Щучинск — Көкшетау ПМПК (көшірме)", "kk", "Көкшетау ПМПК"),
        ("Девочка, 9 класс, учится в «третьей школе». Поругалась с мамой.", "ru", "третьей школе"),
        ("Перешёл в двадцать пятую гимназию в сентябре.", "ru", "двадцать пятую гимназию"),
        ("Педагог Е. О., МБОУ «Лицей «Силикатный», г.о. Котельники**", "ru", "Котельники"),
        ("Подана заявка на кровать через СФР (заявление № 30-26-004417).", "ru", "СФР"),
        ("мой говорит это ваня т его толкнул об скамейку.", "ru", "ваня т"),
        (
            '14/03/26, 6:02 pm - Hana Ruwhiu (Guidance) created group "Io – school support"',
            "en",
            "Io – school support",
        ),
        (PRESENT, "en", "LlR"),
        (PRESENT, "en", "SO'B"),
        (
            "**Address:** Rosemount, Coolroe, Callan, Co. Kilkenny R95 XK63    **Mobile:** 087",
            "en",
            "Rosemount",
        ),
        (
            "**Address:** Rosemount, Coolroe, Callan, Co. Kilkenny R95 XK63    **Mobile:** 087",
            "en",
            "Coolroe",
        ),
        (
            "I attended on ll/O2/2O26, occurrence\nno. CC2O26O2llOO472.\nGrandmother",
            "en",
            "CC2O26O2llOO472",
        ),
        ("Дата: l2.O3.2O26\n№ карты (ф. 112/у): 2О14/б-331\n", "ru", "2О14/б-331"),
        ("U Zastávky l96O, 256 Ol Benešov    IČO: 51930552", "cs", "256 Ol"),
        ("Клиент: 9ә дан бір қыз менің суретімді жариялады", "kk", "9ә"),
        (LETTERHEAD, "kk", "Ә К І М Д І Г І Н І Ң"),
        (LETTERHEAD, "kk", "Б Ө Л І М І"),
        (
            "**Members present (initials only):** BH, LlR, AH\n- LlR (Chirk): chemo going OK.",
            "en",
            "LlR",
        ),
        (SUMMARY, "zh", "01"),
        ("**21:47 Visitor:** ok thx mika\n**21:47** *Session closed*", "en", "mika"),
        ("22:06 **Visitor:** thanks bec. sorry for being a mess", "en", "bec"),
        (CHAT, "zh", "泉心夜语"),
        (CHAT, "zh", "夜语-小鹿"),
        ("小组微信群：“崂山同心舟姐妹群”（群主晴天-周社工）", "zh", "晴天-周社工"),
        ("他在大安區少年籃球隊打了兩年球，很捨不得隊友。", "zh", "大安區少年籃球隊"),
        ("學校要的轉學資料裡有他的身分證字號A128507343，上次漏填了。", "zh", "A128507343"),
        ("就读学校：德城区运河实验小学     年级班级：五年级（3）斑\n", "zh", "五年级（3）斑"),
        ("„MHK Vlčince Žilina U14“, tady trénuje jen se SK Sokolíci Kyjov.", "cs", "MHK Vlčince"),
    ],
)
def test_what_the_thirty_sixth_set_s_shapes_give_away(text, language, part) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Full Scale IQ is 91 and the index is average.", "en", "91"),
        ("Perceptual Reasoning Index is 92.", "en", "92"),
        ("I am 95 percent sure it was Tuesday", "en", "95"),
        ("I'm 90 minutes away from the school", "en", "90"),
        ("в той девяносто второй квартире", "ru", "девяносто"),
        ("Из Узбекистана, вторая школа за год. Мама не отвечает.", "ru", "вторая школа"),
        ("ей первой школьной линейки не забыть", "ru", "первой"),
        ("on June 5 to 10 pm", "en", "10 pm"),
        ("**Address:** as above", "en", "as above"),
        (
            "**Мекенжай:** Иманов көшесі, 14-үй, 3-пәтер (үш бөлмелі пәтер, 2-қабат).",
            "kk",
            "2-қабат",
        ),
        ("**Bydliště:** Pražská 1820, Žatec (byt nad obchodem, IČO 16184564)", "cs", "IČO"),
        (
            "**Адрес:** ул. Мира, 41. Мама Зарина работает с 2025 года в Казани.",
            "ru",
            "с 2025 года",
        ),
        ("是班里的第（91）号", "zh", "91"),
        ("这次数学都91分了", "zh", "91"),
        ("**21:47 Visitor:** ok thanks will do\n", "en", "will"),
        ("**Visitor:** lol thanks anyway", "en", "anyway"),
        ("**Present:** HT (head teacher), CT (class teacher), JM (mum)", "en", "CT"),
        ("| Pupil | Score | Attendance |\n|---|---|---|\n| A. B. | 95 | 92 |\n", "en", "95"),
        (
            "<table><tr><th>Age</th></tr></table>\n<table><tr><th>Score</th></tr><tr><td>93</td></tr></table>",
            "en",
            "93",
        ),
        ("| Age | Notes |\n|---|---|\n| 94% | x |\n", "en", "94"),
        ("Дом старый (1993 г.), лифта нет.", "ru", "1993"),
        ("Her reading age, now 95, is average for the class.", "en", "95"),
        ("Дедлайн — 97 дней.", "ru", "97"),
        ("群主是班主任，大家注意", "zh", "是班主任"),
        ("这次考了\n**01** 分数不高", "zh", "01"),
        ("это ваня с мамой пришёл", "ru", "с мамой"),
        ("to byl kuba s tátou", "cs", "s tátou"),
        ("a stretch of 9 a day", "en", "9 a"),
    ],
)
def test_the_thirty_sixth_set_s_look_alikes_stay(text, language, part) -> None:
    assert not touched(text, language, part)


def test_a_taiwanese_id_is_checked() -> None:
    from praxishub.cases.structured import _tw_id_valid

    assert _tw_id_valid("A128507343")
    assert not _tw_id_valid("A128507344")
