"""Identifiers in the shapes the twenty-sixth set's notes gave them: a hotline log's rows by
year and serial, counsellors' initials after their role word and after a full Russian name, an
age over 89 in a log's sex column, after its label and said of someone, named services and
lines, a branch of a Kazakh state body, the nickname a chat's client gives when asked, voice
message senders, messenger groups and device names, a name in a scanned form's capitals,
Czech classes and schools as people say them, a code-block log's caller and area columns,
and the cues of notecues.py. Each found, the look-alikes left alone. Every person, number
and address is invented."""

from __future__ import annotations

import pytest
from deid_probe import covered, touched

RU_LOG = (
    "```\n"
    "№          время         канал   мин  конс.  повод\n"
    "26-0407    20:05–20:31   звонок  26   ВАП    одиночество после смерти мужа\n"
    "26-0408    20:40–21:10   чат     30   СЕД    конфликт с матерью\n"
    "```\n"
    "Постоянный абонент (тот же, что 26-0389 и 26-0397). Пришёл в 20:05, ушёл в 20:31.\n"
)
BLOCK_LOG = (
    "```\n"
    "Ref            Start  Min  Cnsl  Caller (as given)  Area          Theme\n"
    'BLL-260214-01  22:07  18   FI    "Kev"              Kingstanding  loneliness\n'
    "BLL-260214-03  23:40  30   FI    Tomasz             Erdington     drinking\n"
    "BLL-260215-06  02:48  22   FI    Anonymous          City centre   debt\n"
    "```\n"
)


@pytest.mark.parametrize("serial", ["26-0407", "26-0408", "26-0389", "26-0397"])
def test_a_log_s_rows_by_year_and_serial_and_the_same_shape_cited(serial: str) -> None:
    assert covered(RU_LOG, "ru", serial)


def test_a_log_s_times_stay() -> None:
    assert not touched(RU_LOG, "ru", "в 20:05")


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Супервизор: Лебедева Ольга Николаевна (ЛОН). Запись вела ЛОН.", "ru", "ЛОН"),
        ("Клиент вернулся, второй консультант (КДИ) продлил сессию.", "ru", "КДИ"),
        (
            "**Қатысқандар:** кезекші кеңесшілер БӘТ, ЛВС, НӘМ, КДС; жаңа кеңесшілер бар.",
            "kk",
            "ЛВС",
        ),
        (
            "**Қатысқандар:** кезекші кеңесшілер БӘТ, ЛВС, НӘМ, КДС; жаңа кеңесшілер бар.",
            "kk",
            "КДС",
        ),
    ],
)
def test_initials_after_a_full_name_and_after_a_role_word(text, language, part) -> None:
    assert covered(text, language, part)


def test_an_acronym_after_a_role_word_stays() -> None:
    assert not touched("Консультант ЦРБ позвонил в 10:00.", "ru", "ЦРБ")


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("26-0415     22:25   30 мин  телефон  ә, 91          жалғыздық", "kk", "91"),
        ("HX0314-03  21:15  女 92 青山    22'   独居、想说说话", "zh", "92"),
        ("nani ji will make sure he goes shes 90 but sharp lol", "en", "90"),
        ("**Patient:** GALLARDO, Refugio · **Age:** 91 · **DOB:** 03/19/1934", "en", "91"),
        ('Caller "Ruth" (93), Bay Ridge, lives alone since her sister died.', "en", "93"),
    ],
)
def test_an_age_over_89_in_a_sex_column_after_its_label_and_said(text, language, part) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("He is 90 minutes late again.", "en", "90"),
        ("She is 95% sure it was him.", "en", "95"),
        ("数学 女 92 分，语文 88 分。", "zh", "92"),
    ],
)
def test_a_number_that_is_no_age_stays(text, language, part) -> None:
    assert not touched(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("психолог-консультант онлайн-службы «Слышу тебя»", "ru", "онлайн-службы «Слышу тебя»"),
        (
            "Заңгерлік кеңес: «Әділ Кеңес» заң кеңсесі, заңгер бар.",
            "kk",
            "«Әділ Кеңес» заң кеңсесі",
        ),
        (
            "Куәлік қайталамасын «Азаматтарға арналған үкімет» мемлекеттік корпорациясының "
            "Атырау облысы бойынша филиалынан алу керек.",
            "kk",
            "«Азаматтарға арналған үкімет» мемлекеттік корпорациясының Атырау облысы бойынша "
            "филиалынан",
        ),
        (
            "Žádost podána na ÚP, krajská pobočka v Liberci datovou schránkou.",
            "cs",
            "ÚP, krajská pobočka v Liberci",
        ),
        ("请拨打武汉市心理援助热线咨询。", "zh", "武汉市心理援助热线"),
        ("夜间可以拨打江城心理援助热线 027-86795231。", "zh", "江城心理援助热线"),
        ("督导：褚宏伟（中国心理学会注册督导师）", "zh", "中国心理学会"),
        ("but the lady at centrelink said something different", "en", "centrelink"),
    ],
)
def test_named_services_lines_and_branches(text, language, part) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    "text",
    [
        "或拨打全国心理援助热线（12356）。",
        "学校已将心理援助热线告知学生。",
        "告知学生24小时心理援助热线。",
    ],
)
def test_the_national_line_and_a_line_said_generically_stay(text: str) -> None:
    assert not touched(text, "zh", "心理援助热线")


CHAT = (
    "20:51 Қамқор желі · Виктория: Сәлеметсіз бе! Как к вам обращаться?\n"
    "20:52 kimchi_girl_08: ди. просто ди\n"
    "20:53 Қамқор желі · Виктория: Ди, спасибо, что написали.\n"
)
ANON_CHAT = (
    "21:02 Консультант: Как к вам обращаться?\n"
    "21:03 Гость: просто аноним\n"
    "21:04 Консультант: Хорошо.\n"
)


@pytest.mark.parametrize("part", ["ди", "Ди"])
def test_the_nickname_a_client_gives_when_asked(part: str) -> None:
    assert covered(CHAT, "kk", part)


def test_a_client_who_gives_no_name_gives_none() -> None:
    assert not touched(ANON_CHAT, "ru", "просто")


def test_a_sentence_s_opening_is_no_name() -> None:
    text = (
        "21:02 Counsellor: Hi, what should I call you?\n"
        "21:03 Visitor: my name is diego but call me D\n"
        "21:04 Counsellor: Thanks, Diego. My day was long.\n"
    )
    assert covered(text, "en", "diego")
    assert not touched(text, "en", "My day")
    assert not touched("his name is unknown to us.", "en", "unknown")


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        (
            "**Voice message 1** — Nalini 🌼 Wed group, 3 March 2026, 0:58\n\nhi bron its nalini",
            "en",
            "Nalini 🌼 Wed group",
        ),
        (
            'You are in a Telegram group, "Українки в Единбурзі", and asked',
            "en",
            "Українки в Единбурзі",
        ),
        ("- iPhone (Ботакөз): Дилноза, ПМПК-ға жіберудің негізі жоқ", "kk", "iPhone (Ботакөз)"),
        ("他在B站上有个号叫“川川今天不上学”，我今天才看到。", "zh", "川川今天不上学"),
        ("那个微信号叫什么 妞妞爱吃草莓 还是什么的", "zh", "妞妞爱吃草莓"),
    ],
)
def test_senders_groups_devices_and_accounts(text, language, part) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        (
            "Jméno a příjmení dítěte:  NGUYEN  MINH  KHANG\nDatum narození:  O5.O9.2O17",
            "cs",
            "NGUYEN  MINH  KHANG",
        ),
        (
            "Family name: ADEBAYO-OKAFOR       Given name(s): Oluwaseun   Preferred: Seun",
            "en",
            "Oluwaseun",
        ),
    ],
)
def test_a_scanned_form_s_names(text, language, part) -> None:
    assert covered(text, language, part)


CZECH_CHAT = (
    "21:20 Klient: je to moje nejlepsi kamoska od primy, predtim jsme spolu chodily na "
    "zakladku v jundrove a ted se mnou nemluvi. skolni psycholozka na gymplu na minske je fajn\n"
)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        (CZECH_CHAT, "cs", "primy"),
        (CZECH_CHAT, "cs", "zakladku v jundrove"),
        (CZECH_CHAT, "cs", "gymplu na minske"),
        ("Kevin chodí do naší školy od přípravné třídy.", "cs", "přípravné třídy"),
        (
            "**Škola:** 38. základní škola Plzeň, kabinet výchovného poradce",
            "cs",
            "38. základní škola Plzeň",
        ),
        ("to je ten chalan z tretieho ročníka, vraj sa volá inak", "cs", "tretieho ročníka"),
        ("Максим с сентября учится на 1 курсе в колледже сервиса.", "ru", "1 курсе"),
        ("父亲说自己初三时也是这样熬过来的。", "zh", "初三"),
        ("他在臺灣讀到國小六年級（西屯區）。", "zh", "國小六年級"),
    ],
)
def test_classes_and_schools_as_people_say_them(text, language, part) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Počkejte za sekundu, hned to bude.", "cs", "sekundu"),
        ("To je prima nápad.", "cs", "prima"),
        ("Он на 2 курсе химиотерапии, переносит тяжело.", "ru", "2 курсе"),
        ("Учится на 1 курсе колледжа, живёт в общежитии.", "ru", "1 курсе"),
        ("Koncert se konal v rámci třetího ročníku festivalu.", "cs", "ročníku"),
    ],
)
def test_a_second_a_treatment_course_and_a_festival_s_year_stay(text, language, part) -> None:
    assert not touched(text, language, part)


@pytest.mark.parametrize("part", ['"Kev"', "Kingstanding", "Tomasz", "Erdington"])
def test_a_code_block_log_s_caller_and_area_columns(part: str) -> None:
    assert covered(BLOCK_LOG, "en", part.strip('"'))


@pytest.mark.parametrize("part", ["Anonymous", "City centre"])
def test_an_anonymous_caller_and_a_city_centre_stay(part: str) -> None:
    assert not touched(BLOCK_LOG, "en", part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("s pomocí sousedky z č. p. 320, která jí nosí nákup", "cs", "320"),
        ("Samko by chcel prestup na izbu 108 k spolužiakovi.", "cs", "izbu 108"),
        ("<td>ul. Daszyńskiego 14/3, 59-920 Bogatynia</td>", "cs", "59-920"),
        ("**Attendance:** 23 school psychologists (NY, NJ, IL, MA)", "en", "NJ"),
        ("Grade 7, homeroom 7-308, OSIS 218 530 467. Lives with parents.", "en", "218 530 467"),
        ("Bernadette Ashworth, MBACP, reg. no. 412876", "en", "412876"),
        ("**Counselors:** Brendan O'Hare (BO, #214), Tamika Jennings (TJ, #187)", "en", "214"),
        ("> see you then.\n>>\n>> Thanks, D.\n", "en", "D."),
        ("вахта, Теңіз кен орны (15/15)", "kk", "Теңіз кен орны"),
        ("сауықтыру лагері (Балқаш көлінің жағасы): 1-ауысым", "kk", "Балқаш көлінің"),
        ("Анасы жазбаша өтініш берді (өтініш № 17).", "kk", "17"),
        ("Краснодара», ул. Тургенева, д. 189/2 (ФМР)", "ru", "ФМР"),
        ("О3.О3.2О26         Подпись: Бонда ренко\n", "ru", "Бонда ренко"),
        (
            "мы живём на саввинском шоссе дом четыре корпус два, там за домом гаражи",
            "ru",
            "саввинском шоссе дом четыре корпус два",
        ),
        (
            "қалаға көштік, нұрсат шағын ауданы отыз бес үй қырық сегізінші пәтер, сол жақтағы",
            "kk",
            "нұрсат шағын ауданы отыз бес үй қырық сегізінші пәтер",
        ),
        ("а я хочу в десятый в нашей 94й\nможно я завтра напишу", "ru", "94й"),
        ("камила подруга из 65-й говорит у них норм", "ru", "65-й"),
        ("接警民警彭警官，警号 042317）。", "zh", "042317"),
        ("本班两次超时（05、01号），已在周督导中提出。", "zh", "05"),
        ("即3月11日夜班 012 号来电，龚婆婆。", "zh", "012"),
        ("褚老师4月15日来汉线下带组。", "zh", "汉"),
        ("已到青少年门诊就诊，医生是舒主任。", "zh", "舒"),
        ("去年暑假把兒子從臺中接過來讀書。", "zh", "臺中"),
        ('Oleksandr Petrenko ("Sasha", OP, #231), Neha Desai (ND, #240)', "en", "231"),
        ("13 жастағы ұлы сөйлеспейді (хаттамада «Г.»). Жазба 28 минут.", "kk", "Г."),
        ('Family: daughter Guadalupe "Lupe" Gallardo-Ortiz in Cicero.', "en", "Lupe"),
        (
            "táta je narozenej čtrnáctýho července padesát šest kdyby",
            "cs",
            "čtrnáctýho července padesát šest",
        ),
        ("在前川街道百秀街56号区青少年活动中心三楼，电话", "zh", "百秀街56号区青少年活动中心三楼"),
        ("已请她与万副校长面谈。", "zh", "万"),
        ("杜昊天（DHT，见习，只旁听不接线）", "zh", "DHT"),
        ("келісілді: ________ Сейітова Г.    «О6» О2. 2О26", "kk", "«О6» О2. 2О26"),
        ("Дата: «06» 02. 2026 г., подпись", "ru", "«06» 02."),
        ("№ 5 мектеп-гимназия; 2О24 жылғы l қыркүйектен бастап", "kk", "2О24 жылғы l қыркүйектен"),
        ("# «Қамқор желі» — Астана. Түнгі ауысым журналы", "kk", "«Қамқор желі»"),
    ],
)
def test_what_a_cue_gives_away(text, language, part) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Jane Roe, LPC, joined the call at 5 PM.", "en", "LPC"),
        ("жили на 5-й линии, потом переехали", "ru", "5-й"),
        ("这个平台中有很多功能。", "zh", "台中"),
        ("汉字很难写。", "zh", "汉"),
        ("二年级随父母来沪。", "zh", "沪"),
        ("Dominika (6, přípravná třída) a Denis", "cs", "přípravná"),
        (
            "```\nPupil         Tahmid Uddin\nDOB           14/02/2016\nContacts      Mum\n```",
            "en",
            "Contacts",
        ),
        ("Thanks, everyone, for coming.", "en", "everyone"),
        ("3月12、13号两天值班。", "zh", "12"),
        ("Jsme tu od minulého července a je to lepší.", "cs", "července"),
        ("请与副校长联系。", "zh", "副校长"),
        ("Ол l рет келді, 2О24 жылы.", "kk", "l рет"),
        ("## «Шаг за шагом» — программа для родителей", "ru", "Шаг за шагом"),
    ],
)
def test_look_alikes_without_their_cue_stay(text, language, part) -> None:
    assert not touched(text, language, part)


# --- the twenty-seventh set's shapes ---


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("05  Клиент:  завтра пробник в ниш, мама сказала", "kk", "ниш"),
        ("и даша подруга, она в 9 г а я в 9 б", "kk", "9 г"),
        ("исмоил в школу ходит в первый г в девятую школу", "ru", "первый г"),
        ("пойду в шарагу. а я хочу в десятый в нашей 94й", "ru", "десятый"),
        ("Говорит что после 9-го пойдёт в колледж на повара.", "ru", "9-го"),
        ("таңертеңгі серуен Ғашықтар саябағында, ұйықтар алдында", "kk", "Ғашықтар саябағында"),
        ("ереке айтты қарғалы аудандық әкімдігі акт жасады", "kk", "қарғалы аудандық әкімдігі"),
        ("# Экспорт чат-сессии (сайт «Тёплой линии»)", "ru", "«Тёплой линии»"),
        ("дала памятку и адрес МФЦ г.о. Химки (ул. Маяковского)", "ru", "МФЦ г.о. Химки"),
        ("позвонила в церковь Сурб Карапет на Чапаевской", "ru", "церковь Сурб Карапет"),
        ("«я злюсь на маму, а она в девяносто три держится лучше меня»", "ru", "девяносто три"),
        (
            "адрес где живём пишите химки левобережный совхозная девять квартира сорок один, ребёнок",
            "ru",
            "совхозная девять квартира сорок один",
        ),
        ("в школе тоже. в 175й никто не знает, я только тёме сказал", "ru", "175й"),
        ("Разбирали 26-0410 / 26-0417 (ночь 17–18.03).", "ru", "26-0417"),
        ("Консультант:  Вера (ШВП)\nДлительность: 30 мин", "ru", "ШВП"),
        ("**Чат группы:** Telegram «После. Коммунарка», страница ВК", "ru", "После. Коммунарка"),
        (
            "**Служба:** Городская служба онкопсихологической помощи ДЗМ",
            "ru",
            "Городская служба онкопсихологической помощи ДЗМ",
        ),
        ("10-го я на работе до шести, могу 11-го или 12 марта после 16:30.", "ru", "11-го"),
        (
            "- Ильдар Хабибуллин — Казань: сколько часов она спит?",
            "ru",
            "Ильдар Хабибуллин — Казань",
        ),
        ("<tr><th>Nar. / RČ</th><td>21. 8. 1933 / 330821/117</td></tr>", "cs", "330821/117"),
        ("nákupy mu nosí soused pan Kučera z čísla 420, obědy", "cs", "420"),
        ("Sestra Anna zemřela loni v 94 letech v domově.", "cs", "94"),
        ("Sourozenci:  Natálie (2016), tamtéž 4. tř.;", "cs", "4. tř."),
        (
            "studuje v Liberci na Technické univerzitě v Liberci a nabídla",
            "cs",
            "Technické univerzitě v Liberci",
        ),
        ("Číslo relace: CH-26-0884 · Klient: zelenykonik · Pracovník: Radim", "cs", "zelenykonik"),
        ("21:11  K: 17. jsem ve druhaku na sos v letnanech", "cs", "druhaku"),
        ("21:11  K: 17. jsem ve druhaku na sos v letnanech", "cs", "sos v letnanech"),
        (
            "ten soud je dvacátýho šestýho února na okresním soudu v ústí. já",
            "cs",
            "okresním soudu v ústí",
        ),
        (
            "s patrikem ten chodí na tu průmyslovku na resslovce. a u",
            "cs",
            "průmyslovku na resslovce",
        ),
        (
            "<tr><td>Katka B. (ZŠ Hrabůvka)</td><td>předkládá případ</td></tr>",
            "cs",
            "Katka B. (ZŠ Hrabůvka)",
        ),
        ("<tr><td>iPad (Martina)</td><td>speciální pedagožka</td></tr>", "cs", "iPad (Martina)"),
        ("Reid, School Counsellor (BACP membership 387214)", "en", "387214"),
        ("Birmingham – postcode (first part): B8\n> About: my son", "en", "B8"),
        (
            "Newton Ridge Secondary (School District No. 36 (Surrey)).",
            "en",
            "School District No. 36 (Surrey)",
        ),
        ("**Patient:** Kamala Iyer, 91 y, F   **MRN:** SGH 0718842", "en", "91"),
        ("**Grade/class:** 3-214   **DOB:** 07/19/2017", "en", "3-214"),
        ("Home: 104-22 41st Avenue, Apt 3F, Corona, NY 11368", "en", "104-22 41st Avenue, Apt 3F"),
        (
            'ClassDojo, where her account shows as "Lupita Ortiz (Emiliano mamá)".',
            "en",
            "Lupita Ortiz (Emiliano mamá)",
        ),
        ("Signature: ____P Abernathy____          Received: O3 MAR 2026", "en", "P Abernathy"),
        ("im a sophmore at valley glen charter", "en", "valley glen charter"),
        ("his name is diego hes a junior at sherwood oaks not my school", "en", "diego"),
        ("his name is diego hes a junior at sherwood oaks not my school", "en", "sherwood oaks"),
        ("yeah. she works so hard. tita joy always says i should be grateful", "en", "joy"),
        ("a free tool called Take It Down, run by NCMEC, that helps", "en", "NCMEC"),
        ("- 一至六年级在黄陂区蔡店街跟爷爷奶奶生活", "zh", "一至六年级"),
        ("她姨妈叫易红 在邾城二幼上班", "zh", "邾城二幼"),
        ("并报渝北区教委学生心理危机干预工作组", "zh", "渝北区教委"),
        ("约在循礼门地铁站C出口碰头。", "zh", "循礼门地铁站C出口"),
        ("我们住金牛区蜀汉路与交大路交叉口附近，", "zh", "蜀汉路与交大路交叉口附近"),
        ("他说最想的人是爷爷和小学同学“胖墩”。", "zh", "胖墩"),
        ("他说最喜欢“虎子”（隔壁四（2）班的吴家豪）", "zh", "虎子"),
        ("来电者“M”（鲍文博扮演）", "zh", "M"),
        ("我儿子军伢在郑州的工地上开塔吊", "zh", "军伢"),
        ("2. 04号杜婆婆：请联系社区网格员", "zh", "04"),
        ("我老娘九十二了 住在团风", "zh", "九十二"),
        ("**发件人：** 心桥在线书面咨询 <reply@xinqiao.example.cn>", "zh", "心桥在线书面咨询"),
    ],
)
def test_what_the_twenty_seventh_set_s_cues_give_away(text, language, part) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Для этих ниш нужны полки.", "ru", "ниш"),
        ("Купили 9 г соли и 5 г сахара.", "ru", "9 г"),
        ("Он в первый в жизни раз сам поехал.", "ru", "первый в"),
        ("Хочу в десятый раз повторить.", "ru", "десятый"),
        ("Оплата после 9-го числа каждого месяца.", "ru", "9-го"),
        ("Живём в 175й квартире на пятом этаже.", "ru", "175й"),
        ("а она в девяносто три рубля не верит", "ru", "девяносто"),
        ("Schůzka byla v sekundě hotová.", "cs", "sekundě"),
        ("He was there in 1999 y and 2000.", "en", "1999"),
        ("tita said no, tita always says that.", "en", "said"),
        ("取快递的时候在门口等了十分钟。", "zh", "快递"),
        ("> **收件人：**心理辅导室 <xinli@no7school.example.cn>", "zh", "心理辅导室"),
        ("letting Caoimhe choose which name she is called in sessions", "en", "in sessions"),
        ("с внучкой Сабиной (второклассница). Семья", "ru", "второклассница"),
        ("Напоминаю про группу для девятиклассников по четвергам.", "ru", "девятиклассников"),
        (
            "> **To:** School Counsellor <counsellor@school.example.sch.uk>",
            "en",
            "School Counsellor",
        ),
    ],
)
def test_the_twenty_seventh_set_s_look_alikes_stay(text, language, part) -> None:
    assert not touched(text, language, part)
