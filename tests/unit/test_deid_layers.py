"""Unit tests of the de-identification layers: one small case per pattern or rule."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("孩子在学校很安静，白天由学校老师看着。", None),
        ("出院前与学校沟通，并同时通知学校。", None),
        ("她去普通学校还是家长学校？明天学校开会。", None),
        ("他在育才学校读书。", "育才学校"),
        ("转到向阳小学以后好多了。", "向阳小学"),
        ("在光明实验学校读初二。", "光明实验学校"),
    ],
)
def test_the_bare_chinese_word_school_is_no_school_name(text: str, school: str | None) -> None:
    """Is "学校" after a preposition or a verb of telling ("在学校", "由学校", "通知学校") or a
    kind of school in general ("普通学校") left alone, and a named school still found?"""
    found = _found(places.schools(text), text)
    assert found == ({school} if school else set())


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


def test_kazakh_labels_and_headings_are_no_names() -> None:
    """Are Kazakh words opening a label or heading ("Мекенжайы:", "# Тексеру ...") left, and a
    Kazakh name opening a sentence still masked?"""
    text = "# Нәтижелер\n\nМекенжайы: көрсетілмеген.\nЖоспар: бақылау. Айгерім келді."
    found = _found(ner.find(text, "kk"), text)
    assert not {"Нәтижелер", "Мекенжайы", "Жоспар"} & found
    assert "Айгерім" in found


def test_chinese_title_is_not_a_recurring_name() -> None:
    """Once 赵老师 is found, is 老师 alone left where another teacher is meant?"""
    out = Deidentifier(language="zh").text("今天赵老师来了。数学老师也说好。")
    assert "赵" not in out and "数学老师" in out


def test_institutions_with_legal_forms_and_towns() -> None:
    """Are schools and bodies written the official way found with their town, in every language?"""
    from praxishub.cases import institutions

    for text, name in [
        ("учится в МАОУ СОШ № 7 г. Ишима, 5 класс", "МАОУ СОШ № 7 г. Ишима"),
        (
            "направлен в ГБУЗ ЯО «Детская больница № 9» МЗ РФ.",
            "ГБУЗ ЯО «Детская больница № 9» МЗ РФ",
        ),
        ("запрос ПДН ОМВД России по г. Кстово пришёл", "ПДН ОМВД России по г. Кстово"),
        ("Ленинский районный суд г. Пензы вынес", "Ленинский районный суд г. Пензы"),
        ("Тараз қ. № 8 мектеп-лицейі (Тараз қ.)", "Тараз қ. № 8 мектеп-лицейі (Тараз қ.)"),
        ("«Күншуақ» балалар үйі КММ-де тұрады", "«Күншуақ» балалар үйі КММ"),
        ("Семей қаласының білім бөліміне хат", "Семей қаласының білім бөліміне"),
        ("chodí do ZŠ Lipová, Plzeň-Bory od září", "ZŠ Lipová, Plzeň-Bory"),
        ("Policie ČR, OOP Kolín-Zálabí převzala", "Policie ČR, OOP Kolín-Zálabí"),
        ("pomohl Krajský soud v Liberci.", "Krajský soud v Liberci"),
        ("referred by Oakmoor Police Department today", "Oakmoor Police Department"),
        ("pupil at Elmbrook C of E Primary School.", "Elmbrook C of E Primary School"),
        ("转介到宁波市海曙区教育局心理科。", "宁波市海曙区教育局心理科"),
    ]:
        assert name in _found(institutions.find(text), text), text
    assert not _found(institutions.find("МКБ-10 и СДВГ; проективная методика «Дом»."), "")


def test_english_named_services_need_a_name() -> None:
    """Is 'Lakeside Youth Crisis Services' an organisation, and 'Adult Social Care' not?"""
    text = "Lakeside Youth Crisis Services called; Adult Social Care was told."
    found = _found(places.organisations(text), text)
    assert "Lakeside Youth Crisis Services" in found
    assert not any("Adult" in f for f in found)


def test_school_years_and_class_letters() -> None:
    """Are '7. B', 'kvinta A', '2. třída', 'Year 8', '9th grade', '8 класс', '5-сынып', '四年级' and a
    tutor group found, and a Czech date or a score left?"""
    from praxishub.cases import institutions

    for text, cls in [
        ("žák třídy 7. B.", "7. B"),
        ("studentka kvinta A na gymnáziu", "kvinta A"),
        ("chodí do 2. třída", "2. třída"),
        ("in Year 8 at", "Year 8"),
        ("a 9th grade student", "9th grade"),
        ("учится в 8 классе", "8 классе"),
        ("5-сыныпта оқиды", "5-сыныпта"),
        ("她在四年级", "四年级"),
        ("two girls in 8KP started it", "8KP"),
    ]:
        assert cls in _found(institutions.find(text), text), text
    assert not _found(institutions.find("dne 22. 3. 2024; skóre 7.5; IQ 95"), "")


def test_addresses_grown_over_their_parts() -> None:
    """Are house, building, flat and room parts, post boxes and a postcode after the street found?"""
    from praxishub.cases import streets

    for text, address in [
        ("живут: Садовая ул., д. 3, корп. 2, кв. 41.", "Садовая ул., д. 3, корп. 2, кв. 41"),
        ("адрес: пер. Тихий, 7б, комн. 5 (общежитие)", "пер. Тихий, 7б, комн. 5"),
        ("ул. 40 лет Победы, 12-8", "ул. 40 лет Победы, 12-8"),
        ("Абай к-сі, 12а, 3-бөлме", "Абай к-сі, 12а, 3-бөлме"),
        ("bydlí Lipová 220/4, byt č. 6, 301 00 Plzeň", "Lipová 220/4, byt č. 6"),
        ("Sokolská tř. 12, Ostrava", "Sokolská tř. 12"),
        ("mail to 14 Oak Ave, Unit 3, #2, Leeds", "14 Oak Ave, Unit 3, #2"),
        ("PO Box 402, Salem", "PO Box 402"),
        ("а/я 77, 620000, Екатеринбург", "а/я 77"),
        ("住在中山路12号天悦大厦A座1203室。", "中山路12号天悦大厦A座1203室"),
    ]:
        spans = list(streets.find(text)) + list(streets.grown(text, list(places.addresses(text))))
        assert address in _found(spans, text), text
    text = "Адрес: Z10A5B2, Астана"
    assert "Z10A5B2" in _found(streets.find(text), text)
    assert not _found(streets.find("в 2024 году, ул. не указана"), "")


def test_date_spans_weekdays_and_ordinals() -> None:
    """Are both days of '5–6 мая', '14.–15. 4.', 'May 5–6, 2026', '5月3日—4日' masked, and
    'Wed, Jun 3' and 'the 2nd of May' whole, but a score range '5–6 points' left?"""
    for text, part in [
        ("встреча 5–6 мая 2026", "5–"),
        ("setkání 14.–15. 4.", "14.–"),
        ("May 5–6, 2026", "May 5–6, 2026"),
        ("日期5月3日—4日", "5月3日—4日"),
        ("Wed, Jun 3, 2026", "Wed, Jun 3, 2026"),
        ("on the 2nd of May", "the 2nd of May"),
        ("с 12 по 14 марта", "12 по "),
    ]:
        assert part in _found(structured.dates(text), text), text
    assert not _found(structured.dates("scored 5–6 points"), "")


def test_handles_in_chat_logs_and_chinese() -> None:
    """Are a chat log's speakers, a Chinese @name, a UID, a game ID in quotes and a Pinterest name
    found, and 'the' after 'Roblox:' left?"""
    for text, handle in [
        ("[19:02] mira_2014:    ahoj", "mira_2014"),
        ("[7:03 PM] 小熊猫：  哈哈", "小熊猫"),
        ("在微博@月亮不睡觉转发", "@月亮不睡觉"),
        ("B站UID 10293847。", "10293847"),
        ('王者荣耀ID"夜行侠"', "夜行侠"),
        ("on Pinterest as lily_thin07.", "lily_thin07"),
    ]:
        assert handle in _found(structured.web(text), text), text
    text = "Roblox: the same group plays as BlockyTom2014."
    found = _found(structured.web(text), text)
    assert "BlockyTom2014" in found and "the" not in found


def test_handle_recurs_in_prose() -> None:
    """Once 'mira_2014' is a chat speaker, is it masked where the note names it again?"""
    out = Deidentifier(language="en").text(
        "[19:02] mira_2014: hi\n\nThe account mira_2014 belongs to a peer."
    )
    assert "mira_2014" not in out


def test_record_numbers_with_letters_slashes_and_han() -> None:
    """Are numbers after 'вх. №', 'Student ID', 'sp. zn.', '№' with a slash, '学籍号' and a Chinese case
    number found, and a school's '№ 44' left?"""
    for text, number in [
        ("вх. № 118/уч от", "118/уч"),
        ("**Student ID:** 55012934", "55012934"),
        ("sp. zn. 21 P 77/2025", "21 P 77/2025"),
        ("(№ 5-12/310, 01.02.2026)", "5-12/310"),
        ("полис ОМС АБВ-12-0045678", "АБВ-12-0045678"),
        ("学籍号：G110101201001011234", "G110101201001011234"),
        ("案号：(2026)京0105民初2231号", "(2026)京0105民初2231号"),
    ]:
        assert number in _found(structured.national_ids(text), text), text
    assert not _found(structured.national_ids("школа № 44, кабинет № 12"), "")


def test_chinese_full_name_after_label_or_relative() -> None:
    """Are 3-character names after '校长：', '、' or '奶奶' found, and '、心理老师、' left?"""
    text = "校长：罗建平\u3000参加：何思远、欧阳琳、\n奶奶孔秀兰今年90岁。"
    found = {text[s.start : s.end] for s in ner.find(text, "zh") if s.kind == "PERSON"}
    assert {"罗建平", "欧阳琳", "孔秀兰"} <= found
    assert not _found(ner.find("参加：心理老师、班主任。", "zh"), "") & {"心理老"}


def test_age_over_89_after_a_name() -> None:
    """Are '(Mary Cole, 94)', 'Ann Lee (92)' and 'Gran is 90' ages, and 'Unit 95' not?"""
    text = 'Gran (Mary Cole, 94) and Ann Lee (92) visit; Gran is 90 "and fit".'
    assert {"94", "92", "90"} <= _found(structured.ages(text), text)
    assert not _found(structured.ages("Room 95, Unit 95."), "")


def test_persons_by_one_initial_class_in_brackets_and_short_name() -> None:
    """Are 'Сидоровой К.' mid-sentence, a pupil before '(4. B)' or '(7th grade)', a short name in
    brackets after a full name and a name after 'calls herself' / 'назвалась' found, and a
    table's letter at a sentence's end ('Смотри Таблицу Б.') left?"""
    text = (
        "Информация по ученице Сидоровой К., 7 «Б». Tomáš Dvořák (4. B) chybí. "
        'Mason Reed (7th grade) left. Pupil: Abigail Stone (Abby). Caller calls herself "Moth". '
        "Абонент назвалась «Ласточка»."
    )
    found = _found(persons.find(text), text)
    assert {"Сидоровой К.", "Tomáš Dvořák", "Mason Reed", "Abby", "Moth", "Ласточка"} <= found
    assert not _found(persons.find("Смотри Таблицу Б."), "")
