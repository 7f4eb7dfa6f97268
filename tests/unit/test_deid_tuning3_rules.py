"""Focused checks of the rules added while tuning on tests/fixtures/deid/tuning3/ (all text invented)."""

from __future__ import annotations

import pytest

from praxishub.cases import places, structured


def kinds(spans, text):
    return {(s.kind, text[s.start : s.end]) for s in spans}


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        (
            "21:47  vlk_bily07: ahoj\n21:48  Poradna Lipka: Dobrý den\n21:49  Poradna Lipka: ok",
            "Poradna Lipka",
        ),
        ("9:47 PM  sam.k12: hey", "sam.k12"),
        ("играет в клане «Серые Совы» каждый вечер", "Серые Совы"),
        ('posted in a Discord server "Mill Lane Lads 07" last week', "Mill Lane Lads 07"),
        ("его ник Петька Гром 2011", "Петька Гром 2011"),
        ("his xbox tag is Jonny Blaze 2010", "Jonny Blaze 2010"),
        ("同学拉她进了QQ群“七二班闲聊群”", "七二班闲聊群"),
        ("他游戏名叫飞龙 在天，每天都玩", "飞龙 在天"),
        ("na Discordu si píše s uživatelem mlha_nad_reko55.", "mlha_nad_reko55"),
    ],
)
def test_handles(text, handle):
    assert ("HANDLE", handle) in kinds(structured.find(text, "en"), text)


def test_a_timed_line_said_once_without_a_made_up_name_is_no_handle():
    text = "10:30  Konzultace: rodiče\n11:00  Přestávka"
    assert not [s for s in structured.find(text, "cs") if s.kind == "HANDLE"]


def test_a_quoted_therapy_group_is_no_handle():
    text = "Chodí do skupiny „Spolu“ a napsala do třídního chatu, že „je to v pohodě“."
    assert not [s for s in structured.find(text, "cs") if s.kind == "HANDLE"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Bydlí na adrese třídy Míru 12 u babičky.", "třídy Míru 12"),
        ("trvalé bydliště Horní Lhotka 14, okres Zlín", "Horní Lhotka 14"),
        ("ул. 40 лет ВЛКСМ, д. 3, кв. 7", "ул. 40 лет ВЛКСМ, д. 3, кв. 7"),
        ("Айман батыр к-сі, 12-үй", "Айман батыр к-сі, 12-үй"),
        ("住在杨柳村二组7号", "杨柳村二组7号"),
        ("住校生（学生公寓3栋215室）", "学生公寓3栋215室"),
        ("staying at the Seaview Inn, Room 7.", "Room 7"),
    ],
)
def test_addresses(text, address):
    found = kinds(places.find(text), text)
    assert ("ADDRESS", address) in found, found


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Выписка планируется двадцать пятого марта.", "DATE", "двадцать пятого марта"),
        ("### 07.IV.2026", "DATE", "07.IV.2026"),
        ("Шығару сәуірдің 12-сі жоспарланған.", "DATE", "сәуірдің 12-сі"),
        ("计划四月十二日出院", "DATE", "四月十二日"),
        ("сестра, которой девяносто два.", "AGE", "девяносто два"),
        ("his great-aunt, who is ninety-three, lives there", "AGE", "ninety-three"),
        ("полис ОМС 1234 5678 9012 3456, СНИЛС", "ID", "1234 5678 9012 3456"),
        ("Заключение №   215/26", "ID", "215/26"),
        (
            "support group (kindparents-leeds.example.org), coordinator",
            "URL",
            "kindparents-leeds.example.org",
        ),
    ],
)
def test_dates_ages_ids_urls(text, kind, value):
    assert (kind, value) in kinds(structured.find(text, "en"), text)
