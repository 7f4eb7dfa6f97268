"""Layer 2, spoken and informal forms: numbers in words, short addresses, shop names.

Rules: a day said as an ordinal before (or after "of") a month is a DATE ("семнадцатого
числа ноября", "dvacátého prvního listopadu", "twentieth of november"); a street said
with a house number, in digits or words, after "на"/"na" or before a street word, is an
ADDRESS ("на чкалова сорок два", "Husovu třídu 44", "forty one Mill Road"), and so is a
flat number after "кв"/"byt"/"Flat"; a school said as a number in words ("в сорок
первой", "в нашей двенашке") is a SCHOOL and a class said in words ("из шестого бэ",
"year nine") a CLASS; a lower-case first name with its patronymic is a PERSON; a shop,
café or practice named after its kind word ("аптеки «Ромашка»", "Hollis Foods") is an ORG.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import gates
from praxishub.cases.spans import Span

_RU_ORD_STEM = (
    r"(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|одиннадцат|двенадцат|тринадцат"
    r"|четырнадцат|пятнадцат|шестнадцат|семнадцат|восемнадцат|девятнадцат|двадцат|тридцат)"
)
_RU_ORD = (
    rf"(?:(?:двадцать|тридцать)\s+)?{_RU_ORD_STEM}(?:ого|его|ье|ьего|ое|ый|ий|ой|ом|ем|ьем|ому|ему)"
)
_RU_MONTHS = (
    r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
)
_CS_ORD = (
    r"(?:(?:dvacátého|třicátého)\s+)?(?:prvního|druhého|třetího|čtvrtého|pátého|šestého|sedmého|osmého"
    r"|devátého|desátého|jedenáctého|dvanáctého|třináctého|čtrnáctého|patnáctého|šestnáctého"
    r"|sedmnáctého|osmnáctého|devatenáctého|dvacátého|třicátého"
    # "osmadvacátého", "jednatřicátého": a unit, then its tens, as one word
    r"|(?:jedna|dva|tři|čtyři|pět|šest|sedm|osm|devět)advacátého|jednatřicátého)"
)
_CS_MONTHS = (
    r"(?:ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince)"
)
# Slovak, as Slovak-speaking families say it in Czech notes: "dvanásteho júna dvetisíc šestnásť"
_SK_ORD = (
    r"(?:(?:dvadsiateho|tridsiateho)\s+)?(?:prvého|druhého|tretieho|štvrtého|piateho|šiesteho"
    r"|siedmeho|ôsmeho|deviateho|desiateho|jedenásteho|dvanásteho|trinásteho|štrnásteho"
    r"|pätnásteho|šestnásteho|sedemnásteho|osemnásteho|devätnásteho|dvadsiateho|tridsiateho)"
)
_SK_MONTHS = (
    r"(?:januára|februára|marca|apríla|mája|júna|júla|augusta|septembra|októbra|novembra|decembra)"
)
_SK_YEAR = (
    r"dve\s*tisíc(?:\s+(?:(?:dvadsať|desať)(?:\s+(?:jeden|dva|tri|štyri|päť|šesť|sedem|osem"
    r"|deväť))?|jedenásť|dvanásť|trinásť|štrnásť|pätnásť|šestnásť|sedemnásť|osemnásť|devätnásť"
    r"|jeden|dva|tri|štyri|päť|šesť|sedem|osem|deväť))?"
)
_EN_UNIT_ORD = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
_EN_ORD = (
    rf"(?:(?:twenty|thirty)[- ]?{_EN_UNIT_ORD}|{_EN_UNIT_ORD}|tenth|eleventh|twelfth|thirteenth|fourteenth"
    r"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)
_EN_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
_KK_ORD = (
    r"(?:(?:жиырма|отыз|он)\s+)?(?:бірінші|екінші|үшінші|төртінші|бесінші|алтыншы|жетінші|сегізінші"
    r"|тоғызыншы|оныншы|жиырмасыншы|отызыншы)"
)
_KK_YEAR = (
    r"екі\s+мың(?:\s+(?:(?:он|жиырма)\s+)?(?:бірінші|екінші|үшінші|төртінші|бесінші|алтыншы"
    r"|жетінші|сегізінші|тоғызыншы|оныншы|жиырмасыншы)\s+жыл(?:ы|ғы|дың)?)"
)
_KK_MONTHS = r"(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)[а-яәғқңөұүһі]*"

# A year said in words after a spoken date: "две тысячи тринадцатого", "two thousand thirteen",
# "twenty seventeen" (the word for "year" after it stays outside, as for written dates)
_RU_YEAR = (
    rf"(?:две\s+тысячи(?:\s+(?:двадцать\s+)?{_RU_ORD_STEM}(?:ого|его))?"
    # "двадцать третьего года": the century left out, as speech does
    rf"|(?:двадцать\s+)?{_RU_ORD_STEM}(?:ого|его|ьего)\s+года)"
)
_EN_NUM_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ](?:one|two|three|four|five|six"
    r"|seven|eight|nine))?)"
)
_EN_YEAR = (
    rf"(?:two\s+thousand(?:\s+and)?(?:\s+{_EN_NUM_WORD})?|(?:nineteen|twenty)[- ]{_EN_NUM_WORD})"
)
# "dva tisíce třináct", "dvatisíce dvacet pět": a year in words
_CS_YEAR = (
    r"(?:dva\s*tisíce|dvoutisícího)(?:\s+(?:(?:dvacet|deset)(?:\s+(?:jedna|dva|tři|čtyři|pět|šest"
    r"|sedm|osm|devět))?|jedenáct|dvanáct|třináct|čtrnáct|patnáct|šestnáct|sedmnáct|osmnáct"
    r"|devatenáct|jedna|dva|tři|čtyři|pět|šest|sedm|osm|devět))?"
)
# Czech speech says "-ýho" for "-ého": "patnáctýho března", "dvacátýho sedmýho února"
_CS_ORD_SPOKEN = _CS_ORD.replace("ého", "(?:ého|ýho)").replace("prvního", "prvn(?:ího|ýho)")


def _typed_bare(pattern: str) -> str:
    """The pattern with each Czech letter with a diacritic also matching its bare letter, as
    chats are typed ("od prvniho brezna")."""
    bare = str.maketrans("áčďéěíňóřšťúůýž", "acdeeinorstuuyz")
    return "".join(f"[{c}{c.translate(bare)}]" if c.translate(bare) != c else c for c in pattern)


_DATES = [
    re.compile(
        rf"(?<!\w){_RU_ORD}(?:\s+числа)?\s+{_RU_MONTHS}(?:\s+{_RU_YEAR})?(?!\w)", re.IGNORECASE
    ),
    re.compile(
        rf"(?<!\w)(?:первых|десятых|двадцатых|последних)\s+числах\s+{_RU_MONTHS}(?!\w)", re.I
    ),
    re.compile(rf"(?<!\w)\d{{1,2}}\s+на\s+\d{{1,2}}\s+{_RU_MONTHS}(?!\w)", re.IGNORECASE),
    re.compile(rf"(?<!\w){_RU_MONTHS}\s+\d{{1,2}},?\s+(?:19|20)\d\d(?!\d)", re.IGNORECASE),
    re.compile(
        _typed_bare(rf"(?<!\w){_CS_ORD_SPOKEN}\s+{_CS_MONTHS}(?:\s+{_CS_YEAR})?(?!\w)"),
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<![\w.])\d{{1,2}}\.\s*(?:do|/)\s*\d{{1,2}}\.\s*(?:{_CS_MONTHS}|\d{{1,2}}\.)", re.I
    ),
    re.compile(rf"(?<!\w){_SK_ORD}\s+{_SK_MONTHS}(?:\s+{_SK_YEAR})?(?!\w)", re.IGNORECASE),
    # "the ninth of january", "march third two thousand thirteen" (not "may first": a verb)
    re.compile(
        rf"(?<!\w)(?:the\s+)?{_EN_ORD}\s+of\s+{_EN_MONTHS}(?:,?\s+{_EN_YEAR})?(?![\w-])"
        rf"|(?<!\w)(?!may\b){_EN_MONTHS}\s+(?:the\s+)?{_EN_ORD}(?:,?\s+{_EN_YEAR})?(?![\w-])",
        re.IGNORECASE,
    ),
    # "friday feb 6", "till april 20th": an English month typed in lower case, then its day (not
    # "march": a verb)
    re.compile(
        r"(?<![\w-])(?:january|february|april|june|july|august|september|october|november"
        r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?[^\S\n]+(?:0?[1-9]|[12]\d|3[01])"
        r"(?:st|nd|rd|th)?(?![\w:]|[.,]\d)"
    ),
    # "он бірінші тамыз екі мың оныншы жыл": a Kazakh year said as an ordinal takes its word
    re.compile(rf"(?<!\w){_KK_ORD}\s+{_KK_MONTHS}(?:\s+{_KK_YEAR})?(?!\w)", re.IGNORECASE),
    # "ақпанның жиырма үшінші жұлдызына", "ақпанның 20-сынан": the month, then its day, also
    # in a list or as a number with its possessive ending ("қаңтардың 19-ы мен 30-ы",
    # "наурыздың жиырмасында")
    re.compile(
        rf"(?<!\w){_KK_MONTHS}\s+(?:{_KK_ORD}(?:\s+жұлдыз[а-яәғқңөұүһі]*)?"
        r"|\d{1,2}-[а-яәғқңөұүһі]+(?:\s*(?:,|мен|пен|бен|және)\s*\d{1,2}-[а-яәғқңөұүһі]+)*"
        r"|(?:(?:жиырма|отыз|он)\s+)?(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз)"
        r"(?:ы|і|сы|сі)(?:нда|нде|на|не|нан|нен)?)"
        # and the year said after it: "мамырдың тоғызы екі мың он бесінші жыл"
        rf"(?:\s+{_KK_YEAR})?(?!\w)",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?<![\w.])\d{1,2}\.\d{1,2}-(?:де|да|те|та|ге|ға|ке|қа|не|на|нан|нен|дан|ден)(?!\w)"
    ),
]

_RU_TENS = r"(?:двадцать|тридцать|сорок|пятьдесят|шестьдесят|семьдесят|восемьдесят|девяносто)"
_RU_UNITS = r"(?:один|одна|два|две|три|четыре|пять|шесть|семь|восемь|девять)"
_RU_TEENS = (
    r"(?:десять|одиннадцать|двенадцать|тринадцать|четырнадцать|пятнадцать|шестнадцать|семнадцать"
    r"|восемнадцать|девятнадцать)"
)
_RU_HUNDREDS = r"(?:сто|двести|триста|четыреста|пятьсот|шестьсот|семьсот|восемьсот|девятьсот)"
_RU_NUMBER = rf"(?:(?:{_RU_HUNDREDS}\s+)?(?:{_RU_TENS}(?:\s+{_RU_UNITS})?|{_RU_TEENS})|{_RU_HUNDREDS}(?:\s+{_RU_UNITS})?)"
_CS_NUMBER = (
    r"(?:(?:dvacet|třicet|čtyřicet|padesát|šedesát|sedmdesát|osmdesát|devadesát)"
    r"(?:\s+(?:jedna|dva|tři|čtyři|pět|šest|sedm|osm|osum|devět))?|deset|jedenáct|dvanáct|třináct|čtrnáct"
    r"|patnáct|šestnáct|sedmnáct|osmnáct|devatenáct)"
)
# a house's number said whole: "dvě stě šedesát osum", "osum set šedesát", "sto dvanáct"
_CS_UNIT = r"(?:jedna|dva|tři|čtyři|pět|šest|sedm|osm|osum|devět)"
_CS_HOUSE_NUMBER = (
    rf"(?:(?:sto|dvě\s+stě|(?:tři|čtyři)\s+sta|(?:pět|šest|sedm|osm|osum|devět)\s+set)"
    rf"(?:\s+(?:{_CS_NUMBER}|{_CS_UNIT}))?|{_CS_NUMBER})"
)
# words before a number that are no street's ("na celý dvacet minut", "na druhý dvacet dětí")
_CS_COMMON_ADJ = (
    r"(?:celý|celou|druhý|druhou|třetí|další|poslední|jiný|nový|starý|velký|malý|dobrý|každý"
    r"|stejný|příští|minulý|tenhle|ten|ty|dvě|tři|čtyři|roky|dny|hodiny|týdny|body|koruny)"
)
_EN_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six"
    r"|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_NOT_HOUSE = (
    # ("сорок три частный дом": a private house, not hours)
    r"(?!\s*(?:%|лет|год|раз|минут|час(?!тн)|числ|процент|руб|человек|км|дн|недел|месяц|балл|кг|см|мин|штук"
    r"|let|roků|minut|hodin|procent|korun|kč|lidí|dětí|žák|km|dní|týdn|bodů|years?|minutes|hours|per"
    r"|percent))"
)
_RU_STREET_WORD = r"(?:[А-ЯЁ][а-яё\-]+|[а-яё\-]+(?:ова|ева|ёва|ина|ына|ского|цкого|ской|цкой))"
_ADDRESSES = [
    re.compile(
        rf"(?<=\bна\s)(?:[А-ЯЁ][а-яё]+\s+)?{_RU_STREET_WORD},?\s+(?:\d{{1,3}}[а-яё]?(?![\d.:,]\d)|{_RU_NUMBER})"
        rf"{_NOT_HOUSE}(?:\s+{_RU_ORD_STEM}[а-яё]*\s+подъезд|\s+подъезд\s+\d+)?(?!\w)"
    ),
    re.compile(
        rf"(?<=\bna\s)[a-záčďéěíňóřšťúůýž]+(?:ové|ovy|ovej|ská|ské|ní|ově|ou)\s+(?:\d{{1,3}}(?![\d.:,]\d)|{_CS_NUMBER})"
        rf"{_NOT_HOUSE}(?!\w)"
    ),
    # "na křinický dvě stě šedesát osum", "na riegrovu sedmnáct", "za humny sto dvanáct", "pod
    # hradbami dvacet šest, byt čtrnáct": a spoken street and its number said whole
    re.compile(
        rf"(?<=\b(?:na|za)\s)(?!{_CS_COMMON_ADJ}\s)[a-záčďéěíňóřšťúůýž]+(?:ý|ýho|ého|ovu|ově|ami|ách|y)"
        rf"\s+{_CS_HOUSE_NUMBER}(?:,?\s+byt\s+(?:\d{{1,3}}|{_CS_NUMBER}|{_CS_UNIT}))?{_NOT_HOUSE}(?!\w)"
        rf"|(?<=\bpod\s)[a-záčďéěíňóřšťúůýž]+(?:ami|ou)\s+{_CS_HOUSE_NUMBER}"
        rf"(?:,?\s+byt\s+(?:\d{{1,3}}|{_CS_NUMBER}|{_CS_UNIT}))?{_NOT_HOUSE}(?!\w)"
    ),
    re.compile(
        r"(?<!\w)(?:[A-ZČŘŠŽ][a-záčďéěíňóřšťúůýž]+\s+(?:[Tt]říd[auěy]|[Cc]est[auě])|(?:[Tt]říd[auěy]|[Cc]est[auě]"
        r"|sídlišt[ěi]|nábřeží|alej[ie]?)(?:\s+(?:[A-ZČŘŠŽ][\wáčďéěíňóřšťúůýž]*)){1,2})"
        r"\s+\d{1,4}(?:/\d{1,4})?[a-z]?(?![\w.])(?:,\s*byt\s+\d{1,4})?"
    ),
    re.compile(
        rf"(?<!\w)(?i:{_EN_NUMBER})\s+(?:[A-Z][a-z']+\s+){{1,3}}(?:Road|Street|Avenue|Lane|Close|Drive|Way"
        r"|Crescent|Terrace|Mount|Grove|Gardens|Place|Court|Hill|Row|Walk|Rise|View|Park|Square|Rd|St|Ave)\b"
    ),
    re.compile(
        r"(?<!\w)(?:[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+\s+){1,2}(?:көшесі|көше|көш\.|даңғылы|даңғ\.|батыр)"
        r",?\s*\d{1,4}[а-яә]?(?![\d.])"
    ),
    re.compile(
        r"(?<!\w)Flat\s+\d{1,4}[A-Za-z]?,\s*\d{1,4}\s+(?:[A-Z][a-z']+[^\S\n]+){1,3}[A-Z][a-z]+"
    ),
]
_FLAT = re.compile(
    rf"(?<!\w)(?:кв\.?|квартира|byt|Flat|flat|Apt\.?|apt\.?|пәтер)\s*(?P<n>\d{{1,4}}[а-яa-z]?(?![\d.,:]\d)|{_RU_NUMBER})(?!\w)"
)

_RU_ORD_FEM = rf"(?:(?:{_RU_HUNDREDS}\s+)?(?:{_RU_TENS}\s+)?{_RU_ORD_STEM}(?:ой|ьей|ей))"
# the school's word after its number is part of it: "в сорок третьей школе"
_RU_SCHOOL_WORD = r"(?:\s+(?:школ[аеуыо]й?|школу|гимнази[яиюей]|лице[йяюе]))?"
_SCHOOLS = [
    # "у нас в 77-й было то же самое": a school by its number in digits, said bare (12 or more,
    # never a grade; not "в 12-й раз", "в 15-й палате")
    re.compile(
        r"(?<=\s)(?:в|во|из|из-за)\s+(?P<s>(?:1[2-9]|[2-9]\d|[1-9]\d\d)-?(?:й|ой|ей))"
        r"(?=\s+(?:был[аио]?|тоже|так|учи\w*|перевел\w*|перешл\w*|школ\w*)(?!\w)|\s*[,.;!?)])"
    ),
    re.compile(
        rf"(?<=\s)(?:в|во|из|у|к)\s+(?:нашей\s+|свою\s+|своей\s+)?(?P<s>(?:(?:{_RU_HUNDREDS}\s+)?{_RU_TENS}\s+"
        rf"{_RU_ORD_STEM}(?:ой|ьей|ей)|{_RU_HUNDREDS}\s+{_RU_ORD_STEM}(?:ой|ьей|ей)){_RU_SCHOOL_WORD})(?!\w)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<=\s)(?:в|во|из)\s+(?:нашей\s+|свою\s+|своей\s+)?(?P<s>{_RU_ORD_FEM}\s+(?:школ|гимнази|лице)[а-яё]*)(?!\w)",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?<=\s)(?:в|во|из|к)\s+(?:нашей\s+|свою\s+|своей\s+)?(?P<s>[а-яё]+нашк[аеиуой]{1,2})(?!\w)"
    ),
    # "тридцать пятая гимназия", "«пятьсот девяносто седьмая»" after a word for the school: a
    # number over twenty said in words, its last word an ordinal in the nominative or accusative
    # (not "вторая школа", a second school)
    re.compile(
        rf"(?<![\w-])(?P<s>(?:{_RU_HUNDREDS}\s+(?:{_RU_TENS}\s+)?|{_RU_TENS}\s+){_RU_ORD_STEM}"
        r"(?:ая|ья|ую|ью)\s+(?:школ|гимнази|лице)[а-яё]*)(?!\w)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?:школ|гимнази|лице)[а-яё]*[^«\n]{{0,30}}«(?P<s>(?:{_RU_HUNDREDS}\s+)?(?:{_RU_TENS}\s+)?"
        rf"{_RU_ORD_STEM}(?:ая|ья|ую|ью|ой|ей)|{_RU_HUNDREDS}(?:\s+{_RU_TENS})?)»",
        re.IGNORECASE,
    ),
    # the city's one polytechnic or medical college, called so: "учусь в политехе", "в медколледже"
    re.compile(
        r"(?<![\w-])(?:в|во|из|на|после|с)\s+(?P<s>(?:политех|медколледж)(?:е|а|у|ом)?)(?![\w-])",
        re.IGNORECASE,
    ),
    # Kazakh: "жиырма бірінші мектепте", "отыз бесінші мектеп-лицей"
    re.compile(
        r"(?<![\w-])(?P<s>(?:(?:жүз|екі\s+жүз|үш\s+жүз)\s+)?(?:(?:он|жиырма|отыз|қырық|елу|алпыс"
        r"|жетпіс|сексен|тоқсан)\s+)?(?:бірінші|екінші|үшінші|төртінші|бесінші|алтыншы|жетінші"
        r"|сегізінші|тоғызыншы|оныншы|жиырмасыншы|отызыншы|қырқыншы|елуінші|алпысыншы|жетпісінші"
        r"|сексенінші|тоқсаныншы|жүзінші)\s+(?:мектеп|гимназия|лицей)[а-яәғқңөұүһі-]*)(?!\w)",
        re.IGNORECASE,
    ),
]
_CLASSES = [
    re.compile(
        r"(?<=\s)(?:из|в|во|с|у)\s+(?P<c>(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|одиннадцат)(?:ого|ьего|ом|ьем|ой|ей)"
        r"\s+«?(?:а|бэ|б|вэ|в|гэ|г|дэ|д|е)»?)(?=[\s,.!?]|$)",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?<!\w)(?<!\bс\s)(?<!\bсо\s)(?P<c>(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|одиннадцат)"
        r"(?:ый|ой|ий|ого|ом|ому)\s+класс[а-я]*)(?!\w)",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?<=\s)(?:z|ze|do|v|ve)\s+(?P<c>(?:první|druhé|třetí|čtvrté|páté|šesté|sedmé|osmé|deváté)"
        r"\s+(?:á|bé|b|cé|c|dé|d))(?=[\s,.!?]|$)",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?<!\w)(?P<c>year\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen))(?!\w)",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?<!\w)(?P<c>(?:бірінші|екінші|үшінші|төртінші|бесінші|алтыншы|жетінші|сегізінші|тоғызыншы|оныншы)"
        r"\s+(?:а|ә|бе|б|ве|в|ге|г))\s+сынып",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?:homeroom|room|reg class|registration class|tutor group|form group|both)\s+(?P<c>\d{1,2}[A-Z]{1,2}\d?"
        r"|\d-\d{3})(?![\w-])"
    ),
    re.compile(r"(?<![\w-])(?P<c>\d{1,2}\s?кл\.)"),
]
_PATRONYMIC = re.compile(
    r"(?<![\w@.])(?P<p>[а-яё]{3,}[^\S\n]+[а-яё]{3,}(?:овн|евн|ичн)(?:а|ы|е|у|ой))(?!\w)"
    # a Ukrainian or Russian name with its patronymic in Latin letters, said in lower case:
    # "daryna andrijivna melnyk", "oleh mykolajovych"
    r"|(?<![\w@.])(?P<l>[a-z]{3,}[^\S\n]+[a-z]{3,}(?:ivna|ivny|ivnou|ovna|ovny|ovnou|evna|ovych|ovyč"
    r"|ovič|ovich|evich|ijovych|ijovyč)(?:[^\S\n]+[a-z]{3,}(?:o|ko|uk|yk|ak|enko|ov|ova|ev|eva|in"
    r"|ina|yn|yna|sky|ska|skyi|ska|ych))?)(?!\w)"
)
_ORGS = [
    re.compile(
        r"(?<!\w)(?:[а-яё]+(?:ой|ая|ую|ого|ом)[^\S\n]+)?(?:аптек[аиуе]|магазин[аеу]?|кафе|кофейн[яиеюй]|салон[аеу]?"
        r"|студи[яиюей]|секци[яиюей]|клуб[аеу]?|ресторан[аеу]?|пиццери[яиюей]|пекарн[яиюей]|фитнес-клуб[аеу]?)"
        r"[^\S\n]+«[^»\n]{2,30}»"
    ),
    re.compile(
        r"«[^»\n]{2,30}»(?:-[а-яә]+)?[^\S\n]+(?:би[^\S\n]+)?(?:студия|орталығ|клуб|үйірме)[а-яәғқңөұүһі]*"
    ),
    re.compile(
        r"(?<!\w)(?:pekárn[ayěu]|hospod[ayěu]|hospodou|kavárn[ayěu]|cukrárn[ayěu]|restaurac[eií]|pizzeri[eií])"
        r"[^\S\n]+(?:[A-ZČŘŠŽ][\wáčďéěíňóřšťúůýž]+|[uU][^\S\n]+[a-zčřšž]+)"
        # a name of an adjective and its noun, only the first capitalised: "Zlatý kohout"
        r"(?:(?<=[ýáé])[^\S\n]+(?!na\b|ve?\b|a\b|u\b)[a-záčďéěíňóřšťúůýž]{3,}(?![\w-]))?"
    ),
    re.compile(
        r"(?<![\w-])(?!(?:The|A|An|Our|My|His|Her|Their|School|Family|Mental|Health|Child|Children|Youth"
        r"|Student|Community|Grief|Group|Individual|Crisis|Online|Peer|Private|Local|Couples|Marriage|Addiction)\b)"
        r"(?:[A-Z][a-z]+[^\S\n]+){1,3}(?:Foods|Stores|Store|Mart|Supermarket|Bakery|Pharmacy|Cafe|Café"
        r"|Diner|Pub|Motors|Garage|Salon|Counseling|Counselling|Health Plan|Advocates|Healthcare|Fitness|Takeaway)\b"
    ),
    re.compile(r"(?<=\bthe\s)[A-Z][a-z]+[A-Z][a-z]+(?=[^\S\n]+(?:on|in|at|near|behind|by)\b)"),
    re.compile(
        r"(?<!\w)(?:OSPOD|OO[^\S\n]+PČR|ÚP)[^\S\n]+[A-ZČŘŠŽ][\wáčďéěíňóřšťúůýž]+(?:[^\S\n]+(?:[A-ZČŘŠŽ][\wá-ž]+|\d{1,2}))?"
    ),
    re.compile(r"(?<!\w)[A-Z][a-z]+[^\S\n]+(?:DCS|CPS|DCF|DHS)\b"),
]


def find(text: str) -> Iterator[Span]:
    """Spoken dates, informal addresses, spoken schools and classes, names, shops."""
    for pattern in gates.live(_DATES, text):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "DATE", "spoken")
    for pattern in gates.live(_ADDRESSES, text):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "ADDRESS", "spoken")
    for m in _FLAT.finditer(text):
        yield Span(m.start("n"), m.end("n"), "ADDRESS", "spoken")
    for pattern in gates.live(_SCHOOLS, text):
        for m in pattern.finditer(text):
            yield Span(m.start("s"), m.end("s"), "SCHOOL", "spoken")
    for pattern in gates.live(_CLASSES, text):
        for m in pattern.finditer(text):
            yield Span(m.start("c"), m.end("c"), "CLASS", "spoken")
    yield from emails(text)
    for m in _SPOKEN_HANDLE.finditer(text):
        yield Span(m.start("h"), m.end("h"), "HANDLE", "spoken")
    yield from lower_addresses(text)
    for m in _PATRONYMIC.finditer(text):
        group = "p" if m.group("p") else "l"
        if group == "l" and _everyday_word(m.group("l").split()[0]):
            continue  # "the ivanovich …": no given name before the patronymic
        yield Span(m.start(group), m.end(group), "PERSON", "spoken")
    for pattern in gates.live(_ORGS, text):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "ORG", "spoken")


# A user name read out: "ник баир подчёркивание ноль три", "účet je šebo podtržítko pé vé",
# "his snap is jay underscore two four": a word or two, a spoken "_" or ".", then number
# words and letters' names, after a word for a user name
_SAID_PART = (
    r"(?:ноль|один|одна|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|одиннадцать"
    r"|двенадцать|тринадцать|четырнадцать|пятнадцать|шестнадцать|семнадцать|восемнадцать"
    r"|девятнадцать|двадцать|тридцать|сорок|пятьдесят|шестьдесят|семьдесят|восемьдесят"
    r"|девяносто|nula|jedna|dva"
    r"|tři|čtyři|pět|šest|sedm|osm|devět|zero|oh|one|two|three|four|five|six|seven|eight|nine"
    r"|бэ|вэ|гэ|дэ|жэ|зэ|ка|эль|эм|эн|пэ|эр|эс|тэ|эф|ха|це|bé|cé|dé|ef|gé|há|jé|ká|el|em|en"
    r"|pé|kvé|er|es|té|vé|iks|zet"
    # Kazakh: "нурик подчеркивание екі мың он төрт"
    r"|нөл|бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз|қырық|елу|мың)"
)
_DIGIT_WORD = (
    r"(?:ноль|один|одна|два|две|три|четыре|пять|шесть|семь|восемь|девять|nula|jedna|dva|tři"
    r"|čtyři|pět|šest|sedm|osm|devět|zero|oh|one|two|three|four|five|six|seven|eight|nine)"
)
_H = r"[^\S\n]"
# (without a spoken "_": a name and two number words or more, "ник у мурада мурик ноль пять")
_SPOKEN_HANDLE = re.compile(
    rf"(?i)(?<![^\W\d_])(?:ник(?:ом|нейм)?|логин|аккаунт(?:ының{_H}+аты)?|účet{_H}+je|nick{_H}+je|jméno{_H}+je"
    rf"|username{_H}+is|(?:snap|insta|account|tiktok){_H}+is)(?:{_H}+у{_H}+[^\W\d_]+)?{_H}+"
    rf"(?P<h>[^\W\d_]+(?:{_H}+[^\W\d_]+)?{_H}+(?:подч[её]ркивание|нижнее{_H}+подч[её]ркивание"
    rf"|точка|podtržítko|tečka|underscore|dot)(?:{_H}+[^\W\d_]{{3,}})?(?:{_H}+{_SAID_PART}){{1,4}}"
    rf"|(?!(?:{_DIGIT_WORD}|был\w*|такой|типа|вроде|как|was|is|like|byl\w*|je|jako)\b)"
    rf"[^\W\d_]+(?:{_H}+{_DIGIT_WORD}){{2,4}})(?![^\W\d_])"
)


# A spoken e-mail address: "… at example dot com", "zavináč example tečka cz",
# "собака example точка ru"; the words before "at" are its local part.
_AT = r"(?:at|zavináč|zavinac|zavinač|собака|собачка|эт|әт)"
_DOT = r"(?:dot|tečka|tecka|точка|нүкте)"
_SPOKEN_DOMAIN = re.compile(
    rf"(?<![^\W\d_])(?P<at>{_AT})[^\S\n]+[^\W_]+(?:[^\S\n]+{_DOT}[^\S\n]+[^\W_]+){{1,3}}(?![^\W\d_])",
    re.IGNORECASE,
)
_LOCAL_WORD = re.compile(r"([^\W_]+)[^\S\n]+$")
# Words that introduce an address and are never part of it.
_EMAIL_CUES = frozenset(
    re.findall(
        r"\S+",
        "email e-mail mail mailu mejl mejlu emailu e-mailu adresa adresu address почта почту "
        "почты почте адрес имейл мейл пошта поштасы мекенжай",
    )
)
_SPOKEN_SEPARATORS = re.compile(
    rf"(?i){_DOT}|underscore|podtržítko|подчёркивание|подчеркивание|нижнее|dash|pomlčka|дефис|тире"
)


def emails(text: str) -> Iterator[Span]:
    """An e-mail address read out in words: its local part (names, number words, "dot")
    up to six words back from "at", stopping at a cue ("email je", "почта у меня") or any
    very common word of the language (Zipf 5.5 or more; number words and first names pass)."""
    from wordfreq import zipf_frequency

    for m in _SPOKEN_DOMAIN.finditer(text):
        start = m.start()
        for _ in range(6):
            word = _LOCAL_WORD.search(text, max(0, start - 40), start)
            if word is None:
                break
            w = word.group(1).casefold()
            language = "ru" if re.search(r"[а-яё]", w) else "en"
            common = max(zipf_frequency(w, language), zipf_frequency(w, "cs"))
            if w in _EMAIL_CUES or (
                common >= 5.5 and not _SPOKEN_SEPARATORS.fullmatch(w) and not _number_word(w)
            ):
                break
            start = word.start(1)
        if start < m.start():
            yield Span(start, m.end(), "EMAIL", "spoken")


def _number_word(word: str) -> bool:
    units = (
        r"zero|one|two|three|four|five|six|seven|eight|nine|nula|jedna|dva|tři|čtyři|pět|šest"
        r"|sedm|osm|devět|ноль|один|два|три|четыре|пять|шесть|семь|восемь|девять"
    )
    return bool(
        re.fullmatch(rf"{_EN_NUMBER}|{_RU_NUMBER}|{_CS_NUMBER}|{units}|\d+", word, re.IGNORECASE)
    )


_EN_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_EN_HOUSE = rf"(?:{_EN_NUMBER}|{_EN_UNIT}|a\s+hundred)(?:[\s-]+(?:{_EN_NUMBER}|{_EN_UNIT})){{0,2}}"
_EN_STREET_KIND = r"(?:road|street|avenue|lane|drive|court|boulevard|crescent|close|terrace|grove)"
# "four thirty two culebra road apartment six", "lot forty one giles street", "hareclive road"
_EN_LOWER_ADDRESS = re.compile(
    rf"(?<![\w-])(?:(?:number|lot|unit)\s+)?(?P<house>{_EN_HOUSE}\s+)?"
    rf"(?P<name>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s+{_EN_STREET_KIND}"
    rf"(?:\s+(?:apartment|apt|unit|flat)\s+(?:{_EN_HOUSE}|\d{{1,4}}|[a-z])(?![\w-]))?(?![\w-])"
)
# "na kapitána bartoše číslo dvanáct byt pět": a street, then its number, in speech
_CS_LOWER_ADDRESS = re.compile(
    rf"(?<=\bna\s)(?:[a-záčďéěíňóřšťúůýž]+\s+){{1,2}}číslo\s+(?:{_CS_NUMBER}|jedna|dva|tři|čtyři"
    rf"|pět|šest|sedm|osm|devět|\d{{1,4}})(?:\s+byt\s+(?:{_CS_NUMBER}|jedna|dva|tři|čtyři|pět|šest"
    rf"|sedm|osm|devět|\d{{1,4}}))?(?!\w)"
)


_RU_SAID = rf"(?:{_RU_NUMBER}|{_RU_UNITS}|\d{{1,4}}[а-я]?)"
# "улица садовая дом двадцать восемь квартира два": a street with its house said in words
_RU_LOWER_ADDRESS = re.compile(
    rf"(?<![\w-])(?:улица|улицы|ул\.|проспект|переулок|микрорайон)\s+[а-яё-]{{3,}}(?:\s+[а-яё-]{{3,}})?"
    rf"\s+(?:дом\s+)?{_RU_SAID}(?:\s+(?:корпус|строение)\s+{_RU_SAID})?(?:\s+(?:квартира|кв\.)\s+{_RU_SAID})?"
    rf"{_NOT_HOUSE}(?!\w)"
)
# "мы живём садовая девять", "где ты живёшь? парковая 6": a street typed bare after "live"
_RU_LIVES_AT = re.compile(
    rf"(?<![\w-])жив(?:ём|ем|у|ёт|ет|ут|ёшь|ешь)[?!,.]?\s+(?:на\s+)?"
    rf"(?P<a>[а-яё]{{3,}}(?:ая|ой|ую)\s+(?:дом\s+)?{_RU_SAID}){_NOT_HOUSE}(?![\w-])"
)
# "посёлок разумное", "из деревни кукушкино": a settlement named in lower case (its name is no
# common word)
_RU_LOWER_SETTLEMENT = re.compile(
    r"(?<![\w-])(?:пос[её]л(?:ок|ка|ке|ком)|пгт|сел[оаеу]|деревн[яиейю]|станиц[аыеу]|аул[аеу]?|хутор[аеу]?)"
    r"\s+(?P<n>[а-яё][а-яё-]{3,})(?!\w)"
)

# "с журавлёвки", "в ивановке": a village's "-овка" name in lower case after a preposition
_RU_LOWER_VILLAGE = re.compile(
    r"(?<![\w-])(?:(?:с|из|до)\s+(?P<n>[а-яё]{3,}(?:овк|евк|ёвк)и)"
    r"|(?:в|во|на)\s+(?P<m>[а-яё]{3,}(?:овк|евк|ёвк)[еу]))(?!\w)"
)


def lower_addresses(text: str) -> Iterator[Span]:
    """Street addresses said in lower case: with a house number in words, or a street name
    that is no common word ("hareclive road", not "the main road" or "down the road"), or
    typed bare after "live" ("живём садовая девять");
    a Russian settlement named in lower case after its kind ("посёлок разумное")."""
    from wordfreq import zipf_frequency

    for m in _EN_LOWER_ADDRESS.finditer(text):
        start = m.start()
        if m.group("house"):
            if all(zipf_frequency(w, "en") >= 5.0 for w in m.group("name").split()):
                continue  # number words before a phrase of common words
        else:
            # the street's name: its last words that are no common word ("on hareclive road")
            words = list(re.finditer(r"\S+", m.group("name")))
            while words and zipf_frequency(words[0].group(), "en") >= 3.5:
                words.pop(0)
            if not words or any(zipf_frequency(w.group(), "en") >= 3.5 for w in words):
                continue
            start = m.start("name") + words[0].start()
        yield Span(start, m.end(), "ADDRESS", "spoken")
    for m in _CS_LOWER_ADDRESS.finditer(text):
        yield Span(m.start(), m.end(), "ADDRESS", "spoken")
    if not re.search(r"[а-яё]", text):
        return
    for m in _RU_LOWER_ADDRESS.finditer(text):
        yield Span(m.start(), m.end(), "ADDRESS", "spoken")
    for m in _RU_LIVES_AT.finditer(text):
        yield Span(m.start("a"), m.end("a"), "ADDRESS", "spoken")
    for m in _RU_LOWER_SETTLEMENT.finditer(text):
        name = m.group("n")
        shaped = re.search(r"(?:ое|ое|ово|ево|ино|ыно|овк[аеиу]|евк[аеиу]|ск[аеиу]?)$", name)
        if zipf_frequency(name, "ru") < (3.6 if shaped else 3.0):
            yield Span(m.start("n"), m.end("n"), "PLACE", "spoken")
    for m in _RU_LOWER_VILLAGE.finditer(text):
        group = "n" if m.group("n") else "m"
        if zipf_frequency(m.group(group), "ru") < 2.0:
            yield Span(m.start(group), m.end(group), "PLACE", "spoken")


def _everyday_word(word: str) -> bool:
    """A common English or Czech word (Zipf 4.5 or more), never a given name here."""
    from wordfreq import zipf_frequency

    return max(zipf_frequency(word, "en"), zipf_frequency(word, "cs")) >= 4.5
