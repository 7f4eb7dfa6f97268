"""Round 10a's general mechanisms for PERSON, ORG and PLACE, on invented examples.

Each test pins what a rule masks and, on a counter-example, what it must leave alone.
"""

from __future__ import annotations

from praxishub.cases import (
    capitals,
    csinstitutions,
    kindquotes,
    lowerorgs,
    lowerwords,
    ocrnames,
    orgchains,
    rudiminutives,
    zhcities,
    zhfull,
    zhorgs,
)
from praxishub.cases.engine import Deidentifier
from praxishub.cases.spans import Span


def texts(text: str, spans) -> list[str]:
    return sorted(text[s.start : s.end] for s in spans)


def masked(text: str, language: str) -> list[str]:
    tool = Deidentifier()
    return [text[s.start : s.end] for s in tool.spans(text, language)]


# --- kindquotes ----------------------------------------------------------------------


def test_a_russian_kind_word_in_any_case_joins_its_quoted_name():
    text = "Мама работает в салоне красоты «Орхидея у моста», сын ходит в арт-студию «Глина»."
    assert texts(text, kindquotes.find(text, "ru")) == [
        "арт-студию «Глина»",
        "салоне красоты «Орхидея у моста»",
    ]


def test_a_quotation_in_lower_case_after_a_kind_word_is_speech_not_a_name():
    text = "Дома «всё нормально», говорит он, а в кафе «ну так себе»."
    assert list(kindquotes.find(text, "ru")) == []


def test_a_kazakh_kind_word_after_the_quoted_name_keeps_its_ending():
    text = "Әкесі «Дала Нан» наубайханасында істейді."
    assert texts(text, kindquotes.find(text, "kk")) == ["«Дала Нан» наубайханасында"]


def test_a_czech_kind_word_joins_its_quoted_name():
    text = "Sešli se v čajovně „Zelený čajník“ u nádraží."
    assert texts(text, kindquotes.find(text, "cs")) == ["čajovně „Zelený čajník“"]


def test_a_chinese_quoted_name_takes_in_its_kind_word():
    text = "周末她在“云朵”奶茶店打工，不是在“我们的”课上。"
    assert texts(text, kindquotes.find(text, "zh")) == ["“云朵”奶茶店"]


# --- zhfull --------------------------------------------------------------------------


def test_a_chinese_name_spelled_with_spaces_is_one_name():
    text = "学生姓名：林 若 溪    性别：女"
    assert texts(text, zhfull.find(text)) == ["林 若 溪"]


def test_spaced_words_that_do_not_open_with_a_surname_are_left():
    text = "标语：加 油 吧    完"
    assert list(zhfull.find(text)) == []


def test_a_compound_surname_takes_its_given_name():
    text = "组长司徒静（电话见后）说明了情况。"
    assert "司徒静" in texts(text, zhfull.find(text))


def test_a_name_after_a_role_word_survives_a_given_name_that_is_a_word():
    text = "由美术老师俞文静负责。"
    assert texts(text, zhfull.find(text)) == ["俞文静"]


def test_an_adverb_after_a_role_word_is_no_surname():
    text = "数学老师曾当众批评过他，老师张开双臂。"
    assert list(zhfull.find(text)) == []


def test_a_title_after_the_surname_is_no_given_name():
    text = "邻居葛婆婆常来帮忙。"
    assert list(zhfull.find(text)) == []


# --- zhcities ------------------------------------------------------------------------


def test_a_gazetteer_city_standing_as_a_word_is_a_place():
    text = "他小时候在绵阳长大，后来去了宜宾市。"
    assert texts(text, zhcities.find(text)) == ["宜宾市", "绵阳"]


def test_a_city_name_hidden_inside_other_words_is_left():
    text = "祝你平安顺利。"
    assert list(zhcities.find(text)) == []


# --- zhorgs --------------------------------------------------------------------------


def test_a_rare_word_before_a_kind_word_names_a_business():
    text = "她每周去蓝鲸湾培训中心补课。"
    assert texts(text, zhorgs.find(text)) == ["蓝鲸湾培训中心"]


def test_common_nouns_before_a_kind_word_are_a_generic_service():
    text = "可以去社区服务中心，或者附近的超市。"
    assert list(zhorgs.find(text)) == []


# --- lowerwords ----------------------------------------------------------------------


def test_a_word_name_followed_by_a_rare_surname_is_a_person():
    text = "hi this is ruby pendergrass calling back about the form for school tomorrow"
    assert "ruby pendergrass" in masked(text, "en")


def test_a_word_name_followed_by_a_common_word_is_the_word():
    text = "hi this is about the ruby necklace she lost at school yesterday morning ok"
    assert not [m for m in masked(text, "en") if "ruby" in m]


def test_a_rare_word_coordinated_with_a_found_name_is_a_name_and_recurs():
    text = "so i picked up jaxtyn and emily from the bus and jaxtyn's coat was gone again"
    found = masked(text, "en")
    assert sum("jaxtyn" in m for m in found) == 2


def test_a_common_word_coordinated_with_a_name_is_left():
    text = "so i picked up emily and bread from the shop and then we went home after that"
    assert not [m for m in masked(text, "en") if "bread" in m]


def test_a_word_after_surname_is_a_surname():
    text = "а у него фамилия вроде шкуратов или шкуратенко"
    found = list(lowerwords.grown(text, [], "ru"))
    assert texts(text, found) == ["шкуратенко", "шкуратов"]


def test_kazakh_names_by_shape_and_places_with_case_endings():
    text = "мен талдықорғанға бардым, ал нұржан павлодарда тұрады, ерғалиев мен ерболжан келді"
    got = texts(text, lowerwords.grown(text, [], "kk"))
    assert "нұржан" in got and "ерболжан" in got and "павлодарда" in got
    assert "мен" not in got


def test_kazakh_words_ending_like_house_or_exam_are_not_names():
    text = "ол жатақханада тұрады, емтихан алдында аурухана болды"
    assert list(lowerwords.grown(text, [], "kk")) == []


# --- capitals (opening word) ---------------------------------------------------------


def test_a_rare_opening_word_goes_with_the_rare_run_after_it():
    text = "The meeting ended.\nHalvorsen Constabulary attended on Monday."
    spans = capitals.find(text, "en")
    assert texts(text, spans) == ["Halvorsen Constabulary"]


def test_a_common_opening_word_stays_out_of_the_run():
    text = "The meeting ended.\nContacted Halvorsen Constabulary on Monday."
    assert texts(text, capitals.find(text, "en")) == ["Halvorsen Constabulary"]


# --- ocrnames ------------------------------------------------------------------------


def test_ocr_digits_inside_capitalised_rare_words_are_names():
    text = "Jméno: Radk0vá Zdeňka, bydliště Ústí nad Labem, Kr0měříž"
    assert texts(text, ocrnames.find(text, "cs")) == ["Kr0měříž", "Radk0vá"]


def test_model_numbers_and_years_are_not_ocr_names():
    text = "Windows Win10, rok 2O26, kód A1, MP3"
    assert list(ocrnames.find(text, "cs")) == []


# --- orgchains -----------------------------------------------------------------------


def test_a_comma_chain_of_units_grows_a_found_body():
    text = "Předáno Magistrátu Tábor, odboru školství, oddělení prevence. Pak nic."
    found = [Span(8, 24, "ORG", "test")]
    assert texts(text, orgchains.grown(text, found)) == [
        "Magistrátu Tábor, odboru školství, oddělení prevence"
    ]


def test_a_person_followed_by_a_lower_case_role_is_not_chained():
    text = "Met Tom Hale, office staff, at noon."
    found = [Span(4, 12, "PERSON", "test")]
    assert list(orgchains.grown(text, found)) == []


# --- lowerorgs -----------------------------------------------------------------------


def test_a_lower_case_name_ending_in_a_kind_word_is_an_organisation():
    text = "ok so i called the okefenokee hardware store and then the school about it today"
    assert texts(text, lowerorgs.find(text, "en")) == ["okefenokee hardware store"]


def test_common_words_before_a_kind_word_are_no_name():
    text = "ok so i went to the post office and then the big church near the school after lunch"
    assert list(lowerorgs.find(text, "en")) == []


# --- capitals (name particles) -------------------------------------------------------


def test_a_lower_case_particle_joins_a_name():
    text = "Mum, Branwen ap Gruffydd, came to the meeting with Lotte van Buuren."
    assert texts(text, capitals.find(text, "en")) == ["Branwen ap Gruffydd", "Lotte van Buuren"]


def test_a_surname_before_a_doubled_given_name_is_a_full_name():
    text = "打人的是邓莎莎，不是别人；他常常来，高高兴兴地走了。"
    assert texts(text, zhfull.find(text)) == ["邓莎莎"]


def test_a_spaced_name_after_a_form_label_and_a_role_word_with_a_space():
    text = "母亲姓名: 柯 岚 / 无业\n同住: 弟弟 柯明轩 5岁"
    assert texts(text, zhfull.find(text)) == ["柯 岚", "柯明轩"]


# --- rudiminutives -------------------------------------------------------------------


def test_a_first_names_stem_with_a_familiar_suffix_is_a_nickname():
    text = "вчера с ним был какой-то артурчик, а с гришаном они поссорились"
    assert texts(text, rudiminutives.find(text, "ru")) == ["артурчик", "гришаном"]


def test_dictionary_words_with_the_same_suffixes_are_words():
    text = "на диване лежал стакан, мальчик съел пончик у фонтана"
    assert list(rudiminutives.find(text, "ru")) == []


# --- propagate (rare names opening a sentence) ---------------------------------------


def test_a_found_rare_name_is_masked_where_it_opens_a_sentence():
    text = "Present: Mia Quillfeather (pupil), her mother.\nQuillfeather was calm today."
    found = masked(text, "en")
    assert found.count("Quillfeather") == 1 and "Mia Quillfeather" in found


def test_a_found_name_that_is_a_common_word_stays_where_it_opens_a_sentence():
    text = "Present: Ada Bridge (mother).\nBridge building was the group's task today."
    found = masked(text, "en")
    assert found == ["Ada Bridge"]


# --- csinstitutions ------------------------------------------------------------------


def test_a_rare_capitalised_head_takes_the_lower_case_rest_of_a_czech_name():
    text = "Večer volala na Linku zvídavosti a pak šla spát."
    assert texts(text, csinstitutions.find(text, "cs")) == ["Linku zvídavosti"]


def test_a_common_capitalised_word_after_a_bracket_is_left():
    text = "Administrováno: CDI (20 bodů), Škála úzkosti dle Spielbergera."
    assert list(csinstitutions.find(text, "cs")) == []


def test_a_latin_gloss_in_brackets_after_chinese_is_mid_sentence():
    text = "家长卡佳（Katya Mirolyubova）今天来校，说明了情况（Attention Deficit）。"
    assert texts(text, capitals.find(text, "zh")) == ["Katya Mirolyubova"]
