"""Identifiers in the shapes the thirty-eighth set's notes gave them: a word typed with look-alike
letters of the other script ("Aлматы облысы"); a name broken over a line's end by a scan or a
narrow cell ("Сулейма-⏎нов", "Hořej⏎š", "石雨⏎  桐"); initials listed with found people's; a
messenger export's sender on its own line; a quoted mail's date with a two-figure year; a Kazakh
range with its year; a room's ID, a pupil's register number, a Polish opinion's number, the
number sign before its document; a region's official second name; an institute's purpose; an
inter-district police department; a Kazakh district's office over two lines; a Czech house's
Roman town part; "p." for pan or paní; an English age to come and a sister's; "Year 7 and 8";
a WeChat ID read out; a Taiwanese hospital's short name; a late spouse's name; a
kindergarten's year; a town said after "在"; a Polish-minority and a Lithuanian school; a
spoken address before "частный дом"; a Kazakh state corporation's town branch; a caller saying
their name in lower case ("my name is …", "dobrý den tady …"); ages said with "is … already",
"he'd have been", after a Czech dative and its verb or before them, in a Russian quote. Each
found, the look-alikes left alone.
Every person, number and address is invented."""

from __future__ import annotations

import pytest
from deid_probe import covered, touched

EXPORT = (
    "```\nЧат: Айнура Токтобаева\nЭкспорт: Лилия Ринатовна психолог\n```\n\n"
    "--- 02.03.2026 ---\nЛилия Ринатовна психолог\n18:05 Здравствуйте! Можно поговорить?\n"
    "Айнура Токтобаева\n18:41 Здравствуйте.\n\n--- 03.03.2026 ---\n"
    "Лилия Ринатовна психолог\n08:15 Спасибо, что рассказали.\n"
)
MINUTES = (
    "出席（组内只用首字母记录）：KWL（新成员）、PQS、TRN、MH，共4人。\n"
    "PQS（潘秋生，70岁）说孙子会走路了。KWL（柯文莉）说想早点回家。TRN化疗中。MH请假。\n"
)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("        Aлматы облысы, Taлғар ауданы, Бaйсерке ауылы,", "kk", "Aлматы облысы"),
        (
            "Ф.И.О.: Ибрагимо-\nва Зарина Ильдаровна\nДата рождения: 12.04.2013",
            "ru",
            "Ибрагимо-\nва",
        ),
        ("Otec:                    Pavel Hořej\nš, bydlí v Písku", "cs", "Hořej\nš"),
        ("Name: Carys Lloyd-\nEvans                     DOB: 03/02/2018", "en", "Lloyd-\nEvans"),
        ("女儿王雨桐成绩很好。后来女儿王雨\n  桐情绪低落，成绩下降。", "zh", "王雨\n  桐"),
        (MINUTES, "zh", "TRN"),
        (MINUTES, "zh", "MH"),
        (EXPORT, "ru", "Лилия Ринатовна психолог"),
        ("> Dne 10. 03. 26 v 16:02 Ondřej Kalous napsal(a):", "cs", "10. 03. 26"),
        ("Кезекшілік: 2026 жылғы 10-нан 11 ақпанға қараған түн", "kk", "2026 жылғы"),
        ("webinar.example.ru/r/x-0312, ID комнаты 812 4471 0936", "ru", "812 4471 0936"),
        ("nar. 7. 6. 2012, evid. č. žáka 2025/0187, třída VIII a", "cs", "2025/0187"),
        ("v Cieszynie (opinia nr PPP.4211.87.2024) – dyslexie", "cs", "PPP.4211.87.2024"),
        ("дата направления — 04.03.2026; № направления 312/03; индекс", "ru", "312/03"),
        ("652724, Кемеровская область — Кузбасс, г. Киселёвск", "ru", "область — Кузбасс"),
        (
            "совместно с Адыгейским республиканским институтом повышения квалификации",
            "ru",
            "институтом повышения квалификации",
        ),
        ("найден сотрудниками МО МВД\nРоссии «Бугурусланский», КУСП", "ru", "МВД\nРоссии"),
        (
            "Мектеп Бұланды аудандық психологиялық-педагогикалық түзету кабинетімен",
            "kk",
            "кабинетімен",
        ),
        ("Қосымша: Талғар аудандық\n   орталық ауруханасының анықтамасы", "kk", "ауруханасының"),
        ("otec bydlí v Jindřichově Hradci, Jarošovská 1127/IV.", "cs", "1127/IV"),
        (
            "Dne 2. 2. 2026 mě oslovila tř. uč. p. Pospíšilová: Adéla je uzavřená",
            "cs",
            "Pospíšilová",
        ),
        ('Husband Hendrik died in 2019 ("he would have been 97 this March").', "en", "97"),
        ("Her older sister, Anneke, is 96 and still in the Netherlands.", "en", "96"),
        ("Public School (Year 6, 2023), then Year 7 and 8 here.", "en", "8"),
        ("渠爸爸个微信号是h j b 八八六六，你加一下。", "zh", "h j b 八八六六"),
        ("當時轉介臺中榮總兒童青少年精神科。", "zh", "臺中榮總"),
        ("老伴汪水生2019年去世。", "zh", "汪水生"),
        ("儿子      石雨泽        6      流泗镇中心幼儿园大班", "zh", "大班"),
        ('来访者当时说"太远了，我们在枫岭头镇"。', "zh", "枫岭头镇"),
        (
            "**Škola:** ZŠ s polským jazykem vyučovacím Třinec-Lyžbice\n",
            "cs",
            "ZŠ s polským jazykem vyučovacím Třinec-Lyžbice",
        ),
        ("Before that he attended Panevėžio Ąžuolyno progimnazija.", "en", "progimnazija"),
        ("адрес если надо улица свободы дом сорок три частный дом", "ru", "сорок три"),
        (
            "жолдау «Азаматтарға арналған үкімет» мемлекеттік корпорациясының Шиелі ауданындағы"
            " бөлімшесіне жіберілді.",
            "kk",
            "мемлекеттік корпорациясының Шиелі ауданындағы бөлімшесіне",
        ),
        (
            "> texter: ok. my name is hodan abdullahi warsame. dob 4/17/2009",
            "en",
            "abdullahi warsame",
        ),
        ("good morning its folake dami mum, this is my new number sorry", "en", "folake"),
        ("dobrý den tady černá z ospodu volám kvůli tomu chlapci", "cs", "černá"),
        ("dobrý den paní magistro tady ryšavá babička lukáška z kvarty", "cs", "ryšavá"),
        ("went back during CNY. Nenek is 92 already, Aisyah very close to her", "en", "92"),
        ("Her mother, who raised him until age six, is 97 and still in Dire Dawa.", "en", "97"),
        ('widowed in 2009 (husband Gérard, "he\'d have been 101 this year")', "en", "101"),
        ("Pečuje o maminku, které bylo v únoru 96, bydlí u ní v Kutné Hoře", "cs", "96"),
        (
            "manželku Jiřinu, které je podle něj „devadesát dva a už nikoho nepoznává“",
            "cs",
            "devadesát dva",
        ),
        (
            "paní Zdenka, žije sama, „devadesát dva mi bylo v lednu“. Dcera bydlí daleko",
            "cs",
            "devadesát dva",
        ),
        (
            "Анна Прохоровна, говорит, что ей «девяносто три с половиной». Живёт одна",
            "ru",
            "девяносто три",
        ),
    ],
)
def test_what_the_thirty_eighth_set_s_shapes_give_away(text, language, part) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Ve škole je iPhone zakázán, říká Novák.", "cs", "iPhone"),
        ("Мы говорили с Яном Новаком\nи его мамой о школе.", "ru", "и его"),
        ("Mluvila jsem s Janem Novákem\na jeho matkou.", "cs", "a jeho"),
        ("Diagnózy: ADHD、PTSD、OCD a jiné, dle zprávy.", "cs", "OCD"),
        (
            "--- 02.03.2026 ---\nКонсультант\n18:05 Здравствуйте!\nКонсультант\n19:00 Да.\n",
            "ru",
            "Консультант",
        ),
        ("Dne 10. 03. bylo 26 dětí ve třídě.", "cs", "26 dětí"),
        ("Посмотрите № 4 на странице 12.", "ru", "12"),
        ("Столица — Москва, область — большая.", "ru", "большая"),
        ("Он институт закончил, повышения квалификации не было.", "ru", "повышения"),
        ("Viz kapitola IV, s. 12/IV.", "cs", "kapitola"),
        ("Strana 5, p. 12: výsledky testu.", "cs", "12"),
        ("The project ran for 97 weeks; she is 96% sure.", "en", "96"),
        ("Year 7 and 8 per cent of pupils", "en", "8 per"),
        ("Years 7 and 8 weeks later we met.", "en", "8 weeks"),
        ("他的微信号是abc，没有数字。", "zh", "abc"),
        ("老伴身体不好，在家休息。", "zh", "身体不"),
        ("这个消息很快在全乡传开了，大家都知道。", "zh", "全乡"),
        ("我们在我们镇上开店。", "zh", "我们镇"),
        ("hi miss this is really hard for me to say", "en", "really"),
        ("omg its sooo cold out here lol", "en", "sooo"),
        ("dobrý den tady maminka Matěje, volám kvůli obědům", "cs", "maminka"),
        ("dobrý den tady zástupkyně ředitele, volám kvůli rozvrhu", "cs", "zástupkyně"),
        ("The score is 95 now, and it is 92 already.", "en", "95"),
        ("Třídě je 95 procent, té je 92 % úspěšnost.", "cs", "92"),
    ],
)
def test_the_thirty_eighth_set_s_look_alikes_stay(text, language, part) -> None:
    assert not touched(text, language, part)
