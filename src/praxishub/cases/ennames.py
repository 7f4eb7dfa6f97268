"""English person names that the capitalised-word layers miss (round 11b).

Rule: a word is taken for a name only where its place in the sentence says so, never because
it is on a list alone. The places are the ones case notes, chat logs and voicemail
transcripts give names: after a kinship or role word ("my husband tomek", "mr hoang",
"Ex-partner KR"), after a greeting or a request in a chat ("yo bray", "tell jaz to"), and at
a sentence's start as the subject of a verb ("Mateo lives with…", "Gracie's mum…"). The word
itself must look like a name: a known first name that is no very common word, or a word
``wordfreq`` hardly knows; after a kinship word or a title, a first name of the families'
own languages too (Vietnamese, Pakistani, East African, Indonesian, Hausa, Zulu, Uzbek: "his
mum lan", "his cousin bảo"; a word with Vietnamese letters only if it is such a name, so "cụ"
stays). Lower-case names found so recur lower-case in the same chat, so their recurrences are
masked too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases import ner
from praxishub.cases.spans import Span
from praxishub.cases.wordlists import allowed

SOURCE = "r11b-names"

_KIN = (
    r"mum|mom|mommy|mummy|mama|momma|mother|dad|daddy|papa|father|stepdad|stepmum|stepmom"
    r"|brother|sister|bro|sis|cousin|aunt|auntie|aunty|uncle|nan|nana|nanna|gran|granny|grandma"
    r"|grandad|granddad|grandpa|grandmother|grandfather|husband|wife|partner|ex|boyfriend"
    r"|girlfriend|bf|gf|friend|mate|bestie|son|daughter|niece|nephew|neighbour|neighbor|tia|tio"
    r"|abuela|abuelo|stepbrother|stepsister|babysitter|roommate|flatmate"
)
_TITLE = r"mr|mrs|ms|miss|mx|dr|coach|sir|nurse|officer|pastor|counselor|counsellor|teacher"
# "my husband tomek", "their mama crystal", "ms uh okafor": a lower-case word after one of them.
_AFTER_KIN = re.compile(
    rf"\b(?P<cue>{_KIN}|{_TITLE})\.?[^\S\n]+(?:(?:uh|um|er|erm)[,.]?[^\S\n]+)?"
    r"(?P<n>[a-zà-ÿ\u0101-\u017f\u1ea1-\u1ef9][a-zà-ÿ\u0101-\u017f\u1ea1-\u1ef9'’-]{1,19})\b",
    re.IGNORECASE,
)
# "yo bray u good", "tell jaz to come home", "ask for ray": a chat's vocatives and requests.
_GREETING = re.compile(
    # (a filler may come first: "ok thx mika", "lol thanks bec")
    r"(?:^|[:>\]](?:\*\*)?[^\S\n]*|[.!?][^\S\n]+)(?:(?:ok|okay|k|kk|lol|haha|aw+|omg)[,.]?[^\S\n]+)?"
    r"(?:yo|hey|hi|hiya|oi|heyy|hii|thanks|thx|ty)[^\S\n]+"
    r"(?P<n>[a-z][a-z'-]{1,14})(?=[^\S\n]*(?:[,!?.]|$)|[^\S\n]+(?:u|you|r|are|im|i|ur)\b)",
    re.MULTILINE | re.IGNORECASE,
)
_REQUEST = re.compile(
    r"\b(?:tell|ask|let|told|asked)[^\S\n]+(?P<n>[a-z][a-z'-]{1,14})[^\S\n]+(?:to|that)\b"
    r"|\bask(?:ed)?[^\S\n]+for[^\S\n]+(?P<m>[a-z][a-z'-]{1,14})\b",
    re.IGNORECASE,
)
# Two capital initials after a kinship or role word, or a nickname cue: "Ex-partner KR".
_INITIALS = re.compile(
    rf"\b(?:{_KIN}|{_TITLE}|call|calls|called|nicknamed)[^\S\n]+[\"“]?(?P<n>[A-Z]{{2}})(?![\w.])"
)
# A sentence's first word and what follows it: a verb, a possessive, or an age.
_OPENER = re.compile(
    r"(?:^|(?<=[.!?:;>*])[^\S\n]+[\"“]?|(?<=\s)[\"“]|(?<=\n))(?:[^\S\n]*(?:[-*•>]|\d{1,2}[.)])[^\S\n]+)?"
    r"(?:\*\*|__)?(?P<n>[A-Z][a-z]{1,14})(?P<after>['’]s[^\S\n]+[a-z]|[^\S\n]+[a-z]+\b"
    r"|,[^\S\n]+\d{1,2}[^\S\n]+(?:years?|yrs|months?)\b)",
    re.MULTILINE,
)
# A form's kinship or nickname label and its list of names: "Siblings: Zuzia, Year 4".
_KIN_LABEL = re.compile(
    r"\b(?:Siblings?|Brothers?|Sisters?|Known as|Nicknames?|Preferred name|Also called|Signed|"
    r"Signature|Completed by|Prepared by)[^\S\n]*:[^\S\n]*(?P<rest>[^\n]{1,80})"
)
_ITEM = re.compile(
    r"(?:^|[,;][^\S\n]*)[\"“]?(?P<n>[A-Z][a-z]+|[A-Z]{2,3}|[A-Z][A-Z][a-z]{3,})[\"”]?(?=[\s,;(]|$)"
)
# After a found name: hyphenated initials or a generation ("Tobi A-C", "J. Okafor Sr.").
_NAME_TAIL = re.compile(
    r"[^\S\n]+(?:[A-Z]\.?-[A-Z]\.?(?![\w-])|(?:Sr|Jr|Snr|Jnr)\.?(?!\w)|(?![AI]\b)[A-Z](?=[\"”)]))"
)
_VERBS = frozenset(
    [
        "is",
        "was",
        "has",
        "had",
        "said",
        "says",
        "told",
        "tells",
        "lives",
        "lived",
        "asked",
        "asks",
        "answered",
        "sent",
        "did",
        "does",
        "tries",
        "tried",
        "wants",
        "wanted",
        "felt",
        "feels",
        "reports",
        "reported",
        "attends",
        "attended",
        "went",
        "goes",
        "came",
        "comes",
        "refused",
        "refuses",
        "cried",
        "became",
        "seemed",
        "seems",
        "recognised",
        "recognized",
        "drew",
        "likes",
        "loves",
        "enjoys",
        "struggles",
        "got",
        "gets",
        "stayed",
        "stays",
        "joined",
        "left",
        "returned",
        "spoke",
        "speaks",
        "mentioned",
        "agreed",
        "presented",
        "appeared",
        "disclosed",
        "denied",
        "admitted",
        "shared",
        "talked",
        "began",
        "started",
        "continues",
        "remains",
        "needs",
        "missed",
        "made",
        "took",
        "showed",
        "described",
        "wrote",
        "posts",
        "posted",
        "uses",
        "used",
        "sat",
        "sits",
        "walked",
        "arrived",
        "ran",
        "hit",
        "kept",
        "keeps",
        "knows",
        "knew",
        "thinks",
        "thought",
        "spends",
        "spent",
        "plays",
        "played",
        # what a note says a child or a parent did, beside the verbs of saying
        "rang",
        "rings",
        "phoned",
        "called",
        "texted",
        "messaged",
        "emailed",
        "prays",
        "prayed",
        "smiled",
        "laughed",
        "helped",
        "helps",
        "translated",
        "interpreted",
        "visited",
        "visits",
        "saw",
        "sees",
        "met",
        "works",
        "worked",
        "sleeps",
        "slept",
        "moved",
        "shouted",
        "screamed",
        "hid",
        "hides",
        "waited",
        "brought",
        "brings",
        "hugged",
        "kicked",
        "punched",
        "pushed",
        "threatened",
        "explained",
        "explains",
        "confirmed",
        "shrugged",
        "nodded",
        "drives",
        "drove",
        "looks",
        "looked",
        "whispered",
        "sang",
        "sings",
    ]
)
_COMMON = 4.0  # a Zipf frequency at or above it: a word used as a word as often as a name
_RARE = 2.0  # below it: a word English hardly has, so a coined or foreign name
_NOT_NAMES = frozenset(
    [
        "the",
        "and",
        "but",
        "his",
        "her",
        "him",
        "its",
        "our",
        "your",
        "their",
        "this",
        "that",
        "they",
        "them",
        "she",
        "he",
        "you",
        "who",
        "what",
        "was",
        "were",
        "are",
        "has",
        "had",
        "have",
        "not",
        "all",
        "any",
        "one",
        "two",
        "can",
        "may",
        "might",
        "must",
        "just",
        "very",
        "much",
        "some",
        "yes",
        "okay",
        "ok",
        "lol",
        "omg",
        "idk",
        "rn",
        "tho",
        "pls",
        "plz",
        "bc",
        "cuz",
    ]
)


@functools.lru_cache(maxsize=50_000)
def zipf(word: str) -> float:
    """wordfreq's English Zipf frequency of the word (0 for words it does not know)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


# Origins English-speaking schools' pupils come from beyond the engine's own locales
# (Mexican, Nigerian, Filipino, Italian, Brazilian, French, German and Turkish first names).
_MORE_LOCALES = (
    "es_MX",
    "yo_NG",
    "tl_PH",
    "it_IT",
    "pt_BR",
    "fr_FR",
    "de_DE",
    "tr_TR",
)
# The families of the programmes' English notes: Vietnamese, Pakistani, East African,
# Indonesian, Hausa, Zulu and Uzbek first names, read only after a kin word or a title ("his
# mum lan", "his cousin bảo"): elsewhere some are places ("in malak") or words
_FAMILY_LOCALES = (
    "vi_VN",
    "en_PK",
    "en_KE",
    "sw",
    "id_ID",
    "ha_NG",
    "zu_ZA",
    "uz_UZ",
)


@functools.cache
def first_names() -> frozenset[str]:
    """The engine's English first names, with those of the locales above."""
    return frozenset(ner.latin_names("en", first_only=True)) | _locale_names(_MORE_LOCALES)


@functools.cache
def family_first_names() -> frozenset[str]:
    """First names, with those of the families' own languages (after a kin word only)."""
    return first_names() | _locale_names(_FAMILY_LOCALES)


def _locale_names(locales: tuple[str, ...]) -> frozenset[str]:
    from faker import Faker

    names: set[str] = set()
    for locale in locales:
        person = Faker(locale).provider("faker.providers.person")
        for attr in ("first_names", "first_names_male", "first_names_female"):
            names.update(n.casefold() for n in getattr(person, attr, ()) or () if len(n) > 2)
    return frozenset(names)


def name_like(
    word: str, common: float = _COMMON, rare: float = _RARE, names: frozenset[str] | None = None
) -> bool:
    """A known first name that is not a very common word, or a word English hardly has
    (rarer than rare: a cue before the word lets a less rare one count); a word with
    Vietnamese letters only if it is a first name ("bảo", not "cụ")."""
    folded = word.casefold().rstrip("'’")
    names = first_names() if names is None else names
    if re.search("[\u1ea0-\u1ef9]", folded):
        return folded in names  # "cụ" (great-grandparent) is a word, "bảo" a name
    if len(folded) < 2 or folded in _NOT_NAMES or not folded.isalpha():
        return False
    if len(folded) > 4 and folded.endswith(("ed", "ing", "ly")) and folded not in names:
        return False  # "Mum messaged", "partner signposted": a verb or an adverb
    if re.fullmatch(rf"{_KIN}|{_TITLE}", folded):
        return False
    frequency = zipf(folded)
    return (folded in names and frequency < common) or frequency < rare


def _lower_after_cues(text: str) -> Iterator[Span]:
    for m in _AFTER_KIN.finditer(text):
        word = m.group("n")
        if not word.islower():
            continue
        title = m.group("cue").casefold() in _TITLE.split("|")
        if name_like(
            word,
            common=5.0 if not title else 4.5,
            rare=3.0 if not title else 3.5,
            names=family_first_names(),
        ):
            yield Span(m.start("n"), m.end("n"), "PERSON", SOURCE)
    for pattern in (_GREETING, _REQUEST):
        for m in pattern.finditer(text):
            group = "m" if pattern is _REQUEST and m.group("m") else "n"
            word = m.group(group)
            if word.islower() and name_like(word, common=5.0, rare=3.5):
                yield Span(m.start(group), m.end(group), "PERSON", SOURCE)


def _initials(text: str) -> Iterator[Span]:
    for m in _INITIALS.finditer(text):
        yield Span(m.start("n"), m.end("n"), "PERSON", SOURCE)


def _openers(text: str) -> Iterator[Span]:
    for m in _OPENER.finditer(text):
        word, after = m.group("n"), m.group("after")
        folded = word.casefold()
        if zipf(folded) >= _COMMON or allowed(word):
            continue
        follower = after.strip().split()[0].casefold() if after.strip() else ""
        # the subject of a verb may bear a first name of the families' own languages too
        # ("Hamza prays at the mosque"); a possessive or an age, only an English one
        names = family_first_names() if follower in _VERBS else None
        if not name_like(word, names=names):
            continue
        if after[0] in "'’" or after.startswith(",") or follower in _VERBS:
            yield Span(m.start("n"), m.end("n"), "PERSON", SOURCE)


def _labelled(text: str) -> Iterator[Span]:
    for m in _KIN_LABEL.finditer(text):
        offset = m.start("rest")
        for item in _ITEM.finditer(m.group("rest")):
            word = item.group("n")
            if word.isupper() or re.fullmatch(r"[A-Z][A-Z][a-z]{3,}", word):
                ok = word.isupper() or zipf(word[1:].casefold()) < _COMMON
            else:
                ok = name_like(word, rare=3.0) and not allowed(word)
            if ok:
                yield Span(offset + item.start("n"), offset + item.end("n"), "PERSON", SOURCE)


def _tails(text: str, found: list[Span]) -> Iterator[Span]:
    for s in found:
        if s.kind == "PERSON":
            m = _NAME_TAIL.match(text, s.end)
            if m:
                yield Span(s.start, m.end(), "PERSON", SOURCE)


_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _recurrences(text: str, spans: list[Span]) -> Iterator[Span]:
    """A lower-case or initials name found once, wherever else it stands as a whole word:
    chats keep writing it the same way ("hensley is so mid", "JB")."""
    names = {
        surface
        for s in spans
        if s.kind == "PERSON"
        and (surface := text[s.start : s.end])
        and (
            re.fullmatch(r"[A-Z]{2}", surface)
            or (surface.islower() and name_like(surface, 5.0, rare=3.5))
        )
    }
    if not names:
        return
    for m in _WORDS.finditer(text):
        word = m.group().rstrip("'’")
        stem = word[:-1] if word.endswith("s") and word[:-1] in names else word
        if stem in names and not _used_as_word(text, m.start(), stem):
            yield Span(m.start(), m.start() + len(stem), "PERSON", SOURCE)


_DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|the|this|that|his|her|their|our|your|its|good|no|any|some|much|such)\s+$",
    re.IGNORECASE,
)


def _used_as_word(text: str, start: int, word: str) -> bool:
    """A name that is also a common word, after an article or determiner, is the word:
    a mother called "grace" in a chat, and "a grace period" or "with good grace" later."""
    return zipf(word.casefold()) >= _COMMON and bool(
        _DETERMINER_BEFORE.search(text, max(0, start - 12), start)
    )


# An Arabic name after an Arabic title or kin word in a parent's message ("شكرا استاذة ليلى"):
# the teacher, the mother or the father addressed or named in Arabic script
_ARABIC_TITLED = re.compile(
    r"(?<![\u0600-\u06ff])(?:ال)?(?:[اأ]ستاذ[ةه]?|دكتور[ةه]?|السيد[ةه]?|سيد[ةه]?|[اأ]م|[اأ]بو)"
    r"[^\S\n]+(?P<n>[\u0621-\u064a]{2,})"
)


def _arabic(text: str) -> Iterator[Span]:
    for m in _ARABIC_TITLED.finditer(text):
        yield Span(m.start("n"), m.end("n"), "PERSON", SOURCE)


def find(text: str, language: str, found: list[Span]) -> list[Span]:
    """English names in the places notes and chats give them (see the module's rule)."""
    if language != "en":
        return []
    spans = [*_lower_after_cues(text), *_initials(text), *_openers(text), *_labelled(text)]
    if re.search("[\u0600-\u06ff]", text):
        spans.extend(_arabic(text))
    spans.extend(_tails(text, [*found, *spans]))
    spans.extend(_recurrences(text, [*found, *spans]))
    return spans
