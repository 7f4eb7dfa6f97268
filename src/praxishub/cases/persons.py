"""Layer 2, continued: persons named by their context, in every language.

Rule: the context alone must say "this is a person": a title (Mr, Ms., paní,
MUDr.), an initial before a surname (J. Mensah, Е. В. Шестакова), a role label
with a colon ("Konzultant: Ondřej"), a name being introduced ("gave her name as",
"представилась как", "деп таныстырды", "自称") or a nickname ("calls him "Mase"",
"JJ (his nickname)", "妈妈叫她"琪琪""). So these find names that no list holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases.ner import allowed, zh_surnames
from praxishub.cases.spans import Span

_UP = "A-ZА-ЯЁÁČĎÉĚÍŇÓŘŠŤÚŮÝŽӘҒҚҢӨҰҮҺІ"
_LO = "a-zа-яёáčďéěíňóřšťúůýžәғқңөұүһі"
_NAME = rf"[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?"
_NAMES = rf"{_NAME}(?:\s{_NAME}){{0,2}}"
_HAN = "\u4e00-\u9fff"

# Capitalised function words that can follow an initial-like letter at a sentence's end.
_NOT_SURNAMES = frozenset(
    [
        "The",
        "This",
        "That",
        "Then",
        "There",
        "They",
        "These",
        "Those",
        "She",
        "He",
        "It",
        "We",
        "You",
        "His",
        "Her",
        "Its",
        "Our",
        "Their",
        "And",
        "But",
        "Or",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "Also",
        "In",
        "On",
        "At",
        "To",
        "For",
        "From",
        "With",
        "Of",
        "As",
        "By",
        "No",
        "Not",
        "Yes",
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Mx",
        "Dr",
        "Prof",
    ]
)

_CONTEXTS = [
    # Mr Osei, Ms. Alvarez, Mrs Kowalski's, Dr Aisha Thompson, Pastor Ames, Aunt Rosa
    re.compile(
        r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Pastor|Father|Fr|Rev|Reverend|Rabbi|Imam|Sister|Brother|Coach"
        r"|Officer|PC|DC|Sgt|Sergeant|Detective|Judge|Nurse|Aunt|Auntie|Uncle|Grandma|Grandpa|Granny"
        rf"|Grandad|Nana|Nan)\.?\s+(?P<n>{_NAMES})"
    ),
    # her ex-partner, Dom; his brother Kofi; a friend called Rafa: a relative or friend, then a name
    re.compile(
        r"\b(?:(?:ex-|step-?)?(?:partner|boyfriend|girlfriend|husband|wife|son|daughter|brother|sister"
        r"|mother|father|mum|mom|dad|friend|cousin|uncle|aunt|grandmother|grandfather|grandma|grandpa"
        r"|nan|niece|nephew|fianc[ée]e?|colleague|manager|boss|neighbou?r|flatmate|roommate|classmate"
        r"|carer|stepdad|stepmum|stepmom)|ex)(?:,|\s+(?:called|named))?\s+(?P<n>"
        + _NAME
        + r")(?![\w'’-])"
    ),
    # a baby boy (Alfie), her son (Kai): a child named in brackets after the word for it
    re.compile(rf"\b(?:baby|boy|girl|son|daughter|brother|sister|child)\s*\((?P<n>{_NAME})\)"),
    # Mason Lee Thornton, DOB 11.05.2011; Jana Nováková, nar. 3. 4. 2012: a person and the birth date
    re.compile(
        rf"(?P<n>{_NAME}(?:\s{_NAME}){{1,2}}),\s*(?:DOB|D\.O\.B\.|born|nar\.|narozen[aáý]?|родил\w*|туған)(?!\w)"
    ),
    # мен Аружанмын: "I am …", a Kazakh name with its fused verb of being
    re.compile(rf"(?<!\w)[Мм]ен\s+(?P<n>[{_UP}][{_LO}]{{2,}}(?:мын|мін|пын|пін|бын|бін))(?!\w)"),
    # paní Kučerová, pana Černého, MUDr. Malým, Mgr. Hana Horáková
    re.compile(
        r"(?<!\w)(?:pan|paní|pana|panu|panem|pane|slečn[aouě]|Mgr\.|MUDr\.|PhDr\.|Ing\.|Bc\.|doc\.|prof\.)"
        rf"\s+(?P<n>{_NAMES})"
    ),
    # J. Mensah, R. Castillo, Е. В. Шестакова
    re.compile(rf"(?<![\w.])(?P<n>[{_UP}]\.\s?(?:[{_UP}]\.\s?)?{_NAME})"),
    # Соколовой О. П., Жұмабекова Р. Т.
    re.compile(rf"(?<![\w.])(?P<n>{_NAME}\s[{_UP}]\.\s?[{_UP}]\.)"),
    # Беловой А., 8 «А»; сыныптасы Бекзат Қ.; Jakub Š. (Kuba): a surname or name and one initial,
    # inside a sentence (not "… в приложении А. Далее")
    re.compile(
        rf"(?<=[\w,:;—–-]\s)(?P<n>{_NAME}\s[{_UP}]\.)(?!\s?[{_UP}]\.)(?=\s*[,;:)(]|\s+[{_LO}—–-])"
    ),
    # Egon Sýkora (7. D), Kenzie Palmer (9th grade), Лиза Вахрушева (3 «А»): a pupil and the class
    re.compile(
        rf"(?P<n>{_NAME}\s{_NAME})\s*\((?:\d{{1,2}}\.?\s?[A-ZА-ЯЁӘ]|\d{{1,2}}\s*«[{_UP}]»"
        r"|\d{1,2}(?:st|nd|rd|th)\s+grade|Grade\s+\d{1,2}|Year\s+\d{1,2})\)"
    ),
    # School counsellor:** Priya Nair / Konzultant: Ondřej / Кеңесші: Арман
    re.compile(
        r"(?i:counsel+or|therapist|psychologist|supervisor|tutor|consultant|caseworker|social worker"
        r"|konzultant\w*|psycholog\w*|terapeut\w*|supervize|supervizor\w*|psycholožka"
        r"|психолог\w*|консультант\w*|супервиз\w*|кеңесші|куратор\w*)"
        rf"\s*[:：]\s*(?:\*\*\s*)?(?:(?:Dr|Mgr|PhDr|Mr|Ms|Mrs)\.?\s+)?(?P<n>{_NAMES})"
    ),
]
# A pupil in a list, with the class after a comma (and the name in another script in brackets):
# "- Hope Ossett, 7B;", "1. **Oleksandr Bondarenko** (Олександр Бондаренко), 4.A.",
# "**Kim Ji-woo**（金智友），四年级(1)班", "Leah = Leah Quinn, 11B"
_FOREIGN_NAME = rf"[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)?"
_CLASS_AFTER = (
    r"(?:\d{1,2}\.?[^\S\n]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ](?!\w|\.\w)|\d{1,2}[^\S\n]*«[А-ЯЁӘҒҚҢӨҰҮҺІA-Z]»|\d{1,2}[A-Z]{1,3}\b"
    r"|Year\s+\d{1,2}|\d{1,2}(?:st|nd|rd|th)\s+grade|[一二三四五六七八九]年级|[初高][一二三])"
)
_PUPIL = re.compile(
    rf"(?<![\w-])(?:\*\*)?(?P<n>{_FOREIGN_NAME}(?:[^\S\n]{_FOREIGN_NAME}){{1,2}})(?:\*\*)?"
    r"(?:[^\S\n]*[（(](?P<alt>[^\d()（）\n,，]{2,30})[)）])?[^\S\n]*[,，][^\S\n]*" + _CLASS_AFTER
)
# Chinese names by their context, checked for a surname where they are full names: 同班男生邓凯文把,
# 外孙李想（, 女生朵朵，(a doubled nickname), 小蕊（方蕊）(a nickname and the full name sharing a
# character), 母亲Olga电话 (a name in Latin letters after a relative)
_ZH_RELATIVES = "外孙女|外孙|孙子|孙女|儿子|女儿|侄子|侄女|男生|女生|男孩|女孩|同桌|好朋友"
_ZH_FULL_NAME = re.compile(
    rf"(?:{_ZH_RELATIVES})(?P<n>[{_HAN}]{{2,3}})(?=[、，。；（(：:\s)）]|把|被|说|和|也|都)"
)
_ZH_NICKNAME = re.compile(
    rf"(?:{_ZH_RELATIVES})(?P<n>([{_HAN}])\2)(?=[、，。；（(\s)）])"
    rf"|(?P<s>[小阿]?[{_HAN}]{{1,2}})[（(](?P<f>[{_HAN}]{{2,3}})[)）]"
)
_ZH_LATIN_NAME = re.compile(
    r"(?:母亲|父亲|妈妈|爸爸|哥哥|姐姐|弟弟|妹妹|继母|继父|舅舅|姑姑|阿姨|叔叔)(?P<n>[A-Z][a-z]{2,})(?![A-Za-z])"
)
# A name being introduced, or a nickname: the names a note then uses alone, even to start a
# sentence ("jmenuje se Lev … Lva zná od září"), so later layers trust them more.
_INTRODUCTIONS = [
    # gave her name as Hope / se představila jako Míša / представилась как Саша / Жансая деп таныстырды
    re.compile(
        r"(?:name (?:is|was|as)|named|introduced (?:herself|himself|themselves) as"
        r"|call(?:s|ed)? (?:herself|himself|themselves)|назвал(?:ась|ся)"
        r"|představil[aoi]? se jako|se představil[aoi]? jako|представил\w* как|представил\w*"
        r"|[Jj]menuje se|[Jj]menoval[aoi]? se|[Jj]ménem|[Zz]ove se|[Пп]о имени|[Ее]сімі"
        rf"|назвал\w* себя|зовут)\s+[\"“«„]?(?P<n>{_NAMES})"
    ),
    re.compile(rf"[«\"“]?(?P<n>{_NAMES})[»\"”]?\s+деп\s+(?:ата\w*|таныстыр\w*|шақыр\w*)"),
    # Mom calls him "Mase" / volá „Matýsku“ / называет его Тимошей / просит называть «Тим»
    re.compile(
        r"(?:\bcalls?|\bcalled|nicknamed?|goes by|known as|volá|volají|říká|říkají|oslovuje|přezdív\w+"
        r"|называ\w+|зов[ёеу]т)\s+(?:(?:him|her|them|me|ho|ji|mu|jí|jej|его|её|ее|их|меня)\s+)?"
        rf"[\"“„«'‘]?(?P<n>{_NAME})"
    ),
    # Olivia Hartley (Liv), Sophie Tran ("Soph"): a short name in brackets after a full name
    re.compile(rf"{_NAME}\s{_NAME}(?:\*\*)?\s*\([\"“«]?(?P<n>{_NAME})[\"”»]?\)"),
    # JJ (his nickname), Gracie (she prefers this), Aika (she uses this name with friends)
    re.compile(
        r"(?P<n>\b[A-Z][A-Za-z]{1,20})[\"”]?\s*\((?:(?:his|her|their)\s+(?:nick)?name"
        r"|(?:she|he|they)\s+(?:prefers?|uses?|likes?))"
    ),
    # 妈妈叫她"琪琪", 自称小雨, 明明（妈妈这样叫他）
    re.compile(rf"叫(?:他|她|我)?\s*[\"“”「『](?P<n>[{_HAN}]{{1,3}})[\"”」』]"),
    re.compile(rf"(?:自称|小名|昵称|名叫)[\"“「]?(?P<n>[{_HAN}]{{2}})"),
    re.compile(rf"(?P<n>[{_HAN}]{{2}})[（(][^）)\n]{{0,10}}叫(?:他|她)[）)]"),
]


def find(text: str) -> Iterator[Span]:
    for patterns, source in ((_CONTEXTS, "context"), (_INTRODUCTIONS, "introduced")):
        for pattern in patterns:
            for m in pattern.finditer(text):
                name = m.group("n")
                words = re.findall(rf"[{_UP}][{_LO}]+", name)
                if words and (words[-1] in _NOT_SURNAMES or allowed(name)):
                    continue
                yield Span(m.start("n"), m.end("n"), "PERSON", source)
    if re.search(f"[{_HAN}]", text):
        yield from _chinese(text)
    for m in _PUPIL.finditer(text):
        if allowed(m.group("n")) or m.group("n").split()[-1] in _NOT_SURNAMES:
            continue
        yield Span(m.start("n"), m.end("n"), "PERSON", "context")
        if m.group("alt") and len(m.group("alt").split()) <= 4:
            yield Span(m.start("alt"), m.end("alt"), "PERSON", "context")


def _chinese(text: str) -> Iterator[Span]:
    surnames = zh_surnames()
    for m in _ZH_FULL_NAME.finditer(text):
        name = m.group("n")
        if (name[0] in surnames or name[:2] in surnames) and not allowed(name):
            yield Span(m.start("n"), m.end("n"), "PERSON", "zh-context")
    for m in _ZH_NICKNAME.finditer(text):
        if m.group("n"):
            yield Span(m.start("n"), m.end("n"), "PERSON", "zh-context")
        elif m.group("f")[0] in surnames and m.group("s")[-1] == m.group("f")[-1]:
            short = m.group("s")[-2:]
            yield Span(m.end("s") - len(short), m.end("s"), "PERSON", "zh-context")
            yield Span(m.start("f"), m.end("f"), "PERSON", "zh-context")
    for m in _ZH_LATIN_NAME.finditer(text):
        if not allowed(m.group("n")):
            yield Span(m.start("n"), m.end("n"), "PERSON", "zh-context")
