"""Layer 2, Chinese: names, places and organisations, by jieba and the surname list.

Rule: jieba's part-of-speech tags give persons, places and organisations; a surname
before a title (李老师), a full name after a label, list comma or relative, and a
surname before a verb of speech give persons jieba misses; nouns before an
institution's type word, from the first proper name among them, give organisations.
jieba is loaded once, on first use, with its cache kept per user.
"""

from __future__ import annotations

import functools
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from praxishub.cases.spans import Span
from praxishub.cases.wordlists import allowed, allowlist, data_lines

# Characters before 周 that make it "week" (每周, 下周, 上周, 本周, 两周, 隔周, 这周, 几周).
_WEEK_BEFORE = frozenset("每下上本两隔这该几")


@functools.cache
def _jieba():  # type: ignore[no-untyped-def]
    import logging

    import jieba
    import jieba.posseg

    # jieba caches its dictionary in the system temp folder by default; keep it per user.
    cache = Path.home() / ".cache" / "praxishub"
    try:
        cache.mkdir(parents=True, exist_ok=True)
        jieba.dt.tmp_dir = str(cache)
    except OSError:
        jieba.dt.tmp_dir = tempfile.mkdtemp(prefix="praxishub-jieba-")
    jieba.setLogLevel(logging.WARNING)
    jieba.dt.initialize()
    return jieba.posseg


ZH_TITLES = (
    "老师|同学|医生|大夫|护士|妈妈|爸爸|母亲|父亲|女士|先生|主任|校长|阿姨|叔叔|奶奶|爷爷|姐姐|哥哥|弟弟|妹妹"
    "|姥姥|姥爷|外婆|外公|社工|教练|督导|教授|院长|医师|治疗师|咨询师|警官|律师|经理|书记|师傅"
    # an office's staff by their post: 联系人张干事, 民政所李所长
    "|干事|科长|所长|站长|村长|局长|处长|专员|会长|馆长|厂长|护士长|辅导员"
)
_ZH_KIND = {"nr": "PERSON", "nrfg": "PERSON", "nrt": "PERSON", "ns": "PLACE", "nt": "ORG"}


@functools.cache
def zh_surnames() -> frozenset[str]:
    return frozenset([*data_lines("surnames_zh.txt"), *data_lines("surnames_zh_more.txt")])


@functools.lru_cache(maxsize=16)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """jieba's words and part-of-speech tags for text, cut once for every layer that reads them."""
    return tuple((p.word, p.flag) for p in _jieba().cut(text, HMM=True))


def _zipf_zh(word: str) -> float:
    from praxishub.cases.zhnameshapes import zipf_zh

    return zipf_zh(word)


@functools.cache
def _long_surnames() -> frozenset[str]:
    from praxishub.cases.persons import zh_common_surnames

    return frozenset(zh_common_surnames())


def chinese(text: str) -> Iterator[Span]:
    offset = 0
    starts: set[int] = set()  # where jieba's words begin: a surname must begin one
    words: list[tuple[int, str, str]] = []
    for word, flag in tagged(text):
        start = text.find(word, offset)
        offset = start + len(word) if start >= 0 else offset
        starts.add(start)
        if start >= 0:
            words.append((start, word, flag))
        kind = _ZH_KIND.get(flag)
        if start < 0 or kind is None or allowed(word) or (len(word) < 2 and kind != "PERSON"):
            continue
        yield Span(start, start + len(word), kind, "jieba")
    yield from _zh_organisations(words)
    surnames = zh_surnames()
    # 李老师, 与黄女士, 何老师: a surname just before a title is a person; "历史老师" is not,
    # because there 史 ends jieba's word 历史 instead of beginning one.
    for m in re.finditer(ZH_TITLES, text):
        for size in (2, 1):
            at = m.start() - size
            if at >= 0 and text[at : m.start()] in surnames and at in starts:
                yield Span(at, m.start(), "PERSON", "zh-title")
                break
    titles = set(ZH_TITLES.split("|"))
    for m in re.finditer(r"(?<=[小老阿])(?P<s>[\u4e00-\u9fff])", text):
        if m.group("s") in surnames and text[m.start() - 1 : m.end()] not in titles:
            yield Span(m.start("s") - 1, m.end("s"), "PERSON", "zh-title")
    # "樊雅琴、邢姐、老焦、梅子": 老 or 小 and a rarer surname, listed with others
    listed = re.finditer(r"(?<=[、：:])[小老](?P<s>[\u4e00-\u9fff])(?=[、，。；）)])", text)
    for m in listed:
        if (
            m.group("s") not in surnames
            and m.group("s") in _long_surnames()
            and _zipf_zh(m.group()) < 3.2  # not "老师", "小时", "老乡"
        ):
            yield Span(m.start("s") - 1, m.end("s"), "PERSON", "zh-title")
    # 校长：钱国华, 参加：孙静怡、欧阳倩、, 奶奶张淑芬今年, 同班的张浩然把: a full name after a label,
    # a list comma or a relative, before punctuation or a title (names jieba splits as words)
    for m in _ZH_NAME_IN_CONTEXT.finditer(text):
        name = m.group("n")
        if (name[0] in surnames or name[:2] in surnames) and not allowed(name):
            yield Span(m.start("n"), m.end("n"), "PERSON", "zh-context")
    # 女儿周语桐在, 儿子王梓轩说: a full name after a child's or spouse's word, unless its first
    # two characters are a word of their own ("儿子周末在家": 周末 is the weekend)
    for m in _ZH_NAME_AFTER_KIN.finditer(text):
        name = m.group("n")
        if name[0] not in surnames or allowed(name):
            continue
        first = next(iter(_jieba().cut(name, HMM=False)), None)
        if first is not None and len(first.word) >= 2 and first.flag not in _ZH_PROPER_OR_NZ:
            continue
        yield Span(m.start("n"), m.end("n"), "PERSON", "zh-context")
    # 洪山, 东西湖, 沌口: the programme's own city's districts by their short names, which jieba
    # does not know without 区 ("搬到沌口去了", a hotline log's column "洪山")
    for m in _WUHAN.finditer(text):
        yield Span(m.start(), m.end(), "PLACE", "zh-wuhan")
    # 会上称"小W": a pupil's letter after 小/老/阿, as case talks name children
    for m in re.finditer(r"(?<=[小老阿])[A-Z](?![A-Za-z])", text):
        yield Span(m.start(), m.end(), "PERSON", "zh-title")
    # A surname followed by one or two given-name characters and a verb of speech/action.
    for m in re.finditer(
        r"(?P<n>[\u4e00-\u9fff]{2,3})(?=(?:说|表示|告诉|哭|来|的|在|是|和|同学|今年|，|。|、|\s))",
        text,
    ):
        name = m.group("n")
        if name[0] == "周" and m.start() and text[m.start() - 1] in _WEEK_BEFORE:
            continue  # 每周, 下周, 两周: the week, not the surname 周
        if name[0] in surnames and name not in allowlist() and not _zh_common(name):
            yield Span(m.start("n"), m.end("n"), "PERSON", "zh-surname")


_ZH_NAME_IN_CONTEXT = re.compile(
    r"(?:(?:姓名|学生|患者|患儿|校长|督导|参加|主任|班主任|来电者|监护人|父亲|母亲|负责人|记录人|咨询师)[：:]"
    r"|[、（(]|奶奶|爷爷|外婆|外公|姥姥|姥爷|同班的|同学|班上的|父亲|母亲|哥哥|姐姐|叔叔|舅舅|姑姑|同桌|好朋友)\s*"
    r"(?P<n>[\u4e00-\u9fff]{3})(?=[、，。；（(：:\s\u3000)）]|教授|老师|医生|今年|把|被|说|家|的|每天|一直|主动|在|和|跟)"
)


# Wuhan's districts and the parts of them people name as places (the Hubei crisis hotline's and
# Wuhan school psychologists' notes name them bare; 青山, also a saying, is left to jieba)
_WUHAN = re.compile(
    r"武昌|汉口|汉阳|江岸|硚口|洪山|东西湖|蔡甸|江夏|黄陂|新洲|汉南|沌口|光谷|纸坊|后湖"
    r"|关山|徐东|金银湖|唐家墩|王家湾|街道口|鲁巷|南湖(?=[^\u4e00-\u9fff]|[那这边住去到])"
)
_ZH_PROPER_OR_NZ = {"nr", "nrfg", "nrt", "nz", "ns", "nt"}
_ZH_NAME_AFTER_KIN = re.compile(
    r"(?:女儿|儿子|丈夫|妻子|老公|老婆|老伴|爱人|前夫|前妻|哥哥|姐姐|妹妹|弟弟|孙子|孙女|外孙|外孙女"
    r"|大女儿|小女儿|大儿子|小儿子)"
    # ("老伴汪水生2019年去世": a late spouse, the year of the death after the name)
    r"(?P<n>[\u4e00-\u9fff]{3})(?=[、，。；（(：:\s\u3000)）]|今年|把|被|说|家|的|每天|一直|在|和|跟|读|上|刚"
    r"|\d{4}年|去世|过世|生前)"
)


# What a Chinese organisation's name ends with: 医院, 卫生中心, 心理咨询工作室, 基金会, 有限公司 ...
_ZH_ORG_END = re.compile(
    r"(?:医院|中心|工作室|诊所|卫生院|门诊部|基金会|协会|公司|集团|事务所|研究所|研究院|福利院|养老院|服务站"
    r"|老年公寓|敬老院|托老所|护理院|救助站|工作站|咨询室|学会|俱乐部|社工站|门诊)$"
)
# jieba's tags for the words inside such a name: nouns, place and person names, noun-like words.
_ZH_ORG_INSIDE = {"n", "ns", "nr", "nrt", "nrfg", "nz", "nt", "an", "l", "vn", "j", "ng", "b"}
_ZH_PROPER = {"ns", "nr", "nrt", "nrfg", "nt", "j"}


def _zh_organisations(words: list[tuple[int, str, str]]) -> Iterator[Span]:
    """成都锦华精神卫生中心, 东明社区心理康复中心: nouns before an institution's type word, from the
    first proper name among them (a place, a person's or an organisation's name) to the type word.
    Without a proper name ("去医院", "心理咨询中心") it is a kind of place, not a named one."""
    for i, (start, word, _flag) in enumerate(words):
        if not _ZH_ORG_END.search(word):
            continue
        j = i
        while j > 0 and words[j - 1][2] in _ZH_ORG_INSIDE and i - j < 6:
            j -= 1
        first = next(
            (k for k in range(j, i) if words[k][2] in _ZH_PROPER and not allowed(words[k][1])), None
        )
        if first is not None:
            yield Span(words[first][0], start + len(word), "ORG", "jieba-org")


def _zh_common(word: str) -> bool:
    posseg = _jieba()
    pieces = list(posseg.cut(word, HMM=False))
    return not (len(pieces) == 1 and pieces[0].flag.startswith("nr")) and not any(
        p.flag.startswith("nr") for p in pieces
    )
