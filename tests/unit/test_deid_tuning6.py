"""Cue words (tuning6 round): chat groups and accounts, quoted services, Chinese crossings, rooms."""

from __future__ import annotations

from praxishub.cases import cuewords


def _found(text: str, kind: str | None = None) -> set[str]:
    return {text[s.start : s.end] for s in cuewords.find(text) if kind is None or s.kind == kind}


def test_chat_groups_and_accounts_are_handles() -> None:
    en = 'a Telegram group called "Year 8 memes", and the "Creeper Gang" server; gamertag NovaFox77'
    assert _found(en, "HANDLE") == {"Year 8 memes", "Creeper Gang", "NovaFox77"}
    cs = "píše na stránku „Fotbal 6.C“ a skupina „Holky z Jižáku“ na Instagramu"
    assert _found(cs, "HANDLE") == {"Fotbal 6.C", "Holky z Jižáku"}
    kk = "Ол «Бесінші қабат» WhatsApp тобында, ал «Шпион 77» серверінде ойнайды"
    assert _found(kk, "HANDLE") == {"Бесінші қабат", "Шпион 77"}
    zh = "她在小红书上叫“橘子汽水”，小号“不睡觉的猫”，QQ群 55102873 里发言"
    assert _found(zh, "HANDLE") == {"橘子汽水", "不睡觉的猫", "55102873"}


def test_therapy_groups_are_not_handles() -> None:
    text = (
        "ходит в группу «Мы растём»; chodí do skupiny „Kamarádi“; "
        'a support group "Calm Kids"; a Snapchat group "Y7 all"; «Достар» тобына қатысады'
    )
    assert not _found(text, "HANDLE")


def test_quoted_services_and_workplaces_are_orgs() -> None:
    en = 'Mum works nights at "Greenhill Bakery" and he sells trainers on "FlipBox".'
    assert _found(en, "ORG") == {"Greenhill Bakery", "FlipBox"}
    cs = "Otec pracuje v „Pekárně Rohlík“, peníze posílá přes „Rychlopůjčku“."
    assert _found(cs, "ORG") == {"Pekárně Rohlík", "Rychlopůjčku"}
    kk = "Ақшаны «Tenge Go» арқылы жібереді"
    assert _found(kk, "ORG") == {"Tenge Go"}
    zh = "妈妈在“明辉建材”上班，孩子通过“闪借宝”借钱，“星星”琴行的老师"
    assert _found(zh, "ORG") == {"明辉建材", "闪借宝", "“星星”琴行"}


def test_quotes_that_are_not_orgs() -> None:
    text = (
        'he said "I am fine"; he got "Good" on it; Je to „prostě nuda“; '
        "两人在“我的世界”里一起玩；作文里写到“不想活了”"
    )
    assert not _found(text, "ORG")


def test_chinese_crossings_and_numbered_lanes() -> None:
    text = (
        "住在洪山区珞喻路与鲁磨路交叉口西南角，后来搬到青年路三段72号附5号，外婆住永和路17巷3弄8号"
    )
    found = _found(text, "ADDRESS")
    assert "珞喻路与鲁磨路交叉口西南角" in found
    assert "青年路三段72号附5号" in found
    assert "永和路17巷3弄8号" in found
    estate = "家在青山区和平大道与建设二路交叉口丽景小区3栋"
    assert "和平大道与建设二路交叉口丽景小区3栋" in _found(estate, "ADDRESS")
    assert not _found("他说路与路之间没有交叉口", "ADDRESS")


def test_bare_rooms_after_lodgings() -> None:
    text = "bydlí na ubytovně Sever, pokoj č. 14; живёт в общежитии «Юность», комната 27; 住在如家酒店（北站店）608房"
    assert _found(text, "ADDRESS") == {"pokoj č. 14", "комната 27", "608房"}
    assert not _found("meeting at 3 pm, room 12; pokoj 5 je volný; 3房2厅", "ADDRESS")


def test_declined_clubs_and_studios() -> None:
    cs = "chodí do Šachového klubu Věž Tábor a do Keramického studia Hrnek"
    assert _found(cs, "ORG") == {"Šachového klubu Věž Tábor", "Keramického studia Hrnek"}
    ru = "занимается в шахматном клубе «Ладья» и в студии танца «Искра»"
    assert _found(ru, "ORG") == {"шахматном клубе «Ладья»", "студии танца «Искра»"}
    plain = "v Dětském centru se cítí dobře; ходит в клуб по средам; Dobrého klubu"
    assert not _found(plain, "ORG")
