"""Readable surrogates instead of tags (``--surrogates``).

Rule: a surrogate is chosen from the tag (so one person keeps one surrogate
throughout a case) from Faker's name lists, never from the text; Russian names are
put into the grammatical case and gender of the word they replace (pymorphy3 reads
the original, pytrovich inflects the surrogate). Types with no safe readable form
(national IDs, dates, ages) keep their tag.
"""

from __future__ import annotations

import functools
import hashlib
import re

from praxishub.cases import ner

_LOCALES = {"ru": "ru_RU", "kk": "ru_RU", "zh": "zh_CN", "cs": "cs_CZ", "en": "en_US"}
_SCHOOL = {
    "ru": "школа № {n}",
    "kk": "№ {n} мектеп",
    "zh": "第{n}中学",
    "cs": "ZŠ Lipová {n}",
    "en": "Oakfield School",
}
_CLASS = {"ru": "{n} «В»", "kk": "{n} «В»", "zh": "初二({n})班", "cs": "{n}.C", "en": "{n}C"}


def _seed(tag: str, part: str = "") -> int:
    return int.from_bytes(hashlib.sha256(f"{tag}/{part}".encode()).digest()[:4], "big")


@functools.cache
def _faker(locale: str):  # type: ignore[no-untyped-def]
    from faker import Faker

    return Faker(locale)


def _pick(options, tag: str, part: str) -> str:  # type: ignore[no-untyped-def]
    options = list(options)
    return options[_seed(tag, part) % len(options)]


def surrogate(kind: str, tag: str, original: str, language: str) -> str:
    fake = _faker(_LOCALES.get(language, "en_US"))
    fake.seed_instance(_seed(tag))
    number = _seed(tag) % 60 + 3
    if kind == "PERSON":
        return _person(tag, original, language)
    if kind == "PLACE":
        return fake.city()
    if kind == "ADDRESS":
        return fake.street_address()
    if kind == "POSTCODE":
        return fake.postcode()
    if kind == "PHONE":
        return fake.phone_number()
    if kind == "EMAIL":
        return f"person{number}@example.org"
    if kind == "URL":
        return f"https://example.org/{number}"
    if kind == "HANDLE":
        return f"@user{number}"
    if kind == "SCHOOL":
        # Keep the original's own words (and so its grammatical case): change number and name.
        if re.search(r"\d|«", original):
            swapped = re.sub(r"\d+", str(number), original)
            return re.sub(
                r"«[^»]*»", "«Радуга»" if language in ("ru", "kk") else "«Rainbow»", swapped
            )
        return _SCHOOL.get(language, _SCHOOL["en"]).format(n=number)
    if kind == "CLASS":
        if re.search(r"\d", original):
            return re.sub(r"\d+", str(number % 9 + 1), original, count=1)
        return _CLASS.get(language, _CLASS["en"]).format(n=number % 9 + 1)
    return tag


def _person(tag: str, original: str, language: str) -> str:
    if language in ("ru", "kk") and re.search(r"[А-Яа-яЁё]", original):
        words = original.split()
        roles = [_ru_role(w) for w in words]
        if len(words) > 1 and "Surn" not in roles:
            # "Анастасии Раковой": pymorphy3 reads the surname as an adjective; the
            # first or last word of a multi-word name is the surname.
            roles[-1 if roles[0] != "Surn" else 0] = "Surn"
        return " ".join(_ru_word(tag, w, r) for w, r in zip(words, roles, strict=True))
    fake = _faker(_LOCALES.get(language, "en_US"))
    person = fake.provider("faker.providers.person")
    if language == "zh":
        return _pick(person.last_names, tag, "last") + _pick(person.first_names, tag, "first")
    words = original.split()
    out = []
    for i, _word in enumerate(words):
        last = i == len(words) - 1 and len(words) > 1
        pool = person.last_names if last else person.first_names
        out.append(_pick(pool, tag, "last" if last else "first"))
    return " ".join(out)


_CASES = {
    "nomn": "NOMINATIVE",
    "gent": "GENITIVE",
    "datv": "DATIVE",
    "accs": "ACCUSATIVE",
    "ablt": "INSTRUMENTAL",
    "loct": "PREPOSITIONAL",
}


def _ru_role(word: str) -> str:
    if re.search(r"(ович|евич|овн|евн|ичн)[а-я]*$", word):
        return "Patr"
    for parse in ner.morph().parse(word.strip(".,"))[:3]:
        found = {"Name", "Surn", "Patr"} & set(parse.tag.grammemes)
        if found:
            return sorted(found)[0]
    return "Name"


def _ru_word(tag: str, word: str, role: str) -> str:
    from pytrovich.enums import Case, Gender, NamePart
    from pytrovich.maker import PetrovichDeclinationMaker

    parses = ner.morph().parse(word.strip(".,"))
    best = next((p for p in parses if role in p.tag.grammemes), None) or next(
        (p for p in parses if {"Name", "Surn", "Patr"} & set(p.tag.grammemes)), parses[0]
    )
    female = "femn" in best.tag.grammemes
    case = Case[_CASES.get(best.tag.case or "nomn", "NOMINATIVE")]
    person = _faker("ru_RU").provider("faker.providers.person")
    if role == "Patr":
        part, pool = (
            NamePart.MIDDLENAME,
            person.middle_names_female if female else person.middle_names_male,
        )
    elif role == "Surn":
        part, pool = (
            NamePart.LASTNAME,
            person.last_names_female if female else person.last_names_male,
        )
    else:
        part, pool = (
            NamePart.FIRSTNAME,
            person.first_names_female if female else person.first_names_male,
        )
    base = _pick(pool, tag, f"{part.name}/{'f' if female else 'm'}")
    try:
        return PetrovichDeclinationMaker().make(
            part, Gender.FEMALE if female else Gender.MALE, case, base
        )
    except Exception:  # pytrovich has no rule for this name: the base form is still readable
        return base
