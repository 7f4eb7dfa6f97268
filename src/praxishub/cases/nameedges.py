"""Layer 2, continued: the edges of a person's name that the models cut off, and nicknames.

Rule: a PERSON span is grown only over a word that is itself a name by the bundled lists:
a first name just before a surname ("Andrij Kovalenko" when only the surname was found), a
surname just before a first name found alone, as forms list them (a listed surname, or a Czech
woman's by its -ová: "Matka: Koubková  Veronika"), a capitalised surname just after a first
name found alone, a Chinese surname before a given
name ("白" + "建国"), and a Kazakh kinship or respect word written after a name ("Күләш әже").
A nickname in quotes is a PERSON after a word for being called (prefers “Keels”, říkali
„Maks“) or just after a name (Keeley Ashworth ("Kee"), Dominik, „Domča“).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import ner, ner_zh
from praxishub.cases.spans import Span

_LATIN = r"[A-ZÀ-Ž][a-zà-ž]+"
# one space, or two as a scanned form sets its words apart ("Farida  Ahmadzai")
_WORD_BEFORE = re.compile(rf"(?<![\w.-])(?P<w>{_LATIN}(?:-{_LATIN})?) {{1,2}}\Z")
_WORD_AFTER = re.compile(rf" (?P<w>{_LATIN})(?![\w-]|\.\w)")
_ZH_NOT_SURNAMES = frozenset("和与及的在于向把被给对是从为由跟同将让叫找")
_UPPER = "A-ZÀ-ŽА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOWER = "a-zà-žа-яёәғқңөұүһі"
_H = r"[^\S\n]"
# A nickname in quotes after a word for being called: prefers “Keels”, chce, aby mu říkali „Maks“,
# зовут «Тёма», known as "Bee"
_CALLED = re.compile(
    rf"(?<![\w])(?:prefers|prefer|goes{_H}by|known{_H}as|call(?:s|ed)?{_H}+(?:him|her|them|me)"
    rf"|říkali|říkají|říkat|říká|oslovuj\w*|říkej|зовут|звали|называ\w+)"
    rf"(?:{_H}+(?:mu|jí|ho|ji|его|её|ее|меня))?[,:]?{_H}*[„“\"«](?P<n>[{_UPPER}][{_LOWER}]{{1,14}})[“”\"»]"
)
# A nickname in quotes or brackets just after a name: Keeley Ashworth ("Kee"), Dominik, „Domča“
_NICK_AFTER = re.compile(
    rf"[^\S\n]*(?:,[^\S\n]*|\([^\S\n]*)[„“\"«](?P<n>[{_UPPER}][{_LOWER}]{{1,14}})[“”\"»]"
)
# Initials after a surname or first name: "Жолдасов Т.", "Novák J. P." (not a sentence's next word)
_INITIAL_AFTER = re.compile(
    rf"(?:{_H}[{_UPPER}]\.){{1,2}}(?![{_UPPER}{_LOWER}]|{_H}?[{_UPPER}][{_LOWER}])"
)
# "это ваня т его толкнул", "to byl kuba h": a chat's surname initial after a lower-case name,
# without its dot (no one-letter word: в, к, с, у, ж, б; v, k, s, z)
_CHAT_INITIAL_AFTER = {
    "ru": re.compile(
        r"[^\S\n](?:[гдзйлмнпртфхцчшщ]|[БГДЕЁЖЗЙЛМНПРТФХЦЧШЩЭЮ])(?=[^\S\n]|[,.!?)]|$)", re.M
    ),
    "cs": re.compile(
        r"[^\S\n](?:[bcčdfghjlmnprřštťwxž]|[BCČDEFGHJLMNPRŘŠTŤWXŽ])(?=[^\S\n]|[,.!?)]|$)", re.M
    ),
}
# Lily-Mae, Ellie-Jo, Anna-Marie: a hyphenated first name (one part a first name by the lists)
_HYPHENATED = re.compile(r"(?<![\w-])[A-Z][a-z]{1,10}-[A-Z][a-z]{1,10}(?![\w-])")
# between a first name and the next name: " and ", " a ", " и ", " (Christopher) "
_JOINED = re.compile(rf"{_H}+(?:and|&|a|и|және|та){_H}+|{_H}*\([{_UPPER}][{_LOWER}]+\){_H}*")
# "Bartek (" + a full name; a name + " (Teo to friends)", " (Mo)"
_SHORT_BEFORE = re.compile(rf"(?<![\w-])(?P<n>[{_UPPER}][{_LOWER}]{{1,12}}){_H}\($")
_SHORT_AFTER = re.compile(
    rf"{_H}\((?P<n>[{_UPPER}][{_LOWER}]{{1,12}})(?:\)|(?P<cue>{_H}+(?:to{_H}+(?:friends|family)|for{_H}+short|doma|дома)))"
)
# A person's initials, quoted in brackets after the name, as the note will call them:
# 'Johnny-Ray Loveridge ("JR")' (a role's letters are not quoted: "Dr Jones (GP)")
_QUOTED_INITIALS_AFTER = re.compile(rf"{_H}\([\"“'‘](?P<n>[{_UPPER}]{{2,3}})[\"”'’]\)")
_KK_RESPECT_AFTER = re.compile(r"[^\S\n]+(?:ағай|апай|әже|әжей|ата|апа|тәте|аға|әпке)(?![\w-])")


def _first_name(word: str) -> bool:
    """Is word (every part of a hyphenated one) a first name in the Czech or English lists?"""
    if word.casefold() in ner.titles() or ner.allowed(word):
        return False
    return all(
        any(
            ner._latin_name(part, ner.latin_names(lang, first_only=True), lang)
            for lang in ("en", "cs")
        )
        for part in word.split("-")
    )


def _surname(word: str, language: str) -> bool:
    if word.casefold() in ner.titles() or ner.allowed(word):
        return False
    names = ner.latin_names(language)
    return ner._latin_name(word, names, language) and not _first_name(word)


def _surname_first(word: str, language: str) -> bool:
    """Is word a surname on the lists, or a Czech woman's surname by its ending ("Koubková")?"""
    return _surname(word, language) or (
        language == "cs" and re.fullmatch(r"[A-ZÀ-Ž][a-zà-ž]{2,}ová", word) is not None
    )


# A form field's surname in capitals before the given name found: "Patient:   PAUL, Kenadie"
# (after a label's colon, a column gap or the line's start)
_CAPS_SURNAME_BEFORE = re.compile(
    rf"(?:^|[:：]{_H}*|{_H}{{2,}})(?P<w>[{_UPPER}][{_UPPER}'’-]{{1,20}}),{_H}\Z", re.MULTILINE
)


def grown(text: str, spans: list[Span], language: str) -> Iterator[Span]:
    """PERSON spans grown over the name words beside them."""
    for span in spans:
        if span.kind != "PERSON":
            continue
        surface = text[span.start : span.end]
        caps = _CAPS_SURNAME_BEFORE.search(text, max(0, span.start - 30), span.start)
        if (
            caps
            and re.match(rf"[{_UPPER}][{_LOWER}]", surface)
            and not ner.allowed(caps.group("w"))  # "CAMHS, Sarah Jones": a service's letters
            and re.search(r"[AEIOUYАЕЁИОУЫЭЮЯӘӨҰҮІ]", caps.group("w")[1:])
        ):
            yield Span(caps.start("w"), span.end, "PERSON", "edge")
        if language in ("cs", "en") and re.fullmatch(_LATIN, surface):
            before = _WORD_BEFORE.search(text, max(0, span.start - 30), span.start)
            word = before.group("w") if before else ""
            # a first name before the surname found, or a surname before the first name, as
            # forms and registers list them ("Matka: Koubková  Veronika")
            if before and (
                (_first_name(word) and not _first_name(surface))
                or (_first_name(surface) and _surname_first(word, language))
            ):
                yield Span(before.start("w"), span.end, "PERSON", "edge")
            after = _WORD_AFTER.match(text, span.end)
            if after and _first_name(surface) and _surname(after.group("w"), language):
                yield Span(span.start, after.end("w"), "PERSON", "edge")
        elif language == "zh" and len(surface) == 2 and span.start > 0:
            previous = text[span.start - 1]
            if previous in ner_zh.zh_surnames() and previous not in _ZH_NOT_SURNAMES:
                yield Span(span.start - 1, span.end, "PERSON", "edge")
        elif language == "kk":
            respect = _KK_RESPECT_AFTER.match(text, span.end)
            if respect:
                yield Span(span.start, respect.end(), "PERSON", "edge")
        if language in _CHAT_INITIAL_AFTER and surface.islower():
            initial = _CHAT_INITIAL_AFTER[language].match(text, span.end)
            if initial:
                yield Span(span.start, initial.end(), "PERSON", "edge")
        if language != "zh":
            initial = _INITIAL_AFTER.match(text, span.end)
            if initial and re.search(rf"[{_LOWER}]", surface):
                yield Span(span.start, initial.end(), "PERSON", "edge")
        nick = _NICK_AFTER.match(text, span.end)
        if nick:
            yield Span(nick.start("n"), nick.end("n"), "PERSON", "edge")


# "паспортта латынша YEERJIANG KABILIBIEKE", "латиницей: IVANOV IVAN": a name as a passport
# spells it in Latin capitals, after a word saying so
_LATIN_SPELLED = re.compile(
    rf"(?i:латынша|латиницей|латинскими{_H}+буквами|in{_H}+Latin(?:{_H}+letters)?)[:：]?{_H}*"
    rf"(?P<n>[A-Z]{{2,}}(?:[-'][A-Z]{{2,}})?(?:{_H}[A-Z]{{2,}}(?:[-'][A-Z]{{2,}})?){{1,3}})(?![\w-])"
)


# "Нурлан уулу Эрмек", "Айжан Бакыт кызы": a Kyrgyz name with its "son of"/"daughter of"
_KYRGYZ = re.compile(
    rf"(?<![\w-])[{_UPPER}][{_LOWER}]+{_H}(?:уулу|кызы){_H}[{_UPPER}][{_LOWER}]+(?![\w-])"
    rf"|(?<![\w-])[{_UPPER}][{_LOWER}]+{_H}[{_UPPER}][{_LOWER}]+{_H}(?:уулу|кызы)(?![\w-])"
)


# A counsellor asking how to address the client: the client's next message opens with the name
# they give ("Как к вам обращаться?" … "kimchi_girl_08: ди. просто ди")
_ASKED = re.compile(
    r"(?i)как(?:{_H}+к)?{_H}+(?:вам|тебе|вас|тебя){_H}+(?:обращаться|называть|зовут)"
    r"|сізге{_H}+қалай{_H}+(?:жүгін|ат|қарат)\w*|(?:сенің|сіздің){_H}+атың\w*"
    r"|what{_H}+(?:should|can|shall|do){_H}+(?:I|we){_H}+call{_H}+you|what'?s{_H}+your{_H}+name"
    r"|what{_H}+would{_H}+you{_H}+like{_H}+(?:me|us){_H}+to{_H}+call{_H}+you"
    r"|jak{_H}+(?:k{_H}+)?(?:ti|vám|Vám){_H}+(?:můžu|mám|můžeme){_H}+říkat|jak{_H}+se{_H}+jmenuje(?:š|te)"
    r"|怎么称呼|你叫什么".replace("{_H}", _H)
)
# A hedge before the name a client gives ("treba bára"); not before words of a sentence ("klidně
# mi říkej …", "asi ne")
_HEDGE = re.compile(
    rf"(?i)(?:treba|třeba|klidně|asi){_H}+(?!(?:mi|mě|mne|mňa|ne|na|to|jak|jo|ano|nie|říkej|volaj)\b)(?=\w)"
)
_CHAT_PREFIX = re.compile(
    r"^[^\S\n]*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?)?(?:\([^)\n]{0,12}\)|[^:\n(]){0,40}:[^\S\n]*"
)
_NO_NAME = frozenset(
    [
        "просто",
        "можно",
        "нет",
        "да",
        "не",
        "я",
        "мне",
        "меня",
        "лучше",
        "никак",
        "неважно",
        "без",
        "аноним",
        "анонимно",
        "никто",
        "давайте",
        "давай",
        "пусть",
        "ну",
        "ой",
        "это",
        "так",
        "как",
        "зовите",
        "называйте",
        "just",
        "call",
        "me",
        "im",
        "i'm",
        "i",
        "no",
        "yes",
        "nobody",
        "anon",
        "anonymous",
        "ok",
        "okay",
        "hi",
        "hello",
        "prefer",
        "rather",
        "dont",
        "don't",
        "jen",
        "říkejte",
        "klidně",
        "ne",
        "ano",
        "radši",
        "жоқ",
        "иә",
        "мені",
        "жай",
        # a sentence's opening, not a name: "my name is…", "its kev", "jsem Kája", "менің атым…"
        "my",
        "its",
        "it's",
        "it",
        "name",
        "the",
        "sorry",
        "um",
        "uh",
        "well",
        "idk",
        "dunno",
        "why",
        "what",
        "who",
        "nah",
        "hey",
        "unknown",
        "withheld",
        "private",
        "jsem",
        "jmenuju",
        "já",
        "mi",
        "менің",
        "атым",
        "зовут",
        "ник",
    ]
)


# A name said in lower case after "his name is", or after a kin word that heads a name in
# Filipino, Spanish and South Asian families ("tita joy", "lola nene", "nani ji" is no name)
_NAMED_AS = re.compile(
    r"(?i:(?:his|her|their|my)[^\S\n]+name(?:[^\S\n]+is|'s))"
    r"[^\S\n]+(?P<n>[a-z][a-z'-]{1,14})(?![\w@-])"
    r"|(?<![\w-])(?:tita|tito|lola|lolo|kuya|ate|tía|tío|abuela|abuelo|khala|mamu|chacha|chachi)"
    r"[^\S\n]+(?P<k>[a-z][a-z'-]{1,14})(?![\w@-])"
)
_NOT_GIVEN = frozenset(
    [
        "is",
        "was",
        "the",
        "a",
        "an",
        "not",
        "so",
        "just",
        "like",
        "that",
        "this",
        "ji",
        "sahib",
        "said",
        "says",
        "always",
        "never",
        "also",
        "too",
        "and",
        "or",
        "but",
    ]
)


def asked(text: str) -> Iterator[Span]:
    """The name a chat's client gives when asked how to address them, or says in lower case
    after "his name is" or a kin word that heads a name ("tita joy"), and wherever it recurs
    in the chat (a short nickname the name layers miss: "ди", "Ди")."""
    names: set[str] = set()
    for m in _ASKED.finditer(text):
        lines = text[m.end() :].split("\n", 3)[1:3]
        for line in lines:
            prefix = _CHAT_PREFIX.match(line)
            if not prefix or not line[prefix.end() :].strip():
                continue
            said = line[prefix.end() :]
            hedge = _HEDGE.match(said)  # "treba bára", "maybe kez": the name after the hedge
            word = re.match(r"[^\W\d_]{2,15}(?![\w@])", said[hedge.end() if hedge else 0 :])
            if word and word.group().casefold() not in _NO_NAME:
                names.add(word.group().casefold())
            break
    for m in _NAMED_AS.finditer(text):
        word = m.group("n") or m.group("k")
        if word in _NOT_GIVEN or word in _NO_NAME:
            continue
        if m.group("k") and not (_first_name(word) or _rare(word)):
            continue  # "tita said": a kin word alone
        names.add(word)
    for name in names:
        for m in re.finditer(rf"(?<![\w@.#-]){re.escape(name)}(?![\w@-])", text, re.IGNORECASE):
            yield Span(m.start(), m.end(), "PERSON", "edge")


def _rare(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") < 3.0


def nicknames(text: str) -> Iterator[Span]:
    """Nicknames in quotes after a word for being called; hyphenated first names; a name
    spelt in Latin capitals after a word saying so."""
    for pattern, group in ((_LATIN_SPELLED, "n"), (_KYRGYZ, 0)):
        for m in pattern.finditer(text):
            yield Span(m.start(group), m.end(group), "PERSON", "edge")
    for m in _CALLED.finditer(text):
        if not ner.allowed(m.group("n")):
            yield Span(m.start("n"), m.end("n"), "PERSON", "edge")
    for m in _HYPHENATED.finditer(text):
        first, _, second = m.group().partition("-")
        if _first_name(first) or (len(second) > 2 and _first_name(second)):
            yield Span(m.start(), m.end(), "PERSON", "edge")


def bracketed(text: str, spans: list[Span]) -> Iterator[Span]:
    """A short name just before a bracketed full name ("Bartek (Bartłomiej Nowak, 15)"), an
    unquoted nickname in brackets just after a name ("Mateo (Teo to friends)"); and two names
    that share a surname or a bracket ("Adam and Eva Lindqvist", "Kit (Christopher) Vale")."""
    people = {span.start: span for span in spans if span.kind == "PERSON"}
    for span in spans:
        if span.kind != "PERSON":
            continue
        joined = _JOINED.match(text, span.end)
        if joined and joined.end() in people and " " not in text[span.start : span.end].strip():
            yield Span(span.start, people[joined.end()].end, "PERSON", "edge")
        before = _SHORT_BEFORE.search(text, max(0, span.start - 20), span.start)
        if before and _given(before.group("n")):
            yield Span(before.start("n"), before.end("n"), "PERSON", "edge")
        after = _SHORT_AFTER.match(text, span.end)
        if after and (after.group("cue") or _given(after.group("n"))):
            yield Span(after.start("n"), after.end("n"), "PERSON", "edge")
        initials = _QUOTED_INITIALS_AFTER.match(text, span.end)
        if initials:
            yield Span(initials.start("n"), initials.end("n"), "PERSON", "edge")


def _given(word: str) -> bool:
    """A first name by the lists (Czech, English, Polish; Kazakh; pymorphy3's Name)."""
    folded = word.casefold()
    if folded in ner.titles() or ner.allowed(word):
        return False
    if re.match(f"[{ner.CYRILLIC_UPPER}]", word):
        if folded in ner.kk_names():
            return True
        best = ner.parse(word)[0]
        return "Name" in best.tag.grammemes and best.score >= 0.5
    return _first_name(word)


# Diminutive suffixes, and what the first name ends with before them: Полиночка (Полина),
# Тёмочка (Тёма), Настюха (Настя); Šimonek (Šimon), Daník (Dan), Elinka (Elina), Rudíku (Ruda)
_RU_DIMINUTIVE = re.compile(
    rf"(?<![\w-])(?P<w>(?P<stem>[{_UPPER}][{_LOWER}]{{1,10}}?)"
    rf"(?:очк|ечк|еньк|оньк|ушк|юшк|ульк|юльк|юх|ух|ик|ёк|очек|ечек)[{_LOWER}]{{0,3}})(?![\w-])"
)
_CS_DIMINUTIVE = re.compile(
    rf"(?<![\w-])(?P<w>(?P<stem>[{_UPPER}][{_LOWER}]{{1,10}}?)"
    rf"(?:ínk|ink|ičk|ečk|ušk|ánk|ík|ek|k)(?:a|u|y|ovi|em|ou|e|ovi|ům)?)(?![\w-])"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?…:;\n]\s*[\"«“„(]?\s*|^\s*[#>*\-\d.)|]*\s*)$")


def diminutives(text: str, language: str) -> Iterator[Span]:
    """Diminutives of first names, mid-sentence, whose base name the lists know."""
    if language == "ru":
        pattern, tails = _RU_DIMINUTIVE, ("а", "я", "")
    elif language == "cs":
        pattern, tails = _CS_DIMINUTIVE, ("", "a")
    else:
        return
    for m in pattern.finditer(text):
        word, stem = m.group("w"), m.group("stem")
        if ner.allowed(word) or _SENTENCE_START.search(text[max(0, m.start() - 6) : m.start()]):
            continue
        if language == "ru":
            known = (
                ner.morph().word_is_known(word) and "Name" not in ner.parse(word)[0].tag.grammemes
            )
            if known or len(stem) < 3:
                continue  # an ordinary word ("Девочка", "Мальчик"), unless it is a name itself
            base = [stem + tail for tail in tails]
            if any(_given(b) for b in base if len(b) >= 3):
                yield Span(m.start("w"), m.end("w"), "PERSON", "diminutive")
        elif any(_first_name(stem + tail) for tail in tails) and len(stem) >= 2:
            yield Span(m.start("w"), m.end("w"), "PERSON", "diminutive")


# A name's word broken at a line's end, as a scan or a narrow cell prints it: its part on the
# next line ("Ffion Llewellyn-⏎Price", "Roman Hořej⏎š,", "石雨⏎  桐"), or its first part on
# the line before ("Сулейма-⏎нов Тимур Ильдарович")
_HYPHEN_NEXT = re.compile(rf"-?\n{_H}*(?P<w>[{_UPPER}{_LOWER}]+)")
_TAIL_NEXT = re.compile(rf"\n(?P<w>[{_LOWER}]{{1,2}})(?![\w-])")
_HAN_NEXT = re.compile(rf"\n{_H}*(?P<w>[\u4e00-\u9fff]{{1,2}})")
# Words of one or two letters a wrapped line may start with
_SHORT_WORDS = frozenset(
    re.findall(
        r"\S+",
        "a i v s k z o u y ve se ze na do po za ke ku je to by že od ob až an as at be "
        "if in is it me my no of on or so up us we в и с к у о а я на за из по не но да до от "
        "об во со ко же ли бы та те то мы вы он мен де ол осы сол бе ма",
    )
)
_PART_BEFORE = re.compile(rf"(?<![\w-])[{_UPPER}][{_LOWER}]+-\n{_H}*[{_LOWER}]+{_H}{{1,2}}\Z")


def across_lines(text: str, spans: list[Span]) -> Iterator[Span]:
    """A found name grown over the part of its word that a line break cut off: after a
    hyphen at the line's end, the next line's first word; without one, a letter or two of
    Latin or Cyrillic alone at the next line's start, or the Chinese characters there that
    make with it a name the note writes whole elsewhere; and a hyphenated capitalised part at
    the line's end before it, with its lower-case rest on the name's line."""
    persons = [s for s in spans if s.kind == "PERSON"]
    whole = {text[s.start : s.end] for s in persons}
    for span in persons:
        surface = text[span.start : span.end]
        hyphened = surface.endswith("-") or text[span.end : span.end + 2] == "-\n"
        after = _HYPHEN_NEXT.match(text, span.end) if hyphened else None
        if after is None and surface[-1:].isalpha():
            after = _TAIL_NEXT.match(text, span.end)
            if after and after.group("w") in _SHORT_WORDS:
                after = None  # "Jan Novák⏎a jeho matka": the next line's first word
            han = _HAN_NEXT.match(text, span.end)
            if after is None and han and re.fullmatch(r"[\u4e00-\u9fff]{1,3}", surface):
                for size in (2, 1):
                    if surface + han.group("w")[:size] in whole:
                        yield Span(span.start, han.start("w") + size, "PERSON", "across-lines")
                        break
        if after is not None:
            yield Span(span.start, after.end("w"), "PERSON", "across-lines")
        before = _PART_BEFORE.search(text, max(0, span.start - 40), span.start)
        if before:
            yield Span(before.start(), span.end, "PERSON", "across-lines")
