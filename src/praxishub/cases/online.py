"""Layer 1, continued: web addresses, e-mail addresses and user names, by pattern.

Rule: a link, an e-mail address or an @-handle is found by its shape; a user name
written without an @ counts only where its context announces one (an account or
platform word, a quoted nickname after its word, a chat log's speaker, a group
named in quotes after its word), so ordinary words are not taken for user names.
``structured.find`` runs ``web`` with the other structured identifiers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}", re.UNICODE)
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'«»)\]]+"
    r"|\b(?:vk\.com|t\.me|instagram\.com|facebook\.com|fb\.com|ok\.ru|tiktok\.com|youtube\.com"
    r"|weibo\.com|x\.com|twitter\.com|linkedin\.com)/[^\s<>\"'«»)\]]+",
    re.IGNORECASE,
)
# ASCII look-behind: Python's \w matches Chinese characters, and "账号@linyue" is a handle.
_HANDLE = re.compile(r"(?<![A-Za-z0-9_@.])@[A-Za-z0-9_][A-Za-z0-9_.]{2,31}(?<!\.)")
# A reddit user: "u/quiet_fox_22" (r/ names a forum, not a person).
_REDDIT_USER = re.compile(r"(?<![A-Za-z0-9_/.])u/[A-Za-z0-9_-]{3,20}(?![A-Za-z0-9_/-])")
# A word that says a user name follows: an account or nickname word, or a platform's name in any
# case ("na Discordu", "Инстаграмдағы", "小红书号").
_HANDLE_WORD = re.compile(
    r"(?<![^\W\d_])(?:ник(?:нейм\w{0,3}|ом|а|у|е|и)?|логин\w{0,3}|аккаунт\w{0,3}|парақша\w*|профил\w*"
    r"|username|user name|handle|nick(?:name)?|account|profile|gamertag|účet|účtu|účtem|profil\w*"
    r"|přezdívk\w*|telegram\w*|телеграм\w*|instagram\w*|инстаграм\w*|tiktok\w*|тикток\w*|snapchat\w*"
    r"|discord\w*|дискорд\w*|twitch\w*|roblox\w*|pinterest\w*|xbox\w*|steam\w*|skype\w*|reddit\w*|twitter|vk|вк"
    r"|вконтакте|youtube\w*|ютуб\w*|акк|акка\w*|акку\w*|инст[аыуеой]\w*|insta\w*|acct|ucet|uctu|uživatel\w*"
    r"|uzivatel\w*|user)(?![^\W\d_])"
    r"|微信号?|QQ号?|小号|大号|微博|账号|帐号|抖音号?|快手号?|小红书号?|B站|用户名|昵称|网名|游戏名"
    r"|(?-i:LINE)(?:[^\S\n]?ID)?|(?-i:Line[^\S\n]ID)",
    re.IGNORECASE,
)
# A user name: Latin letters, digits, "_" and "."; "u/" or "@" may lead it.
_USERNAME_TOKEN = re.compile(
    r"(?<![A-Za-z0-9_@./\\-])(?:u/|@)?(?P<h>[A-Za-z][A-Za-z0-9_.-]{1,30}[A-Za-z0-9_])(?![A-Za-z0-9_@/\\-])"
)
# A nickname in quotes after its word: 昵称是“浩然不睡觉”, ник «Кот_в_сапогах», 微信备注名是"馨馨外婆".
_QUOTED_NICK = re.compile(
    r"(?:ник(?:нейм\w{0,3}|ом|а|у|е|и)?|nick(?:name)?|username|přezdívk\w*|昵称|网名|游戏名|用户名|备注名|微信名"
    r"|(?<![A-Za-z])ID)"
    r"[^\n\"“«„「]{0,12}?[\"“«„「](?P<h>[^\"”»“「」\n]{2,30})[\"”»“」]",
    re.IGNORECASE,
)
# Words that also have other senses ("risk profile: Low"): only a made-up name follows them.
_GENERIC_HANDLE_WORD = re.compile(
    r"account|profile|профил\w*|profil\w*|účet|účtu|účtem|парақша\w*|handle", re.I
)
# A Chinese user name after "@" (微博@德胜六一吃瓜群众), and a numeric user id (B站UID 48291736)
# (it ends before the verb that often follows it: 转发, 发帖, 评论 ...)
_HAN_HANDLE = re.compile(
    r"(?<![A-Za-z0-9_.@])@[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9_]{1,20}?"
    r"(?=转发|发帖|发布|发了|评论|回复|留言|私信|点赞|关注|[^\u4e00-\u9fffA-Za-z0-9_]|$)"
)
_UID = re.compile(
    r"(?<![A-Za-z])UID\s*[:：]?\s*(?P<h>\d{5,12})(?!\d)"
    # 账号欣怡Cindy_zy: an account word, then a user name that starts in characters
    r"|(?:账号|帐号|昵称|网名|用户名)[：:]?(?P<g>[\u4e00-\u9fff]{1,4}[A-Za-z][A-Za-z0-9_.]{2,30})(?<!\.)"
    # a WeChat or QQ number read out, letter by letter and in digit words: 微信号是h j b 八八六六
    r"|(?:微信号?|QQ号?)[：:是为][^\S\n]*(?P<s>[A-Za-z](?:[^\S\n]?[A-Za-z0-9_零〇一二三四五六七八九幺两]){3,24})"
    r"(?<=[0-9零〇一二三四五六七八九幺两])"
)
# The speaker of a line in a pasted chat log: "[19:02] kuba_2015cz:", "[7:02 PM] 凯文Kevin2015："
_CHAT_SPEAKER = re.compile(
    r"^\[\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?\]\s*(?P<h>[^\s:：\[\]]{2,30})[:：]",
    re.MULTILINE,
)
# A chat log's speaker that is a role, not a user name: "Психолог:", "Counsellor:", "心理老师："
_ROLE_SPEAKER = re.compile(
    r"(?i:(?:school\s)?(?:counsel+or|psycholog\w*|psycholožka|therapist|terapeut\w*|volunteer|operator|moderator"
    r"|admin|психолог|консультант|оператор|модератор|кеңесші|волонтер|волонтёр)|[\u4e00-\u9fff]{0,2}(?:老师|咨询师|志愿者|接线员))"
)
# Words that may stand between a platform's name and a user name, never user names themselves.
_NOT_USERNAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "as",
        "is",
        "was",
        "his",
        "her",
        "their",
        "my",
        "same",
        "group",
        "plays",
        "play",
        "posts",
        "post",
        "on",
        "at",
        "in",
        "and",
        "or",
        "of",
        "user",
        "name",
        "named",
        "called",
        "account",
        "profile",
        "handle",
    ]
)
_CLAUSE_END = re.compile(r"[\n!?;。！？；]|\.(?:\s|$)")
# A chat log's speaker after a bare time at the line's start: "21:47  danila_fil_off: ...",
# "9:47 PM  Mr. Alvarez - Counseling: ...", "21:47  航 不 回 头：..." (display names may hold
# spaces; one counts when it looks made up or speaks on two lines or more).
_TIMED_SPEAKER = re.compile(
    r"^\[?\d{1,2}:\d{2}(?::\d{2})?(?:[^\S\n]?[AaPp]\.?[Mm]\.?)?\]?[^\S\n]+"
    r"(?P<h>[^\s:：\[\]<>|*#][^\n:：\[\]<>|*#]{0,38}?)[^\S\n]*[:：]",
    re.MULTILINE,
)
# A group, channel, clan or squad named in quotes after its word (or, in Kazakh, before it):
# клан «Стальные Ежи», v týmu „Hanáčtí Orli“, Telegram channel "LKSU Leaks 18+", QQ群“…”
_GROUP_WORD = (
    r"(?:клан\w*|канал\w*|чат\w*|паблик\w*|сервер\w*|кланы|арна\w*|топ(?:қа|та|ы|ында)?"
    r"|clan|squad|server|channel|group chat|chat group|guild|tým\w*|kanál\w*|klan\w*|chat\w*"
    r"|(?:uzavřen|soukrom|tajn)\w+[^\S\n]+skupin\w*"
    r")"
)
_ZH_GROUP_WORD = r"(?:QQ|微信)群|战队|频道|公会|群聊"
_QUOTED_GROUP = re.compile(
    rf"(?:(?<![^\W\d_]){_GROUP_WORD}(?![^\W\d_])|{_ZH_GROUP_WORD})[^\S\n]*(?:[,—–-][^\S\n]*)?(?:(?:called|named|s\s+názvem|под\s+названием|叫做?|名为|是)[^\S\n]*)?[\"“«„「](?P<h>[^\"”»“「」„\n]{{2,40}})[\"”»“」]"
    rf"|[«\"“„](?P<k>[^\"”»“„«\n]{{2,40}})[»\"”“][^\S\n]+(?:жабық[^\S\n]+)?(?:арна|топ|чат)\w*",
    re.IGNORECASE,
)
# A nickname or game tag written with spaces after its word: "его ник Кирюха Мезень 2009",
# "his xbox tag is Brody Lusk 2009", "jeho přezdívka je xX Ada CZ Xx", "游戏名叫昊天 大魔王",
# "游戏里叫浩气长存丶"
_SPACED_NICK = re.compile(
    r"(?<![^\W\d_])(?:ник(?:нейм\w{0,3}|ом|а|у|е|и|і)?|никі\w{0,3}|nick(?:name)?|gamertag|user\s?name|(?:xbox|psn|steam|game|gamer)\s+tag"
    r"|přezdívk\w*)(?![^\W\d_])"
    r"(?:\s+(?:je|is|was|—|–|-)\s*|\s*[:：—–-]\s*|\s+)"
    r"(?P<h>[^\s,;()（）,.。，；!?\"«»“”][^\n,;()（）。，；!?\"«»“”]{1,30}?)(?=\s*(?:[,;()（）。，；!?\n]|\.(?:\s|$)|$|\s+(?:a|and|и|и\s|мен|және)\s))"
    r"|(?:(?:游戏)?(?:昵称|网名|游戏名|群名)(?:是|叫做?|为)?|(?:在)?游戏[里中](?:的名字)?叫做?)(?P<z>[^\s，。；！？、“”\"（）()][^\n，。；！？、“”\"（）()]{1,15}?)(?=[，。；！？、（）()\n]|$)"
    r"|(?:QQ)?群号(?:是|为)?[:：]?\s*(?P<q>\d{5,12})(?!\d)",
    re.IGNORECASE,
)


def _spaced_nicks(text: str, taken: list[tuple[int, int]]) -> Iterator[Span]:
    for m in _SPACED_NICK.finditer(text):
        group = next(g for g in ("h", "z", "q") if m.group(g))
        value = m.group(group)
        if group == "h":
            words = value.split()
            if len(words) > 5 or value.casefold() in _NOT_USERNAMES:
                continue
            # each word made up or capitalised: "xX", "Ada", "CZ", "2009", "BEKA_killer"
            if not all(re.search(r"[\d_.A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]", w) for w in words):
                continue
            if len(words) == 1 and not re.search(r"[\d_.]", value):
                continue
        # a user name found already may be only the tag's first word ("Kornil_TANK 08")
        if not any(a <= m.start(group) and m.end(group) <= b for a, b in taken):
            yield Span(m.start(group), m.end(group), "HANDLE", "pattern")


# A messenger export's sender on a line of its own above the timed messages (Telegram's
# export copied as text): "Гульнара Рашитовна психолог⏎18:05 Бермет Нурлановна, …"
_SENDER_ABOVE = re.compile(
    r"^(?P<h>[^\W\d_][^\n:：\[\]<>|*#]{2,40}?)[^\S\n]*\n(?=\[?\d{1,2}:\d{2}(?::\d{2})?\]?[^\S\n])",
    re.MULTILINE,
)


def _senders_above(text: str, taken: list[tuple[int, int]]) -> Iterator[Span]:
    """A sender heading two or more blocks of timed messages, with two capitalised words and
    no more than four, is a user name everywhere the note writes it ("Экспорт: Гульнара
    Рашитовна психолог"); a role alone ("Консультант") is no user."""
    counts: dict[str, int] = {}
    for m in _SENDER_ABOVE.finditer(text):
        counts[m.group("h")] = counts.get(m.group("h"), 0) + 1
    for name, count in counts.items():
        words = name.split()
        if count < 2 or not 2 <= len(words) <= 4 or sum(w[:1].isupper() for w in words) < 2:
            continue
        if _ROLE_SPEAKER.fullmatch(name):
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(a <= m.start() < b for a, b in taken):
                yield Span(m.start(), m.end(), "HANDLE", "pattern")


def _timed_speakers(text: str, taken: list[tuple[int, int]]) -> Iterator[Span]:
    matches = [m for m in _TIMED_SPEAKER.finditer(text)]
    counts: dict[str, int] = {}
    for m in matches:
        counts[m.group("h")] = counts.get(m.group("h"), 0) + 1
    for m in matches:
        name = m.group("h").strip()
        if _ROLE_SPEAKER.fullmatch(name) or len(name.split()) > 4:
            continue
        if counts[m.group("h")] < 2 and not re.search(r"[\d_.]", name):
            continue
        if not any(a <= m.start("h") < b for a, b in taken):
            yield Span(m.start("h"), m.start("h") + len(name), "HANDLE", "pattern")


def _quoted_groups(text: str, taken: list[tuple[int, int]]) -> Iterator[Span]:
    for m in _QUOTED_GROUP.finditer(text):
        group = "h" if m.group("h") else "k"
        if not any(a <= m.start(group) < b for a, b in taken):
            yield Span(m.start(group), m.end(group), "HANDLE", "pattern")


# A web address written without its scheme: "sweetlife-prikamye.example.org", "tatti-omir.example.org"
_BARE_DOMAIN = re.compile(
    r"(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]{0,40}[a-z0-9])?\.){2,4}(?:org|com|net|info|cz|sk|ru|kz|ua|cn|uk|ie|us|ca|au|nz|edu|gov|io|me|app)"
    r"(?:/[^\s<>\"'«»)\]，。]*)?(?![\w@-])"
)


def web(text: str) -> Iterator[Span]:
    taken: list[tuple[int, int]] = []
    for m in _URL.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?":
            end -= 1
        taken.append((m.start(), end))
        yield Span(m.start(), end, "URL", "pattern")
    for m in _EMAIL.finditer(text):
        taken.append((m.start(), m.end()))
        yield Span(m.start(), m.end(), "EMAIL", "pattern")
    for m in _BARE_DOMAIN.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            end = m.end()
            while text[end - 1] in ".,;:!?":
                end -= 1
            taken.append((m.start(), end))
            yield Span(m.start(), end, "URL", "pattern")
    for m in _HANDLE.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            yield Span(m.start(), m.end(), "HANDLE", "pattern")
    for pattern in (_HAN_HANDLE, _UID, _CHAT_SPEAKER):
        for m in pattern.finditer(text):
            group = next((g for g in ("h", "g", "s") if m.groupdict().get(g)), 0)
            if pattern is _CHAT_SPEAKER and _ROLE_SPEAKER.fullmatch(m.group("h")):
                continue
            if not any(a <= m.start(group) < b for a, b in taken):
                yield Span(m.start(group), m.end(group), "HANDLE", "pattern")
    for m in _REDDIT_USER.finditer(text):
        taken.append((m.start(), m.end()))
        yield Span(m.start(), m.end(), "HANDLE", "pattern")
    yield from _named_handles(text, taken)
    yield from _timed_speakers(text, taken)
    yield from _senders_above(text, taken)
    yield from _quoted_groups(text, taken)
    yield from _spaced_nicks(text, taken)


def _named_handles(text: str, taken: list[tuple[int, int]]) -> Iterator[Span]:
    """User names written without an @, after a word that announces one.

    In the clause after the word ("Telegram: lena.k", "na Discordu jako lukyz_24",
    "Instagram account is gracie.w10"), the first Latin token counts if it looks made up
    (a digit, "_" or "." inside) or comes straight after a colon or dash; a quoted
    nickname after its word counts as written.
    """
    for m in _QUOTED_NICK.finditer(text):
        if not any(a <= m.start("h") < b for a, b in taken):
            yield Span(m.start("h"), m.end("h"), "HANDLE", "pattern")
    for word in _HANDLE_WORD.finditer(text):
        end = _CLAUSE_END.search(text, word.end(), word.end() + 60)
        stop = end.start() if end else min(len(text), word.end() + 60)
        # a token that starts inside the window may run past it ("… s uživatelem stin_lesa42")
        reach = stop if end else min(len(text), stop + 32)
        for token in _USERNAME_TOKEN.finditer(text, word.end(), reach):
            if token.start() >= stop:
                break
            name = token.group("h")
            between = text[word.end() : token.start()]
            announced = re.fullmatch(r"\s*[:：\-—–]\s*[*_]{0,2}\s*", between) is not None
            announced = announced and not _GENERIC_HANDLE_WORD.fullmatch(word.group())
            if any(a <= token.start() < b for a, b in taken):
                break
            if name.casefold() in _NOT_USERNAMES:
                continue
            if re.search(r"[\d_.]", name) or announced or token.group().startswith(("@", "u/")):
                taken.append((token.start(), token.end()))
                yield Span(token.start(), token.end(), "HANDLE", "pattern")
                break
