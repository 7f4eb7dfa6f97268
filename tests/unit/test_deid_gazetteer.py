"""Towns said in lower case, found through GeoNames' towns (``cases/gazetteer.py``): an English
chat's "his father is in lagos", a Czech voicemail's "v herálci", a Russian one's "в
кушнаренково". Each found; the words that are also towns' names somewhere (limbo, reading,
march, a Czech "náves", a Russian "холл") left alone; and the index's cache survives a
broken file. Every person is invented."""

from __future__ import annotations

import json

import pytest
from deid_probe import covered, touched

from praxishub.cases import gazetteer, lowerplaces
from praxishub.cases.engine import Deidentifier


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("his father is in lagos till end of march so it is just me", "en", "lagos"),
        ("and uncle femi from croydon says he can come", "en", "croydon"),
        ("his mum lan work at the nail shop in sunnybank she finish at seven", "en", "sunnybank"),
        ("shes working in cape town in sea point by the flats", "en", "cape town"),
        ("my mother is ninety three years in abeokuta and asks after him", "en", "abeokuta"),
        ("we have to go down to cork for me uncle's funeral", "en", "cork"),
        ("his dad went back to lagos. please call me", "en", "lagos"),
        ("u babičky vlasty v herálci, protože já jedu na školení", "cs", "herálci"),
        ("bráška jede na montáž do lipska, tak nemůže přijet", "cs", "lipska"),
        ("jeho táta volá z kišiněva vždycky v neděli", "cs", "kišiněva"),
        ("dělám do osmi ve fruitexu v lanžhotě", "cs", "lanžhotě"),
        ("jsem u kamošky v kbelích ale tam nemůžu zůstat", "cs", "kbelích"),
        ("babička ludmila ta ze zubří chce poslat balík", "cs", "zubří"),
        ("мама ей девяносто шесть она лежачая в кушнаренково в деревне", "ru", "кушнаренково"),
        ("приду с мамой, она из арска как раз приедет", "ru", "арска"),
        ("тетя света в купчино. и психолог школы", "ru", "купчино"),
        ("папа уехал в кемерово. а теперь у мамы вадим", "ru", "кемерово"),
    ],
)
def test_a_town_said_in_lower_case_is_masked(text, language, part) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("we are all in limbo until the hearing", "en", "limbo"),
        ("she was in reading the letter when he came", "en", "reading"),
        ("he is at home in march and april", "en", "home"),
        ("dobře, ozvu se na lince zítra", "cs", "lince"),
        ("mamka je v praci do sesti", "cs", "praci"),
        ("děti si hrají v písku", "cs", "písku"),
        ("sedí na návsi u kapličky", "cs", "návsi"),
        ("jsem u dědy do neděle", "cs", "dědy"),
        ("volala mi sestra, ta vráně nevěří", "cs", "vráně"),
        ("schovává se u kůlny za domem", "cs", "kůlny"),
        ("leží v měkkém a spí", "cs", "měkkém"),
        ("напиши мне в личку, пожалуйста", "ru", "личку"),
        ("ждали в холле полчаса", "ru", "холле"),
        ("рассказ о якутском эпосе", "ru", "якутском"),
        ("он теперь работает на шахте", "ru", "шахте"),
        ("брат в канаде уже третий год", "ru", "канаде"),
    ],
)
def test_a_word_that_names_a_town_somewhere_stays(text, language, part) -> None:
    assert not touched(text, language, part)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("we moved here from mexico in 2019, before that in georgia", "en"),
        ("brat je v německu, ne v rakousku", "cs"),
        ("папа уехал в грузию, брат в канаде", "ru"),
    ],
)
def test_a_country_is_no_town_of_this_layer(text, language) -> None:
    """Mexico, Missouri and Georgia, Vermont are towns, but a country stays a country."""
    assert list(lowerplaces.find(text, language)) == []


def test_a_first_name_that_names_a_town_is_never_a_place() -> None:
    """Tyler, Texas: "talk to tyler" names a person, and whatever masks it, this layer does
    not call it a place."""
    text = "can you talk to tyler about it, and austin too"
    kinds = {text[s.start : s.end]: s.kind for s in Deidentifier(language="en").spans(text, "en")}
    assert kinds.get("tyler") != "PLACE" and kinds.get("austin") != "PLACE"


def test_the_index_is_cached_and_a_broken_cache_is_rebuilt(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    gazetteer.index.cache_clear()
    try:
        built = gazetteer.index()
        path = gazetteer._cache_path()
        assert path.parent == tmp_path / "praxishub"
        stored = json.loads(path.read_text("utf-8"))
        assert stored["latin"]["croydon"]["GB"] > 100_000
        assert "RU" in stored["cyrillic"]["купчино"]
        assert built.town("herálec", False, frozenset({"CZ"}))
        assert not built.town("matrice", False, frozenset({"CZ"}))  # a village in Italy
        path.write_text("{not json", "utf-8")  # a cache cut short by a full disk
        gazetteer.index.cache_clear()
        again = gazetteer.index()
        assert again.latin == built.latin and again.cyrillic == built.cyrillic
        assert json.loads(path.read_text("utf-8"))["latin"] == built.latin
        assert not list(path.parent.glob("tmp*"))  # written whole, then renamed into place
    finally:
        gazetteer.index.cache_clear()


def test_a_cache_of_another_shape_is_rebuilt_and_a_failed_write_leaves_nothing(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    gazetteer.index.cache_clear()
    try:
        path = gazetteer._cache_path()
        path.parent.mkdir(parents=True)
        path.write_text('{"latin": [], "cyrillic": 3}', "utf-8")  # valid JSON, wrong shape
        built = gazetteer.index()
        assert built.town("croydon", False, frozenset({"GB"}))
        assert json.loads(path.read_text("utf-8"))["latin"]["croydon"]["GB"] > 100_000

        def full_disk(*args, **kwargs):
            raise OSError(28, "No space left on device")

        path.unlink()
        monkeypatch.setattr(gazetteer.json, "dump", full_disk)
        gazetteer.index.cache_clear()
        again = gazetteer.index()  # still answers, from the package's data
        assert again.town("croydon", False, frozenset({"GB"}))
        assert list(path.parent.iterdir()) == []  # no cache, and no temporary file left
    finally:
        gazetteer.index.cache_clear()
