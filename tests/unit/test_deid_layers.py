"""Unit tests of the de-identification layers: one small case per pattern or rule."""

from __future__ import annotations

from praxishub.cases import ner, persons, places, structured
from praxishub.cases.engine import Deidentifier


def _found(spans, text: str) -> set[str]:
    return {text[s.start : s.end] for s in spans}


def test_czech_date_with_spaces_keeps_year() -> None:
    """Is a Czech date '29. 12. 2011' masked but its year kept?"""
    out = Deidentifier(language="cs").text("nar. 29. 12. 2011, další 22. 3.")
    assert "29. 12." not in out and "2011" in out and "22. 3." not in out


def test_russian_and_kazakh_year_words_are_masked() -> None:
    """Are '2 апреля 2024 г.' and '2024 жылғы 4 наурызда' masked, the year and its words kept in place?"""
    assert (
        Deidentifier(language="ru").text("встреча 2 апреля 2024 г.") == "встреча [ДАТА_1] 2024 г."
    )
    out = Deidentifier(language="kk").text("2024 жылғы 4 наурызда келді")
    assert out == "2024 жылғы [ДАТА_1] келді"


def test_chinese_resident_id_next_to_han() -> None:
    """Is a Chinese resident ID found right after 身份证号 (where \\w would join them)?"""
    text = "身份证号11010519491231002X，电话"
    assert "11010519491231002X" in _found(structured.national_ids(text), text)


def test_handles_without_at() -> None:
    """Are handles after 'ником' and '账号' found, and '@' handles after Chinese text?"""
    for text, handle in [
        ("с ником k1r_mel в чате", "k1r_mel"),
        ("用账号wang_2010发视频", "wang_2010"),
        ("小红书账号@lin_0520看", "@lin_0520"),
    ]:
        assert handle in _found(structured.web(text), text)


def test_record_numbers() -> None:
    """Are record numbers after '#', 'карточка обращения №' and '编号' found?"""
    for text, number in [
        ("log #CT-448217", "CT-448217"),
        ("карточка обращения № 24-01187", "24-01187"),
        ("记录（编号HL20240308117）", "HL20240308117"),
    ]:
        assert number in _found(structured.national_ids(text), text)


def test_organisations() -> None:
    """Are hospitals and centres named by adjectives or quotes found as organisations?"""
    for text, org in [
        ("в Центре психологической помощи «Доверие».", "Центре психологической помощи «Доверие»"),
        ("Самарская областная детская больница, г.", "Самарская областная детская больница"),
        ("doporučila Krajskou dětskou nemocnici Zlín.", "Krajskou dětskou nemocnici Zlín"),
        ("GP at Riverside Medical Practice.", "Riverside Medical Practice"),
    ]:
        assert org in _found(places.organisations(text), text)


def test_school_legal_form_and_quoted_name() -> None:
    """Is 'МБОУ «СОШ № 5»' one school, and a Kazakh '«Айгөлек» балабақшасы'?"""
    text = "учится в МБОУ «СОШ № 5», сестра в «Айгөлек» балабақшасына"
    assert {"МБОУ «СОШ № 5»", "«Айгөлек» балабақшасына"} <= _found(places.schools(text), text)


def test_town_after_street_address() -> None:
    """Are the town, state and ZIP after a street address found?"""
    text = "Address: 12 Oak Street, Springfield, OR 97477."
    found = _found(places.addresses(text), text)
    assert {"Springfield", "OR", "97477"} <= found


def test_kazakh_district() -> None:
    """Is 'Алмалы ауданы' (with a case ending) a place?"""
    text = "Сарыарқа ауданында тұрады"
    assert "Сарыарқа ауданында" in _found(places.places(text), text)


def test_persons_by_context() -> None:
    """Are 'Ms. Morgan', 'J. Mensah' and a nickname in quotes found?"""
    text = 'Ms. Morgan and J. Mensah agreed. Mom calls him "Benny".'
    assert {"Morgan", "J. Mensah", "Benny"} <= _found(persons.find(text), text)


def test_seen_chinese_given_name() -> None:
    """Once 王一鸣 is found, are 一鸣 and 鸣鸣 masked later in the same text?"""
    tool = Deidentifier(language="zh", names=["王一鸣"])
    out = tool.text("孩子王一鸣十岁。一鸣说，妈妈叫他鸣鸣。")
    assert "一鸣" not in out and "鸣鸣" not in out


def test_seen_czech_name_declined() -> None:
    """Once 'Zuzana Malá' is found, is the declined 'Zuzaně' masked, and a common word left?"""
    tool = Deidentifier(language="cs")
    out = tool.text("Manželka Zuzana Veselá přišla. S paní Zuzanou jsme mluvili.")
    assert "Zuzan" not in out


def test_seen_name_does_not_mask_lower_case_word() -> None:
    """Is 'will' the verb left when 'Will' the name was found?"""
    out = Deidentifier(language="en").text(
        "The chat was started by Will Harper. She will report it."
    )
    assert "She will report" in out and "Will Harper" not in out


def test_handles_after_platform_and_account_words() -> None:
    """Are user names without an @ found after a platform, account or nickname word?"""
    for text, handle in [
        ("Na Twitchi streamuje jako bobr_707 každý večer.", "bobr_707"),
        ("z anonymního účtu mlha.x2 jí píše", "mlha.x2"),
        ("Тиктоктағы аккаунты — sezim_11; сонда жазады.", "sezim_11"),
        ("His Steam name is gh0stfox and he plays nightly.", "gh0stfox"),
        ("他的快手号是xiaoyu_88，每天直播。", "xiaoyu_88"),
        ("she posts on Reddit as u/tired_owl_lz", "u/tired_owl_lz"),
        ("游戏昵称是“星星不眨眼”，同学都知道。", "星星不眨眼"),
    ]:
        assert handle in _found(structured.web(text), text), text


def test_handle_words_with_other_senses_need_a_made_up_name() -> None:
    """Is 'Risk profile: Low' left, while 'profile: daisy_k4' is a handle?"""
    assert not _found(structured.web("Risk profile: Low. Account: none"), "")
    text = "Instagram profile: daisy_k4"
    assert "daisy_k4" in _found(structured.web(text), text)


def test_record_numbers_with_letter_groups_and_bold_labels() -> None:
    """Are 'Č. j.: OSPOD-B/221/23', 'ref. KMC-5120', '**编号：** SZ-2023-1187' and an SSN found?"""
    for text, number in [
        ("Č. j.: OSPOD-B/221/23, vyřizuje", "OSPOD-B/221/23"),
        ("seen through the clinic (ref. KMC-5120).", "KMC-5120"),
        ("**档案编号：** SZ-2023-1187", "SZ-2023-1187"),
        ("SSN: 412-67-3050", "412-67-3050"),
    ]:
        assert number in _found(structured.national_ids(text), text), text


def test_dates_with_ordinals_quotes_and_kazakh_genitive_year() -> None:
    """Are '21-го мая', '«7» октября 2022' and '2021 жылдың 3 қыркүйегі' masked as dates?"""
    for text, date in [
        ("перенесли на 21-го мая", "21-го мая"),
        ("«7» октября 2022 г.", "«7» октября 2022 г."),
        ("2021 жылдың 3 қыркүйегінде келді", "2021 жылдың 3 қыркүйегінде"),
    ]:
        assert date in _found(structured.dates(text), text), text


def test_ages_over_89_without_a_unit() -> None:
    """Are 'who is 96' and 'je jí 91' ages, and 'score is 95' or 'who is 70' not?"""
    text = "Her uncle, who is 96, visits. Babička, je jí 91, žije sama."
    assert {"96", "91"} <= _found(structured.ages(text), text)
    assert not _found(structured.ages("IQ score is 95; a neighbour who is 70."), "")


def test_organisations_by_type_word_and_legal_form() -> None:
    """Are organisations named by a type word or legal form and a name found, in each language?"""
    for text, org in [
        ("ГАУЗ «Центр „Семья“ для детей», 2-е отделение", "ГАУЗ «Центр „Семья“ для детей»"),
        ("в благотворительный фонд «Тёплый дом».", "фонд «Тёплый дом»"),
        ("«Нұр» отбасылық орталығына барды", "«Нұр» отбасылық орталығына"),
        ("do Střediska výchovné péče Maják a pak", "Střediska výchovné péče Maják"),
        ("zaměstnán u Kovo Lipník, s. r. o. od roku", "Kovo Lipník, s. r. o."),
        ("funded by Brightwater Family Foundation in 2022", "Brightwater Family Foundation"),
        ("works for Tallow & Reed Ltd.", "Tallow & Reed Ltd."),
    ]:
        assert org in _found(places.organisations(text), text), text


def test_generic_organisation_words_are_no_names() -> None:
    """Are 'The Family Trust', 'Early Help Services' and a 'проективная методика' left?"""
    text = "The Family Trust paid; Early Help Services; проективная методика «Кактус»."
    assert not _found(places.organisations(text), text)


def test_chinese_organisations_need_a_proper_name() -> None:
    """Is '苏州枫桥心理咨询工作室' an organisation, and '去医院' or '心理咨询中心' alone not?"""
    text = "建议到苏州枫桥心理咨询工作室复诊，或者去医院，或者找心理咨询中心。"
    found = {text[s.start : s.end] for s in ner.find(text, "zh") if s.kind == "ORG"}
    assert "苏州枫桥心理咨询工作室" in found
    assert not {"医院", "心理咨询中心"} & found


def test_schools_written_every_way() -> None:
    """Are numbered, named and quoted schools found in Russian, Kazakh, Czech and English?"""
    for text, school in [
        ("ходил в детский сад № 31 «Берёзка», потом", "детский сад № 31 «Берёзка»"),
        ("учится в лицее имени Н. И. Лобачевского. Мама", "лицее имени Н. И. Лобачевского"),
        (
            "Құрманғазы атындағы № 4 жалпы білім беретін мектепте",
            "Құрманғазы атындағы № 4 жалпы білім беретін мектепте",
        ),
        ("studuje na Gymnáziu Pod Skalou. Potom", "Gymnáziu Pod Skalou"),
        ("He moved to Hollins Lane Primary last year.", "Hollins Lane Primary"),
    ]:
        assert school in _found(places.schools(text), text), text
    assert not _found(places.schools("High School was hard. The School called."), "")


def test_addresses_in_more_shapes() -> None:
    """Are a directional US street, a UK 'Walk' with district and town, a two-word Kazakh street
    and a Chinese compound, building, unit and room found?"""
    text = "Address: Flat 2, 88 SE Willow Mews, Harehills, Leeds LS8 5QP"
    found = _found(places.addresses(text), text)
    assert {"Flat 2, 88 SE Willow Mews", "Harehills", "Leeds", "LS8 5QP"} <= found
    for text, address in [
        ("Мекенжайы: Кенесары хан көшесі, 9-үй, 14-пәтер", "Кенесары хан көшесі, 9-үй, 14-пәтер"),
        ("住在建国路8号院2号楼3单元605。", "建国路8号院2号楼3单元605"),
    ]:
        assert address in _found(places.addresses(text), text), text


def test_village_and_postcode_after_bold_label() -> None:
    """Are 'д. Малиновка' a place and '**邮编：** 310012' a postcode?"""
    text = "живёт в д. Малиновка с бабушкой"
    assert "Малиновка" in _found(places.places(text), text)
    text = "**邮编：** 310012"
    assert "310012" in _found(places.addresses(text), text)


def test_persons_by_title_kinship_and_introduction() -> None:
    """Are 'Rabbi Stern', 'her stepdad, Curtis', a quoted Kazakh name before 'деп', a Czech name
    after 'jmenuje se' and the surname in '程督导' found?"""
    text = "Rabbi Stern called. Her stepdad, Curtis, left. Өзін «Бекa» деп таныстырды. Jmenuje se Vilém."
    assert {"Stern", "Curtis", "Vilém"} <= _found(persons.find(text), text)
    text = "复核：程督导"
    assert "程" in {text[s.start : s.end] for s in ner.find(text, "zh")}


def test_introduced_name_recurs_declined_at_sentence_start() -> None:
    """Once 'jmenuje se Karel', is 'Karla' masked at a sentence start (the mobile e dropped)?"""
    out = Deidentifier(language="cs").text("Syn se jmenuje Karel. Karla to baví. S Karlem mluvila.")
    assert "Karel" not in out and "Karla" not in out and "Karlem" not in out


def test_possessive_first_name_at_sentence_start() -> None:
    """Is "Maisie's" masked at a sentence start once Maisie was found?"""
    out = Deidentifier(language="en").text("Her friend Maisie came. Maisie's mother phoned.")
    assert "Maisie" not in out


def test_diminutive_of_a_found_czech_name() -> None:
    """Once 'Magdaléna' is found, is her diminutive 'Magdu' masked?"""
    out = Deidentifier(language="cs").text("Přišla Magdaléna Horká. Chce pozvat i Magdu.")
    assert "Magd" not in out
