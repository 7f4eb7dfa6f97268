"""Layer 1: structured identifiers, found by pattern and validated by library.

Rule: a number is an identifier when a library says it is valid (phonenumbers,
python-stdnum) or when its context says so ("паспорт", "карта №"); every other
long run of digits is left to the review as a suspicious leftover, not guessed.
Offsets always refer to the text as given: look-alike characters are normalised
in a copy of the same length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from stdnum.cn import ric
from stdnum.cz import rc
from stdnum.gb import nhs, upn
from stdnum.ru import inn
from stdnum.us import ssn

from praxishub.cases import ages as ages_mod
from praxishub.cases import places
from praxishub.cases.spans import Span

# Dashes and spaces that people type between digits: mapped one-to-one so offsets hold.
_LOOKALIKES = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\uff08": "(",
        "\uff09": ")",
        "\uff0b": "+",
    }
)

REGIONS = {
    "ru": ("RU", "KZ"),
    "kk": ("KZ", "RU"),
    "zh": ("CN",),
    "cs": ("CZ",),
    "en": ("GB", "US"),
}
ALL_REGIONS = ("RU", "KZ", "CN", "CZ", "GB", "US")


def normalise(text: str) -> str:
    """The text with dashes, spaces and full-width brackets made plain, same length."""
    return text.translate(_LOOKALIKES)


# Seven digits or more, with the separators phone numbers are written with.
_PHONE_LIKE = re.compile(r"\+?\(?\d[\d \-.()]{5,}\d")


# National helplines' numbers, which identify nobody (their long and short forms): the Russian
# children's helpline, Childline, the harmonised European 116 numbers.
_HELPLINES = frozenset({"88002000122", "08001111", "116111", "116123", "116000"})


def phones(text: str, language: str) -> Iterator[Span]:
    """Phone numbers, but national helplines' (``_HELPLINES``)."""
    for span in _phones(text, language):
        digits = re.sub(r"\D", "", text[span.start : span.end])
        if digits not in _HELPLINES:
            yield span


def _phones(text: str, language: str) -> Iterator[Span]:
    """Phone numbers valid for the language's countries (any country's, if written with +).

    phonenumbers' matcher is slow on long text, so it runs only on the lines that hold
    a run of seven digits or more.
    """
    plain = normalise(text)
    regions = REGIONS.get(language, ALL_REGIONS)
    start = 0
    for line in plain.splitlines(keepends=True):
        runs = [m for m in _PHONE_LIKE.finditer(line) if sum(ch.isdigit() for ch in m.group()) >= 7]
        found: list[tuple[int, int]] = []
        for region in regions if runs else ():
            for match in phonenumbers.PhoneNumberMatcher(
                line, region, leniency=phonenumbers.Leniency.VALID
            ):
                found.append((match.start, match.end))
                yield Span(start + match.start, start + match.end, "PHONE", "phonenumbers")
        # "(8 (708) 004 71 39)", "（18907186452）": a number in brackets, which the matcher
        # rejects for the unbalanced bracket it takes in
        for m in runs:
            if m.group().startswith("(") and not any(
                a < m.end() and m.start() < b for a, b in found
            ):
                inner = _bracketed(m.group())
                if any(_valid_phone(inner, region) for region in regions):
                    yield Span(
                        start + m.start() + 1,
                        start + m.start() + 1 + len(inner),
                        "PHONE",
                        "phonenumbers",
                    )
        start += len(line)


def _bracketed(run: str) -> str:
    """What the opening bracket of run encloses: "(8 (708) 004 71 39) 13" → "8 (708) 004 71 39"."""
    depth = 0
    for i, ch in enumerate(run):
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            return run[1:i]
    return run[1:].rstrip(")")


def _valid_phone(number: str, region: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(number, region))
    except phonenumbers.NumberParseException:
        return False


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
    r"|微信号?|QQ号?|小号|大号|微博|账号|帐号|抖音号?|快手号?|小红书号?|B站|用户名|昵称|网名|游戏名",
    re.IGNORECASE,
)
# A user name: Latin letters, digits, "_" and "."; "u/" or "@" may lead it.
_USERNAME_TOKEN = re.compile(
    r"(?<![A-Za-z0-9_@./\\-])(?:u/|@)?(?P<h>[A-Za-z][A-Za-z0-9_.-]{1,30}[A-Za-z0-9_])(?![A-Za-z0-9_@/\\-])"
)
# A nickname in quotes after its word: 昵称是“浩然不睡觉”, ник «Кот_в_сапогах».
_QUOTED_NICK = re.compile(
    r"(?:ник(?:нейм\w{0,3}|ом|а|у|е|и)?|nick(?:name)?|username|přezdívk\w*|昵称|网名|游戏名|用户名|(?<![A-Za-z])ID)"
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
# "his xbox tag is Brody Lusk 2009", "jeho přezdívka je xX Ada CZ Xx", "游戏名叫昊天 大魔王"
_SPACED_NICK = re.compile(
    r"(?<![^\W\d_])(?:ник(?:нейм\w{0,3}|ом|а|у|е|и|і)?|никі\w{0,3}|nick(?:name)?|gamertag|user\s?name|(?:xbox|psn|steam|game|gamer)\s+tag"
    r"|přezdívk\w*)(?![^\W\d_])"
    r"(?:\s+(?:je|is|was|—|–|-)\s*|\s*[:：—–-]\s*|\s+)"
    r"(?P<h>[^\s,;()（）,.。，；!?\"«»“”][^\n,;()（）。，；!?\"«»“”]{1,30}?)(?=\s*(?:[,;()（）。，；!?\n]|\.(?:\s|$)|$|\s+(?:a|and|и|и\s|мен|және)\s))"
    r"|(?:游戏)?(?:昵称|网名|游戏名|群名)(?:是|叫做?|为)?(?P<z>[^\s，。；！？、“”\"（）()][^\n，。；！？、“”\"（）()]{1,15}?)(?=[，。；！？、（）()\n]|$)"
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
    r"(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]{0,40}[a-z0-9])?\.){2,4}(?:org|com|net|info|cz|ru|kz|cn|uk|us|edu|gov)"
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
            taken.append((m.start(), m.end()))
            yield Span(m.start(), m.end(), "URL", "pattern")
    for m in _HANDLE.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            yield Span(m.start(), m.end(), "HANDLE", "pattern")
    for pattern in (_HAN_HANDLE, _UID, _CHAT_SPEAKER):
        for m in pattern.finditer(text):
            group = next((g for g in ("h", "g") if m.groupdict().get(g)), 0)
            if pattern is _CHAT_SPEAKER and _ROLE_SPEAKER.fullmatch(m.group("h")):
                continue
            if not any(a <= m.start(group) < b for a, b in taken):
                yield Span(m.start(group), m.end(group), "HANDLE", "pattern")
    for m in _REDDIT_USER.finditer(text):
        taken.append((m.start(), m.end()))
        yield Span(m.start(), m.end(), "HANDLE", "pattern")
    yield from _named_handles(text, taken)
    yield from _timed_speakers(text, taken)
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


def _iin_valid(digits: str) -> bool:
    """Kazakh IIN/BIN: 12 digits, check digit by the two weight series (no stdnum module yet)."""
    if len(digits) != 12 or not digits.isdigit():
        return False
    nums = [int(d) for d in digits]
    for weights in (range(1, 12), [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]):
        check = sum(n * w for n, w in zip(nums[:11], weights, strict=True)) % 11
        if check != 10:
            return check == nums[11]
    return False


def _snils_valid(digits: str) -> bool:
    """Russian SNILS: 9 digits and a 2-digit control number (no stdnum module yet)."""
    if len(digits) != 11 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(9, 0, -1), strict=True))
    control = total % 101
    return (0 if control == 100 else control) == int(digits[9:])


# ASCII boundaries: Python's \w matches Chinese characters, so "身份证号42010620090925153X" has none.
_DIGIT_GROUPS = re.compile(r"(?<![0-9A-Za-z])\d[\d \-/]{8,22}[\dXx](?![0-9A-Za-z])")
_UPN = re.compile(r"(?<![0-9A-Za-z])[A-Z]\d{11}[0-9A-Z](?![0-9A-Za-z])")
_SSN = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")
_PASSPORT = re.compile(r"(?<!\d)\d{2} ?\d{2} ?(?:№ ?)?\d{6}(?!\d)")
_RECORD_WORD = (
    r"(?:карт\w*|медкарт\w*|истори\w+ болезни|дел[оау]|договор\w*|протокол\w*|полис\w*|"
    r"справк\w*|свидетельств\w*|паспорт\w*|удостоверени\w*|тарих\w*|file|record|case|chart|MRN|log|"
    r"ticket|referral|ref(?:erence)?\.?|病历号?|住院号|门诊号|档案号|编号|记录号|学籍号|病案号|学号|karta|spis\w*|chorobopis\w*"
    r"|záznam\w*|[Čč]\.\s?j\.|sp\.\s?zn\.|[Ee]videnční\s+číslo|číslo\s+jednací|іс|ИБ|вх\.|исх\.|кір\.|шығ\."
    r"|(?:student|pupil|patient|hospital|client|member|case|intake)\s+(?:ID|no\.?|number|#)"
    r"|document|заключени\w*|қорытынды\w*|рег\.|регистрац\w*|тіркеу\w*|备案号)"
)
# "PCC-2291", "HZ-2024-0457", "PPP-J/0412/24": letter groups may lead the digits.
# "ВСК-48-0020917", "ЖІ-2018/0412", "2027/1187-DHO", "214/уч", "MCP8 048221/2027", "14 P 512/2026"
_RECORD_NUMBER = (
    r"(?P<n>(?:[A-ZА-ЯӘҒҚҢӨҰҮҺІ][A-ZА-ЯӘҒҚҢӨҰҮҺІа-яәғқңөұүһі]{0,4}[-/]|[A-Z]{1,4}\d{0,2} |\d{1,3} [A-Z]{1,2} ){0,2}"
    r"[A-ZА-ЯӘҒҚҢӨҰҮҺІ]{0,4}-?\d(?:[\d\-/]|[A-Z](?=\d)){1,20}\d(?:[-/][A-Za-zА-Яа-яәғқңөұүһі]{1,4}(?![\w-]))?)(?![\d\-/])"
)
# Between a label and its value: a colon, Markdown bold closing ("**邮编：** 200127"), or the
# next cell of an HTML table ("<td>Č. j.</td><td>SPC-OL-147/2026").
LABEL_END = r"\s*[:：]?\s*(?:\*\*|__)?\s*(?:</t[dh]>\s*<t[dh][^>\n]{0,40}>\s*)?"
_RECORD = re.compile(
    # "карта № 58213", "MRN 00482913", "карточка обращения № 24-01187" (one word between, then №)
    r"(?<![A-Za-zА-Яа-яЁё])"
    + _RECORD_WORD
    + r"(?:(?:\s+[^\W\d]{3,20}){0,2}\s*(?:№|#|No\.?|č\.)|\s*(?:номер|number)?(?:\s+[A-ZА-ЯЁ]{2,5}(?=\s))?)"
    + LABEL_END
    + _RECORD_NUMBER,
    re.IGNORECASE,
)
# "№ 3-14/228", "№ 01-12/448": a number after № with a dash or slash is a document's, whatever
# its label (a school's or clinic's "№ 44" has neither)
_NUMBERED = re.compile(r"№[^\S\n]*" + _RECORD_NUMBER)
# полис ОМС 7258 4300 1122 6071, č. pojištěnce 1360307058, NHS no. 6880268048: an insurance or
# health number after its label, digit groups allowed
_INSURED_NUMBER = re.compile(
    r"(?<!\w)(?:полис\w*(?:[^\S\n]+ОМС)?|č\.[^\S\n]*pojištěnce|číslo[^\S\n]+pojištěnce|NHS[^\S\n]+(?:no\.?|number)"
    r"|Medicaid[^\S\n]+(?:ID|no\.?|number)|insurance[^\S\n]+(?:ID|no\.?|number))"
    + LABEL_END
    + r"(?P<n>\d(?:[\d]|[ -](?=\d)){7,22}\d)(?!\d)",
    re.IGNORECASE,
)
# "案号：(2027)陕0113民初1474号", "收文编号2027-心-214": Chinese court and filing numbers
_ZH_CASE_NUMBER = re.compile(
    r"(?P<n>[（(]\d{4}[)）][\u4e00-\u9fff]{1,2}\d{2,6}[\u4e00-\u9fff]{1,4}\d{1,6}号"
    r"|(?<=编号)\d{2,4}-[\u4e00-\u9fff]{1,2}-\d{2,6})"
)
# "Исх. № 312", "Шығ. № 15": an outgoing or incoming letter's number, however short
_LETTER_NUMBER = re.compile(
    r"(?<!\w)(?:исх|вх|шығ|кір)\.?[^\S\n]*№[^\S\n]*(?P<n>\d{1,6}(?:[-/]\w{1,6})*)(?![\w-])", re.I
)
# "武教心〔2026〕31号": a Chinese official document's issuer, year in brackets and number
_ZH_DOCUMENT_NUMBER = re.compile(r"(?P<n>[\u4e00-\u9fff]{1,6}[〔［\[]\d{4}[〕］\]]\d{1,5})(?=号)")
# "log #CT-448217": a number after # is a record's, not a heading's (those have a space and a word)
_HASH_NUMBER = re.compile(r"(?<![\w&#])#\s?" + _RECORD_NUMBER)


def national_ids(text: str) -> Iterator[Span]:
    plain = normalise(text)
    for m in _DIGIT_GROUPS.finditer(plain):
        raw = m.group()
        digits = re.sub(r"[ \-/]", "", raw)
        valid = (
            _iin_valid(digits)
            or _snils_valid(digits)
            or (len(digits) in (10, 12) and inn.is_valid(digits))
            or (len(digits) == 18 and ric.is_valid(digits.upper()))
            or (
                len(digits) == 10
                and re.fullmatch(r"\d{3} \d{3} \d{4}", raw) is not None
                and nhs.is_valid(digits)
            )
            or (len(digits) in (9, 10) and "/" in raw and rc.is_valid(digits))
        )
        if valid:
            yield Span(m.start(), m.end(), "ID", "stdnum")
    for m in _PASSPORT.finditer(plain):
        context = plain[max(0, m.start() - 40) : m.start()].lower()
        if "паспорт" in context or "серия" in context or "passport" in context:
            yield Span(m.start(), m.end(), "ID", "pattern")
    for m in _RECORD.finditer(plain):
        if sum(ch.isdigit() for ch in m.group("n")) >= 4:
            yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for m in _NUMBERED.finditer(plain):
        number = m.group("n")
        # "№ 01-12/448", "№ ПМПК-318": a dash or slash inside, or a letter prefix before one
        if sum(ch.isdigit() for ch in number) >= 3 and re.search(
            r"\d[-/]\w|^[^\W\d_]{2,6}-\d", number
        ):
            yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for pattern in (_LETTER_NUMBER, _ZH_DOCUMENT_NUMBER):
        for m in pattern.finditer(plain):
            yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for m in _ZH_CASE_NUMBER.finditer(plain):
        yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for m in _INSURED_NUMBER.finditer(plain):
        yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for m in _HASH_NUMBER.finditer(plain):
        if sum(ch.isdigit() for ch in m.group("n")) >= 4:
            yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for m in _SSN.finditer(plain):
        if ssn.is_valid(m.group()):
            yield Span(m.start(), m.end(), "ID", "stdnum")
    for m in _UPN.finditer(plain):
        if upn.is_valid(m.group()):
            yield Span(m.start(), m.end(), "ID", "stdnum")


_MONTHS = {
    "ru": r"январ[ьяе]|феврал[ьяе]|март[ае]?|мар\.|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?"
    r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]"
    r"|янв\.|февр?\.|апр\.|авг\.|сент?\.|окт\.|нояб?\.|дек\.",
    # a final к/қ voices before a vowel ending: қыркүйек → қыркүйегінде
    "kk": r"қаңтар\w*|ақпан\w*|наурыз\w*|сәуір\w*|мамыр\w*|маусым\w*|шілде\w*|тамыз\w*"
    r"|қыркүйе[кг]\w*|қазан\w*|қараша\w*|желтоқсан\w*",
    "cs": r"ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince"
    r"|lednu|únoru|březnu|dubnu|květnu|červnu|červenci|srpnu|říjnu|prosinci"
    r"|leden|únor|březen|duben|květen|červen|červenec|srpen|říjen|listopad|prosinec",
    "en": r"January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?",
}
_MONTH = "|".join(_MONTHS.values())
_YEAR = r"(?:19|20)\d\d"
_H_DATE = r"[^\S\n]"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MON = r"(?:0?[1-9]|1[0-2])"
# The word that may follow a year: "2024 г.", "2024 года", "2024 roku"
_YEAR_WORD = r"(?:\s*(?:г\.|гг\.|года?(?!\w)|г(?!\w)|roku(?!\w)|r\.|ж\.|жыл\w*))?"
_DATE_PATTERNS = [
    # 12.03.2024, 12/03/24, 12-03-2024, 22.03
    re.compile(rf"(?<![\d.]){_DAY}[./-]{_MON}(?:[./-](?:{_YEAR}{_YEAR_WORD}|\d\d))?(?![\d]|\.\d)"),
    # US order: 2/26/2024, 06/21/2015
    re.compile(rf"(?<![\d./]){_MON}/{_DAY}/(?:{_YEAR}|\d\d)(?![\d/])"),
    # US order without a year: "on 11/22", "On 01/27" (a fraction like 3/4 is masked too: safe side)
    re.compile(rf"(?<![\d./]){_MON}/{_DAY}(?![\d/])"),
    # Czech, with spaces: 29. 12. 2011, 22. 3.
    # (on one line: "20.\n2." are two list items)
    re.compile(rf"(?<![\d.]){_DAY}\.[^\S\n]?{_MON}\.(?:[^\S\n]?{_YEAR}{_YEAR_WORD})?(?!\d)"),
    # 2024-03-12, 2024.03.12, 2024/3/12
    re.compile(rf"(?<!\d){_YEAR}[./-]{_MON}[./-]{_DAY}(?!\d)"),
    # 12 марта 2024 г., 3 мая, 12. března 2024, 3rd of March 2024, 9-е апреля, «15» апреля 2024
    re.compile(
        rf"«?(?<!\d){_DAY}(?:st|nd|rd|th|-?(?:е|го|ого|ое|м|му))?»?\.?\s*(?:of\s+)?(?:{_MONTH})(?:\s*,?\s*{_YEAR}{_YEAR_WORD})?(?!\w)",
        re.IGNORECASE,
    ),
    # March 3, 2024 / March 3rd / Oct 16, 2023
    re.compile(rf"(?<!\w)(?:{_MONTHS['en']})\s+{_DAY}(?:st|nd|rd|th)?(?:,?\s*{_YEAR})?(?!\d)"),
    # Kazakh: 2024 жылғы 4 наурызда, 12 наурыз
    re.compile(
        rf"(?<!\d)(?:{_YEAR}\s*ж(?:ылғы|ылы|ылдың|\.)?\s+)?{_DAY}\s+(?:{_MONTHS['kk']})",
        re.IGNORECASE,
    ),
    # 2024年5月12日, 5月12号, 4月3日—4日, 2027年3月2日至3日, 3月7—8日
    re.compile(
        rf"(?:{_YEAR}\s*年\s*)?{_MON}\s*月\s*{_DAY}(?:\s*[—–~～-]\s*{_DAY})?\s*[日号](?:\s*[—–~～至到-]\s*{_DAY}\s*[日号])?"
    ),
    # the first day of a span: 2–3 марта, 10.–11. 3., 12 по 14 марта, 10–11 March
    re.compile(
        rf"(?<![\d.]){_DAY}\.?\s?(?:[–—-]|по|до|to|until)\s?(?={_DAY}(?:\.\s?{_MON}\.|\.?\s*(?:{_MONTH})))",
        re.IGNORECASE,
    ),
    # March 2–3, 2027; April 25–26; Tue, Mar 2, 2027; the 8th of April
    re.compile(
        rf"(?<!\w)(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:{_MONTHS['en']})\s+{_DAY}"
        rf"(?:st|nd|rd|th)?(?:\s?[–—-]\s?{_DAY}(?:st|nd|rd|th)?)?(?:,?\s*{_YEAR})?(?!\d)"
        rf"|\bthe\s+{_DAY}(?:st|nd|rd|th)\s+of\s+(?:{_MONTHS['en']})"
    ),
]
_ZH_DAY = r"(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_DATE_PATTERNS += [
    # 05.III.2026: a Roman-numeral month
    re.compile(
        rf"(?<![\d.]){_DAY}\.(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.(?:{_YEAR})?(?![\w.])"
    ),
    # наурыздың 28-і, наурыздың 6-сы: the Kazakh month in the genitive, then the day's ordinal
    re.compile(
        rf"(?<![^\W\d_])(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)"
        rf"(?:дың|тың|ның|дің|тің|нің){_H_DATE}+{_DAY}-?(?:і|ы|сі|сы|ші|шы|нші|ншы)(?:нде|нда|не|на)?(?!\w)",
        re.I,
    ),
    # двадцать восьмого марта, шестое марта: a day in words
    re.compile(
        rf"(?<![А-Яа-яЁё])(?:двадцать[^\S\n]+|тридцать[^\S\n]+)?(?:перв|втор|трет[ьи]|четв[её]рт|пят|шест|седьм|восьм"
        rf"|девят|десят|одиннадцат|двенадцат|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат"
        rf"|восемнадцат|девятнадцат|двадцат|тридцат)(?:ое|ого|ому|ье|ьего|ьему|ем|ьем)[^\S\n]+(?:{_MONTHS['ru']})(?![а-яё])",
        re.IGNORECASE,
    ),
    # 3.22与母亲谈话: a month and day opening a line of a Chinese note
    re.compile(r"(?m)^(?:1[0-2]|[1-9])\.(?:3[01]|[12]\d|[1-9])(?=[\u4e00-\u9fff])"),
    # 三月二十八日, 三月五日: the month and day in numerals
    re.compile(rf"(?:十[一二]|[一二三四五六七八九十])月{_ZH_DAY}[日号]"),
]
YEAR = re.compile(rf"(?<!\d){_YEAR}(?!\d)")
# "BMI 14.8", "EDE-Q global 4.6", "ИМТ 15,2": a measurement, not a date
_MEASURE_BEFORE = re.compile(
    r"(?:\b(?:BMI|IQ|SDS|score|global|skóre)|ИМТ|=)[^\S\n]*[:：]?[^\S\n]*$"
)


def dates(text: str) -> Iterator[Span]:
    """Whole dates with a day and a month (and any year and its "г."/"жылғы" word).

    The span covers the year too; the engine writes the year back after the tag
    when it keeps years, so "2 апреля 2024 г." becomes "[ДАТА_1] 2024".
    """
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if not _MEASURE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                yield Span(m.start(), m.end(), "DATE", "pattern")


_AGE = re.compile(
    r"(?<!\d)(?P<n>\d{2,3})\s*(?:-?\s*(?:лет|года?|годик\w*|жаста\w*|жас\w*|岁|周岁|let|roků|rok[ůy]?"
    r"|years?(?:\s+old)?|y/?o|yrs?)\b|岁)",
    re.IGNORECASE,
)
_AGED = re.compile(
    r"\b(?:aged|age|возраст\w*|věk\w*)" + LABEL_END + r"(?P<n>\d{2,3})\b"
    # "who is 90", "she turned 91", "je jí 92", "ей 93": a person's age without its unit
    r"|(?:\b(?:who|she|he|they)(?:\s+is|\s+was|'s|\s+turned|\s+turns)|\bturn(?:ed|ing|s)"
    r"|\bje\s+(?:mu|jí|jim)|\b(?:mu|jí)\s+je|(?<!\w)(?:ей|ему|им)\s+(?:уже\s+)?(?:исполнилось\s+)?)"
    r"\s+(?P<m>\d{2,3})(?![\d/%]|[.,]\d)(?!\s*(?:%|points?|mg|kg|min|balů|bodů|баллов))",
    re.IGNORECASE,
)


# "Ruth Walsh, 93, lived", "(June Palmer, 96)", "Jean Reid (91)", "Nan is 90": a number over 89
# just after a name, between commas or in brackets, or after a name and "is"
_AGE_AFTER_NAME = re.compile(
    r"(?<=[A-Za-zÀ-žА-Яа-яЁё])(?:,\s|\s\(|\s+is\s+)(?P<n>9\d|1[01]\d)(?=\s*[,)]|\s+[\"“(–-])"
)


def ages(text: str) -> Iterator[Span]:
    for m in _AGE_AFTER_NAME.finditer(text):
        before = re.search(
            r"([A-ZА-ЯЁ][a-zà-žа-яё]+)\W*$", text[max(0, m.start() - 30) : m.start() + 1]
        )
        if before:
            yield Span(m.start("n"), m.end("n"), "AGE", "pattern")
    for m in _AGE.finditer(text):
        if int(m.group("n")) > 89:
            yield Span(m.start(), m.end(), "AGE", "pattern")
    for m in _AGED.finditer(text):
        group = "n" if m.group("n") else "m"
        if int(m.group(group)) > 89:
            yield Span(m.start(group), m.end(group), "AGE", "pattern")
    yield from ages_mod.in_words(text)
    yield from ages_mod.in_columns(text)


def find(text: str, language: str, keep_year: bool = True) -> list[Span]:
    """Every structured identifier in text (overlaps are joined later)."""
    found: list[Span] = []
    found.extend(phones(text, language))
    found.extend(web(text))
    found.extend(national_ids(text))
    found.extend(dates(text))
    found.extend(ages(text))
    found.extend(places.find(text))
    return found


_LONG_DIGITS = re.compile(r"(?<!\d)\d[\d\s\-–—]{4,}\d(?!\d)")


def leftovers(text: str) -> Iterator[tuple[int, int, str]]:
    """What a reviewer must look at after masking: digit runs, @, links (pattern, no model)."""
    for m in _LONG_DIGITS.finditer(text):
        if sum(ch.isdigit() for ch in m.group()) >= 6:
            yield m.start(), m.end(), "6+ digits"
    for m in re.finditer(r"@|https?:|www\.", text):
        yield m.start(), m.end(), "link or @"
    # What user names look like even without an @: "lvicek_x", "gr4ce_notes", "dauka07".
    for m in _USERNAME.finditer(text):
        yield m.start(), m.end(), "looks like a user name"
    # A numbered school, clinic or group the engine did not mask: "№ 9 қалалық емхана".
    for m in re.finditer(r"№\s*\d+", text):
        yield m.start(), m.end(), "a numbered place"


_USERNAME = re.compile(
    r"(?<![\w@.\-])(?:[A-Za-z][A-Za-z0-9.]*_[A-Za-z0-9_.]*[A-Za-z0-9]|[a-z]{3,}\d{2,}[a-z_]*|[a-z]{2,}\.[a-z]{2,}\d*\b(?!\.\w))(?![\w@\-])"
)
