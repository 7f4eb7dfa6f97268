"""Chinese person names in the shapes case notes write them, beyond the name lists (round 11b).

Rule: a name is taken from its place, not from a list of names: a one-character surname
between a role and an honorific ("心理老师应老师", "社工区姑娘"), a surname after 姓, a full name after a
role or class word or next to a name already found ("班主任于海峰认为", "谭子健、苏启明由"), a case header
"X，女，13岁", a name before its ethnicity ("岩温（傣族）"), a nickname of 小/阿 + one character next to
a name or a friend word ("同学小麦和阿杰"), a nickname given after 外号, a pupil or parent called by
a Latin initial ("Z同学"). Korean names written in Hangul, and Chinese names in the Han script
inside a note in another language, are names wherever they stand.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases import zhfull
from praxishub.cases.ner_zh import zh_surnames
from praxishub.cases.spans import Span

SOURCE = "r11b-zh"
_HAN = "\u4e00-\u9fff"
_HONORIFIC = (
    "老师|阿訇|婆婆|姑娘|主任|医生|大夫|警官|阿姨|叔叔|教练|师傅|校长|书记|爷爷|奶奶|大爷|大妈"
    "|同学|女士|先生|科长|所长|律师"
)
_ROLE = (
    "心理老师|心理教师|班主任|督导|社工|邻居|辅导员|资源教师|任课老师|科任老师|副校长|校医"
    "|教练|民警|护士|宿管|宿管员|生活老师|门卫|保安|清真寺的|同村的|隔壁的|楼下的|对门的"
)
# A role, one character, an honorific: the character is a surname ("督导牛老师").
_ROLE_SURNAME = re.compile(rf"(?:{_ROLE})[ \u3000]?(?P<s>[{_HAN}])(?=(?:{_HONORIFIC})(?!们))")
# "普老师和和老师": after a conjunction, the same character again is the surname.
_TITLED = re.compile(rf"(?:{_HONORIFIC})")
_DOUBLED_CONJ = re.compile(rf"(?:{_HONORIFIC})(?P<c>[和与跟])(?P<s>(?P=c))(?=(?:{_HONORIFIC}))")
# A lone character between a clause's start and an honorific: "，马阿訇常夸他", "；和主任".
_LONE_SURNAME = re.compile(
    rf"(?:(?<=[，。；;、：:\n（(])|^)(?P<s>[{_HAN}])"
    rf"(?=(?:阿訇|老师|主任|婆婆|姑娘|警官|校长|医生|副校长|副主任|护士长|院长|科长|所长|书记)(?!们))",
    re.MULTILINE,
)
# A surname alone signing a form's field: "护士长：祁           3.l2", "经办人：王"
_SIGNED_SURNAME = re.compile(
    rf"(?:护士长|科主任|主任|经办人|记录人|审核人|签名|签字|负责人|值班人)[：:][ \u3000]*"
    rf"(?P<s>[{_HAN}])(?=[ \u3000]{{2,}}|[ \u3000]*$)",
    re.MULTILINE,
)
# A surname between a unit of a school, a hospital or a home and its head's title, or after a
# contact's label: "德育处牛副校长", "狮脑山中学牛校长", "联系人卫院长" (a character the other layers
# doubt, as it is also a word, is a name in that slot)
_UNIT_SURNAME = re.compile(
    rf"(?:(?<=[处科室部])|(?<=中学|小学|学校|医院|中心|社区|街道)|(?<=联系人|养老院|幼儿园))(?P<s>[{_HAN}])"
    rf"(?=副?(?:校长|院长|主任|站长|所长|局长|书记|科长|处长|园长)(?!们))"
)
_NOT_UNIT_SURNAME = set("代副正总原新老前各本该")
_NOT_SURNAME = set(
    "的了是在也都就这那各每本该前后新老原副总正请让给向跟对被把由又还很太不没有我你他她班科院室处部组系"
)
_NOT_SURNAME_AFTER_ROLE = set("的了是在也都就这那各每本原新")
# A parent's chat name made of the child's name: "欣怡爸爸🚗", "春燕妈妈 金花".
_PARENT_NAME = re.compile(
    rf"(?:^|(?<=\d\d[ \u3000])|(?<=[ \u3000]))(?P<n>[{_HAN}]{{2}})(?=爸爸|妈妈)", re.MULTILINE
)
_SURNAMED = re.compile(rf"姓(?P<s>[{_HAN}])(?=的|同学|老师|男|女|孩子|学生|，|,)")
_FULL_ROLE = (
    "班主任|同桌|后桌|前桌|学生|同学|室友|舍友|督导|校长|教练|社工|民警|组长|班长|表哥|表姐"
    "|邻居|外公|外婆|班"
)
_BOUNDARY = set("认为反映说表示（(，,、。；;：:的和也都在是由会对已老")
_CASE_HEAD = re.compile(
    rf"(?P<n>[{_HAN}]{{2,8}}|(?<![A-Za-z])[A-Z]{{1,3}})[，,](?:男|女)[，,、]?[ ]?\d{{1,2}}岁"
)
# A pupil or parent called by an initial: "初一男生Z同学", "L妈妈", "W老师"
_LETTER_NAMED = re.compile(
    r"(?<![A-Za-z0-9_.@-])(?P<n>[A-Z])(?=同学|妈妈|爸爸|家长|老师|女士|先生|某)"
)
_CASE_PREFIX = re.compile(
    r"^.*?(?:来访学生|来访者|学生|患者|患儿|个案|求助者|当事人|儿童|幼儿|孩子|男孩|女孩|男生|女生)"
)
_ETHNIC = re.compile(rf"(?<![{_HAN}])(?P<n>[{_HAN}]{{2,4}})[（(][{_HAN}]{{1,3}}族[）)]")
_NICK_CUE = re.compile(
    rf"(?:朋友|同学|同桌|表姐|表哥|尤其是|和|跟|与|、|是|叫)(?P<n>[小阿][{_HAN}])"
    rf"(?=[和、与跟，。拍说他她的”]|$)"
)
# A family table's row, the name's cell before the relation's: "  刘雨萱      妹妹      8   二年级"
_KIN_ROW = re.compile(
    rf"(?:^|(?<=[ \u3000]{{2}}))(?P<n>[{_HAN}]{{2,4}})[ \u3000]{{2,}}"
    r"(?:父亲|母亲|妹妹|弟弟|哥哥|姐姐|爷爷|奶奶|外公|外婆|姥姥|姥爷|本人|儿子|女儿|丈夫|妻子|继父|继母"
    r"|孙子|孙女|叔叔|舅舅|姑姑|伯父|伯母|配偶|父|母|兄|姐|弟|妹|子|女)(?=[ \u3000]{2,}|[ \u3000]*$)",
    re.MULTILINE,
)
# A caller asked what to be called: "叫我橙子吧", "你就喊我阿凯就行" (a chat's name for the night)
_CALL_ME = re.compile(
    rf"(?:叫我|喊我|称呼我|管我叫)[“\"]?(?P<n>[{_HAN}]{{2,3}})[”\"]?(?=吧|就行|就好|好了|就可以)"
)
_NOT_CALLED = frozenset(
    [
        "名字",
        "全名",
        "大名",
        "小名",
        "真名",
        "昵称",
        "网名",
        "什么",
        "啥",
        "别的",
        "姓名",
        "外号",
        "绰号",
        "老师",
        "同学",
        "咨询员",
        "匿名",
    ]
)
# Second characters of 小/阿 words that are words, never nicknames (小学, 小时, 阿姨).
_NOT_NICK = set("学时组心说区孩朋姐伙姑吃型于数便声事小班卖品鸟名号测考结初候脑些点半路道姨婆公")
_NICKNAMED = re.compile(
    r"(?<=[（(])(?:外号|绰号|小名)(?:叫|是)?[“\"「](?P<n>[^”\"」\n]{1,6})[”\"」]"
)
_HANGUL = re.compile(r"(?<![\uac00-\ud7a3])[\uac00-\ud7a3]{2,4}(?![\uac00-\ud7a3])")
_HAN_ALONE = re.compile(rf"(?<![{_HAN}])[{_HAN}]{{2,3}}(?![{_HAN}])")


_COMMON = 4.0  # wordfreq's Zipf value of a Chinese word at or above which it is no name


@functools.lru_cache(maxsize=20_000)
def zipf_zh(word: str) -> float:
    """wordfreq's Chinese Zipf frequency: "申请" is a word, "于海峰" is not."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "zh"))


@functools.cache
def surnames() -> frozenset[str]:
    return frozenset(zh_surnames() | set(zhfull._MORE_SURNAMES))


def _given_end(text: str, start: int) -> int:
    """Where a name that begins at start (a one-character surname) ends: two given
    characters if a boundary follows them, else one if a boundary follows it, else none."""
    for size in (3, 2):
        after = start + size
        if after > len(text) or not all(_han(c) for c in text[start:after]):
            continue
        if after == len(text) or text[after] in _BOUNDARY or not _han(text[after]):
            return after
    return start


def _han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _surname_spans(text: str) -> Iterator[Span]:
    for pattern in (_ROLE_SURNAME, _DOUBLED_CONJ, _SURNAMED, _LONE_SURNAME, _SIGNED_SURNAME):
        for m in pattern.finditer(text):
            char = m.group("s")
            stops = _NOT_SURNAME if pattern is _LONE_SURNAME else _NOT_SURNAME_AFTER_ROLE
            if char in stops and not (char == "和" and pattern is _DOUBLED_CONJ):
                continue
            if (
                pattern is _LONE_SURNAME
                and char == "和"
                and text[m.start() - 1 : m.start()] == "，"
            ):
                continue  # "，和老师商量": the conjunction
            yield Span(m.start("s"), m.end("s"), "PERSON", SOURCE)
    names = surnames()
    for m in _UNIT_SURNAME.finditer(text):
        if m.group("s") in names and m.group("s") not in _NOT_UNIT_SURNAME:
            yield Span(m.start("s"), m.end("s"), "PERSON", SOURCE)
    for pattern in (_PARENT_NAME,):
        for m in pattern.finditer(text):
            if zipf_zh(m.group("n")) < 4.4 and m.group("n")[0] not in _NOT_SURNAME:
                yield Span(m.start("n"), m.end("n"), "PERSON", SOURCE)


def _full_names(text: str, found: list[Span]) -> Iterator[Span]:
    starts = [m.end() for m in re.finditer(_FULL_ROLE, text)]
    starts += [
        s.end + 1 for s in found if s.kind == "PERSON" and text[s.end : s.end + 1] in "、和与及"
    ]
    names = surnames()
    for start in starts:
        if start < len(text) and text[start] in names:
            if _TITLED.match(text, start + 1):
                continue  # "班主任黄老师": a surname and its title, which the other layers take
            end = _given_end(text, start)
            if end > start and zipf_zh(text[start:end]) < _COMMON:
                yield Span(start, end, "PERSON", SOURCE)


def _shapes(text: str) -> Iterator[Span]:
    for m in _CASE_HEAD.finditer(text):
        name = m.group("n")
        if _han(name[0]):
            name = _CASE_PREFIX.sub("", name)
            if not 2 <= len(name) <= 4:
                continue
        yield Span(m.end("n") - len(name), m.end("n"), "PERSON", SOURCE)
    for pattern in (_ETHNIC, _NICKNAMED, _LETTER_NAMED, _CALL_ME):
        for m in pattern.finditer(text):
            if pattern is _CALL_ME and m.group("n") in _NOT_CALLED:
                continue  # "叫我名字吧", "叫我全名就行": what to call, not a name
            yield Span(m.start("n"), m.end("n"), "PERSON", SOURCE)
    names = surnames()
    for m in _KIN_ROW.finditer(text):
        name = m.group("n")
        if (name[0] in names or name[:2] in zhfull._COMPOUND) and zipf_zh(name) < _COMMON:
            yield Span(m.start("n"), m.end("n"), "PERSON", SOURCE)
    for m in _NICK_CUE.finditer(text):
        if m.group("n")[1] not in _NOT_NICK:
            yield Span(m.start("n"), m.end("n"), "PERSON", SOURCE)


def _scripts(text: str, language: str) -> Iterator[Span]:
    for m in _HANGUL.finditer(text):
        yield Span(m.start(), m.end(), "PERSON", SOURCE)
    if language != "zh":
        names = surnames()
        for m in _HAN_ALONE.finditer(text):
            if m.group()[0] in names:
                yield Span(m.start(), m.end(), "PERSON", SOURCE)


def _recurrences(text: str, spans: list[Span]) -> Iterator[Span]:
    """A nickname or name found here once, wherever else it stands (two characters or more)."""
    names = {text[s.start : s.end] for s in spans if s.end - s.start >= 2}
    # A four-character name without a Han surname (Tibetan: 次仁央金) is called by its halves.
    names |= {name[2:] for name in names if len(name) == 4 and name[0] not in surnames()}
    for name in names:
        for m in re.finditer(re.escape(name), text):
            yield Span(m.start(), m.end(), "PERSON", SOURCE)


def find(text: str, language: str, found: list[Span]) -> list[Span]:
    """Chinese (and Korean) names in the shapes of the module's rule."""
    if language not in ("zh", "en") and not _HANGUL.search(text):
        return []
    spans = list(_scripts(text, language))
    if language == "zh":
        spans.extend(_surname_spans(text))
        spans.extend(_full_names(text, found))
        spans.extend(_shapes(text))
    spans.extend(_recurrences(text, [s for s in spans if _han(text[s.start])]))
    return spans
