"""Layer 3: the names a contributor gives at intake, in every form they take in text.

Rule: each intake person becomes one entry with every surface form of every part
of their name (Russian grammatical cases by pytrovich and pymorphy3, Kazakh case
endings, Czech declension, diminutives), matched directly; all the forms of one
person share one key, so "Анастасия", "Насти" and "Раковой" get the same tag.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources

import yaml

from praxishub.cases.spans import Span

_LETTER = r"[^\W\d_]"


@functools.cache
def diminutives() -> dict[str, dict[str, list[str]]]:
    text = (
        resources.files("praxishub.cases").joinpath("data", "diminutives.yaml").read_text("utf-8")
    )
    return yaml.safe_load(text)


@dataclass
class Person:
    key: str  # the name as given, e.g. "Анастасия Викторовна Ракова"
    forms: set[str] = field(default_factory=set)


# Cached: pytrovich and pymorphy3's lexemes are slow, and cases repeat their names.
@functools.lru_cache(maxsize=4096)
def _ru_forms(part: str, role: str, gender) -> frozenset[str]:  # type: ignore[no-untyped-def]
    from pytrovich.enums import Case, NamePart
    from pytrovich.maker import PetrovichDeclinationMaker

    maker = PetrovichDeclinationMaker()
    name_part = {
        "first": NamePart.FIRSTNAME,
        "middle": NamePart.MIDDLENAME,
        "last": NamePart.LASTNAME,
    }[role]
    forms = {part}
    for case in Case:
        try:
            forms.add(maker.make(name_part, gender, case, part))
        except Exception:  # noqa: S112 - pytrovich raises on names it has no rule for
            continue
    return frozenset(forms | _lexeme(part))


@functools.lru_cache(maxsize=4096)
def _lexeme(word: str) -> frozenset[str]:
    """Every singular form pymorphy3 knows for a (first) name."""
    from praxishub.cases.ner import morph

    forms = set()
    parses = morph().parse(word)
    named = [p for p in parses if {"Name", "Surn", "Patr"} & set(p.tag.grammemes)]
    for parse in named[:2] or parses[:1]:
        forms.update(f.word.capitalize() for f in parse.lexeme if "plur" not in f.tag.grammemes)
    return frozenset(f for f in forms if f[:2].casefold() == word[:2].casefold())


def _ru_roles(parts: list[str]) -> list[str]:
    """first/middle/last for each part: patronymics by suffix, surnames by pymorphy3."""
    from praxishub.cases.ner import morph

    roles = []
    for part in parts:
        low = part.casefold()
        if re.search(r"(ович|евич|ич|овна|евна|ична|инична)$", low):
            roles.append("middle")
            continue
        tags = set(morph().parse(part)[0].tag.grammemes)
        roles.append(
            "last"
            if "Surn" in tags or re.search(r"(ов|ев|ин|ова|ева|ина|ская|ский|ко|ук|юк)$", low)
            else "first"
        )
    if roles.count("last") == 0 and len(parts) >= 2:
        roles[-1 if roles[0] == "first" else 0] = "last"
    return roles


def _ru_gender(parts: list[str], roles: list[str]):  # type: ignore[no-untyped-def]
    from pytrovich.detector import PetrovichGenderDetector
    from pytrovich.enums import Gender

    named = dict(zip(roles, parts, strict=True))
    # An ambiguous gender is expected (Kazakh names, "Саша"): both are tried, no warning needed.
    logging.getLogger("pytrovich.detector").setLevel(logging.ERROR)
    try:
        gender = PetrovichGenderDetector().detect(
            firstname=named.get("first"), middlename=named.get("middle"), lastname=named.get("last")
        )
    except Exception:  # pytrovich cannot tell: try both
        gender = Gender.ANDROGYNOUS
    return gender


_TITLE = re.compile(
    r"^(?:mr|mrs|ms|miss|mx|dr|prof|sir|mgr|mudr|phdr|bc|ing|paní|pan|slečna|г-н|г-жа|господин|госпожа"
    r"|д-р|проф|тов|мырза|ханым|先生|女士|老师)\.?$",
    re.IGNORECASE,
)


def expand(name: str, language: str, extra_diminutives: list[str] | None = None) -> Person:
    """All the surface forms of one intake name."""
    from pytrovich.enums import Gender

    # Titles are not part of a name ("Mr Okoro", "Mgr. Dvořáková"): matching them would
    # mask every "Mr" in every case.
    parts = [p for p in re.split(r"\s+", name.strip()) if p and not _TITLE.match(p)]
    person = Person(key=name.strip())
    if not parts:
        return person
    table = diminutives().get(language, {})
    if language in ("ru", "kk"):
        roles = _ru_roles(parts)
        gender = _ru_gender(parts, roles)
        genders = [Gender.MALE, Gender.FEMALE] if gender == Gender.ANDROGYNOUS else [gender]
        for part, role in zip(parts, roles, strict=True):
            for g in genders:
                person.forms |= _ru_forms(part, role, g)
            if role == "first":
                for short in table.get(part, []):
                    person.forms |= {short} | _lexeme(short) | _a_noun_forms(short)
    else:
        person.forms.update(parts)
        for part in parts:
            for short in table.get(part, []):
                person.forms.add(short)
        if language == "zh" and len(parts) == 1 and len(parts[0]) == 3:
            person.forms.add(parts[0][1:])  # 王小明 -> 小明
    for short in extra_diminutives or []:
        person.forms |= {short} | (
            _lexeme(short) | _a_noun_forms(short) if language == "ru" else set()
        )
    person.forms = {f for f in person.forms if f and len(f) > 1}
    return person


def _a_noun_forms(word: str) -> set[str]:
    """Case forms of a Russian -а/-я diminutive that pymorphy3 may not know (Настюша, Сашенька)."""
    if word.endswith("я"):
        stem = word[:-1]
        return {stem + e for e in ("я", "и", "е", "ю", "ей", "ею")}
    if word.endswith("а"):
        stem = word[:-1]
        soft = stem[-1:] in "жшщчкгх"
        return {stem + e for e in ("а", "и" if soft else "ы", "е", "у", "ой", "ою")}
    return set()


_KK_TAIL = r"(?:[ә-ӿа-яёәғқңөұүһі]{0,6})"
_CS_TAIL = r"(?:ovi|ovou|ové|em|ou|ě|e|u|y|a|i|o)?"


class IntakeNames:
    """Every intake person, compiled into one pattern for fast matching."""

    def __init__(self, people: list[Person], language: str) -> None:
        self.people = people
        self.by_form: dict[str, str] = {}
        for person in people:
            for form in person.forms:
                self.by_form.setdefault(form.casefold(), person.key)
        forms = sorted(self.by_form, key=len, reverse=True)
        if not forms:
            self.pattern = None
            return
        alternatives = "|".join(re.escape(f) for f in forms)
        if language == "zh":
            self.pattern = re.compile(f"(?:{alternatives})")
        else:
            tail = _KK_TAIL if language == "kk" else _CS_TAIL if language == "cs" else ""
            self.pattern = re.compile(
                rf"(?<!{_LETTER})(?:{alternatives}){tail}(?!{_LETTER})", re.IGNORECASE
            )

    def find(self, text: str) -> Iterator[Span]:
        if self.pattern is None:
            return
        for m in self.pattern.finditer(text):
            # Upper case, or a script without case (Chinese): a lower-case form is a common word.
            if not m.group()[0].islower():
                yield Span(m.start(), m.end(), "PERSON", "intake")

    def key_of(self, surface: str) -> str | None:
        """The intake person a found name belongs to, if any of its words is one of theirs."""
        for word in re.findall(rf"{_LETTER}+", surface):
            key = self.by_form.get(word.casefold())
            if key is not None:
                return key
        return None


def from_names(names: list[str], language: str, extra: list[str] | None = None) -> IntakeNames:
    people = [expand(n, language) for n in names if n.strip()]
    if extra and people:
        people[0] = expand(people[0].key, language, extra)
    return IntakeNames(people, language)


def names_of(intake: dict) -> tuple[list[str], list[str]]:
    """Names and diminutives from an intake record (``names:`` groups, ``diminutives:``)."""
    groups = intake.get("names") or {}
    names: list[str] = []
    if isinstance(groups, dict):
        for key in ("client", "relatives", "staff", "others"):
            names.extend(str(n) for n in groups.get(key) or [])
    else:
        names.extend(str(n) for n in groups)
    return names, [str(d) for d in intake.get("diminutives") or []]
