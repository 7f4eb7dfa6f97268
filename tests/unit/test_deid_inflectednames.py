"""Round 11a: PERSON names in Russian, Kazakh and Czech notes (``inflectednames``).

Every sentence here is invented; each rule has a case it must catch and one it must leave.
"""

from __future__ import annotations

import pytest

from praxishub.cases import inflectednames, intake
from praxishub.cases.spans import Span


def _found(text: str, language: str, names: tuple[str, ...] = (), people: tuple[str, ...] = ()):
    """The texts r11a finds, given intake names and PERSON spans other layers found."""
    spans = []
    for person in people:
        start = text.index(person)
        spans.append(Span(start, start + len(person), "PERSON", "test"))
    known = intake.from_names(list(names), language)
    return {text[s.start : s.end] for s in inflectednames.find(text, language, spans, known)}


def test_other_languages_untouched() -> None:
    assert _found("Ms Olga Ni met Anna K. today", "en") == set()


# --- growing a found name -------------------------------------------------------------------


def test_lower_case_patronymic_joins_the_name() -> None:
    text = "я позвонила тренеру олегу викторовичу вчера вечером"
    assert "олегу викторовичу" in _found(text, "ru", people=("олегу",))


def test_uzbek_patronymic_word_joins_the_name() -> None:
    text = "Ученик: Каримов Азиз Рустам угли, прибыл из Бухары."
    assert "Каримов Азиз Рустам угли" in _found(text, "ru", people=("Каримов Азиз",))


def test_kazakh_ending_after_initials_joins_the_name() -> None:
    text = "Мектеп директоры Сейткалиев Б. К.-ға хат жолданды."
    assert "Сейткалиев Б. К.-ға" in _found(text, "kk", people=("Сейткалиев",))


def test_korean_given_name_syllables_join_the_family_name() -> None:
    text = "Дедушка Тен Ён Су приходит по пятницам."
    assert "Тен Ён Су" in _found(text, "ru", people=("Тен",))


# --- whole-name shapes ------------------------------------------------------------------------


def test_name_before_postposed_honorific() -> None:
    assert "Турсунбай" in _found("Атасы Турсунбай ака оны мектепке әкеледі.", "kk")


def test_kin_word_before_honorific_is_no_name() -> None:
    assert _found("Нағашы апа келіп кетті.", "kk") == set()


def test_maiden_name_after_roz() -> None:
    assert "Kubíčková" in _found("Matka: Jana Veselá, roz. Kubíčková, tel. neuveden.", "cs")


def test_korean_family_name_after_first_name_and_alone() -> None:
    text = "На разборе была Марина Хван. Хван (сама из Андижана) предложила план."
    assert {"Марина Хван", "Хван"} <= _found(text, "ru")


def test_particle_like_korean_name_opening_a_sentence_stays() -> None:
    assert _found("Ни слова не сказал на встрече.", "ru") == set()


def test_vietnamese_names_in_czech() -> None:
    found = _found("Tlumočila paní Trần Thị Lan. Nguyenovi jsme poslali pozvánku.", "cs")
    assert {"Trần Thị Lan", "Nguyenovi"} <= found


# --- lower case -------------------------------------------------------------------------------


def test_intake_name_in_lower_case() -> None:
    assert "ерлан" in _found("вчера ерлан опять не спал до утра", "ru", names=("Ерлан Сапаров",))


def test_word_name_in_lower_case_stays_a_word() -> None:
    text = "у неё вера в себя растёт"
    assert _found(text, "ru", names=("Вера Петрова",)) == set()


def test_first_name_in_a_timed_chat_line() -> None:
    assert "гоша" in _found("[20:14] папа: это не наш, гоша в тот день болел", "ru")


def test_word_in_a_timed_chat_line_stays() -> None:
    assert _found("[20:15] мама: роза завяла, слава богу всё хорошо", "ru") == set()


def test_lower_case_name_after_kin_word() -> None:
    assert "вика" in _found("у меня есть тётя вика, но она далеко", "ru")


def test_kazakh_lower_case_name_with_voiced_ending() -> None:
    text = "мен барайын десем нұрбегім жылап жатыр"
    assert "нұрбегім" in _found(text, "kk", names=("Нұрбек Омаров",))


def test_kazakh_first_name_lower_case_recurs() -> None:
    text = "Айдана бүгін келмеді. 18:02 анасы: айдана үйде"
    assert "айдана" in _found(text, "kk", people=("Айдана",))


# --- nicknames and sentence openers -----------------------------------------------------------


def test_nickname_from_a_surname_in_the_note() -> None:
    text = "Одноклассники дразнили её «Каримка» на переменах."
    assert "Каримка" in _found(text, "ru", names=("Лейла Каримова",))


def test_czech_nickname_from_a_surname_in_the_note() -> None:
    text = "Spolužáci mu na chodbě říkají Hrubík a smějí se."
    assert "Hrubík" in _found(text, "cs", names=("Tobiáš Hrubec",))


def test_word_near_a_name_is_no_nickname() -> None:
    assert _found("Hrubá chyba v testu.", "cs", names=("Tobiáš Hrubec",)) == set()


@pytest.mark.parametrize("text", ["Matějovi jsme doporučili kroužek.", "Petrova matka přišla."])
def test_czech_sentence_opening_with_a_declined_first_name(text: str) -> None:
    assert text.split()[0] in _found(text, "cs")


def test_czech_role_noun_opening_a_sentence_stays() -> None:
    assert _found("Metodička školy souhlasila s plánem.", "cs") == set()


def test_russian_diminutive_opening_a_quotation() -> None:
    assert "Алиночка" in _found("Мама пишет: «Алиночка опять не спала».", "ru")


def test_russian_word_opening_a_quotation_stays() -> None:
    assert _found("Мама пишет: «Девочка опять не спала».", "ru") == set()


# --- initials and titles ----------------------------------------------------------------------


def test_lower_case_name_with_initial_in_chat() -> None:
    assert "kristýna m." in _found("- tom.k: kristýna m. 💀", "cs")


def test_surname_after_lower_case_czech_title() -> None:
    assert "Dvořákové" in _found("dala to psycholožce mgr. Dvořákové včera", "cs")


def test_initial_after_pani() -> None:
    assert "K." in _found("matka paní K. o tom neví", "cs")


def test_word_and_letter_is_no_name() -> None:
    assert _found("viz příloha b. a tabulka", "cs") == set()


# --- chat pet names and surnames --------------------------------------------------------------


def test_czech_pet_name_in_a_chat_line() -> None:
    assert "zuzi" in _found("23:52 mlha_7: a ten kluk to pošle zuzi a celý třídě", "cs")


def test_czech_chat_words_are_no_pet_names() -> None:
    assert _found("23:53 mlha_7: doma je to dneska fakt hodně zlý, tomu nevěřím", "cs") == set()


def test_russian_lower_case_surname_only_word_in_a_transcript() -> None:
    text = "фамилию не говорит вроде смирнов или как то так живёт где то рядом"
    assert "смирнов" in _found(text, "ru")
