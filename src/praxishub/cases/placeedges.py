"""Places beside a found place: its other name after a slash, its compass part; and places
said in lower case after a preposition.

Rules:
- a capitalised word or two joined by a slash to a found place ("Galway/Roscommon area",
  "Derry/Londonderry", "Kirikiriroa / Hamilton", even a word on the allow-list) is a place
  too: notes give a town's two names, or two neighbouring areas, that way (and one joined to
  a found person, a person: "Anna/Hana"); a slash with spaces round it joins only to a found
  place, as bilingual labels are written so ("Príomhoide / Principal");
- Hamilton, a test's author on the allow-list, is a town after an institution and a comma
  ("Te Rapa Valley Intermediate, Hamilton.");
- a compass word before a found place is part of it ("west dubbo", "North Belfast"), and so
  are a lake's word before it ("озера Нейто"), a Czech district's "okr." ("okr. Trutnov"), a Tuvan district's word after it ("Тоджинского
  кожууна") and the capitalised word before a lone geographic head ("Thursday Island");
- a Czech district's town after "okr." or "okres" is a place, with the word;
- a Russian region's official second name after a dash is part of it ("Кемеровская область —
  Кузбасс", "Ханты-Мансийский автономный округ — Югра");
- a capitalised word or two before a comma and a Canadian province's or Australian state's
  abbreviation is a town, and the abbreviation a place ("Logan, QLD", "Iqaluit, NU");
- an Australian state by its letters: NSW and QLD anywhere, the others in a log's column or
  after a preposition of place ("calls from TAS");
- an English island or inlet by its word after a capitalised name ("Prince Edward Island",
  "Rankin Inlet");
- in English speech (chats, transcripts) a lower-case word after a preposition of place that
  the English word list does not know and that is no first name ("from ngaruawahia", "out at
  narromine") names a place.

Limits: a lower-case place that is also a word ("in bath") is not found, nor one in Russian
or Kazakh speech: there slang and app names ("в тиктоке", "в инсте") and medical words
("мутизмом") are as unknown to the word lists as villages are (tried on 2026-12-03: two
places found for fifteen wrong masks). A misspelt word after a preposition ("in teh") is
masked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import ner, wordlists
from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_UP = "A-ZÀ-ÖØ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ"
_NAMED = ("PLACE", "SCHOOL", "ORG", "ADDRESS", "PERSON")
# (a word of four letters or more, in lower case after its capital: no "Haem/Onc", no code)
_WORD = rf"[{_UP}][^\W\d_A-Z]{{3,}}(?:['’-][^\W\d_]+)?"
_AFTER_SLASH = re.compile(rf"{_H}?/{_H}?(?P<p>{_WORD}(?:{_H}{_WORD})?)(?![\w/])")
_BEFORE_SLASH = re.compile(rf"(?<![\w/])(?P<p>{_WORD}){_H}?/{_H}?\Z")
_AFTER_TIGHT_SLASH = re.compile(rf"/(?P<p>{_WORD}(?:{_H}{_WORD})?)(?![\w/])")
_BEFORE_TIGHT_SLASH = re.compile(rf"(?<![\w/])(?P<p>{_WORD})/\Z")
# Towns that share their name with a test's author on the allow-list, after an institution
_AUTHOR_TOWN = re.compile(rf",{_H}+(?P<p>Hamilton)(?=[.;)]|{_H}*$)", re.MULTILINE)
_COMPASS = re.compile(r"(?i)(?<![\w-])(?:north|south|east|west|central)[^\S\n]+\Z")
# A lake's word before its name, a Tuvan district's word after it: their names' part
_HEAD_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?:озер[оауе]|озёр|lake|jezer[oau])[^\S\n]+\Z|(?<![\w-])okr(?:es)?\.[^\S\n]?\Z"
)
_HEAD_AFTER = re.compile(r"[^\S\n]+(?:кожуун[а-я]{0,3}|сумон[а-я]{0,3})(?![\w-])")
# A found place that is only a geographic head word, and the capitalised word before it
_GEO_HEAD = re.compile(
    r"(?:Island|Islands|Lake|Creek|Bay|Point|Springs|River|Falls|Harbour|Harbor)"
)
_NAMED_BEFORE = re.compile(rf"(?<![\w-])[{_UP}][a-z'’]+[^\S\n]\Z")
# "Thursday Island", "Prince Edward Island", "Rankin Inlet": a capitalised name and its word,
# and "Isle of Skye", "Isle of Man": the word before the name
_EN_ISLAND = re.compile(
    r"(?<![\w-])(?:(?:[A-Z][a-z'’]+[^\S\n]){1,2}(?:Island|Islands|Inlet)"
    r"|Isles?[^\S\n]+of[^\S\n]+[A-Z][a-z'’]+)(?![\w-])"
)
# Rare on wordfreq's scale (Zipf): below this a lower-case word is no word of the language.
_RARE = 1.0
_EN_AFTER = re.compile(
    rf"(?<![\w-])(?:from|in|at|near|to|around|out{_H}+at|back{_H}+from|up{_H}+in|down{_H}+in)"
    rf"{_H}+(?P<w>[a-z]{{4,}})(?![\w@'’-])"
)


# A Russian region's second, official name after a dash: "область — Кузбасс", "округ — Югра"
# A Māori name's article before a name found in lower case ("te waiora marae", "te ara hou"),
# and a lower-case school after a found town ("castlecliff beach school")
_TE_BEFORE = re.compile(r"(?<![\w-])(?:te|ngā|nga)[^\S\n]\Z")
_LOWER_SCHOOL = re.compile(
    r"(?:[^\S\n](?!(?:to|at|in|on|the|his|her|and|for|from|with|after|before|a|an|my|our|their"
    r"|this|that|no|new|old|big|nice|good|next|last)[^\S\n])[a-zāēīōū]{3,12}){0,2}"
    r"[^\S\n](?:school|college|primary|intermediate|kura|marae)(?![\w-])"
)
# An address's next line, its locality and its post town in capitals: "Heamoor, PENZANCE"
_POST_TOWN_LINE = re.compile(
    rf"{_H}*,?{_H}*\n{_H}*(?:(?P<l>[A-Z][a-z0-9]{{2,}}(?:[ -][A-Z][a-z]+)?),{_H}*)?"
    rf"(?P<t>[A-Z]{{3,}}(?:[ -][A-Z]{{2,}})?){_H}*,?{_H}*(?=\n|\Z)"
)
_OFFICIAL_NAME = re.compile(r"[^\S\n]+[—–-][^\S\n]+[А-ЯЁ][а-яё]{2,}(?![\w-])")


def grown(text: str, spans: list[Span], language: str) -> Iterator[Span]:
    """Places by the rules above, next to the found spans or after a preposition."""
    for span in spans:
        if span.kind not in _NAMED:
            continue
        # a person's slash-mate is another person ("Anna/Hana"), or a place a layer took for one
        kind = "PERSON" if span.kind == "PERSON" else "PLACE"
        # (a word on the allow-list, a test's author, is a town beside a place: "Kirikiriroa/Hamilton")
        # (a bilingual label's slash has spaces round it: only a found place's has them too,
        # "Kirikiriroa / Hamilton", never "Príomhoide / Principal")
        after = (_AFTER_SLASH if span.kind == "PLACE" else _AFTER_TIGHT_SLASH).match(text, span.end)
        if after and (kind == "PLACE" or not wordlists.allowed(after.group("p"))):
            yield Span(after.start("p"), after.end("p"), kind, "place-edge")
        before = (_BEFORE_SLASH if span.kind == "PLACE" else _BEFORE_TIGHT_SLASH).search(
            text, max(0, span.start - 30), span.start
        )
        if before and (kind == "PLACE" or not wordlists.allowed(before.group("p"))):
            yield Span(before.start("p"), before.end("p"), kind, "place-edge")
        if span.kind == "ADDRESS":
            post = _POST_TOWN_LINE.match(text, span.end)
            if post and (post.group("l") or _post_town(post.group("t"))):
                for part in ("l", "t"):
                    if post.group(part):
                        yield Span(post.start(part), post.end(part), "PLACE", "place-edge")
        if span.kind in ("SCHOOL", "ORG"):
            town = _AUTHOR_TOWN.match(text, span.end)
            if town:  # "Te Rapa Valley Intermediate, Hamilton."
                yield Span(town.start("p"), town.end("p"), "PLACE", "place-edge")
        if span.kind == "PLACE":
            compass = _COMPASS.search(text, max(0, span.start - 10), span.start)
            if compass:
                yield Span(compass.start(), span.end, "PLACE", "place-edge")
            head = _HEAD_BEFORE.search(text, max(0, span.start - 12), span.start)
            if head:  # "озера Нейто", "Тоджинского кожууна"
                yield Span(head.start(), span.end, "PLACE", "place-edge")
            tail = _HEAD_AFTER.match(text, span.end)
            if tail:
                yield Span(span.start, tail.end(), "PLACE", "place-edge")
            official = _OFFICIAL_NAME.match(text, span.end)
            if official and re.search(
                r"(?<!\w)(?:област\w*|округ\w*|кра[йяюе])$", text[span.start : span.end]
            ):
                # "Кемеровская область — Кузбасс", "Ханты-Мансийский автономный округ — Югра"
                yield Span(span.start, official.end(), "PLACE", "place-edge")
            if _GEO_HEAD.fullmatch(text[span.start : span.end]):
                named = _NAMED_BEFORE.search(text, max(0, span.start - 20), span.start)
                if named:  # "Thursday Island": its first word a layer took for a weekday
                    yield Span(named.start(), span.end, "PLACE", "place-edge")
    if language == "cs":
        for m in _OKRES.finditer(text):
            yield Span(m.start(), m.end(), "PLACE", "place-edge")
    if language == "en":
        for m in _PROVINCE.finditer(text):
            yield Span(m.start("t"), m.end("t"), "PLACE", "place-edge")
            yield Span(m.start("s"), m.end("s"), "PLACE", "place-edge")
        for m in _EN_ISLAND.finditer(text):
            yield Span(m.start(), m.end(), "PLACE", "place-edge")
        for m in _STATE.finditer(text):
            yield Span(m.start(), m.end(), "PLACE", "place-edge")
        for m in _EN_AFTER.finditer(text):
            if _rare(m.group("w"), "en"):
                yield Span(m.start("w"), m.end("w"), "PLACE", "place-lower")


def _post_town(word: str) -> bool:
    """Is a word in capitals a town of the English-speaking countries ("PENZANCE")?"""
    from praxishub.cases import gazetteer

    index = gazetteer.index()
    return index.town(word.casefold(), False, gazetteer.ENGLISH_SPEAKING) and not wordlists.allowed(
        word.title()
    )


def lower_grown(text: str, spans: list[Span], language: str) -> Iterator[Span]:
    """English names found in lower case, grown over a Māori article before them and a
    school's or marae's word after them."""
    if language != "en":
        return
    for span in spans:
        if span.kind not in ("PLACE", "PERSON") or not text[span.start : span.start + 1].islower():
            continue
        te = _TE_BEFORE.search(text, max(0, span.start - 5), span.start)
        if te:
            yield Span(te.start(), span.end, span.kind, "place-edge")
        school = _LOWER_SCHOOL.match(text, span.end)
        if school:
            body = "ORG" if school.group().endswith("marae") else "SCHOOL"
            yield Span(te.start() if te else span.start, school.end(), body, "place-edge")


# An Australian state by its letters standing alone: NSW and QLD anywhere; the others (one
# of which is also a word or a therapy's name: WA, SA, NT) in a log's column, set apart by two
# spaces, or after a preposition of place ("calls from TAS", "in WA"). ACT is left: it is as
# often acceptance and commitment therapy.
_STATE = re.compile(
    r"(?<![\w@#./-])(?:NSW|QLD|Qld)(?![\w@-])"
    r"|(?<=[^\S\n]{2})(?:VIC|Vic|TAS|Tas|NT|WA|SA)(?=[^\S\n]{2}|[^\S\n]*$)"
    r"|(?:(?<=\bin )|(?<=\bfrom )|(?<=\bto )|(?<=\bacross )|(?<=\bregional ))"
    r"(?:VIC|Vic|TAS|Tas|NT|WA|SA)(?![\w@-])",
    re.MULTILINE,
)
# "Logan, QLD", "Iqaluit, NU": a town and its Canadian province or Australian state, each a place
_PROVINCE = re.compile(
    r"(?<![\w-])(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)(?P<t>[A-Z][a-zà-ÿ'’-]{2,}(?:[^\S\n][A-Z][a-zà-ÿ'’-]{2,})?),[^\S\n]"
    r"(?P<s>NU|NT|YT|BC|AB|SK|MB|ON|QC|NB|NS|PEI|PE|NL|NSW|QLD|Qld|VIC|Vic|TAS|Tas|ACT|WA)(?![\w-])"
)

# "okr. Trutnov", "okres Ústí nad Orlicí": a Czech district by its town, "okr." inside
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_OKRES = re.compile(
    rf"(?<![\w-])okr(?:es|\.)[^\S\n]?[{_CS_UP}][\w-]+(?:[^\S\n](?:nad|pod)[^\S\n][{_CS_UP}][\w-]+)?"
)


def _rare(word: str, language: str) -> bool:
    from wordfreq import zipf_frequency

    if word in ner.latin_names("en", first_only=True):
        return False  # a first name in lower case is a person's, if anything
    return zipf_frequency(word, language) < _RARE and not wordlists.allowed(word)
