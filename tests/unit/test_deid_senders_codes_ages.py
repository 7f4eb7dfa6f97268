"""Identifiers in the shapes the twenty-third set's notes gave them: initials of a name
written surname first, a client's code letter, Malaysian phones and MyKad numbers, an
English weekday cut short before a date, a numbered message's sender, ages over 89 in
speech and in Czech words, a Taiwan county's postcode, a Czech court's mark with two
registers, classes (a Macau class with its letter, a span of Chinese grades, a Kenyan form
with its stream), a LINE ID, a user name read out without a spoken "_", a Russian school
with its level, Kyrgyz names, a Taiwanese township's office. Each found, the look-alikes
left alone. Every person, number and address is invented."""

from __future__ import annotations

import pytest
from deid_probe import covered, touched

STAFF_TABLE = (
    "<table>\n<tr><th>Аты-жөні</th><th>Белгі</th></tr>\n"
    "<tr><td>Пак Алина Сергеевна</td><td>АП</td></tr>\n</table>\n\n"
    "## 1-жағдай (АП): 7 «Б» сынып оқушысы\n\nАП 3 ақпанда екінші кездесуді өткізді."
)


def test_initials_of_a_name_written_surname_first_wherever_they_recur() -> None:
    assert covered(STAFF_TABLE, "kk", "АП")


def test_a_client_s_code_letter_wherever_it_stands() -> None:
    text = "- 说明：来访者均以字母代称。\n\n来访者K，女，初二。K自10月起拒学。她用LINE联系。"
    assert covered(text, "zh", "K")
    assert not touched(text, "zh", "LINE")


@pytest.mark.parametrize("part", ["017-382 6604", "04-229 1876", "091203-07-5512"])
def test_malaysian_phones_and_a_mykad_where_malaysia_is_named(part: str) -> None:
    text = "家住槟城。母亲手机 017-382 6604，家里 04-229 1876，孩子 MyKad 091203-07-5512。"
    assert covered(text, "zh", part)


def test_a_number_shaped_like_a_malaysian_phone_is_left_where_nothing_names_malaysia() -> None:
    assert not touched("见第 04-229 1876 页的表格。", "zh", "04-229 1876")


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("**Thu 5 Mar**, 10:00, ward round, 30 min.", "en", "Thu 5 Mar"),
        (
            "**3-хабарлама** — жіберуші: Динара Әлидің мамасы, 14.01.2026, 18:40 (2:31)",
            "kk",
            "Динара Әлидің мамасы",
        ),
        (
            "**2-хабарлама** — Динара Әлидің мамасы, 14.01.2026, 18:41 (0:31)",
            "kk",
            "Динара Әлидің мамасы",
        ),
        ("she cant come shes ninety four and she fell last week", "en", "ninety four"),
        ("„v devadesáti dvou už nikam nechodím,“ řekla paní.", "cs", "devadesáti dvou"),
        ("үйде әжем бар тоқсан екіге шықты биыл", "kk", "тоқсан екіге"),
        ("<p>970004 花蓮縣花蓮市中山路88號</p>", "zh", "970004"),
        ("zpráva soudu (sp. zn. 31 P a Nc 118/2025) – do 30. 4.", "cs", "31 P a Nc 118/2025"),
        ("學生陳子軒現就讀本校初三C班。", "zh", "初三C班"),
        ("他五年级到六年级在老家读书", "zh", "五年级到六年级"),
        ("**Student:** Mercy Wanjiru, Form 2 East, Adm. No. 5120", "en", "Form 2 East"),
        ("她加了社工的 LINE（LINE ID：amis_lily07），說", "zh", "amis_lily07"),
        ("я посмотрела там ник у тимура тимон ноль семь и ещё", "ru", "тимон ноль семь"),
        (
            "Заявление о зачислении в среднюю школу № 214 подано 02.02.2026.",
            "ru",
            "среднюю школу № 214",
        ),
        ("В журнале: Айбек уулу Нурсултан, 12.04.2014 г. р.", "ru", "Айбек уулу Нурсултан"),
        ("Мать — Асанова Гулзат Бакыт кызы.", "ru", "Асанова Гулзат Бакыт кызы"),
        ("由玉里鎮公所協助申請急難救助。", "zh", "玉里鎮公所"),
    ],
)
def test_dates_senders_ages_numbers_classes_and_bodies(text: str, language: str, part: str) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("В девяностые годы семья переехала.", "ru", "девяностые"),
        ("ник у него был один два три", "ru", "был один"),
        ("Заявление подано через Госуслуги 02.02.2026.", "ru", "Госуслуги"),
    ],
)
def test_look_alikes_stay(text: str, language: str, part: str) -> None:
    assert not touched(text, language, part)
