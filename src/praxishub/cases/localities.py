"""Layer 1, continued: settlements and road locations by the words written around them.

Rule: like ``places``, a pattern fires on the *shape* of a locality: its type word or
abbreviation (р. п., ш.а., кенті, 街道), a case ending that only a place takes next to a verb of
coming ("Үрімжіден келген"), the quoted name of a dacha settlement, or a road and its
kilometre or mile marker; never on a list of particular places.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import gates
from praxishub.cases.ner import allowed
from praxishub.cases.spans import Span


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LO = "а-яёәғқңөұүһі"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
_HAN = "\u4e00-\u9fff"
_H = r"[^\S\n]"
_TOWN = rf"[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)*"
_ZH_PEOPLES = (
    "藏族|回族|蒙古族|土族|裕固族|哈萨克族|东乡族|撒拉族|保安族|满族|苗族|彝族|壮族|瑶族|侗族|土家族"
    "|畲族|白族|哈尼族|傣族|傈僳族|佤族|拉祜族|纳西族|羌族|布依族|水族|仡佬族|黎族|朝鲜族|锡伯族"
    "|达斡尔族|鄂温克族|鄂伦春族|毛南族|仫佬族|京族"
)

# a caller's age in a log's row: "17", "60s", "30+", "40-е"
_LOG_AGE = r"\d{1,2}(?:s|\+|-?е|-?х)?"
_PLACES = [
    # р. п. Голышманово, рп Винзили; ГБОУ СОШ № 7 с. Красноармейское
    re.compile(rf"(?<![\w.])(?:р\.{_H}?п\.|рп\.?|р/п){_H}*(?P<p>{_TOWN})"),
    re.compile(rf"(?<=№){_H}*\d{{1,4}}{_H}+(?:с\.|пос\.|п\.|д\.){_H}*(?P<p>{_TOWN})"),
    # Шаңырақ-2 ш.а., Көктал тұрғын алабы, Қарабұлақ кенті, Қасымбек датқа ауылы
    re.compile(
        rf"(?<![\w-])(?P<p>[{_UP}][{_LO}]+(?:-\d{{1,2}})?(?:{_H}(?:батыр|би|хан|датқа|ата|ана|ақын))?)"
        rf"{_H}+(?:ш\.а\.|ш/а|тұрғын{_H}+алаб|кент[{_LO}]*(?!{_LO})|ауылы|ауылдық{_H}+округ)"
    ),
    # «Құрылысшы-2» саяжайында, СНТ «Строитель-2»: a dacha settlement's quoted name
    re.compile(
        rf"«(?P<p>[^»\n]{{2,30}})»{_H}+(?:саяжай|бау-бақша)[{_LO}]*"
        rf"|(?:СНТ|ДНТ|СНТСН|ТСН|садоводческ\w+{_H}+товариществ\w*){_H}*«(?P<q>[^»\n]{{2,30}})»"
    ),
    # Үрімжіден келген, Алматыдан көшіп: a place in the ablative before a verb of coming
    re.compile(
        rf"(?<![\w-])(?P<p>[{_UP}][{_LO}]+(?:дан|ден|тан|тен|нан|нен)){_H}+(?:келген|келді|келіп|көшіп|көшті|келеді)"
    ),
    # a hotline log's row, who called and from where: "male, 40s / Stranraer   safety plan",
    # "\"Jess\", 17 / Thurso", "жен., 40 / Сланцы", "žena, 60+ / Osek", "žena / Duchcov"
    re.compile(
        rf"(?m)(?:(?<![\w-])(?i:male|female|man|woman|boy|girl|non-?binary|anon|anonymous|муж(?:чина|\.)?"
        rf"|жен(?:щина|\.)?|девушка|парень|muž|žena|dívka|chlapec)(?:,{_H}*{_LOG_AGE})?|[\"”»],{_H}*{_LOG_AGE})"
        rf"{_H}*/{_H}*(?!(?i:male|female|man|woman|boy|girl|muž|žena|dívka|chlapec|муж|жен)(?![\w-]))"
        rf"(?P<p>(?:[A-Z][a-z]+|[{_UP}][{_LO}]+|[{_CS_UP}][{_CS_LO}]+)(?:(?:-|{_H})(?:[A-Z][a-z]+|[{_UP}][{_LO}]+|[{_CS_UP}][{_CS_LO}]+)){{0,2}})"
        rf"(?=[^\S\n]{{2,}}|\t|{_H}*$|{_H}*[|;,])"
    ),
    # an ethnic township by its people's name: "家在马蹄藏族乡", "白银蒙古族乡"
    re.compile(rf"(?P<p>[{_HAN}]{{2}}(?:{_ZH_PEOPLES})(?:{_ZH_PEOPLES})?(?:自治)?乡)"),
    # 黄陂区蔡店街道, 洪山区关山街道: a street office or township after its district
    re.compile(rf"(?<=[区县市])(?P<p>[{_HAN}]{{2,4}}?(?:街道|镇|乡))"),
    # "Омбы, Ресей", "Ош, Кыргызстан", "Lviv, Ukraine": a town, then the country it is in
    re.compile(
        rf"(?<![\w-])(?P<p>(?:[{_UP}][{_LO}]+|[{_CS_UP}][{_CS_LO}]+)(?:[-{_H}][{_UP}{_CS_UP}][{_LO}{_CS_LO}]+)?)"
        rf",{_H}*(?:Ресей|Россия|РФ|Қазақстан|Казахстан|Қырғызстан|Кыргызстан|Киргизия|Өзбекстан"
        r"|Узбекистан|Тәжікстан|Таджикистан|Украина|Беларусь|Армения|Грузия|Азербайжан|Әзірбайжан"
        r"|Russia|Kazakhstan|Kyrgyzstan|Uzbekistan|Ukraine|Poland|Slovakia|Czechia|Vietnam|Rusko"
        r"|Ukrajina|Slovensko|Polsko|Vietnam|Kazachstán)(?![\w-])"
    ),
]
# the same row with a comma before the town ("dívka 15, Opava   šikana"): a town the gazetteer
# knows, as a comma also comes before a note ("boy 15, Year 10")
_LOG_ROW_COMMA = re.compile(
    rf"(?m)(?<![\w-])(?i:male|female|man|woman|boy|girl|anon|anonymous|муж(?:чина|\.)?|жен(?:щина|\.)?|девушка|парень"
    rf"|девочка|мальчик|muž|žena|dívka|chlapec|kluk|holka),?{_H}*\d{{1,2}}(?:s|\+)?,{_H}*"
    rf"(?P<p>(?:[A-Z][a-z]+|[{_UP}][{_LO}]+|[{_CS_UP}][{_CS_LO}]+)"
    rf"(?:(?:-|{_H})(?:[A-Z][a-z]+|[{_UP}][{_LO}]+|[{_CS_UP}][{_CS_LO}]+))?)"
    rf"(?=[^\S\n]{{2,}}|\t|{_H}*$|{_H}*[|;])"
)
# Қаскелеңдегі әжесіне: a capitalised word with the locative-attributive ending, which only
# places and institutions take ("Мектептегі" and its kind are common nouns)
_KK_LOCATIVE = re.compile(
    rf"(?<![\w-])(?P<p>[{_UP}][{_LO}]+?)(?:дағы|дегі|тағы|тегі|ндағы|ндегі)(?![\w-])"
)
_KK_COMMON = _words(
    "мектеп үй сынып отбасы бала топ қала ауыл аудан жатақхана аурухана емхана"
    " интернат бөлім колледж университет лагер көше сабақ жұмыс кеше бүгін осы сол"
    " қазір"
)
# Roads: silnici I/46 u Držovic, State Route 61 near mile marker 8, Қорғалжын тас жолының
# 8-шақырымында, 12-й км трассы Тюмень — Омск
_ROADS = re.compile(
    rf"(?<![\w-])silnic\w*{_H}+(?:I{{1,3}}/)?\d{{1,3}}(?:{_H}+(?:u|v|ve|mezi|za|před){_H}+[{_CS_UP}][{_CS_LO}]+)?"
    rf"|\b(?:State{_H}+Route|Route|Highway|Interstate|County{_H}+Road|US|SR|Hwy)\.?{_H}*\d{{1,4}}"
    rf"(?:{_H}+(?:near|at|by){_H}+mile{_H}+(?:marker|post){_H}+\d{{1,4}})?"
    rf"|(?<![\w-])[{_UP}][{_LO}]+{_H}+тас{_H}+жол[{_LO}]*{_H}+\d{{1,4}}-?{_H}*шақырым[{_LO}]*"
    rf"|(?<![\w-])\d{{1,4}}-?(?:й|м|ом)?{_H}+км{_H}+(?:трассы|автодороги|шоссе){_H}+[{_UP}][{_LO}]+(?:{_H}*[—–-]{_H}*[{_UP}][{_LO}]+)?"
)


# "г. Зеленоград, корп. 1460": Zelenograd numbers its buildings, not its streets' houses
_ZELENOGRAD = re.compile(
    rf"Зеленоград[{_LO}]*,?{_H}+(?P<a>корп(?:ус|\.){_H}*\d{{3,4}}(?:{_H}*(?:стр\.|строение){_H}*\d{{1,2}})?)(?!\d)"
)


# Frýdku-Místku, Barrow-in-Furness: the rest of a hyphenated town after the part a layer found
_HYPHENATED_REST = re.compile(rf"(?:-[a-z]{{2,5}})?-[{_CS_UP}{_UP}][{_CS_LO}{_LO}]+")


def grown(text: str, spans: list[Span]) -> Iterator[Span]:
    """Places found by any layer, grown over the rest of a hyphenated name."""
    for span in spans:
        if span.kind == "PLACE":
            rest = _HYPHENATED_REST.match(text, span.end)
            if rest:
                yield Span(span.start, rest.end(), "PLACE", span.source)


def _known_town(name: str) -> bool:
    """Is name a town of 1,000 people or more anywhere, by GeoNames?"""
    from praxishub.cases import gazetteer

    cyrillic = bool(re.match(r"[\u0400-\u04ff]", name))
    return not allowed(name) and gazetteer.index().town(
        name.casefold(), cyrillic, frozenset(), elsewhere=1000
    )


def find(text: str) -> Iterator[Span]:
    for pattern in gates.live(_PLACES, text):
        for m in pattern.finditer(text):
            group = "q" if m.groupdict().get("q") else "p"
            stem = re.sub(r"(?:дан|ден|тан|тен|нан|нен)$", "", m.group(group).casefold())
            if not allowed(m.group(group)) and stem not in _KK_COMMON:
                yield Span(m.start(group), m.end(group), "PLACE", "pattern")
    for m in _LOG_ROW_COMMA.finditer(text):
        if _known_town(m.group("p")):
            yield Span(m.start("p"), m.end("p"), "PLACE", "pattern")
    for m in _KK_LOCATIVE.finditer(text):
        stem = m.group("p").casefold()
        abstract = stem.endswith(("лық", "лік", "дық", "дік", "тық", "тік"))  # қамқоршылық
        if len(stem) >= 4 and stem not in _KK_COMMON and not abstract and not allowed(stem):
            yield Span(m.start(), m.end(), "PLACE", "pattern")
    for m in _ROADS.finditer(text):
        yield Span(m.start(), m.end(), "ADDRESS", "pattern")
    for m in _ZELENOGRAD.finditer(text):
        yield Span(m.start("a"), m.end("a"), "ADDRESS", "pattern")
