"""Identifiers in the shapes the thirty-ninth set's notes gave them, and kinds read again off the
older sets: a hotline log's row of who called and from where ("female, 60s / Castle Douglas",
"dívka 15, Opava"); a range of school years ("Years 7–9", "Kindergarten through 5th grade"); a
parent's age in a log's shorthand ("mum 92;"), after an in-law in Russian's instrumental ("за
свекровью (91)"), asked for and quoted, after a name and where they live; an extract's number, a
number after its words and a comma, a register's "reg. no.", a visa sticker, an occurrence's, an
interpreter's, a student's or a dispatch's number; an organisation's quoted short name said alone
later ("МОКОД"); a Czech body's town with "na"/"nad"/"pod"; a numbered Kazakh school named by its
town; a dormitory's room; a Chinese old people's home, an ethnic township, a dormitory in a student
block; a lower-case school or marae after a found name; a school's stamp in capitals without its
marks; an address's post town in capitals; a person's quoted initials, and a hyphenated first
name's; a workplace, surgery or force typed in lower case; a name after a kin word or "doctor" in
English lower case; in Czech lower case, a surname after "paní", "pan" or "doktor", a family after
"od", a grammar school by its nickname after going ("chce na gympl") and a street said with its
number in words ("na husově osum set šedesát"); in Kazakh and Russian, a name after a kin word, a
neighbour or a teacher in lower case; in Chinese, 老 or 小 and a rarer surname in a list. Each found,
the look-alikes left alone.
Every person, number and address is invented."""

from __future__ import annotations

import pytest
from deid_probe import covered, touched

LOG = (
    "Call ID          Time          Staff Caller                Notes\n"
    'NL26-0314-02    22:50–23:26   RH    "Jess", 17 / Thurso               callback agreed\n'
    "NL26-0314-03    23:52–00:19   CM    female, 60s / Castle Douglas      carer, mum 92; "
    "signposted\n"
)
CHILD = (
    "**Child:** Johnny-Ray Loveridge\n\nJR is the third of five.\n\n"
    "Hope was expressed by everyone that JR stays on roll over the summer.\n"
)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        (LOG, "en", "Thurso"),
        (LOG, "en", "Castle Douglas"),
        (LOG, "en", "92"),
        ("03:10   жен., 40 / Сланцы    тревога, план безопасности", "ru", "Сланцы"),
        ("02:05   žena, 30+ / Duchcov    úzkost", "cs", "Duchcov"),
        ("LP26-0414   21:40   KG   dívka 15, Opava                     šikana", "cs", "Opava"),
        (
            "183        22:41  35m  text   anon, 14, Mission                   bullying",
            "en",
            "Mission",
        ),
        (">> Leanne Fraser\n>> Wellbeing Leader, Years 7–9\n>> Ironbark College", "en", "7–9"),
        ("Kobe did Pre-primary to Year 3 at Gascoyne River Primary.", "en", "Pre-primary to"),
        ("Kindergarten through 5th grade he attended Red Pine Elementary.", "en", "Kindergarten"),
        ("Ольга, ремиссия 2 года; ухаживает за свекровью (91)</td></tr>", "ru", "91"),
        ("На вопрос о возрасте: «девяносто пять, а в ноябре будет", "ru", "девяносто пять"),
        ("Her sister Trijntje, still in the Netherlands, is 97; they phone.", "en", "97"),
        ("в ГБУЗ НО «Выксунская ЦРБ», выписка № 1473. Отец", "ru", "1473"),
        ("бұрынғы мектептен жауап келді. Кіріс хат тіркелді, № 214.", "kk", "214"),
        ("jane.walsh@mayo.example.ie · PSI reg. no. PSI-2219", "en", "PSI-2219"),
        ("Мій ІПН 3237104260, víza štítek UKR 7315048. Bydlíme", "cs", "UKR 7315048"),
        (
            "химиотерапии в ГОАУЗ «МОКОД» (направление № 142). Уточнить в МОКОД, можно ли",
            "ru",
            "МОКОД",
        ),
        (
            "doporučila psychiatrii v Nemocnici Nové Město na Moravě (objednací",
            "cs",
            "Nové Město na Moravě",
        ),
        ("1–4-сыныптарда № 1 Сарқан мектебінде оқыған. Отбасы татар", "kk", "мектебінде"),
        ("Клиент: жатақханада 312 бөлмеде тұрам, бөлмелесім", "kk", "312 бөлмеде"),
        ("- 王德明：主张送永昌县颐康老年公寓，费用兄弟俩平摊。", "zh", "颐康老年公寓"),
        ("与他单独谈一次（他也是寄宿生，家在马蹄藏族乡）。", "zh", "马蹄藏族乡"),
        ("民警 00:09 到达学生公寓4号楼316宿舍，室友一直陪着她。", "zh", "316宿舍"),
        ("he's asking can he go to castlecliff beach school with his cousin", "en", "beach school"),
        ("she says take the boy up the river to te waiora marae for the holidays", "en", "te "),
        ("Razitko: ZAKLADNI SKOLA SUSICE, TYLOVA 4l7\n```", "cs", "ZAKLADNI SKOLA SUSICE"),
        (
            "Address: 14 Polwithen Gardens\n         Heamoor, PENZANCE\nPostcode: TR18 3QX",
            "en",
            "PENZANCE",
        ),
        ('**Child:** Johnny-Ray Loveridge ("JR")\n**DOB:** 14/08/2016', "en", "JR"),
        (CHILD, "en", "JR"),
        ("i'm still at auckland city hospital, they reckon i'll be here", "en", "auckland city"),
        ("his dad imran drives nights for elland rd cars so i leave 7.30", "en", "elland rd cars"),
        ("he took the day off from westgate logistics. im ok im ok", "en", "westgate logistics"),
        ("the doctor at inala family practice he want the medicare card", "en", "inala family"),
        ("kia ora, the nurse at te awa medical centre rang about him", "en", "medical centre"),
        ("if you can't answer you call my husband javed, his number zero four", "en", "javed"),
        ("ok ill try. his dad imran drives nights so i leave 7.30 for work", "en", "imran"),
        ("we went to the health clinic, we saw doctor mehta. he wants that card", "en", "mehta"),
        ("on tam chodí kevin od lakatošů a on ho má rád, tak jestli by mohl", "cs", "kevin"),
        ("on tam chodí kevin od lakatošů a on ho má rád, tak jestli by mohl", "cs", "lakatošů"),
        ("toho znám, to je synovec horvátů. nic proti nim nemám ale", "cs", "horvátů"),
        ("tak jsem byla na tý sociálce u paní hronkový v děčíně, ona říká", "cs", "hronkový"),
        ("paní učitelka holá psala do žákovský že bouchnul toho malýho", "cs", "holá"),
        ("jarda syn toho pana vaňka z geriatrie… táta mi dneska volal", "cs", "vaňka"),
        ("осында ешкімді танымайтынбыз інім тұрсынбай атырауда тұрады", "kk", "тұрсынбай"),
        ("сосын көрші бақыт айтады сенің немерең дүкеннің артында", "kk", "бақыт"),
        ("иә бұл бердақтың мамасы гүлбахор ғой біз нөкістен көшіп келдік", "kk", "гүлбахор"),
        ("көршіміз зульфия опаның баласы шерзод көріпті ойындағы атын", "kk", "шерзод"),
        ("到会 8 人（含一位陪同家属）：樊雅琴、司徒芳、邢姐、老焦、梅子。", "zh", "老焦"),
        ("bydlíme teď u mý sestry na křinický dvě stě šedesát osum, to je", "cs", "dvě stě"),
        ("my bydlíme kousek na husově osum set šedesát", "cs", "husově osum set šedesát"),
        ("se přestěhovali k dceři, na riegrovu sedmnáct, tak kdybyste", "cs", "riegrovu"),
        ("teď sme pod hradbami dvacet šest, byt čtrnáct, ve třetím patře", "cs", "byt čtrnáct"),
        ("Dr Aoife Kennelly, MICGP\nIMC no. 412877\n", "en", "412877"),
        ("an interpreter from TIS National (interpreter no. 40517). Son", "en", "40517"),
        ("Peel Regional Police (occurrence no. PR26-0048213).", "en", "PR26-0048213"),
        ("reported missing by his mother (CAD 4471/06FEB26). He was found", "en", "4471/06FEB26"),
        ("Illinois Medicaid recipient no. 417 309 852.", "en", "417 309 852"),
        ("Achieng' Otieno, Form 3 North, Adm. No. 7781 (boarder)", "en", "7781"),
        ("Case no. (office use): KH/2026/0l47", "en", "KH/2026/0l47"),
        ("interpreter (Tees Interpreting Ltd, booking TI-77120)", "en", "TI-77120"),
        ("Byla ve škole celý den. Chce na gympl do Žďáru, přijímačky ji stresují", "cs", "gympl"),
        ("chodí do druháku na gympl. Od pondělí se řeže", "cs", "gympl"),
        ("09:01 Клиент: тетя света в купчино. и психолог в школе", "ru", "света"),
        ("у меня подруга вика она в восьмом классе, сестра надя тоже", "ru", "надя"),
    ],
)
def test_what_the_thirty_ninth_set_s_shapes_give_away(text, language, part) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        # a row's slash that is no caller's town
        ("Shift 2 / Week 14 notes, open 24 / 7 for callers", "en", "Week"),
        ("NL-01   22:00   RH   boy 15, Anxious          school stress", "en", "Anxious"),
        ("记录：大家、老师、小时、老乡、小孩都在。", "zh", "老师"),
        ("记录：大家、老师、小时、老乡、小孩都在。", "zh", "老乡"),
        ("no a přišlo jich tam na první dvacet dětí", "cs", "první dvacet"),
        ("the student number is low this year; booking 12 rooms; CAD 3 failed", "en", "12 rooms"),
        ("the student number is low this year; booking 12 rooms; CAD 3 failed", "en", "CAD 3"),
        ("o gymplech se mluvilo obecně, gympl je těžký", "cs", "gympl je"),
        ("мама сказала что тетя приедет, брат мой уехал, подруга сказала нет", "ru", "уехал"),
        ("мама сказала что тетя приедет, брат мой уехал, подруга сказала нет", "ru", "сказала нет"),
        ("брат слава богу здоров, тетя слава богу дома", "ru", "слава"),
        ("Pupils aged 7–9 attend the club; ages 7–9 mostly.", "en", "7–9"),
        ("Years 7–9% of the budget went on it.", "en", "Years 7–9%"),
        ("She rang her mum 92 times last year.", "en", "92"),
        ("Итог: общий балл, по шкале, 95 из 100.", "ru", "95"),
        ("Her score, now in the file, is 95% of the maximum.", "en", "95"),
        ("Лечится в ГБУЗ «ЦРБ». В ЦРБ сказали ждать, позвонить в ЦРБ завтра.", "ru", "В ЦРБ"),
        ("Dr Jones (GP) and the SENCO (SEN) met the family.", "en", "GP"),
        ("Address: 14 Polwithen Gardens\nNOTE\nPostcode: TR18 3QX", "en", "NOTE"),
        ("живу в общежитии, там 5 комнат на этаже", "ru", "5 комнат"),
        ("he walks from castlecliff to school every day", "en", "to school"),
        ("Poliklinika pracuje na chodbě; ZŠ má schůzku na Facebooku", "cs", "na chodbě"),
        ("i went to the family practice and then the local police came round", "en", "family"),
        ("she has two cars and a big garage, the practice was shut all day", "en", "two cars"),
        ("my dad works nights and my mum said no, my ex keeps texting me", "en", "works"),
        ("my mum hasnt called and his brother texted me at night again", "en", "hasnt"),
        ("my sister texting me all night, her brother drives a van", "en", "texting"),
        ("no a paní učitelka řekla že to dostal od rodičů a od kluků", "cs", "řekla"),
        ("no a paní učitelka řekla že to dostal od rodičů a od kluků", "cs", "rodičů"),
        ("dobrý den paní psycholožko, volám kvůli synovi, pani ucitelko", "cs", "psycholožko"),
        ("to mi říkala pani řidička v autobuse a pan školník taky", "cs", "řidička"),
        ("doktor rika je zdrava. ona rika ze deti se smejou", "cs", "rika"),
        ("a pan kontaktuje školu zítra, paní jmenovaná nepřišla", "cs", "kontaktuje"),
        ("әкесі жұмыста анасы үйде көрші айтты досым келді інім ауырып қалды", "kk", "жұмыста"),
        ("әкесі жұмыста анасы үйде көрші айтты досым келді інім ауырып қалды", "kk", "ауырып"),
    ],
)
def test_what_the_thirty_ninth_set_s_look_alikes_leave(text, language, part) -> None:
    assert not touched(text, language, part)
