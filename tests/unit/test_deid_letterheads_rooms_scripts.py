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


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Babičce je 93, trpí začínající demencí", "cs", "93"),
        ("a prababka, „ktorej je už deväťdesiattri“.", "cs", "deväťdesiattri"),
        ("paní Marková letos oslavila devadesátku a bydlí sama", "cs", "devadesátku"),
        ("Мен он бесінші наурызда тоқсан үшке толамын, балам", "kk", "тоқсан үшке"),
        ("自己说“我九十四了，不想拖累伢们”", "zh", "九十四"),
        ("Kontakt OSPOD, spis. zn. OSPOD/2211/2026/Kl. Dohodnuto:", "cs", "OSPOD/2211/2026/Kl"),
        ("DOB 8/19/2013, medicaid CIN TR51734K, OSIS 247118360", "en", "TR51734K"),
        ("## 2. Супервизия: 26-0412 қоңырауы", "kk", "26-0412"),
        ("讨论个案：来电 QC260411-003/QC260412-007（男生）", "zh", "QC260412-007"),
        ("онлайн (Телемост, ID 8731 4402 591)", "ru", "8731 4402 591"),
        ("мы с ним у врача были в двадцатой поликлинике. он опять", "ru", "двадцатой поликлинике"),
        ("инспектор из седьмого отдела полиции придёт", "ru", "седьмого отдела полиции"),
        (
            "кружок в доме детского творчества на высотной он бросил",
            "ru",
            "доме детского творчества",
        ),
        ("кружок в доме детского творчества на высотной он бросил", "ru", "высотной"),
        ("учится в Зеленодольске («в третьей гимназии»)", "ru", "третьей гимназии"),
        ("(г. Зеленоград, Крюково), здание: корп. 1642", "ru", "корп. 1642"),
        ("2 февраля не пришёл, 3-го и 4 февраля тоже", "ru", "3-го и"),
        ("сёма говорит что кирилл из четвёртого вэ у него телефон отобрал", "ru", "четвёртого вэ"),
        (
            "**Чат группы:** «Рядом — Вологда, среда» в Telegram, админ",
            "ru",
            "Рядом — Вологда, среда",
        ),
        ("Чат: Родители 7Б — школа 41 (участников: 25)", "ru", "Родители 7Б — школа 41"),
        (
            "**Супервизор:** Хасанова Гульнара Рашидовна\nзвонок тёте — 21.03.2026 (отв. ХГР).",
            "ru",
            "ХГР",
        ),
        ("иә апамның үйінде. кулагер 12 үй ғой", "kk", "кулагер 12 үй"),
        ("мекенжайымыз абай көшесі отыз бес, пәтер он, екінші қабат", "kk", "абай көшесі отыз бес"),
        ("we live 2150 grand concourse apt 5F 10457", "en", "2150 grand concourse apt 5F"),
        ("NHI JHZ3379. 27 Kōtare Place Otara 2023.", "en", "27 Kōtare Place"),
        ("a boy in 5th grade (Room 5-112). His family", "en", "Room 5-112"),
        ("The teacher in Rm 14 asked me to get in touch", "en", "Rm 14"),
        ("# Claremont Listening Line: night shift log", "en", "Claremont Listening Line"),
        (
            'The group\'s WhatsApp, "Thursday Tay Haven 💜", now has nine',
            "en",
            "Thursday Tay Haven",
        ),
        ("[20:40] Nadia: What would you like me to call you?\n[20:42] Visitor: kez", "en", "kez"),
        (
            "Konzultantka Dana (21:48): Jak k vám můžu říkat?\nKlient (21:49): treba bára",
            "cs",
            "bára",
        ),
        ("Můžete se obrátit i na Stop online nebo na policii.", "cs", "Stop online"),
        ("Her BC Housing SRO subsidy review is due", "en", "BC Housing"),
        ("如遇紧急情况拨打 120，也可打晴川心理援助热线 027-85844400", "zh", "晴川心理援助热线"),
        ("她的微信：平安是福_lp0815。丈夫手机", "zh", "平安是福_lp0815"),
        ("粉红丝带咸宁志愿服务队每月一次义诊", "zh", "粉红丝带咸宁志愿服务队"),
        ("必要时请闵行分局网安支队协助研判", "zh", "闵行分局网安支队"),
        ("我们学校的“春蕾留守儿童之家”每周五有亲情电话", "zh", "春蕾留守儿童之家"),
        ("孙女豆豆（大班，在咸安区向阳湖幼儿园）问", "zh", "大班"),
        ("佢个仔何俊朗读沙田培基书院中三，同阿文同年", "zh", "沙田培基书院"),
        ("佢个仔何俊朗读沙田培基书院中三，同阿文同年", "zh", "中三"),
    ],
)
def test_what_the_twenty_ninth_set_s_cues_give_away(text, language, part) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Babičce je líp, od pondělí chodí.", "cs", "líp"),
        ("má 92 bodů a devadesátku na motorce nejezdí", "cs", "92"),
        ("Мен тоқсан рет айттым", "kk", "тоқсан"),
        ("我九点了才到家", "zh", "九点"),
        ("COVID-19 a PHQ-9 skóre 12", "cs", "COVID-19"),
        ("I waited 20 minutes on the road outside", "en", "20 minutes"),
        ("we met in a Crisis Line training session", "en", "Crisis Line"),
        ("The Listening Line is free and anonymous", "en", "The Listening Line"),
        ("微信：已添加，明天再联系", "zh", "已添加"),
        ("**Sp. zn. OSPOD:** OSPOD-JN 2211/2024", "cs", "OSPOD"),
        ("学校还有“留守儿童之家”，每周五开放", "zh", "留守儿童之家"),
        ("他在大班里是最小的一个", "zh", "大班"),
        ("в первой половине дня позвоню", "ru", "первой половине"),
        (
            "Konzultantka (21:48): Jak k vám můžu říkat?\nKlient (21:49): klidně mi říkej Bára",
            "cs",
            "mi",
        ),
        ("в пятой больнице не были", "ru", "не были"),
    ],
)
def test_the_twenty_ninth_set_s_look_alikes_stay(text, language, part) -> None:
    assert not touched(text, language, part)
