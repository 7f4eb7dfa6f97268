"""Round 11b's rules: English and Chinese person names, chat display names and group names."""

from __future__ import annotations

from praxishub.cases import chathandles, ennames, zhnameshapes
from praxishub.cases.spans import Span


def _names(text: str, language: str = "en", found: list[Span] | None = None) -> set[str]:
    return {text[s.start : s.end] for s in ennames.find(text, language, found or [])}


def _zh(text: str, language: str = "zh", found: list[Span] | None = None) -> set[str]:
    return {text[s.start : s.end] for s in zhnameshapes.find(text, language, found or [])}


def _handles(text: str, language: str, found: list[Span] | None = None) -> set[str]:
    return {text[s.start : s.end] for s in chathandles.find(text, language, found or [])}


def _span(text: str, part: str, kind: str = "PERSON") -> Span:
    start = text.index(part)
    return Span(start, start + len(part), kind, "test")


# --- English names -------------------------------------------------------------


def test_lower_case_name_after_kinship_word() -> None:
    text = "hi its me again, my stepdad wojtek said he can drive her on monday"
    assert "wojtek" in _names(text)


def test_lower_case_surname_after_title_with_filler() -> None:
    assert "nwosu" in _names("i left a message for mr um nwosu about the trip")


def test_kinship_word_before_common_word_stays() -> None:
    assert _names("my mum said she was tired and my friend group left") == set()


def test_verb_after_kinship_word_stays() -> None:
    assert _names("her grandma messaged the school twice") == set()


def test_greeting_and_request_in_chat() -> None:
    text = "8:01 PM  skyfox#1212: hey zaki u there\n8:02 PM  Ama: tell zaki to call his mum"
    assert _names(text) == {"zaki"}


def test_initials_after_role_word() -> None:
    assert "DM" in _names("The boyfriend DM has not been seen since March.")


def test_sentence_opening_name_before_verb() -> None:
    text = "## Background\n\nEsperanza lives with her aunt. Dario's mum came in later."
    assert {"Esperanza", "Dario"} <= _names(text)


def test_sentence_opening_word_names_stay() -> None:
    text = "Hope is what keeps her going. Will was not discussed. Grace under pressure."
    assert _names(text) == set()


def test_test_names_stay() -> None:
    assert _names("Raven's raw score was 30/36.") == set()


def test_sibling_label_and_signature() -> None:
    text = "Siblings: Kasia, Year 2\nSigned: TFairweather    Date: today"
    assert {"Kasia", "TFairweather"} <= _names(text)


def test_lower_case_recurrence_of_found_name() -> None:
    text = "ask mrs okonjo about it\nokonjo is always late"
    found = [_span(text, "okonjo")]
    spans = [s for s in ennames.find(text, "en", found) if s.start > 20]
    assert [text[s.start : s.end] for s in spans] == ["okonjo"]


def test_a_name_that_is_a_common_word_spreads_but_not_after_an_article() -> None:
    """A mother called "faith" in a chat is masked again in "told faith", but "a faith
    group" and "in good faith" keep the word."""
    text = (
        "22:40 me: my mom faith is asleep\nI told faith. They go to a faith group, in good faith."
    )
    found = [_span(text, "faith")]
    spans = [s for s in ennames.find(text, "en", found) if s.start > 30]
    assert [text[s.start : s.end] for s in spans] == ["faith"]
    assert spans[0].start == text.index("told faith") + len("told ")


def test_name_tail_initials_and_generation() -> None:
    text = 'Dad (Samuel Adeyemi Jr.) and "Femi K" were there.'
    found = [_span(text, "Samuel Adeyemi"), _span(text, "Femi")]
    assert {"Samuel Adeyemi Jr.", "Femi K"} <= _names(text, found=found)


def test_other_languages_untouched() -> None:
    assert _names("my husband tomek", language="cs") == set()


# --- Chinese names ---------------------------------------------------------------


def test_surname_between_role_and_honorific() -> None:
    assert "聂" in _zh("下午请心理老师聂老师参加。")


def test_lone_surname_before_honorific() -> None:
    assert "白" in _zh("每周去清真寺，白阿訇常夸他。")


def test_conjunction_before_honorific_stays() -> None:
    assert "和" not in _zh("他说，和老师商量后再定。")
    assert "班" not in _zh("家长，班主任都同意了。")


def test_full_name_after_role_word() -> None:
    assert "邵明远" in _zh("班主任邵明远认为问题不大。")


def test_common_word_after_role_is_no_name() -> None:
    assert _zh("个案督导申请\n") == set()


def test_case_header_name() -> None:
    assert "格桑卓嘎" in _zh("来访学生格桑卓嘎，女，14岁，初二。")


def test_name_before_ethnicity_and_its_recurrence() -> None:
    text = "涉及的学生：岩罕（傣族）。后来岩罕承认了。"
    starts = {s.start for s in zhnameshapes.find(text, "zh", []) if text[s.start : s.end] == "岩罕"}
    assert len(starts) == 2


def test_nickname_next_to_friend_word() -> None:
    assert "小凯" in _zh("最好的朋友小凯和他一起玩。")


def test_common_small_words_stay() -> None:
    assert _zh("他和小学同学是小组成员。") == set()


def test_hangul_and_han_in_english_note() -> None:
    assert {"김민지", "黄晓东"} <= _zh("Her Korean name is 김민지; father 黄晓东 called.", "en")


def test_parent_chat_name_gives_child() -> None:
    assert "子涵" in _zh("20:05 子涵妈妈：老师好")


# --- Handles ---------------------------------------------------------------------


def test_speaker_grown_to_whole_display_name() -> None:
    text = "Марина мама Кости 19:02  всем добрый вечер"
    found = [_span(text, "Марина")]
    assert "Марина мама Кости" in _handles(text, "ru", found)


def test_speaker_with_initial() -> None:
    assert "Jana K." in _handles("Jana K. 07:45  dobrý den", "cs")


def test_bold_speaker_username() -> None:
    assert "kira.art" in _handles("**kira.art**: ty jsi krásná", "cs")


def test_quoted_group_after_platform_word() -> None:
    text = 'they made a group chat called "year 9 losers" last week'
    assert "year 9 losers" in _handles(text, "en")


def test_quoted_post_content_stays() -> None:
    text = 'she posted on TikTok "i am done with this" last night'
    assert _handles(text, "en") == set()


def test_channel_after_channel_word() -> None:
    assert "#general" in _handles("he posted it in #general again", "en")


def test_tag_joined_to_found_handle() -> None:
    text = "two of them, toxic_fox#2231 and BLAZER, kept posting"
    found = [_span(text, "toxic_fox#2231", "HANDLE")]
    assert "BLAZER" in _handles(text, "en", found)


def test_mixed_script_token_around_found_name() -> None:
    text = "发帖账号：小雨abc，另一个"
    found = [_span(text, "小雨")]
    assert "小雨abc" in _handles(text, "zh", found)


def test_label_before_latin_is_no_handle() -> None:
    text = "微信号abc_123，"
    found = [_span(text, "abc_123", "HANDLE")]
    assert "微信号abc_123" not in _handles(text, "zh", found)


def test_legend_of_handles() -> None:
    text = "- NightOwl = Kofi Mensah, 8th"
    found = [_span(text, "Kofi Mensah")]
    assert "NightOwl" in _handles(text, "en", found)


def test_a_bracketed_display_name_recurs_whole() -> None:
    """A chat sender's display name with a bracket ("农阿姨(浩浩外婆)") is masked whole where it
    recurs as an @-mention, not just the part before the bracket."""
    from praxishub.cases.engine import Deidentifier

    text = "20:04 农阿姨(浩浩外婆)：说拍照的那个\n20:10 黄丽萍-五3班主任：@农阿姨(浩浩外婆) 阿姨，先别说\n"
    masked = Deidentifier(language="zh").text(text)
    assert "浩浩外婆" not in masked and "(" not in masked, masked
