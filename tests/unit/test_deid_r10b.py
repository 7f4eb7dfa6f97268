"""Round 10b: chat lines, handle shapes, game tags, address parts, classes and schools in words,
garbled postcodes and ages said of a person, each pinned on invented examples and on a
counter-example that must stay unmasked."""

from __future__ import annotations

from praxishub.cases import (
    addresstails,
    agewords,
    chatlines,
    classforms,
    gametags,
    handles,
    postcodes,
    schoolforms,
)
from praxishub.cases.spans import Span


def texts(text: str, spans: list[Span] | object) -> set[str]:
    """The surfaces of the spans."""
    return {text[s.start : s.end] for s in spans}  # type: ignore[attr-defined]


# --- chatlines ----------------------------------------------------------------------------


def test_label_before_bracketed_time_is_masked_whole() -> None:
    text = "Ирина мама Глеба 🌼 (18:02): кто забрал рюкзак?\nRoman K. (18:05): я видел\n"
    assert texts(text, chatlines.find(text, "ru")) == {"Ирина мама Глеба 🌼", "Roman K."}


def test_label_before_time_with_chinese_colon() -> None:
    text = "子墨爸爸-老郑 20:11：今天谁接孩子？\n班主任 汪老师 20:15：我来安排\n"
    assert texts(text, chatlines.find(text, "zh")) == {"子墨爸爸-老郑", "班主任 汪老师"}


def test_time_dash_label_colon_keeps_role_in_brackets() -> None:
    text = "08:01 - Petr Doležal (táta Kuby): dobré ráno\n08:03 - Mamka Evy 🌺: ahoj\n"
    found = texts(text, chatlines.find(text, "cs"))
    assert found == {"Petr Doležal (táta Kuby)", "Mamka Evy 🌺"}


def test_a_time_log_of_common_words_is_not_a_chat() -> None:
    text = "09:00 - Meeting with mum: agreed plan\n10:30 - Phone call: no answer\n"
    assert texts(text, chatlines.find(text, "en")) == set()


def test_a_single_timed_line_is_not_a_chat() -> None:
    text = "Borek Hájek (19:40): zavolám zítra\nDalší text bez časů.\n"
    assert texts(text, chatlines.find(text, "cs")) == set()


def test_comment_heading_makes_bulleted_labels_senders() -> None:
    text = "**Komentáře:**\n- 🐸 pepa.z 🐸: to je on\n- Jana Kovandová: smažte to\n\nKonec."
    assert texts(text, chatlines.find(text, "cs")) == {"🐸 pepa.z 🐸", "Jana Kovandová"}


def test_reply_line_masks_both_senders() -> None:
    text = "评论：\n雨后小蜗牛 回复 北街老王：别说了\n"
    assert texts(text, chatlines.find(text, "zh")) == {"雨后小蜗牛", "北街老王"}


def test_chat_column_of_a_log_row() -> None:
    text = "22:10  chat   Mira⭐         15   anxiety\n22:40  tel    skryté číslo    ?\n"
    assert "Mira⭐" in texts(text, chatlines.find(text, "en"))
    assert "skryté číslo" not in texts(text, chatlines.find(text, "en"))


def test_label_recurs_without_its_emoji() -> None:
    text = '18:01 🌵 rob tay 🌵: yo\n18:02 🌵 rob tay 🌵: hi\n\nLater "rob tay" admitted it.'
    assert "rob tay" in texts(text, chatlines.find(text, "en"))


def test_label_recurs_inside_chinese_prose() -> None:
    text = "[20:11] 李妈🌼：老师好\n[20:13] 李妈🌼：在吗\n\n附注：李妈🌼是李乐的母亲。"
    found = [s for s in chatlines.find(text, "zh") if text[s.start : s.end] == "李妈🌼"]
    assert len({s.start for s in found}) == 3


def test_emoji_label_speaking_twice_without_times() -> None:
    text = "K 🌙: are you up\nK 🌙: call me\nMe: ok\n"
    found = texts(text, chatlines.find(text, "en"))
    assert found == {"K 🌙"}


def test_posted_as_in_brackets() -> None:
    text = "Dad wrote in the group (as Stu B 🔧) that he was sorry. She came (as a volunteer)."
    assert texts(text, chatlines.find(text, "en")) == {"Stu B 🔧"}


def test_quoted_group_beside_online_word_within_one_word() -> None:
    text = "пост в открытой группе «Слухи Заречья» и «Тихий двор» деген топқа"
    found = texts(text, chatlines.find(text, "ru"))
    assert "Слухи Заречья" in found and "Тихий двор" in found


def test_therapy_group_in_quotes_stays() -> None:
    text = 'She attends our "Calm Minds" group on Tuesdays; kids call her "weird" in class.'
    assert texts(text, chatlines.find(text, "en")) == set()
    talk = "В классе прошла беседа «Как не бояться экзаменов»."
    assert texts(talk, chatlines.find(talk, "ru")) == set()


def test_mention_in_any_script_with_emoji() -> None:
    text = "回复 @小鹿乱撞🦌 别急；mail a@b.cz"
    assert texts(text, chatlines.find(text, "zh")) == {"@小鹿乱撞🦌"}


# --- handles ------------------------------------------------------------------------------


def test_dotted_handles_with_short_parts() -> None:
    text = "ve skupině píšou lenka.v.2012, m4rek.p a ondrej.ka"
    assert texts(text, handles.find(text)) == {"lenka.v.2012", "m4rek.p", "ondrej.ka"}


def test_dotted_versions_typos_and_pages_stay() -> None:
    text = "verze v2.1, viz str.12, then went home.so tired, e.g. this"
    assert texts(text, handles.find(text)) == set()


def test_underscored_handle_in_any_alphabet_and_after_han() -> None:
    text = "жазды айгүл_мама; 群主wxy_2012ab已解散"
    assert texts(text, handles.find(text)) == {"айгүл_мама", "wxy_2012ab"}


# --- gametags -----------------------------------------------------------------------------


def test_camel_case_coinage_with_its_year() -> None:
    text = "в игре — NightOwlz, ve hře jako BlazeRunner 2011; смотрит YouTube и TikTok"
    assert texts(text, gametags.find(text)) == {"NightOwlz", "BlazeRunner 2011"}


def test_titles_and_inflected_brands_stay() -> None:
    text = "PhDr. Malá, PaedDr. Kos, psala na WhatsAppu a TikToku; McAllister"
    assert texts(text, gametags.find(text)) == set()


def test_camel_case_app_in_prose_stays() -> None:
    text = "Mum reads the ClassDojo messages; the school uses GoGuardian."
    assert texts(text, gametags.find(text)) == set()


def test_chinese_game_name_after_account_word() -> None:
    text = "游戏账号江城小旋风99已限制"
    assert texts(text, gametags.find(text)) == {"江城小旋风99"}


# --- addresstails -------------------------------------------------------------------------


def test_units_grown_after_a_found_street() -> None:
    text = "живёт на Лесном шоссе, 14, кв. 3, второй подъезд, рядом"
    start = text.index("Лесном")
    spans = [Span(start, start + len("Лесном шоссе"), "ADDRESS", "test")]
    assert texts(text, addresstails.grown(text, spans)) == {
        "Лесном шоссе, 14, кв. 3, второй подъезд"
    }


def test_czech_and_kazakh_units() -> None:
    text = (
        "Na adrese Lipová 88, vchod C, byt 4. Тұрады: Құрманғазы көшесі, 5, 3-жатақхана, 21-бөлме."
    )
    a = text.index("Lipová")
    b = text.index("Құрманғазы")
    spans = [
        Span(a, a + len("Lipová 88"), "ADDRESS", "test"),
        Span(b, b + len("Құрманғазы көшесі, 5"), "ADDRESS", "test"),
    ]
    assert texts(text, addresstails.grown(text, spans)) == {
        "Lipová 88, vchod C, byt 4",
        "Құрманғазы көшесі, 5, 3-жатақхана, 21-бөлме",
    }


def test_a_street_number_is_not_grown_over_years() -> None:
    text = "на Садовом проспекте, 20 лет назад"
    a = text.index("Садовом")
    spans = [Span(a, a + len("Садовом проспекте"), "ADDRESS", "test")]
    assert texts(text, addresstails.grown(text, spans)) == set()


def test_flat_and_building_before_a_street() -> None:
    text = "Home: Flat 3, Alder House, Mill Lane, Leeds"
    a = text.index("Mill")
    spans = [Span(a, a + len("Mill Lane"), "ADDRESS", "test")]
    assert texts(text, addresstails.grown(text, spans)) == {"Flat 3, Alder House, Mill Lane"}


def test_numbered_garden_streets_need_a_number_after() -> None:
    text = "СНТ «Рассвет», 4-я линия, уч. 17. Метро: 2-я линия закрыта."
    assert texts(text, addresstails.find(text)) == {"4-я линия, уч. 17"}


def test_lower_case_kazakh_street_with_number_in_words() -> None:
    text = "біз жамбыл көшесі он төрт үйде тұрамыз"
    assert texts(text, addresstails.find(text)) == {"жамбыл көшесі он төрт"}


def test_czech_street_after_preposition_with_number_in_words() -> None:
    text = "bydlíme na Palackého dvacet pět a chodíme do parku"
    assert texts(text, addresstails.find(text)) == {"Palackého dvacet pět"}


def test_holiday_park_plot_and_mobile_home_lot() -> None:
    text = "at Pitch 12, Sandy Bay Holiday Park; lot nine pine ridge mobile home park now"
    assert texts(text, addresstails.find(text)) == {
        "Pitch 12, Sandy Bay Holiday Park",
        "lot nine pine ridge mobile home park",
    }


def test_chinese_road_section_village_group_and_estate_block() -> None:
    text = "住二环路南一段8号；老家石桥村二组6号；住在枫林苑B区5栋"
    assert texts(text, addresstails.find(text)) == {
        "二环路南一段8号",
        "石桥村二组6号",
        "枫林苑B区5栋",
    }


# --- classforms ---------------------------------------------------------------------------


def test_grades_in_words() -> None:
    text = "ученица пятого класса; Екінші сынып; in fourth grade; a 7th grader; in pre-k"
    assert texts(text, classforms.find(text)) == {
        "пятого класса",
        "Екінші сынып",
        "fourth grade",
        "7th grader",
        "pre-k",
    }


def test_grade_as_a_reading_level_stays() -> None:
    text = "reads at a second grade level; a 4th grade reading level"
    assert texts(text, classforms.find(text)) == set()


def test_grade_as_time_or_adjective_stays() -> None:
    text = "учится с первого класса; her fifth-grade teacher; 初二以来; 初三女生"
    assert texts(text, classforms.find(text)) == set()


def test_chinese_year_alone_between_commas() -> None:
    text = "女生，高二，说不想上学"
    assert texts(text, classforms.find(text)) == {"高二"}


def test_group_codes_after_their_word_and_college_codes() -> None:
    text = "тобы ТБ-22-3, žák třídy ME2, class 4 Birch; group KR-25-1 met"
    assert texts(text, classforms.find(text)) == {"ТБ-22-3", "ME2", "4 Birch", "KR-25-1"}


def test_named_primary_class_but_not_generic_ones() -> None:
    text = "A call with Maple Class is set. He flew First Class; the Art Class was fun."
    assert texts(text, classforms.find(text)) == {"Maple Class"}


def test_scottish_year_group_only_near_school_words() -> None:
    assert texts(
        "Pupil: Amy Rae, S4, Braeside High School",
        classforms.find("Pupil: Amy Rae, S4, Braeside High School"),
    ) == {"S4"}
    assert texts("Blood test P2 result", classforms.find("Blood test P2 result")) == set()
    for said, year in (("an S3 pupil at the academy", "S3"), ("moved into P7 in August", "P7")):
        assert texts(said, classforms.find(said)) == {year}
    for other in ("P1: the pupil said no", "S1 and S2 heart sounds; school nurse"):
        assert texts(other, classforms.find(other)) == set()


# --- schoolforms --------------------------------------------------------------------------


def test_lower_case_and_capitalised_school_names() -> None:
    text = "counselor at pine valley elementary and from Northgate STEM Academy, at the high school"
    assert texts(text, schoolforms.find(text)) == {
        "pine valley elementary",
        "Northgate STEM Academy",
    }


def test_common_words_before_a_school_word_stay() -> None:
    text = "He went back to regular middle school, not to charter school; a Maths Class ran late."
    assert texts(text, schoolforms.find(text)) == set()
    assert texts(text, classforms.find(text)) == set()


def test_ocr_russian_school_number() -> None:
    text = "Школа: МБОУ С0Ш № 1О7 «Ласточка» ... класс 3 А"
    assert texts(text, schoolforms.find(text)) == {"МБОУ С0Ш № 1О7 «Ласточка»"}


def test_russian_school_by_its_street() -> None:
    text = "он в техникуме на гагарина учится, в школе на углу"
    assert texts(text, schoolforms.find(text)) == {"техникуме на гагарина"}


def test_czech_school_attached_to_a_hospital_and_field_schools() -> None:
    text = "výuka v Základní škole při Fakultní nemocnici Olomouc; SPŠ stavební Zlín; Gymnázium Smetanovy sady"
    assert texts(text, schoolforms.find(text)) == {
        "Základní škole při Fakultní nemocnici Olomouc",
        "SPŠ stavební Zlín",
        "Gymnázium Smetanovy sady",
    }


def test_czech_school_by_compound_number_and_chinese_quoted_school() -> None:
    text = "zástupkyně z pětadvacítky; 由“小太阳”医院学校负责"
    assert texts(text, schoolforms.find(text)) == {"pětadvacítky", "“小太阳”医院学校"}


# --- postcodes and agewords ---------------------------------------------------------------


def test_garbled_and_late_labelled_postcodes() -> None:
    text = "Адрес: 4З001O г. Тула\n邮编应为310012\n邮    编：31OO12\nАдрес: 3O0lO г. Тула"
    assert texts(text, postcodes.find(text)) == {"4З001O", "310012", "31OO12"}


def test_kazakh_postcode_shape_after_address_label() -> None:
    text = "Мекенжай: Z05Т3К9 Астана қ."
    assert texts(text, postcodes.find(text)) == {"Z05Т3К9"}


def test_age_after_copula_and_after_kin_word() -> None:
    text = "his great-aunt is ninety-four\n23:10  call  grandfather, 97\nit was ninety percent"
    assert texts(text, agewords.find(text)) == {"ninety-four", "97"}


def test_street_crossings_by_their_word() -> None:
    text = "дүкен абай мен төле би қиылысында; на углу Чехова и Гоголя; corner of Elm and Pine; 人民路与解放路交叉口"
    assert texts(text, addresstails.crossings(text)) == {
        "абай мен төле би қиылысында",
        "на углу Чехова и Гоголя",
        "corner of Elm and Pine",
        "人民路与解放路交叉口",
    }


def test_room_only_after_a_lodging() -> None:
    text = "Анасы «Шуақ» үйінде, 12-бөлмеде тұрады.\nДәрігер 5-бөлмеде қабылдайды."
    assert texts(text, addresstails.crossings(text)) == {"12-бөлмеде"}


def test_vk_and_discord_shapes() -> None:
    text = (
        "Оля Брыкина (12 мар 2026 в 19:02): ты где\nDen4ik (12 мар 2026 в 19:05): дома\n\n"
        "Ghostie — Today at 21:03\nyo\nMila_K — Today at 21:04\nhey\n"
    )
    found = texts(text, chatlines.find(text, "ru"))
    assert {"Оля Брыкина", "Den4ik", "Ghostie", "Mila_K"} <= found


def test_a_schedule_with_times_on_their_own_is_not_a_chat() -> None:
    text = "Lunch 12:30\nthen rest\nMeeting 14:00\nwith staff\n"
    assert texts(text, chatlines.find(text, "en")) == set()


def test_chat_header_names_the_group() -> None:
    text = "WhatsApp Chat with Rodiče 4.C Sluníčka\n\nChat with Mum\n"
    assert texts(text, chatlines.find(text, "cs")) == {"Rodiče 4.C Sluníčka"}


def test_address_joined_with_an_overlapping_name_then_grown() -> None:
    text = "ул. Маркса и Энгельса, 12, каб. 4."
    spans = [
        Span(0, len("ул. Маркса"), "ADDRESS", "test"),
        Span(4, len("ул. Маркса и Энгельса"), "PERSON", "test"),
    ]
    assert texts(text, addresstails.grown(text, spans)) == {"ул. Маркса и Энгельса, 12, каб. 4"}


def test_unit_and_named_building_before_a_street() -> None:
    text = "Unit 4, Kelso Works\n> The Barn, 3 Mill Street\nwith Tom, 3 Mill Street"
    a = text.index("Kelso")
    b = text.index("3 Mill")
    c = text.rindex("3 Mill")
    spans = [
        Span(a, a + len("Kelso Works"), "ADDRESS", "test"),
        Span(b, b + len("3 Mill Street"), "ADDRESS", "test"),
        Span(c, c + len("3 Mill Street"), "ADDRESS", "test"),
    ]
    assert texts(text, addresstails.grown(text, spans)) == {
        "Unit 4, Kelso Works",
        "The Barn, 3 Mill Street",
    }


def test_telegram_copy_shape() -> None:
    text = "Ирина Белова, [12.03.2026 19:02]\nкто забрал?\nDenis K, [12.03.2026 19:05]\nя\n"
    assert texts(text, chatlines.find(text, "ru")) == {"Ирина Белова", "Denis K"}


def test_russian_street_named_for_someone_with_its_house() -> None:
    text = "Живут на Чкалова, дом пятнадцать, квартира 4. Пришла от Ивана, он дома."
    assert texts(text, addresstails.find(text)) == {"Чкалова, дом пятнадцать, квартира 4"}


def test_us_grade_number_and_uk_year_but_not_a_mark() -> None:
    text = "He is in grade 6; a grade 4 student; Amy (Y7); she got a grade 6 in maths."
    found = list(classforms.find(text))
    assert texts(text, found) == {"grade 6", "grade 4", "Y7"}
    assert [s.start for s in found if text[s.start : s.end] == "grade 6"] == [9]


def test_the_engine_calls_this_round_through_moreshapes() -> None:
    from praxishub.cases.engine import Deidentifier

    text = "Ольга мама Севы 🍀 (09:10): доброе утро\nOleg P. (09:12): привет\n"
    tool = Deidentifier(language="ru")
    masked = tool.text(text)
    assert "Ольга мама Севы 🍀" not in masked and "Oleg P." not in masked
    assert "доброе утро" in masked
