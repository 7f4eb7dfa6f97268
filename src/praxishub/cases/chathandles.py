"""Chat display names, group and channel names that the shape layers take only in part (round 11b).

Rule: a chat log prints its speaker in the same place on every line (before the colon, before
the time, after a voice-message mark, in bold before a colon); where a layer found a name
inside that place, the whole display name ("Гульназ мама Ярика", "Oksana Tk 🌻") is the
user's handle, so it is masked whole. A user name in a comment thread's bold speaker place
is one too. A quoted name after a group, story, channel or account word is the group's or
account's name, a ``#channel`` after a channel word is a channel, and a token mixing Han
with Latin letters or digits around a found name ("甜甜圈yyds") is a user name. A webinar
chat's display name with the person's town or school in brackets ("Petra (Kuřim)") or their
role after a dash ("Tunde A. – school counsellor") is masked whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

SOURCE = "r11b-handles"
_H = r"[^\S\n]"
_TIME = r"\d{1,2}[:.]\d{2}(?:" + _H + r"?[AaPp]\.?[Mm]\.?)?"
# Where a chat line keeps its speaker.
_SPEAKERS = (
    # "Гульназ мама Ярика 20:14  текст"
    re.compile(rf"^(?P<h>[^\s\d:：>*#|-][^\n:：]{{1,38}}?){_H}+{_TIME}(?={_H})", re.MULTILINE),
    # "🎤 Oksana Tk 🌻 (1:12)"
    re.compile(rf"^🎤{_H}*(?P<h>[^\n(]{{2,40}}?){_H}*\(\d", re.MULTILINE),
    # "**Алмас Қуанышев**: …", "> **一只小鹿酱**：", "回复 **一只小鹿酱**"
    re.compile(
        rf"^>?{_H}*\*\*(?P<h>[^*\n:：]{{2,40}})\*\*{_H}*[:：]|回复{_H}*\*\*(?P<r>[^*\n]{{2,30}})\*\*",
        re.MULTILINE,
    ),
    # "[21:05] Name: …", "21:05 Name：…"
    re.compile(
        rf"^\[?{_TIME}\]?{_H}+(?P<h>[^\s:：>*#|-][^\n:：]{{1,30}}?){_H}*[:：]{_H}",
        re.MULTILINE,
    ),
)
# A user name in a bold speaker place without any found name in it: dots or digits in a
# Latin token (ayazhan.kz), or a Latin first and last name in a note in another script.
# A first name and an initial, a display name's shape: "Салават Ф.", "Jana K."
_INITIALLED = re.compile(r"[A-ZА-ЯЁÀ-Ž][a-zа-яёà-ž]+[^\S\n][A-ZА-ЯЁÀ-Ž]\.")
_USERNAME = re.compile(r"[A-Za-z][\w.]*[._\d][\w.]*")
_LATIN_NAME = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+")
_PLATFORM = (
    r"(?:group[ -]?chat|chat|story|channel|server|account|page|profile|kanál\w*|účt\w*|profil\w*"
    r"|чат\w*|канал\w*|паблик\w*|аккаунт\w*|страниц\w*)"
)
_BRAND = (
    r"(?:instagram\w*|snapchat\w*|tiktok\w*|whatsapp\w*|discord\w*|facebook\w*|вк|vk"
    r"|telegram\w*|телеграм\w*|ватсап\w*|вотсап\w*)"
)
# The platform word right before the quote, or a naming word a few words after it.
_PLATFORM_WORD = re.compile(
    rf"(?i)(?:\b{_PLATFORM}|\b(?:posting|posts|posted)[^\S\n]+as|\b(?:avatar|username"
    rf"|display[^\S\n]+name|на[^\S\n]+аватарке|ником|ник))[^\S\n]*[,—–-]?[^\S\n]*$"
    rf"|\b(?:{_PLATFORM}|group|skupin\w*|групп\w*)(?:[^\S\n]+\w+){{0,3}}[^\S\n]+(?:called|named|jménem|s[^\S\n]+názvem"
    rf"|под[^\S\n]+(?:названием|ником)|с[^\S\n]+названием|{_BRAND})[^\S\n]*$"
    # "чат с ребятами в WhatsApp «Тоджа пацаны»": a group's name right after its app, a chat
    # or group word before it (not a message quoted after "написала в WhatsApp")
    rf"|\b(?:{_PLATFORM}|group|групп\w*|skupin\w*)\b[^\n]{{0,30}}?"
    rf"\b(?:в|во|in|on|на|v|ve){_H}+{_BRAND}[^\S\n]*$"
)
_ZH_PLATFORM = re.compile(r"(?:群的|群里的|账号|主页|频道|评论区中?)$")
_QUOTE = re.compile(r"[\"“„«「](?P<h>[^\"“”„«»「」\n]{2,30})[\"”“»」]")
# A quoted name joined to a user name found next to it: "gosha_pyro#2291 и «MARSIK»".
_JOINED_BEFORE = re.compile(
    r"(?:[^\S\n]+(?:и|and|a|та|және|or|или|nebo)[^\S\n]+|[,、和与及][^\S\n]*)$"
)
_JOINED_AFTER = re.compile(
    r"(?:[^\S\n]+(?:и|and|a|та|або|or|или|nebo)[^\S\n]+|[,、和与及][^\S\n]*)"
)
# A legend of who is who: "- LilTreyy = Trey Washington", "- Dre 🏀 = Andre Okonkwo".
_LEGEND = re.compile(
    r"^[^\S\n]*[-*•][^\S\n]+(?P<h>[^\s=][^=\n]{0,28}?)[^\S\n]+=[^\S\n]+", re.MULTILINE
)
_AFTER_QUOTE = re.compile(
    r"\s*(?:账号|群|频道|主页)|[^\S\n]*\((?:топ|топ\w+|группа|чат|group|chat|канал|channel|skupina)\)"
)
# "**voice note 3 – Kathleen 💕 – 1:14 – Sun 15 Feb**": a voice note's sender in its header
_VOICE_SENDER = re.compile(
    rf"(?i)(?:voice{_H}+(?:note|message|memo)|голосов(?:ое|ые)(?:{_H}+сообщени[ея])?"
    rf"|hlasov(?:á|ka|ky)(?:{_H}+zpráv[ay])?|дауыстық{_H}+хабарлама){_H}*\d*\**{_H}*[–—-]{_H}*(?P<h>[^–—\n*]{{2,30}}?){_H}*(?:[–—-]|,){_H}*\d"
)
# A group or channel named in quotes after its messenger: 'a Telegram group, "Українки в
# Единбурзі"', "WhatsApp skupina „Rodiče 2.C“"
_MESSENGER_GROUP = re.compile(
    rf"(?i:telegram|whatsapp|viber|signal|wechat|facebook|messenger|телеграм\w*|вотсап\w*|ватсап\w*)(?:-|,?{_H})?"
    rf"(?:(?i:group|chat|channel|skupin\w*|груп\w*|чат\w*|канал\w*),?{_H}*(?:(?i:called|named){_H}+)?"
    # "Telegram-чатқа қосу: «Бірге — Семей»": a verb of adding between the chat and its name
    rf"(?:(?i:қосу|қосылу|добавить|добавили|přidat){_H}*[:：]?{_H}*)?"
    # straight after the app, only a capitalised name: 'в WhatsApp «я больше не могу»' is a message
    rf"|(?=[\"“«„][^\W_a-zа-яёәғқңөұүһі]))"
    rf"[\"“«„](?P<h>[^\"”»“«\n]{{2,40}})[\"”»“]"
)
# A phone's display name with its owner in brackets, as a chat's sender: "- iPhone (Ботакөз):"
_DEVICE_SENDER = re.compile(
    rf"(?m)^(?:{_H}*[-*]{_H}*)?(?P<h>(?:iPhone|iPad|Samsung|Galaxy|Redmi|Xiaomi|Honor|Huawei|Poco)"
    rf"[^\n:()<>]{{0,20}}\([^()\n<>]{{2,30}}\)){_H}*:"
    rf"|<td>{_H}*(?P<c>(?:iPhone|iPad|Samsung|Galaxy|Redmi|Xiaomi|Honor|Huawei|Poco)"
    rf"[^\n:()<>]{{0,20}}\([^()\n<>]{{2,30}}\)){_H}*</td>"
)
# A user name said after "the account is called": 他在B站上有个号叫“川川今天不上学”, 那个微信号叫什么
# 妞妞爱吃草莓 还是什么的
_ZH_CALLED = re.compile(
    r"(?:号|网名|昵称|微信名|账号|ID)叫(?:[“\"「](?P<h>[^“”\"「」\n]{2,20})[”\"」]"
    r"|什么[^\S\n]+(?P<g>[^\s，。,？?]{2,12})(?=[^\S\n]))"
)
# "**2-хабарлама** — жіберуші: Гүлжамал Ерасылдың мамасы, 12.01.2026, 21:14": a numbered
# message's sender before its date, after its sender word or the message's heading
_NUMBERED_SENDER = re.compile(
    rf"(?i)(?:(?:жіберуші|отправитель|sender|odesílatel)[:：]|(?:хабарлама|сообщение|message|zpráva)"
    rf"\**{_H}*[—–-]{_H}*(?:(?:жіберуші|отправитель|sender|odesílatel)[:：])?){_H}*"
    rf"(?P<h>[^,\n*]{{2,40}}?),{_H}*\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}"
)
# "**语音1** · 浩宇奶奶 · 3月8日 19:42 · 0:58": a voice message's sender between its number and
# its date, set apart by middle dots
# "**Zpráva 1** — Fialová babička Klatovy · 9. 3. 2026", "**1-хабарлама** — Ерасылдың әжесі ·
# 02.03.2026": a numbered message's sender after a dash, before a dot and its date
_DOTTED_SENDER = re.compile(
    rf"(?i)(?:语音|語音|голосовое|дауыстық|voice(?:{_H}+(?:note|message))?|hlasov\w*)"
    rf"{_H}*\d{{0,3}}\**{_H}*[·•]{_H}*(?P<h>[^·•\n]{{2,24}}?){_H}*[·•]{_H}*\d"
    rf"|(?<![^\W\d_])(?:\d{{1,3}}-)?(?:zpráva|správa|хабарлама|сообщение|message|语音|語音|голосовое)"
    rf"{_H}*\d{{0,3}}\**{_H}*[—–]{_H}*(?P<g>[^\W\d_][^·•\n—–:]{{1,28}}?){_H}*[·•]{_H}*\d"
)
# 发送人：浩然奶奶: a forwarded voice message's sender (an e-mail's 发件人 is a person or a body)
_ZH_SENDER = re.compile(r"(?:发送人|發送人)[：:](?:\*\*)?[^\S\n]*(?P<h>[^\s　:：*]{2,12})")
_HASH_CHANNEL = re.compile(
    r"(?i)(?:channel|kanál\w*|канал\w*|\bv|\bin|\bв)[^\S\n]+(?P<h>#[^\W\d_][\w-]{1,30})"
)
# A whole token (nothing fused before or after it) of a few Han and lower-case Latin letters.
_MIXED = re.compile(
    r"(?<!\w)(?:(?P<han>[\u4e00-\u9fff]{1,6})[a-z][a-z0-9_]+|[a-z][a-z0-9_]+[\u4e00-\u9fff]{1,6})(?!\w)"
)
_LABEL_END = re.compile(r"[号码信音书名叫是为博址页站]$")
# A speaker place holds a name, not a clause: no clause punctuation, no full stop but an initial's.
_CLAUSE = re.compile(r"[,;!?()—–☐\[\]]|(?<![A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])\.")
# Zoom's chat lines: "From Krystal B to Everyone 10:32" (the name is between the words).
_ZOOM = re.compile(r"^From[^\S\n]+|[^\S\n]+to[^\S\n]+(?:Everyone|Me)(?:[^\S\n]*\(.*\))?$")
_EMOJI_TAIL = re.compile(r"[^\S\n]*[\U0001F000-\U0001FAFF\u2600-\u27BF\u200d\ufe0f\u2b00-\u2bff]+")
_ROLE_ONLY = re.compile(
    r"(?i)^(?:texter|caller|counsel+or|психолог|учитель|老师|爸爸|妈妈|me|я|我)$"
)


def _overlaps(spans: list[Span], start: int, end: int) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def _speakers(text: str, found: list[Span], language: str) -> Iterator[Span]:
    counts: dict[str, int] = {}
    for m in _SPEAKERS[0].finditer(text):
        counts[m.group("h").strip()] = counts.get(m.group("h").strip(), 0) + 1
    for index, pattern in enumerate(_SPEAKERS):
        for m in pattern.finditer(text):
            group = "r" if m.groupdict().get("r") else "h"
            start, end = m.start(group), m.end(group)
            name = m.group(group).strip()
            if not name or _ROLE_ONLY.match(name) or len(name.split()) > 5:
                continue
            if " " in name and _CLAUSE.search(name):
                continue
            for edge in _ZOOM.finditer(name):
                if edge.start() == 0:
                    start += edge.end()
                else:
                    end = m.start(group) + edge.start()
            tail = _EMOJI_TAIL.match(text, end)
            end = tail.end() if tail else end
            if (
                (_overlaps(found, start, end) and not _overlaps(found, end, end + 1))
                or (index == 0 and (_INITIALLED.fullmatch(name) or counts[name] >= 2))
                or (index == 2 and _bold_user(name, language))
            ):
                yield Span(start, end, "HANDLE", SOURCE)


def _bold_user(name: str, language: str) -> bool:
    """A bold speaker that is a user name by its shape, or a Latin name in another script."""
    if _USERNAME.fullmatch(name) and any(c.isdigit() or c in "._" for c in name):
        return True
    return language in ("ru", "kk", "zh") and _LATIN_NAME.fullmatch(name) is not None


def _joined(text: str, spans: list[Span], start: int, end: int) -> bool:
    """Is the quote at start..end joined by "and" or a comma to a user name found next to it?"""
    handles = [s for s in spans if s.kind == "HANDLE"]
    before = _JOINED_BEFORE.search(text, max(0, start - 6), start)
    if before and any(s.end == before.start() for s in handles):
        return True
    after = _JOINED_AFTER.match(text, end)
    return bool(after) and any(s.start == after.end() for s in handles)


# A tag's shape without quotes: capitals or digits only ("MARSIK", "XX_2010").
_TAG = re.compile(r"(?<![\w@#])[A-Z][A-Z0-9_]{3,20}(?![\w@#])")


def _legend(text: str, found: list[Span]) -> Iterator[Span]:
    people = {s.start for s in found if s.kind == "PERSON"}
    for m in _LEGEND.finditer(text):
        if m.end() in people:
            yield Span(m.start("h"), m.end("h"), "HANDLE", SOURCE)


def _quoted(text: str, found: list[Span]) -> Iterator[Span]:
    for m in _QUOTE.finditer(text):
        name = m.group("h")
        if len(name.split()) > 5 or name.rstrip().endswith((".", "!", "?")):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[max(line_start, m.start() - 40) : m.start()]
        if (
            _PLATFORM_WORD.search(before)
            or _ZH_PLATFORM.search(before)
            or _AFTER_QUOTE.match(text, m.end())
            or _joined(text, found, m.start(), m.end())
        ):
            yield Span(m.start("h"), m.end("h"), "HANDLE", SOURCE)


# A webinar chat's display name with where the person works: "- Petra (Kuřim): …",
# "16:41  M. Osei (Croydon)      agree …", "- Оксана В. (Новосибирск, СОШ 92): …", and with
# their role after a dash: "- Tunde A. – school counsellor: …", "16:47  Jakub Š. – ZŠ Řečkovice  …"
# The same display names as a participants table's cells: "<td>Katka B. (ZŠ Hrabůvka)</td>"
_PLACED_CELL = re.compile(
    rf"<td>{_H}*(?P<h>(?P<n>[^<>\s\d(–—-][^<>(–—]{{0,30}}?){_H}*"
    rf"(?:\((?P<p>[^()<>\n]{{2,40}})\)|(?P<d>{_H}[–—-]{_H}[^<>\n()–—]{{2,30}}?))){_H}*</td>"
)
_PLACED_SPEAKER = re.compile(
    rf"^(?:[-*•]|{_TIME}){_H}+(?P<h>(?P<n>[^\s\d(:：*#>|-][^\n(:：]{{0,30}}?){_H}*"
    rf"(?:\((?P<p>[^()\n]{{2,40}})\)|(?P<d>{_H}[–—-]{_H}[^\n:：()–—]{{2,30}}?)))"
    rf"(?:[:：]{_H}|{_H}{{2,}}\S)",
    re.MULTILINE,
)


def _placed_speakers(text: str, found: list[Span]) -> Iterator[Span]:
    """The whole display name, where a found person opens it and, in its brackets or after a
    dash, a found place, school or body says where they work (or, after a dash, their role
    follows a first name and an initial, a display name's shape)."""
    matches = list(_PLACED_SPEAKER.finditer(text))
    if "<td>" in text:
        matches += _PLACED_CELL.finditer(text)
    for m in matches:
        name = m.group("n").strip()
        if not any(s.kind == "PERSON" and s.start <= m.start("n") < s.end for s in found):
            continue
        if m.group("p") is not None:
            inner = [s for s in found if m.start("p") <= s.start and s.end <= m.end("p") + 1]
            if not any(s.kind in ("PLACE", "SCHOOL", "ORG") for s in inner):
                continue
        elif _CLAUSE.search(m.group("d").strip()[1:]):
            continue
        elif not _INITIALLED.fullmatch(name) and not any(
            s.kind in ("PLACE", "SCHOOL", "ORG")
            and m.start("d") <= s.start
            and s.end <= m.end("d") + 1
            for s in found
        ):
            continue  # "Ильдар Хабибуллин — Казань:": a full name and a found town after a dash
        yield Span(m.start("h"), m.end("h"), "HANDLE", SOURCE)


def find(text: str, language: str, found: list[Span]) -> list[Span]:
    """Whole display names, quoted group names, channels and mixed-script user names."""
    spans = list(_speakers(text, found, language))
    spans.extend(_placed_speakers(text, found))
    spans.extend(_quoted(text, found))
    spans.extend(_legend(text, found))
    for m in _TAG.finditer(text):
        if _joined(text, found, m.start(), m.end()):
            spans.append(Span(m.start(), m.end(), "HANDLE", SOURCE))
    for pattern in (
        _ZH_SENDER,
        _VOICE_SENDER,
        _NUMBERED_SENDER,
        _DOTTED_SENDER,
        _MESSENGER_GROUP,
        _DEVICE_SENDER,
        _ZH_CALLED,
    ):
        for m in pattern.finditer(text):
            group = next((g for g in ("g", "c") if g in pattern.groupindex and m.group(g)), "h")
            spans.append(Span(m.start(group), m.end(group), "HANDLE", SOURCE))
    for m in _HASH_CHANNEL.finditer(text):
        spans.append(Span(m.start("h"), m.end("h"), "HANDLE", SOURCE))
    for m in _MIXED.finditer(text):
        if (
            (m.group("han") and _LABEL_END.search(m.group("han")))
            or "http" in m.group()
            or "www" in m.group()
        ):
            continue
        if _overlaps(found, m.start(), m.end()):
            spans.append(Span(m.start(), m.end(), "HANDLE", SOURCE))
    return spans
