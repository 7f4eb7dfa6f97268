"""Layer 4: what was found once is masked wherever it recurs in the same case.

Rule: only what another layer already found (a person, place, organisation or
class) is looked for again, in the forms its language gives it: Russian, Kazakh
and Czech case endings, English plurals and possessives, and for Chinese the
given name alone and doubled (王一鸣 → 一鸣; 林悦 → 悦悦). A person's first name
also brings its diminutives (Полина → Поля). The search is case-sensitive, so
"Will" the name never masks "will" the verb; a recurrence that starts a sentence
is masked only if it is a known first name or no common word (``wordfreq``), so "Holub na
okně" stays.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from praxishub.cases import intake, kazakh, ner, ner_zh, traditional
from praxishub.cases.spans import Span

_LETTER = r"[^\W\d_]"
_KINDS = ("PERSON", "PLACE", "ORG", "CLASS")
_RU_ENDINGS = "а|я|у|ю|е|и|ы|о|ой|ей|ою|ею|ом|ем|ым|им|ого|его|ому|ему|ую|ая|ий|ый|ое|ых|их|ов|ев|ах|ях|ами|ями|ам|ям|ь|й"
_KK_ENDINGS = "|".join(
    sorted({*kazakh.CASE, "ша", "ше", "жан", *kazakh.PLURAL}, key=len, reverse=True)
)
_CS_ENDINGS = "a|e|ě|u|ou|y|i|o|em|ovi|ové|ovou|ová|é|ého|ému|ém|ým|ými|ech|ách|ům|ům|ku|ko"
_EN_ENDINGS = "s|es|'s|’s"
_VOWELS = "аяуюеиыоёйьәөүұіaeiouyáéěíóúůýě"
# Czech consonant changes before -e/-i/-ovi: Zuzka → Zuzce, Olga → Olze, Věra → Věře, Marek → Marka
_CS_SOFT = {"k": "c", "h": "z", "g": "z", "r": "ř", "ch": "š"}
# Titles that a model may include in a person's span; they are not names.
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "sir",
        "madam",
        "pan",
        "paní",
        "pana",
        "panu",
        "panem",
        "slečna",
        "mgr",
        "mudr",
        "phdr",
        "ing",
        "bc",
        "doc",
        "господин",
        "госпожа",
        "гражданин",
        "гражданка",
        "ханым",
        "мырза",
        "апай",
        "ағай",
    ]
)
# A reply's or forward's mark before a subject: what follows is the thread's subject again
_REPLY_PREFIX = re.compile(r"(?<![^\W\d_])(?:RE|Re|FW|Fw|Fwd|FWD|Отв|Odp)[:：][^\S\n]*\Z")
_SENTENCE_END = re.compile(r"(?:[.!?…:;\n]\s*[\"«“„(]?\s*|^\s*[#>*\-\d.)|]*\s*)$")


# The words for an organisation's kind that end its Chinese name
# Short names any town's institution has ("ГБУЗ «ЦРБ»"): said alone, they name no one place
_GENERIC_SHORT = frozenset(
    re.findall(
        r"\S+",
        "ЦРБ ЦГБ ГКБ ОКБ ДГБ ДКБ ОДКБ ДГКБ КДЦ МФЦ ЦПМПК ПМПК ТПМПК ППМС ЦППМС ЦППМСП ДДТ ЦДТ "
        "СОШ ООШ ДОУ ЖШС ТОО ООО ПАО КГУ ГККП РГП ОДБ КНД ПНД ПНИ ЦСО КЦСОН СРЦН ЦССВ ОВД МВД",
    )
)
_ZH_ORG_KIND = re.compile(r"(?:心理援助热线|心理咨询热线|心理热线|援助热线|热线)$")


@dataclass
class Seen:
    """The names, places and classes found so far in one case, and their patterns."""

    language: str
    parts: dict[str, str] = field(default_factory=dict)  # part → kind
    # Names the note itself introduced ("jmenuje se Lev", "gave her name as Hope"): a person of
    # this case even where a sentence starts with them.
    introduced: set[str] = field(default_factory=set)
    _pattern: re.Pattern[str] | None = None
    _zh: set[str] = field(default_factory=set)
    # User names, looked for again exactly as written ("kuba_2015cz" in a chat log, then in prose)
    handles: set[str] = field(default_factory=set)

    def add(self, text: str, spans: list[Span]) -> None:
        before = len(self.parts) + len(self._zh) + len(self.handles)
        for span in spans:
            handle = text[span.start : span.end]
            # a user name, a display name of several words ("Prevence ZŠ Lipová"), or one with
            # a bracket or a dash ("农阿姨(浩浩外婆)", "黄丽萍-五3班主任")
            made_up = re.search(r"[\d_.()（）\-–]", handle) or re.search(r"\S\s+\S", handle)
            if span.kind == "HANDLE" and made_up and len(handle) >= 4:
                self.handles.add(handle)
            if span.kind in _KINDS and "recurs" not in span.source:
                self._add(span.kind, text[span.start : span.end])
                if span.kind == "PERSON" and "introduced" in span.source.split("+"):
                    self.introduced.update(
                        re.findall(rf"{_LETTER}{{3,}}", text[span.start : span.end])
                    )
        if len(self.parts) + len(self._zh) + len(self.handles) != before:
            self._pattern = None

    def _add(self, kind: str, surface: str) -> None:
        if self.language == "zh" or re.search(r"[\u4e00-\u9fff]", surface):
            self._add_zh(kind, surface)
            return
        if kind == "CLASS":
            if re.fullmatch(r"\w{2,6}", surface):
                self.parts.setdefault(surface, kind)
            return
        if kind == "ORG":
            # an organisation's quoted short name, said alone later: "ГОАУЗ «МОКОД»" → "в МОКОД"
            for short in re.findall(r"[«\"„“]([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{3,8})[»\"“”]", surface):
                if not ner.allowed(short) and short not in _GENERIC_SHORT:
                    self.parts.setdefault(short, kind)
        for word in re.findall(rf"{_LETTER}[\w'’-]*{_LETTER}", surface):
            if len(word) < 3 or word.isupper() or not word[0].isupper() or ner.allowed(word):
                continue
            if word.casefold() in _TITLES:
                continue
            if kind == "PERSON" or kind == "PLACE":
                self.parts.setdefault(word, kind)
            if kind == "PERSON":
                for short in _diminutives_of(word, self.language):
                    self.parts.setdefault(short, kind)
                # an Uzbek or Tajik name with its endearing -жон ("Азиз" → "азизжон")
                if re.fullmatch(r"[А-ЯЁ][а-яё]+[бвгджзклмнпрстфхцчшщ]", word):
                    self.parts.setdefault(word + "жон", kind)

    def _add_zh(self, kind: str, surface: str) -> None:
        name = re.sub(r"[^\u4e00-\u9fff]", "", surface)
        # "何老师" found whole: the surname is the name, the title is any teacher's
        name = re.sub(f"(?:{ner_zh.ZH_TITLES})$", "", name) if kind == "PERSON" else name
        if kind != "PERSON":
            if len(name) >= 2 and not ner.allowed(name):
                self._zh.add(name)
            # "心桥夜话心理援助热线" found whole: its name alone recurs ("平台：心桥夜话网页咨询")
            own = _ZH_ORG_KIND.sub("", name) if kind == "ORG" else ""
            if len(own) >= 3 and own != name and not ner.allowed(own):
                self._zh.add(own)
            return
        surnames = ner_zh.zh_surnames()
        if len(name) >= 2:
            self._zh.add(name)
        # a Traditional name's surname is looked up in Simplified (陳宥翔 → 陈), and its given
        # name kept in both scripts, as a note that quotes a Taiwanese letter replies in either
        plain = traditional.same_length(name)
        title = re.search(f"(?:{ner_zh.ZH_TITLES}|姑娘)$", plain)
        if title and plain != name:
            name, plain = name[: title.start()], plain[: title.start()]
        given = (
            name[2:]
            if plain[:2] in surnames and len(name) >= 4
            else name[1:]
            if plain[:1] in surnames or (len(name) == 3 and plain[:1] in _zh_common_surnames())
            else ""
        )
        if plain != name and given and _common_zh(traditional.same_length(given)):
            given = ""  # "謝謝轉介" cut as a name: 转介 is a word, no given name
        for form in {given, traditional.same_length(given)}:
            if len(form) == 2:
                self._zh.add(form)  # 王一鸣 → 一鸣
            if form:
                self._zh.add(form[-1] * 2)  # 林悦 → 悦悦, 陈思琪 → 琪琪

    def pattern(self) -> re.Pattern[str] | None:
        if self._pattern is None and (self.parts or self._zh or self.handles):
            literals = sorted(self._zh | self.handles, key=len, reverse=True)
            alternatives = [re.escape(z) for z in literals]
            # Every part shares the language's endings, and they are optional: one group of
            # the parts' stems before one copy of the endings matches exactly what the
            # parts' own patterns, one after another, would, and compiles in a fraction of
            # the time (a copy of the endings per name made this the engine's costliest step).
            bodies = [
                _stems(part, self.language) for part in sorted(self.parts, key=len, reverse=True)
            ]
            if bodies:
                alternatives.append(
                    "(?:" + "|".join(f"(?:{b})" for b in bodies) + ")" + _suffix(self.language)
                )
            self._pattern = re.compile("|".join(alternatives))
        return self._pattern

    def find(self, text: str, taken: list[Span]) -> list[Span]:
        """Spans for every recurrence in text of what was seen, outside what is already taken."""
        pattern = self.pattern()
        if pattern is None:
            return []
        found = []
        for m in pattern.finditer(text):
            if any(s.start <= m.start() and m.end() <= s.end for s in taken):
                continue
            word = m.group()
            if not _han(word) and self._inside_word(text, m.start(), m.end()):
                continue
            if word in self.handles:
                found.append(Span(m.start(), m.end(), "HANDLE", "recurs"))
                continue
            kind = self.parts.get(word) or next(
                (k for p, k in self.parts.items() if word.startswith(p[: max(3, len(p) - 2)])),
                "PERSON",
            )
            if (
                kind == "PERSON"
                and not _han(word)
                and self._starts_sentence(text, m.start())
                and not _first_name(word, self.language)
                and not self._introduced(word)
                and not _rare_opener(word, self.language)
                and not _replied(text, m.start(), word, self.language)
            ):
                continue
            found.append(Span(m.start(), m.end(), kind, "recurs"))
        return found

    def _introduced(self, word: str) -> bool:
        """Is word a form of a name the context introduced? Such a name is masked at a sentence
        start too, even where it is also a common word ("Lva zná od září" beside "lva"): the
        note has said it is a person, and a masked common word costs less than a name left."""
        return any(re.fullmatch(_forms(name, self.language), word) for name in self.introduced)

    @staticmethod
    def _inside_word(text: str, start: int, end: int) -> bool:
        return bool(
            (start and re.match(_LETTER, text[start - 1]))
            or (end < len(text) and re.match(r"\w", text[end]))
        )

    @staticmethod
    def _starts_sentence(text: str, start: int) -> bool:
        return start == 0 or bool(_SENTENCE_END.search(text[max(0, start - 4) : start]))


def _common_zh(word: str) -> bool:
    """Is word a common Chinese word (Zipf 2.9 or more: 转介 is, 志豪 and 浩然 are not)?"""
    from praxishub.cases.zhnameshapes import zipf_zh

    return zipf_zh(word) >= 2.9


@functools.cache
def _zh_common_surnames() -> frozenset[str]:
    """The longer surname list (Faker's): trusted for a found three-character name's given name."""
    from praxishub.cases.persons import zh_common_surnames

    return zh_common_surnames() - frozenset("和与及的在于向把被给对是从为由跟同将让叫找")


# Zipf value below which a found name opening a sentence is masked there too: far rarer than
# the capitals fallback's threshold, since words in sentence case open sentences.
RARE_OPENER = 2.5


def _rare_opener(word: str, language: str) -> bool:
    """Is a found name that opens a sentence no common word ("Teo lives", "Jace –"), so
    it is the name again and not a word in sentence case ("Holub na okně")?"""
    from wordfreq import zipf_frequency

    if language not in ("ru", "cs", "en"):
        return False
    if zipf_frequency(re.sub(r"['’]s$", "", word), language) >= RARE_OPENER:
        return False
    if language == "ru" and ner.morph().word_is_known(word.casefold()):
        # a rare dictionary noun ("Пиктограммы") opens a sentence as a word
        return bool({"Name", "Surn", "Patr"} & set(ner.parse(word)[0].tag.grammemes))
    return True


def _replied(text: str, start: int, word: str, language: str) -> bool:
    """Does a found name open a reply's subject ("Subject: RE: Mathis — school records"), the
    thread's subject said again, and is it no common word ("Re: Psych-ed results")?"""
    from wordfreq import zipf_frequency

    return bool(
        _REPLY_PREFIX.search(text, max(0, start - 12), start)
        and zipf_frequency(word, language if language in ("ru", "cs", "en") else "en") < 3.2
    )


def _han(word: str) -> bool:
    return bool(re.match(r"[\u4e00-\u9fff]", word))


def _forms(word: str, language: str) -> str:
    """A regex for the word and its inflected forms."""
    return f"(?:{_stems(word, language)}){_suffix(language)}"


def _endings(language: str) -> str:
    return {"cs": _CS_ENDINGS, "kk": f"{_KK_ENDINGS}|{_RU_ENDINGS}"}.get(language, _RU_ENDINGS)


def _suffix(language: str) -> str:
    """What may follow any stem of ``_stems``: the language's optional endings."""
    if language == "en":
        return f"(?:{_EN_ENDINGS})?"
    # Czech diminutives grow from the stem: Adéla → Adélka, Adélku
    middle = "(?:k|ičk|ink|ečk)?" if language == "cs" else ""
    tail = f"(?:{_KK_ENDINGS})?" if language == "kk" else ""
    return f"{middle}(?:{_endings(language)})?{tail}"


def _stems(word: str, language: str) -> str:
    """The alternatives of the word's stems, longest first (its forms are a stem and then
    ``_suffix``)."""
    if language == "en":
        return re.escape(word)
    endings = _endings(language)
    stems = {word}
    stem = word
    while len(stem) > 3 and stem[-1].casefold() in _VOWELS and len(word) - len(stem) < 2:
        stem = stem[:-1]
    stems.add(stem)
    # A seed that was itself inflected ("Мельниковым", "Айгерімнің"): its stem without the ending.
    for ending in sorted(endings.split("|"), key=len, reverse=True):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            stems.add(word[: -len(ending)])
            break
    if language == "cs":
        for stem in list(stems):
            if stem.endswith("ek") and len(stem) > 4:
                stems.add(stem[:-2] + "k")  # Marek → Marka, Vašek → Vaška
            elif re.search(r"[^aeiouyáéěíóúůý]e[lvrn]$", stem, re.IGNORECASE):
                stems.add(stem[:-2] + stem[-1])  # the mobile e: Lev → Lva, Pavel → Pavla
            for hard, soft in _CS_SOFT.items():
                if stem.endswith(hard):
                    stems.add(stem[: -len(hard)] + soft)
    return "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))


def _diminutives_of(word: str, language: str) -> list[str]:
    """The diminutives of the first name word is a form of (Полину → Поля, Полечка)."""
    out: list[str] = []
    folded = word.casefold()
    for b, shorts in _diminutive_index(language).get(folded[:3], ()):
        if folded == b or (
            len(b) > 4 and folded[: len(b) - 1] == b[:-1] and len(folded) - len(b) <= 2
        ):
            out.extend(shorts)
    return out


@functools.cache
def _diminutive_index(language: str) -> dict[str, list[tuple[str, list[str]]]]:
    """The diminutives table by the first three letters of each base name, in table order:
    a word can only be a form of a base that shares them (both tests above imply it)."""
    index: dict[str, list[tuple[str, list[str]]]] = {}
    for base, shorts in (intake.diminutives().get(language, {}) or {}).items():
        b = base.casefold()
        index.setdefault(b[:3], []).append((b, shorts))
    return index


@functools.cache
def _first_names(language: str) -> frozenset[str]:
    names: set[str] = set()
    for base, shorts in (intake.diminutives().get(language, {}) or {}).items():
        names.add(base.casefold())
        names.update(s.casefold() for s in shorts)
    if language in ("cs", "en"):
        names |= ner.latin_names(language, first_only=True)
    if language == "kk":
        names |= ner.kk_names()
    return frozenset(names)


def _first_name(word: str, language: str) -> bool:
    names = _first_names(language)
    folded = word.casefold()
    if language == "en":  # Grace's, the Harrises
        folded = re.sub(r"(?:['’]s|['’])$", "", folded)
    if folded in names:
        return True
    if language == "cs":  # Adélka, Ondrou, Zuzce: a declined or diminutive first name
        for ending in (
            "ička",
            "inka",
            "ečka",
            "ka",
            "ku",
            "kou",
            "ce",
            "ou",
            "ovi",
            "em",
            "a",
            "e",
            "u",
            "y",
            "i",
            "o",
        ):
            stem = folded[: -len(ending)]
            # Zuzce → Zuzka; the mobile e: Lva → Lev, Pavla → Pavel
            mobile = stem[:-1] + "e" + stem[-1:] if len(stem) >= 2 else stem
            if (
                folded.endswith(ending)
                and len(stem) >= 2
                and {stem, stem + "a", stem + "ka", mobile} & names
                and (len(stem) >= 3 or mobile in names)
            ):
                return True
    if language in ("ru", "kk"):
        # Not a common word pymorphy3 knows (so "Дәуренмен" is kept masked), or a name it knows.
        lower = word.casefold()
        if not ner.morph().word_is_known(lower):
            return True
        return any("Name" in p.tag.grammemes for p in ner.parse(word)[:2])
    return False
