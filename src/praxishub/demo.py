"""The demo programme: synthetic people only, never a real person.

Rule: ``demo_settings`` is pure (a seed in, a settings mapping out), so the
same seed always gives the same programme; writing it out and setting
passwords happen at the edge, in the CLI.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from faker import Faker

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "-",
            "y",
            "-",
            "e",
            "yu",
            "ya",
            "a",
            "g",
            "k",
            "n",
            "o",
            "u",
            "u",
            "h",
            "i",
        ],
        strict=True,
    )
)
_CYRILLIC.update({"ъ": "", "ь": ""})

# Kazakh and Chinese names are not in Faker's locales; these lists are invented
# combinations of common given names and surnames, with their Latin spelling.
_KAZAKH = (
    [("Әлия", "aliya"), ("Айгерім", "aigerim"), ("Динара", "dinara"), ("Жанар", "zhanar")],
    [("Нұрлан", "nurlan"), ("Ерлан", "erlan"), ("Асхат", "askhat"), ("Дәурен", "dauren")],
    [
        ("Сәрсенова", "sarsenova", "Сәрсенов", "sarsenov"),
        ("Жұмабаева", "zhumabaeva", "Жұмабаев", "zhumabaev"),
        ("Оспанова", "ospanova", "Оспанов", "ospanov"),
        ("Ахметова", "akhmetova", "Ахметов", "akhmetov"),
    ],
)
_CHINESE = (
    [("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang")],
    [("芳", "fang"), ("伟", "wei"), ("静", "jing"), ("磊", "lei"), ("敏", "min"), ("洋", "yang")],
)


def translit(text: str) -> str:
    return "".join(_CYRILLIC.get(ch, ch) for ch in text.lower())


def _person(rng: random.Random, fakes: dict[str, Faker], lang: str) -> tuple[str, str]:
    """(full name, username stem) in the given language."""
    if lang == "ru":
        fake = fakes["ru"]
        female = rng.random() < 0.75  # the helping professions are mostly women
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name_female() if female else fake.last_name_male()
        return f"{first} {last}", f"{translit(first)[0]}.{translit(last)}"
    if lang == "kk":
        female = rng.random() < 0.6
        first, first_lat = rng.choice(_KAZAKH[0] if female else _KAZAKH[1])
        last = rng.choice(_KAZAKH[2])
        name, lat = (last[0], last[1]) if female else (last[2], last[3])
        return f"{first} {name}", f"{first_lat[0]}.{lat}"
    if lang == "zh":
        (last, last_lat), (first, first_lat) = rng.choice(_CHINESE[0]), rng.choice(_CHINESE[1])
        return f"{last}{first}", f"{last_lat}.{first_lat}"
    fake = fakes["en"]
    first, last = fake.first_name(), fake.last_name()
    return f"{first} {last}", f"{first[0].lower()}.{last.lower()}"


def demo_settings(
    seed: int = 2026, trainees: int = 40, courses: Sequence[str] = ()
) -> dict[str, Any]:
    """A two-cohort programme: trainees, 4 supervisors, 2 trainers, 1 coordinator;
    the given courses are shared out between the two trainers in turn."""
    rng = random.Random(seed)  # noqa: S311 (synthetic people, not secrets)
    fakes = {"ru": Faker("ru_RU"), "en": Faker("en_US")}
    for fake in fakes.values():
        fake.seed_instance(seed)
    used: set[str] = set()

    def make(lang: str, role: str, **extra: Any) -> dict[str, Any]:
        full_name, stem = _person(rng, fakes, lang)
        stem = "".join(ch for ch in stem if ch.isascii() and (ch.isalnum() or ch in ".-"))[:26]
        username, n = stem, 1
        while username in used:
            n += 1
            username = f"{stem}{n}"
        used.add(username)
        email = f"{username}@example.org"
        return {"username": username, "full_name": full_name, "email": email, "role": role, **extra}

    cohorts = [
        {"id": "2026-spring", "name": "Весна 2026 · школьные психологи", "language": "ru"},
        {"id": "2026-autumn", "name": "Autumn 2026 · crisis line", "language": "en"},
    ]
    staff = [make("ru", "coordinator"), make("en", "trainer"), make("ru", "trainer")]
    supervisors = [make(lang, "supervisor") for lang in ("ru", "kk", "en", "ru")]
    langs = ["ru"] * 5 + ["kk"] * 2 + ["en"] * 2 + ["zh"]
    people = staff + supervisors
    for i in range(trainees):
        cohort = cohorts[i % 2]["id"]
        sup = supervisors[i % len(supervisors)]["username"]
        people.append(make(langs[i % len(langs)], "trainee", cohort=cohort, supervisor=sup))
    return {
        "programme": {
            "name": "Praxis Hub demo programme",
            "languages": ["ru", "en", "kk", "zh"],
            "demo": True,
        },
        "data_dir": ".",
        "cohorts": cohorts,
        "people": people,
        "courses": [
            {"id": course, "trainers": [staff[1 + i % 2]["username"]]}
            for i, course in enumerate(courses)
        ],
    }
