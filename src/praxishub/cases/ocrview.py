"""What a scanned form says once OCR's look-alikes are read back, for every layer to read.

Rule: a form that comes back from OCR mixes digits and the letters that look like them:
"1З.О2.2О26" for a date, "44503б" for a postcode, "3l5 Se1kirk Ave" for an address,
"P1zeň" for a town. Every layer would have to know every confusion; instead a cell with two
or more such words is read again as restored text of the same length, and what the layers
find there over a restored word is masked in the text as written:

- a word of digits and look-alike letters only (O О o о → 0, l I і | → 1, З з → 3, б → 6)
  with at least one real digit becomes digits;
- a word of three or more letters with one or two of the digits 0, 1, 5 inside (not a
  number's end, so "Win10" stays) becomes letters, in its script;
- a word of Cyrillic and Latin letters ("Aлматы", "Taлғар", "бiлiм", "Nоvák") is read in the
  script most of its letters are in, where each other letter has a look-alike there.

A phrase printed letter-spaced ("L e n k a   H r a d i l o v á", "С т е п н о г о р с к  қ а л а
с ы") is read as its words ("Lenka Hradilová"), the rest of its length left blank, and what the
layers find in it is masked over the letters as printed; a phrase in capitals is read with
capitals first ("P E E L   K I N D R E D" as "Peel Kindred").

On such a form a word split by an OCR space ("Bártk ová") is joined where the text writes it
whole elsewhere ("Bártková"), or where a part that is no word makes with the part before it a
word, a name or a town ("Sq uare", "J anuary", "Ža tec", "Hami lton"), and masked over both parts.

Known limits: B for 8 and S for 5 are not read back (too many codes hold them); a split word
the text never writes whole stays split where its tail is a word of its own ("Sant os") or the
whole is no word, name or town the lists know; a cell with only one garbled word is read as
written.
"""

from __future__ import annotations

import functools
import re

# A word of Latin or Cyrillic letters and digits (a Chinese character next to it ends it).
_TOKEN = re.compile(r"(?<![0-9A-Za-zÀ-žЀ-ӿ@#/_])[0-9A-Za-zÀ-žЀ-ӿ]+(?![0-9A-Za-zÀ-žЀ-ӿ@_])")
_TO_DIGIT = str.maketrans(
    {
        "O": "0",
        "О": "0",
        "o": "0",
        "о": "0",
        "l": "1",
        "I": "1",
        "і": "1",
        "З": "3",
        "з": "3",
        "б": "6",
    }
)
_LATIN_BACK = str.maketrans({"0": "o", "1": "l", "5": "s"})
_CYRILLIC_BACK = str.maketrans({"0": "о", "1": "і", "5": "s"})
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
_CYRILLIC_ANY = re.compile(r"[Ѐ-ӿ]")
_HAN = re.compile(r"[\u3400-\u9fff]")


# Letter-spaced print: four or more single characters one space apart (three of them letters),
# words of them two or three spaces apart
_SPACED_WORD = r"(?<![^\s(«\"„])\S(?: \S){2,}(?![^\s,.;:)»\"“])"
_SPACED_PHRASE = re.compile(
    rf"{_SPACED_WORD}(?:[^\S\n]{{2,3}}(?:{_SPACED_WORD}|\S(?=[^\S\n]{{2,3}}\S \S)))*"
)


def _spaced(m: re.Match[str]) -> str | None:
    """A letter-spaced phrase's words, and blanks for the rest of its length."""
    words = [w.replace(" ", "") for w in re.split(r"[^\S\n]{2,3}", m.group())]
    if sum(ch.isalpha() for ch in "".join(words)) < 3 or max(map(len, words)) < 4:
        return None
    if _HAN.search(m.group()):
        return None  # Chinese is printed without spaces: spaced characters are a heading's
    read = " ".join(words)
    return read + " " * (len(m.group()) - len(read))


def shouted(text: str, start: int, end: int) -> bool:
    """Does the span lie in a letter-spaced phrase printed in capitals (a form's heading, "Z Á
    Z N A M", as often as a name)?"""
    for m in _SPACED_PHRASE.finditer(text, max(0, start - 200), min(len(text), end + 200)):
        if m.start() <= start and end <= m.end():
            # (an OCR'd l for I is no small letter: "P S Y C H O L O G l C A L")
            letters = [ch for ch in m.group() if ch.isalpha()]
            return sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)
    return False


def back(text: str, start: int, end: int) -> tuple[int, int]:
    """Where a span of the read-back view lies in the text as written: in a letter-spaced
    phrase, over the letters it was read from; in a split word joined, over both parts;
    elsewhere the view has the text's places."""
    for first, split, last in _read_back(text)[2]:
        if first <= start < last or first < end <= last:
            # the view has the word's second part one place to the left, a blank after it
            if split <= start < last:
                start += 1
            if split < end < last:
                end += 1
    for m in _SPACED_PHRASE.finditer(text, max(0, start - 200), min(len(text), end + 200)):
        if not (m.start() <= start < m.end()) or _spaced(m) is None:
            continue
        # the phrase's characters, each with its place in the text
        places = [m.start() + i for i, ch in enumerate(m.group()) if not ch.isspace()]
        gaps = [g.start() for g in re.finditer(r"[^\S\n]{2,3}", m.group())]
        read: list[int] = []
        for word_end in [*gaps, len(m.group())]:
            read.extend(p for p in places if p < m.start() + word_end and p not in read)
            read.append(m.start() + word_end)  # the space between two words
        first, last = start - m.start(), min(end, m.end()) - m.start()
        if first >= len(read) - 1:
            return start, start
        return read[first], read[min(last, len(read) - 1) - 1] + 1
    return start, end


# Two parts of a word that OCR split with a space: "Bártk ová", "Thar shan", "Дмитр иевна"
_PAIR = re.compile(r"(?<![^\W\d_])(?=([^\W\d_]+) ([^\W\d_]+)(?![^\W\d_]))")
_WORD = re.compile(r"[^\W\d_]+")


def _split_words(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Words a scanned form prints split by a space that the same text writes whole elsewhere
    ("Podpis matky: P. Bártk ová" beside "Jarmila Bártková"), joined, a blank after them."""
    words = {w.casefold() for w in _WORD.findall(text)}
    joins: list[tuple[int, int, str]] = []
    for m in _PAIR.finditer(text):
        start, end = m.start(1), m.end(2)
        joined = m.group(1) + m.group(2)
        if len(joined) < 4 or (
            (len(joined) < 5 or joined.casefold() not in words) and not _split_town(m)
        ):
            continue
        if any(a < end and start < b for a, b in taken) or (joins and start < joins[-1][1]):
            continue
        joins.append((start, end, joined + " "))
    return joins


def _split_town(m: re.Match[str]) -> bool:
    """A word split by OCR where its tail alone is no word and the whole is a word, a name or a
    town ("Sq uare", "J anuary", "Hami lton", "Ža tec", "Sant os", "Lacew ing")."""
    head, tail = m.group(1), m.group(2)
    if not tail.islower() or not (head[:1].isupper() or head.islower()):
        return False
    from wordfreq import zipf_frequency

    from praxishub.cases import gazetteer, ner

    if max(zipf_frequency(tail, lang) for lang in ("cs", "en", "ru")) >= 3.3:
        return False
    name = (head + tail).casefold()
    index = gazetteer.index()
    return (
        name in index.latin
        or name in index.cyrillic
        or max(zipf_frequency(name, lang) for lang in ("cs", "en", "ru")) >= 2.5
        or name in ner.latin_names("en")
        or name in ner.latin_names("cs")
    )


def restore(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with garbled words and letter-spaced phrases read back, and where they are;
    the text itself and no places when fewer than two words are garbled and no phrase is
    spaced."""
    view, places, _ = _read_back(text)
    return view, places


@functools.lru_cache(maxsize=8)
def _read_back(
    text: str,
) -> tuple[str, list[tuple[int, int]], list[tuple[int, int, int]]]:
    changes: list[tuple[int, int, str]] = []
    spaced = 0
    if re.search(r"\S \S \S \S", text):
        for m in _SPACED_PHRASE.finditer(text):
            read = _spaced(m)
            if read is not None:
                changes.append((m.start(), m.end(), read))
                spaced += 1
    taken = [(start, end) for start, end, _ in changes]
    for m in _TOKEN.finditer(text):
        if any(start <= m.start() < end for start, end in taken):
            continue
        fixed = _restored(m.group())
        if fixed is None and _date_part(text, m):
            fixed = m.group().translate(_TO_DIGIT)
        if fixed is not None and fixed != m.group():
            changes.append((m.start(), m.end(), fixed))
    if len(changes) - spaced < 2 and not spaced:
        return text, [], []
    # a scanned form: its split words too
    joins = _split_words(text, [(start, end) for start, end, _ in changes])
    changes.extend(joins)
    parts, last = [], 0
    for start, end, fixed in sorted(changes):
        parts.append(text[last:start])
        parts.append(fixed)
        last = end
    parts.append(text[last:])
    split = [(start, start + len(text[start:end].split(" ")[0]), end) for start, end, _ in joins]
    return "".join(parts), [(start, end) for start, end, _ in changes], split


# A day or month of look-alikes only, as a date's part: "O8.Ol.l933", "2O26.ll.O4", "lO Feb",
# "2О24 жылғы l қыркүйектен"
_LOOKALIKES = re.compile(r"[OОoоlIі]{1,2}")
_MONTH_AFTER = re.compile(
    r"[^\S\n](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|led|úno|bře|dub|kvě|čer|srp|zář|říj|lis|pro"
    r"|янв|фев|мар|апр|мая|июн|июл|авг|сен|окт|ноя|дек"
    r"|қаң|ақп|нау|сәу|мам|мау|шіл|там|қыр|қаз|қар|жел)",
    re.IGNORECASE,
)


def _date_part(text: str, m: re.Match[str]) -> bool:
    """Is the word one or two look-alike letters standing as a date's day or month: between
    a date's dots with a number beside it, or before a month's name?"""
    if not _LOOKALIKES.fullmatch(m.group()):
        return False
    before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
    if (
        before in "./-"
        and before
        and re.search(r"\d[./-][0-9OОlI]{1,2}[./-]$", text[max(0, m.start() - 6) : m.start()])
    ):
        return after in "./-" or not after.strip()  # the date's last part after two
    if before in "./-" and before and text[m.start() - 2 : m.start() - 1].isalnum():
        return after in "./-" and bool(
            re.match(r"[./-][0-9OОlI]{2,4}(?![\w])", text[m.end() : m.end() + 6])
        )
    if after in "./" and after:  # the date's first part: two more parts follow
        rest = re.match(
            r"[0-9OОlI]{1,2}[./][0-9OОlI]{2,4}(?![\w])", text[m.end() + 1 : m.end() + 9]
        )
        return bool(rest) and any(ch.isdigit() for ch in rest.group())
    return bool(_MONTH_AFTER.match(text, m.end())) and not before.isalpha()


# Latin letters that look like Cyrillic ones, and back: OCR (and a keyboard left in the other
# layout) prints "Aлматы", "Taлғар", "бiлiм" for "Алматы", "Талғар", "білім", "Nоvák" for "Novák"
_TO_CYRILLIC = str.maketrans("AaBCcEeHIiKkMOoPpTXxYy", "АаВСсЕеНІіКкМОоРрТХхУу")
_TO_LATIN = str.maketrans("АаВСсЕеНІіКкМОоРрТХхУуЈј", "AaBCcEeHIiKkMOoPpTXxYyJj")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ž]")


def _one_script(word: str) -> str | None:
    """A word of letters from two scripts, those of the fewer read as their look-alikes in the
    script of the more; None when the word has one script or a letter with no look-alike."""
    cyrillic = len(_CYRILLIC_ANY.findall(word))
    latin = len(_LATIN_LETTER.findall(word))
    if not cyrillic or not latin:
        return None
    fixed = word.translate(_TO_CYRILLIC if cyrillic >= latin else _TO_LATIN)
    if _CYRILLIC_ANY.search(fixed) and _LATIN_LETTER.search(fixed):
        return None
    return fixed


def _restored(word: str) -> str | None:
    digits = sum(ch.isdigit() for ch in word)
    if not digits:
        return _one_script(word)
    if all(ch.isdigit() or ch in "OОoоlIіЗзб" for ch in word):
        return word.translate(_TO_DIGIT)
    # a reference's letter prefix, its number garbled: "CC2O26O2llOO472"
    prefixed = re.fullmatch(r"([A-ZА-ЯЁ]{1,4})(\d[0-9OОlI]*)", word)
    if prefixed and sum(ch.isdigit() for ch in prefixed[2]) >= 4 and len(prefixed[2]) >= 6:
        return prefixed[1] + prefixed[2].translate(_TO_DIGIT)
    letters = len(word) - digits
    if letters >= 3 and digits <= 2 and not re.search(r"[2-46-9]|\d$", word):
        back = _CYRILLIC_BACK if _CYRILLIC.search(word) else _LATIN_BACK
        fixed = word.translate(back)
        if word[0] == "0":
            fixed = ("О" if back is _CYRILLIC_BACK else "O") + fixed[1:]
        return fixed
    return None
