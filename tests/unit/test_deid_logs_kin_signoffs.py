"""Identifiers in the shapes the twenty-fourth set's notes gave them: a hotline log's rows
cited by their three-digit tails, a record's letters glued to its dated number, a meeting's
number in brackets, a care plan's number, ages over 89 in figures after 今年 and in Czech after
"jemu je", a phone read out with its country code, Chinese firms and clinics by their kind, a
town before its country, initials signing a note, a pupil's letter after 小, a child's full
name after its kin word, Wuhan's districts by their short names, a voice message's sender
with who they are, a name in a chat's lower case before an honorific; and wrong masks of that
set gone (a time range, a code's number, an app before a state's look-alike, "telling the
school"). Each found, the look-alikes left alone. Every person, number and address is
invented."""

from __future__ import annotations

import pytest
from deid_probe import covered, touched

HOTLINE_LOG = (
    "```\n"
    "HL260310-009   22:14-22:41   27′   电话  女/34     洪山     婚姻冲突、失眠   低\n"
    "HL260310-010   23:02-23:30   28′   文字  女/15     东西湖   学业压力         中\n"
    "```\n\n"
    "## 重点记录\n\n"
    "**009**　来电者自称“芳姐”，丈夫在外地跑车。\n\n"
    "## 交接\n\n- 010 上午跟进，交白班。\n"
)


@pytest.mark.parametrize("part", ["009", "010", "洪山", "东西湖"])
def test_a_hotline_log_s_rows_by_their_tails_and_its_district_column(part: str) -> None:
    assert covered(HOTLINE_LOG, "zh", part)


def test_a_lone_three_digit_number_is_no_row_without_a_series_of_rows() -> None:
    text = "记录编号 HL260310-009。本周共接 010 通电话，其中 009 通为夜班。"
    assert covered(text, "zh", "HL260310-009")
    assert not touched(text, "zh", "010")


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Ол Алматы қаласының тұрғыны. Ол мектепте оқиды.", "kk", "Алматы қаласының"),
        ("Signed: F . Adeyemi     Date: l0/ll/2026", "en", "l0/ll/2026"),
        ("- Sinéad from Belfast asked whether the second appointment could move.", "en", "Sinéad"),
        (
            "Tlumočení zajistí Centrum na podporu integrace cizinců, tlumočnice paní Iryna.",
            "cs",
            "Centrum na podporu integrace cizinců",
        ),
        (
            "Pražská onkopsychologická služba, klubovna Sokolovská 128, Praha 8",
            "cs",
            "Pražská onkopsychologická služba",
        ),
        ("ЦАОП ГБУЗ «ГКБ № 79 ДЗМ», г. Зеленоград, корп. 1460, конференц-зал", "ru", "корп. 1460"),
        ("      О7ОО18, Ө с к е м е н қ., Сәтпаев даңғылы, 5З", "kk", "Ө с к е м е н"),
        ("3. Туу туралы куәлік: I-ШҚ № 0381746, берілген 1l.O9.2O17", "kk", "I-ШҚ"),
        ("去年九月从重庆万州区沙河初级中学转入本校初三。", "zh", "初三"),
        ("子朗今年讀中一，學校係上水嘅北區恩光書院", "zh", "中一"),
        ("её номер 8 987 265-41-09 если что, рәзидә апа зовут", "ru", "рәзидә"),
        ("## 一、个案：文字咨询 HL260310-014（接线 吴思琪）", "zh", "HL260310-014"),
        ("Trev, regular caller, care plan CP-0931: 20 minutes, then goodbye.", "en", "CP-0931"),
        ("- 形式：会议室 + 腾讯会议（517 206 883，供远城区的志愿者参加）", "zh", "517 206 883"),
        ("- 覃凤：婆婆今年 95，生病前一直是她伺候。", "zh", "95"),
        ("táta bydlí sám… jemu je devadesát jedna a v sobotu mu bude víc", "cs", "devadesát jedna"),
        (
            "její číslo je plus čtyři sta dvacet sedm set sedmdesát čtyři dvě stě osm pět set "
            "šedesát jedna a psala vám",
            "cs",
            "plus čtyři sta dvacet sedm set sedmdesát čtyři dvě stě osm pět set šedesát jedna",
        ),
        (
            "3. **工作**：她在江汉区宏远会计师事务所做会计，病假到四月底。",
            "zh",
            "江汉区宏远会计师事务所",
        ),
        ("男，自称阿杰，上月被临空港顺达物流辞退，今晚喝了酒。", "zh", "临空港顺达物流"),
        ("母亲在汉口江滩肿瘤防治门诊部化疗，他一个人照顾。", "zh", "汉口江滩肿瘤防治门诊部"),
        ("<tr><td>Күләш Серікқызы</td><td>Омбы, Ресей</td></tr>", "kk", "Омбы"),
        ("Rodinu informuji přes WhatsApp (souhlasil).\n\nVŠ\n", "cs", "VŠ"),
        ("Propuštění posunuto na 11. 3. 2026. KD\n\n---\n\n**Záznam**", "cs", "KD"),
        ("学生：汪浩然（会上称“小W”），男，11岁，六年级", "zh", "W"),
        ("女儿周语桐在武汉市沿江外国语学校读高三（7）班。", "zh", "周语桐"),
        ("她爸搬到沌口去了 我不晓得跟这个有没得关系", "zh", "沌口"),
        (
            "x\n\n**Голосовое 1** — Сусанна Геворковна (бабушка Давида 5Б), 24.02.2026, 1:37\n",
            "ru",
            "Сусанна Геворковна (бабушка Давида 5Б)",
        ),
        (
            "Аудио транскрипция (түзетілмеген). Жіберуші: Күлпаш Әлиханның әжесі. Алушы: психолог.",
            "kk",
            "Күлпаш Әлиханның әжесі",
        ),
    ],
)
def test_numbers_ages_bodies_places_signatures_and_senders(
    text: str, language: str, part: str
) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("PHQ-9 score 14, GAD-7 score 9; the ЕГЭ-2026 timetable is out.", "en", "PHQ-9"),
        ("Выпускники сдают ЕГЭ-2026 в июне.", "ru", "ЕГЭ-2026"),
        ("今年 95 分以上的同学有三个。", "zh", "95"),
        ("儿子周末在家休息，女儿今天在学校。", "zh", "周末"),
        ("Zůstal doma.\n\nOK\n", "cs", "OK"),
        ("他说青山常在，慢慢来。", "zh", "青山"),
        ("Ол Алматы қаласының тұрғыны. Ол мектепте оқиды.", "kk", "Ол"),
        ("Ол Алматы қаласының тұрғыны. Ол мектепте оқиды.", "kk", "мектепте"),
        ("- Parents from Leeds were invited to the evening.", "en", "Parents"),
        ("она сказала вот моя апа пришла, всё хорошо", "ru", "моя"),
        ("только в среду нас не будет, мы повезём әби в больницу", "ru", "повезём"),
        ("HL260310-013   01:12-01:40   28′   电话  男/22", "zh", "12-01"),
        ("<tr><td>P3-01</td><td>刘慧敏</td><td>术后化疗</td></tr>", "zh", "3-01"),
        ("Supervize 19. 3. v 17:00 (Zoom, ID schůzky 845 2210 7391).", "cs", "Zoom"),
        ("Supervize 19. 3. v 17:00 (Zoom, ID schůzky 845 2210 7391).", "cs", "ID"),
        ("来访者：我在藏龙岛那边的高中 你们不会告诉学校吧", "zh", "告诉学校"),
        ("明天午休找学校心理老师。", "zh", "找学校"),
        ("跟他介绍一下学校心理辅导是做什么的。", "zh", "学校"),
        ("```\n02:04  来访者：在吗\n02:07  来访者：划了一下手\n```", "zh", "来访者"),
    ],
)
def test_look_alikes_stay(text: str, language: str, part: str) -> None:
    assert not touched(text, language, part)
