"""Chinese full names that jieba splits, by their shape and the word before them.

Rule: three shapes of a Chinese personal name that jieba cuts into a surname and an
ordinary word (邹 + 文静, 俞 + 建国) or cannot see at all:

- a name spelled with spaces between its characters, as on forms ("邱 梓 涵",
  "葛 强"): a surname, then one or two single characters, each after one space;
- a compound surname (欧阳, 司马, 诸葛 …) and the one or two characters after it;
- a surname and a doubled given name ("何婷婷"), unless the pair is a common word;
- a surname right after a word for a role or a relative (老师, 志愿者, 外公, 同学 …),
  with the given name jieba cuts after it ("语文老师邹文静结对", "外公俞建国照顾").

The surnames are general vocabulary (the common surnames of the bundled list plus a
further list of less common single-character ones), never names taken from a case.

Known limits: a given name that jieba glues to the following verb is cut at one
character; a role word followed by a common word that starts with a surname character
is skipped only when jieba's dictionary knows the pair as a common word (张开, 黄色).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases import zhnames
from praxishub.cases.ner_zh import ZH_TITLES, _jieba, zh_surnames
from praxishub.cases.spans import Span

_HAN = "\u4e00-\u9fff"
_COMPOUND = "欧阳|司马|上官|诸葛|慕容|令狐|皇甫|夏侯|尉迟|公孙|长孙|宇文|司徒|端木|独孤|南宫|东方|西门|轩辕|呼延"
# Single-character surnames beyond the bundled list (none of them a common function word);
# ``zhnameshapes`` uses them too.
_MORE_SURNAMES = (
    "包俞邬殷翟甘葛隋靳焦阎柯祝鲁苗傅詹申闵麦邝蒙牛庞伍卓纪聂饶温戚项褚祁甄滕缪柴洪岳邢易乔窦栾巫冉晏"
    "茅桂储宫骆舒倪霍裴梅辛樊阮凌章虞符尤涂汤殷穆萧尹池蓝宁匡阚毕邸喻郎谈卫"
    "冶妥撒喇"  # Hui families' surnames (Linxia, Ningxia)
)
# Characters that end or join a clause, never a given name's.
_FUNCTION = set(
    "的了是在也都就说和与跟把被给让对从到又还很太不没有个们这那吗呢吧啊我你您他她它、，。"
)
# jieba's tags of words that are never a given name: adverbs, verbs, prepositions, ...
_NOT_NAME_TAGS = set("dvpcurmqfty")
_ROLES = (
    ZH_TITLES
    + "|教师|学生|家长|志愿者|网友|民警|辅导员|队员|班长|组长|老板|店主|邻居|室友|同桌|表哥|表姐|堂哥"
)
_TITLE_START = re.compile(
    rf"(?:{ZH_TITLES}|婆婆|公公|伯伯|大爷|大妈|大娘|老太|大姐|姐|哥|太|伯|嫂|叔|姨|婆|某)"
)
_SPACED = re.compile(
    rf"(?<![{_HAN}])(?<![{_HAN}][ \u3000])"
    rf"(?P<n>[{_HAN}]{{1,2}}(?:[ \u3000][{_HAN}]){{1,2}})(?![ \u3000]?[{_HAN}])"
)
_COMPOUND_NAME = re.compile(rf"(?:{_COMPOUND})(?P<g>[{_HAN}]{{1,2}})")
_AFTER_ROLE = re.compile(rf"(?:{_ROLES})[ \u3000]?(?P<s>{_COMPOUND}|[{_HAN}])(?=[{_HAN}])")
# A surname and a doubled given name ("何婷婷"), the shape of many children's names.
_DOUBLED_GIVEN = re.compile(rf"(?P<s>[{_HAN}])(?P<g>(?P<c>[{_HAN}])(?P=c))(?!(?P=c))")


@functools.cache
def _surnames() -> frozenset[str]:
    return zh_surnames() | frozenset(_MORE_SURNAMES) | frozenset(_COMPOUND.split("|"))


def find(text: str) -> Iterator[Span]:
    """Spaced names, compound-surname names and names after a role word."""
    surnames = _surnames()
    for m in _SPACED.finditer(text):
        first = m.group("n").split()[0] if " " in m.group("n") else m.group("n")[:1]
        if first in surnames:
            yield Span(m.start("n"), m.end("n"), "PERSON", "zh-spaced")
    for m in _COMPOUND_NAME.finditer(text):
        size = _given_size(text, m.start("g"))
        if size and not zhnames._common(text[m.start() : m.start("g") + size]):
            yield Span(m.start(), m.start("g") + size, "PERSON", "zh-compound")
    for m in _DOUBLED_GIVEN.finditer(text):
        if _doubled_name(text, m, surnames):
            yield Span(m.start(), m.end(), "PERSON", "zh-doubled-given")
    for m in _AFTER_ROLE.finditer(text):
        if m.group("s") not in surnames or _used_as_word(text, m.start(), m.end("s")):
            continue
        size = _given_size(text, m.end("s"))
        end = m.end("s") + size
        pair = text[m.start("s") : m.end("s") + 1]  # 曾经, 张开: the surname opens a word
        if size and not zhnames._common(text[m.start("s") : end]) and not zhnames._common(pair):
            yield Span(m.start("s"), end, "PERSON", "zh-role-name")


def _doubled_name(text: str, m: re.Match[str], surnames: frozenset[str]) -> bool:
    """A surname before a doubled pair that is no word, sound or idiom (常常, 哈哈, 高高兴兴)."""
    pair = m.group("g")
    if m.group("s") not in surnames or m.group("c") in _FUNCTION:
        return False
    if m.group("c") in zhnames._NOT_NAMES or zhnames._common(pair):
        return False
    if zhnames._common(m.group("s") + m.group("c")):
        return False  # the surname character opens a word with the next one
    after = text[m.end() : m.end() + 2]
    return not (len(after) == 2 and after[0] == after[1])  # AABB: 高高兴兴


# Surnames jieba tags as verbs that today's prose uses as verbs only inside words (毕业, 毕竟)
_BOUND_VERBS = set("毕")


def _used_as_word(text: str, start: int, end: int) -> bool:
    """Is the surname (text[start:end] ends with it), as jieba cuts its sentence, a lone
    adverb, preposition, conjunction or verb there ("老师曾当众…": 曾 "once"), not a name?"""
    pos = start
    for piece in _jieba().cut(text[start : end + 4], HMM=False):
        if pos <= end - 1 < pos + len(piece.word):
            if piece.word in _BOUND_VERBS:
                return False  # "志愿者毕彩霞": 毕 alone is no verb of today's prose
            return len(piece.word) == 1 and piece.flag[:1] in "dpcv"
        pos += len(piece.word)
    return False


def _given_size(text: str, at: int) -> int:
    """How many characters of a given name stand at ``at``: the word jieba cuts there when it
    has two characters, else one character (two when the next one is also a lone one)."""
    window = text[at : at + 6]
    if not window or window[0] in _FUNCTION or not "\u4e00" <= window[0] <= "\u9fff":
        return 0
    if _TITLE_START.match(window):
        return 0  # 向婆婆, 李老师: a title after the surname, no given name
    pieces = list(_jieba().cut(window, HMM=False))
    words = [p.word for p in pieces]
    first = words[0]
    if len(first) == 2 and not set(first) & _FUNCTION:
        # 文静 and 建国 are nouns and names; 当众 or 经常 (adverbs, verbs) are no given name
        return 0 if pieces[0].flag[:1] in _NOT_NAME_TAGS else 2
    if len(first) == 1 and len(words) > 1 and len(words[1]) == 1:
        second = words[1]
        if "\u4e00" <= second <= "\u9fff" and second not in _FUNCTION:
            return 2
    return 1 if len(first) == 1 else 0
