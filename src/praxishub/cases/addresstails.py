"""Addresses by their parts: unit tails, numbered and lower-case streets, plots and Chinese shapes.

Rules:
- an address found by any layer is grown over the parts only addresses are made of, in
  every language and every order: a bare house number after a street that has none yet
  (", 68"), house, block, entrance, floor, flat, room and plot words with their number
  (", корп.2", ", кв. 5", ", третий подъезд", ", 318-бөлме", ", vchod B", ", č.o. 14",
  ", byt 6", ", Room 12"); a house name before it at an address field's start
  ("Tŷ Gwyn, Heol y Graig");
- a numbered street inside a garden partnership (``3-я линия, уч. 42``,
  ``3-көше, 42-учаске``) is an address when a house or plot number follows it;
- a Kazakh street by its type word in any case and with any case ending, its name in lower
  case too (``абай көшесі он екі``), with its number in digits or in words;
- a Czech street after a word for living or a preposition, by its adjectival or possessive
  form and a house number in digits or in words (``na Rooseveltově čtyřicet dva``);
- a lower-case street anchored by its flat: ``төле би 214, 35-пәтер``; a Russian street
  named for someone, without its type word, before its house (``на Ленина, дом пять``);
- a holiday-park plot or a mobile-home lot (``Plot 41, Seashore Holiday Park``);
- Welsh street words (Heol, Ffordd, Stryd, Lôn) with their name;
- Chinese addresses by shape: a road with its section and number (一环路北三段12号), a
  village's group and number (高埔村三社18号), an estate's zone, block and flat (花果园T区3栋,
  翠景阁9座1502房) and the road written straight before it;
- a crossing of two streets named with its word (қиылысы, угол, roh, corner of, 交叉口);
- a room where someone stays, after a word for a lodging on the same line (8-бөлмеде).

Limits: an address told only by landmarks ("水塔菜市场后面那栋红砖楼") or a crossing
without its word ("on Grant and Alvernon") is not found; a Czech village with a house
number and no living word ("Svárov 1080") is left to the place layers. The Chinese estate
shape may start a few characters early (it takes up to twelve before the block number);
what it takes in is the district or street office, itself an identifier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import gates
from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_KK_LO = "а-яёәғқңөұүһі"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
_HAN = "\u4e00-\u9fff"
_NUM = r"\d{1,4}[A-Za-zА-Яа-яӘәҚқ]?(?:/\d{1,4}[a-z]?)?"
_RU_ORDINAL = r"[а-яё]+(?:ий|ый|ой)"
_KK_NUMBER = (
    r"(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз|қырық|елу|алпыс|жетпіс"
    r"|сексен|тоқсан|жүз)"
)
_CS_NUMBER = (
    r"(?:jedna|dva|dvě|tři|čtyři|pět|šest|sedm|osm|devět|deset|jedenáct|dvanáct|třináct"
    r"|čtrnáct|patnáct|šestnáct|sedmnáct|osmnáct|devatenáct|dvacet|třicet|čtyřicet|padesát"
    r"|šedesát|sedmdesát|osmdesát|devadesát|sto|dvě{_H}stě|tři{_H}sta|tisíc)"
).replace("{_H}", _H)
_EN_NUMBER = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred)"
)
_RU_NUMBER = (
    r"(?:один|два|три|четыре|пять|шесть|семь|восемь|девять|десять|одиннадцать|двенадцать"
    r"|тринадцать|четырнадцать|пятнадцать|шестнадцать|семнадцать|восемнадцать|девятнадцать"
    r"|двадцать|тридцать|сорок|пятьдесят|шестьдесят|семьдесят|восемьдесят|девяносто|сто)"
)
# One unit part after an address, in any of the five languages
_UNIT = re.compile(
    rf"(?:{_H}*,{_H}*|{_H}+)(?:"
    rf"(?:кв\.|квартира|корп\.|корпус|к\.|стр\.|строение|под\.|подъезд|эт\.|этаж|уч\.|участок"
    rf"|комн\.|комната|д\.|дом){_H}*№?{_H}*\d{{1,4}}[а-яА-Я]?(?![\d\w])"
    rf"|(?:{_RU_ORDINAL}|\d{{1,2}}-?[йя]?){_H}+(?:подъезд|этаж)"
    rf"|(?:д\.|дом){_H}+{_RU_NUMBER}(?:{_H}+{_RU_NUMBER})?(?![а-яё])"
    rf"|\d{{1,4}}[А-ЯA-Zа-я]?-(?:үй|пәтер|бөлме|корпус|жатақхана|кіреберіс|қабат|учаске|блок)[{_KK_LO}]*"
    # a block by its letter: "Б корпусы", "корпус Б"
    rf"|[А-ЯЁӘҒҚҢӨҰҮҺІA-Z]{_H}+(?:корпусы|блогы)(?![\w])|(?:корп\.|корпус){_H}*[А-ЯA-Z](?![\w])"
    rf"|(?:vchod|blok|byt|pokoj|č\.{_H}?p\.|č\.{_H}?o\.|č\.{_H}?ev\.|čp\.|č\.{_H}?bytu)"
    rf"{_H}*(?:č\.{_H}*)?(?:\d{{1,4}}[a-zA-Z]?|[A-Z])(?![\w])"
    rf"|(?:Flat|Apt\.?|Apartment|Unit|Room|Suite|Block|Plot|Lot){_H}*#?[A-Z0-9]{{1,5}}(?![\w])"
    # "first floor", "upstairs flat", "ground floor flat": a flat said by where it is
    rf"|(?i:ground|first|second|third|top|upstairs|downstairs|basement|lower|upper)"
    rf"{_H}+(?i:floor(?:{_H}+flat)?|flat)(?![\w])"
    r")"
)
# "ул. 10 лет Октября": a street named for an anniversary (OCR may read О as 0)
_ANNIVERSARY = re.compile(rf"{_H}+лет{_H}+[0-9OА-ЯЁ][а-яё]+")
# A house number right after a street that has none yet: "Комсомольском проспекте, 68"
_HOUSE = re.compile(rf"{_H}*,?{_H}*{_NUM}(?![\d\w.:%])(?!{_H}*(?:лет|год|km|км|%))")
# A house name before the street at an address field's start: "**Address:** Tŷ Gwyn, Heol …"
_HOUSE_NAME = re.compile(
    r"(?:^[^\S\n]*(?:>[^\S\n]*)?|[:：]\**[^\S\n]*)(?P<n>(?:The[^\S\n]+)?[A-ZŴŶ][\w’'ŵŷâêîôû]+(?:[^\S\n]+[A-ZŴŶ][\w’'ŵŷâêîôû]+){0,2}),[^\S\n]*\Z",
    re.MULTILINE,
)

# A flat and its building before the street: "Flat 6, Beckett House, Gertrude Road"
_BUILDING_BEFORE = re.compile(
    r"(?:Flat|Apt\.?|Apartment|Unit|Room|Suite|Studio)[^\S\n]*\d{1,4}[A-Z]?,[^\S\n]*(?:[A-Z][\w'’]+[^\S\n]+){0,3}"
    r"(?:House|Court|Mansions|Building|Lodge|Tower|Hall|Block|Flats|Buildings|Chambers|Heights),[^\S\n]*\Z"
)

# A word of a Kazakh street's name: not a pronoun, a conjunction or an adjective of any street
_KK_WORD = (
    r"(?!(?:бұл|сол|осы|біз|сіз|ол|олар|мен|сен|біздің|сіздің|оның|менің|олардың|үлкен|кіші"
    r"|негізгі|басты|және|бір|сол|жаңа|ескі|үй)(?![\w-]))"
    rf"[{_KK_LO}А-ЯЁӘҒҚҢӨҰҮҺІ][{_KK_LO}-]+"
)

# A unit's word and number just before the street: "Unit 2, Otley Road Mills"
_UNIT_BEFORE = re.compile(
    r"(?<![\w-])(?:Flat|Apt\.?|Apartment|Unit|Room|Suite|Studio)[^\S\n]*\d{1,4}[A-Z]?,[^\S\n]*\Z"
)

_FINDERS = (
    # 3-я линия, уч. 42; 5-й проезд, д. 3; 3-көше, 42-учаске (a garden partnership's streets)
    re.compile(
        rf"(?<![\w-])\d{{1,2}}-?(?:я|й|ая|ый|ой|ья){_H}+(?:линия|улица|проезд|переулок|аллея|квартал)"
        rf"(?=,?{_H}*(?:уч\.|участок|д\.|дом|\d))"
        rf"|(?<![\w-])\d{{1,2}}-(?:көше|линия|аллея)[{_KK_LO}]*(?=,?{_H}*\d)"
    ),
    # kk: абай көшесі он екі, Мұхит көшесіндегі: a street's type word, the name before it (and
    # a flat after its number)
    re.compile(
        rf"(?<![\w-]){_KK_WORD}(?:{_H}+{_KK_WORD})?"
        rf"{_H}+(?:көшесі|даңғылы|тұйығы|шағынауданы)[{_KK_LO}]*"
        rf"(?:,?{_H}*(?:\d{{1,4}}[а-яА-Я]?|{_KK_NUMBER}(?:{_H}+{_KK_NUMBER})?)(?![\w])"
        # and the flat said after it: "абай даңғылы отыз жеті, пәтер он төрт"
        rf"(?:,?{_H}*пәтер{_H}+(?:\d{{1,4}}|{_KK_NUMBER}(?:{_H}+{_KK_NUMBER})?)(?![\w]))?)?"
    ),
    # kk: a neighbour's flat by its number alone: "көршісі Жанна (16-пәтер)", "12-пәтердегі"
    re.compile(r"(?<![\w-])\d{1,4}-пәтер(?:де|ге|ден|дегі|дің|ді)?(?![\w-])"),
    # kk/ru, lower case: төле би 214, 35-пәтер; ленина 5, кв. 3: a street anchored by its flat
    re.compile(
        rf"(?<![\w-])[{_KK_LO}]{{3,}}{_H}+(?:[{_KK_LO}]{{2,}}{_H}+)?\d{{1,4}}[а-я]?,{_H}*"
        rf"(?:\d{{1,4}}-пәтер[{_KK_LO}]*|кв\.{_H}*\d{{1,4}})"
    ),
    # kk, lower case, a dormitory's street, house and room: "жібек жолы 14 312 бөлме"
    re.compile(
        rf"(?<![\w-])[{_KK_LO}]{{3,}}{_H}+(?:жолы|көшесі|даңғылы){_H}+\d{{1,4}}[а-я]?,?{_H}+"
        rf"\d{{1,4}}-?{_H}?бөлме[{_KK_LO}]*"
    ),
    # kk/ru: Батыс-2 ш.а., 19Б-үй, 2-корпус; мкр. Восток-5, д. 3: a micro-district in place of
    # the street (only with the house after it: ``_grow`` must add one)
    re.compile(
        rf"(?<![\w-])(?P<m>[А-ЯЁӘҒҚҢӨҰҮҺІ][{_KK_LO}]+(?:-\d{{1,2}})?{_H}+(?:ш\.{_H}?а\.|шағынауданы|мкр\.?|микрорайон)"
        rf"(?=,?{_H}*(?:\d{{1,4}}[А-ЯA-Zа-я]?-үй|д\.|дом))"
        rf"|(?:мкр\.?|микрорайон){_H}+[А-ЯЁ][{_KK_LO}]+(?:-\d{{1,2}})?(?=,?{_H}*(?:д\.|дом)))"
    ),
    # ru: на Ленина, дом 5; по Чкалова, д. пятнадцать: a street named for someone, in the
    # genitive, without its type word, then its house
    re.compile(
        rf"(?<![\w-])(?:на|по|с|со|от|около){_H}+(?P<a>[А-ЯЁ][а-яё]+(?:а|я|ого|его|ой|ова|ева|ина|ына)"
        rf",?{_H}+(?:д\.|дом){_H}*(?:\d{{1,4}}[а-я]?(?:/\d{{1,3}})?(?![\d\w])|{_RU_NUMBER}(?:{_H}+{_RU_NUMBER})?(?![а-яё])))"
    ),
    # cs: bydlíme na Rooseveltově čtyřicet dva, z Rooseveltovy 42 byt 9
    re.compile(
        rf"(?<![\w-])(?:na|ve|v|z|ze|u){_H}(?P<a>[{_CS_UP}][{_CS_LO}]+(?:ov[aěyéou]|in[aěyou]|sk[áéý]|ck[áéý]"
        rf"|ého|ní|[ýá])(?:{_H}+(?:\d{{1,4}}(?:/\d{{1,4}})?[a-z]?(?![\w.,]\d)|{_CS_NUMBER}(?:{_H}+{_CS_NUMBER}){{0,2}})(?![\w])))"
    ),
    # en: Plot 41, Seashore Holiday Park; lot twenty two shady acres mobile home park
    re.compile(
        rf"(?i)\b(?:plot|lot|pitch|site|space|unit|caravan){_H}+(?:no\.?{_H}*)?(?:\d{{1,4}}[a-z]?|{_EN_NUMBER}"
        rf"(?:(?:{_H}|-)+{_EN_NUMBER})?),?{_H}+(?:the{_H}+)?(?:[a-z'’]+{_H}+){{1,4}}"
        rf"(?:holiday|caravan|mobile{_H}+home|trailer|rv|static|chalet){_H}+(?:park|village|site|court)\b"
    ),
    # Welsh street words: Heol y Graig, Ffordd yr Afon, Stryd Fawr
    re.compile(
        r"(?<![\w-])(?:Heol|Ffordd|Stryd|Lôn|Rhodfa|Cilgant)[^\S\n]+(?:(?:y|yr|’r|'r)[^\S\n]+)?[A-ZŴŶ][\w’'ŵŷâêîôû]+"
    ),
    # zh: 一环路北三段12号, 高埔村三社18号
    re.compile(
        rf"[{_HAN}]{{1,6}}?(?:路|街|大道|大街)(?:[东南西北中]{{0,2}}[一二三四五六七八九十\d]{{1,3}}段)\d{{1,5}}号"
        # (a Mongolian village is a 嘎查: 额很格日嘎查二组15号)
        rf"|[{_HAN}]{{1,4}}?(?:村|嘎查)[一二三四五六七八九十\d]{{1,3}}(?:社|组|队)\d{{1,4}}号"
        # "那边，观音井村二组，你从…": the village's group alone, between punctuation
        rf"|(?<=[，,、：:；;。\s])[{_HAN}]{{1,4}}?村[一二三四五六七八九十\d]{{1,3}}(?:社|组|队)(?=[，,。；;、\s])"
    ),
    # zh: 花果园T区3栋, 华景新城翠景阁9座1502房 (an estate's zone, block and flat)
    re.compile(
        rf"(?:(?![在住到去是的了从和与把被给对向说要没有这那我你他她就]|(?<=到)达)[{_HAN}]){{2,12}}?"
        rf"(?:[A-Z]区|[一二三四五六七八九十\d]{{1,2}}期)?\d{{1,3}}(?:栋|幢|座|号楼)(?:\d{{1,2}}单元)?(?:\d{{3,5}}(?:房|室|号)?)?"
    ),
)
# Words of living or going that a Chinese match may take in before the address
_ZH_LEAD = re.compile(r"(?:家住|住在|住于|老家在?|位于|住|在|到|去|于|从)(?=[\u4e00-\u9fff])")
# Crossings: "абай мен сүлейменов қиылысындағы", "на углу Ленина и Мира", "na rohu Husovy a
# Palackého", "corner of Elm and 5th", "人民路与五一路交叉口"
_CROSSING = re.compile(
    rf"(?<![\w-]){_KK_WORD}{_H}+(?:мен|және){_H}+{_KK_WORD}(?:{_H}+{_KK_WORD})?{_H}+қиылыс[{_KK_LO}]*"
    rf"|(?<![\w-])(?:на{_H}+)?угл[уае]{_H}+(?:ул(?:\.|иц){_H}*)?[А-ЯЁ][а-яё-]+{_H}+и{_H}+[А-ЯЁ][а-яё-]+"
    rf"|(?<![\w-])(?:na{_H}+)?roh[u]?{_H}+(?:ulic{_H}+)?[{_CS_UP}][{_CS_LO}]+{_H}+a{_H}+[{_CS_UP}][{_CS_LO}]+"
    rf"|(?i:corner{_H}+of){_H}+(?:[A-Z][a-z]+|\d{{1,3}}(?:st|nd|rd|th)){_H}+(?:and|&){_H}+"
    rf"(?:[A-Z][a-z]+|\d{{1,3}}(?:st|nd|rd|th))"
    rf"|[{_HAN}]{{1,6}}?(?:路|街|大道)(?:与|和)[{_HAN}]{{1,6}}?(?:路|街|大道)(?:交叉口|交汇处|十字路口|路口)"
)
# A room where someone stays, after a word for a lodging on the same line: "… үйінде, 8-бөлмеде"
_LODGING = re.compile(
    r"(?i)үйі|үйінде|жатақхана|қонақүй|общежити|гостиниц|хостел|hostel|hotel|ubytovn|internát"
    r"|kolej|宿舍|酒店|宾馆"
)
# A Kazakh house by its number, wherever it stands (a table's cell): "36-үй", "12А-үйде"
_KK_HOUSE = re.compile(rf"(?<![\w-])\d{{1,4}}[А-ЯA-Zа-я]?-үй[{_KK_LO}]*(?![\w-])")
_ROOM = re.compile(
    rf"(?<![\w-])\d{{1,4}}-бөлме[{_KK_LO}]*|(?<![\w-])(?:комнат[аеуы]|комн\.){_H}*№?{_H}*\d{{1,4}}(?![\w])"
)
_ZH_ROAD_BEFORE = re.compile(rf"[{_HAN}]{{1,6}}(?:路|街|大道)\Z")


def _grow(text: str, start: int, end: int) -> tuple[int, int]:
    """The address start..end grown over its unit parts, its number and its house name."""
    from praxishub.cases.addressparts import _MORE

    if text[end - 1 : end].isdigit():
        anniversary = _ANNIVERSARY.match(text, end)
        end = anniversary.end() if anniversary else end
    if not any(ch.isdigit() for ch in text[start:end]) and text[end - 1 : end].isalpha():
        house = _HOUSE.match(text, end)
        if house and house.group().strip(" ,"):
            end = house.end()
    while True:
        part = _UNIT.match(text, end) or _MORE.match(text, end)
        if not part or part.end() == end:
            break
        end = part.end()
    building = _BUILDING_BEFORE.search(text, max(0, start - 60), start) or _UNIT_BEFORE.search(
        text, max(0, start - 20), start
    )
    if building:
        start = building.start()
    name = _HOUSE_NAME.search(text, max(0, start - 40), start)
    if name:
        start = name.start("n")
    road = _ZH_ROAD_BEFORE.search(text, max(0, start - 8), start)
    if road and re.match(rf"[{_HAN}]", text[start : start + 1]):
        start = road.start()
    return start, end


def find(text: str) -> Iterator[Span]:
    """Addresses by the shapes above, grown over their parts."""
    yield from crossings(text)
    for pattern in gates.live(_FINDERS, text):
        for m in pattern.finditer(text):
            group = next((g for g in ("a", "m") if g in pattern.groupindex and m.group(g)), 0)
            start, end = m.span(group)
            lead = _ZH_LEAD.match(text, start, end)
            if lead and end - lead.end() >= 4:
                start = lead.end()
            if end > start:
                yield Span(*_grow(text, start, end), "ADDRESS", "addresstail")


# A form's address field, its whole value (a rural address may have no street or number:
# "**Address:** Rosemount, Coolroe, Callan, Co. Kilkenny R95 XK63"); the value ends at the line's
# end, at a gap of three spaces, a cell's bar or the next bold label
_ADDRESS_FIELD = re.compile(
    r"(?:^|(?<=[^\S\n]{2})|(?<=\|))[^\S\n]*(?:\*\*)?"
    r"(?i:(?:home|postal|current|permanent|residential|previous)[^\S\n]+)?"
    r"(?i:address|adresa|bydliště|trvalé[^\S\n]+bydliště|адрес(?:[^\S\n]+(?:проживания|регистрации))?"
    r"|мекенжай(?:ы)?|мекен-жайы|地址|住址|家庭住址)"
    r"(?:\*\*)?[^\S\n]*[:：](?:\*\*)?[^\S\n]*"
    r"(?P<v>[^\s|*][^\n|*]*?)(?=[^\S\n]{3,}|[^\S\n]*\*\*|[^\S\n]*\||[^\S\n]*$)",
    re.MULTILINE,
)
# What a field holds when it gives no address: "as above", "см. выше", "stejná"
_NO_ADDRESS = re.compile(
    r"(?i)^(?:as|see|same|n/?a|none|unknown|not|withheld|tbc|—|-|см\.|тот|та[^\S\n]+же|не[^\S\n]"
    r"|stejn|viz|neuveden|neznám|同上|不详|无)"
)


_FIELD_END = re.compile(
    r"[^\S\n]*[(（]|(?:(?<=\d)|(?<=[^\W\d_]{4})|(?<=\d-[^\W\d_])|(?<=\d-[^\W\d_]{2})"
    r"|(?<=\d-[^\W\d_]{3}))\.(?=\s)"
)
# A field's own words that stay ("индекс 142100" after the street, "PSČ")
_FIELD_WORDS = re.compile(
    r"(?i)^(?:индекс|psč|postcode|post[^\S\n]+code|zip(?:[^\S\n]+code)?|eircode)\b"
)


def fields(text: str, found: list[Span]) -> Iterator[Span]:
    """What the layers left of an address field's value, where the value reads as an address
    (a number, or two names): each part between its commas that no layer found, so a rural
    address with no street or number ("Rosemount, Coolroe") is masked with the town found after
    it, and what was found stays as it was."""
    for m in _ADDRESS_FIELD.finditer(text):
        # (up to a remark in brackets, or a sentence's end after a number or a word)
        value = _FIELD_END.split(m.group("v"), maxsplit=1)[0].rstrip(" .,;")
        if not value or _NO_ADDRESS.match(value) or "@" in value:
            continue
        names = re.findall(r"(?<![\w-])[A-ZÀ-ŽА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+", value)
        if not (re.search(r"\d", value) or len(names) >= 2):
            continue
        at, stop = m.start("v"), m.start("v") + len(value)
        covered = sorted((s.start, s.end) for s in found if s.start < stop and at < s.end)
        gaps, pos = [], at
        for a, b in covered:
            if a > pos:
                gaps.append((pos, a))
            pos = max(pos, b)
        if pos < stop:
            gaps.append((pos, stop))
        for a, b in gaps:
            for part in re.finditer(r"[^,;]+", text[a:b]):
                piece = part.group().strip()
                if (
                    len(piece) >= 2
                    and len(piece.split()) <= 5
                    and re.match(r"[A-ZÀ-ŽА-ЯЁӘҒҚҢӨҰҮҺІ0-9]", piece)
                    and not _FIELD_WORDS.match(piece)
                ):
                    begin = a + part.start() + part.group().index(piece)
                    yield Span(begin, begin + len(piece), "ADDRESS", "address-field")


# A six-digit postcode (China's, Russia's, Kazakhstan's) in brackets right after an address:
# "湖滨路东段39号二楼（620020）"
_ZH_POSTCODE_AFTER = re.compile(r"[^\S\n]?[（(](?P<p>[1-8]\d{5})[)）]")


def postcodes_after(text: str, found: list[Span]) -> Iterator[Span]:
    """The six-digit postcode in brackets just after an address (however the address was found)."""
    if "（" not in text and "(" not in text:
        return
    for span in found:
        if span.kind == "ADDRESS":
            m = _ZH_POSTCODE_AFTER.match(text, span.end)
            if m:
                yield Span(m.start("p"), m.end("p"), "POSTCODE", "addresstail")


def crossings(text: str) -> Iterator[Span]:
    """Street crossings, Kazakh houses by their number, and rooms where someone stays after a
    lodging's word."""
    for m in _CROSSING.finditer(text):
        yield Span(m.start(), m.end(), "ADDRESS", "addresstail")
    for m in _KK_HOUSE.finditer(text):
        yield Span(m.start(), m.end(), "ADDRESS", "addresstail")
    for m in _ROOM.finditer(text):
        line = text.rfind("\n", 0, m.start()) + 1
        if _LODGING.search(text, max(line, m.start() - 50), m.start()):
            yield Span(m.start(), m.end(), "ADDRESS", "addresstail")


def _joined_end(ordered: list[Span], span: Span) -> int:
    """Where the address ends once the spans overlapping it are joined to it (the union will
    join them: "ул. Сакко" found by one layer, "Сакко и Ванцетти" by another)."""
    end = span.end
    for other in ordered:
        if other.start >= end:
            break
        if other.end > end and other.start >= span.start:
            end = other.end
    return end


# A village's house, with no street: "д. Погорелово, д. 14", "с. Ключи, дом 7"
_VILLAGE_HOUSE = re.compile(r",[^\S\n]*(?P<a>(?:д\.|дом)[^\S\n]*\d{1,3}[а-я]?)(?![\w/-])")


def grown(text: str, spans: list[Span]) -> Iterator[Span]:
    """Every address found by any layer, grown over its unit parts."""
    ordered = sorted(spans, key=lambda s: s.start)
    for span in spans:
        if span.kind == "PLACE":
            house = _VILLAGE_HOUSE.match(text, span.end)
            if house:
                yield Span(house.start("a"), house.end("a"), "ADDRESS", "addresstail")
        if span.kind == "ADDRESS":
            start, end = _grow(text, span.start, _joined_end(ordered, span))
            if (start, end) != (span.start, span.end):
                yield Span(start, end, "ADDRESS", "addresstail")
