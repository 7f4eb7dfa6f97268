"""Layer 4: names known by the word next to them (channels, services, crossings, rooms).

Rule: a quoted name is an identifier when the word before or after it says what it is:
a group, server, page or account ("a group called "…"", „…“ na Discordu, «…» тобында,
账号“…”) is a HANDLE; a workplace, shop or app reached through a preposition or a work
verb (works at "…", přes „…“, «…» арқылы, 在“…”上班) is an ORG. Chinese addresses given as
a road crossing (…路与…路交叉口) or with 段/巷/弄 and 附/之 numbers are ADDRESS, and a bare
room number after a lodging (", pokoj č. 9", ", комната 9", "512房") is ADDRESS.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_H = r"[^\S\n]"
# A quoted name's body: a short run without quotes or line breaks.
_Q = r"[^\"“”„«»\n]{1,40}"
_HAN = "\u4e00-\u9fff"
# Chat platforms that make a "group" a chat group rather than a therapy group.
_PLATFORM = r"WhatsApp|Snapchat|Telegram|Discord|Viber|Messenger|Signal|Facebook|Instagram|Teams"

_HANDLE = re.compile(
    # en: a Snapchat group called "X", page "X", server name "X", guest "X"; "X" realm / server
    rf"\b(?:(?:{_PLATFORM}){_H}+group{_H}+(?:called|named)|(?:chat|page|server|realm|channel|account|clan|guest)"
    rf"(?:{_H}+(?:called|named))?:?){_H}*\"(?P<a>{_Q})\""
    rf"|\"(?P<b>{_Q})\"{_H}+(?:realm|server|clan|group chat)\b"
    rf"|\bgamertag{_H}+(?P<c>[A-Za-z][\w.]{{2,30}})"
    # cs: skupina „X“ na Snapchatu, stránka „X“, na Discordu („X“)
    rf"|\b(?:[Ss]erver|[Ss]tránk|[Kk]anál|[Pp]rofil|[Cc]hat)[a-zěůí]*{_H}*„(?P<d>{_Q})“"
    rf"|\b[Ss]kupin[a-zěůí]*{_H}*„(?P<j>{_Q})“(?={_H}+na{_H}+(?:{_PLATFORM}))"
    rf"|\bna{_H}+(?:Discordu|Snapchatu|Instagramu|WhatsAppu|Messengeru){_H}*\(„(?P<e>{_Q})“\)"
    # ru, kk: сервер «X», чат «X»; «X» WhatsApp тобында / серверінде / кланында
    rf"|(?:[Чч]ат|[Сс]ервер|[Кк]анал|[Пп]аблик|[Кк]лан)[а-яё]*{_H}*«(?P<f>{_Q})»"
    rf"|«(?P<g>{_Q})»{_H}+(?:деген{_H}+)?(?:(?:{_PLATFORM}){_H}+тоб|(?:(?:{_PLATFORM}){_H}+)?(?:сервер|клан|чат|канал|парақша))"
    r"[а-яәіңғүұқөһ]*"
    # «Крипта 18+», "The Vault 18+": a server or group for adults, by its age mark
    rf"|[«\"“„](?P<k>[^\"“”„«»\n]{{1,30}}?18\+)[»\"”“]"
    # id603411870: a numeric VK account
    rf"|(?<![\w@/.=])(?P<l>id\d{{6,12}})(?![\w])"
    # zh: 账号“X”, 小号“X”, 网友“X”, 昵称“X”, 上叫“X”; QQ群 123456, QQ号 123456
    rf"|(?:账号叫?|小号|网友|昵称|用户名|上叫|群名)“(?P<h>[^“”\n]{{1,30}})”"
    rf"|QQ(?:群|号)?{_H}*(?P<i>\d{{5,12}})(?!\d)"
)

_ORG = re.compile(
    # en: works at "X", on "X", through "X", goes to "X"
    rf"\b(?:at|on|through|via|to|from|joined){_H}+\"(?P<a>[A-Z][^\"\n]{{1,40}})\""
    # cs: v „X“, přes „X“, do „X“, majitelkou „X“
    rf"|\b(?:v|ve|na|přes|do|u|z|ze|majitel\w*){_H}+„(?P<b>[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][^„“\n]{{1,40}})“"
    # kk: «X» арқылы, «X» қосымшасы
    rf"|«(?P<d>{_Q})»{_H}+(?=арқылы|қосымша)"
    # zh: 在“X”上班, 通过“X”借, 网吧“X”, 开了一家店“X”
    rf"|(?:在|去|通过|网吧|网咖|店)“(?P<e>[^“”\n]{{2,20}})”(?![里中])"
    rf"|“(?P<f>[^“”\n]{{2,20}})”(?=上班|工作|打工|借|上刷)"
)

# zh: an account's number or name after its word (账号1729904418, 那个号叫X, 公众号：X), a blogger
# watched on a platform (在B站看了X的视频), a group chat joined by name (拉你进“X”, 加入“X”)
_ZH_ACCOUNT = re.compile(
    r"(?:账号|帐号|QQ号|微信号|抖音号|快手号|UID)[：:是为]?[^\S\n]*(?P<a>\d{5,12})(?!\d)"
    r"|号叫(?P<b>[^\s，。、；：“”\"（）()]{2,20})"
    r"|(?:公众号|视频号|小红书号)[：:][^\S\n]*(?P<c>[^\s，。、；（）()]{2,30})"
    r"|(?:B站|抖音|快手|小红书|微博)上?(?:看了?|关注了?|刷到了?)(?P<d>[^\s，。、；“”的]{2,20})的(?:视频|直播|动态)"
    r"|(?:拉你进|拉我进|拉进|进了|加入了?|退出了?)“(?P<e>[^“”\n]{2,30})”"
    r"|“(?P<f>[^“”\n]{1,30}群\d{0,3})”"
)
# cs, en, ru, kk: a chat group's quoted name that holds a class or a year, after the word for a
# group or chat ("do skupiny „8C bez učitelů“", group chat "7B girls", «10А тек біз» тобына)
_GROUP_WORD = (
    r"(?:[Ss]kupin\w*|[Gg]roup(?:[^\S\n]+chat)?|[Cc]hat\w*|[Чч]ат\w*|[Гг]рупп\w*|тоб\w*|беседк?\w*)"
)
_CLASS_NAME = re.compile(
    r"(?P<q>[^„“”\"«»\n]{0,30}?(?<![\w.])\d{1,2}\.?[^\S\n]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ](?![\w.])[^„“”\"«»\n]{0,30}?"
    r"|[^„“”\"«»\n]{1,30}?[^\S\n]\d{2}(?![\w.]))"
)
_GROUP_QUOTED = re.compile(
    rf"{_GROUP_WORD}(?:{_H}+[^\s„“\"«]{{1,15}}){{0,2}}{_H}*[„“\"«]{_CLASS_NAME.pattern}[“”\"»]"
    rf"|[„“\"«]{_CLASS_NAME.pattern.replace('?P<q>', '?P<r>')}[“”\"»]{_H}*(?:[\w-]*{_H}*)?"
    r"(?:телеграм|ватсап|вотсап|WhatsApp|Telegram)?[\w-]*(?:тоб|чат|групп|skupin)"
)
# A kindergarten's or school's class by its quoted name: třída „Berušky“, the "Hedgehogs" room
_CLASS_QUOTED = re.compile(
    rf"(?<![\w-])(?:třída|třídy|třídě|třídu|oddělení){_H}+„(?P<a>[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][^„“\n]{{1,25}})“"
    rf"|\"(?P<b>[A-Z][a-z]+(?:{_H}[A-Z][a-z]+)?)\"{_H}+(?:class|room)\b"
)
# zh: a quoted shop with its type word after it, whole: “X”琴行
_ZH_SHOP = re.compile(
    r"“[^“”\n]{2,20}”(?:琴行|画室|书店|超市|网吧|网咖|餐厅|工作室|培训中心|托管班)"
)
# cs: a declined club, studio or centre with its capitalised adjective and name
# ("Tanečního studia Vlnka", "Doučovacím centru Brod Jih"); ru: the same before «…»
# ("шахматном клубе «Ладья»", "студии танца «Искра»")
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
_CLUB = re.compile(
    rf"\b[{_CS_UP}][{_CS_LO}]+(?:ého|ém|ím|ímu|ího|ý|í|é){_H}+"
    rf"(?:studi|oddíl|centr|klub|kroužk|spolk)[{_CS_LO}]*"
    rf"(?:{_H}+[{_CS_UP}][{_CS_LO}]+){{1,3}}\b"
    rf"|(?<![а-яё-])(?:[а-яё]+-)?[а-яё]{{3,}}(?:ом|ой|ем|ей|ый|ий|ая|ое|ого|ую){_H}+"
    rf"(?:клуб|студи|секци|кружк?|школ)[а-яё]*{_H}+(?:[а-яё]{{3,}}{_H}+)?«[^«»\n]{{1,40}}»"
    rf"|(?<![а-яё-])(?:клуб|студи|секци|кружк?|школ)[а-яё]*{_H}+[а-яё]{{3,}}{_H}+«[^«»\n]{{1,40}}»"
)
# zh: one character of a road's name (not a district's end, a verb of living or moving, 与)
_ROAD = rf"(?:(?![区市县镇省在住址到搬去与的，。、])[{_HAN}])"
# zh: a road crossing, with what follows it (a corner, a distance, an estate's building)
_CROSS = re.compile(
    rf"{_ROAD}{{1,6}}?(?:路|街|大道)与{_ROAD}{{1,6}}?(?:路|街|大道)交叉口"
    rf"(?:[东南西北]{{1,2}}角|[东南西北]\d{{1,4}}米)?"
    rf"(?:[{_HAN}]{{2,8}}?(?:小区|大厦|花园|公寓)(?:\d{{1,3}}(?:栋|号楼|幢))?(?:\d{{1,3}}楼)?)?"
)
# zh: 书院路二段45号附2号, 和平东路二段118巷5弄3号, 金榜社区26号之3
_ZH_NO = re.compile(
    rf"{_ROAD}{{1,8}}?(?:路|街|大道|社区)(?:[一二三四五六七八九十]段)?(?:\d{{1,4}}巷)?(?:\d{{1,4}}弄)?"
    rf"\d{{1,5}}号(?:附\d{{1,4}}号|之\d{{1,4}})"
    rf"|{_ROAD}{{1,8}}?(?:路|街)(?:[一二三四五六七八九十]段(?:\d{{1,4}}巷)?|\d{{1,4}}巷)(?:\d{{1,4}}弄)?\d{{1,5}}号"
)
# a bare room after a lodging: ", pokoj č. 9", ", комната 9", "（同和店）512房"
_ROOM = re.compile(
    rf"(?<=,{_H})(?:pokoj{_H}+č\.|комната|бөлме){_H}*(?:№{_H}*)?\d{{1,4}}(?!\d)"
    rf"|(?<=[）)店馆])\d{{2,4}}(?:房|室)"
)


def find(text: str) -> Iterator[Span]:
    """The handles, organisations and address parts that their cue words give away."""
    for pattern, kind in ((_HANDLE, "HANDLE"), (_ORG, "ORG")):
        for m in pattern.finditer(text):
            for group, value in m.groupdict().items():
                if value is not None and value.strip():
                    yield Span(m.start(group), m.end(group), kind, "pattern")
    for pattern in (_ZH_ACCOUNT, _GROUP_QUOTED):
        for m in pattern.finditer(text):
            group = next(g for g, v in m.groupdict().items() if v)
            yield Span(m.start(group), m.end(group), "HANDLE", "pattern")
    for m in _CLASS_QUOTED.finditer(text):
        group = "a" if m.group("a") else "b"
        yield Span(m.start(group), m.end(group), "CLASS", "pattern")
    for m in (*_CLUB.finditer(text), *_ZH_SHOP.finditer(text)):
        yield Span(m.start(), m.end(), "ORG", "pattern")
    for pattern in (_CROSS, _ZH_NO, _ROOM):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "ADDRESS", "pattern")
