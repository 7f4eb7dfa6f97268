"""Layer 1, continued: organisations by type words the other patterns lack, and their edges.

Rule: a body is found by the words of its kind (a helpline, camp, farm, coalition, school
district; a Czech court, city police, ombudsman's office; a Russian police unit or
ombudsman; a Kazakh consultation; a Chinese shop, youth palace or league committee),
never by a list of particular bodies. An organisation or school found anywhere is grown
over what belongs to it: its quotation marks, a legal form after a comma, "№ 7" before
a quoted name, its town ("v Kolíně", "г. Уфа"), its district ("по Октябрьскому району").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LO = "а-яёәғқңөұүһі"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
_HAN = "\u4e00-\u9fff"
_H = r"[^\S\n]"
_CS_TOWN = rf"[{_CS_UP}][{_CS_LO}]+(?:-[{_CS_UP}]?[{_CS_LO}]+)*(?:{_H}(?:nad|pod){_H}[{_CS_UP}][{_CS_LO}]+|{_H}[{_CS_UP}][{_CS_LO}]+)?"
_RU_TOWN = rf"(?:г\.|города?|городу){_H}*[{_UP}][{_LO}]+(?:-(?:на-)?[{_UP}]?[{_LO}]+)*"
_EN_WORD = r"[A-Z][\w'’-]*"

_ORGS = [
    # Buckeye Youth Crisis Line, Will County Prevention Coalition, Bedminster Community Farm,
    # Maple Valley School District 47, Children's Commissioner for England, Avonside Bears RFC
    re.compile(
        rf"\b(?:{_EN_WORD}{_H}+(?:(?:for|of|and|&){_H}+)?){{1,4}}(?:(?:Crisis|Text|Support|Advice|Youth)"
        rf"{_H}+Line|Coalition|Farm|Camp|School{_H}+District(?:{_H}+\d{{1,3}})?|Commissioner(?:{_H}+for{_H}+{_EN_WORD})?"
        r"|RFC|Juniors|Rangers|Youth\s+Club|Foodbank|Food\s+Bank|Refuge|Hospice|Surgery|Medical\s+Practice"
        r"|Health\s+Centre|Family\s+Centre)\b"
        rf"|\b(?:Women's|Victim|Citizens){_H}+(?:Aid|Support|Advice)(?:{_H}+[A-Z][a-z]+)?\b"
    ),
    # Městské policie Plzeň, Okresního soudu v Kolíně, Krajského soudu v Ostravě
    re.compile(
        rf"(?<![\w-])(?:Městsk|Obecní|Okresní|Krajsk|Obvodní|Vrchní|Nejvyšší)[{_CS_LO}]*{_H}+"
        rf"(?:polici[{_CS_LO}]*|soud[{_CS_LO}]*|státní{_H}+zastupitelství)(?:{_H}+(?:v|ve|pro))?{_H}+{_CS_TOWN}"
    ),
    # Dům dětí a mládeže České Budějovice, Kancelář veřejného ochránce práv, Speciálně pedagogickém
    # centru Praha-východ, tábor Šumavská ratolest, DPN Opařany, FN Hradec Králové
    re.compile(
        rf"(?<![\w-])(?:D(?:ům|omu|omě|omem){_H}+dětí{_H}+a{_H}+mládeže|Kancelář\w*{_H}+veřejného{_H}+ochránce{_H}+práv"
        rf"|[Vv]eřejn\w+{_H}+ochránc\w+{_H}+práv|Speciáln\w+{_H}+pedagogick\w+{_H}+centr\w*)(?:{_H}+{_CS_TOWN})?"
        rf"|(?<![\w-])(?:[Tt]ábor\w*|[Kk]lub\w*){_H}+[{_CS_UP}][{_CS_LO}]+(?:á|ý|é|í){_H}+[{_CS_LO}]{{4,}}"
        rf"|(?<![\w-])(?:DPN|PN|FN|NsP|LDN|KN|DD|DDM|MěÚ|ÚMČ|KÚ|KoC|SAS){_H}+{_CS_TOWN}"
    ),
    # ОП № 11 «Азино-1» УМВД России по г. Казани, отдел полиции «Центральный» Управления МВД России
    # по г. Новокузнецку, ОП № 4 «Октябрьский» Управления МВД России по городу Новосибирску
    re.compile(
        rf"(?<![\w-])(?:(?:[{_UP}]{{2,5}}|[Оо]тдел(?:ение)?{_H}+полиции)(?:{_H}*№{_H}*\d{{1,3}})?(?:{_H}+«[^»\n]{{1,30}}»)?{_H}+)+"
        rf"(?:[Уу]правлени[{_LO}]*{_H}+|[Оо]тдел[{_LO}]*{_H}+|[Гг]лавного{_H}+управления{_H}+)?(?:[ГО]?У?МВД|ОВД|ОМВД|УВД|ГУВД)"
        rf"(?:{_H}+России)?{_H}+по{_H}+{_RU_TOWN}"
    ),
    # Pražská onkopsychologická služba, Národní centrum duševní pohody, Centrum na podporu
    # integrace cizinců: a town's or the nation's adjective before a service's kind, and a centre
    # or service "for" something (a bare "Dětská ambulance" names no one body)
    re.compile(
        rf"(?<![\w-])(?!Dětsk|Psych|Pedagog|Lékař|Zdravot|Sociál|Onkolog|Klinick|Odborn|Krizov)"
        rf"(?:[{_CS_UP}][{_CS_LO}]+(?:sk|ck)(?:á|é|ý)|Národní|Celostátní){_H}+"
        rf"(?:[{_CS_LO}]+(?:á|í|ý|é){_H}+)?(?:centrum|služba|poradna|nadace|společnost|spolek|linka"
        rf"|klinika|centra|službu|službě|poradny|poradně|centru)"
        rf"(?:{_H}+[{_CS_LO}]+(?:í|ní){_H}+[{_CS_LO}]+(?:y|i|ů|e|í))?(?![\w-])"
        rf"|(?<![\w-])(?:Centrum|Centra|Centru|Poradna|Poradny|Poradně|Služba|Nadace|Spolek|Sdružení)"
        rf"{_H}+(?:na{_H}+podporu|pro){_H}+[{_CS_LO}]{{3,}}(?:{_H}+[{_CS_LO}]{{3,}}){{0,2}}(?=[,.;:)–-]|{_H}+[–-]|$)"
    ),
    # nadačního fondu Modrý balónek, nadace Dobrý start: a foundation's word and its name
    re.compile(
        rf"(?<![\w-])(?:nadační\w*{_H}+fond\w*|nadac[eií]\w*){_H}+[{_CS_UP}][{_CS_LO}]+"
        rf"(?:{_H}+(?:[{_CS_UP}][{_CS_LO}]+|pro|a|[{_CS_LO}]{{4,}}(?=[\s,.:;)–]))){{0,3}}"
    ),
    # Troy Ridge Junior High: an American school's kind
    re.compile(rf"\b(?:[A-Z][a-z]+{_H}+){{1,3}}(?:Junior|Senior){_H}+High\b"),
    # OC Borská brána: a shopping centre's abbreviation and its two-word name
    re.compile(rf"(?<![\w-])OC{_H}+[{_CS_UP}][{_CS_LO}]+{_H}+[{_CS_LO}]{{4,}}(?=[\s,.;:)])"),
    # Nemocniční školu při FN Hradec Králové: a hospital school and the hospital it belongs to
    re.compile(
        rf"(?<![\w-])[Nn]emocniční\w*{_H}+škol\w*(?:{_H}+při{_H}+(?:[{_CS_UP}]{{2,4}}|[{_CS_UP}][{_CS_LO}]+){_H}+{_CS_TOWN})?"
    ),
    # Gresham PD, Salem Police Dept.: a town's police department, abbreviated
    re.compile(rf"\b(?:[A-Z][a-z]+{_H}+){{1,2}}(?:PD|Police{_H}+Dept\.?)(?![\w])"),
    # Уполномоченный по правам ребёнка в Республике Башкортостан
    re.compile(
        rf"(?<![\w-])[Уу]полномоченн[{_LO}]+{_H}+по{_H}+правам{_H}+(?:ребёнка|ребенка|детей|человека)"
        rf"(?:{_H}+(?:в|во|при){_H}+[{_UP}][{_LO}]+(?:{_H}+[{_UP}][{_LO}]+)?)?"
    ),
    # ГНОКПБ № 3, ПНД № 2: an institution's abbreviation and number (not a record's КУСП)
    # (at most two vowels: "ПРОТОКОЛ № 5", "ХАТТАМА № 7" are a heading's words)
    re.compile(
        rf"(?<![\w-])(?!КУСП|ҚСТК)(?=[{_UP}]{{3,8}}(?![\w-]))(?![{_UP}]*[АЕЁИОУЫЭЮЯӘӨҰҮІ][{_UP}]*[АЕЁИОУЫЭЮЯӘӨҰҮІ]"
        rf"[{_UP}]*[АЕЁИОУЫЭЮЯӘӨҰҮІ])[{_UP}]{{3,8}}{_H}*№{_H}*\d{{1,3}}(?![\d/-])"
    ),
    # облыстық психологиялық-медициналық-педагогикалық консультациясына, Бала құқықтары жөніндегі уәкіл
    re.compile(
        rf"(?<![\w-])[{_UP}][{_LO}-]+{_H}+(?:облыстық|қалалық|аудандық)(?:{_H}+[{_LO}-]+){{0,4}}?{_H}+"
        rf"(?:консультация|қызмет|сектор|инспекция|кеңес|лагер)[\w-]*"
        rf"|(?<![\w-])[Бб]ала{_H}+құқықтары{_H}+жөніндегі{_H}+уәкіл\w*"
    ),
    # «Жан» ПДО, «Жұлдызай» балалар лагері: a quoted name and its abbreviation or camp word
    re.compile(
        rf"«[^«»\n]{{1,40}}»{_H}+(?:[{_UP}]{{2,5}}(?![\w])|(?:[{_LO}]+{_H}+)?(?:лагер|лагерь)\w*)"
        rf"|(?<![\w-])(?:лагер[{_LO}]*|лагерь){_H}+«[^«»\n]{{1,40}}»"
    ),
    # “茶语时光”奶茶店, “螳川”青少年营地, “树洞”青少年倾诉平台, 云南“同伴”家长互助会
    re.compile(
        rf"(?:[{_HAN}]{{2,3}}(?:省|市|区|县)?)?[\"“「][{_HAN}]{{1,10}}[\"”」][{_HAN}]{{0,8}}?"
        r"(?:奶茶店|店|营地|平台|互助会|超市|工作室|项目办公室|办公室|协会|联合会)"
    ),
    # 佳鲜汇超市文三路店, 小河镇文化站, 渝北区妇女联合会, 昆明市青少年宫, 五华区团委, 东风汽车零部件厂
    re.compile(
        rf"[{_HAN}]{{2,4}}(?:超市|商场)[{_HAN}]{{1,6}}?店"
        rf"|(?:[{_HAN}]{{2,4}}(?:省|市|区|县|镇|乡|街道))+(?:文化站|妇女联合会|妇联|青少年宫|少年宫|团委|社工站|残联"
        r"|残疾人联合会|图书馆|文化馆|活动中心)"
        rf"|[{_HAN}]{{2,8}}?(?:零部件厂|机械厂|服装厂|食品厂|电子厂|制药厂)"
    ),
    # 在鑫泰电子这边上班, 在宏达物流打工, 被临空港顺达物流辞退: a company by its name and trade,
    # where someone works or was let go
    re.compile(
        rf"(?<=在)[{_HAN}]{{2,4}}?(?:电子|科技|物流|服装|服饰|鞋业|食品|建材|机械|塑料|纺织|制衣|电器|家具"
        rf"|玩具|五金|模具|包装|印刷|化工|汽配|实业|集团)(?=(?:这边|那边|那里|厂里|公司)?(?:上班|打工|工作|做工|干活))"
        rf"|(?<=被)[{_HAN}]{{2,6}}?(?:电子|科技|物流|服装|服饰|鞋业|食品|建材|机械|塑料|纺织|制衣|电器|家具"
        rf"|玩具|五金|模具|包装|印刷|化工|汽配|实业|集团|公司|工厂|厂)(?=辞退|开除|解雇|裁员|裁掉|炒了)"
    ),
]
# 永辉 + 超市, 顺丰 + 快递站: a business's kind just after its name (found as a name or place)
_ZH_BUSINESS_AFTER = re.compile(
    r"(?:超市|便利店|快递站|快递点|药店|药房|诊所|餐厅|饭店|面馆|奶茶店|理发店|门店|分店|商店|服装厂|工厂"
    r"|物流公司|公司|培训学校|培训中心|培训班|驾校|网吧|健身房)"
)
_OPEN_CLOSE = {"«": "»", "“": "”", "„": "“", '"': '"', "「": "」"}
# What may follow a body's name: its legal form, its town, its district or number
_AFTER = re.compile(
    rf"{_H}*,?{_H}*(?:příspěvková{_H}+organizace|p\.{_H}?o\.|o\.{_H}?p\.{_H}?s\.|z\.{_H}?ú\.|z\.{_H}?s\.|s\.{_H}?r\.{_H}?o\."
    rf"|a\.{_H}?s\.|o\.{_H}?z\.|spol\.{_H}s{_H}r\.{_H}?o\.)(?![\w])"
    rf"|{_H}+(?:Ltd|CIC|CIO|LLC|Inc|PLC|plc)\b\.?|{_H}+\((?:registered{_H}+)?charity\)"
    rf"|{_H}+(?:v|ve){_H}+{_CS_TOWN}"
    rf"|{_H}+(?:ГО{_H}+|г\.о\.{_H}*)?{_RU_TOWN}"
    rf"|{_H}+по{_H}+[{_UP}][{_LO}]+(?:ому|ему){_H}+району"
    rf"|{_H}+[{_UP}][{_LO}]+(?:ого|его|ского){_H}+(?:района|округа)"
    rf"|{_H}*№{_H}*\d{{1,3}}(?![\d/-])"
    # ", odbor sociálních věcí – OSPOD", ", OSPOD": the unit of a Czech authority
    rf"|,{_H}*(?:odbor|oddělení)\w*(?:{_H}+[{_CS_LO}-]+){{1,4}}(?:{_H}*[–-]{_H}*OSPOD)?|(?:,|{_H}[–-]){_H}*OSPOD(?!\w)"
    # "(Craven locality)", ", South Bristol team", " – Gresham Branch", ", Division of Child Protection"
    rf"|{_H}*\((?:[A-Z][\w'’-]*{_H}+){{1,3}}(?:locality|team|branch|office|area)\)"
    rf"|,{_H}*(?:[A-Z][\w'’-]*{_H}+){{1,3}}(?:team|branch|office|locality|site|unit)\b"
    rf"|{_H}+[–—-]{_H}+(?:[A-Z][\w'’-]*{_H}+){{1,3}}(?:Branch|Office|Hub|Team|Unit|Service)\b"
    rf"|,{_H}*(?:Division|Department|Office|Bureau){_H}+of{_H}+(?:[A-Z][\w'’-]*{_H}?){{1,3}}"
    # "… облысы ПД Тараз қаласы ПБ": a Kazakh police department, its town and its unit
    rf"|(?<=ПД){_H}+[{_UP}][{_LO}-]+{_H}+қаласы(?:{_H}+(?:ПБ|ЖПБ|ІІБ)(?![\w-]))?"
    rf"|(?<=қаласы){_H}+(?:ПБ|ПД|ЖПБ|ІІБ|ІІД)(?![\w-])"
    # ", Dětské psychiatrické oddělení": a hospital's department after its name
    rf"|,{_H}*(?:[{_CS_UP}][{_CS_LO}]+{_H}+)(?:[{_CS_LO}]+{_H}+)?(?:oddělení|klinik[ay]|ambulance)(?!\w)"
    # "Little Lanterns NI", "Service at Kirkstall Lodge": a nation's letters, a service's site
    rf"|{_H}+(?:NI|UK)\b"
    rf"|(?:(?<=Service)|(?<=Clinic)|(?<=Centre)|(?<=Center)|(?<=Unit)){_H}+at{_H}+(?:[A-Z][\w'’-]+{_H}?){{1,3}}"
    # "… бөлімінің қорғаншылық және қамқоршылық секторы": the unit after its authority
    rf"|(?:(?<=ның)|(?<=нің)|(?<=бөлімі)|(?<=басқармасы)),?(?:{_H}+[{_LO}]+){{1,4}}?{_H}+(?:секторы|бөлімі|комиссиясы)"
)
_LEGAL_AFTER = re.compile(
    rf"{_H}*,{_H}*(?:příspěvková{_H}+organizace|p\.{_H}?o\.|o\.{_H}?p\.{_H}?s\.|z\.{_H}?ú\.|z\.{_H}?s\.|s\.{_H}?r\.{_H}?o\.)(?![\w])"
)
_QUOTED_AFTER_TOWN = re.compile(rf"{_H}+«[^«»\n]{{1,60}}»(?:[^«»\n]{{0,40}}»)?")
_NUMBER_BEFORE = re.compile(rf"№{_H}*\d{{1,4}}{_H}+\Z")
_REGION_BEFORE = re.compile(rf"(?<![\w-])(?:СПб|РБ|РТ|МО|ТО|ГО){_H}+\Z")
_THE_BEFORE = re.compile(rf"(?<![\w-])The{_H}\Z")
_CS_TYPE_START = re.compile(r"(?:gymnázi|škol|nemocnic|poradn|centr|ústav)")
_CS_ADJECTIVE_BEFORE = re.compile(
    rf"(?<![\w-])[{_CS_UP}][{_CS_LO}]+(?:ní|ská|cká|ské|cké|ý|á|é){_H}+\Z"
)


_ZH_LEAD = "经在到去于由从和与往给向被把对及的是为将让请找"
_SCRIPTS = {
    "han": re.compile(f"[{_HAN}]"),
    "cyr": re.compile("[а-яё]", re.I),
    "lat": re.compile("[A-Za-z]"),
}


def _script(pattern: re.Pattern[str]) -> str:
    """The script a pattern's own words are written in (its text must have some to match)."""
    source = pattern.pattern
    if re.search(f"[{_HAN}]", source):
        return "han"
    return "cyr" if re.search("[а-яё]", source, re.I) else "lat"


_ORG_SCRIPTS = [(pattern, _script(pattern)) for pattern in _ORGS]


def find(text: str) -> Iterator[Span]:
    """Organisations by the type words above."""
    present = {name for name, script in _SCRIPTS.items() if script.search(text)}
    for pattern, script in _ORG_SCRIPTS:
        if script not in present:
            continue
        for m in pattern.finditer(text):
            start = m.start()
            # "周末去青山区文化站", "母亲在“花语”奶茶店": the match began before the verb that leads to it
            lead = [i for i in range(3) if text[start + i] in _ZH_LEAD]
            if lead and m.end() - (start + lead[-1] + 1) >= 4:
                start += lead[-1] + 1
            yield Span(start, m.end(), "ORG", "pattern")


def _edges(text: str, start: int, end: int) -> tuple[int, int]:
    """The span grown over its quotation marks and what belongs to it before and after."""
    for _ in range(3):
        old = (start, end)
        inner = text[start:end]
        if start > 0 and end < len(text) and _OPEN_CLOSE.get(text[start - 1]) == text[end]:
            start, end = start - 1, end + 1
        elif any(  # "Центр «Опора": a quotation opened inside and closed just after
            inner.count(opening) > inner.count(closing) and text[end : end + 1] == closing
            for opening, closing in (("«", "»"), ("„", "“"), ("“", "”"))
        ):
            end += 1
        after = _AFTER.match(text, end)
        if after:
            end = after.end()
        before = _NUMBER_BEFORE.search(text, max(0, start - 12), start)
        if before and text[start : start + 1] in '«"“':
            start = before.start()
        article = _THE_BEFORE.search(text, max(0, start - 4), start)
        if article and text[start : start + 1].isupper():
            start = article.start()
        region = _REGION_BEFORE.search(text, max(0, start - 6), start)
        if region and re.match(f"[{_UP}]{{2}}", text[start : start + 2]):
            start = region.start()
        if re.search(rf"г\.{_H}*[{_UP}][{_LO}]+$", text[start:end]):
            quoted = _QUOTED_AFTER_TOWN.match(text, end)
            if quoted:
                end = quoted.end()
        if _CS_TYPE_START.match(text, start):
            adjective = _CS_ADJECTIVE_BEFORE.search(text, max(0, start - 30), start)
            if adjective:
                start = adjective.start()
        if (start, end) == old:
            break
    return start, end


def grown(text: str, spans: list[Span]) -> Iterator[Span]:
    """Organisations and schools grown over their quotation marks, legal forms and towns."""
    for span in spans:
        if span.kind in ("PERSON", "PLACE", "ORG") and re.match(
            f"[{_HAN}]", text[span.end - 1 : span.end]
        ):
            business = _ZH_BUSINESS_AFTER.match(text, span.end)
            if business:
                yield Span(span.start, business.end(), "ORG", span.source)
        if span.kind == "ADDRESS":
            legal = _LEGAL_AFTER.match(text, span.end)
            if legal:  # "ZŠ Brno, Křídlovická 30b, příspěvková organizace"
                yield Span(span.start, legal.end(), "SCHOOL", span.source)
        if span.kind in ("ORG", "SCHOOL"):
            start, end = _edges(text, span.start, span.end)
            if (start, end) != (span.start, span.end):
                yield Span(start, end, span.kind, span.source)
