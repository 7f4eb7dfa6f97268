"""English text: identifiers found by the shapes English-language records give them.

Rules (shapes and general vocabulary, never names lifted from data):

- CLASS: US grades by ordinal ("8th grader", "first grade", not "a 3rd grade level"),
  Irish primary classes and years ("Fifth Class", "Transition Year"), kindergarten
  as the place a child attended, and UK form groups of a year and two or three letters
  ("10JB", "9WH") where they are not units ("10PM", "12GB").
- SCHOOL and ORG: Welsh, Irish and Spanish institution words that open a name
  ("Ysgol Gynradd Nant y Fferm", "Gaelscoil na …", "Iglesia Pentecostal …"), whose names
  carry lower-case linking words (y, na, an, de); a centre "for" a field ("… Center for
  Mental Health and IDD"); and a capitalised run before a kind word English writes after
  the name (Medical Practice, Friendship Circle, Police District).
- ORG and SCHOOL in lower-case transcripts: two to four words before a kind word
  ("maple ridge christian academy", "harlan poultry llc"); a team with its age band
  ("Harrow Hawks U13"); a service acronym with its place or site ("Norfolk CAMHS Thetford"),
  unless the words after it are common ones ("CAMHS Single Point").
- CLASS also: a primary class named by a word ("Willow Class").
- ADDRESS: a unit, level or flat before a (named house and a) street, a Welsh or Irish
  house name before it, Welsh street words (Heol, Ffordd, Stryd, Lôn), and a plot on a
  holiday or mobile-home park.
- ID, POSTCODE, PLACE: a code after "event/incident/case … no.", an Irish PPS number that
  passes its check letter, an Eircode, an Australian state with its postcode.
- PERSON: initials owning an action or signing minutes ("- DF: …", "— TW / JNP"), and a
  name alone on the line under a letter's closing ("Kind regards,").
- HANDLE: a comment author's bold label with an emoji or a rare word ("**Dai Prosser**").
- PHONE: numbers with a trunk 0 valid in another English-speaking country (AU, IE, NZ)
  or, in a Latin text the script test took for Czech, in the UK.
- AGE: 90 to 119 after a kin word and a verb of being, or after a sex in a log row.

A Latin text the script test took for Czech (one Czech letter in a name is enough) gets
these English shapes when its commonest function words are English. Known limits: a form group named by a word ("5 Kestrel") is left alone unless "form" or
"Year N (" is before it; Irish and Welsh names with unusual linking words are cut short.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import phonenumbers
from stdnum.ie import pps

from praxishub.cases import ner
from praxishub.cases.spans import Span

_H = r"[^\S\n]"


def _words(line: str) -> list[str]:
    """The words of a line of general vocabulary (kept as one string to read as a list)."""
    return line.split()


_CAP = r"[A-ZÀ-ÞŴŶ][\w'’\-]*(?![\w'’\-])"
_ORDINAL_WORDS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
_GRADE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)|(?i:{_ORDINAL_WORDS}))(?:{_H}grade|(?:{_H}|-)graders?)\b"
    rf"(?!{_H}+(?:level|equivalent|reading|math|book|text|work))"
)
_IRISH_CLASS = re.compile(
    rf"\b(?:(?:Junior|Senior|First|Second|Third|Fourth|Fifth|Sixth){_H}Class"
    rf"|Transition{_H}Year|(?:First|Second|Third|Fifth|Sixth){_H}Year|(?:Junior|Senior){_H}Infants)\b"
)
# "in Form 2" (New Zealand's and Tonga's secondary forms), "in primary six", "year 7 set 3": a
# class said with its word in lower case or after a preposition
_SAID_CLASS = re.compile(
    rf"(?:(?<=\bin{_H})|(?<=\bat{_H})|(?<=\bfrom{_H})|(?<=\binto{_H})|(?<=\bof{_H}))"
    rf"(?:(?<!fill{_H}in{_H})(?<!filled{_H}in{_H})(?<!fills{_H}in{_H})Form{_H}[1-7]|(?i:primary){_H}(?:one|two|three|four|five|six|seven))\b(?![-–/]\d)"
    rf"|(?<![\w-])year{_H}(?:1[0-3]|[1-9])(?={_H}+(?:set|class|pupil|student|girl|boy|group|tutor|form)\b)"
)
# Oak Class, Hedgehog Class: a primary class named by a word (not a social class or a ticket).
_NAMED_CLASS = re.compile(
    rf"\b(?!(?:World|Working|Middle|Upper|Lower|Business|Economy|First|Master|Open|Top|High|"
    rf"Ruling|Second|Third|Fourth|Fifth|Sixth|Junior|Senior|Each|Every|The|This|That|Whole|"
    rf"Her|His|My|Our|Their|Your|Art|Maths|Math|Music|Dance|Yoga|Swim|Swimming|Gym|Exercise|"
    rf"Cookery|Cooking|Science|English|French|History)\b)[A-Z][a-z]{{2,}}{_H}Class\b"
)
_KINDERGARTEN = re.compile(
    rf"\b(?:attended|in|from|started|repeated|finished){_H}(?P<c>(?:pre-?)?kindergarten)\b", re.I
)
_FORM_GROUP = re.compile(r"(?<![\w/-])(?:1[0-3]|[7-9])(?P<l>[A-Z]{2,3})(?![\w/-])")
_NOT_FORM = frozenset({"AM", "PM", "GB", "MB", "KB", "TB", "KG", "ML", "MM", "CM", "HR", "MPH"})
_NAMED_FORM = re.compile(
    rf"(?:(?<=\bform{_H})|(?<=\bclass{_H})|(?<=\bYear{_H}\d{_H}\()|(?<=\bYear{_H}\d\d{_H}\())"
    rf"(?:1[0-3]|[1-9]){_H}?{_CAP}"
)

_LINK = r"(?:y|yr|na|an|ar|de|del|la|el|los|las|of)"
_CELTIC_SCHOOL = re.compile(
    rf"\b(?:(?:Polska|Polish|Welsh|Irish){_H})?(?:Ysgol|Scoil|Gaelscoil|Gaelcholáiste|Coláiste|Colegio|Escuela|Szkoła|Szkoły)"
    rf"(?:{_H}(?:{_CAP}|{_LINK}(?={_H}{_CAP})|im\.(?={_H}{_CAP})|[IVX]{{1,4}}\b)){{1,8}}"
)
_FOREIGN_ORG = re.compile(
    rf"\b(?:Iglesia|Fundación|Asociación|Centro|Cymdeithas|Canolfan|Cumann)"
    rf"(?:{_H}(?:{_CAP}|{_LINK}(?={_H}{_CAP}))){{1,6}}"
)
_CENTER_FOR = re.compile(
    rf"\b(?:{_CAP}{_H}){{1,4}}(?:Center|Centre|Institute|Council|Alliance){_H}for"
    rf"(?:{_H}(?:{_CAP}|of(?={_H}{_CAP}))){{1,6}}(?:{_H}(?:and|&){_H}{_CAP}(?!{_H}[A-Z]))?"
)
_KIND_AFTER = re.compile(
    rf"\b(?:{_CAP}{_H}(?:(?:y|yr|na|an|of|on|the){_H})?){{1,4}}"
    rf"(?:Medical{_H}Practice|Friendship{_H}Circle|Police{_H}District|Health{_H}Centre|"
    rf"Surgery|Family{_H}Practice|Youth{_H}Club|Social{_H}Club|Community{_H}Hub|Constabulary)\b"
)

# Lockleaze Rangers U15, DeKalb Dragons 13U, Central Ohio Flight AAU: a team with its age band
_TEAM = re.compile(rf"\b(?:{_CAP}{_H}){{1,4}}(?:U\d{{1,2}}s?|\d{{1,2}}U|AAU)\b")
# Texas DFPS, Leeds CAMHS Riverside, CAMHS Galway Roscommon: a public service's acronym with
# the place or site that makes it one body; generic heads (Local, Community …) stay.
_SERVICE = r"(?:CAMHS|DFPS|DCFS|DCF|DHS|CPS|NEPS|EPS|YOT|MASH|SALT|PD)"
_PLACED_SERVICE = re.compile(
    rf"\b(?P<h>{_CAP}{_H}){_SERVICE}(?:{_H}{_CAP}){{0,2}}\b|\b{_SERVICE}(?:{_H}{_CAP}){{1,2}}\b"
)
_GENERIC_HEAD = frozenset(
    _words(
        "The A An Our Your His Her Their Local Community Tier Specialist Regional County State "
        "National Child Children's Adolescent Youth Early Inpatient Outpatient New Called Call "
        "From To With At In On By For And Or Via Contact Contacted Refer Referred Ring Email"
    )
)
_STREET = r"(?:Heol|Ffordd|Stryd|Lôn|Bóthar|Sráid|Maes|Clos|Rhodfa|Teras|Cilgant)"
_WELSH_ADDRESS = re.compile(
    rf"(?:(?:Tŷ|Ty|Bryn|Plas|Cúirt|Teach){_H}{_CAP}(?:{_H}(?:{_CAP}|{_LINK}(?={_H}{_CAP}))){{0,3}},{_H})?"
    rf"\d{{1,4}}[A-Za-z]?{_H}{_STREET}(?:{_H}(?:{_CAP}|{_LINK}(?={_H}{_CAP}))){{1,3}}"
    rf"|(?:Tŷ|Ty|Bryn|Plas){_H}{_CAP},{_H}{_STREET}(?:{_H}(?:{_CAP}|{_LINK}(?={_H}{_CAP}))){{1,3}}"
)
_UNIT_ADDRESS = re.compile(
    rf"\b(?:Level|Unit|Suite|Floor|Flat|Apartment|Apt\.?){_H}\d{{1,4}}[A-Z]?,{_H}"
    rf"(?:{_CAP}(?:{_H}(?:{_CAP}|{_LINK}(?={_H}{_CAP}))){{0,3}},{_H})?"
    rf"(?:\d{{1,4}}[A-Za-z]?{_H})?(?:{_CAP}{_H}){{0,3}}"
    rf"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Way|Drive|Place|Terrace|Parade|Highway|Boulevard)\b"
)

# Plot 41, Seashore Holiday Park: a pitch on a holiday, caravan or mobile-home park
_PARK_PLOT = re.compile(
    rf"\b(?:Plot|Lot|Pitch|Pad){_H}\d{{1,4}}[A-Z]?,?{_H}(?:{_CAP}{_H}){{1,4}}"
    rf"(?:Holiday|Caravan|Mobile{_H}Home|Trailer|RV){_H}Park\b"
)
_PHONE_RUN = re.compile(r"(?<![\d+])\(?0\d[\d)]*(?:[ \-]\d{2,5}){1,3}(?![\d])")
_EXTRA_REGIONS = {"en": ("AU", "IE", "NZ"), "cs": ("GB", "IE", "AU")}

_NINETY = (
    r"ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|(?:a|one)[\s-]hundred(?:(?:[\s-]and)?[\s-](?:one|two|three|four|five|six|seven|eight|nine|ten))?"
)
_AGE = re.compile(
    r"\b(?:nan|nana|gran|granny|grandma|grandmother|grandad|granddad|grandpa|grandfather|"
    r"great-grandmother|great-grandfather|great-gran|mother|father|mum|mom|dad|aunt|uncle|"
    r"neighbou?r|lodger|patient|client|resident|caller)(?:-in-law)?\b[^.\n]{0,20}?\b(?:is|was|turned|turns|aged)"
    rf"{_H}(?P<v>9\d|1[01]\d|{_NINETY})\b(?!{_H}*%)"
    rf"|\b(?:female|male|woman|man|grandmother|grandfather|great-grandmother|nan|gran),"
    rf"{_H}(?P<w>9\d|1[01]\d)\b(?!{_H}*%)",
    re.I,
)


# "- DF: home visit", "— TW / JNP", "– TB": initials that sign a line or own an action in
# minutes; role abbreviations (GP, SW, PE …) are general vocabulary and stay.
_INITIALS = re.compile(
    r"^[^\S\n]*(?:[-–—•*][^\S\n]*)(?P<a>[A-Z]{2,3}(?:-[A-Z])?)"
    r"(?:[^\S\n]*/[^\S\n]*(?P<b>[A-Z]{2,3}(?:-[A-Z])?))?(?=[^\S\n]*(?::[^\S\n]|$))",
    re.MULTILINE,
)
_ROLES = frozenset(
    _words(
        "GP AP SW PE IT HR TA DSL SLT MDT EP SEN OT ICT RE PC DC DS DI CEO ADHD ASD EHC PTA "
        "SENCO CAMHS NHS PPS RN MD NP LPN OK TV PS NB FYI ETA AKA DOB UPN SSN REF EAL IEP FSM "
        "LAC CIN CP CPP GCSE KS PHQ GAD YOT DV SEND SEMH ACE TBC TBA NA CPS DHS DCF LEA LA"
    )
)
# A letter's closing: a short line ending in a comma ("Kind regards,", "Salamat po,"), then,
# after at most one blank line, a line holding only a name of one to three capitalised words.
_CLOSING = re.compile(
    r"^(?:>[^\S\n]*)*(?:[A-Za-z][A-Za-z'’]*[^\S\n]?){1,3},[^\S\n]*\n(?:(?:>[^\S\n]*)*\n)?"
    r"(?:>[^\S\n]*)*(?P<n>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
    r"(?:[^\S\n](?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|ap|de|van|von|bin|al)){0,2})[^\S\n]*$",
    re.MULTILINE,
)
_NOT_NAMES = frozenset(
    _words(
        "The Team School Office Service Services Department Council Trust Centre Center "
        "Clinic Mum Mom Dad Nan Gran Miss Sir Madam Thanks Regards Best Love Team Yours Sent "
        "Date Phone Mobile Tel Email Address Signed Reception Admin Parent Parents Family "
        "Counsellor Counselor Teacher Psychologist Officer Manager Coordinator Worker Nurse "
        "Doctor"
    )
)


def find(text: str, language: str) -> list[Span]:
    """Every identifier the English shapes give, as spans (also in Latin text the script test
    took for Czech, where a single Czech letter in a name decides the language)."""
    out: list[Span] = list(_phones(text, language))
    if language not in ("en", "cs") or (language == "cs" and not _english(text)):
        return out
    out.extend(_classes(text))
    out.extend(_bodies(text))
    out.extend(_addresses(text))
    out.extend(_teams(text))
    out.extend(_authors(text))
    for line in _lower_lines(text):
        out.extend(_lower_bodies_at(text, *line))
    out.extend(_codes(text))
    for m in _AGE.finditer(text):
        group = "v" if m.group("v") else "w"
        out.append(Span(m.start(group), m.end(group), "AGE", "entext"))
    out.extend(_people(text))
    return out


_ENGLISH = re.compile(r"\b(?:the|and|with|was|is|of|to|for|that)\b")
_CZECH = re.compile(r"\b(?:je|se|na|že|ve|do|od|jsem|jsou|byl|byla|který|která)\b")


def _english(text: str) -> bool:
    """Is this Latin text English rather than Czech, by its commonest function words?"""
    return len(_ENGLISH.findall(text)) > 3 * len(_CZECH.findall(text)) + 5


# "dr hughes again", "mr fahy": a title and a surname typed in lower case, in chats
_LOWER_TITLE = re.compile(
    r"(?<![\w@.#/-])(?:dr|mr|mrs|ms)\.?[^\S\n]+(?P<n>[a-z][a-z'’-]{2,})(?![\w@-])"
)


# "- Sinéad from Belfast asked …": a group member by first name and home town, opening a list
# item of a group's notes
_FROM_TOWN = re.compile(
    r"(?m)^[^\S\n]*(?:[-*•]|\d{1,2}[.)])[^\S\n]+(?P<n>[A-ZÀ-Ž][a-zà-ž'’]+(?:-[A-ZÀ-Ž][a-zà-ž]+)?)"
    r"[^\S\n]+from[^\S\n]+[A-Z][a-z]+"
)


def _people(text: str) -> Iterator[Span]:
    for m in _FROM_TOWN.finditer(text):
        word = m.group("n")
        if word.casefold() in ner.latin_names("en") or not _common(word):
            yield Span(m.start("n"), m.end("n"), "PERSON", "entext")
    for m in _LOWER_TITLE.finditer(text):
        word = m.group("n")
        if word in ner.latin_names("en") or not _common(word):
            yield Span(m.start("n"), m.end("n"), "PERSON", "entext")
    for m in _INITIALS.finditer(text):
        for group in ("a", "b"):
            if m.group(group) and m.group(group).split("-")[0] not in _ROLES:
                yield Span(m.start(group), m.end(group), "PERSON", "entext")
    for m in _CLOSING.finditer(text):
        name = m.group("n")
        if not any(word in _NOT_NAMES for word in name.split()):
            yield Span(m.start("n"), m.start("n") + len(name), "PERSON", "entext")


def _classes(text: str) -> Iterator[Span]:
    for pattern in (_GRADE, _IRISH_CLASS, _NAMED_FORM, _NAMED_CLASS, _SAID_CLASS):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "CLASS", "entext")
    for m in _KINDERGARTEN.finditer(text):
        yield Span(m.start("c"), m.end("c"), "CLASS", "entext")
    for m in _FORM_GROUP.finditer(text):
        if m.group("l") not in _NOT_FORM:
            yield Span(m.start(), m.end(), "CLASS", "entext")


def _bodies(text: str) -> Iterator[Span]:
    for m in _CELTIC_SCHOOL.finditer(text):
        yield Span(m.start(), m.end(), "SCHOOL", "entext")
    for pattern in (_FOREIGN_ORG, _CENTER_FOR, _KIND_AFTER):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "ORG", "entext")


# In a lower-case transcript: two to four words before a kind word ("lake view elementary",
# "pine ridge freewill baptist church", "harlan poultry llc"); the words before stop at a
# function word, so "at the baptist church" gives nothing.
_LOWER_KIND = re.compile(
    r"\b(?P<h>(?:[a-z][a-z'’]+[^\S\n]){2,4})"
    r"(?P<k>elementary|middle school|high school|academy|head start|preschool|"
    r"church|llc|inc|sheriff's office|police department|clinic|daycare)\b"
)
_LOWER_SCHOOL = frozenset({"elementary", "middle school", "high school", "academy", "head start"})
_FUNCTION = frozenset(
    _words(
        "the a an my his her their our your its at in on to from of for and or but is was are "
        "were be been this that these those local new old big little same other with by near "
        "over past called named about into out up down off so if as any some every each no "
        "not i you he she we they it me him them us kids kid child children son daughter "
        "mom mama dad daddy school schools go goes going went gone get got take took there "
        "here where when what who which how all just like then than also still very really "
        "um uh"
    )
)


# A comment's author in a pasted social-media thread: a bold label alone on its line or
# before a colon ("**Dai Prosser**", "↳ **Nia ap Huw**: …"), made of capitalised words
# (and the linking words of names), holding an emoji or a word too rare to be a heading's.
_BOLD_AUTHOR = re.compile(
    rf"^(?:↳{_H}*)?\*\*(?P<l>{_CAP}(?:{_H}(?:{_CAP}|ap|ab|de|van|von|on|the|of|[^\x00-\u2fff]+)){{1,4}})"
    rf"\*\*(?=:|{_H}*\n)",
    re.MULTILINE,
)


# "J 💔: u home?", "[20:11] Kel W 💙: ok": a chat sender's display name holding an emoji,
# at a line's start (after its time, if any) and before a colon.
_EMOJI = r"\U0001F000-\U0001FAFF\u2600-\u27BF"
_EMOJI_SENDER = re.compile(
    rf"^(?:\[?\d{{1,2}}:\d{{2}}(?:{_H}?[AaPp][Mm]?)?\]?{_H}+(?:[-–—]{_H}+)?)?"
    rf"(?P<l>[^\s:*#>\[][^\n:.!?]{{0,20}}?[{_EMOJI}][^\n:.!?]{{0,6}}?){_H}*:{_H}",
    re.MULTILINE,
)


# A Discord-style export: "2/11/2026 8:02 PM — sender" alone on a line; a channel after the
# word "channel" ("channel #study-hall"); an @-mention whose display name ends in an emoji.
_EXPORT_SENDER = re.compile(
    rf"^\d{{1,2}}/\d{{1,2}}/\d{{2,4}},?{_H}+\d{{1,2}}:\d{{2}}(?:{_H}?[AP]M)?{_H}+[—–-]{_H}+"
    rf"(?P<l>[^\s:][^\n:]{{0,30}}?){_H}*$",
    re.MULTILINE,
)
_CHANNEL = re.compile(rf"(?<=\bchannel{_H})#[\w][\w-]*")
_AT_EMOJI = re.compile(rf"@[A-Za-z0-9_.]+(?:{_H}[A-Za-z0-9_.]+)?{_H}[{_EMOJI}]+")


def _authors(text: str) -> Iterator[Span]:
    for pattern in (_EXPORT_SENDER, _CHANNEL, _AT_EMOJI):
        for m in pattern.finditer(text):
            group = "l" if pattern is _EXPORT_SENDER else 0
            yield Span(m.start(group), m.end(group), "HANDLE", "entext")
    for m in _EMOJI_SENDER.finditer(text):
        label = m.group("l").rstrip()
        yield Span(m.start("l"), m.start("l") + len(label), "HANDLE", "entext")
    for m in _BOLD_AUTHOR.finditer(text):
        label = m.group("l")
        words = re.findall(r"[A-Za-zÀ-ž'’-]+", label)
        emoji = bool(re.search(r"[^\x00-\u2fff]", label)) and not label.isalpha()
        if emoji or any(w[0].isupper() and _rare(w) for w in words):
            yield Span(m.start("l"), m.end("l"), "HANDLE", "entext")


@cache
def _rare(word: str) -> bool:
    """Is word too rare in English (Zipf under 3.5) to be a heading's word?"""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") < 3.5


def _lower_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every paragraph of text written in lower case."""
    start = 0
    for part in re.split(r"(\n\s*\n)", text):
        if _transcript(part):
            yield start, start + len(part)
        start += len(part)


def _lower_bodies_at(text: str, begin: int, end: int) -> Iterator[Span]:
    for m in _LOWER_KIND.finditer(text, begin, end):
        words: list[str] = []
        for word in reversed(m.group("h").split()):
            if word in _FUNCTION:
                break
            words.insert(0, word)
        if len(words) < 2:
            continue
        start = m.end("h") - len(" ".join(words)) - 1
        kind = "SCHOOL" if m.group("k") in _LOWER_SCHOOL else "ORG"
        yield Span(start, m.end(), kind, "entext")


def _transcript(text: str) -> bool:
    """Is the text mostly lower case, as speech-to-text and chat give it?"""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 60 and sum(ch.isupper() for ch in letters) < len(letters) * 0.03


def _teams(text: str) -> Iterator[Span]:
    for m in _TEAM.finditer(text):
        yield Span(m.start(), m.end(), "ORG", "entext")
    for m in _PLACED_SERVICE.finditer(text):
        start = m.start()
        if m.group("h") and m.group("h").strip() in _GENERIC_HEAD:
            start = m.start("h") + len(m.group("h"))
        words = text[start : m.end()].split()
        tail = words[words.index(next(w for w in words if re.fullmatch(_SERVICE, w))) + 1 :]
        if len(words) >= 2 and words[0] not in _GENERIC_HEAD and not any(map(_common, tail)):
            yield Span(start, m.end(), "ORG", "entext")


@cache
def _common(word: str) -> bool:
    """Is word a common English word (Zipf 4.5 or more), and so no site or place name?"""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= 4.5


def _addresses(text: str) -> Iterator[Span]:
    for pattern in (_WELSH_ADDRESS, _UNIT_ADDRESS, _PARK_PLOT):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "ADDRESS", "entext")


# "event no. E 412771093", "incident number 2026-004417": a code after a label word and "no."
_LABELLED_CODE = re.compile(
    rf"\b(?:event|incident|crime|log|case|claim|ticket|report|reference|ref)\.?{_H}"
    rf"(?:no\.?|number|#){_H}?(?P<v>[A-Z]{{1,3}}{_H}?\d{{5,}}|\d[\d-]{{4,}}\d)\b",
    re.I,
)
# An Irish PPS number (checked by its check letter), an Eircode, and an Australian state
# with its four-digit postcode.
_PPS = re.compile(r"(?<![\w-])\d{7}[A-W][A-IW]?(?![\w-])")
_EIRCODE = re.compile(
    r"\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[^\S\n](?=[0-9A-Z]*\d)[0-9AC-FHKNPRTV-Y]{4}\b"
)
_AU_STATE = re.compile(r"\b(?P<s>NSW|VIC|QLD|TAS|ACT|NT|WA|SA)[^\S\n](?P<p>\d{4})\b")


# A Singapore NRIC or FIN: S/T/F/G, seven digits and a check letter (checked below; the
# M series of 2022 has a table of its own and is not read)
_NRIC = re.compile(r"(?<![\w-])[STFG]\d{7}[A-Z](?![\w-])")
_NRIC_LETTERS = {"S": "JZIHGFEDCBA", "T": "JZIHGFEDCBA", "F": "XWUTRQPNMLK", "G": "XWUTRQPNMLK"}


def _nric_valid(value: str) -> bool:
    """Singapore's NRIC/FIN check letter: weights 2,7,6,5,4,3,2, an offset of 4 for T and G
    (born or issued from 2000), the remainder mod 11 read from the prefix's table."""
    total = sum(int(d) * w for d, w in zip(value[1:8], (2, 7, 6, 5, 4, 3, 2), strict=True))
    prefix = value[0]
    total += 4 if prefix in "TG" else 0
    return _NRIC_LETTERS[prefix][total % 11] == value[8]


# A Singapore phone (eight digits, 6, 8 or 9 first), in a text that names Singapore
_SG_PHONE = re.compile(r"(?<![\w+-])[689]\d{3}[ -]?\d{4}(?![\w-])")


def _codes(text: str) -> Iterator[Span]:
    for m in _NRIC.finditer(text):
        if _nric_valid(m.group()):
            yield Span(m.start(), m.end(), "ID", "entext")
    for m in _LABELLED_CODE.finditer(text):
        yield Span(m.start("v"), m.end("v"), "ID", "entext")
    for m in _PPS.finditer(text):
        if pps.is_valid(m.group()):
            yield Span(m.start(), m.end(), "ID", "entext")
    for m in _EIRCODE.finditer(text):
        yield Span(m.start(), m.end(), "POSTCODE", "entext")
    for m in _AU_STATE.finditer(text):
        yield Span(m.start("s"), m.end("s"), "PLACE", "entext")
        yield Span(m.start("p"), m.end("p"), "POSTCODE", "entext")


# A Malaysian MyKad number (its birth date and state code checked by python-stdnum), and a
# Malaysian phone in a text that names Malaysia or holds a MyKad
_MYKAD = re.compile(r"(?<![\w-])\d{6}-\d{2}-\d{4}(?![\w-])")
_MALAYSIA = re.compile(r"Malaysia|Penang|Kuala Lumpur|马来西亚|馬來西亞|槟城|檳城|吉隆坡|大马|大馬")


def _malaysian(text: str) -> Iterator[Span]:
    from stdnum.my import nric

    cards = [m for m in _MYKAD.finditer(text) if nric.is_valid(m.group())]
    for m in cards:
        yield Span(m.start(), m.end(), "ID", "entext")
    if not cards and not _MALAYSIA.search(text):
        return
    for m in _PHONE_RUN.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 9 <= len(digits) <= 11 and _valid(digits, "MY"):
            yield Span(m.start(), m.end(), "PHONE", "entext")


def _phones(text: str, language: str) -> Iterator[Span]:
    yield from _malaysian(text)
    if "Singapore" in text or any(_nric_valid(m.group()) for m in _NRIC.finditer(text)):
        for m in _SG_PHONE.finditer(text):
            if _valid(re.sub(r"\D", "", m.group()), "SG"):
                yield Span(m.start(), m.end(), "PHONE", "entext")
    regions = _EXTRA_REGIONS.get(language)
    if not regions:
        return
    for m in _PHONE_RUN.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if not 9 <= len(digits) <= 11:
            continue
        if any(_valid(digits, region) for region in regions):
            yield Span(m.start(), m.end(), "PHONE", "entext")


def _valid(digits: str, region: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(digits, region))
    except phonenumbers.NumberParseException:
        return False
