"""Layer 4, continued: organisations named the informal way, and the words that join their parts.

Rule: a body is found by the shape its kind of name takes, never by a list of bodies: a sole
proprietor's "ИП" before a surname with initials or a full name; a public body's word or its
abbreviation before a district ("прокуратура Ленинского района", "УСП по Кировскому
району"); a chain of unit abbreviations with a number and a quoted name ("ПДН ОП № 3
«Север»"); a school, clinic or shop known by its street ("гимназия на Пушкина", "аптека на
Ленина"); a Czech institution's capitalised type word with its description and town
("Institut pro rodinu Kolín"); an English school called "… High"; a Chinese hospital,
bookshop or office after a place-like noun (鼓楼医院). A found organisation grows over the words
that join it to its place ("… на Ленина", "… of California", "… с. Старое Максимкино") and
over the capitalised words before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import gates
from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LO = "а-яёәғқңөұүһі"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
_HAN = "\u4e00-\u9fff"
_RU_NAME = rf"[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?"
_DISTRICT = (
    rf"(?:по{_H}+[{_UP}][{_LO}]+(?:ому|ему){_H}+(?:району|округу)"
    rf"|[{_UP}][{_LO}]+(?:ого|его){_H}+(?:района|округа)(?:{_H}+г\.{_H}*[{_UP}][{_LO}]+)?)"
)

_ORGS = [
    # отделом ЗАГС администрации г. Ижевска, мэрии г. Кызыла: a registry office or a mayor's
    # office with its town; ЦПМПК РС(Я): a body of the Sakha Republic with its bracketed (Я)
    re.compile(
        rf"(?<![\w-])(?:[Оо]тдел(?:ом|а|е|у|ы)?{_H}+ЗАГС|[Мм]эри(?:я|и|ей|ю))"
        rf"(?:{_H}+[Аа]дминистрации)?{_H}+(?:г\.|города){_H}*[{_UP}][{_LO}-]+"
        rf"|(?<![\w-])[{_UP}]{{3,8}}{_H}+РС{_H}?\(Я\)|(?<=[»\w]{_H})РС\(Я\)"
    ),
    # ИП Абрамова Е. С., ИП Соколов Игорь Петрович: a sole proprietor named after its owner
    re.compile(
        rf"(?<![\w-])(?:ИП|ЖК){_H}+{_RU_NAME}(?:{_H}+[{_UP}]\.{_H}?[{_UP}]\."
        rf"|{_H}+{_RU_NAME}{_H}+[{_UP}][{_LO}]+(?:вна|вич|ична|ич|қызы|ұлы))"
    ),
    # УСП по Кировскому району, ОП Советского района, прокуратура Ленинского района,
    # ювенальной полиции УП Есильского района: a public body's word or abbreviation and its district
    re.compile(
        rf"(?<![\w-])(?:(?:[{_LO}]+(?:ой|ая|ую|ого|ый|ий){_H}+)?(?:прокуратур|администраци|полици|суд|отдел"
        rf"|управлени|комисси|департамент|опек|инспекци)[{_LO}]*{_H}+)?(?:[{_UP}]{{2,6}}{_H}+){{0,3}}"
        rf"(?<=[{_UP}{_LO}]{_H}){_DISTRICT}"
    ),
    # ПДН ОП № 15 «Заречье»: unit abbreviations, a number and a quoted name
    re.compile(rf"(?<![\w-])(?:[{_UP}]{{2,5}}{_H}+){{1,3}}№{_H}*\d{{1,3}}{_H}+«[^«»\n]{{1,30}}»"),
    # гимназии на Пушкина, аптека на Ленина, садик на Мира: a place known by its street
    re.compile(
        rf"(?<![\w-])(?:гимнази|школ|лице|садик|детсад|поликлиник|больниц|аптек|колледж|техникум|клиник"
        rf"|магазин|кафе|ТЦ|ТРЦ)[{_LO}]*{_H}+на{_H}+[{_UP}][{_LO}]+(?![\w-])"
    ),
    # Institut pro rodinu Kolín, Ambulance dětské psychiatrie Vysočany, Krajské centrum primární
    # prevence Olomouckého kraje: a Czech body's type word, its description and its town or region
    re.compile(
        rf"(?<![\w-])(?:[{_CS_UP}][{_CS_LO}]+(?:ské|cké|ní|é){_H}+(?:centrum|poradna|středisko|ústav|institut)"
        rf"|(?:Ambulance|Institut|Centrum|Poradna|Klinika|Ústav|Středisko|Spolek|Sdružení|Agentura))"
        rf"(?:{_H}+(?:[{_CS_LO}]{{3,}}|pro|při|s|a|pro)){{1,5}}{_H}+[{_CS_UP}][{_CS_LO}]+(?:{_H}+kraje)?(?![\w-])"
    ),
    # Penzion U Zlatého kohouta, kavárna Cukrárna U Sv. Mořice, hospoda U Lípy: a Czech inn,
    # guesthouse or café named "U …" (at the sign of …)
    re.compile(
        rf"(?<![\w-])(?:[Pp]enzion|[Hh]otel|[Hh]ostel|[Rr]estaura|[Hh]ospod|[Kk]avár|[Cc]ukrár|[Pp]ivnic|[Vv]inár)"
        rf"[{_CS_LO}]*(?:{_H}+[{_CS_UP}][{_CS_LO}]+)?{_H}+U{_H}+(?:Sv\.{_H}*)?[{_CS_UP}][{_CS_LO}]+"
        rf"(?:{_H}+[{_CS_LO}]{{3,}}(?=[\s,.;:)]))?"
    ),
    # Eastbrook High, Kelvinside Community High: a school called by its name and "High"
    re.compile(
        r"(?<![\w-])(?!(?:Very|Too|So|The|A|An|How|Not|Quite)\b)(?:[A-Z][a-z]+[^\S\n]+){1,3}High"
        r"(?![^\S\n]+(?:School|Street|Road|St|Court|Risk|Priority|Needs)\b)(?![\w-])"
    ),
]
# Lakeshore Teen Line, Tandem Family Support, Westlake Wolverines Youth Soccer, Chatterbox SLT,
# Glasgow Sheriff Court: capitalised words before a word for a service, club or body
_EN_ORG = re.compile(
    r"(?<![\w'’-])(?P<w>(?:[A-Z][\w'’&-]*[^\S\n]+){1,4})(?:(?:Teen|Youth|Help|Advice|Support)[^\S\n]+Line"
    r"|Support|Soccer|Football|Sports|Sheriff[^\S\n]+Court|Court|SLT|Therapy|Therapies|Counselling|Counseling"
    r"|Services|Trust|Foundation|Network|Partnership|Collective|Minds|Carers|Connect|Reach|Response)"
    r"(?![\w-])"
)
_EN_GENERIC = frozenset(
    [
        "Family",
        "Families",
        "NHS",
        "Talking",
        "Youth",
        "Teen",
        "Children",
        "Children's",
        "Child",
        "Young",
        "Mental",
        "Health",
        "Community",
        "Parent",
        "Parents",
        "Early",
        "Help",
        "Crisis",
        "Text",
        "Social",
        "Care",
        "Emotional",
        "Wellbeing",
        "Well-being",
        "Local",
        "National",
        "County",
        "District",
        "School",
        "Schools",
        "Student",
        "Students",
        "Peer",
        "Specialist",
        "Speech",
        "Language",
        "Therapy",
        "Play",
        "Art",
        "Music",
        "Adult",
        "Carers",
        "Carer",
        "Bereavement",
        "Domestic",
        "Abuse",
        "Safeguarding",
        "Education",
        "Educational",
        "Psychology",
        "Services",
        "Sports",
        "Football",
        "Soccer",
        "Support",
        "First",
        "Response",
        "Our",
        "Your",
        "Their",
        "His",
        "Her",
        "My",
        "This",
        "That",
        "Each",
        "Every",
        "Drug",
        "Alcohol",
        "Housing",
        "Legal",
        "Victim",
        "Victims",
        "Women's",
        "Men's",
        "Online",
        "Digital",
        "Family's",
    ]
)


# 鼓楼医院, 悦读时光书店, 电子城街道办事处: an institution's word after a place-like noun
_ZH_ORG = re.compile(
    rf"(?:(?<=[在于到去从的系，。、（(“\s:：])|^)(?P<n>(?![区市县省])(?:(?![在住由以下的了是去到从和与把被给对向说要没有这那个我你他她们也都就还])[{_HAN}]){{2,8}}?)(?:医院|书店|办事处|指导中心|服务中心)"
    rf"(?![{_HAN}]?[区市县])",
    re.MULTILINE,
)
# A kind of institution, not a named one: 儿童医院, 附近的医院, 心理健康指导中心
_ZH_GENERIC = re.compile(
    r"^(?:这家|那家|一家|哪家|附近的?|当地的?|本地的?|大|小|各|其他|所在|定点|上级)?"
    r"(?:儿童|妇幼|精神|中医|专科|人民|附属|综合|社区|口腔|眼科|肿瘤|私立|公立|民营|心理健康|心理|家庭|公益|社会"
    r"|学校|省|市|区|县|街道|新华|二手|网上|书)*$"
)
# Verbs, particles and pronouns: a phrase, not an institution's name ("现在住在医院", "以下由医院")
_ZH_NOT_NAME = re.compile(r"[在住由以下的了是去到从和与把被给对向说要没有这那个我你他她们也都就还]")
# What joins a found organisation to its place: "… на Ленина", "… of California", "«…»-да"
_JOIN_AFTER = re.compile(
    rf"{_H}+на{_H}+[{_UP}][{_LO}]+(?![\w-])|{_H}+of{_H}+[A-Z][a-z]+(?:{_H}+[A-Z][a-z]+)?(?![\w-])"
    rf"|{_H}+(?:имени|им\.){_H}*(?:[{_UP}]\.{_H}?){{1,2}}[{_UP}][{_LO}]+(?![\w-])"
    rf"|-(?:да|де|та|те|ға|ге|қа|ке|ның|нің|дың|дің|тың|тің|на|не|ны|ні|ды|ді|дан|ден|нан|нен|тан|тен)(?![\w-])"
)
# What a Russian body is for, after its kind's word: "институтом повышения квалификации",
# "Центр развития образования", "Управление социальной защиты населения", "комиссия по делам
# несовершеннолетних и защите их прав"
_RU_HEAD_END = re.compile(
    r"(?:институт|центр|управлени|комитет|департамент|отдел|колледж|академи|министерств|комисси)"
    rf"[{_LO}]*$",
    re.IGNORECASE,
)
_RU_PURPOSE = re.compile(
    rf"{_H}+(?:повышения{_H}+квалификации|развития{_H}+образования"
    rf"|дополнительного{_H}+(?:профессионального{_H}+)?образования|социальной{_H}+защиты{_H}+населения"
    rf"|по{_H}+делам{_H}+несовершеннолетних(?:{_H}+и{_H}+защите{_H}+их{_H}+прав)?)(?![\w-])"
    rf"(?:{_H}+(?:работников|педагогов|педагогических{_H}+работников)(?:{_H}+образования)?(?![\w-]))?"
)
_QUOTED_ENDING = re.compile(
    r"»-(?:да|де|та|те|ға|ге|қа|ке|ның|нің|дан|ден|тан|тен|нан|нен|мен|бен|пен)(?![\w-])"
)
_UNDER = re.compile(rf"»?{_H}+(?:при|під){_H}+")
_STREET_AFTER = re.compile(rf"{_H}+на{_H}+(?P<s>[{_UP}][{_LO}]+)(?![\w-])")
_WORDS_BEFORE = re.compile(
    r"(?<![\w.-])(?:[A-Z][a-z]{2,}[^\S\n](?:(?:with|upon|on)[^\S\n])?){1,2}\Z"
)
# "St. Volodymyr Ukrainian Catholic Parish", "Saint Mary's": a saint's abbreviation before a body
_SAINT_BEFORE = re.compile(r"(?<![\w.])(?:St\.?|Saint|Ste\.?|Sv\.|sv\.)[^\S\n]+\Z")
_NOT_BEFORE = frozenset(
    [
        "The",
        "A",
        "An",
        "And",
        "Or",
        "But",
        "To",
        "From",
        "At",
        "In",
        "On",
        "For",
        "With",
        "By",
        "Of",
        "Referred",
        "Called",
        "Contact",
        "Via",
        "Call",
        "Dear",
        "Mum",
        "Dad",
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Dr",
        "Year",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
)


def find(text: str) -> Iterator[Span]:
    """Organisations and schools by the shapes above."""
    for pattern in gates.live(_ORGS, text):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "ORG", "pattern")
    for m in _EN_ORG.finditer(text):
        words = m.group("w").split()
        while words and words[0] in _NOT_BEFORE:
            words.pop(0)
        if any(w not in _EN_GENERIC and w not in _NOT_BEFORE for w in words):
            start = m.end("w") - len(" ".join(words)) - 1
            yield Span(start, m.end(), "ORG", "pattern")
    if "医院" in text or "书店" in text or "办事处" in text or "中心" in text:
        for m in _ZH_ORG.finditer(text):
            if not _ZH_GENERIC.match(m.group("n")) and not _ZH_NOT_NAME.search(m.group("n")):
                yield Span(m.start("n"), m.end(), "ORG", "pattern")


# A settlement's abbreviation between a body and its place: "ГБОУ ООШ с. Старое Максимкино",
# "МБУ «ЦППМСП» городского округа г. Нефтекамск"
_SETTLEMENT_AFTER = re.compile(rf"{_H}+(?:г|с|пос|пгт|д|ст|п|ауыл|а)\.{_H}*")


def settled(text: str, spans: list[Span]) -> Iterator[Span]:
    """A body and the place after its settlement's abbreviation, as one name ("ГБОУ ООШ с.
    Старое Максимкино")."""
    places = {span.start: span for span in spans if span.kind == "PLACE"}
    for span in spans:
        if span.kind in ("ORG", "SCHOOL"):
            settlement = _SETTLEMENT_AFTER.match(text, span.end)
            if settlement and settlement.end() in places:
                yield Span(span.start, places[settlement.end()].end, span.kind, "edge")


# The rest of a Czech town's name after a body named by it: "Nemocnici Nové Město" + " na
# Moravě", "Poliklinika Ústí" + " nad Labem"
_CS_TOWN_REST = re.compile(rf"{_H}+(?:na|nad|pod){_H}+[{_CS_UP}][{_CS_LO}]+(?![\w-])")
_CS_TOWN_END = re.compile(rf"(?<![\w-])[{_CS_UP}][{_CS_LO}]+\Z")
_CS_BRANCH = re.compile(
    r"[^\S\n]*\n[^\S\n]*(?:pracoviště|odloučené[^\S\n]+pracoviště|pobočka)[^\S\n]+"
    r"(?:[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýž]+(?:[^\S\n](?:nad|pod|[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýž]+))*"
    r"|[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ](?:[^\S\n][a-záčďéěíňóřšťúůýž]){2,})"
)


def grown(text: str, spans: list[Span]) -> Iterator[Span]:
    """Organisations grown over the words that join them to their place, and the capitalised
    words of their name before them ("Kernow" before "Young Minds")."""
    starts = {span.start for span in spans}
    bodies = {span.start: span for span in spans if span.kind in ("ORG", "SCHOOL")}
    for span in spans:
        # «Балауса»-да: a quoted name with a Kazakh case ending after its closing quote
        quoted = _QUOTED_ENDING.match(text, span.end)
        if quoted and span.start > 0 and text[span.start - 1] == "«":
            yield Span(span.start - 1, quoted.end(), "ORG", "edge")
        # Центр «…» при ГБУ «…»: a unit and the body it belongs to
        under = _UNDER.match(text, span.end)
        if span.kind in ("ORG", "SCHOOL") and under and under.end() in bodies:
            yield Span(span.start, bodies[under.end()].end, span.kind, "edge")
        if span.kind == "PLACE" and text[span.start : span.start + 1].isupper():
            # "Медиснаба на Ленина": a business the model took for a place, and its street
            street = _STREET_AFTER.match(text, span.end)
            if street and street.start("s") in starts:
                yield Span(span.start, street.end(), "ORG", "edge")
        if span.kind not in ("ORG", "SCHOOL"):
            continue
        # a Czech body's branch on its letterhead's next line: "…PORADNA PLZEŇSKÉHO KRAJE
        # ⏎pracoviště  K l a t o v y" (its town letter-spaced on a scan)
        branch = _CS_BRANCH.match(text, span.end)
        if branch:
            yield Span(span.start, branch.end(), span.kind, "edge")
        purpose = _RU_PURPOSE.match(text, span.end)
        if purpose and _RU_HEAD_END.search(text, max(0, span.start, span.end - 20), span.end):
            yield Span(span.start, purpose.end(), span.kind, "edge")
        rest = _CS_TOWN_REST.match(text, span.end)
        if rest and _CS_TOWN_END.search(text, max(span.start, span.end - 30), span.end):
            yield Span(span.start, rest.end(), span.kind, "edge")
        join = _JOIN_AFTER.match(text, span.end)
        if join:
            yield Span(span.start, join.end(), span.kind, "edge")
        before = _WORDS_BEFORE.search(text, max(0, span.start - 30), span.start)
        if before and text[span.start : span.start + 1].isupper():
            words = before.group().split()
            while words and (words[0] in _NOT_BEFORE or words[0].islower()):
                words.pop(0)
            at = span.start - len(" ".join(words)) - 1
            sentence = re.search(r"(?:^|[.!?:]\s+|\n\s*)$", text[max(0, at - 3) : at])
            # a letterhead's line that is the body's name alone: "Blackburn with Darwen CAMHS"
            alone = (at == 0 or text[at - 1] == "\n") and text[span.end : span.end + 1] in (
                "",
                "\n",
            )
            if words and (not sentence or alone):
                yield Span(at, span.end, span.kind, "edge")
        saint = _SAINT_BEFORE.search(text, max(0, span.start - 8), span.start)
        if saint and text[span.start : span.start + 1].isupper():
            yield Span(saint.start(), span.end, span.kind, "edge")
