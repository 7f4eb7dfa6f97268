"""Organisations named by a quotation next to a word for their kind, in any case form.

Rule: a quoted name that starts with a capital letter or a digit, standing right after a
word for a kind of organisation ("салоне красоты «…»", "родительском доме «…»",
"арт-студией «…»", "kavárně „…“") or, in Kazakh and Chinese, right before one
("«…» зауытындамын", "«…» фитнес-студиясына", "“…”咖啡馆"), is one ORG together with
that word, as the marking rules draw it. The kind word may carry any case ending, a
hyphenated first part (арт-, фитнес-), one adjective before it and, in Russian, one
noun in the genitive after it ("салон красоты"). The vocabulary is general: kinds of
businesses, clubs, centres and services, never names.

Known limits: a quotation of speech after a kind word ("в центре «Привет»" said as a
greeting) is taken for a name; a kind word the lists lack (a rare trade) leaves only the
quoted name, as the other layers find it; schools are left to the school layers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import gates
from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_RU_LO = "а-яёәғқңөұүһі"
_CS_LO = "a-záčďéěíňóřšťúůýž"
# Stems of words for a kind of organisation (Russian, Kazakh loans included).
_RU_KINDS = (
    "кафе|кофейн|ресторан|бар|паб|магазин|салон|студи|центр|клуб|фонд|приют|дом|комбинат|завод"
    "|фабрик|компани|агентств|ателье|театр|кинотеатр|галере|секци|кружк|кружок|лагер|пансионат"
    "|санатори|гостиниц|отел|хостел|пекарн|аптек|супермаркет|бистро|пиццери|столов|мастерск"
    "|автосервис|сервис|ассоциаци|объединени|издательств|банк|рынк|рынок|кооператив|холдинг"
    "|спортзал|фитнес-клуб|кондитерск|закусочн|шаурмечн|бургерн|парикмахерск|барбершоп|цех"
    "|библиотек[а-яё]{0,2}-читальн|библиотек|служб|такси|автошкол|турфирм"
)
# Kazakh kinds of organisation (stems; any case ending follows), one list for this layer and
# orgshapes.py's (which adds the kinds of school)
KK_KINDS = (
    "зауыт|фабрика|студия|кафе|дүкен|орталы|клуб|қор|мейрамхана|дәмхана|асхана|салон|компания"
    "|серіктестік|бірлестік|кофейня|базар|шаштараз|дәріхана|қонақүй|лагер|үйірме|комбинат"
    "|супермаркет|наубайхана|шеберхана|секция|театр|ателье|заң кеңсе|кеңсе|ансамбл|қожалы"
    "|кешен|мешіт|шіркеу|ұйым"
)
_CS_KINDS = (
    "kavárn|cukrárn|restaurac|hospod|bistr|pizzeri|klub|centr|spol[eo]k|nadac|studi|salon"
    "|obchod|firm|společnost|agentur|sdružení|penzion|hotel|hostel|kebab|pekárn|posilovn"
    "|fitcentr|tábor|čajovn|vinárn|herna|hern|díln|knihkupectví|kadeřnictví|cukrárn|taxi|autoškol"
)
# (not a verb's "-аем": "рассматриваем библиотеку-читальню «…»")
_ADJ = rf"[{_RU_LO}]+(?:ом|ой|ая|ую|ый|ий|ое|ого|ому|ым|ых|ей|(?<![аяуюеи])ем){_H}+"
_QUOTE = r"(?:«[^«»\n]{1,60}»|„[^„“\n]{1,60}“|\"[^\"\n]{1,60}\")"
_CAP_QUOTE = r"(?=[«„\"][\dA-ZÀ-ÞА-ЯЁӘҒҚҢӨҰҮҺІČŠŽŘĎŤŇ])"

# The kind word in any letter case; the quoted name must start with a capital or a digit.
_RU_BEFORE = re.compile(
    rf"(?<![\w-])(?i:(?:{_ADJ})?(?:[{_RU_LO}]+-)?(?:{_RU_KINDS})[{_RU_LO}]{{0,4}}"
    rf"(?:{_H}+[{_RU_LO}]{{3,}}(?:ы|и|а|я|ов|ей))?){_H}+{_CAP_QUOTE}{_QUOTE}"
)
_CS_BEFORE = re.compile(
    rf"(?<![\w-])(?i:(?:{_CS_KINDS})[{_CS_LO}]{{0,4}}){_H}+{_CAP_QUOTE}{_QUOTE}"
)
_KK_AFTER = re.compile(rf"{_CAP_QUOTE}{_QUOTE}{_H}+(?i:(?:[{_RU_LO}]+-)?(?:{KK_KINDS})[{_RU_LO}]*)")
# A state body's regional branch, chained after its quoted name: "«Азаматтарға арналған үкімет»
# мемлекеттік корпорациясының Атырау облысы бойынша филиалынан"
_KK_BRANCH = re.compile(
    rf"{_CAP_QUOTE}{_QUOTE}(?:{_H}+мемлекеттік{_H}+корпорация[{_RU_LO}]*)?{_H}+"
    rf"[А-ЯЁӘҒҚҢӨҰҮҺІ][{_RU_LO}-]+{_H}+(?:облысы|қаласы|ауданы){_H}+бойынша{_H}+"
    rf"(?:филиал|департамент|басқарма|бөлім)[{_RU_LO}]*"
)
# Chinese: a quoted name, then a kind of business or service (a few Han characters may
# stand between, "“小小地球村”国际交流社团").
_ZH_KINDS = (
    "咖啡馆|咖啡厅|茶室|茶馆|茶餐厅|餐厅|饭店|酒店|宾馆|旅馆|客栈|民宿|超市|便利店|商店|书店|网吧|火锅"
    "|社团|课堂|托管班|培训班|培训中心|中心|工作室|服务站|服务中心|协会|基金会|俱乐部|公司|驿站|小家|之家"
    "|书屋|剧社|乐队|战队|球队|诊所|药店|理发店|健身房|面馆|烧烤|奶茶店|小卖部"
)
_ZH_AFTER = re.compile(rf"[“\"「][^”\"」\n]{{1,20}}[”\"」][\u4e00-\u9fff]{{0,6}}?(?:{_ZH_KINDS})")
# ... or the kind first, the quoted name right after it: 彝族达体舞社团"索玛花开", 跷脚牛肉店（"老苏跷脚牛肉"）
_ZH_BEFORE = re.compile(
    r"(?:(?<=社团)|(?<=剧社)|(?<=乐队)|(?<=球队)|(?<=战队)|(?<=协会)|(?<=俱乐部)|(?<=工作室))[“\"「][^”\"」\n]{1,20}[”\"」]"
    r"|(?<=[店馆厂])[（(][“\"「][^”\"」\n]{1,20}[”\"」](?=[)）])"
)


def find(text: str, language: str) -> Iterator[Span]:
    """Kind word and quoted name, as one ORG."""
    if language == "zh":
        patterns = [_ZH_AFTER, _ZH_BEFORE]
    elif language == "cs":
        patterns = [_CS_BEFORE]
    elif language in ("ru", "kk"):
        patterns = [_RU_BEFORE, _KK_AFTER, _KK_BRANCH]
    else:
        return
    for pattern in gates.live(patterns, text):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "ORG", "kind-quote")
