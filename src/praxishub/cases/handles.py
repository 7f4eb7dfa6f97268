"""Layer 1, continued: user names that no word announces, by their shape or their place.

Rule: a token made like a user name (``liza_nespi``, ``JC_NO_SCOPE``, ``kayla.nosleep``,
``dre_lowkey#3310``) is a HANDLE wherever it stands; so is the speaker of a WhatsApp
export line (``09.03.2026, 21:14 - Name: …``), the name after "<platform> as", and a
group, server or channel named in quotes next to its word (quotes stay outside).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_H = r"[^\S\n]"
# Letters and digits joined by "_" (a Discord discriminator may follow): liza_nespi, dos_777
# (any alphabet's letters: sәule_mama; a Chinese character may stand right before: 群主lzh_2013)
_UNDERSCORED = re.compile(
    r"(?<![0-9A-Za-zÀ-ɏЀ-ӿ@./\\#_-])(?P<h>[^\W\d_\u4e00-\u9fff][^\W_\u4e00-\u9fff]*"
    r"(?:_+(?:[^\W_\u4e00-\u9fff]+|[\u4e00-\u9fff]+))+_?(?:#\d{4})?)"
    r"(?![^\W\u4e00-\u9fff]|[@/\\-]|\.\w)"
)
# Lower-case words joined by dots: kayla.nosleep, matyas.korinek.12 (not a domain or a file)
# (a part may be one letter where the name holds a digit: timur.s.2014, dom1nik.h)
_DOTTED = re.compile(
    r"(?<![\w@./\\#:-])(?P<h>[a-z][a-z0-9_]{1,}(?:\.[a-z0-9_]+){1,3})(?![\w@/\\-]|\.\w)"
)
_NOT_LAST_PARTS = frozenset(
    [
        "com",
        "org",
        "net",
        "info",
        "edu",
        "gov",
        "cz",
        "ru",
        "kz",
        "cn",
        "uk",
        "us",
        "io",
        "co",
        "me",
        "online",
        "example",
        "html",
        "htm",
        "pdf",
        "docx",
        "doc",
        "xlsx",
        "xls",
        "csv",
        "txt",
        "jpg",
        "jpeg",
        "png",
        "gif",
        "mp4",
        "mp3",
        "zip",
        "ipynb",
        "py",
        "json",
        "md",
        "ppt",
        "pptx",
        "odt",
    ]
)
# A name with a Discord discriminator: m4tvey#0417
_DISCORD = re.compile(r"(?<![\w@#-])(?P<h>[A-Za-z0-9][\w.]{1,30}#\d{4})(?![\w#])")
# The speaker of a WhatsApp export line: "09.03.2026, 21:14 - Айжан психолог 🌸: …"
_EXPORT_SPEAKER = re.compile(
    r"^\[?\d{1,2}[./]\d{1,2}[./]\d{2,4},?[^\S\n]+\d{1,2}:\d{2}(?::\d{2})?(?:[^\S\n]?[AaPp][Mm])?\]?"
    rf"{_H}*[-–]?{_H}*(?P<h>[^\s:：][^\n:：]{{0,38}}?){_H}*[:：]",
    re.MULTILINE,
)
_PLATFORM = (
    r"(?:Fortnite|Roblox|Minecraft|Tumblr|Discord\w*|Steam\w*|TikTok\w*|Instagram\w*|Snapchat\w*|Twitch\w*"
    r"|YouTube\w*|Telegram\w*|Reddit\w*|Twitter|Xbox|PlayStation|PSN|Brawl{_H}Stars|Free{_H}Fire|PUBG"
    r"|Valorant|Pinterest|Threads|BeReal|Likee)"
).replace("{_H}", _H)
# "posts on Tumblr as beth-in-the-void", "hraje Fortnite pod jménem …", "в Roblox под ником …"
_AS_NAME = re.compile(
    rf"(?<![\w-]){_PLATFORM}{_H}+(?:as|jako|pod{_H}+jménem|под{_H}+(?:ником|именем))"
    rf"{_H}+[\"“„«]?(?P<h>[A-Za-z0-9][\w.-]{{2,30}}[A-Za-z0-9])(?![\w@-])"
)
# "add my snap gethinlloyd07", "his insta is megzz.j", "discord: kuba_77": a user name right
# after the platform's short name, shaped like one (a digit, dot or underscore in it)
_SHORT_PLATFORM = re.compile(
    rf"(?i)(?<![\w@/.-])(?:snap(?:chat)?|insta(?:gram)?|ig|tiktok|tt|discord|kik|twitter|steam|twitch)"
    rf"(?:{_H}+(?:is|name|id|acc(?:ount)?))?{_H}*[:=]?{_H}*"
    r"(?P<h>(?-i:[A-Za-z][A-Za-z0-9]*[._\d][\w.]*[A-Za-z0-9_]))(?![\w@/-]|\.\w)"
)
# A group, server or channel in quotes after its word: ve skupině „…“, WhatsApp group “…”,
# the discord “…”, чате класса «…», 班级群“…”, 公众号“…”; or before it: «…» командасымен,
# “…”服务器 / 战队; or a Chinese chat name ending in 群
_OPEN = '"“„«「'
_CLOSE = '"”“»」'


def _quoted(group: str) -> str:
    """A name in quotes, captured as group."""
    return rf"[{_OPEN}](?P<{group}>[^{_OPEN}{_CLOSE}\n]{{2,40}})[{_CLOSE}]"


_GROUP_BEFORE = re.compile(
    rf"(?<![^\W\d_])(?:(?:třídní\w*|Facebook\w*|WhatsApp\w*|Messenger\w*|Viber\w*|chatov\w*){_H}+skupin\w*"
    rf"|(?:WhatsApp|Facebook|Messenger|Viber|Signal){_H}+group|discord\w*|squad|server|чат\w*(?:{_H}+(?:класса|группы))?"
    rf"|бесед[аеуы]|групп[аеуы](?={_H}+в{_H}))"
    # the platform it is on: "Чат группы в Telegram — «…»", "группа в WhatsApp «…»"
    rf"(?:{_H}+в{_H}+(?:Telegram|WhatsApp|Max|VK|ВК|Viber|Телеграм\w*|Вайбер\w*|Ватсап\w*))?"
    rf"{_H}*(?:[,:—–-]{_H}*)?{_quoted('h')}"
    rf"|(?:群|公众号|服务器|战队|频道|微信群|QQ群|班级群|学生群|家长群){_H}*{_quoted('g')}",
    re.IGNORECASE,
)
_GROUP_AFTER = re.compile(
    rf"{_quoted('h')}{_H}*(?:командас\w*|сервер\w*|服务器|战队|群(?![众体])|公会|频道)"
    rf"|[{_OPEN}](?P<z>[\u4e00-\u9fff\w]{{2,20}}群|[\u4e00-\u9fff]{{2,8}}\d{{2,4}})[{_CLOSE}]"
)
# A QQ number in a log's column ("23:55  QQ    1839027465"), a speaker in bold in a quoted chat
# whose name holds digits ("> **打野小能手2010**：")
_QQ_COLUMN = re.compile(rf"(?<![A-Za-z])QQ{_H}+(?P<h>[1-9]\d{{4,11}})(?!\d)")
_BOLD_SPEAKER = re.compile(
    r"^>?[^\S\n]*\*\*(?P<h>[^*\n:：]{0,20}\d[^*\n:：]{0,20}?)(?:[:：]\*\*|\*\*[:：])", re.MULTILINE
)
_ROLE = re.compile(r"(?i)(?:psycholog\w*|психолог|counsel+or|teacher|учитель|мұғалім)$")


# A line of code in a notebook cell: its names are variables, not user names
_CODE_LINE = re.compile(
    r"^[^\S\n]*(?:import|from|def|class|for|while|if|elif|return|print|with)\b[^\n]*$",
    re.MULTILINE,
)
_CALLED = re.compile(r"[(\[]|[^\S\n]*=")


def _code(text: str, start: int, end: int) -> bool:
    """Does the token at start..end stand in code (called, indexed or assigned, or on an import line)?"""
    if _CALLED.match(text, end) and not text.startswith("==", end):
        return True
    if (
        start > 1
        and text[start - 1] in "(["
        and (text[start - 2].isalnum() or text[start - 2] == "_")
    ):
        return True  # an argument: load(raw.data_2025)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return "<t" not in line and _CODE_LINE.fullmatch(line) is not None


def _dotted_name(parts: list[str]) -> bool:
    """Are these dot-joined parts a user name, not a typo's missing space or an abbreviation?

    With a digit or "_" inside, short parts are allowed (timur.s.2014); without, every part
    needs two letters, one part four, and some part must be a rare word (krystof.pe, not
    home.so: a full stop typed without its space joins two common words).
    """
    joined = "".join(parts)
    if len(parts[0]) <= 4 and all(p.isdigit() for p in parts[1:]):
        return False  # a version or a page: v1.2.3, str.12, odst.2
    if any(ch.isdigit() or ch == "_" for ch in joined):
        return len(parts[0]) >= 2 or len(parts) > 2
    if min(len(p) for p in parts) < 2 or max(len(p) for p in parts) < 4:
        return False
    if len(parts[-1]) >= 4 and len(parts[0]) >= 3:
        return True
    return not all(_common(p) for p in parts)


@functools.lru_cache(maxsize=16384)
def _common(word: str) -> bool:
    """A common word in English or Czech (wordfreq's Zipf value of 3.5 or more)."""
    from wordfreq import zipf_frequency

    return max(zipf_frequency(word, "en"), zipf_frequency(word, "cs")) >= 3.5


# A payment app's $cashtag ("via Cash App ($jennxo09)"); "$500" and "$AAPL" stay
_CASHTAG = re.compile(r"(?<![\w$])\$(?=[A-Za-z0-9_]*[a-z])[A-Za-z][A-Za-z0-9_]{2,19}(?![\w$])")


def find(text: str) -> Iterator[Span]:
    """User names by their shape, chat speakers of exports, and quoted group names."""
    if re.search(r"(?i)cash[^\S\n]?app|cashtag", text):
        for m in _CASHTAG.finditer(text):
            yield Span(m.start(), m.end(), "HANDLE", "pattern")
    for m in _UNDERSCORED.finditer(text):
        if not _code(text, m.start("h"), m.end("h")):
            yield Span(m.start("h"), m.end("h"), "HANDLE", "pattern")
    for m in _DISCORD.finditer(text):
        yield Span(m.start("h"), m.end("h"), "HANDLE", "pattern")
    for m in _DOTTED.finditer(text):
        parts = m.group("h").split(".")
        if parts[-1] in _NOT_LAST_PARTS or parts[0] in _NOT_LAST_PARTS:
            continue
        if not _dotted_name(parts):
            continue
        if _code(text, m.start("h"), m.end("h")):
            continue
        yield Span(m.start("h"), m.end("h"), "HANDLE", "pattern")
    speakers = list(_EXPORT_SPEAKER.finditer(text))
    counts: dict[str, int] = {}
    for m in speakers:
        counts[m.group("h")] = counts.get(m.group("h"), 0) + 1
    for m in speakers:
        name = m.group("h").strip()
        if counts[m.group("h")] >= 2 and not _ROLE.search(name) and len(name.split()) <= 4:
            yield Span(m.start("h"), m.start("h") + len(name), "HANDLE", "pattern")
    for pattern in (_QQ_COLUMN, _BOLD_SPEAKER):
        for m in pattern.finditer(text):
            yield Span(m.start("h"), m.end("h"), "HANDLE", "pattern")
    for pattern in (_AS_NAME, _SHORT_PLATFORM):
        for m in pattern.finditer(text):
            yield Span(m.start("h"), m.end("h"), "HANDLE", "pattern")
    for pattern in (_GROUP_BEFORE, _GROUP_AFTER):
        for m in pattern.finditer(text):
            group = next(g for g in ("h", "g", "z") if m.groupdict().get(g))
            yield Span(m.start(group), m.end(group), "HANDLE", "pattern")
