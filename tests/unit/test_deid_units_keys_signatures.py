"""Identifiers in the shapes the fortieth set's notes gave them, and kinds read again off the older
sets: a Chinese surname between a unit and its head's title ("德育处牛副校长", "联系人卫院长") and a
volunteer's name that jieba reads as a verb ("志愿者毕彩霞"); initials a Chinese meeting lists
("参加：WHM、DHT、LXF、SJ（白班）"), an apology list with one member's role in brackets, and an
aligned table's column of members' initials used again in the minutes; a parent's age in words
after a kin word and a comma or after "I've been", a Czech one after spoken "tý je", one in
brackets after a Chinese or Kazakh kin word; a practitioner's registration after the name's
credentials ("(SASW 4471)"), a case number's two-digit year ("YC26-004817"), a Taiwan travel
permit's number; a chat's name asked for ("叫我橙子吧"); a unit in a named building before the town;
a Czech class with its letter after a hyphen; a hotline log's row with no age before the town; a
Russian postcode after the region; a Czech office wrapped onto the next line; a family table's
name cell; a signature OCR broke with spaces (Latin and Cyrillic); Service Canada; a Czech surname
after "pan učitel", a first name after a kin word in lower case; Chinese towns GeoNames knows in
Han characters; initials in the cell after a member's full name. Each found, the look-alikes left
alone (and a doubled character where one word ends and the next begins, "养老院院长", is no pet
name). Every person, number and address is invented."""

from __future__ import annotations

import pytest
from deid_probe import covered, touched

MINUTES_ZH = (
    "出席：成员4人（以姓名首字母记录，见下表）\n\n"
    "```\n"
    "成员    居住地      治疗阶段        本次分享要点\n"
    "QSF     米山镇      化疗第2周期     掉发\n"
    "LXM     三甲镇      放疗结束半年    复查前睡不着\n"
    "WLP     陈区镇      术后三年        照顾婆婆\n"
    "```\n\n"
    "1. 暖身：LXM说“悬着”。\n"
    "2. 王丽萍说婆婆九十一岁，秦淑芳分享了和丈夫一起哭的那一次。\n"
)
FAMILY_ZH = (
    "  姓名        关系      年龄    情况\n"
    "  刘志军      父亲      41      2O25年ll月3日工伤去世\n"
    "  刘雨萱      妹妹      8       二年级\n"
)
MEMBERS_KK = (
    "<table><tr><th>Аты-жөні</th><th>Код</th></tr>\n"
    "<tr><td>Серікова Айдана Бауыржанқызы</td><td>АС</td></tr></table>"
)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("参加：班主任张丽萍、年级主任程国栋、德育处牛副校长及心理教师。", "zh", "牛"),
        ("建议接受督导，并与狮脑山中学牛校长沟通减少非教学任务。", "zh", "牛"),
        ("联系永济市颐康养老院（联系人卫院长，0359-8036215）了解短期托养", "zh", "卫"),
        ("带领：裴雅琳　协助：志愿者毕彩霞\n出席：成员5人", "zh", "毕彩霞"),
        ("参加：WHM、DHT、LXF、SJ（白班）\n记录：SJ\n\n### 个案1", "zh", "WHM"),
        ("参加：WHM、DHT、LXF、SJ（白班）\n记录：SJ\n\n### 个案1", "zh", "SJ"),
        ("**Apologies:** TL; PC (new member from Pegswood)\n\nTL sent a card.", "en", "TL"),
        ("**Present (initials only):** JB, MH, AR, SO'N\n\nSO'N opened.", "en", "SO'N"),
        (MINUTES_ZH, "zh", "LXM"),
        ("KLL-0311-04. Her mother, ninety-two in May, has been in hospital", "en", "ninety-two"),
        ("sharp as ever (\"I've been ninety-six for seven months, I know", "en", "ninety-six"),
        ("já se starám ještě o mamku, tý je devadesát jedna a leží", "cs", "devadesát jedna"),
        ("03   21:48   原平   女/58   照顾母亲（93）身心耗竭   支持", "zh", "93"),
        ("26-0314   00:12   Мәртөк   е, 58   анасына күтім (анасы 91)   ӘЖТ", "kk", "91"),
        ("Dana Friesen, BSW, RSW (SASW 4471) · 306-778-5512", "en", "4471"),
        ("School psychologist: Meghan Vandersteen, R. Psych. (CAP 4417)", "en", "4417"),
        ("<tr><td>杨秀英</td><td>女</td><td>96</td><td>YC26-004817</td></tr>", "zh", "YC26-004817"),
        ("我的臺胞證號碼是10384726，學校表格上要填", "zh", "10384726"),
        ("21:07 访客：叫我橙子吧 我刚下课\n21:08 咨询员：好的，橙子", "zh", "橙子"),
        (
            "Psycho-oncology\nUnit 4, Assaroe Court, Ballyshannon, Co. Donegal",
            "en",
            "Assaroe Court",
        ),
        ("on se pořád ještě učí online ve své třídě 4-A v lyceu č. 38.", "cs", "4-A"),
        ("26-0412    20:05–20:31  MH   žena / Duchcov              ž, 41", "cs", "Duchcov"),
        ("ул. Советская, д. 22, г. Нелидово, Тверская обл., 172527 · тел.", "ru", "172527"),
        ("Rodina v péči OSPOD\nChomutov, soc. prac. Bc. Koubková.", "cs", "Chomutov"),
        (FAMILY_ZH, "zh", "刘雨萱"),
        ("Tel: 01736 364210     Signature: R Ang ove     Date: 18.03.2026", "en", "Ang ove"),
        ("Grade: 4\nTeacher:  Ms D. Sant os\nParent/guardian:  Hiba Al-Khatib", "en", "Sant os"),
        ("Principal:  R. B o u d r e a u\n```", "en", "B o u d r e a u"),
        ("Signature: ______A Thibo deau______      Date: 05-03-2026", "en", "Thibo deau"),
        ("Директор  ________  П. Н. Стрельц ов        М. П.", "ru", "Стрельц ов"),
        ("Директор          ________  Р. Т. Нұрғ алиев\n", "kk", "Нұрғ алиев"),
        ("Also helped with her GIS renewal: Service Canada needed her SIN", "en", "Service Canada"),
        ("00:25  Návštěvník: asi pan ucitel sykora, ten je v pohode", "cs", "sykora"),
        ("a ve středu ho vyzvedává babi jarka, kdyby něco tak volejte", "cs", "jarka"),
        ("a taky že by mu pomohla ta mirka z čerchenori, ta co k nám chodí", "cs", "mirka"),
        ("父母祖籍甘肃临夏，2012年来介休开店，临夏老家还有爷爷奶奶。", "zh", "介休"),
        ("很想家，说起可可托海的额尔齐斯河，说着就哭了。", "zh", "可可托海"),
        (MEMBERS_KK, "kk", "АС"),
    ],
)
def test_what_the_fortieth_set_s_shapes_give_away(text, language, part) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        # a unit's acting head, and a home's own head: no surname in the slot
        ("学校代校长下午来开会。", "zh", "代"),
        ("养老院院长说床位已满。", "zh", "院长"),
        ("医院院长说明天再谈。", "zh", "院长"),
        ("本学期期中考试推迟一周。", "zh", "期期"),
        # what to be called, not a name
        ("你叫我全名就行，没关系。", "zh", "全名"),
        # a degree's year, and a company's code, after the credentials
        ("Jane Doe, MSc (UCL 2019) will chair.", "en", "2019"),
        ("Supplied by Staff, Ltd (ABC 1234) last year.", "en", "1234"),
        # a kin word with a number that is no age over 89, and ninety of something
        ("Visitors today (Mother 47) and the nurse.", "en", "47"),
        ("I've been ninety minutes on hold with them.", "en", "ninety"),
        # a role, then a verb in the past, not a surname
        ("no a pan ucitel rekl ze to nejde", "cs", "rekl"),
        # "ten"/"ta" before a common word
        ("ten kluk je hodnej, ta holka taky, ten pes štěká", "cs", "kluk"),
        # towns' names that are common words
        ("周末我们去温泉玩了一天。", "zh", "温泉"),
        ("她送了我一块织锦做的书签。", "zh", "织锦"),
        ("我在巷口等你，别迟到。", "zh", "巷口"),
        # a log's heading of sexes, and a count after the region
        ("Pohlaví: muž / Žena     věk", "cs", "Žena"),
        ("Тверская обл., 150000 жителей в городе", "ru", "150000"),
        # a signature's words that do not join into a surname
        ("Signature: J Smith and the rest of it", "en", "rest"),
        ("Директор школы сказал, что всё хорошо.", "ru", "школы"),
        # a table's column of codes with no member found among them
        (
            "```\nABC     东城区      已结案\nXYZ     西城区      跟进中\nKLM     南城区      待定\n```",
            "zh",
            "XYZ",
        ),
    ],
)
def test_what_the_fortieth_set_s_look_alikes_leave(text, language, part) -> None:
    assert not touched(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Distress Thermometer (mom): 8/10. No signs of delirium.", "en", "8/10"),
        ("You scored your distress at 7/10 at the start.", "en", "7/10"),
        ("диспетчер в ООО «ТрансЛайн», график 2/2, смены по 12 часов.", "ru", "2/2"),
        ("Naomi Friesen, Ph.D., R.Psych. (#02318)\nPediatric Psychology", "en", "R.Psych"),
        ("Naomi Friesen, Ph.D., R.Psych. (#02318)\nPediatric Psychology", "en", "Ph.D."),
        ("**语音6**　发送人：奶奶　时长 0:42", "zh", "语音6"),
        ("  孙女   陆思琪       8     杨浦区控江路第二小学", "zh", "孙女"),
        ("не знает, как с ней говорить. Дана информация о группе поддержки.", "ru", "Дана"),
        ("Will she manage the residential in June? Mum is unsure.", "en", "Will"),
        ("Will she manage the residential in June? Mum is unsure.", "en", "June"),
    ],
)
def test_what_the_older_sets_wrongly_masked_is_left(text, language, part) -> None:
    """Scores out of ten after their scale, a shift pattern, credentials after a name, a voice
    message's number, a kin word in a family table, "Дана" (was given) and the modal "Will"
    opening a sentence, a month after "in": no identifiers."""
    assert not touched(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Meeting confirmed for 3/10. Thank you.", "en", "3/10"),
        ("孙女士来电，说孩子这周不舒服。", "zh", "孙"),
        ("Дана Смирнова пришла на приём.", "ru", "Дана Смирнова"),
        ("Дана Смирнова пришла. Дана информацию передала классному руководителю.", "ru", "Дана"),
        ("Our class teacher is Mr Will Pemberton.", "en", "Will Pemberton"),
        ("Jonah said it was a joke. Will is upset at being called a snitch.", "en", "Will"),
    ],
)
def test_the_same_words_as_identifiers_stay_masked(text, language, part) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("建议父亲暂不转学；已通过电话向父亲说明。", "zh", "向"),
        ("1. 向母亲反馈会谈要点（经学生同意）。", "zh", "向"),
        (
            "Role v přepisu: K = klient, P = pracovník.\n\n21:02  K: ahoj je tu nekdo\n"
            "21:02  P: Ahoj, jsem tady.",
            "cs",
            "K",
        ),
    ],
)
def test_a_preposition_and_a_transcript_s_role_letters_are_left(text, language, part) -> None:
    """向 before whom something is said to, and the role letters a transcript's legend gives."""
    assert not touched(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("向女士：\n\n您好！我是心桥在线的咨询师。", "zh", "向"),
        ("向老师说明天来学校。", "zh", "向"),
        ("21:02  K: ahoj\n21:03  Radim (P): Ahoj, jsem tady. K. Nováková volala.", "cs", "Radim"),
    ],
)
def test_the_surname_and_a_named_worker_stay_masked(text, language, part) -> None:
    assert covered(text, language, part)
