"""Round 10c (tuning9, tuning10; zh and en): Chinese and English shapes in ``zhtext`` and
``entext``. Every example is invented; each test pins the exact spans, and a counter-example
pins what must stay unmasked."""

from __future__ import annotations

from praxishub.cases import entext, tablecells, zhtext
from praxishub.cases.spans import Span


def _found(spans: list[Span], text: str) -> set[tuple[str, str]]:
    return {(s.kind, text[s.start : s.end]) for s in spans}


def _zh(text: str) -> set[tuple[str, str]]:
    return _found(zhtext.find(text), text)


def _en(text: str, language: str = "en") -> set[tuple[str, str]]:
    return _found(entext.find(text, language), text)


# --- zh: organisations ---------------------------------------------------------------


def test_zh_quoted_name_with_a_kind_word_is_an_org() -> None:
    text = "他周末去“蓝鲸”围棋社，也常在“老秦家”羊肉馆吃饭。"
    assert _zh(text) == {("ORG", "“蓝鲸”围棋社"), ("ORG", "“老秦家”羊肉馆")}


def test_zh_quoted_speech_is_not_an_org() -> None:
    text = "妈妈说“你别管了。”然后去了店里。"
    assert _zh(text) == set()


def test_zh_unit_headed_association_is_an_org() -> None:
    text = "已联系洛河市青少年围棋协会和北湖社区居委会。"
    assert _zh(text) == {("ORG", "洛河市青少年围棋协会"), ("ORG", "北湖社区居委会")}


def test_zh_association_without_a_unit_head_stays() -> None:
    assert _zh("建议参加学校社团活动。") == set()


# --- zh: chat senders and mentions ---------------------------------------------------


def test_zh_sender_label_before_a_time_and_its_account_number() -> None:
    text = "小熊软糖🍬 19:02  大家好\n阿木(5518203947) 19:05\n收到"
    assert _zh(text) == {
        ("HANDLE", "小熊软糖🍬"),
        ("HANDLE", "阿木"),
        ("HANDLE", "5518203947"),
    }


def test_zh_time_word_before_a_clock_is_not_a_sender() -> None:
    assert _zh("下午 14:30 开会") == set()


def test_zh_bold_comment_label_and_at_mention() -> None:
    text = "**南瓜不是瓜**：我也想知道\n@南瓜不是瓜 私信你了"
    assert _zh(text) == {("HANDLE", "南瓜不是瓜"), ("HANDLE", "@南瓜不是瓜")}


def test_zh_bold_heading_is_not_a_handle() -> None:
    assert _zh("**后续计划**：下周随访\n**讨论**：略") == set()


# --- zh: grades ----------------------------------------------------------------------


def test_zh_grade_after_a_school_short_name_or_alone_in_chat() -> None:
    text = "表姐在七十二中高三。\n我13 初一 住校"
    assert _zh(text) == {("CLASS", "高三"), ("CLASS", "初一")}


def test_zh_grade_before_a_noun_or_as_a_date_stays() -> None:
    assert _zh("初三学生压力大，大年初一回老家，成绩提高三分。") == set()


def test_zh_kindergarten_class() -> None:
    assert _zh("妹妹在向阳幼儿园中一班。") == {("CLASS", "中一班")}


# --- zh: addresses, codes, ages, names -----------------------------------------------


def test_zh_address_with_house_number_and_room() -> None:
    text = "住在桂花里北五巷7号301房，平时"
    assert _zh(text) == {("ADDRESS", "桂花里北五巷7号301房")}


def test_zh_address_with_ocr_digits_and_crossing() -> None:
    text = "地址：松林路2l6弄9号。店在湖滨路青石路口。"
    assert _zh(text) == {("ADDRESS", "松林路2l6弄9号"), ("ADDRESS", "湖滨路青石路口")}


def test_zh_number_with_hao_without_a_street_word_stays() -> None:
    assert _zh("今天是第3072号来电，政务中心3号窗口。") == set()


def test_zh_labelled_code_ocr_date_postcode_and_age() -> None:
    text = "预约号QW20250101-88。填表日期：2O25年O3月l6日 邮编：4l0OO2。爷爷96了。"
    assert _zh(text) == {
        ("ID", "QW20250101-88"),
        ("DATE", "2O25年O3月l6日"),
        ("POSTCODE", "4l0OO2"),
        ("AGE", "96"),
    }


def test_zh_postcode_before_its_city_and_header_name() -> None:
    text = "寄往516000惠城市。\n抄送：江白露 <j@example.cn>"
    assert _zh(text) == {("POSTCODE", "516000"), ("PERSON", "江白露")}


def test_zh_short_school_name_but_not_an_experiment() -> None:
    assert _zh("她一心想考市实验”。") == {("SCHOOL", "市实验")}
    assert _zh("明天在化学实验课上做实验。") == set()


# --- en: classes ---------------------------------------------------------------------


def test_en_grades_irish_classes_kindergarten_and_form_groups() -> None:
    text = (
        "She is a 6th grader; he repeated kindergarten and started second grade. "
        "Her brother is in Sixth Class, cousin in Transition Year. Form 11PK at 10PM."
    )
    assert _en(text) == {
        ("CLASS", "6th grader"),
        ("CLASS", "kindergarten"),
        ("CLASS", "second grade"),
        ("CLASS", "Sixth Class"),
        ("CLASS", "Transition Year"),
        ("CLASS", "11PK"),
    }


def test_en_reading_level_and_adjective_grade_stay() -> None:
    assert _en("He reads at a 4th grade level with a third-grade teacher.") == set()


def test_en_named_form_after_year() -> None:
    assert _en("Year 4 (4 Otter) since May.") == {("CLASS", "4 Otter")}


# --- en: schools, organisations, addresses --------------------------------------------


def test_en_celtic_and_foreign_institution_words() -> None:
    text = "She attends Ysgol Gymraeg Bryn y Môr and Iglesia Bautista Luz del Valle."
    assert _en(text) == {
        ("SCHOOL", "Ysgol Gymraeg Bryn y Môr"),
        ("ORG", "Iglesia Bautista Luz del Valle"),
    }


def test_en_centre_for_and_kind_words_after_a_name() -> None:
    text = "Referred to Lakeshore Center for Child Wellbeing and Pendle Medical Practice."
    assert _en(text) == {
        ("ORG", "Lakeshore Center for Child Wellbeing"),
        ("ORG", "Pendle Medical Practice"),
    }


def test_en_units_and_welsh_streets() -> None:
    text = "Office: Suite 4, 17 Kingfisher Road. Home: Tŷ Gwyn, 8 Heol Tawe."
    assert _en(text) == {
        ("ADDRESS", "Suite 4, 17 Kingfisher Road"),
        ("ADDRESS", "Tŷ Gwyn, 8 Heol Tawe"),
    }


# --- en: phones, ages, initials, closings ----------------------------------------------


def test_en_phones_of_other_english_speaking_countries() -> None:
    text = "Call 0413 552 019 or (03) 9555 0147; not the score 0 12 34."
    assert _en(text) == {("PHONE", "0413 552 019"), ("PHONE", "(03) 9555 0147")}


def test_en_uk_phone_in_text_taken_for_czech() -> None:
    assert _en("Tel. 0161 496 0321", "cs") == {("PHONE", "0161 496 0321")}


def test_en_age_after_kin_word_or_sex_but_not_a_score() -> None:
    text = "Her grandad is 97 and the log says male, 93. Score is 95 and 92% done."
    assert _en(text) == {("AGE", "97"), ("AGE", "93")}


def test_en_initials_owning_actions_but_not_role_abbreviations() -> None:
    text = "- RM: call school\n- GP: letter\n— KW / LSH\n"
    assert _en(text) == {("PERSON", "RM"), ("PERSON", "KW"), ("PERSON", "LSH")}


def test_en_name_under_a_letter_closing() -> None:
    text = "Warm wishes,\n\nDelphine Okoro-Hale\nSchool Nurse\n\nKind regards,\nThe Team\n"
    assert _en(text) == {("PERSON", "Delphine Okoro-Hale")}


# --- en: teams, placed services, labelled codes, Irish and Australian numbers --------------


def test_en_team_with_age_band_and_placed_service() -> None:
    text = "He plays for Harrow Hawks U13; referred to Norfolk CAMHS Thetford."
    assert _en(text) == {("ORG", "Harrow Hawks U13"), ("ORG", "Norfolk CAMHS Thetford")}


def test_en_generic_service_mentions_stay() -> None:
    text = "Community CAMHS said the CAMHS Single Point of Access would call."
    assert _en(text) == set()


def test_en_event_number_pps_eircode_and_australian_postcode() -> None:
    text = "Police event no. K 55120934; PPSN 1234567T; Cork T12 X5PV; Perth WA 6000."
    assert _en(text) == {
        ("ID", "K 55120934"),
        ("ID", "1234567T"),
        ("POSTCODE", "T12 X5PV"),
        ("PLACE", "WA"),
        ("POSTCODE", "6000"),
    }


def test_en_pps_with_a_wrong_check_letter_stays() -> None:
    assert _en("Stock code 1234567A in the list.") == set()


# --- round 2: emoji labels, buildings, district-headed quoted names, parks, named classes --


def test_zh_emoji_comment_author_and_quoted_display_name() -> None:
    text = "小满🌾：我也遇到过\n同学“🐳鲸鱼不睡觉”转发了\n处理：已约谈"
    assert _zh(text) == {("HANDLE", "小满🌾"), ("HANDLE", "🐳鲸鱼不睡觉")}


def test_zh_sender_with_colon_after_the_time() -> None:
    assert _zh("乐乐外婆 08:15：收到") == {("HANDLE", "乐乐外婆")}


def test_zh_estate_building_and_district_headed_quoted_org() -> None:
    text = "住在松涛花园12栋2单元801，常去西城区“暖阳”青少年服务站。"
    assert _zh(text) == {
        ("ADDRESS", "松涛花园12栋2单元801"),
        ("ORG", "西城区“暖阳”青少年服务站"),
    }


def test_zh_building_word_without_an_estate_stays() -> None:
    assert _zh("教学楼3栋的走廊") == set()


def test_en_flat_in_a_named_house_and_a_park_plot() -> None:
    text = "Home: Flat 3, Linden House, Mercer Road. Staying at Plot 7, Dune View Caravan Park."
    assert _en(text) == {
        ("ADDRESS", "Flat 3, Linden House, Mercer Road"),
        ("ADDRESS", "Plot 7, Dune View Caravan Park"),
    }


def test_en_named_primary_class_but_not_a_social_class() -> None:
    assert _en("Video call with Willow Class; a World Class effort.") == {("CLASS", "Willow Class")}


def test_en_age_in_words_after_a_kin_word() -> None:
    text = "Her father-in-law is ninety-four; her aunt is 61."
    assert _en(text) == {("AGE", "ninety-four")}


# --- round 3: lower-case transcripts, comment authors, named accounts -------------------


def test_en_lower_case_transcript_bodies() -> None:
    text = (
        "hi this is coach ray calling from maple ridge christian academy about your son "
        "he left his bag at the baptist church so give me a call back thanks bye now okay"
    )
    assert _en(text) == {("SCHOOL", "maple ridge christian academy")}


def test_en_bold_comment_author_but_not_a_heading() -> None:
    text = "**Bryony Trevithick**\nsaw him at the shop\n\n**Reason for Referral**\nLow mood.\n"
    assert _en(text) == {("HANDLE", "Bryony Trevithick")}


def test_zh_account_named_after_a_role_or_naming_verb() -> None:
    text = "那个主播叫甜甜圈不甜 花了很多。群主风吹麦浪（QQ 51234）。给主播刷礼物 他叫我去。"
    assert _zh(text) == {("HANDLE", "甜甜圈不甜"), ("HANDLE", "风吹麦浪")}


def test_en_emoji_chat_sender_and_class_named_after_class_word() -> None:
    text = "[9:14 PM] Tash B 🌼: where r u\nYear 3 (class 3 Rowan)\nNote: call back."
    assert _en(text) == {("HANDLE", "Tash B 🌼"), ("CLASS", "3 Rowan")}


def test_en_age_in_a_log_row_after_a_kin_word() -> None:
    assert _en("caller: grandfather, 94; mother, 41") == {("AGE", "94")}


def test_zh_emoji_sender_after_a_bracketed_time() -> None:
    assert _zh("[19:20] 桐桐妈🍀：收到\n[19:21] 处理：无") == {("HANDLE", "桐桐妈🍀")}


def test_en_export_sender_channel_and_emoji_mention() -> None:
    text = (
        "Server log, channel #homework-help.\n"
        "3/4/2026 7:15 PM — moth.byte\n"
        "ok @Zed 🎮 send it\n"
        "3/4/2026 7:16 PM — see you at 8: bring it\n"
    )
    assert _en(text) == {
        ("HANDLE", "#homework-help"),
        ("HANDLE", "moth.byte"),
        ("HANDLE", "@Zed 🎮"),
    }


def test_zh_sender_after_the_time_but_not_a_bare_role() -> None:
    text = "20:35 白露老师：您好\n20:36 心理老师：收到\n14:30 会谈记录：略"
    assert _zh(text) == {("HANDLE", "白露老师")}


# --- tablecells: the name column of an HTML table ---------------------------------------


def test_table_name_column_in_english_and_chinese() -> None:
    text = (
        "<table>\n<tr><th>Role</th><th>Name</th></tr>\n"
        "<tr><td>Aunt</td><td>Mrs Odile Brannagh, by phone</td></tr>\n"
        "<tr><td>School</td><td>Fernlea Valley Academy</td></tr>\n"
        "<tr><td>Other</td><td>Family Support Worker</td></tr>\n</table>\n"
        "<table>\n<tr><th>参会人</th><th>单位</th></tr>\n"
        "<tr><td>班主任 葛晓岚</td><td>某中学</td></tr>\n<tr><td>邝主任</td><td>街道</td></tr>\n</table>"
    )
    assert _found(tablecells.find(text), text) == {
        ("PERSON", "Odile Brannagh"),
        ("PERSON", "葛晓岚"),
        ("PERSON", "邝"),
    }


def test_table_without_a_name_header_is_not_read() -> None:
    text = "<table><tr><th>Date</th><th>Tool</th></tr><tr><td>Conners Rating</td><td>x</td></tr></table>"
    assert tablecells.find(text) == []


def test_zh_underscore_user_name_and_quoted_kindergarten_class() -> None:
    text = "抖音号是yu_不想长大，网名 星星_2012\n妹妹在向日葵幼儿园“小海豚”班。写作业_2小时"
    assert _zh(text) == {
        ("HANDLE", "yu_不想长大"),
        ("HANDLE", "星星_2012"),
        ("CLASS", "小海豚"),
    }
