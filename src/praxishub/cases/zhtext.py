"""Chinese text: identifiers found by the shapes Chinese writing gives them.

Rules (each a shape of the language, not a list of names):

- ORG: a quoted name followed by a short run of Han characters that ends in a word for a
  kind of organisation ("“星空”天文社", "“烟雨”烟酒行"); and an unquoted name headed by an
  administrative unit (…市/区/县/镇/街道/社区) ending in a word for an association, committee
  or office ("广州市控烟协会", "四海社区居委会").
- HANDLE: chat sender labels, i.e. a line that starts with a short label followed by a clock
  time or by a bracketed account number ("思彤妈妈🌻 20:05", "杰仔(2938471065) 20:14"), a bold
  label before a colon in a comment thread ("**一只小鹿酱**："), a line-start label or a
  quoted name that holds an emoji ("阿珍珍💅：", "“🍋柠檬不萌”"), an account's name after a
  role word or 叫 that a space or bracket ends ("主播叫小辣椒爱唱歌 "), a token joining Han
  and Latin or digits with "_" (云朵不开心_2011), a sender after a clock time that is not a
  bare role (20:35 赵雪老师：), and Han "@" mentions.
- PERSON: a name in Mongolian script; a letter a report says it calls a person by
  (以下称“D”), wherever the letter stands alone.
- DATE: a Taiwanese date with dots (115.03.16); an event named by its day (4·14地震).
- ORG: a Taiwanese township's office (光復鄉公所).
- CLASS: the grade words 初一…高三 where they cannot be a date (正月初一) or a comparative
  (高一些); kindergarten classes (小二班, 大一班, 幼儿园“小太阳”班).
- ADDRESS: a run of Han place words that ends in a house number with 号 and its units
  ("…新村东三街9号502房"), with OCR's l/O read as digits; an estate with its building
  (花园12栋2单元801, 翠景阁9座1502房); a crossing of two roads (…路…路口).
- ORG: a city's famous hospital by its short name, where one goes to be seen (去仁济抽血).
- SCHOOL: a short name in 实验 after a verb of going or before its staff (考省实验); a middle
  school by its number after a verb of getting in or studying (考不上二中).
- POSTCODE: six digits written before a city (516000惠城市).
- ID: a code after a label ending in 号/编号/代码 ("预约号SY20260312-0457").
- DATE and POSTCODE in OCR'd forms, where O and l stand for 0 and 1.
- AGE: 90 to 119 after a kin word, before 岁 or 了 ("奶奶93了").
- PERSON: the name after an e-mail header label (抄送：…).

Rules are cut at the last function character before them (在, 去, 的 …), so the verb
that introduces a name stays outside. Known limits: a quoted name whose kind word is not in ``_ORG_KIND`` is missed; a street
address without 号 is left to other layers; a sender label is taken whole, so a long
label that is really a sentence before a time would be masked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_HAN = r"\u4e00-\u9fff"
_NUM = r"0-9０-９OolI一二三四五六七八九十百零〇两"

# Words for a kind of organisation that end a name (longest first, so 工作坊 beats 坊).
_ORG_KIND = (
    "工作坊|工作室|俱乐部|培训班|补习班|辅导班|托管班|服务中心|中心|协会|学会|联合会|基金会|"
    "社团|动漫社|天文社|文学社|剧社|书社|社|烟酒行|车行|商行|行|面馆|饭馆|餐馆|茶馆|武术馆|"
    "道馆|馆|超市|商店|小卖部|便利店|药店|药房|店|诊所|医院|门诊部|校区|学堂|书院|机构|"
    "驿站|公司|集团|牛肉面|拉面|米粉|火锅|烧烤|奶茶|酒店|宾馆|旅馆|客栈|餐厅|饭店|食堂|网吧|清真寺|寺|教堂|居委会|村委会|"
    "委员会|援助处|办事处|管理处|服务站|工作站|救助站"
)
_QUOTED_ORG = re.compile(
    rf"(?:[{_HAN}]{{1,4}}[市区县](?=[“\"「『]))?[“\"「『][^”\"」』\n。，、！？：；]{{1,12}}[”\"」』][{_HAN}]{{0,8}}(?:{_ORG_KIND})(?![{_HAN}]{{0,1}}[的里]?班)"
)
# 广州市控烟协会, 南山区法律援助处, 四海社区居委会: a run of Han characters ending in a word for
# an association, committee or office, whose head names a unit (市, 区, 社区, 巷, 族 …).
_HEADED_ORG = re.compile(
    rf"[{_HAN}]{{2,14}}?(?:协会|联合会|居委会|村委会|援助处|办事处|清真寺|社团)"
)
_ORG_UNIT = re.compile(r"[市区县镇巷村族]|街道|社区")
# A Taiwanese hospital by its short name, after its city: 臺中榮總 (read as 台中荣总), 林口長庚
_TW_HOSPITAL = re.compile(
    r"(?:台北|台中|台南|高雄|桃园|嘉义|花莲|屏东|基隆|林口)(?:荣总|长庚|马偕|慈济)(?:医院)?"
)
_ORG_STOPS = re.compile(rf"^.*(?:[在去到从与和及跟是为把向往让请的了]|联系|参加|邀请)(?=[{_HAN}])")

# Chat sender labels: "label HH:MM", "label(12345678) HH:MM", "> **label**：".
_SENDER_TIME = re.compile(
    r"^(?P<l>[^\s\d:：<>*#`|\-—=](?:[^\n:：<>*`|]{0,14}?[^\s:：<>*`|]))"
    r"(?:\((?P<n>\d{5,12})\))?[^\S\n]{1,3}\d{1,2}:\d{2}(?::\d{2})?(?=\s|$|[：:])",
    re.MULTILINE,
)
# "20:35 赵雪老师：…": a sender after the time, a title inside it staying in the HANDLE
_TIME_SENDER = re.compile(
    r"^(?:>[^\S\n]*)?\[?\d{1,2}:\d{2}(?::\d{2})?\]?[^\S\n]+"
    r"(?P<l>[^\s：:*#>\[\d][^\n：:。，！？]{0,14}?)[^\S\n]*[：:]",
    re.MULTILINE,
)
# A sender that is only a role (心理老师, 接线员, 家长) names nobody.
_ROLE_ONLY = re.compile(
    r"^(?:心理|班主任|值班|学校|德育|科任|语文|数学|英语|体育|实习)?"
    r"(?:老师|教师|班主任|家长|学生|咨询员|咨询师|接线员|社工|医生|护士|来访者|求助者|"
    r"督导|校长|主任|妈妈|爸爸|本人|我|客服|系统|管理员|群主)$"
)
_BOLD_LABEL = re.compile(
    r"^(?:>[^\S\n]*)?(?:↳[^\S\n]*)?\*\*(?P<l>[^*\n：:]{2,20})\*\*(?:[：:]|[^\S\n]+(?=\S))",
    re.MULTILINE,
)
# 主播叫小辣椒爱唱歌 花了, 会长北辰不是星（QQ…）: an account's name after a word for its
# role or for naming, ended by a space or a bracket, as chat and spoken text end it.
_ROLE = r"(?:主播|会长|群主|博主|网友|昵称|网名|游戏名|ID)"
_NAMED_ACCOUNT = re.compile(
    rf"(?:{_ROLE}(?:叫|是|为|：|:)|(?<=[^\S\n]|[{_HAN}])叫)"
    rf"(?P<v>[^\s，。！？、：:“”\"（）()]{{2,12}})(?=[^\S\n]|[（(])"
    rf"|{_ROLE}(?P<w>[^\s，。！？、：:“”\"（）()]{{2,12}})(?=[（(])"
)
# 云朵不开心_2011, jie_不回头: a token joining Han and Latin or digits with an underscore, a
# shape only user names have. Han has no word edge, so a Han-first token counts only where
# a space, a quote or the line's start opens it.
_UNDERSCORE_HAN = re.compile(
    rf"(?<![A-Za-z0-9_@])[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*_[{_HAN}]+(?![\w])"
    rf"|(?:(?<=^)|(?<=[\s“\"「]))[{_HAN}]+(?:_[A-Za-z0-9]+)+(?![A-Za-z0-9_])",
    re.MULTILINE,
)
# 幼儿园“小太阳”班: a kindergarten class by its quoted name (the quotes stay outside)
_QUOTED_CLASS = re.compile(r"(?<=园[“\"「])[^”\"」\n，。]{1,8}(?=[”\"」]班)")
_AT_HAN = re.compile(rf"@(?=[{_HAN}])[^\s@，。！？：:,;；、（）()“”\"]{{1,16}}")
# A bold label ending in these words is a heading, not an account.
_HEADING = re.compile(
    r"(?:记录|评估|计划|情况|建议|问题|背景|资源|家庭|学校|结论|目标|摘要|附件|说明|处理|备注|"
    r"主诉|观察|转介|会谈|干预|随访|总结|分析|信息|经过|反馈|措施|安排|原因|来源|联系人|"
    r"姓名|电话|地址|日期|时间|编号|讨论|事项|议题|决定|结果|意见|来电|个案|案例)$|[。，、！？.!?]"
    # a numbered message of a transcript, not its sender: "**语音6**", "**语音 3**", "**图片2**"
    r"|^(?:语音|语音消息|图片|视频|截图|消息|留言)[^\S\n]*\d{1,3}$"
)

_TIME_WORD = re.compile(
    r"上午|下午|晚上|早上|中午|凌晨|时间|日期|星期|周[一二三四五六日末]|[年月日]"
)

# 初二 and 高三 where nothing else can be meant: after a school's short name (五十八中高二, 附中初三)
# or standing alone between spaces or punctuation in a chat ("我14 初二 在"). Before a noun
# ("初三女生", "初三压力") they describe, and are left alone.
_GRADE = re.compile(
    rf"(?:(?<=[{_NUM}]中)|(?<=附中)|(?<=[读念上在])|(?<![{_HAN}]))[初高][一二三]"
    rf"(?![{_HAN}{_NUM}（(]|[^\S\n]*[年级])|(?<![{_HAN}])[初高][一二三](?=女儿|儿子)"
    rf"|(?<=[{_NUM}]中)[初高][一二三](?=[（(]?\d)"
    r"|(?:(?<=园)|(?<![\u4e00-\u9fff]))[小中大][一二三四五六七八九1-9]班"
    # a kindergarten's year after its name in a form's or a table's cell: "流泗镇中心幼儿园大班"
    # (in a sentence, "就读于…幼儿园大班。", writers differ)
    r"|(?<=幼儿园)[小中大]班(?=[^\S\n]*(?:\n|$)|[^\S\n]{2,}|[^\S\n]*[|｜])"
)

_ADDRESS = re.compile(
    rf"[{_HAN}][{_HAN}A-Za-z0-9]{{1,20}}?[{_NUM}]{{1,5}}号(?:[{_NUM}]{{1,5}}(?:室|房|号房)|[{_HAN}]{{0,1}}首层|"
    rf"[{_NUM}]{{1,3}}(?:楼|层)|院)?"
)
_ADDRESS_WORD = re.compile(r"[路街巷弄道里村排坊胡同苑湾屯寨]")
_ADDRESS_STOPS = re.compile(
    rf"^.*(?:地址|住址|住|位于|在|于|到|去|回|从|的|是|为)(?=[{_HAN}A-Za-z])"
)
# 建兰路西津西路口: a crossing of two roads
# 花果园T区3栋, 华景新城翠景阁9座1502房: an estate and its building (栋, 幢, 座, 号楼)
_BUILDING = re.compile(
    rf"[{_HAN}][{_HAN}A-Za-z0-9]{{1,20}}?(?:小区|花园|园|苑|城|新村|公寓|大厦|阁|区)"
    rf"[A-Za-z0-9{_NUM}]{{0,4}}?[{_NUM}]{{1,4}}(?:栋|幢|座|号楼)"
    rf"(?:[{_NUM}]{{1,2}}单元)?(?:[{_NUM}]{{2,5}}(?:室|房|号)?)?"
)
# A label at a line's start before a colon, holding an emoji: a comment's author
# ("阿珍珍💅：谁干的"), and a quoted name holding an emoji ("“🍋柠檬不萌”"): a display name.
_EMOJI = r"\U0001F000-\U0001FAFF\u2600-\u27BF"
_EMOJI_LABEL = re.compile(
    rf"^(?:>[^\S\n]*)?(?:\[?\d{{1,2}}:\d{{2}}\]?[^\S\n]+)?"
    rf"(?P<l>[^\s：:*#>\[]{{0,12}}[{_EMOJI}][^\s：:]{{0,12}}?)[^\S\n]*[：:]",
    re.MULTILINE,
)
_EMOJI_QUOTED = re.compile(
    rf"(?<=[“\"「])(?=[^”\"」\n]*[{_EMOJI}])(?=[^”\"」\n]*[{_HAN}])[^”\"」\n。，！？]{{2,16}}(?=[”\"」])"
)
_CROSSING = re.compile(
    rf"[{_HAN}]{{2,8}}?(?:路|街|大道)[{_HAN}]{{2,6}}?(?:路|街|大道)(?:口|交叉口|路口)"
)
# 省实验, 塘桥实验: a school's short name, after a verb of going or before its staff
_SHORT_SCHOOL = re.compile(
    rf"(?<=[上考读去进与到在])(?!化学|物理|生物|科学|动物|心理|做|这|那)[{_HAN}]{{1,3}}实验"
    rf"(?=[”\"」』，。、；）)]|心理|老师|初中|高中|$)"
)
# 去仁济抽血, 在协和复查: a city's famous hospital by its short name, where one goes to be seen
_SHORT_HOSPITAL = re.compile(
    r"(?<=[去在到住转回])(?P<h>仁济|瑞金|华山|协和|同济|湘雅|华西|齐鲁|长征|长海|新华|龙华|曙光|积水潭|中南)"
    r"(?=[抽看复住化放做开挂查拿取医]|那边|那里|这边)"
)
# 二中, 十一中: a middle school by its number, after a verb of getting in or studying
# ("考不上二中", "转到十一中"); not 二中全会, 一中午, 一中等
_NUMBERED_SCHOOL = re.compile(
    r"(?:(?<=考)|(?<=考上)|(?<=考不上)|(?<=考进)|(?<=[读讀转進进])|(?<=就读)|(?<=在读))"
    r"(?P<s>[一二三四五六七八九十]{1,3}中)"
    r"(?![午间全国文医心期等年级秋药断止途旬部东西南北学小高初性型队层央餐])"
)
# 133000延吉市: a six-digit postcode written before its city
_POSTCODE_BEFORE = re.compile(rf"(?<![\dA-Za-z])\d{{6}}(?=[{_HAN}]{{1,6}}?[省市县])")

_ID = re.compile(
    r"(?:预约号|工单号|挂号|单号|案号|文号|编号|流水号|订单号|受理号|回执号|代码"
    # a scanned form's label, its characters set apart: "住 院 号：Z26OO4418"
    r"|住[^\S\n]院[^\S\n]号|门[^\S\n]诊[^\S\n]号|病[^\S\n]案[^\S\n]号)[：:]?[^\S\n]?"
    r"(?P<v>[A-Z0-9][A-Z0-9\-]{4,24}[A-Z0-9]|[\u4e00-\u9fff（）()]{2,12}〔\d{4}〕\d{1,6}号)"
)
_OCR_DATE = re.compile(r"(?<![0-9A-Za-z])[0-9Ol]{4}年[0-9OolI]{1,2}月[0-9OolI]{1,2}日")
_OCR_POSTCODE = re.compile(
    r"(?:邮[^\S\n]*编|邮政编码)[：:][^\S\n]*(?P<v>[0-9OolI]{6})(?![0-9A-Za-z])"
)
_AGE = re.compile(
    r"(?:奶奶|爷爷|外婆|外公|姥姥|姥爷|太奶奶|太爷爷|老人|老太太|老爷子)(?:今年|已经|都)?"
    r"(?P<v>9\d|1[01]\d)(?=岁|了|周岁)"
)
_HEADER_NAME = re.compile(
    rf"(?:抄送|发件人|收件人|紧急联系人|联系人)[：:](?:\*\*)?[^\S\n]*(?P<v>[{_HAN}]{{2,4}})(?=[^\S\n]*(?:<|＜|\n|$|；|;|，|,|（|\())"
)


def find(text: str) -> list[Span]:
    """Every identifier the Chinese shapes give, as spans."""
    if not re.search(f"[{_HAN}]", text):
        return []
    out: list[Span] = []
    out.extend(_orgs(text))
    out.extend(_handles(text))
    out.extend(_grades(text))
    out.extend(_addresses(text))
    out.extend(_codes(text))
    out.extend(_aliases(text))
    for pattern, kind in (
        (_MONGOLIAN, "PERSON"),
        (_DOTTED_MINGUO, "DATE"),
        (_EVENT_DAY, "DATE"),
        (_TOWNSHIP_OFFICE, "ORG"),
        (_TOWN_SAID, "PLACE"),
    ):
        out.extend(Span(m.start(), m.end(), kind, "zhtext") for m in pattern.finditer(text))
    return out


# 巴图孟和（蒙文：ᠪᠠᠲᠤᠮᠥᠩᠬᠡ）: a name in Mongolian script beside its Han form
_MONGOLIAN = re.compile(r"[\u1820-\u18aa][\u1800-\u18af\u202f\u180b-\u180e]{2,}")
# 光復鄉公所: a Taiwanese township's or town's office
_TOWNSHIP_OFFICE = re.compile(r"[\u4e00-\u9fff]{2}[鄉乡鎮镇區区市]公所")
# "我们在枫岭头镇": a town or township said after where one is, goes or comes from (not a kind of
# place, "在城镇", "去古镇", nor one's own, "在我们镇")
_TOWN_SAID = re.compile(
    r"(?<=[在到去从住回])(?![城乡小古本该全每各集市])(?![^镇乡\n]{0,3}[我你他她们这那])"
    r"[\u4e00-\u9fff]{2,3}[镇乡](?=[，。！？、”\"」）)\s]|那|这|上|里|的|了|去|来)"
)
# 115.03.16: a Taiwanese (Minguo) date with dots, year 90 to 129
_DOTTED_MINGUO = re.compile(
    r"(?<![\d.])(?:9\d|1[0-2]\d)\.(?:0[1-9]|1[0-2])\.(?:0[1-9]|[12]\d|3[01])(?![\d.])"
)
# 4·14地震: an event named by its month and day
_EVENT_DAY = re.compile(
    r"(?<![\d·])(?:1[0-2]|[1-9])·(?:[12]\d|3[01]|[1-9])(?=地震|事件|案|大地震|洪水|火灾|惨案)"
)
# 以下称“D”: a letter a report names a person by; it is that person wherever it stands alone
_ALIAS = re.compile(
    r"(?:以下|下文|下面)?(?:称|简称|叫)(?:为|他|她)?[“\"「]([A-Z]{1,2})[”\"」]"
    # 来访者L，男: a client's code letter after the word for the client
    r"|(?:来访者|來訪者|当事人|當事人|案主|个案|個案)([A-Z])(?=[，,。、的自在（(])"
)


def _aliases(text: str) -> Iterator[Span]:
    for letters in {m.group(1) or m.group(2) for m in _ALIAS.finditer(text)}:
        for m in re.finditer(rf"(?<![A-Za-z0-9]){letters}(?![A-Za-z0-9])", text):
            yield Span(m.start(), m.end(), "PERSON", "zhtext")


def _orgs(text: str) -> Iterator[Span]:
    for m in _QUOTED_ORG.finditer(text):
        quote = re.search(r"[“\"「『]", m.group())
        start = m.start()
        cut = _ORG_STOPS.match(m.group()[: quote.start() if quote else 0])
        if cut:
            start += cut.end()
        yield Span(start, m.end(), "ORG", "zhtext")
    for m in _TW_HOSPITAL.finditer(text):
        yield Span(m.start(), m.end(), "ORG", "zhtext")
    for m in _HEADED_ORG.finditer(text):
        start = m.start()
        cut = _ORG_STOPS.match(m.group())
        if cut:
            start += cut.end()
        head = text[start : m.end()]
        if len(head) >= 5 and _ORG_UNIT.search(head[:-2]):
            yield Span(start, m.end(), "ORG", "zhtext")


def _handles(text: str) -> Iterator[Span]:
    for m in _SENDER_TIME.finditer(text):
        label = m.group("l")
        if (
            re.search(f"[{_HAN}]", label)
            and not re.search(r"[。，！？；]", label)
            and not _TIME_WORD.search(label)
        ):
            yield Span(m.start("l"), m.end("l"), "HANDLE", "zhtext")
            if m.group("n"):
                yield Span(m.start("n"), m.end("n"), "HANDLE", "zhtext")
    for m in _TIME_SENDER.finditer(text):
        label = m.group("l")
        if (
            re.search(f"[{_HAN}]", label)
            and not _HEADING.search(label)
            and not _ROLE_ONLY.match(label.strip())
        ):
            yield Span(m.start("l"), m.end("l"), "HANDLE", "zhtext")
    for m in _BOLD_LABEL.finditer(text):
        label = m.group("l").strip()
        if label and not _HEADING.search(label) and re.search(f"[{_HAN}]|[^\\x00-\\u2fff]", label):
            start = m.start("l") + (len(m.group("l")) - len(m.group("l").lstrip()))
            yield Span(start, start + len(label), "HANDLE", "zhtext")
    for pattern in (_EMOJI_LABEL, _EMOJI_QUOTED):
        for m in pattern.finditer(text):
            group = "l" if pattern is _EMOJI_LABEL else 0
            yield Span(m.start(group), m.end(group), "HANDLE", "zhtext")
    for m in _NAMED_ACCOUNT.finditer(text):
        group = "v" if m.group("v") else "w"
        yield Span(m.start(group), m.end(group), "HANDLE", "zhtext")
    for m in _UNDERSCORE_HAN.finditer(text):
        yield Span(m.start(), m.end(), "HANDLE", "zhtext")
    for m in _QUOTED_CLASS.finditer(text):
        yield Span(m.start(), m.end(), "CLASS", "zhtext")
    for m in _AT_HAN.finditer(text):
        yield Span(m.start(), m.end(), "HANDLE", "zhtext")


def _grades(text: str) -> Iterator[Span]:
    for m in _GRADE.finditer(text):
        yield Span(m.start(), m.end(), "CLASS", "zhtext")


def _addresses(text: str) -> Iterator[Span]:
    for m in _BUILDING.finditer(text):
        start = m.start()
        cut = _ADDRESS_STOPS.match(m.group())
        if cut:
            start += cut.end()
        if m.end() - start >= 4:
            yield Span(start, m.end(), "ADDRESS", "zhtext")
    for m in _CROSSING.finditer(text):
        start = m.start()
        cut = _ADDRESS_STOPS.match(m.group())
        if cut:
            start += cut.end()
        yield Span(start, m.end(), "ADDRESS", "zhtext")
    for m in _ADDRESS.finditer(text):
        start = m.start()
        cut = _ADDRESS_STOPS.match(m.group())
        if cut:
            start += cut.end()
        head = text[start : m.end()]
        number = re.search(rf"[{_NUM}]+号", head)
        if number is None or not _ADDRESS_WORD.search(head[: number.start()]):
            continue
        if number.start() < 2:
            continue
        yield Span(start, m.end(), "ADDRESS", "zhtext")


def _codes(text: str) -> Iterator[Span]:
    for m in _ID.finditer(text):
        value = m.group("v")
        if sum(ch.isdigit() for ch in value) >= 4:
            yield Span(m.start("v"), m.end("v"), "ID", "zhtext")
    for m in _OCR_DATE.finditer(text):
        if re.search(r"[OolI]", m.group()):
            yield Span(m.start(), m.end(), "DATE", "zhtext")
    for m in _SHORT_SCHOOL.finditer(text):
        yield Span(m.start(), m.end(), "SCHOOL", "zhtext")
    for m in _SHORT_HOSPITAL.finditer(text):
        yield Span(m.start("h"), m.end("h"), "ORG", "zhtext")
    for m in _NUMBERED_SCHOOL.finditer(text):
        yield Span(m.start("s"), m.end("s"), "SCHOOL", "zhtext")
    for m in _POSTCODE_BEFORE.finditer(text):
        yield Span(m.start(), m.end(), "POSTCODE", "zhtext")
    for m in _OCR_POSTCODE.finditer(text):
        yield Span(m.start("v"), m.end("v"), "POSTCODE", "zhtext")
    for m in _AGE.finditer(text):
        yield Span(m.start("v"), m.end("v"), "AGE", "zhtext")
    for m in _HEADER_NAME.finditer(text):
        yield Span(m.start("v"), m.end("v"), "PERSON", "zhtext")
