"""Layer 2, informal genres: chat exports, screenshots, minutes and OCR'd forms.

Rules: a chat sender ("Name: message" lines, a block where some sender speaks twice,
or a time-stamped line, or Zoom's "From X to Everyone:") is a HANDLE, and so is each
later copy of it; a quoted display name after "saved as", "group", "called" and
the like, or explained by "— <Name>", is a HANDLE; initials groups ("Н. В. К.") are
a PERSON; digits with OCR's O/l confusions ("О9.О7.2О15") are read as digits by
the structured layer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from praxishub.cases import spoken
from praxishub.cases.spans import Span

_SENDER = re.compile(
    r"^[^\S\n]*(?:>[^\S\n]*)?(?P<time>\[?\d{1,2}:\d{2}(?::\d{2})?(?:[^\S\n]?[AaPp]\.?[Mm]\.?)?\]?[^\S\n]+)?"
    r"(?P<name>[^\s:：>\[\-–—•*#][^:：\n]{0,38}?)[^\S\n]*[:：](?!\d)[^\S\n]*(?P<msg>\S[^\n]*)$",
    re.MULTILINE,
)
_ZOOM = re.compile(
    r"^[^\S\n]*\d{1,2}:\d{2}(?::\d{2})?[^\S\n]+From[^\S\n]+(?P<name>[^\n]{1,60}?)[^\S\n]+to[^\S\n]+"
    r"(?:Everyone|[^\n:]{1,40}?)(?:[^\S\n]*\((?:privately|Direct Message)\))?[^\S\n]*:",
    re.MULTILINE,
)
# Words that start a form field or a note's heading, never a chat sender.
_LABELS = re.compile(
    r"(?i)^(?:re|fw|tel|phone|mob|e-?mail|date|dob|d0b|time|name|address|school|class|note|notes"
    r"|from|to|subject|present|apologies|reason|action|actions|outcome|plan|summary|comment|comments"
    r"|replies|reply|update|tasks|task|general|todo|to do|re|ps|nb|p\.s|http|https|www"
    r"|тел|телефон|дата|адрес|школа|класс|имя|фио|примечание|заметка|комментари\w*|жалобы|итог\w*"
    r"|решени\w+|задачи|план|отметка|пояснение|подпись|сдаёт|принимает|присутствовали|повестка"
    r"|datum|adresa|škola|třída|jméno|poznámka|komentáře|záznam|předává|přebírá|úkoly|tel\.?"
    r"|пікірлер|ескерту|жазба|мекенжай|мектеп|сынып|күні"
    r"|评论|备注|待办|地址|电话|日期|姓名|学校|班级|时间|注|说明|回复|交班|接班)\b"
)
_LABEL_WORDS = re.compile(
    r"(?i)(?:note|psych|counsel|teacher|worker|officer|психолог|учител|педагог|заметк|комментар|пояснен"
    r"|psycholog|poznámk|záznam|психологт|жазба|备注|批注|老师|记录|说明|来源|渠道|источник|аккаунт|канал"
    r"|zdroj|účty|kanál|komentář|source|account|channel|student|pupil|учащ|ученик|оқушы|дереккөз|байланыс"
    r"|学生|tiktok|instagram|telegram|whatsapp|snapchat|facebook)"
)
# A sender that is only a kin or role word is the writer's own label, not a display name.
_ROLES = frozenset(
    [
        "me",
        "я",
        "мен",
        "我",
        "mum",
        "mom",
        "dad",
        "мама",
        "папа",
        "анасы",
        "әкесі",
        "爸爸",
        "妈妈",
        "爸",
        "妈",
        "matka",
        "otec",
        "máma",
        "táta",
    ]
)
_QUOTE = r"[«\"“„”'‘](?P<q>[^«»\"“”„'‘’\n]{2,40}?)[»\"“”’']"
_HANDLE_CUE = re.compile(
    r"(?i)(?:подписан[оа]?|сохран[её]н[оа]?\s+как|записан[оа]?\s+как|никнейм|логин"
    r"|чат\s+называется|uložen[oa]?\s+jako|přezdívk\w*|saved\s+as|the\s+one\s+called|username|nickname"
    r"|деп\s+сақтал\w*|人备注|备注名|备注为|备注成|昵称|群名叫?|付款人|公众号|用户名|网名"
    r"|\(as|\(jako|\(как|posted\s+as|signs?\s+(?:off\s+)?as|podepsan[áý]\s+jako)"
    r"[^\S\n]*[:：]?[^\S\n]*$"
)
_EXPLAINED = re.compile(
    r"^[^\S\n]*(?:—|–|-|=|就?是|is\b|je\b|это\b)[^\S\n]*(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|[\u4e00-\u9fff])"
    # “X”的快手号是…: a quoted name whose account follows
    r"|^的(?:快手号|抖音号|微信号|账号|QQ号|小红书号|B站号)"
)
_INITIALS = re.compile(
    r"(?<![\w.])(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІČŘŠŽ]\.[^\S\n]?){1,2}[A-ZА-ЯЁӘҒҚҢӨҰҮҺІČŘŠŽ]\.(?![^\S\n]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІČŘŠŽ][\w]|\w)"
)
_SIGNED = re.compile(r"(?m)[^\S\n][—–][^\S\n]*(?P<i>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІČŘŠŽ]\.)[^\S\n]*$")
_NOT_INITIALS = frozenset(
    [
        "ФИО",
        "ФИ",
        "ИО",
        "DOB",
        "MA",
        "BA",
        "MD",
        "BS",
        "MS",
        "USA",
        "UK",
        "US",
        "EU",
        "UN",
        "AM",
        "PM",
        "NB",
        "PS",
        "ТО",
        "ЕС",
    ]
)
# Initials alone on a note's last line, after a blank line or its last sentence: the end of
# the text or of a section ("---", a heading, a bold label)
_SIGN_OFF = re.compile(
    r"(?:(?:^|\n)[^\S\n]*\n[^\S\n]*[—–-]?|(?<=[.!?])[^\S\n])[^\S\n]*(?P<i>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]{2,3})[^\S\n]*"
    r"(?=\s*$|\n[^\S\n]*\n\s*(?:---|\*\*\*|#|\*\*))"
)
_NOT_SIGN_OFF = frozenset(["OK", "ОК", "TBC", "TBD", "END", "FIN", "КОН", "ДА", "НЕТ", "YES", "NO"])
_MINUTES = re.compile(
    r"(?im)^[^\S\n]*(?:present|attendees|apologies|in attendance)[^\S\n]*:(?P<list>[^\n]+)"
)
_CAPS = re.compile(r"\b[A-Z]{2,3}\b")
# (a token of look-alikes only between full stops or slashes too: the month of "О2.ОЗ.2О26",
# of "l0/ll/2026")
_OCR_TOKEN = re.compile(
    r"(?<![^\W\d_])(?:(?=[\dOОЗlI]*\d)(?=[\dOОЗlI]*[OОЗlI])[\dOОЗlI]{2,}|(?<=\.)[OОЗlI]{1,2}(?=\.\S)"
    r"|(?<=\d/)[OОЗlI]{1,2}(?=/\d))"
    r"(?![^\W\d_])"
)


def _strip(name: str) -> str:
    """The display name without its trailing emoji and symbols ("Neli 🦋" → "Neli")."""
    return re.sub(r"[^\w)]+$", "", name).strip()


def _plausible(name: str) -> bool:
    name = name.strip()
    if not name or "]" in name or _LABELS.match(name) or _LABEL_WORDS.search(name):
        return False
    if re.fullmatch(r"[\d\s()+\-.]+", name):  # a phone number: the structured layer's
        return False
    words = [w for w in name.split() if re.search(r"\w", w)]
    initial = re.search(r"\s\w\.$", name)  # "Мұғалім Салтанат Б.": a name and an initial
    if name.casefold() in _ROLES or len(words) > 6 or (name.endswith((".", ",")) and not initial):
        return False
    # a sentence that happens to contain a colon: many lower-case words
    return sum(w[:1].islower() for w in words) <= 2


def senders(text: str) -> Iterator[Span]:
    """Chat senders: names before a colon in a block of messages, and Zoom's "From X to"."""
    for m in _ZOOM.finditer(text):
        yield Span(m.start("name"), m.end("name"), "HANDLE", "chat")
    lines = [m for m in _SENDER.finditer(text) if _plausible(m.group("name"))]
    counts = Counter(m.group("name").strip() for m in lines)
    names: set[str] = set()
    # a block: lines whose senders are no more than two lines apart
    block: list[re.Match[str]] = []
    blocks: list[list[re.Match[str]]] = []
    for m in lines:
        gap = text[block[-1].end() : m.start()] if block else ""
        if block and (gap.count("\n") > 3 or "```" in gap):
            blocks.append(block)
            block = []
        block.append(m)
    if block:
        blocks.append(block)
    for group in blocks:
        who = Counter(m.group("name").strip() for m in group)
        timed = all(m.group("time") for m in group)
        if (len(who) >= 2 and max(who.values()) >= 2) or (timed and len(group) >= 2):
            for i, m in enumerate(group):
                name = m.group("name").strip()
                inside = 0 < i < len(group) - 1 and all(
                    text.count("\n", a.end(), b.start()) <= 1
                    for a, b in ((group[i - 1], m), (m, group[i + 1]))
                )
                if who[name] < 2 and not inside and not timed:
                    continue
                yield Span(
                    m.start("name"),
                    m.start("name") + len(m.group("name").rstrip()),
                    "HANDLE",
                    "chat",
                )
                names.add(m.group("name").strip())
    for name in names:
        if counts[name] < 2 and not any(m.group("time") for m in lines):
            continue
        core = _strip(name)
        if len(core) < 2:
            continue
        # the whole name with its emoji where it recurs so ("陈妈🌻是…"), else its letters
        forms = [name, core] if name != core else [core]
        for m in re.finditer("|".join(rf"(?<![\w@]){re.escape(f)}(?!\w)" for f in forms), text):
            if len(m.group()) >= 3:
                yield Span(m.start(), m.end(), "HANDLE", "chat")


# A social-media post's comment section: a heading, then one "author: comment" line after another
_COMMENTS = re.compile(
    r"(?im)^[^\S\n]*(?:comments|replies|komentáře|odpovědi|комментарии|ответы|пікірлер|жауаптар"
    r"|评论区?|回复|留言)[^\S\n]*[:：]?[^\S\n]*\n(?P<block>(?:[^\S\n]*[^\s:：][^:：\n]{0,40}[:：][^\n]*\n?)+)"
)
_AUTHOR = re.compile(r"(?m)^[^\S\n]*(?P<name>[^\s:：@][^:：\n]{0,40}?)[^\S\n]*[:：]")


def comments(text: str) -> Iterator[Span]:
    """The authors of the comments under a post, and their names' later copies: HANDLE."""
    names: set[str] = set()
    for block in _COMMENTS.finditer(text):
        for m in _AUTHOR.finditer(text, block.start("block"), block.end("block")):
            name = m.group("name").strip()
            if _LABELS.match(name) or re.fullmatch(r"[\d\s()+\-.]+", name):
                continue
            yield Span(m.start("name"), m.start("name") + len(name), "HANDLE", "chat")
            names.add(_strip(name))
    for core in names:
        if len(core) >= 4:
            for m in re.finditer(rf"(?<![\w]){re.escape(core)}(?!\w)", text):
                yield Span(m.start(), m.end(), "HANDLE", "chat")


def quoted(text: str) -> Iterator[Span]:
    """Display names in quotes, after a cue word or explained by a name after them."""
    for m in re.finditer(_QUOTE, text):
        q = m.group("q").strip()
        if not q or len(q.split()) > 6:
            continue
        before = text[max(0, m.start() - 30) : m.start()]
        after = text[m.end() : m.end() + 25]
        cued = bool(_HANDLE_CUE.search(before))
        # a heading's dash joins its parts ("# Журнал — «Голос рядом» — Ульяновск"): no gloss
        heading = text.startswith("#", text.rfind("\n", 0, m.start()) + 1)
        if cued or (
            not heading
            and _EXPLAINED.match(after)
            and "," not in q
            and len(q.split()) <= 3
            and not q[:1].islower()
        ):
            yield Span(m.start("q"), m.start("q") + len(m.group("q").rstrip()), "HANDLE", "quoted")


def initials(text: str) -> Iterator[Span]:
    """Initials groups ("О. А. Т.", "Г. А.") and, in minutes, initials-only names ("IK")."""
    for m in _INITIALS.finditer(text):
        letters = re.sub(r"[\s.]", "", m.group())
        line_start = not text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip()
        if letters.upper() in _NOT_INITIALS or (
            text[m.end() : m.end() + 1] == ":" and not line_start
        ):
            continue
        yield Span(m.start(), m.end(), "PERSON", "initials")
    # a note signed with one initial after a dash, at its line's end: "… is fixed. — G."
    for m in _SIGNED.finditer(text):
        yield Span(m.start("i"), m.end("i"), "PERSON", "initials")
    # a note signed with initials alone on its last line ("…\n\nVŠ", "…\n\nKD\n\n---")
    for m in _SIGN_OFF.finditer(text):
        if m.group("i").upper() not in _NOT_INITIALS | _NOT_SIGN_OFF:
            yield Span(m.start("i"), m.end("i"), "PERSON", "initials")
    listed: set[str] = set()
    for m in _MINUTES.finditer(text):
        listed.update(
            c.group() for c in re.finditer(r"\b[A-Z]{2,3}\b(?=[^\S\n]*\()", m.group("list"))
        )
    if len(listed) < 2:
        return
    for m in re.finditer(r"(?m)^[^\S\n]*([A-Z]{2,3})[^\S\n]*:", text):
        listed.add(m.group(1))
    for m in re.finditer(r"\b([A-Z]{2})(?=['’]s\b|[^\S\n]*\((?:Year|mum|dad|age|aged)\b)", text):
        listed.add(m.group(1))
    for m in _CAPS.finditer(text):
        if m.group() in listed:
            yield Span(m.start(), m.end(), "PERSON", "initials")


def ocr(text: str, language: str) -> Iterator[Span]:
    """Structured identifiers whose digits were read as O, l or З by OCR."""
    tokens = list(_OCR_TOKEN.finditer(text))
    if not tokens:
        return
    from praxishub.cases import structured

    chars = list(text)
    changed: list[tuple[int, int]] = []
    for m in tokens:
        for i in range(m.start(), m.end()):
            if chars[i] in "OО":
                chars[i] = "0"
            elif chars[i] in "lI":
                chars[i] = "1"
            elif chars[i] == "З":
                chars[i] = "3"
        changed.append((m.start(), m.end()))
    fixed = "".join(chars)
    for span in structured.find(fixed, language):
        if span.kind in ("PLACE", "AGE"):
            continue
        if any(span.start < b and a < span.end for a, b in changed):
            yield Span(span.start, span.end, span.kind, "ocr")


def find(text: str, language: str) -> list[Span]:
    """Every informal-genre identifier in text."""
    found = list(senders(text))
    found.extend(quoted(text))
    found.extend(comments(text))
    found.extend(initials(text))
    found.extend(ocr(text, language))
    found.extend(spoken.find(text))
    return found
