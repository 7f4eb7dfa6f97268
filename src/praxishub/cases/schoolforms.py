"""Schools named informally: in lower case, by their street, inside another body, by a numeral.

Rules:
- an English school named by its kind word after its name (one of its words rare or
  capitalised, so "regular middle school" stays), in lower case or with an all-capital
  word inside ("lake cumberland elementary", "pulaski county head start",
  "Riverbend STEAM Academy"), after a word placing someone at or from it;
- a Russian school, college or lyceum named by its street: "колледж на чернышевского",
  "школа на Ленина" (the street in the genitive of a surname or adjective);
- a Czech school attached to another body: "Základní škola při Oblastní nemocnici Hranice",
  "ZŠ při nemocnici"; a Czech school abbreviation with its lower-case field of study
  ("SOU strojírenské a elektrotechnické Vsetín"); a gymnasium named by a street of parks or
  squares ("Gymnázium Kolářovy sady");
- a Czech school called by its compound number ("z dvaadvacítky"), or by "č." and its
  number, a foreign one with its town's adjective ("v Charkivském liceu č. 187");
- a Chinese school whose quoted name comes before its kind word (“向日葵”医院学校);
- a Russian "СОШ №" with OCR's 0/О confusions and its quoted name (МБОУ С0Ш № 2О9 «Радуга»).

Limits: a school named only by its place with no kind word ("cedar hollow"), an
abbreviation with no kind word (ЯИПП) and OCR-garbled names are not found.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
_PATTERNS = (
    # en: at lake cumberland elementary, from Riverbend STEAM Academy
    re.compile(
        rf"\b(?:at|from|to|attends|attending|of){_H}(?P<s>(?!(?:the|a|an|his|her|my|our|their|your|this|that"
        rf"|local|same|new|old|another|every|each|middle|high|elementary)\b)"
        rf"(?:[A-Za-z][A-Za-z'’]+{_H}+){{1,3}}"
        rf"(?:elementary|middle{_H}+school|high{_H}+school|primary{_H}+school|academy|head{_H}+start"
        rf"|Elementary|Academy|Middle{_H}+School|High{_H}+School|Primary{_H}+School)\b"
        rf"(?:{_H}+(?:school|School))?)"
    ),
    # ru: колледж на чернышевского, в школе на Ленина
    re.compile(
        r"(?<![\w-])(?:колледж|школ|лице|гимнази|техникум)[а-яё]*\s+на\s+"
        r"[а-яёА-ЯЁ][а-яё]+(?:ского|цкого|ого|ова|ева|ина|ына|ой)(?![\w-])"
    ),
    # cs: Základní škole při Oblastní nemocnici Hranice, ZŠ při nemocnici
    re.compile(
        rf"(?<![\w-])(?:ZŠ|MŠ|SŠ|(?:Základní|Mateřsk[{_CS_LO}]+|Speciální|Střední){_H}+škol[{_CS_LO}]*)"
        rf"{_H}+při{_H}+(?:[{_CS_UP}][{_CS_LO}]+{_H}+)?[{_CS_LO}{_CS_UP}][{_CS_LO}]+"
        rf"(?:{_H}+[{_CS_UP}][{_CS_LO}]+){{0,3}}"
    ),
    # cs: SOU strojírenské a elektrotechnické Vsetín, SPŠ stavební Brno
    re.compile(
        rf"(?<![\w-])(?:SOU|SOŠ|SPŠ|VOŠ|SŠ|OA|SZŠ|SUPŠ)(?:{_H}+(?:a{_H}+)?[{_CS_LO}]+(?:ské|cké|ní|ká|ná|ické)){{1,3}}"
        rf"(?:{_H}+[{_CS_UP}][{_CS_LO}]+)?"
    ),
    # cs: Gymnázium Kolářovy sady, Gymnázium Jiráskovo náměstí
    re.compile(
        rf"(?<![\w-])Gymnázi[{_CS_LO}]+{_H}+[{_CS_UP}][{_CS_LO}]+{_H}+(?:sady|náměstí|nábřeží|třída|alej|park)"
    ),
    # cs: z dvaadvacítky, do třiatřicítky: a school by its compound number
    re.compile(
        r"\b(?:z|ze|do|ve|na)\s(?P<s>(?:jedn|dva|tři|čtyři|pět|šest|sedm|osm|devět)a"
        r"(?:dvacít|třicít|čtyřicít|padesát)k[aouyě]\w*)"
    ),
    # cs: na „jedničce“, do „trojky“: a school by its number's nickname, in quotes, after a
    # preposition of place (not a mark: dostal „trojku“)
    re.compile(
        r"(?:(?<=\bna\s)|(?<=\bdo\s)|(?<=\bze\s)|(?<=\bz\s)|(?<=\bve\s)|(?<=\bv\s))[„\"“]"
        r"(?P<s>(?:jednič|dvoj|troj|čtyř|pět|šest|sedmič|osmič|devít|desít)(?:ce|ky))[“\"”]"
    ),
    # ru, OCR'd: МБОУ С0Ш № 2О9 «Радуга» (0 for О, О for 0), with its quoted name
    re.compile(
        r"(?<![\w-])(?:[МГ]?[БА]?ОУ[^\S\n]+)?С[О0]Ш[^\S\n]*№[^\S\n]*[\dОO][\dОOЗ]{0,3}(?![\w])"
        r"(?:[^\S\n]*«[^»\n]{1,30}»)?"
    ),
    # cs: a school by its number, with the town's adjective before it ("v Charkivském liceu
    # č. 187", "ve škole č. 12", "gymnázium č. 3", "v mateřské škole č. 112")
    re.compile(
        rf"(?<![\w-])(?:[{_CS_UP}][{_CS_LO}]+(?:ém|ého|é|ý|ým|á|ou){_H}+)?"
        rf"(?:(?:mateřsk|základn|středn|speciáln|praktick)[{_CS_LO}]*{_H}+)?"
        rf"(?:l[iy]ce(?:um|a|u|em)|škol[aeyou]|gymnázi(?:um|a|u|em)){_H}+č\.{_H}?\d{{1,4}}(?![\w/-])"
    ),
    # kk/ru: a Nazarbayev Intellectual School, with its profile ("физика-математика
    # бағытындағы Назарбаев Зияткерлік мектебі", "назарбаевскую школу")
    re.compile(
        rf"(?<![\w-])(?:[\w-]+{_H}+бағытындағы{_H}+)?Назарбаев{_H}+Зияткерлік{_H}+мектеб\w*"
        rf"|(?<![\w-])(?:[Нн]азарбаевск\w+|Назарбаев){_H}+(?:[Ии]нтеллектуальн\w+{_H}+)?школ\w*"
    ),
    # ru: среднюю школу № 109, основной общеобразовательной школы № 4: the school's level inside
    re.compile(
        rf"(?<![\w-])(?:[Сс]редн|[Оо]сновн|[Нн]ачальн)[а-я]+(?:{_H}+общеобразовательн[а-я]+)?{_H}+"
        rf"школ[а-я]*{_H}*№{_H}*\d{{1,4}}(?![\d-])"
    ),
    # ro: Școala Gimnazială nr. 5, Liceul Teoretic Nr. 2: a Romanian school by its number
    re.compile(
        rf"(?<![\w-])(?:[ȘŞS]coala|Liceul|Colegiul|Gr[aă]dini[țţt]a)(?:{_H}+[A-ZȘŞȚŢĂÂÎ][\wăâîșşțţ]+){{0,3}}"
        rf"{_H}+[Nn]r\.{_H}?\d{{1,3}}(?![\w-])"
    ),
    # zh: “向日葵”医院学校, “阳光”小学
    re.compile(
        r"[“\"「][\u4e00-\u9fff]{2,8}[”\"」](?:医院学校|特殊教育学校|特教学校|实验学校|小学|中学|幼儿园|学校)"
    ),
    # cs: 38. základní škola Plzeň, 2. mateřská škola Tábor: a town's school by its number
    re.compile(
        rf"(?<![\w.])\d{{1,3}}\.{_H}+(?:[Zz]ákladní|[Mm]ateřsk[{_CS_LO}]+){_H}+škol[{_CS_LO}]*"
        rf"(?:{_H}+[{_CS_UP}][{_CS_LO}]+(?:-[{_CS_UP}][{_CS_LO}]+)?)?"
    ),
    # cs: a school said as people say it, with where it is: "chodily na zakladku v jundrove",
    # "na gymplu na minske", "na gymnáziu na Jižním Městě"
    re.compile(
        rf"(?<![\w-])(?i:z[áa]klad[kc]|gympl|gymn[áa]zi|sošk|zušk|pr[ůu]myslovk|so[sš](?![\w])|z[sš](?![\w]))"
        rf"[{_CS_LO}]*{_H}+(?:v|ve|na){_H}+"
        rf"(?:[{_CS_UP}][{_CS_LO}]+(?:{_H}+[{_CS_UP}][{_CS_LO}]+){{0,2}}"
        rf"|(?!(?:tom|té|to|ten|tu|této|tomto|které|kterou|kterém|jeho|její|jejím|jejich|mé|mém|moje|naší|našem|vaší|vašem|své|svém|svou|jiné|jiném)\b)[{_CS_LO}]{{4,}})(?![\w-])"
    ),
    # cs: "chce na gympl do Žďáru", "chodim na gympl tady v jindrichaci", "chodí do druháku na
    # gympl": the grammar school a pupil goes to, said by its nickname after going or a year
    re.compile(
        rf"(?<![\w-])(?i:chod[{_CS_LO}]*|jde|jít|jit|půjde|pujde|šel|šla|sel|sla|chce|chtěl[{_CS_LO}]*"
        rf"|jezd[{_CS_LO}]*|prvák[{_CS_LO}]*|druhák[{_CS_LO}]*|třeťák[{_CS_LO}]*|čtvrťák[{_CS_LO}]*)"
        rf"{_H}+(?:na|do){_H}+(?P<s>gympl[{_CS_LO}]*)(?![\w-])"
    ),
)


# Kind words, and words for kinds of school, which say nothing of which school it is
_KIND = re.compile(
    r"(?i)elementary|middle|high|primary|academy|head|start|school|steam|stem|charter|magnet"
    r"|alternative|summer|private|public|catholic|christian|boarding|special|night|sunday|grammar"
    r"|secondary|junior|senior|community|prep|preparatory"
)


@functools.lru_cache(maxsize=8192)
def _common(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.casefold(), "en") >= 4.5


def _named(name: str) -> bool:
    """Does an English school's name hold a name (a rare or capitalised word), not only
    common words ("regular middle school", "a good academy")?"""
    words = [w for w in re.findall(r"[A-Za-z'’]+", name) if not _KIND.fullmatch(w)]
    return any(w[0].isupper() or not _common(w) for w in words)


def find(text: str) -> Iterator[Span]:
    """Informally named schools, by the shapes above."""
    for i, pattern in enumerate(_PATTERNS):
        group = "s" if "s" in pattern.groupindex else 0
        for m in pattern.finditer(text):
            if i == 0 and not _named(m.group(group)):
                continue
            yield Span(m.start(group), m.end(group), "SCHOOL", "schoolform")
