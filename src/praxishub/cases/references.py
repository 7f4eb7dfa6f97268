"""Layer 1, continued: reference numbers that ``structured`` leaves, by their label or their shape.

Rule: a number is an ID when a word that names a document, a record or a registration
stands before it (``ПРОТОКОЛ № 3``, ``IČO: 02157365``, ``Police report no. 26-041127``),
or when its own shape is a filing reference's: letter groups and digit groups joined
by dashes and slashes (``CDZ-JI-0871/26``). Labels stay outside the span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum.ca import sin
from stdnum.cn import ric
from stdnum.gb import nhs

from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽА-ЯЁӘҒҚҢӨҰҮҺІ"
# Between a label and its value: a colon, bold closing, or the next HTML cell
_GAP = (
    r"[^\S\n]*[:：—–]?[^\S\n]*(?:\*\*|__)?[^\S\n]*(?:</t[dh]>[^\S\n]*<t[dh][^>\n]{0,40}>[^\S\n]*)?"
)

# A numbered document: протокол № 3, ХАТТАМА № 4, КУСП № 4127, арыз берген (№ 1847)
_DOCUMENT_NUMBER = re.compile(
    r"(?<![^\W\d_])(?:протокол\w*|хаттама\w*|КУСП|ҚСТК|ЕРДР|ЕРСОП|УД|постановлени\w*|приказ\w*|распоряжени\w*"
    r"|заявлени\w*|арыз\w*|кіріс\w*|входящ\w*|вх\.|шешім\w*|бұйрық\w*|қаулы\w*|акт(?:а|ом|е|ісі|іне|і)?|решени\w*|usnesení|rozhodnutí"
    r"|заключени\w*|анықтама\w*|справк\w*|исх\.|исходящ\w*|шығ\.|шығыс\w*|қорытынды\w*|жолдама\w*"
    r"|направлени\w*|выписк\w*)(?:-[а-яәғқңөұүһі]{1,5})?"  # "ҚСТК-да № 4120"
    rf"(?:{_H}+(?!қосымша|приложени|příloh|лист)(?:[^\W\d]{{2,20}}|г\.)){{0,4}}"
    rf"(?:{_H}+от{_H}+\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}(?:{_H}*г\.)?)?{_H}*,?{_H}*\(?{_H}*№{_H}*(?P<n>(?:[А-ЯЁA-Z]{{2}}{_H})?\d{{1,20}}(?:[-/][\w]{{1,8}})*)(?![\w-])",
    re.IGNORECASE,
)
# The number sign before its document's word: "№ направления 312/03", "№ заявления: 4471"
_SIGN_THEN_WORD = re.compile(
    rf"№{_H}*(?:направлени[яе]|заявлени[яе]|обращени[яе]|протокола|заключени[яе]|справки|дела"
    rf"|карты|жолдаманың|арыздың|өтініштің){_H}*:?{_H}*(?P<n>\d{{1,12}}(?:[-/]\w{{1,8}})*)(?![\w-])",
    re.IGNORECASE,
)
# A form's series and number: "протокол … 66 В № 0419273"
_SERIES_NUMBER = re.compile(rf"(?<![\w-])\d{{2}}{_H}?[А-ЯЁ]{{1,2}}{_H}?№{_H}?\d{{6,7}}(?!\d)")
# The number before its document word: "№ 1183 қаулыға", "№ 12 приказом"
_NUMBER_THEN_DOCUMENT = re.compile(
    rf"№{_H}*(?P<n>\d{{1,8}}(?:[-/]\w{{1,8}})*){_H}+(?:қаулы|шешім|бұйрық|хаттама|постановлени"
    r"|распоряжени|приказ|решени)",
    re.IGNORECASE,
)
# A registration, case or record number after its label: IČO 02157365, HCPC PYL04417,
# volunteer no. 4471, spis. zn. OSPOD 118/2026/Kop, ev. č. klienta: CDZ-JI-0871/26, 门诊号:4R-…
_LABEL = (
    r"(?:IČO|IČ|DIČ|HCPC|GMC|NMC|ОГРН\w*|ОГРНИП|БИН|КПП|ОКПО|ЕДРПОУ"
    r"|(?:PD|police)[^\S\n]+report|и/б(?:[^\S\n]*№)?|evidenční[^\S\n]+(?:č\.|číslo)(?:[^\S\n]+[a-zá-ž]{3,10})?"
    r"|incident(?=[^\S\n]+[A-Z]{0,3}\d)|(?:volunteer|policy|report|case|claim|incident|crime|reference|member|membership|badge|licen[cs]e|registration|roll|census"
    r"|staff|employee|file|account|certificate|occurrence|interpreter|recipient|student|admission|adm\."
    r"|IMC)[^\S\n]+(?:no\.?|number|#)(?:[^\S\n]+\((?:office[^\S\n]+use|if[^\S\n]+known)\))?"
    # "CAD 4471/06FEB26" (a police dispatch), "booking TI-77120" (an interpreter's job)
    r"|CAD(?=[^\S\n]+\d)|booking(?=[^\S\n]+[A-Z]{1,4}-?\d)"
    r"|(?:member|client|patient|pupil|student)[^\S\n]+ID"
    r"|(?:spis|sp)\.[^\S\n]?zn\.(?:[^\S\n]+[A-ZČŠŽ]{2,6})?|datov\w+[^\S\n]+schránk\w+(?:[^\S\n]+[a-zá-ž]{3,12}(?=[^\S\n]+\(?[a-z0-9]{7}\b))?(?:[^\S\n]*\((?=[a-z0-9]{7}\)))?|spisov\w+[^\S\n]+značk\w+|[Čč]\.[^\S\n]?j\.(?:[^\S\n]+[a-zá-ž]{3,10})?"
    r"|(?:ev|evid)\.[^\S\n]?č\.(?:[^\S\n]+[a-zá-ž]{3,10})?|jednací[^\S\n]+číslo|číslo[^\S\n]+(?:jednací|spisu|klienta)"
    r"|URN|ULN|UCI|CHI(?:[^\S\n]+(?:no\.?|number))?|NINO|PNC|MRN|NHI|PHN|HSN|EIN|NPI|TIN|Tax[^\S\n]+ID|ref\.|Medicare(?:[^\S\n]+card)?(?:[^\S\n]+(?:no\.?|number|ID))?"
    r"|health[^\S\n]+card(?:[^\S\n]+(?:no\.?|number))?"
    r"|(?:NI|National[^\S\n]+Insurance)[^\S\n]+(?:no\.?|number)"
    r"|č\.[^\S\n]?(?:OP|pasu|průkazu)|číslo[^\S\n]+(?:pasu|OP|průkazu)|IČZ"
    r"|загранпаспорт\w*|рег\.[^\S\n]?(?:№|номер)|рег\w*[^\S\n]+номер\w*"
    r"|номер[^\S\n]+(?:анкеты|карты|карточки|дела|обращения|заявки|записи|направления)"
    r"|reg\.[^\S\n]+no\.?|(?:vehicle[^\S\n]+)?reg\.|(?:practice|GP)[^\S\n]+code|OEN|SIN(?:[^\S\n]*\([^()\n]{1,40}\)|[^\S\n]+is)?|PHIN|PEN"
    r"|идентификатор\w*(?:[^\S\n]+конференции)?|(?:тіркеу|өтініш|арыз|карта)\w*[^\S\n]+нөмір\w*"
    r"|(?:тіркеу|журнал)\w*[^\S\n]+(?:[а-яәғқңөұүһі]+[^\S\n]+)?нөмір\w*|ID[^\S\n]?DS"
    r"|víz(?:a|ový|ovém)[^\S\n]+štít(?:ek|ku)"
    r"|[Čč](?:íslo|\.)[^\S\n]?(?:hospitalizace|víza|pojištěnce|dokladu|smlouvy|karty|záznamu|případu|žádosti)|门诊号|登记号|参考号|个案号|案号|编号|档案号|病历号|住院号|转介号|回执号|报警号|受案号|护照号|社保卡号|医保卡号|序號|序号"
    # a Taiwan or Hong Kong resident's mainland travel permit: "臺胞證號碼是10384726"
    r"|(?:臺胞證|台胞证|回鄉證|回乡证|通行證|通行证)(?:號碼|号码|號|号)?(?:是|為|为)?"
    r"|准考证号|学号|工号"
    # a Polish family's papers: "opinia nr PPP.4211.87.2024", "orzeczenie nr 118/2025"
    r"|(?:opini[ai]|orzeczeni[ea]|skierowani[ea]|zaświadczeni[ea]|decyzj[ai])[^\S\n]+nr\.?)"
)
_VALUE = (
    rf"(?P<n>\d{{3,6}}(?:[^\S\n]\d{{1,6}}){{1,3}}(?![^\S\n]?\d)|"
    rf"(?:[{_UP}]{{2,6}}(?:-[{_UP}]{{1,4}})?{_H})?[0-9{_UP}a-z](?:[0-9{_UP}a-zá-ž]|[-/.](?=[0-9{_UP}a-z])){{2,30}}"
    r"(?:[〔［\[]\d{4}[〕］\]]\d{1,6})?号?)"
)
_LABELLED = re.compile(rf"(?<![^\W\u4e00-\u9fff]|\.)(?i:{_LABEL}){_GAP}{_VALUE}(?![\w-])")
# A file mark with its office's letters around the number: "Sp. zn.: SZ MBA 3312/2025 OSPOD"
_FILE_MARK = re.compile(
    rf"(?<![^\W\d_])(?i:(?:spis|sp)\.{_H}?zn\.|spisov\w+{_H}+značk\w+|[Čč]\.{_H}?j\.){_GAP}"
    rf"(?P<n>(?:[A-ZČŠŽŘ]{{1,6}}{_H}){{1,3}}\d{{1,6}}/\d{{2,4}}(?:[-/]\w{{1,8}})*"
    rf"(?:{_H}[A-ZČŠŽŘ]{{2,8}}(?![\w/-]))?)"
)
# A filing reference by its shape: letter and digit groups joined by "-" or "/", with a letter
# group and 4 digits or more (CDZ-JI-0871/26, ZSK-0412/2023, 2024-CP-011873, 4R-2603-00871);
# a log's record, its letters glued to a dated number (HL260310-014), and a plan's letters with
# a number that keeps its leading zero (CP-0931: no year, no test's name such as PHQ-9)
_SHAPED = re.compile(
    rf"(?<![^\W\u4e00-\u9fff]|[/.-])(?P<n>[0-9{_UP}]{{1,6}}(?:[-/][0-9{_UP}]{{1,8}}){{2,5}}"
    rf"|[A-Z]{{1,4}}\d{{4,10}}-\d{{2,6}}|[A-Z]{{2,4}}\d{{2}}-\d{{5,8}}|[A-Z]{{2,4}}-0\d{{3,5}}|[{_UP}][0-9{_UP}]{{1,5}}-\d{{2,6}}/\d{{2,4}}|[{_UP}]{{2,6}}-[{_UP}]{{1,4}}{_H}\d{{3,6}}/\d{{2,4}})(?![^\W\u4e00-\u9fff]|[/-])"
)
# A Chinese document number with its issuer and bracketed year, 号 included: 锦心转〔2026〕017号,
# 公（刑）函字〔2026〕第0457号
_ZH_DOCUMENT = re.compile(r"[\u4e00-\u9fff]{1,6}[〔［\[]\d{4}[〕］\]]第?\d{1,5}号")
# A bill's or a meeting's number: FAKTURA č. 2026-0311, КВИТАНЦИЯ № 0157, Invoice no. 4471,
# акт № ҚӘ-88, 腾讯会议号 614 882 309, 腾讯会议（517 206 883）, Meeting ID: 845 2290 1173
_BILL = re.compile(
    rf"(?<![^\W\d_])(?i:faktur[ayu]?|účtenk[ayu]|stvrzenk[ayu]|invoice|receipt|квитанци[яиюей]|сч[её]т(?:а|у)?"
    rf"|чек[а]?|акт(?:а|у)?|договор(?:а|у)?|түбіртек\w*|шот)(?:{_H}*(?:№|#|č\.|no\.?|number|nr\.?))+{_H}*"
    rf"(?P<n>[0-9{_UP}](?:[0-9{_UP}]|[-/](?=[0-9{_UP}])){{2,20}})(?![\w-])"
    # "ID вебинара 864 215 907", "ID комнаты", "ID webináře", "Webinar ID", "Room ID"
    rf"|(?:腾讯会议号?|会议号|会议ID|(?i:Meeting|Webinar){_H}+ID|Zoom|Teams"
    rf"|ID{_H}+(?:вебинара|конференции|встречи|трансляции|комнаты|webináře|schůzky|místnosti|вебинардың)|(?i:room){_H}+ID)[：:（(]?{_H}*(?P<m>\d{{3}}(?:(?:-|{_H})?\d{{3,4}}){{2,3}})(?!\d)"
)
# A video meeting's ID a few words after its service: "Zoom, ID schůzky 842 3371 0956", "Zoom is
# fine – my personal room is 873 4410 2296", "Zoom (конференция 874 3312 0956)", "Teams meeting
# ID 384 552 907 116"
_MEETING = re.compile(
    rf"(?<![^\W\d_])(?:Zoom|Teams|Webex)(?![^\W\d_])[^\d\n]{{0,40}}?(?<![\d:])"
    rf"(?P<m>\d{{3}}(?:(?:-|{_H})?\d{{3,4}}){{2,3}})(?![\d:])"
)
# A log's contact number: its year and serial ("26-0412"), or its night's month and day and the
# call's place in it ("0311-02", the second call of 11 March)
_SERIAL = (
    r"(?:[2-3]\d-\d{3,5}|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-\d{2,3}"
    r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])-\d{2,3})"
)
# A helpline log's contact by its year and serial, after the word for a call or a chat: "Chat č.:
# 26-0533", "**Kontakt:** 26-0533", "Звонок 26-0876", "call 26-0412", "Чат 26-0561"
_CONTACT = re.compile(
    rf"(?<![^\W\d_])(?i:chat(?:u|em)?|hovor(?:u|em)?|kontakt(?:u|em)?|call|звон(?:ок|ка|ке|ку)"
    rf"|обращени[еяюи]|чат(?:а|е|у)?|қоңырау\w*)(?:{_H}*(?:č\.|№|#|no\.)?{_H}*[:.]?\**:?\**)"
    rf"{_H}*(?P<n>{_SERIAL})(?![\d-])"
)
# A helpline log's row opening with the contact's year and serial, then its time: "26-0407
# 20:05–20:31   звонок", "26-0412     20:14   28 мин"
_ROW_SERIAL = re.compile(
    rf"(?m)^[^\S\n]*(?:\*\*)?(?P<n>{_SERIAL})(?:\*\*)?{_H}{{2,}}\d{{1,2}}:\d{{2}}"
)
# A Canadian social insurance number a few words after its name ("your SIN for the forms
# (529 173 601)"), kept when its check digit holds; an Ontario health card's number with its
# two-letter version code ("Health card: 4528 771 093 KT")
_CA_SIN = re.compile(
    rf"(?<![\w-])(?:SIN|[Ss]ocial{_H}+[Ii]nsurance{_H}+[Nn]umber)(?![\w-])[^\d\n]{{0,45}}?"
    rf"(?<!\d)(?P<n>\d{{3}}(?:{_H}|-)?\d{{3}}(?:{_H}|-)?\d{{3}})(?![\d-])"
)
_CA_HEALTH_CARD = re.compile(
    rf"(?i:health{_H}+card|OHIP|health{_H}+number)[^\d\n]{{0,20}}?"
    rf"(?P<n>\d{{4}}(?:{_H}|-)?\d{{3}}(?:{_H}|-)?\d{{3}}(?:(?:{_H}|-)?[A-Z]{{2}})?)(?![\w-])"
)
# A practitioner's number in a register, said a few words after it: "рег. № в реестре
# супервизоров СВ-0417", "супервизор тізіліміндегі нөмірі СП-КЗ-017"
_REGISTER_NUMBER = re.compile(
    r"(?i:реестр\w*|тізілім\w*|register)[^\n]{0,30}?"
    r"(?P<n>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{1,4}(?:-[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{1,4})*-\d{3,6})(?![\w-])"
)
# A Russian work patent's region and number: "копию патента (50 № 2501374406)"
_PATENT = re.compile(
    r"(?i:патент\w*)[^\S\n]*\(?[^\S\n]*(?P<n>\d{2}[^\S\n]?№[^\S\n]?\d{8,12})(?!\d)"
)
# A Russian postcode a few words after its name: "индекс по месту жительства — 180007"
_INDEX = re.compile(r"(?i:индекс|пошта[^\S\n]+индексі)[^\d\n]{0,30}?(?P<n>\d{6})(?![\d.,]\d|\d)")
# A document's number with its issuing country's letters after "č." or "No.": "vízový štítek
# matky č. UKR 4810275", "passport No. UKR 0451287"
_LETTERS_NUMBER = re.compile(
    r"(?<![\w.])(?:č\.|No\.|№)[^\S\n]*(?P<n>[A-Z]{2,3}[^\S\n]\d{6,9})(?![\w-]|[.,/]\d)"
)
# A Scottish CHI number written as its birth date and four digits: "190754 1403" (its check digit
# is the NHS number's, modulus 11, so stdnum's NHS check reads it)
_CHI_SPACED = re.compile(
    r"(?<![\w.,/-])(?P<d>(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d)[^\S\n](?P<t>\d{4})(?![\w-]|[.,/]\d)"
)


# A numbered document's letter-and-digit number after "№": заключение … № Н-5512
_LETTER_NUMBER = re.compile(rf"№{_H}*(?P<n>[{_UP}]{{1,4}}-\d{{2,8}})(?![\w-])")
# A pupil's number made of "G" and an identity number: G410104201805163922
_G_RIC = re.compile(r"(?<![A-Za-z0-9])G(?P<r>\d{17}[\dXx])(?![A-Za-z0-9])")
# A document's series and number with words between: серия II-ФР № 604718, серия 7119 № 482605
_SERIES = re.compile(
    rf"(?<![^\W\d_])серия{_H}+(?P<s>[IVXLC]{{1,4}}-[А-ЯЁ]{{2}}|\d{{2}}{_H}?\d{{2}}|[А-ЯЁ]{{2}}){_H}*№{_H}*(?P<n>\d{{6,8}})(?!\d)",
    re.IGNORECASE,
)
# An identity card's number: жеке куәлік № 048215573, удостоверение личности № 041572318
_IDENTITY_CARD = re.compile(
    rf"(?<![^\W\d_])(?:жеке{_H}+куәлі\w*|удостоверени\w+{_H}+личности|občansk\w+{_H}+průkaz\w*|ID{_H}+card)"
    rf"{_H}*(?:№|no\.?|č\.)?{_GAP}(?P<n>\d{{6,12}})(?!\d)",
    re.IGNORECASE,
)
# A Hong Kong or Macau identity card's number with its bracketed check digit: A123456(7),
# 1289034(6)
_CHECK_DIGIT = re.compile(r"(?<![\w(])(?:[A-Z]{1,2}\d{6}|[157]\d{6})\([0-9A]\)")
# A Russian form's series and number without "№": "протокол … 87 АА 041952"
_SERIES_SPACED = re.compile(rf"(?<![\w-])\d{{2}}{_H}[А-ЯЁ]{{2}}{_H}\d{{6,7}}(?![\w-])")
# A Czech court's file mark: senate, register and number/year ("14 P 87/2025", "22 Nc 1504/2026")
_COURT_MARK = re.compile(
    rf"(?<![\w/-])\d{{1,3}}{_H}(?:P{_H}a{_H}Nc|P|Nc|C|T|Rod|Cm|Co|To|Tm|Ro|EXE|E|Ad|Az|A){_H}\d{{1,6}}/\d{{4}}(?![\w/-])"
)
# A South African police case number: "CAS 147/02/2026"; a Russian birth certificate's
# series and number without "серия": "св-во о рожд. I-ЛЖ 508311"
_CAS = re.compile(rf"(?<![\w/-])CAS{_H}+(?:no\.?{_H}*)?(?P<n>\d{{1,5}}/\d{{1,2}}/\d{{4}})(?![\w/])")
_BIRTH_SERIES = re.compile(rf"(?<![\w-])[IVXLCІ]{{1,4}}-[{_UP}]{{2}}{_H}*№?{_H}*\d{{6,7}}(?!\d)")
# A practitioner's registration with a professional body, in brackets after the name's
# credentials: "Dana Friesen, BSW, RSW (SASW 4471)", "Meghan Vandersteen, R. Psych. (CAP 4417)"
# (a year there is a degree's: "MSc (UCL 2019)")
_PROFESSIONAL_REG = re.compile(
    rf",{_H}*(?:[A-Z]{{2,6}}|[A-Z]\.{_H}?[A-Z][a-z]{{1,6}}\.){_H}*"
    rf"\((?:[A-Z]{{2,6}}){_H}+(?:#{_H}?)?(?P<n>[A-Z]{{0,3}}\d{{3,8}})\)"
)
_NOT_SHAPES = re.compile(r"^(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d[\d/-]*)$")


def _digits(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


def find(text: str) -> Iterator[Span]:
    """IDs found by their document word, their label, or their shape."""
    numbered = "№" in text
    for pattern in (_DOCUMENT_NUMBER, _NUMBER_THEN_DOCUMENT, _SIGN_THEN_WORD) if numbered else ():
        for m in pattern.finditer(text):
            yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for m in _SERIES_NUMBER.finditer(text) if numbered else ():
        yield Span(m.start(), m.end(), "ID", "pattern")
    for m in _LABELLED.finditer(text):
        value = m.group("n").rstrip(".")
        # a Czech data box's identifier: seven letters and digits ("k2mf7xw")
        if _digits(value) >= 3 or (_digits(value) and re.fullmatch(r"[a-z0-9]{7}", value)):
            yield Span(m.start("n"), m.start("n") + len(value), "ID", "pattern")
    for m in _FILE_MARK.finditer(text):
        yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for m in _SHAPED.finditer(text):
        value = m.group("n")
        if _digits(value) >= 4 and re.search(f"[{_UP}]", value) and not _NOT_SHAPES.match(value):
            yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    # the same log's other contacts, cited bare ("navazující 26-0561", "naposledy 26-0412"):
    # the same year (or night) and as many digits as a contact found by its word or row
    shapes = {
        (m.group("n").partition("-")[0] + "-", len(m.group("n")))
        for pattern in (_CONTACT, _ROW_SERIAL)
        for m in pattern.finditer(text)
    }
    for head, size in shapes:
        for m in re.finditer(
            rf"(?<![\w.,/-]){re.escape(head)}\d{{{size - len(head)}}}(?![\w-]|[.,/]\d)", text
        ):
            yield Span(m.start(), m.end(), "ID", "pattern")
    for m in _CA_SIN.finditer(text) if "SIN" in text or "nsurance" in text else ():
        if sin.is_valid(re.sub(r"\D", "", m.group("n"))):
            yield Span(m.start("n"), m.end("n"), "ID", "stdnum")
    for m in _CA_HEALTH_CARD.finditer(text):
        yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for pattern in (_REGISTER_NUMBER, _PATENT):
        for m in pattern.finditer(text):
            yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for m in _INDEX.finditer(text):
        yield Span(m.start("n"), m.end("n"), "POSTCODE", "pattern")
    for m in _LETTERS_NUMBER.finditer(text):
        yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for m in _CHI_SPACED.finditer(text):
        labelled = "CHI" in text[max(0, m.start() - 12) : m.start()]  # read with its label above
        if not labelled and nhs.is_valid(m.group("d") + m.group("t")):
            yield Span(m.start(), m.end(), "ID", "stdnum")
    for m in _BILL.finditer(text):
        group = "n" if m.group("n") else "m"
        if _digits(m.group(group)) >= 2:
            yield Span(m.start(group), m.end(group), "ID", "pattern")
    for m in _MEETING.finditer(text):
        yield Span(m.start("m"), m.end("m"), "ID", "pattern")
    for m in _LETTER_NUMBER.finditer(text) if numbered else ():
        yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for m in _ZH_DOCUMENT.finditer(text) if "号" in text else ():
        yield Span(m.start(), m.end(), "ID", "pattern")
    for m in _G_RIC.finditer(text) if "G" in text else ():
        if ric.is_valid(m.group("r").upper()):
            yield Span(m.start(), m.end(), "ID", "stdnum")
    for m in _SERIES.finditer(text) if numbered else ():
        yield Span(m.start("s"), m.end("s"), "ID", "pattern")
        yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for m in _CAS.finditer(text) if "CAS" in text else ():
        yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for pattern in (_CHECK_DIGIT, _SERIES_SPACED, _COURT_MARK, _BIRTH_SERIES):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "ID", "pattern")
    for m in _IDENTITY_CARD.finditer(text):
        yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for m in _PROFESSIONAL_REG.finditer(text) if "(" in text else ():
        if not re.fullmatch(r"(?:19|20)\d\d", m.group("n")):
            yield Span(m.start("n"), m.end("n"), "ID", "pattern")
