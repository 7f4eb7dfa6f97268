"""Identifiers in the shapes the thirty-fifth set's notes gave them: a night log's calls by their
month, day and place in the night, and its counsellors' initials that read as a word; initials
opening a list of who was there; a town by the visitor's IP in bold; an address's flat said by
its floor; a Scottish CHI number in two groups; a remote community's house; a bilingual form's
French labels; letter-spaced letterheads in every language; a parent's age in brackets and in
words, a Ukrainian grandmother's years, a Chinese elder about to turn ninety-two; a site chat's
visitor in its system lines; initials in Latin letters after a Chinese label and touching Chinese
text; surnames less common than the list's; an alliance and an employer by its trade; a hotline's
name in its quotes; a Czech town with its river cut short; a visa label's number; a personnel
number, a supervisor's register number, a work patent, a postcode after "индекс"; a college's
year; a neighbour by his patronymic; a passport's Latin name; a dormitory's room; a Kazakh spoken
date with its year; dates with a month's short name between dashes, two days of one month said
once, and classes of two year groups. Each found, the look-alikes left alone. Every person,
number and address is invented."""

from __future__ import annotations

import pytest
from deid_probe import covered, touched

LOG = (
    "**On shift:** Holly Brannigan (HB), Yusuf Adebayo (YA)\n\n"
    "```\n"
    "Call     Time         Caller (area)         Topic                      By\n"
    '0412-01  22:07–22:41  "Dot" (Chippenham)   carer strain               HB\n'
    "0412-02  22:52–23:30  no name (Calne)       low mood                   YA\n"
    "```\n\n"
    "**0412-02.** Man, 30s. Follow-up to 0412-01 agreed; YA to ring back.\n"
)
LETTERHEADS = {
    "en": "```\nB R O O K S I D E   C H I L D   &   Y O U T H   T E A M\nREFERRAL FORM\n```\n",
    "cs": "```\nZ Á K L A D N Í   Š K O L A   K O L Í N ,   V E   S T R O U H Á C H   4\n```\n",
    "kk": (
        "```\n« Т Е К Е Л І   Қ А Л А С Ы Н Ы Ң   № 2   Ж А Л П Ы   О Р Т А   Б І Л І М\n"
        "Б Е Р Е Т І Н   М Е К Т Е Б І »   К М М\n```\n"
    ),
    "ru": (
        "```\nМУНИЦИПАЛЬНОЕ  БЮДЖЕТНОЕ  ОБЩЕОБРАЗОВАТЕЛЬНОЕ  УЧРЕЖДЕНИЕ\n"
        "« С р е д н я я  о б щ е о б р а з о в а т е л ь н а я  ш к о л а  №  5 2 »\n```\n"
    ),
}


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        (LOG, "en", "0412-01"),
        (LOG, "en", "0412-02"),
        (LOG, "en", "YA"),
        ("webchat W-0412-07; call 0412-06 from the night of 4/5 April", "en", "0412-06"),
        ("**Присутствовали:** ТМК, ВОН, Инна Пак (стажёр)\n\n- ВОН: хорошо.", "ru", "ВОН"),
        ("**Town (from IP):** Calne\n**Volunteer:** Holly", "en", "Calne"),
        ("Address: 21 Fernlea Mount, upstairs flat, Chapeltown, Leeds", "en", "upstairs flat"),
        ("**Venue:** 4 Kirkside Walk, first floor, Elgin IV30 1AB", "en", "first floor"),
        ("<tr><td>Ailsa Moir</td><td>230561 0017</td></tr>", "en", "230561 0017"),
        ("- in Kalkarindji with his grandmother, House 17.", "en", "House 17"),
        ("<td>Ailsa Moir</td><td>Isle of Lewis</td>", "en", "Isle of Lewis"),
        ("Surname / Nom:              Arsenault\nGiven name(s) / Prénom(s):  Éloi", "en", "Éloi"),
        (
            "Surname / Nom:              Arsenault\nGiven name(s) / Prénom(s):  Éloi",
            "en",
            "Arsenault",
        ),
        ("School / École:  École Saint-Henri        Grade / Année:  5", "en", "5"),
        *[(text, lang, text.split("\n")[1][:12]) for lang, text in LETTERHEADS.items()],
        (LETTERHEADS["ru"], "ru", "МУНИЦИПАЛЬНОЕ"),
        (LETTERHEADS["kk"], "kk", "Б Е Р Е Т І Н"),
        ("carer strain; dad (93) has dementia, wanders at night", "en", "93"),
        (
            "Dot rang because her mum, ninety-two and living with her, had fallen.",
            "en",
            "ninety-two",
        ),
        ("Vaše maminka (94) je v Domově seniorů Na Výsluní.", "cs", "94"),
        ("volala babička z Ukrajiny, бабусі 91 років, byla tma", "cs", "91"),
        ('来电者说自己"过了年就九十三了"，老伴走了。', "zh", "九十三"),
        (
            "[21:03] 系统：访客 风筝断了线 进入会话\n[21:40] 系统：访客 风筝断了线 结束会话",
            "zh",
            "风筝断了线",
        ),
        ("- 记录人：QMY，4月2日 22:10。风险：中", "zh", "QMY"),
        ("- 被督导：郑佳雯（ZJW），热线咨询员\n- 22:31 ZJW打督导电话", "zh", "ZJW"),
        ("15:33  来自 汪敏 对 所有人：谢谢储老师", "zh", "储"),
        ("督导：雷明（齐鲁心理督导联盟注册督导师）", "zh", "齐鲁心理督导联盟"),
        ("他爸爸在邹平的宏泰铝业上班，来不了。", "zh", "宏泰铝业"),
        ("# “泉城心语”心理援助热线\n\n咨询员：这里是“泉城心语”，我是小鲁。", "zh", "“泉城心语”"),
        ("SO26-0313  20:15  ž, 91   Ústí n. O.   samota", "cs", "Ústí n. O."),
        ("žena z Brandýsa, nyní Kostelec nad Orlicí", "cs", "Kostelec nad Orlicí"),
        ("dočasná ochrana (vízový štítek matky č. UKR 5120374). Bydlí", "cs", "UKR 5120374"),
        ("Консультант: Анна (табельный № 0318)", "ru", "0318"),
        ("(МДО), рег. № в реестре супервизоров СВ-0522", "ru", "СВ-0522"),
        ("супервизор тізіліміндегі нөмірі СП-КЗ-031, e-mail", "kk", "СП-КЗ-031"),
        ("копию патента (77 № 2604318852) занести секретарю", "ru", "77 № 2604318852"),
        ("индекс по месту жительства — 390013; адрес — ул. Есенина", "ru", "390013"),
        ("учится в Коломенском аграрном колледже, 3 курс.", "ru", "3 курс"),
        ("на дачу, там сосед михалыч пустит", "ru", "михалыч"),
        ("Паспортындағы латынша жазылуы: DAUROV ISMAIL. Отбасында", "kk", "DAUROV ISMAIL"),
        ("жатақханада тұрам абай даңғылы 22 415 бөлме", "kk", "абай даңғылы 22 415 бөлме"),
        ("туған күні маусымның бесі екі мың он төртінші жыл", "kk", "екі мың он төртінші жыл"),
        ("**14-Apr-2026** — Referral to North Shore Home Care", "en", "14-Apr-2026"),
        ("- Kai Ropata (Year 5, 5/6T, teacher Mr Dan Hale)", "en", "5/6T"),
        ("we moved him to a smaller 2nd/3rd combo and it helped", "en", "2nd/3rd combo"),
        ("we all going there from the third till the tenth of april.", "en", "third till the"),
    ],
)
def test_what_the_thirty_fifth_set_s_shapes_give_away(text, language, part) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        (
            "Present: pt, Dr. Amanda Cheng (hospitalist), Joe Kowalski, PT, Luis Arce, SW.",
            "en",
            "PT",
        ),
        ("On-call clinician: LCSW, via the on-call pager", "en", "LCSW"),
        ("ya know what I mean, she said", "en", "ya"),
        ("R E F E R R A L   F O R M   /   F O R M U L A I R E", "en", "R E F E R R A L"),
        ("З а к л ю ч е н и е   п с и х о л о г а", "ru", "З а к л ю ч е н и е"),
        ("mum (45) works nights; dad (47) drives", "en", "45"),
        ("my dad, ninety percent of the time, is fine", "en", "ninety"),
        ("[21:03] 咨询员：你好，这里是热线，我是小鲁。", "zh", "你好"),
        ("我们家亲戚帮忙接孩子", "zh", "戚"),
        ("师傅您好，请问几点到？", "zh", "傅"),
        ("这次考了九十了，很开心", "zh", "九十"),
        ("индекс массы тела 18,5, рост 160", "ru", "18,5"),
        ("на 2 курсе химиотерапии", "ru", "2 курсе"),
        ("сосед тоже пустит, дядя добрый", "ru", "добрый"),
        ("she scored 3rd/4th in the race", "en", "3rd/4th"),
    ],
)
def test_the_thirty_fifth_set_s_look_alikes_stay(text, language, part) -> None:
    assert not touched(text, language, part)
