"""Round 8 (tuning7 and tuning6): lowercase transcripts, comment sections, sign-offs, Latin names in
Chinese notes, organisations' informal shapes, bill and meeting numbers, group names, address
edges, Chinese school and place shapes, diminutives."""

from __future__ import annotations

from praxishub.cases import (
    addressedges,
    chatnames,
    cuewords,
    informal,
    nameedges,
    orgedges,
    persons,
    precision,
    references,
    zhshapes,
)
from praxishub.cases.engine import Deidentifier
from praxishub.cases.spans import Span


def _texts(spans: list, text: str) -> set[str]:
    return {text[s.start : s.end] for s in spans}


def _masked(text: str, language: str) -> set[str]:
    tool = Deidentifier()
    return {text[s.start : s.end] for s in tool.spans(text, language)}


def test_lowercase_transcript_names() -> None:
    ru = "> алло это мама вани здравствуйте короче ваню опять обижает серёжа из параллели"
    found = _texts(list(chatnames.find(ru, "ru")), ru)
    assert "серёжа" in found
    ru_words = "> короче у нас дома живёт роза в горшке и лев на картинке висит вот"
    assert not list(chatnames.find(ru_words, "ru"))
    cs = "> dobrý den tady máma, honzy z páté třídy, honza se bojí jít do školy a metody nefungují"
    found = _texts(list(chatnames.find(cs, "cs")), cs)
    assert "honzy" in found and "honza" in found and "metody" not in found
    kk = "> апай сәлеметсіз бе мен дильнараның анасымын бақыт керек бізге көмектесіңіз"
    found = _texts(list(chatnames.find(kk, "kk")), kk)
    assert "дильнараның" in found and "бақыт" not in found


def test_comment_section_authors_are_handles() -> None:
    text = (
        "> Petra Malá: Who teaches 4B?\n\nReplies:\nDana Kos: not me\ncoolmum_77: same here\n"
        "Petra Malá: @Dana Kos thanks\n\nComments:\n\nA normal paragraph: with a colon."
    )
    found = _texts(list(informal.comments(text)), text)
    assert {"Dana Kos", "coolmum_77", "Petra Malá"} <= found
    assert "A normal paragraph" not in found


def test_sign_off_and_initials_before_a_verb() -> None:
    text = "Keys are at reception. — R.\nО. П. сообщила, что всё хорошо.\nВ. К. Ш.: пропусков нет"
    found = _texts(list(informal.initials(text)), text)
    assert {"R.", "О. П.", "В. К. Ш."} <= found


def test_latin_given_names_in_chinese_notes() -> None:
    text = "今天Brandon又来找她。班主任Miss Liang说，Olivia和她同桌。"
    found = _texts(list(persons.find(text)), text)
    assert {"Brandon", "Miss Liang", "Olivia"} <= found


def test_chinese_names_after_roles_and_doubled_nicknames() -> None:
    text = "个案：龚子航，初二。留守儿童柏雨桐（桐桐），外婆在家。"
    found = _texts(list(persons.find(text)), text)
    assert {"龚子航", "柏雨桐", "桐桐"} <= found


def test_initial_after_a_surname_grows_the_name() -> None:
    text = "Музыка (Серикбаева Д.) и физкультура"
    spans = [Span(text.index("Серикбаева"), text.index("Серикбаева") + 10, "PERSON", "natasha")]
    grown = _texts(list(nameedges.grown(text, spans, "kk")), text)
    assert "Серикбаева Д." in grown


def test_informal_organisation_shapes() -> None:
    text = (
        "работает в ИП Мельникова А. В., отчёт в УСЗН по Заводскому району, жалоба в прокуратуру "
        "Советского района; звонок в ОДН ОП № 7 «Северный»; Саша из лицея на Гоголя; "
        "kontakt: Institut pro rodinu Beroun; she moved to Ridgeview High; 妈妈在鼓楼西医院上班"
    )
    found = _texts(list(orgedges.find(text)), text)
    assert {
        "ИП Мельникова А. В.",
        "УСЗН по Заводскому району",
        "прокуратуру Советского района",
        "ОДН ОП № 7 «Северный»",
        "лицея на Гоголя",
        "Institut pro rodinu Beroun",
        "Ridgeview High",
        "鼓楼西医院",
    } <= found
    assert not list(orgedges.find("她现在住在医院，去附近的医院看病"))


def test_organisation_edges() -> None:
    text = "справка из Медтехники на Советской, referred to Harbour Young Minds today"
    spans = [
        Span(text.index("Медтехники"), text.index("Медтехники") + 10, "PLACE", "natasha"),
        Span(text.index("Советской"), text.index("Советской") + 9, "PLACE", "natasha"),
        Span(text.index("Young"), text.index("Young") + 11, "ORG", "pattern"),
    ]
    grown = _texts(list(orgedges.grown(text, spans)), text)
    assert {"Медтехники на Советской", "Harbour Young Minds"} <= grown


def test_bill_meeting_and_letter_numbers() -> None:
    text = (
        "FAKTURA č. 2025-0142; КВИТАНЦИЯ № 0093; NPI 1234567893; 腾讯会议号 512 334 908; "
        "заключение от 02.02.2025 № К-7731; 公（刑）函字〔2025〕第0311号; материал ЕРДР № 251000000123"
    )
    found = _texts(list(references.find(text)), text)
    assert {
        "2025-0142",
        "0093",
        "1234567893",
        "512 334 908",
        "К-7731",
        "函字〔2025〕第0311号",
        "251000000123",
    } <= found


def test_group_names_accounts_and_quoted_classes() -> None:
    text = (
        "přidali ji do skupiny „7B jen holky“; 他拉你进“初一五班摸鱼群”；账号28817365；那个号叫小熊不吃糖 你看；"
        '«Логово 18+» сервері; id55120934 жазды; třída „Sluníčka“; the "Owls" class'
    )
    found = _texts(list(cuewords.find(text)), text)
    assert {
        "7B jen holky",
        "初一五班摸鱼群",
        "28817365",
        "小熊不吃糖",
        "Логово 18+",
        "id55120934",
        "Sluníčka",
        "Owls",
    } <= found
    therapy = 'chodí do skupiny „Spolu“ a do our "Together" group'
    assert not list(cuewords.find(therapy))


def test_address_edges_and_villages() -> None:
    ru = "Адрес: ул. 5-я линия, д. 12, кв. 40."
    spans = [Span(ru.index("ул."), ru.index("ул.") + 7, "ADDRESS", "pattern")]
    assert "ул. 5-я линия, д. 12, кв. 40" in _texts(list(addressedges.grown(ru, spans, "ru")), ru)
    cs = "Bydlí Zhoř 14, dříve sídliště Lesná, Okružní 8"
    found = _texts(list(addressedges.find(cs)), cs)
    assert "Zhoř 14" in found
    spans = [Span(cs.index("Okružní"), len(cs), "ADDRESS", "pattern")]
    assert "sídliště Lesná, Okružní 8" in _texts(list(addressedges.grown(cs, spans, "cs")), cs)
    zh = "家住福田区景田花园2期8栋1203，奶奶住东大街12号院5号楼"
    found = _texts(list(addressedges.find(zh)), zh)
    assert "东大街12号院5号楼" in found and any(f.endswith("景田花园2期8栋1203") for f in found)


def test_chinese_school_and_place_shapes() -> None:
    text = "她在育才三中读书，后来去了松江学院。老家在河南省周口市，现在住官渡区那边。"
    found = _texts(list(zhshapes.find(text)), text)
    assert {"育才三中", "松江学院", "周口市", "官渡区"} <= found
    assert not list(zhshapes.find("初一中午在小区那边吃饭，他去了医学院"))


def test_diminutives_and_bracketed_names() -> None:
    text = "Вчера у нас был Димочка с мамой, а Девочка ушла."
    found = _texts(list(nameedges.diminutives(text, "ru")), text)
    assert found == {"Димочка"}
    en = "- Kuba (Jakub Nowak, 14): settled. Lily-Rose asked for Mateo (Teo to friends)."
    spans = [
        Span(en.index("Jakub"), en.index("Jakub") + 11, "PERSON", "names"),
        Span(en.index("Mateo"), en.index("Mateo") + 5, "PERSON", "names"),
    ]
    found = _texts(list(nameedges.bracketed(en, spans)), en)
    assert {"Kuba", "Teo"} <= found
    assert "Lily-Rose" in _texts(list(nameedges.nicknames(en)), en)


def test_code_table_header_is_not_a_name() -> None:
    text = (
        "```\nКүні      Отбасы / бала      Мекенжай\n02.03     Ахметовтар         Абай к-сі 5\n```"
    )
    spans = [Span(text.index("Мекенжай"), text.index("Мекенжай") + 8, "PERSON", "natasha")]
    assert not precision.keep(text, spans, "kk")


def test_engine_masks_an_informal_voice_message() -> None:
    text = "> алло это мама артёма из пятого бэ короче артёма опять обижает ваня петров\n"
    found = _masked(text, "ru")
    assert any("ваня" in f for f in found)


def test_lowercase_surnames_places_and_hyphenated_names() -> None:
    ru = "> алло это мама дениса карпухина а училка смирнова опять кричит а папа в тюмени на вахте"
    found = _texts(list(chatnames.find(ru, "ru")), ru)
    assert {"дениса карпухина", "смирнова", "тюмени"} <= found
    countries = "> короче мы летом были в германии и в турции а потом дома сидели"
    assert not list(chatnames.find(countries, "ru"))
    en = "> hiya it's about my girl she says rosie-may and the teacher will not listen"
    found = _texts(list(chatnames.find(en, "en")), en)
    assert "rosie-may" in found and "will" not in found


def test_english_service_names_and_chinese_titles() -> None:
    text = (
        "Referred to Harbourside Family Support; she calls Riverbend Teen Line; Early Help Services"
    )
    found = _texts(list(orgedges.find(text)), text)
    assert {"Harbourside Family Support", "Riverbend Teen Line"} <= found
    assert "Early Help Services" not in found
    zh = "我联系了班主任钟老师，材料已交给民警鲁警官。"
    found = _texts(list(persons.find(zh)), zh)
    assert {"钟", "鲁"} <= found


def test_names_joined_by_and_or_a_bracket() -> None:
    text = "Bill to: Tomas and Greta Lindqvist; Kit (Christopher) Vale"
    spans = [
        Span(text.index("Tomas"), text.index("Tomas") + 5, "PERSON", "names"),
        Span(text.index("Greta"), text.index("Greta") + 15, "PERSON", "names"),
        Span(text.index("Kit"), text.index("Kit") + 3, "PERSON", "names"),
        Span(text.index("Vale"), text.index("Vale") + 4, "PERSON", "names"),
    ]
    found = _texts(list(nameedges.bracketed(text, spans)), text)
    assert {"Tomas and Greta Lindqvist", "Kit (Christopher) Vale"} <= found


def test_class_ranges_and_chinese_class_codes() -> None:
    from praxishub.cases import grades

    text = "жиналыс 7–8-сыныптар үшін"
    spans = [Span(text.index("8-"), text.index(" үшін"), "CLASS", "pattern")]
    assert "7–8-сыныптар" in _texts(list(grades.grown(text, spans)), text)
    zh = "学生小林（会计2403班），弟弟在预备（2）班"
    assert {"会计2403班", "预备（2）班"} <= _texts(list(grades.zh_classes(zh)), zh)


def test_organisations_joined_to_their_parent_and_namesake() -> None:
    text = "Отделение «Доверие» при ГБУ «Центр семьи»; ГБУЗ «Больница № 2» имени И. П. Павлова; «Арай»-да"
    first = text.index("Отделение")
    parent = text.index("ГБУ")
    hospital = text.index("ГБУЗ")
    spans = [
        Span(first, text.index(" при"), "ORG", "pattern"),
        Span(parent, text.index(";"), "ORG", "pattern"),
        Span(hospital, text.index(" имени"), "ORG", "pattern"),
        Span(text.index("Арай"), text.index("Арай") + 4, "PLACE", "natasha"),
    ]
    found = _texts(list(orgedges.grown(text, spans)), text)
    assert "Отделение «Доверие» при ГБУ «Центр семьи»" in found
    assert "ГБУЗ «Больница № 2» имени И. П. Павлова" in found
    assert "«Арай»-да" in found


def test_quoted_name_explained_by_its_account_or_who_it_is() -> None:
    text = "群里那个“星星打怪兽”就是他；“小鱼干”的抖音号是 xy_77"
    found = _texts(list(informal.quoted(text)), text)
    assert {"星星打怪兽", "小鱼干"} <= found
    club = "занимается в школе танцев «Вихрь» и в госпитальной школой «Парус»"
    assert len(list(cuewords.find(club))) == 2


def test_czech_inns_named_u_and_display_names_posted_as() -> None:
    text = "bydlel v Penzionu U Modré hvězdy, pak v kavárně Kavárna U Sv. Jiljí"
    found = _texts(list(orgedges.find(text)), text)
    assert {"Penzionu U Modré hvězdy", "kavárně Kavárna U Sv. Jiljí"} <= found
    en = 'Dad wrote in the class group (as "Rob T 🎣") about the trip'
    assert "Rob T 🎣" in _texts(list(informal.quoted(en)), en)
