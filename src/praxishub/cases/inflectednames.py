"""Round 11a: more PERSON names in Russian, Kazakh and Czech notes.

Why a layer of its own: the other name layers look at one shape each (a capitalised word
mid-sentence, a chat sender, an intake form in upper case). Real notes also name people

- in lower case, in chats and voice transcripts ("костя в тот день болел", "айсұлу үйде"),
  where a first name from the lists, or a person the note already named, is still a name;
- after a kin or role word in lower case ("тётя вика", "дядя паша");
- with a tail the other layers stop before: a lower-case patronymic ("виталию сергеевичу"),
  an Uzbek or Azeri patronymic word ("Бахтиёр угли"), an initial ("Зейнолла Л."), a Kazakh
  case ending after initials ("Р. Т.-ға"), the syllables of a Korean name ("Пак Мён Хи");
- with a postposed honorific of Central Asian languages ("Нурмамат ака", "Zarina opa");
- as a maiden name ("roz. Ďuricová", "урожд. Смирнова");
- as a Korean or Vietnamese family name ("Ольга Ни", "Đỗ Thị Mai", "Nguyenovi");
- as a nickname made from a name the note already gave ("Хайрулка" for Хайруллина,
  "Kadlík" for Kadlec, "Витка" for Виктория);
- at the start of a sentence, where the other layers stay silent, when the word is plainly a
  first name's declined, possessive or diminutive form ("Matějovi jsem…", "Filipova matka",
  "Šimonek se ptá", "«Тёмочка сегодня…»").

Everything returned is PERSON with source "r11a"; nothing found by another layer is dropped.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator

from praxishub.cases import chatnames, kazakh, ner
from praxishub.cases.spans import Span

_UP = "A-ZÀ-ÖØ-ÞĀ-ſ\u1e00-\u1effА-ЯЁӘҒҚҢӨҰҮҺІ"
_LO = "a-zß-öø-ÿĀ-ſ\u1e00-\u1effа-яёәғқңөұүһі"
_L = f"{_UP}{_LO}"
_WORD = re.compile(rf"(?<![{_L}\w@#./_-])[{_L}]+(?![{_L}\w@_]|\.[{_L}]|-[{_L}])")
_LOWER_WORD = re.compile(rf"(?<![{_L}\w@#./_-])[{_LO}]{{3,}}(?![{_L}\w@_]|\.[{_L}]|-[{_L}])")

# --- words that end a span's growth --------------------------------------------------------

# A Russian patronymic in any case and either case of letter ("сергеевичу", "Андреевна").
_PATRONYMIC = re.compile(
    rf"[^\S\n]+(?P<w>[{_L}]{{2,}}(?:ович|евич|ьич|овн|евн|ичн|инична)[а-яё]{{0,3}})(?![{_L}])",
    re.IGNORECASE,
)
# A Kazakh patronymic written as one word or two ("қалиқызы", "Нұрланұлы", "Әлі қызы"), and
# Uzbek / Azeri / Tatar patronymic words after a father's name ("Бахтиёр угли", "Ali oğlu").
_KK_PATRONYMIC = re.compile(
    rf"[^\S\n]+(?P<w>[{_L}]{{2,}}(?:қызы|кызы|ұлы|улы))(?![{_L}])", re.IGNORECASE
)
_FATHER_TAIL = re.compile(
    rf"[^\S\n]+(?P<w>[{_UP}][{_LO}]{{2,}}[^\S\n]+(?:угли|ўғли|оглы|огли|кызы|қызы|ұлы|улы"
    rf"|qizi|o[ʻ'’`]?g[ʻ'’`]?li|ogli|oğlu|oglu|kyzy))(?![{_L}])"
)
# One or two initials after a name ("Зейнолла Л.", "Temüülen B.-E.", "дмитрий андреевич р.").
_INITIALS = re.compile(rf"[^\S\n]+(?P<w>[{_UP}]\.(?:-?[^\S\n]?[{_UP}]\.)?)(?![{_L}])")
_LOWER_INITIAL = re.compile(rf"[^\S\n]+(?P<w>[{_LO}]\.)(?![{_L}])")
# A Kazakh case ending hyphenated after initials ("Жақсығалиев Р. Т.-ға", "А. Н.-дан").
_KK_HYPHEN_TAIL = re.compile(r"(?P<w>-[а-яәғқңөұүһі]{1,5})(?![\w-])")
# Korean names written in Cyrillic: the given name's one-syllable parts ("Пак Мён Хи").
_KOREAN_PART = re.compile(
    rf"[^\S\n]+(?P<w>[{_UP}][{_LO}]{{0,2}}(?:-[{_UP}]?[{_LO}]{{1,2}})?)(?![{_L}])"
)

# Short words that may follow a Korean name and are no part of it.
_NOT_KOREAN = frozenset(
    [
        "Он",
        "Мы",
        "Вы",
        "Я",
        "И",
        "А",
        "В",
        "С",
        "К",
        "У",
        "О",
        "Но",
        "На",
        "По",
        "За",
        "Из",
        "Не",
        "Да",
        "Ну",
        "Их",
        "Её",
        "Ей",
        "Им",
        "Ты",
    ]
)
_KOREAN_SURNAMES = frozenset(
    [
        "ким",
        "пак",
        "ли",
        "цой",
        "тен",
        "тян",
        "хан",
        "хван",
        "ни",
        "нам",
        "шин",
        "югай",
        "огай",
        "когай",
        "пай",
        "ан",
        "чон",
        "чен",
        "кан",
        "лим",
        "мун",
        "сон",
        "хегай",
        "дян",
        "цхай",
        "чжон",
        "ю",
        "хон",
        "ко",
        "чо",
        "пэ",
        "кво",
    ]
)
# Vietnamese family names (with and without their diacritics) and middle names.
_VIET_SURNAMES = frozenset(
    [
        "nguyen",
        "nguyễn",
        "tran",
        "trần",
        "le",
        "lê",
        "pham",
        "phạm",
        "hoang",
        "hoàng",
        "huynh",
        "huỳnh",
        "phan",
        "vu",
        "vũ",
        "vo",
        "võ",
        "dang",
        "đặng",
        "bui",
        "bùi",
        "do",
        "đỗ",
        "ho",
        "hồ",
        "ngo",
        "ngô",
        "duong",
        "dương",
        "ly",
        "lý",
        "dinh",
        "đinh",
        "trinh",
        "trịnh",
        "mai",
        "truong",
        "trương",
    ]
)
_VIET_MIDDLE = frozenset(
    ["thị", "thi", "văn", "van", "hữu", "huu", "đức", "duc", "ngọc", "ngoc", "minh", "quang"]
)
_VIET_NAME = re.compile(
    rf"(?<![{_L}])(?P<s>[{_UP}][{_L}]{{1,7}})(?P<rest>(?:[^\S\n]+[{_UP}][{_LO}]{{1,7}}){{1,3}})"
    rf"(?![{_L}])"
)
_VIET_DECLINED = re.compile(
    rf"(?<![{_L}])(?:Nguyen|Nguyễn|Tran|Trần|Pham|Phạm|Hoang|Huynh|Vu|Dang|Bui|Truong)"
    rf"(?:ovi|ová|ové|ovou|em|ovy|ových|ům|ovým|a|u|e|ou)(?![{_L}])"
)

# Honorifics and kin words that Kazakh, Uzbek and Uyghur place after a first name.
_POSTPOSED = re.compile(
    rf"(?<![{_L}])(?P<n>[{_UP}][{_LO}]{{2,}})[^\S\n]+"
    rf"(?:ака|ага|аға|ағай|ағасы|апа|апай|опа|әпке|көке|тәте|хәдә|һәдә|ака-|aka|opa|apa|akа"
    # Uzbek kin words: "Мукаддам буви" (grandmother), "Рустам амаки" (uncle)
    rf"|буви|бува|хола|амаки|buvi|buva|xola|amaki)"
    rf"(?![{_L}])"
)
# A maiden name ("roz. Ďuricová", "урожд. Смирнова", "в девичестве Ким").
_MAIDEN = re.compile(
    rf"(?<![{_L}])(?:roz\.|rozená|урожд\.|урождённая|урожденная|в девичестве)[^\S\n]+"
    rf"(?P<n>[{_UP}][{_LO}]{{2,}})(?![{_L}])"
)
# Kin and role words after which a lower-case word may be a first name ("тётя вика").
_KIN = re.compile(
    r"(?<![а-яё])(?:тётя|тетя|тёти|тети|тётей|дядя|дяди|дядей|дяде|тётке|бабушка|бабушки|дедушка"
    r"|дедушки|баба|деда|брат|брата|братом|сестра|сестры|сестрой|подружка|подружки|друг|друга"
    r"|одноклассник|одноклассница|мой|моя|моего|моей|teta|tety|tetou|strejda|strejdy|babička"
    r"|děda|brácha|ségra|kamarád|kamarádka|kamaráda|kamarádky|můj|moje|mýho|mojí)[^\S\n]+"
    r"(?P<n>[а-яёa-zà-ž]{3,})(?![\w])",
    re.IGNORECASE,
)
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?…:;]|\n)[^\S\n]*[\"«“„(>*#\-–—\d.)]*[^\S\n]*$")
_CHAT_LINE = re.compile(r"(?m)^.*\b\d{1,2}:\d\d\b.*$")

_CS_DECLINED_NAME = re.compile(r"(?:ovi|ův|ova|ovo|ovy|ových|ovým|ovu|em|ou|u|e|y|a|o)$")


def find(text: str, language: str, found: list[Span], intake: object) -> list[Span]:
    """PERSON spans the other layers missed, for Russian, Kazakh and Czech text."""
    if language not in ("ru", "kk", "cs"):
        return []
    people = [s for s in found if s.kind == "PERSON"]
    spans: list[Span] = []
    spans.extend(_grown(text, people, language))
    spans.extend(_postposed(text, language))
    spans.extend(_maiden(text))
    spans.extend(_foreign_families(text, people, language))
    known = _known_words(text, people, intake)
    spans.extend(_lower_known(text, known, intake, language))
    spans.extend(_chat_lines(text, language))
    spans.extend(_after_kin(text, language))
    spans.extend(_nicknames(text, known, language))
    spans.extend(_openers(text, language))
    spans.extend(_with_initial(text, language))
    spans.extend(_chat_hypocoristics(text, language))
    spans.extend(_after_title(text, language))
    return spans


# A first name and one initial: "Зейнолла Л.", "adéla š.", "dan h" (in a list of chat users).
_NAME_INITIAL = re.compile(
    rf"(?<![{_L}\w@#./_-])(?P<n>[{_L}]{{3,}})[^\S\n](?P<i>[{_L}])(?:\.|(?=[,;<]|[^\S\n]*$))",
    re.MULTILINE,
)
# Czech titles and "paní" in any case, then a surname or an initial ("mgr. Pospíšilové").
_CS_TITLE = re.compile(
    rf"(?<![{_L}])(?:mgr|bc|phdr|mudr|paeddr|ing|judr)\.[^\S\n]*(?P<n>[{_UP}][{_LO}]{{2,}})"
    rf"(?![{_L}])|(?<![{_L}])(?:paní|pan|pana|panu|panem)[^\S\n]+(?P<i>[{_UP}]\.)",
    re.IGNORECASE,
)


def _with_initial(text: str, language: str) -> Iterator[Span]:
    """A first name by the lists followed by one initial ("Зейнолла Л.", "adéla š."): a
    first name and a letter are how notes and chats shorten a person, never a word."""
    for m in _NAME_INITIAL.finditer(text):
        name, initial = m.group("n"), m.group("i")
        if name[0].isupper() != initial.isupper() or name.isupper():
            continue
        if name[0].isupper():
            ok = _first_ru(name) or _kk_plain(name) if _CYR.match(name) else _cs_first_cap(name)
        elif language == "cs":
            ok = chatnames._cs_first(name)  # the initial vouches: no frequency check
        else:
            ok = _first_lower(name, language)
        if ok and name.casefold() not in _WORD_NAMES and not ner.allowed(name):
            yield Span(m.start(), m.end(), "PERSON", "r11a")


# Czech hypocoristic endings on a first name's first letters ("zuzi", "domča", "ferdo", "terce").
_CS_PET = ("ča", "čo", "ce", "ci", "ďa", "do", "da", "ša", "i", "ík", "ek", "inka", "ička")


@functools.cache
def _cs_name_prefixes() -> frozenset[str]:
    """The first three and four letters of the Czech first names (accents folded)."""
    names = ner.latin_names("cs", first_only=True)
    return frozenset(_fold(n)[:k] for n in names for k in (3, 4) if len(n) > k)


def _chat_hypocoristics(text: str, language: str) -> Iterator[Span]:
    """In chat lines: a Czech pet name (a first name's first letters and a pet ending, rare as a
    word: "zuzi", "domča", "ferdo"), and a Russian word read only as a surname ("рябов")."""
    if language not in ("cs", "ru"):
        return
    for line in re.finditer(r"(?m)^.+$", text):
        if not (re.search(r"\b\d{1,2}:\d\d\b", line.group()) or _mostly_lower(line.group())):
            continue
        for m in _LOWER_WORD.finditer(text, line.start(), line.end()):
            word = m.group()
            if (language == "cs" and _cs_pet(word)) or (language == "ru" and _only_surname(word)):
                yield Span(m.start(), m.end(), "PERSON", "r11a")


@functools.lru_cache(maxsize=50_000)
def _cs_pet(word: str) -> bool:
    if word in chatnames._stop_words("cs") or ner.allowed(word) or _common_cs_strict(word):
        return False
    prefixes = _cs_name_prefixes()
    for ending in _CS_PET:
        stem = word[: len(word) - len(ending)]
        if word.endswith(ending) and 3 <= len(stem) <= 4 and _fold(stem) in prefixes:
            return True
    return False


@functools.lru_cache(maxsize=50_000)
def _only_surname(word: str) -> bool:
    """A Russian word the dictionary knows only as a surname ("рябов", not "орлов" the bird's)."""
    if ner.allowed(word) or not ner.morph().word_is_known(word):
        return False
    parses = ner.parse(word)
    return all("Surn" in p.tag.grammemes for p in parses) and "nomn" in parses[0].tag.grammemes


def _cs_first_cap(name: str) -> bool:
    return chatnames._cs_first(name.casefold()) or chatnames._latin_first(name.casefold(), "en")


def _after_title(text: str, language: str) -> Iterator[Span]:
    """A surname or initial after a Czech title or "paní", whatever its case ("mgr. Pospíšilové",
    "paní K."): the title says a person follows."""
    if language != "cs":
        return
    for m in _CS_TITLE.finditer(text):
        group = "n" if m.group("n") else "i"
        if group == "n" and ner.allowed(m.group("n")):
            continue
        yield Span(m.start(group), m.end(group), "PERSON", "r11a")


# --- growing found names --------------------------------------------------------------------


def _grown(text: str, people: list[Span], language: str) -> Iterator[Span]:
    """A found name with the tail the other layers left out: patronymic, initials, a Kazakh
    ending after the initials, Korean given-name syllables. Why: a half-masked name still
    identifies ("Виталию [ИМЯ]", "[ИМЯ] угли")."""
    for span in people:
        end = span.end
        surface = text[span.start : span.end]
        for pattern in (_PATRONYMIC, _KK_PATRONYMIC, _FATHER_TAIL):
            m = pattern.match(text, end)
            if m and not ner.allowed(m.group("w")):
                end = m.end()
        m = _INITIALS.match(text, end)
        if m or (surface.islower() and (m := _LOWER_INITIAL.match(text, end))):
            end = m.end()
        if text[end - 1 : end] == "." and language == "kk":
            tail = _KK_HYPHEN_TAIL.match(text, end)
            if tail:
                end = tail.end()
        words = {w.casefold() for w in re.findall(rf"[{_L}]+", surface)}
        if language in ("ru", "kk") and words & _KOREAN_SURNAMES:
            while (m := _KOREAN_PART.match(text, end)) and m.group("w") not in _NOT_KOREAN:
                end = m.end()
        if end > span.end:
            yield Span(span.start, end, "PERSON", "r11a")


# --- shapes of whole names ------------------------------------------------------------------


def _postposed(text: str, language: str) -> Iterator[Span]:
    """A first name before a postposed honorific or kin word ("Нурмамат ака", "Zarina opa")."""
    if language not in ("ru", "kk"):
        return
    for m in _POSTPOSED.finditer(text):
        name = m.group("n")
        if ner.allowed(name) or name.casefold() in ner.titles():
            continue
        uzbek_kin = re.match(r"\S+\s+(?:буви|бува|хола|амаки)$", m.group(), re.I)
        if _CYR.match(name) and not (
            uzbek_kin or _first_ru(name) or _kk_plain(name) or _unknown_mid_sentence(text, m, name)
        ):
            continue
        yield Span(m.start("n"), m.end("n"), "PERSON", "r11a")


_KK_KIN = frozenset(
    [
        "ата",
        "әже",
        "әке",
        "ана",
        "аға",
        "іні",
        "апа",
        "әпке",
        "сіңлі",
        "қарындас",
        "жиен",
        "бөле",
        "келін",
        "күйеу",
        "ене",
        "қайын",
        "нағашы",
        "немере",
        "шөбере",
        "баба",
        "ағай",
        "апай",
        "тәте",
        "көке",
    ]
)


_KK_PLAIN = str.maketrans("әғқңөұүһі", "агкноуухи")


@functools.cache
def _kk_plain_names() -> frozenset[str]:
    """The Kazakh first names as Russian keyboards and Uyghur spellings write them (Гулнар)."""
    return frozenset(n.translate(_KK_PLAIN) for n in ner.kk_names())


def _kk_plain(name: str) -> bool:
    folded = name.casefold()
    return folded not in _KK_KIN and folded.translate(_KK_PLAIN) in _kk_plain_names()


def _unknown_mid_sentence(text: str, m: re.Match[str], name: str) -> bool:
    """A capitalised word mid-sentence that no Russian dictionary knows and no kin word is:
    before a postposed honorific, a Kazakh, Uzbek or Uyghur first name ("Атасы Нурмамат ака")."""
    folded = name.casefold()
    if folded in _KK_KIN or ner.morph().word_is_known(folded):
        return False
    return not _SENTENCE_OPEN.search(text, max(0, m.start() - 8), m.start())


def _maiden(text: str) -> Iterator[Span]:
    """A maiden name after "roz." / "урожд.": a surname by its place, whatever it means."""
    for m in _MAIDEN.finditer(text):
        yield Span(m.start("n"), m.end("n"), "PERSON", "r11a")


def _foreign_families(text: str, people: list[Span], language: str) -> Iterator[Span]:
    """Korean names in Cyrillic ("Ольга Ни", "Пак Мён Хи") and Vietnamese names in Czech notes
    ("Đỗ Thị Mai", "Nguyenovi"): their one-syllable parts look like no name to the lists."""
    if language in ("ru", "kk"):
        yield from _korean(text, people)
    if language == "cs":
        for m in _VIET_NAME.finditer(text):
            parts = [m.group("s"), *m.group("rest").split()]
            folded = [p.casefold() for p in parts]
            if folded[0] in _VIET_SURNAMES and (
                any(p in _VIET_MIDDLE for p in folded[1:]) or len(parts) >= 3
            ):
                yield Span(m.start(), m.end(), "PERSON", "r11a")
        for m in _VIET_DECLINED.finditer(text):
            yield Span(m.start(), m.end(), "PERSON", "r11a")


_CYR = re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]")
_KOREAN_AFTER_FIRST = re.compile(
    rf"(?<![{_L}])(?P<f>[А-ЯЁ][а-яё]{{2,}})[^\S\n]+(?P<s>[А-ЯЁ][а-яё]{{0,4}})(?![{_L}-])"
)
_CAPITALISED = re.compile(r"(?<![А-Яа-яЁё])(?P<w>[А-ЯЁ][а-яё]{0,4})(?![А-Яа-яЁё-])")


def _korean(text: str, people: list[Span]) -> Iterator[Span]:
    """A first name and a Korean family name, and that family name where it recurs alone."""
    surnames: set[str] = set()
    for m in _KOREAN_AFTER_FIRST.finditer(text):
        if m.group("s").casefold() in _KOREAN_SURNAMES and _first_ru(m.group("f")):
            surnames.add(m.group("s"))
            yield Span(m.start(), m.end(), "PERSON", "r11a")
    for span in people:
        words = re.findall(r"[А-ЯЁ][а-яё]*", text[span.start : span.end])
        surnames.update(w for w in words if w.casefold() in _KOREAN_SURNAMES)
    if not surnames:
        return
    for m in _CAPITALISED.finditer(text):
        word = m.group("w")
        if word not in surnames:
            continue
        after = text[m.end() : m.end() + 2].lstrip()
        if after[:1].islower():
            continue  # "Ни слова", "Ли это": a particle opening a sentence
        yield Span(m.start(), m.end(), "PERSON", "r11a")


# --- names in lower case --------------------------------------------------------------------


def _known_words(text: str, people: list[Span], intake: object) -> set[str]:
    """The single words of the names found so far and of the intake, folded: a note's people."""
    words: set[str] = set()
    for span in people:
        for w in re.findall(rf"[{_L}]{{3,}}", text[span.start : span.end]):
            if w[0].isupper() and not w.isupper() and _name_like(w):
                words.add(w.casefold())
    for person in getattr(intake, "people", []) or []:
        # the names as given, not every case form: "Алмасу" is also a Kazakh word
        words.update(w.casefold() for w in re.findall(rf"[{_L}]{{3,}}", person.key))
    return words - _WORD_NAMES


_ENDINGS = {
    "ru": ("", "а", "у", "е", "ом", "ой", "ым", "ы", "и", "ю", "я", "ем", "ей", "ого", "ой"),
    "kk": ("", *kazakh.CASE, *kazakh.POSSESSIVE, *kazakh.PLURAL),
    "cs": ("", "a", "u", "e", "ě", "ovi", "em", "ou", "y", "i", "o", "ové", "ovou", "ová"),
}


def _lower_known(text: str, known: set[str], intake: object, language: str) -> Iterator[Span]:
    """A lower-case word that is a name the note gives elsewhere ("айгиз" after "Айгиз"), when
    the word is no common word. Why: chats and transcripts drop capitals, the person stays."""
    if not known:
        return
    endings = frozenset(_ENDINGS[language])
    for m in _LOWER_WORD.finditer(text):
        word = m.group()
        # a known stem of 3 letters or more, then one of the language's endings (looked up by
        # where the stem ends: a word has fewer letters than Kazakh has endings)
        if not any(
            word[:k] in known and word[k:] in endings for k in range(3, len(word) + 1)
        ) and not _voiced_stem(word, known, language):
            continue
        if _common(word, language):
            continue
        yield Span(m.start(), m.end(), "PERSON", "r11a")


# First names that are everyday words in lower case (rose, light, gold, beauty, Venus).
_WORD_NAMES = frozenset(
    [
        "раушан",
        "шолпан",
        "алтын",
        "күміс",
        "нұр",
        "бота",
        "ару",
        "сая",
        "әсем",
        "мөлдір",
        "таң",
        "жанар",
        "вера",
        "надежда",
        "любовь",
        "роза",
        "лилия",
        "слава",
        "мила",
        "лев",
        "věra",
        "naděžda",
        "růžena",
        "malý",
        "holub",
        "veselá",
    ]
)


def _voiced_stem(word: str, known: set[str], language: str) -> bool:
    """Kazakh voices a final к/қ/п before a vowel ending: "нұрлыбегім" is Нұрлыбек's."""
    if language != "kk":
        return False
    for tail in ("ім", "ым", "і", "ы", "ің", "ың", "ін", "ын", "імнің", "ымның"):
        stem = word[: len(word) - len(tail)]
        if word.endswith(tail) and len(stem) >= 4:
            hard = {"г": "к", "ғ": "қ", "б": "п"}.get(stem[-1])
            if hard and stem[:-1] + hard in known:
                return True
    return False


def _chat_lines(text: str, language: str) -> Iterator[Span]:
    """Lower-case first names in lines of a chat log with times ("20:30  это не наш, костя в
    тот день болел"): there a name loses its capital, the lists still know it."""
    for line in _CHAT_LINE.finditer(text):
        for m in _LOWER_WORD.finditer(text, line.start(), line.end()):
            if _first_lower(m.group(), language):
                yield Span(m.start(), m.end(), "PERSON", "r11a")


def _after_kin(text: str, language: str) -> Iterator[Span]:
    """A lower-case first name after a kin or role word ("тётя вика", "kamarádka zuzka")."""
    for m in _KIN.finditer(text):
        word = m.group("n")
        if not word.islower():
            continue
        if language in ("ru", "kk") and _CYR.match(word):
            best = ner.parse(word)
            named = any("Name" in p.tag.grammemes and p.score >= 0.3 for p in best[:3])
            if named or _first_lower(word, language):
                yield Span(m.start("n"), m.end("n"), "PERSON", "r11a")
        elif language == "cs" and _first_lower(word, language):
            yield Span(m.start("n"), m.end("n"), "PERSON", "r11a")


@functools.lru_cache(maxsize=50_000)
def _first_lower(word: str, language: str) -> bool:
    """Is the lower-case word a first name by the lists and nothing else?"""
    if language == "ru":
        return chatnames._only_name(word) or _ru_diminutive(word)
    if language == "kk":
        return chatnames._kk_first(word)
    return chatnames._cs_first(word) and not _common_cs(word)


# --- nicknames and sentence openers ---------------------------------------------------------


def _fold(word: str) -> str:
    """word without its accents, folded: "Táda" and "Tadeáš" share "tad"."""
    return "".join(
        c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c)
    )


def _nicknames(text: str, known: set[str], language: str) -> Iterator[Span]:
    """A word made of the first letters of a name the note gives and a diminutive suffix
    ("Хайрулка" ← Хайруллина, "Kadlík" ← Kadlec, "Táda" ← Tadeáš, "Tadku" ← Tadeáš; in a chat
    also lower case). Why: teasing names and pet names are made so, and identify as well."""
    if not known:
        return
    prefixes = _prefixes(known)
    suffixes = _CS_SUFFIXES if language == "cs" else _RU_SUFFIXES
    for m in _WORD.finditer(text):
        word = m.group()
        if len(word) < 4 or word.isupper():
            continue
        lower = word.casefold()
        if lower in known or _fold(lower) in known:
            continue
        stems = {_fold(lower[: -len(x)]) for x in suffixes if lower.endswith(x)}
        if not any(len(st) >= 3 and st in prefixes for st in stems):
            continue
        if word[0].islower() and not _in_chat(text, m.start()):
            continue
        if _common(lower, language) or (language == "cs" and _common_cs_strict(lower)):
            continue
        yield Span(m.start(), m.end(), "PERSON", "r11a")


_RU_SUFFIXES = (
    "очка",
    "ечка",
    "енька",
    "онька",
    "ушка",
    "юшка",
    "улька",
    "юлька",
    "ька",
    "ка",
    "ик",
    "чик",
    "усик",
    "уся",
    "уля",
    "юша",
    "уша",
    "ша",
    "ся",
    "ке",
    "ку",
    "ки",
    "кой",
)
_CS_SUFFIXES = (
    "ínek",
    "inka",
    "ička",
    "ečka",
    "ánek",
    "ík",
    "íka",
    "íku",
    "ek",
    "ka",
    "ku",
    "ko",
    "ča",
    "čo",
    "ce",
    "da",
    "do",
    "ďa",
    "ďu",
    "ša",
    "i",
    "a",
    "u",
)


def _in_chat(text: str, start: int) -> bool:
    """Is the place in a line of a chat log (a time on the line) or a lower-case run?"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return bool(re.search(r"\b\d{1,2}:\d\d\b", line)) or _mostly_lower(line)


def _mostly_lower(line: str) -> bool:
    """A line of four words or more, hardly any capitalised: a transcript or a chat message."""
    words = re.findall(rf"[{_L}]+", line)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) * 5 <= len(words)


@functools.lru_cache(maxsize=50_000)
def _common_cs_strict(word: str) -> bool:
    """A word wordfreq's Czech list knows at all well (zipf 2.5): a nickname is rarer."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "cs", wordlist="best") >= 2.5


def _prefixes(known: Iterable[str]) -> frozenset[str]:
    """The first three to six letters of every known name-word (accents folded)."""
    out: set[str] = set()
    for word in known:
        folded = _fold(word)
        for n in range(3, min(6, len(folded) - 1) + 1):
            out.add(folded[:n])
    return frozenset(out)


def _openers(text: str, language: str) -> Iterator[Span]:
    """A sentence's first word that is plainly a first name's declined, possessive or
    diminutive form ("Matějovi jsem dala…", "Filipova matka…", "«Тёмочка сегодня…»"): the other
    layers skip sentence openers, as most capitalised openers are words."""
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[0].isupper() or word.isupper() or len(word) < 4:
            continue
        if not _SENTENCE_OPEN.search(text, max(0, m.start() - 8), m.start()):
            continue
        if (language == "cs" and _cs_opener(word)) or (language == "ru" and _ru_diminutive(word)):
            yield Span(m.start(), m.end(), "PERSON", "r11a")


def _cs_opener(word: str) -> bool:
    """A Czech first name with a case, possessive or diminutive ending (not the bare name,
    which may be a word opening the sentence: "Věra", "Ema")."""
    folded = word.casefold()
    if ner.allowed(word) or _common_cs(folded):
        return False
    names = ner.latin_names("cs", first_only=True)
    declined = _CS_DECLINED_NAME.search(folded)
    if declined and declined.start() >= 3:
        stem = folded[: declined.start()]
        if stem in names and len(stem) >= 4:
            return True
    # a masculine name takes -ík/-ek, a feminine one -ička/-inka ("Metodička" is no Metod's)
    dim = re.search(r"(?:ínek|ánek|íček|ík|ek)$", folded)
    tails: tuple[str, ...] = ("", "el", "ěj")
    if dim is None:
        dim = re.search(r"(?:ičk|ink)[auy]$", folded)
        tails = ("a", "e", "ie")
    if dim is None or dim.start() < 3:
        return False
    stem = folded[: dim.start()]
    return any(stem + t in names for t in tails)


def _ru_diminutive(word: str) -> bool:
    """A Russian diminutive unknown to the dictionary whose base is a first name
    ("Тёмочка" ← Тёма, "Зоенька" ← Зоя, "Камилька" ← Камиля)."""
    if ner.allowed(word) or ner.morph().word_is_known(word):
        return False
    m = re.search(r"(?:очка|ечка|енька|онька|ушка|юшка|улька|юлька|ька|ка)$", word)
    if m is None:
        return False
    stem = word[: m.start()]
    if len(stem) < 2 or (m.group() == "ка" and len(stem) < 3):
        return False
    for tail in ("а", "я", "ья", "ия", ""):
        base = stem + tail
        if len(base) >= 3 and ner.morph().word_is_known(base.casefold()):
            best = ner.parse(base.capitalize())[0]
            if "Name" in best.tag.grammemes and best.score >= 0.5:
                return True
    return False


# --- common words ---------------------------------------------------------------------------


def _common(word: str, language: str) -> bool:
    """Is the lower-case word an everyday word (so a name only when capitalised)?"""
    if ner.allowed(word) or word in ner.titles() or word in chatnames._KK_WORD_NAMES:
        return True
    if language == "cs" or not _CYR.match(word):
        return _common_cs(word)
    return _common_ru(word)


@functools.lru_cache(maxsize=50_000)
def _common_ru(word: str) -> bool:
    """A Russian word with a likely reading that is no name ("вера", "роза", "слава")."""
    folded = word.casefold()
    if not ner.morph().word_is_known(folded):
        return False
    parses = ner.parse(folded)
    other = sum(p.score for p in parses if not {"Name", "Surn", "Patr"} & set(p.tag.grammemes))
    return other > 0.3


@functools.lru_cache(maxsize=50_000)
def _common_cs(word: str) -> bool:
    """A Czech word frequent as a word ("víra", "malý"): stop words, or wordfreq's Czech list
    knows it better than a rare name would be known."""
    folded = word.casefold()
    if folded in chatnames._stop_words("cs"):
        return True
    from wordfreq import zipf_frequency

    return zipf_frequency(folded, "cs", wordlist="best") >= 3.3


@functools.lru_cache(maxsize=50_000)
def _name_like(word: str) -> bool:
    """Is the capitalised word a name by the lists or by its shape? Other layers' PERSON spans
    sometimes hold a word ("Мектепте"); only name-like words may be looked for in lower case."""
    folded = word.casefold()
    if ner.allowed(word) or folded in ner.titles():
        return False
    if _CYR.match(word):
        if folded in ner.kk_names() or ner._kk_name_form(folded, ner.kk_names()):
            return True
        if ner._KK_PERSON.match(word):
            return True
        if not ner.morph().word_is_known(folded):
            return False  # pymorphy3 guesses a name for any unknown (Kazakh) word
        best = ner.parse(word)[0]
        grammemes = set(best.tag.grammemes)
        # a surname only in the nominative: "Тексеру" (Kazakh "checking") reads as a dative
        named = "Name" in grammemes or ({"Surn", "Patr"} & grammemes and "nomn" in grammemes)
        return bool(named) and best.score >= 0.5
    if re.search(r"(?:ová|ové|ovou|ovi)$", folded):
        return True
    return ner._latin_name(word, ner.latin_names("cs"), "cs") or _cs_opener(word)


def _first_ru(word: str) -> bool:
    """A capitalised Cyrillic first name (pymorphy3's Name, or the Kazakh list)."""
    if ner.allowed(word) or word.casefold() in ner.titles():
        return False
    if word.casefold() in ner.kk_names():
        return True
    best = ner.parse(word)[0]
    return "Name" in best.tag.grammemes and best.score >= 0.5
