"""Chat transcripts by the shape of their lines: whoever sends a message is a HANDLE.

Rule: a line shaped like a chat message (a time stamp and a sender label before a
colon, in any of the export orders: ``19:14 - Label: …``, ``Label (19:42): …``,
``Label 19:42：…``, ``Label (12 мар в 19:42): …``, or a label and its time alone on a
line above the message, ``Label — Today at 19:42``) names its sender; when at least two
lines of one shape stand in the text, the whole label is masked, whatever it holds
(emoji, a role in brackets, a kin word with a name, Latin letters in Cyrillic or Chinese
text). Under a heading that says comments, replies, DM or chat, every ``label: message``
line (bulleted or not) is a message too. A log table's row whose channel column says "chat" has its sender in the
next column. A chat header names its group or partner ("WhatsApp Chat with …",
"群聊：…"). A label found so is masked again where it recurs as written. A quoted
name next to a group, channel, page or server word is a HANDLE (its quotes stay
outside), and so is an @-mention in any script, emoji included.

A label holds a name unless all its words are common (wordfreq's Zipf 4.0 or more) or
it is a role ("Psycholog", "Me"): those are the writer's own labels.

Limits: a display name of common words only ("Lucky Star") is taken for the writer's own
label and left, and so is a label longer than six words. A chat with a single message
line and no heading is not recognised.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases.informal import _ROLES
from praxishub.cases.online import _ROLE_SPEAKER
from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[^\S\n]?[AaPp]\.?[Mm]\.?)?"
_DATE = r"(?:\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?|\d{4}[./-]\d{1,2}[./-]\d{1,2})"
_STAMP = rf"\[?(?:{_DATE},?{_H}+)?{_TIME}\]?"
_LEAD = rf"^{_H}*(?:>{_H}*)?(?:[-•*]{_H}+)?(?:\*\*)?"
_LABEL = r"(?P<h>[^\s:：*\[\]<>|#][^:：\n]{0,44}?)"
_SHAPES = (
    # 19:14 - Label: message / [21.03.26 19:14] Label: message / **19:05** – Label: … / 19:14 Label:
    re.compile(
        rf"{_LEAD}{_STAMP}(?:\*\*)?{_H}*(?:[-–—]{_H}*)?{_LABEL}{_H}*[:：](?!\d){_H}*\S",
        re.MULTILINE,
    ),
    # Label (19:42): message
    re.compile(rf"{_LEAD}{_LABEL}{_H}*[(\[]{_STAMP}[)\]]{_H}*[:：]{_H}*\S", re.MULTILINE),
    # Label 19:42：message (WeChat, QQ)
    re.compile(rf"{_LEAD}{_LABEL}{_H}+{_STAMP}{_H}*[:：]{_H}*\S", re.MULTILINE),
    # Label (12 мар 2026 в 19:02): message (VK): a worded date before the time in brackets
    re.compile(
        rf"{_LEAD}{_LABEL}{_H}*\((?:[^()\n]{{1,24}}{_H})?{_TIME}\){_H}*[:：]{_H}*\S", re.MULTILINE
    ),
    # Label, [12.03.2026 19:02] with the message on the next line (Telegram's copy)
    re.compile(rf"{_LEAD}{_LABEL},{_H}*\[{_DATE},?{_H}+{_TIME}\]{_H}*\n{_H}*\S", re.MULTILINE),
    # Label — Today at 19:02 / Label  2026-03-12 19:02, the message on the next line
    # (Discord, Messenger, WeChat's saved history)
    re.compile(
        rf"{_LEAD}{_LABEL}{_H}+(?:[-–—]{_H}+)?(?:(?:Today|Yesterday|Сегодня|Вчера|Dnes|Včera|Бүгін|Кеше)"
        rf"{_H}+(?:at|в|v|сағат)?{_H}*|{_DATE},?{_H}+)?{_TIME}{_H}*\n{_H}*\S",
        re.MULTILINE,
    ),
    # Label(2019384756) 21:03, the message on the next line (QQ's group export: the account's
    # number in brackets)
    re.compile(
        rf"{_LEAD}{_LABEL}[(（]\d{{5,11}}[)）]{_H}*(?:{_DATE}{_H}+)?{_TIME}{_H}*\n{_H}*\S",
        re.MULTILINE,
    ),
)
# A voice message's or message's heading names its sender: "**Zpráva 1** – od: p. Kuchárová
# babi Matúše – 3. 3. 2026", "**Zpráva 1** – od: Babi Giňová Denis 4B · 9. 3. 2026", "**Хабарлама 1** — 15.03.2026, жіберуші: Бекзаттың әжесі",
# "**语音1**（石家奶奶，12月8日 晚上）"
_MESSAGE_HEAD = re.compile(
    r"(?im)^[^\S\n]*(?:\*\*)?(?:zpráva|správa|hlasová[^\S\n]+zpráva|message|voice[^\S\n]?message"
    r"|voicemail|сообщение|голосовое|хабарлама|語音|语音|消息)[^\S\n]*№?\d{1,3}(?:\*\*)?"
    r"(?:[^\n]*?(?<![^\W\d_])(?:od|from|от|жіберуші|отправитель|odesílatel)[^\S\n]*:|[^\S\n]*[（(]"
    # "— 2 марта, 21:14, от Мехринисо мама Фарруха (1:12)": the sender before the length
    r"|[^\n]*?(?<![^\W\d_])(?:od|from|от)[^\S\n]+(?=[^\n(]{2,40}\(\d{1,2}:\d{2}\)))"
    r"[^\S\n]*(?P<h>[^\n,，;–—()（）:：·]{2,40}?)[^\S\n]*(?=[,，;–—)）·]|[^\S\n]\(\d{1,2}:\d{2}\)|$)"
)
# A voice message's heading with its sender and who they are, after a dash: "**Голосовое 1** —
# Сусанна Геворковна (бабушка Давида 5Б), 24.02.2026, 1:37", "**语音2** — 喻老师（四1班），"
_MESSAGE_HEAD_DASH = re.compile(
    r"(?im)^[^\S\n]*(?:\*\*)?(?:(?P<n>\d{1,3}-))?(?:zpráva|správa|hlasová[^\S\n]+zpráva|message|voice[^\S\n]?message"
    r"|voice[^\S\n]?note|voicemail|сообщение|голосовое|хабарлама|語音|语音|消息)"
    # "**1-хабарлама** — …": Kazakh puts the number first
    r"(?(n)|[^\S\n]*№?\d{1,3})(?:\*\*)?"
    r"[^\S\n]*[—–-][^\S\n]*(?P<h>[^\n,，;–—()（）:：*·]{2,40}?[^\S\n]*[(（][^()（）\n]{2,40}[)）])"
    r"(?=[^\S\n]*[,，;–—·]|[^\S\n]*$)"
)
# A sender after its label at a line's end: "**2026 жылғы 3 наурыз**, жіберуші: Мақсаттың әжесі"
_SENDER_TAIL = re.compile(
    r"(?im)[,，;][^\S\n]*(?:жіберуші|отправитель|odesílatel|sender)[^\S\n]*:[^\S\n]*"
    r"(?P<h>[^\s,，;()（）:：*][^\n,，;()（）:：*]{1,38}?)[^\S\n]*$"
    # "… (түзетілмеген). Жіберуші: Күлпаш Әлиханның әжесі. Алушы: …": a sentence of its own
    r"|(?<=[.;][^\S\n])(?:жіберуші|отправитель|odesílatel)[^\S\n]*:[^\S\n]*"
    r"(?P<h2>[^\s,，;()（）:：*.][^\n,，;()（）:：*.]{1,38}?)(?=\.[^\S\n]+[^\W\d_]+[^\S\n]*:|\.?[^\S\n]*$)"
)
# A profile line: a display name beside its @username ("ne tvoe delo @ne_tvoe_delo_arz")
_PROFILE = re.compile(rf"(?m)^{_H}*{_LABEL}{_H}+@[A-Za-z0-9_.]{{3,30}}{_H}*$")
# A chat's header naming its group or partner: "WhatsApp Chat with Mamky 3.B", "Чат: …", "群聊：…"
_HEADER = re.compile(
    r"(?im)^[^\S\n]*(?:#+[^\S\n]*)?(?:\*\*)?(?:(?:WhatsApp|Messenger|Telegram|Viber)[^\S\n]+)?"
    r"(?:chat[^\S\n]+with|conversation[^\S\n]+with|group[^\S\n]+chat|чат|переписка[^\S\n]+с|skupina|konverzace[^\S\n]+s"
    r"|群聊名称|群聊|聊天对象|群名称?|导出人|导出者|exported[^\S\n]+by)[^\S\n]*[:：]?(?:\*\*)?[^\S\n]*(?P<h>[^\s«»\"“”„:：*][^\n«»\"“”„:：*]{1,40}?)[^\S\n]*(?:\*\*)?$"
)
# A heading that announces messages: "**Komentáře:**", "Комментарии:", "评论：", "DM (…):"
_HEADING = re.compile(
    r"(?im)^[^\S\n]*(?:[#>]+[^\S\n]*)?(?:\*\*)?[^\n]{0,40}?(?<![^\W\d_])"
    r"(?:comments?|replies|dms?|chat|messages|komentáře|komentáři|odpovědi|zprávy|skupin\w*"
    r"|комментари\w*|ответы|переписка|сообщения|пікірлер|жауаптар|хабарлар|评论区?|回复|留言|私信|聊天记录)"
    r"(?![^\W\d_])[^\n]{0,80}[:：](?:\*\*)?[^\S\n]*\n"
)
_BLOCK_LINE = re.compile(
    rf"{_H}*(?:[-•*]{_H}+)?{_LABEL}{_H}*[:：](?!\d)[^\n]*(?:\n|$)",
)
# Two senders in one line: "X 回复 Y：", "X replied to Y:", "X → Y:"
_REPLY = re.compile(
    r"^(?P<a>[^\n:：]{1,30}?)[^\S\n]+(?:回复|replied to|replying to|ответил[аи]?|odpověděl[a]?|→)"
    r"[^\S\n]+(?P<b>[^\n:：]{1,30}?)[^\S\n]*$"
)
# A log table's row: time, then a channel column saying chat, then the sender's column.
_LOG_ROW = re.compile(
    rf"(?im)^{_H}*{_STAMP}{_H}{{2,}}(?:chat|čet|чат|dm|web-?chat|онлайн-чат|聊天|网聊){_H}{{2,}}"
    rf"(?P<h>\S(?:[^\n]*?\S)?)(?={_H}{{2,}}|{_H}*$)"
)
# A site chat's system line naming the visitor by the nickname she chose: "系统：访客 晚风不吹了 进入会话"
_ZH_VISITOR = re.compile(
    r"(?:访客|用户|来访者)[^\S\n]+(?P<h>[^\s，,：:。]{2,12})[^\S\n]+"
    r"(?:进入|结束|离开|发起|加入|退出)了?(?:会话|咨询|聊天|对话)"
)
# A site chat's export, its fields one a line: the counsellor's site name ("接待：夜语-小鹿"); a
# group's owner by a nickname with a sign in it ("（群主晴天-周社工）")
_ZH_FIELD = re.compile(
    r"^(?:接待|接待人|接待员|坐席|咨询员昵称|咨询师昵称)[^\S\n]*[:：][^\S\n]*(?P<h>[^\s：:]{2,16})[^\S\n]*$"
    r"|(?<=群主)[:：]?(?P<g>(?![是为叫])[^\s，,。：:（）()]{1,10}[-_~·][^\s，,。：:（）()]{1,10})(?=[）)，,。\s]|$)",
    re.MULTILINE,
)
# A messenger export's system line naming the group: 'created group "Io – school support"',
# 'changed the subject to "…"', 'vytvořil(a) skupinu „…“', 'создал(а) группу «…»'
_GROUP_CREATED = re.compile(
    r"(?:created[^\S\n]+group|changed[^\S\n]+(?:the[^\S\n]+)?(?:group[^\S\n]+name|subject)"
    r"(?:[^\S\n]+from[^\S\n]+[\"“][^\"”\n]{1,40}[\"”])?[^\S\n]+to"
    r"|vytvořil[a]?[^\S\n]+skupinu|změnil[a]?[^\S\n]+název[^\S\n]+skupiny[^\S\n]+na"
    r"|создал[а]?[^\S\n]+группу|изменил[а]?[^\S\n]+название[^\S\n]+группы[^\S\n]+на)"
    r"[^\S\n]+[\"“„«](?P<h>[^\"“”„«»\n]{2,40})[\"”“»]"
)
# An @-mention in any script, emoji included: "@阿珍珍💅", "@Мария_К"
_MENTION = re.compile(
    r"(?<![\w@.])@(?P<h>[^\W\d_][\w.\u2600-\u27bf\U0001f000-\U0001faff\u200d\ufe0f]{1,24})"
    r"(?=[\s,，.。:：;；!！?？)）]|$)"
)
# Form fields and headings that look like a sender before a colon
_FIELDS = re.compile(
    r"(?i)^(?:re|fw|tel|phone|e-?mail|date|time|name|address|school|class|note|from|to|cc|subject"
    r"|тел|телефон|дата|адрес|школа|класс|имя|фио|тема|кому|от|datum|adresa|škola|třída|jméno|předmět"
    r"|komu|od|мекенжай|мектеп|сынып|күні|地址|电话|日期|姓名|学校|班级|时间|主题)\b"
)
_EMOJI = re.compile(r"[\u2600-\u27bf\U0001f000-\U0001faff]")
_WORDS = re.compile(r"[^\W\d_]+")
# Common words count as a writer's label; the threshold is wordfreq's Zipf value.
_COMMON = 4.0
_LIST = {"ru": "ru", "kk": "ru", "cs": "cs", "en": "en", "zh": "en"}


@functools.lru_cache(maxsize=65536)
def _common(word: str, lang: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.casefold(), lang, wordlist="best") >= _COMMON


def _made_up(label: str, language: str) -> bool:
    """Does the label look like someone's display name rather than the writer's label?"""
    if _FIELDS.match(label) or len(label.split()) > 6 or re.fullmatch(r"[\d\s()+\-.]+", label):
        return False
    if _ROLE_SPEAKER.fullmatch(label.strip()) or label.strip().casefold() in _ROLES:
        return False  # the writer's own role: "Психолог", "Counsellor", "Me"
    if _EMOJI.search(label) or re.search(r"[\d_.@#()]", label):
        return True
    words = _WORDS.findall(label)
    if not words:
        return False
    if re.search(r"[\u4e00-\u9fff]", label):
        return not re.fullmatch(r"[\u4e00-\u9fff]{0,3}(?:老师|咨询师|志愿者|接线员|社工|我)", label)
    return not all(_common(w, _LIST.get(language, "en")) for w in words)


# A webinar chat's label around its sender: "Od Jitka O. (PPP Zubří) pro všechny", "From Ann K. to
# Everyone", "Гүлшат Т. (Талдықорған) барлығына", "От Ирины для всех"; to one person when it
# names its sender with "from"
_TO_ALL = re.compile(
    r"[^\S\n]+(?:(?:pro|to|для)[^\S\n]+(?:všechny|[Ee]veryone|всех)|барлығына|всем)$"
)
_FROM_TO = re.compile(r"^(?:Od|From|От)[^\S\n]+(?P<s>.+?)(?:[^\S\n]+(?:pro|to|для)[^\S\n]+.+)?$")


def _label_span(m: re.Match[str]) -> tuple[int, int]:
    group = "h2" if m.groupdict().get("h2") else "h"
    label = m.group(group).rstrip()
    label = re.sub(r"\*+$", "", label).rstrip()
    start = m.start(group)
    if (to_all := _TO_ALL.search(label)) and to_all.start() > 0:
        label = label[: to_all.start()]
    if (sent := _FROM_TO.match(label)) is not None:
        return start + sent.start("s"), start + sent.end("s")
    return start, start + len(label)


def _timed(text: str, language: str) -> Iterator[tuple[int, int]]:
    """Senders of time-stamped lines, where one shape recurs on two lines or more."""
    for shape in _SHAPES:
        lines = list(shape.finditer(text))
        if len(lines) < 2:
            continue
        for m in lines:
            start, end = _label_span(m)
            if end > start and _made_up(text[start:end], language):
                yield start, end


def _headed(text: str, language: str) -> Iterator[tuple[int, int]]:
    """Senders of the lines under a comments, replies, DM or chat heading."""
    for head in _HEADING.finditer(text):
        pos = head.end()
        while pos < len(text):
            m = _BLOCK_LINE.match(text, pos)
            if m is None:
                break
            pos = m.end()
            start, end = _label_span(m)
            label = text[start:end]
            if _FIELDS.match(label) or len(label.split()) > 6:
                break
            reply = _REPLY.match(label)
            if reply:
                yield start + reply.start("a"), start + reply.end("a")
                yield start + reply.start("b"), start + reply.end("b")
            else:
                yield start, end


def _headers(text: str, language: str) -> Iterator[tuple[int, int]]:
    """The group or partner a chat's header names (when the name looks made up)."""
    for m in _HEADER.finditer(text):
        if _made_up(m.group("h"), language):
            yield m.span("h")


def _rows(text: str) -> Iterator[tuple[int, int]]:
    for m in _LOG_ROW.finditer(text):
        if not re.fullmatch(r"[\d\s()+\-.?]+", m.group("h")):
            yield m.start("h"), m.end("h")


# An untimed message line whose label holds an emoji: "J 💔: u home?"
_EMOJI_LINE = re.compile(
    rf"^{_H}*(?P<h>[^\s:：*\[\]<>|#][^:：\n]{{0,30}}?[\u2600-\u27bf\U0001f000-\U0001faff][^:：\n]{{0,8}}?)"
    rf"{_H}*[:：]{_H}*\S",
    re.MULTILINE,
)
# "(as Kel W 💙)", "(jako Lucka🌙)": the name someone posts under, in brackets
_POSTED_AS = re.compile(
    r"\((?:as|jako|как|под{_H}+ником){_H}+(?P<h>[^()\n]{1,30}?)\)".replace("{_H}", _H)
)


def _emoji_lines(text: str) -> Iterator[tuple[int, int]]:
    """Untimed message lines whose label holds an emoji, where that label speaks twice."""
    lines = list(_EMOJI_LINE.finditer(text))
    counts: dict[str, int] = {}
    for m in lines:
        counts[m.group("h").strip()] = counts.get(m.group("h").strip(), 0) + 1
    for m in lines:
        if counts[m.group("h").strip()] >= 2:
            yield _label_span(m)


def _posted_as(text: str, language: str) -> Iterator[tuple[int, int]]:
    for m in _POSTED_AS.finditer(text):
        label = m.group("h")
        if not label[:1].islower() and _made_up(label, language):
            yield m.span("h")


def _message_heads(text: str, language: str) -> Iterator[tuple[int, int]]:
    """Senders named in message headings, and display names beside an @username."""
    for pattern in (_MESSAGE_HEAD, _MESSAGE_HEAD_DASH, _PROFILE, _SENDER_TAIL):
        for m in pattern.finditer(text):
            start, end = _label_span(m)
            if end > start and _made_up(text[start:end], language):
                yield start, end


def _core(label: str) -> str:
    """The label without the emoji and symbols at its ends ("🖤 ellie mac 🖤" → "ellie mac")."""
    return re.sub(r"^[^\w@]+|[^\w).]+$", "", label)


def _recurring(text: str, found: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Each label found, again wherever it recurs as written (or without its emoji, when the
    rest is a name of several words or a made-up one)."""
    labels = {text[a:b] for a, b in found if b - a >= 3}
    for label in list(labels):
        core = _core(label)
        if core != label and len(core) >= 4 and (" " in core or re.search(r"[\d_.]", core)):
            labels.add(core)
    if not labels:
        return
    alternatives = "|".join(re.escape(x) for x in sorted(labels, key=len, reverse=True))
    for m in re.finditer(
        rf"(?<![0-9A-Za-zÀ-ɏЀ-ӿ_@])(?:{alternatives})(?![0-9A-Za-zÀ-ɏЀ-ӿ_])", text
    ):
        yield m.start(), m.end()


# A quoted name beside a word for an online group, channel, page or server (one word may stand
# between them: "Discord-сервере родителей «…»", "«…» деген топқа", "\"…\" Facebook group").
# Words that also name a therapy or school group count only near an online word, or when the
# name holds an emoji or a digit: "skupiny „Spolu“" and "беседа «Как не бояться экзаменов»" stay.
_ONLINE_GROUP = (
    r"паблик\w*|сообществ\w*|канал\w*|чат\w*|сервер\w*|парақша\w*|арна\w*|kanál\w*"
    r"|server\w*|chat|channel|page|community"
)
_ANY_GROUP = rf"(?:{_ONLINE_GROUP}|групп\w*|бесед\w*|топ(?:қа|та|тың|ы|ында)?|skupin\w*|group)"
_ONLINE = re.compile(
    r"(?i)facebook|whats\s?app|telegram|телеграм|vk\b|вк\b|вконтакте|instagram|инстаграм|viber"
    r"|snapchat|discord|дискорд|messenger|online|онлайн|открыт\w+|закрыт\w+|ашық|жабық|chat|чат"
    r"|tik\s?tok|тикток|youtube|reddit|přezdívk|nick|ник\b|никнейм"
)


def _quoted(group: str) -> str:
    return rf"[«„“\"](?P<{group}>[^«»„“”\"\n]{{2,40}}?)[»“”\"]"


_BETWEEN = r"(?:[^\S\n]+[^\W\d_][\w-]{2,})?"
_QUOTED_GROUP = re.compile(
    rf"(?i)(?<![^\W\d_])(?P<w>{_ANY_GROUP}){_BETWEEN}{_H}*{_quoted('h')}"
    rf"|{_quoted('k')}{_BETWEEN}{_H}+(?P<v>{_ANY_GROUP})(?![^\W\d_])"
)
_ONLINE_WORD = re.compile(rf"(?i){_ONLINE_GROUP}")


def _groups(text: str) -> Iterator[tuple[int, int]]:
    """Quoted names beside an online group word, without their quotes."""
    for m in _QUOTED_GROUP.finditer(text):
        name = "h" if m.group("h") is not None else "k"
        word = m.group("w") or m.group("v")
        around = text[max(0, m.start() - 60) : m.end() + 60]
        if (
            _ONLINE_WORD.fullmatch(word)
            or _ONLINE.search(around)
            or _EMOJI.search(m.group(name))
            or re.search(r"\d", m.group(name))
        ):
            yield m.span(name)


def find(text: str, language: str) -> list[Span]:
    """Chat senders, their recurrences, quoted group names and @-mentions in any script."""
    found = list(_timed(text, language))
    found.extend(_headed(text, language))
    found.extend(_rows(text))
    found.extend(_headers(text, language))
    found.extend(_emoji_lines(text))
    found.extend(_posted_as(text, language))
    found.extend(_message_heads(text, language))
    found.extend(m.span("h") for m in _ZH_VISITOR.finditer(text))
    found.extend(m.span("h" if m.group("h") else "g") for m in _ZH_FIELD.finditer(text))
    found.extend(m.span("h") for m in _GROUP_CREATED.finditer(text))
    found.extend(list(_recurring(text, found)))
    found.extend(_groups(text))
    out = [Span(a, b, "HANDLE", "chatline") for a, b in found if b > a]
    for m in _MENTION.finditer(text):
        out.append(Span(m.start(), m.end(), "HANDLE", "chatline"))
    return out
