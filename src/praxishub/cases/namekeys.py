"""Names by what stands for them: initials keyed to a name, and names written in lower case.

Rule: minutes and case conferences list their members once with the initials that stand
for them afterwards ("JT      Jana Tomsová    chair", "Ola Berg (OB)"), or by initials alone
with a role in brackets ("Present: GO (DSL, chair); FA (mum)", "参加：WHM、DHT、SJ（白班）");
a column of an aligned table where two or more cells are found people's initials lists
members, and its other cells are too; initials that match
the capitals of a name on the same line are that person, wherever they recur. A person
found in a case (with a capital) is the same person where a transcript or chat writes the
name in lower case ("kasia said…", "u honzíka"), if the lower-case form is no common word
of the language (the wordfreq lists judge, as for ``capitals``).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator

from praxishub.cases import capitals, chatnames, wordlists
from praxishub.cases.spans import Span

_UP = "A-ZÀ-ÖØ-ÞА-ЯЁӘҒҚҢӨҰҮҺІČŠŽŘĎŤŇŁŚŻĽĹŔŮŐŰĚŃĆĘĄŹ"
# Initials (2–3 capitals) opening a line, then a name of 2–4 capitalised words.
_KEY_FIRST = re.compile(
    rf"(?m)^[^\S\n]*(?P<key>[{_UP}]{{2,3}})[^\S\n]+(?P<name>(?:[^\W\d_][\w'’.-]*[^\S\n]){{1,5}}[^\W\d_][\w'’-]*)"
)
# A name of 2–4 capitalised words, then its initials in brackets: "Ola Berg (OB)", also after
# a role ("Karen Lindqvist, classroom teacher (KL)") or with one inside the brackets
# ("Мадина Құрманғалиева (аға кеңесші, МҚ)").
# An initial with its full stop counts as a word: "Сидоренко О. П. (СОП, …)".
_NAME = rf"(?P<name>(?:[{_UP}][\w'’-]*\.?[^\S\n]){{1,3}}[{_UP}][\w'’-]*\.?)"
# A key may write a Welsh digraph whole: "Siân Llewellyn (SLl)", "Rhys Thomas (RhT)".
_KEY = rf"(?P<key>(?:[{_UP}](?:(?<=L)l|(?<=[CRTP])h|(?<=D)d|(?<=F)f)?){{2,3}})"
_KEY_AFTER = re.compile(rf"{_NAME}[^\S\n]*\({_KEY}\)")
_KEY_AFTER_ROLE = re.compile(
    rf"{_NAME}(?:,[^\S\n][^()\n,;]{{1,40}})?[^\S\n]*\((?:[^()\n,;]{{1,30}},[^\S\n]*)?"
    rf"{_KEY}\)"
)
# Initials first in the brackets, a workplace after them: "Сидоренко О. П. (СОП, ГБУЗ …)".
_KEY_BEFORE_ROLE = re.compile(rf"{_NAME}[^\S\n]*\({_KEY},[^\S\n]")
# A legend of initials and Chinese names: "接线员缩写：ZM＝周敏，LYF＝卢一帆".
_KEY_HAN = re.compile(r"(?<![A-Za-z])(?P<key>[A-Z]{2,4})[^\S\n]*[=＝][^\S\n]*[\u4e00-\u9fff]{2,5}")
# A Chinese name with its pinyin initials in brackets after it: "民政局儿童福利股 赫英杰（HYJ）"
_HAN_THEN_KEY = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,4})[（(](?P<key>[A-Z]{2,4})(?:[)）]|[，,、；](?=[^）)\n]{0,20}[）)]))"
)
# The name inside the brackets, its initials after a comma: "(Bc. Lucie Marešová, LM)"
_KEY_IN_BRACKETS = re.compile(rf"\((?:[^()\n,;]{{0,15}}[^\S\n])?{_NAME},[^\S\n]*{_KEY}\)")
# Initials a note says it writes instead of the name: "Client (initials only in supervision): HAF"
_INITIALS_LABEL = re.compile(
    rf"(?i:initials|инициал\w*|iniciál\w*)[^:\n]{{0,40}}:(?:\*\*)?[^\S\n]*(?P<key>[{_UP}]{{2,4}})(?![\w.])"
    # the rest of a list of them: "Přítomní (iniciály): AP, VH, JK, MŠ, LD, ZB"
    rf"(?P<more>(?:[^\S\n]*[,;/][^\S\n]*[{_UP}]{{2,4}}(?![\w.'’]))*)"
)
# Initials after a counsellor's or supervisor's role word, alone or listed: "второй консультант
# (КДИ)", "кезекші кеңесшілер БӘТ, ЛВС, НӘМ, КДС;", "counsellors AB, CD and EF"
_ROLE_KEYS = re.compile(
    rf"(?<![^\W\d_])(?i:консультант\w*|супервизор\w*|кеңесші\w*|counsell?ors?|supervisors?"
    rf"|konzultant\w*|supervizor\w*"
    # "**Typed by admin (ML)**": who typed or took the note, in brackets after that role
    rf"|admin|administrator|secretary|receptionist|typist|scribe|minute-taker|note-taker)(?:[:：]?[^\S\n]*(?:[{_UP}][^\W\d_{_UP}]+[^\S\n]*)?\(|[^\S\n]+)"
    rf"(?P<keys>[{_UP}]{{2,3}}(?:(?:,[^\S\n]*|[^\S\n]+(?:и|және|and|a)[^\S\n]+)[{_UP}]{{2,3}})*)"
    rf"(?=[),;.:]|[^\S\n]*$|[^\S\n]+[^\W\d_])",
    re.MULTILINE,
)
# Short words a form's right-hand column holds that are no one's initials
_NOT_SIGNED = frozenset(
    [
        "OK",
        "NA",
        "NO",
        "YES",
        "ANO",
        "NE",
        "ДА",
        "НЕТ",
        "ИЯ",
        "ЖОҚ",
        "TV",
        "ID",
        "SMS",
        "PC",
        "MD",
        "DR",
        "ST",
        "RN",
        "PE",
        "RE",
    ]
)
# A team's letters in brackets after a role ("admin (HR)"), no one's initials
_DEPARTMENTS = frozenset(["IT", "HR", "SW", "TA", "HT", "OT", "EP", "CT", "SEN", "SLT"])
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A writer's initials as a signature: alone at the right of a line (a form's handwritten
# "JK"), or with the time of a note in brackets ("Supervisor note (RO, 23:40)")
_SIGNED = re.compile(
    rf"(?m)^[^\S\n]{{12,}}(?P<key>[{_UP}]{{2,3}})[^\S\n]*$"
    # "Zapsal: OB, 3. 2. 2026": a note's writer by initials after the word for writing it down
    rf"|(?i:zapsal[a]?|zapsáno|записал[а]?|жазған|recorded[^\S\n]+by|notes[^\S\n]+by)[:：]?[^\S\n]+"
    rf"(?P<w>(?-i:[{_UP}]{{2,3}}))(?=[,.;]|[^\S\n]*$)"
    # "(СМ-26-1201, приняла ЛТО)": who took the call, in a call's brackets
    rf"|(?i:принял[а]?|přijal[a]?|taken[^\S\n]+by|answered[^\S\n]+by|қабылдаған)[^\S\n]+"
    rf"(?P<c>(?-i:[{_UP}]{{2,3}}))(?=\))"
    rf"|\((?P<t>[{_UP}]{{2,3}}),[^\S\n]*\d{{1,2}}:\d{{2}}\)"
    # "KH, 17 March 2026. Office 08 8951 4732.": a line opened by initials and the date signed
    rf"|^(?P<d>[{_UP}]{{2,3}}),[^\S\n]*(?:\d{{1,2}}(?:st|nd|rd|th)?[^\S\n]+(?:January|February|March"
    rf"|April|May|June|July|August|September|October|November|December)[^\S\n]+\d{{4}}"
    rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})(?=[.,;]?(?:[^\S\n]|$))"
)
# What follows initials that sign a note off with its date: ", 5. 2. 2026." at the line's end
_DATED = re.compile(
    r",[^\S\n]*(?:\d{1,2}\.[^\S\n]?\d{1,2}\.(?:[^\S\n]?\d{4})?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\.?[^\S\n]*$",
    re.MULTILINE,
)
# A meeting's list of who was there, written in initials with each one's role in brackets:
# "**Present:** GO (DSL, chair); RMC (school psychologist); FA (mum)"
_PRESENT_LINE = re.compile(
    r"(?im)^[^\S\n]*(?:\*\*)?(?:(?:members|staff|also|people|those|not)[^\S\n]+present|present|attendees|attending|in[^\S\n]+attendance|apologies"
    # (a remark in brackets before the colon: "Present (initials only, as agreed):")
    r"|přítomn[íi]|присутствовали|қатысқандар"
    # a Chinese meeting's "参加：WHM、DHT、LXF、SJ（白班）"
    r"|参加(?:人员)?|出席(?:人员)?|与会(?:人员|者)?|参会(?:人员)?)"
    r"(?:[^\S\n]*\([^()\n]{0,60}\))?[^\S\n]*[:：](?:\*\*)?[^\n]*"
)
_PRESENT_KEY = re.compile(
    # (not a credential after others: "Gurpreet Dhillon, MSW, RSW (School Social Worker)")
    rf"(?<![\w.])(?<![A-Z][A-Z],\s)(?P<key>[{_UP}]{{2,3}})[^\S\n]*\((?![A-Z]{{2,}}\))"
    r"(?P<role>[^()\n]{1,60})\)"
)


# One person's initials in a list: two or three capitals, a Welsh Ll ("LlR") or an Irish O'
# ("SO'B") among them
_KEY_FORM = rf"(?:[{_UP}]{{1,2}}['’][{_UP}]|[{_UP}]?Ll[{_UP}]{{1,2}}|[{_UP}]{{2,3}})"
# The list's first items, when they are initials alone: "**Присутствовали:** КАС, ВОН, …"
_PRESENT_BARE = re.compile(
    # (one may have a word in brackets: "BH, DW, MJ (new), SO'B, AH")
    rf"[^:：\n]*[:：](?:\*\*)?(?P<keys>(?:[^\S\n]*{_KEY_FORM}"
    rf"(?:[^\S\n]*\([^()\n]{{1,20}}\)|（[^（）\n]{{1,20}}）)?"
    # (the last may end at a column's gap: "LB, DM (new)   **Apologies:** JW")
    rf"(?:[^\S\n]*(?:[,;、，]|$)|[^\S\n]{{2,}}(?=\S))){{1,}})",
    re.MULTILINE,
)
_BARE_KEY = re.compile(
    rf"(?<![^\s,;:*、，：])(?P<key>{_KEY_FORM})"
    rf"(?:[^\S\n]*\((?P<role>[^()\n]{{1,20}})\)|（(?P<role2>[^（）\n]{{1,20}})）)?"
    r"(?=[^\S\n]*(?:[,;、，]|$)|[^\S\n]{2,}\S)",
    re.MULTILINE,
)


_KK_HYPHEN_ENDING = (
    r"-(?:мен|бен|пен|ға|ге|қа|ке|ның|нің|дың|дің|тың|тің|ны|ні|ды|ді|ты|ті|да|де|та|те|дан"
    r"|ден|тан|тен|нан|нен|а|е)(?![\w-])"
)


def _spelt(role: str) -> str:
    """The capitals a role's words would give ("head teacher" HT)."""
    return "".join(w[0] for w in role.split()).upper()


def keyed_initials(text: str) -> Iterator[Span]:
    """Initials that a line keys to a name, and their recurrences."""
    keys: set[str] = {m.group("key") for m in _KEY_HAN.finditer(text)}
    for line in _PRESENT_LINE.finditer(text):
        roled = [
            m.group("key")
            for m in _PRESENT_KEY.finditer(line.group())
            if not wordlists.allowed(m.group("key"))
            # "HT (head teacher)": an acronym spelt out, no person
            and _spelt(m.group("role")) != m.group("key")
        ]
        keys.update(roled)
        # bare initials opening the list, two or more of them: "КАС, ВОН, Надежда Ким (…)" (not
        # credentials after the names: "Joe Kowalski, PT, interpreter Luis Arce, SW")
        opening = _PRESENT_BARE.match(line.group())
        bare = [
            m.group("key")
            for m in (_BARE_KEY.finditer(opening.group("keys")) if opening else ())
            # "HT (head teacher)": an acronym spelt out, no person
            if not m.group("role") or _spelt(m.group("role")) != m.group("key")
        ]
        # ("Apologies: TL; PC (new member from Pegswood)": one bare, one with its role)
        listed = len(bare) + len(set(roled) - set(bare))
        if listed >= 2 and not any(wordlists.allowed(k) or k in _NOT_SIGNED for k in bare):
            keys.update(bare)
    for m in _INITIALS_LABEL.finditer(text):
        keys.add(m.group("key"))
        keys.update(re.findall(rf"[{_UP}]{{2,4}}", m.group("more")))
    for m in _ROLE_KEYS.finditer(text):
        listed = re.findall(rf"[{_UP}]{{2,3}}", m.group("keys"))
        if "(" in m.group() or len(listed) > 1:  # "консультант ЦРБ": a hospital's acronym
            keys.update(
                k
                for k in listed
                if not wordlists.allowed(k) and k not in _NOT_SIGNED and k not in _DEPARTMENTS
            )
    keys.update(
        key
        for m in _SIGNED.finditer(text)
        if not wordlists.allowed(
            key := m.group("key") or m.group("t") or m.group("w") or m.group("c") or m.group("d")
        )
        and key not in _NOT_SIGNED
    )
    for m in _HAN_THEN_KEY.finditer(text):
        key = m.group("key")
        name = m.group("name")[-len(key) :]
        if len(name) == len(key) and key in _initials_for(name):
            keys.add(key)
            yield Span(m.end("name") - len(key), m.end("name"), "PERSON", "initials-key")
    for pattern in (_KEY_FIRST, _KEY_AFTER, _KEY_AFTER_ROLE, _KEY_BEFORE_ROLE, _KEY_IN_BRACKETS):
        for m in pattern.finditer(text):
            name = m.group("name")
            if _keys(_initials_of(name, m.group("key")), m.group("key")) and not _common_words(
                name
            ):
                keys.add(m.group("key"))
    if not keys:
        return
    # after a slash too: a shift table's "JŠ/DB" (two counsellors on one call); with a Kazakh
    # case ending after a hyphen, which is part of the name ("ГСӘ-мен")
    pattern = re.compile(
        rf"(?<![^\W\u4e00-\u9fff]|[@#.'’-])(?<!://)(?:{'|'.join(map(re.escape, sorted(keys, key=lambda k: (-len(k), k))))})"
        rf"(?:{_KK_HYPHEN_ENDING})?(?![^\W\u4e00-\u9fff]|[@-])"
    )
    for m in pattern.finditer(text):
        yield Span(m.start(), m.end(), "PERSON", "initials-key")


# Initials standing alone: two or three capitals, not inside a word, a path or an address.
# Chinese characters may touch them ("CSY保持通话", "。HLJ用备用线"): a Han character is a word
# character to the regex, not part of the initials. Two initials joined by a slash ("CD/MK", a
# note written by two people) are both lone.
_NOT_HAN = r"[^\W\u3400-\u9fff]"
_SLASH_MATE = "|".join(rf"(?<=(?<!{_NOT_HAN})[{_UP}]{{{n}}}/)" for n in (2, 3, 4))
_LONE_CAPS = re.compile(
    rf"(?:(?<![@#./-])|{_SLASH_MATE})(?<!{_NOT_HAN})(?P<key>[{_UP}]{{2,4}})(?!{_NOT_HAN})(?![@-])"
)
# Capitals that a note means otherwise: times, multiple sclerosis.
_NOT_INITIALS = frozenset({"AM", "PM", "MS"})
# A shouted word next to it: then the capitals are a heading or shouting ("DO NOT CALL").
_CAPS_WORD = re.compile(rf"[{_UP}]{{2,}}")
_TOKEN = re.compile(r"\S*\w\S*")


# A list of three or more initials: "DML（新成员）、GXY、WCF、LJ", "АБ, ВГ, ДЕ"
_INITIALS_LIST = re.compile(
    rf"(?<![{_UP}a-zа-яё])[{_UP}]{{2,4}}(?:（[^）\n]{{1,8}}）)?"
    rf"(?:[^\S\n]*[、，,][^\S\n]*[{_UP}]{{2,4}}(?:（[^）\n]{{1,8}}）)?){{2,}}(?![{_UP}a-zа-яё])"
)


def list_mates(text: str, found: list[Span]) -> Iterator[Span]:
    """Initials listed with two or more found people's initials are people too, where the note
    uses them ("出席：DML（新成员）、GXY、WCF、LJ、YSL" with DML and GXY known: WCF, LJ and YSL
    in the minutes after): a group's minutes list its members so, and name only some of them
    in full. A list with an acronym of the allow-list in it (ADHD, PTSD) is no such list."""
    persons = [(s.start, s.end) for s in found if s.kind == "PERSON"]
    new: set[str] = set()
    for m in _INITIALS_LIST.finditer(text):
        items = [
            (m.start() + i.start(), m.start() + i.end(), i.group())
            for i in re.finditer(rf"(?<!（)[{_UP}]{{2,4}}", m.group())
        ]
        if any(wordlists.allowed(key) or key in _NOT_INITIALS for _, _, key in items):
            continue
        known = [k for a, b, k in items if any(pa <= a and b <= pb for pa, pb in persons)]
        if len(known) >= 2:
            new.update(k for _, _, k in items if k not in known)
    new.update(_column_keys(text, persons))
    for key in sorted(new):
        for m in re.finditer(rf"(?<![{_UP}a-zа-яё\d@#./-]){key}(?![{_UP}a-zа-яё@-])", text):
            if not re.search(r"\d[^\S\n]?$", text[max(0, m.start() - 2) : m.start()]):
                yield Span(m.start(), m.end(), "PERSON", "initials-list")


# A cell of a table aligned with spaces that holds initials alone: "LXM     三甲镇      放疗…"
_ALIGNED_KEY = re.compile(
    rf"(?:^|(?<=[^\S\n]{{2}}))(?P<key>[{_UP}]{{2,3}})(?=[^\S\n]{{2,}}\S|[^\S\n]*$)", re.MULTILINE
)


def _column_keys(text: str, persons: list[tuple[int, int]]) -> set[str]:
    """Initials in a column of an aligned table where two or more cells are found people's
    initials (a group's minutes: "QSF  米山镇 …", "LXM  三甲镇 …", "WLP  陈区镇 …" with
    QSF and WLP known from the names the minutes give): the column lists members."""
    columns: dict[int, list[tuple[int, int, str]]] = {}
    for m in _ALIGNED_KEY.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : len(text) if line_end < 0 else line_end]
        if not re.search(r"\S[^\S\n]{2,}\S", line):
            continue  # not a row of an aligned table
        columns.setdefault(m.start() - line_start, []).append((m.start(), m.end(), m.group("key")))
    keys: set[str] = set()
    for cells in columns.values():
        if len(cells) < 3 or any(wordlists.allowed(k) or k in _NOT_INITIALS for _, _, k in cells):
            continue
        known = {k for a, b, k in cells if any(pa <= a and b <= pb for pa, pb in persons)}
        if len(known) >= 2:  # the column's cells, also where the minutes use them again
            keys.update(k for _, _, k in cells)
    return keys


def found_initials(text: str, found: list[Span]) -> Iterator[Span]:
    """A found person's initials where the note uses them alone ("notes by LG" after
    "Leah Goldstein"; "ЛКА" for "Лосева К. А."; "ZH" for "Bc. Zuzana Hejduková"; "LJY" for
    刘佳怡 in pinyin): the capitals of a two- or three-word name in its order (a role's
    acronym left out: "CPC Mrs Moira Kerr" MK), for a two-word Cyrillic name the other order
    too, as Russian and Kazakh lists put the surname first or last ("Гурьянов Максим" ГМ and
    МГ), and for a three-word one the name written first ("Шестакова Марина Игоревна" МИШ).
    Minutes, shift tables and hotline logs list their people once and then write them by
    initials, sometimes with no legend, and use the initials more than once; once is enough
    listed with others ("PS, JM", "CD/MK"), in a column of others, signing a line off
    ("— MT", "Log closed 08:10, MG.") or in brackets after what they did ("Chat CH26-0341
    (JZ)", "(KV, 13. 2.)"). Chinese characters may touch them ("CSY保持通话").
    Capitals on the allow-list (acronyms), after a number ("5 PM") or beside another word in
    capitals stay."""
    lone = [m for m in _LONE_CAPS.finditer(text) if not wordlists.allowed(m.group("key"))]
    if not lone:
        return
    keys: set[str] = set()
    surfaces: set[str] = set()
    for span in found:
        if span.kind == "PERSON":
            surfaces.add(text[span.start : span.end])
            keys.update(_initials_for(text[span.start : span.end]))
    uses = Counter(m.group("key") for m in lone)
    for m in lone:
        key = m.group("key")
        if key not in keys or key in _NOT_INITIALS:
            continue
        if re.search(r"\d[^\S\n]?$", text[max(0, m.start() - 2) : m.start()]):
            continue  # "5 PM", "2 MB"
        left = text[max(0, m.start() - 12) : m.start()].rpartition("\n")[2]
        right = text[m.end() : m.end() + 12].partition("\n")[0]
        touching = (left.split()[-1:] if left[-1:].isspace() else []) + (
            right.split()[:1] if right[:1].isspace() else []
        )
        if any(_shouted(word, keys) for word in touching):
            continue  # a word in capitals one space away: a heading or shouting
        before, after = _TOKEN.findall(left), _TOKEN.findall(right)
        listed = any(_bare(words[i]) in keys for words, i in ((before, -1), (after, 0)) if words)
        listed = listed or _cell_mates(text, m, keys) or _name_cell(text, m, surfaces)
        # "… last week. — MT", "Log closed 08:10, MG.": signing a line off
        signed = re.search(r"[—–,-][^\S\n]*$", left) and not right.strip().rstrip(".")
        # "… sp. zn. PPP-TU/0612/2024. JK, 5. 2. 2026.": initials and a date end the line
        signed = signed or _DATED.match(text, m.end())
        # "- АСК — прислать памятку", "Úkoly: OP připraví": a task's owner in minutes
        tasked = (
            re.fullmatch(r"[^\S\n]*(?:[-*•]|\d{1,2}[.)])[^\S\n]*", left)
            and re.match(r"[^\S\n]*[—–:-]", right)
        ) or re.search(
            r"(?i)(?:úkoly|úkol|tasks?|actions?|follow-up|задачи|поручения)[^\S\n]*:[^\S\n]*$|отв\.[^\S\n]*$",
            left,
        )
        # "RA decided to make a referral", "ЛТО перезвонила": a found person's initials doing
        # something (a verb in the past after them)
        acted = re.match(r"[^\S\n]+(?:[a-z]{2,}ed|[а-яё]{2,}л[аи]?(?:сь)?)(?![\w-])", right)
        # "Chat CH26-0341 (JZ)", "(KV, 13. 2.)": whose a case or a task is, in brackets
        bracketed = left.endswith("(") and re.match(r"\)|,[^\S\n]", right)
        if uses[key] < 2 and not (
            listed or signed or tasked or bracketed or acted or _column_mates(text, m, keys, lone)
        ):
            continue  # initials stand for a person used again, or listed with others ("PS, JM")
        yield Span(m.start(), m.end(), "PERSON", "found-initials")


_CELL_BEFORE = re.compile(
    r"<t[hd][^>\n]*>(?P<c>[^<\n]{1,20})</t[hd]>[^\S\n]*<t[hd][^>\n]*>[^\S\n]*\Z"
)
_CELL_AFTER = re.compile(r"[^<\n]{0,8}</t[hd]>[^\S\n]*<t[hd][^>\n]*>(?P<c>[^<\n]{1,20})</t[hd]>")


def _cell_mates(text: str, key: re.Match[str], keys: set[str]) -> bool:
    """Does a found person's initials head the cell before or after in an HTML table's row
    ("<th>ГОВ</th><th>КЛМ</th>", "<th>KWB 自评</th><th>HQY 评</th>")?"""
    before = _CELL_BEFORE.search(text, max(0, key.start() - 60), key.start())
    after = _CELL_AFTER.match(text, key.end())
    return any(
        cell and _bare((cell.group("c").split() or [""])[0]) in keys for cell in (before, after)
    )


# The HTML cell just before a key: "<td>Ким Виктория Сергеевна</td><td>ВК</td>"
_NAME_CELL_BEFORE = re.compile(
    r"<t[hd][^>\n]*>[^\S\n]*(?P<c>[^<\n]{3,60}?)[^\S\n]*</t[hd]>[^\S\n]*<t[hd][^>\n]*>[^\S\n]*\Z"
)


def _name_cell(text: str, key: re.Match[str], surfaces: set[str]) -> bool:
    """Is the cell before the key's a found person's name that the key stands for (a list of
    members with their initials in the next column)?"""
    cell = _NAME_CELL_BEFORE.search(text, max(0, key.start() - 120), key.start())
    return bool(
        cell and cell.group("c") in surfaces and key.group("key") in _initials_for(cell.group("c"))
    )


def _column_mates(text: str, key: re.Match[str], keys: set[str], lone: list[re.Match[str]]) -> bool:
    """Do other initials of found people stand in the same column of a table aligned with
    spaces (a shift log's "counsellor" column: "ZW" on most lines, "OYKX" on one)?"""
    column = key.start() - (text.rfind("\n", 0, key.start()) + 1)
    if not re.search(r"\S[^\S\n]{2,}\S", text[key.start() - column : key.start()]):
        return False  # not a cell of an aligned row
    for other in lone:
        if other.group("key") == key.group("key") or other.group("key") not in keys:
            continue
        if abs(other.start() - (text.rfind("\n", 0, other.start()) + 1) - column) <= 2:
            return True
    return False


def found_pinyin(text: str, found: list[Span]) -> Iterator[Span]:
    """A found Chinese name where the note writes it in pinyin, surname first or last, in
    capitals or with capitals ("学籍拼音 JIKE AYI", "Liu Jiayi", "Jiayi LIU"): forms, school
    registers and English letters spell the name out."""
    pairs = [m for m in _LATIN_PAIR.finditer(text) if not (m.group(1) + m.group(2)).islower()]
    if not pairs:
        return
    from pypinyin import Style, lazy_pinyin

    forms: set[str] = set()
    for span in found:
        surface = text[span.start : span.end]
        if span.kind != "PERSON" or not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", surface):
            continue
        syllables = lazy_pinyin(surface, style=Style.NORMAL, errors="ignore")
        if len(syllables) != len(surface):
            continue
        for k in (1, 2) if len(syllables) > 2 else (1,):
            surname, given = "".join(syllables[:k]), "".join(syllables[k:])
            forms.update({f"{surname} {given}", f"{given} {surname}"})
    for m in pairs:
        if f"{m.group(1)} {m.group(2)}".casefold() in forms:
            yield Span(m.start(), m.end(2), "PERSON", "found-pinyin")


# Two Latin words side by side (overlapping pairs: "Jiayi LIU Wen" gives both)
_LATIN_PAIR = re.compile(r"(?<![A-Za-z])([A-Za-z]{1,12})[^\S\n]+(?=([A-Za-z]{1,12})(?![A-Za-z]))")


def _shouted(word: str, keys: set[str]) -> bool:
    """Is the word beside initials a word in capitals ("DO NOT CALL"), not other initials
    ("(PS, JM)")?"""
    return bool(_CAPS_WORD.fullmatch(word)) and word not in keys


def _bare(word: str) -> str:
    return re.sub(r"^\W+|\W+$", "", word.rpartition(">")[2])


def _initials_for(surface: str) -> set[str]:
    """The initials that may stand for a person's name as written."""
    han = re.fullmatch(r"[\u4e00-\u9fff]{2,4}", surface)
    if han:
        from pypinyin import Style, pinyin

        letters = pinyin(surface, style=Style.FIRST_LETTER, heteronym=True, errors="ignore")
        return {"".join(p).upper() for p in itertools.product(*letters)} if letters else set()
    words = [
        w
        for w in _WORD.findall(surface)
        if w[0].isupper() and w.casefold().strip(".") not in wordlists.titles()
    ]
    named = [w for w in words if not (len(w) > 1 and w.isupper())]
    if len(named) >= 2:
        words = named  # "CPC Mrs Moira Kerr": a role's acronym is no part of the name (MK)
    if not 2 <= len(words) <= 3:
        return set()
    initials = "".join(w[0] for w in words)
    parts = "".join(p[0] for w in words for p in w.split("-") if p[:1].isupper())
    first = [p for p in words[0].split("-") if p[:1].isupper()]
    if len(first) == 2 and not re.search(r"[А-ЯЁӘҒҚҢӨҰҮҺІ]", initials):
        # "Johnny-Ray Loveridge" is JR as often as JL or JRL
        return {initials, first[0][0] + first[1][0]} | ({parts} if len(parts) <= 3 else set())
    if parts != initials and len(parts) <= 3:
        return {initials, parts}  # "Helen Okafor-Reid": HO and HOR
    if len(words) == 2 and re.match(r"[А-ЯЁӘҒҚҢӨҰҮҺІ]", initials):
        return {initials, initials[::-1]}  # a Russian or Kazakh list: surname first, or not
    if len(words) == 3 and re.match(r"[А-ЯЁӘҒҚҢӨҰҮҺІ]", initials):
        # "Шестакова Марина Игоревна (МИШ)": surname, name, patronymic written name first;
        # "Ким Виктория Сергеевна" in a table, "ВК" in the next cell: name and surname
        return {initials, initials[1:] + initials[0], initials[1] + initials[0]}
    return {initials}


_PATRONYMIC = re.compile(r"(?:[оеё]вн[аы]|[оеё]вич|ичн[аы]|қызы|ұлы|кызы|улы)$")


def _common_words(name: str) -> bool:
    """Is the "name" made of common words only, none a first name ("Child Protection Plan
    (CPP)", "Team Around the Family (TAF)")? Then its initials are an acronym, no person."""
    from wordfreq import zipf_frequency

    from praxishub.cases import ner

    words = [w for w in _WORD.findall(name) if w.casefold().strip(".") not in wordlists.titles()]
    for word in words:
        low = word.casefold()
        cyrillic = bool(re.search(r"[а-яё]", low))
        if _PATRONYMIC.search(low):
            return False  # "Лебедева Ольга Николаевна (ЛОН)": common words, a person's name
        if low in ner.latin_names("en", first_only=True) or low in ner.kk_names():
            return False
        if zipf_frequency(low, "ru" if cyrillic else "en") < 3.5:
            return False
    return bool(words)


# Kazakh letters a key may write with their Russian look-alikes ("Ғабдуллина …" ГКС).
_KAZAKH_PLAIN = str.maketrans("ӘҒҚҢӨҰҮҺІ", "АГКНОУУХИ")


def _folded(letters: str) -> str:
    """Capitals without their diacritics and Kazakh letters as their plain Cyrillic ones."""
    import unicodedata

    bare = "".join(c for c in unicodedata.normalize("NFD", letters) if not unicodedata.combining(c))
    return bare.translate(_KAZAKH_PLAIN)


def _keys(initials: str, key: str) -> bool:
    """Does key stand for a name with these initials? Its first or last ones ("Ola Berg" OB,
    "Mgr. Ola Berg" OB), or the given name's and surname's in either order, which Russian and
    Kazakh lists write surname first ("Юлдашева Гульназ Ринатовна" ГЮ)."""
    initials, key = _folded(initials), _folded(key)
    if initials.startswith(key) or initials.endswith(key):
        return True
    if len(key) == 3 == len(initials) and key == initials[1:] + initials[0]:
        return True  # "Шестакова Марина Игоревна (МИШ)": name, patronymic, surname
    if len(key) == 3 and len(initials) == 2 and key[0] == initials[1] and key[2] == initials[0]:
        return True  # "Әлімбетова Гүлнұр (ГСӘ)": the same, the patronymic not written out
    if len(key) == 3 and len(initials) == 2 and key[:2] == initials:
        return True  # "Есенова Динара (ЕДҚ)": surname, name, the patronymic not written out
    return len(key) == 2 and len(initials) in (2, 3) and key[::-1] == initials[:2]


def _without_marks(word: str) -> str:
    """A Latin word without its diacritics ("dvořákov" → "dvorakov"); Cyrillic stays (й)."""
    from praxishub.cases import ner

    return ner.without_marks(word) if re.search(r"[à-ž]", word) else word


def _initials_of(name: str, key: str = "") -> str:
    """The capitals of a name's words, titles and lower-case words left out; a word's first
    two letters where the key writes a digraph ("Llewellyn" Ll in "SLl")."""
    letters = []
    for word in _WORD.findall(name):
        if word[0].isupper() and word.casefold().strip(".") not in wordlists.titles():
            digraph = len(word) > 2 and word[1].islower() and word[:2] in key
            letters.append(word[:2] if digraph else word[0])
    return "".join(letters)


def lower_case(text: str, found: list[Span], language: str) -> Iterator[Span]:
    """A found person's name where the text writes it in lower case, with a case ending
    ("u honzíka"), or without its diacritics ("pani dvorakova")."""
    if language not in ("ru", "kk", "cs", "en"):
        return
    stems: dict[str, str] = {}
    for span in found:
        if span.kind not in ("PERSON", "HANDLE"):
            continue
        for word in _WORD.findall(text[span.start : span.end]):
            word = re.sub(r"['’]s$", "", word)
            if len(word) < 4 or not word[0].isupper() or word.isupper() or _role(word):
                continue
            if span.kind == "HANDLE" and not _first_name(word, language):
                continue  # a chat sender's label names people ("Мама Вики К."), and more
            folded = word.casefold()
            stem = (
                folded[:-1] if len(folded) > 4 and folded[-1] in "аяеиыоуюaeiouyáéíýěů" else folded
            )
            bare = _without_marks(stem)
            # a Czech surname made as an adjective, by its stem: "pani koutny" after "Koutnou"
            adjective = (
                re.sub(r"(?:ou|ého|ému|ém|é|á|ý|ým)$", "", folded) if language == "cs" else ""
            )
            # (not a place's adjective: "charkivské" after "Charkivském")
            if len(adjective) < 5 or adjective == folded or adjective.endswith(("sk", "ck")):
                adjective = ""
            for form in (stem, bare, _nominative(word), _without_marks(adjective)):
                if form:
                    stems.setdefault(form, word)
    if not stems:
        return
    runs = list(chatnames.lowercase_runs(text))
    if not runs:
        return
    alternatives = "|".join(sorted(map(re.escape, stems), key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w@#/.])(?:{alternatives})[^\W\d_]{{0,4}}(?![\w@])")
    for m in pattern.finditer(text):
        word = m.group()
        if not word[0].islower() or not capitals.rare_word(word, language):
            continue
        if not any(a <= m.start() < b for a, b in runs):
            continue  # only where a transcript or chat writes without capitals
        yield Span(m.start(), m.end(), "PERSON", "lower-case")


# A lower-case particle between two parts of one name: "manaia te huia", "anna van dijk"
_PARTICLE_GAP = re.compile(rf"[^\S\n]+(?:{capitals._PARTICLES}|te|le|la)[^\S\n]+")


def particle_bridges(text: str, found: list[Span]) -> Iterator[Span]:
    """The particle between two found parts of a name, so that the name is masked whole."""
    first: dict[int, int] = {}  # each end, and the earliest start of a name ending there
    last: dict[int, int] = {}  # each start, and the latest end of a name starting there
    for s in found:
        if s.kind == "PERSON":
            first[s.end] = min(first.get(s.end, s.start), s.start)
            last[s.start] = max(last.get(s.start, s.end), s.end)
    for end in sorted(first):
        m = _PARTICLE_GAP.match(text, end)
        if m and m.end() in last:
            yield Span(first[end], last[m.end()], "PERSON", "particle")


def _nominative(word: str) -> str:
    """A Russian first name's dictionary form where the found form is inflected ("Сони" →
    "соня"), for its lower-case recurrences in the nominative; "" otherwise."""
    if not re.match(r"[А-ЯЁ]", word):
        return ""
    from praxishub.cases import ner

    for parse in ner.parse(word)[:3]:
        if "Name" in parse.tag.grammemes and len(parse.normal_form) >= 4:
            return str(parse.normal_form) if parse.normal_form != word.casefold() else ""
    return ""


def _first_name(word: str, language: str) -> bool:
    """Is the capitalised word a first name (in any case form) by the name lists?"""
    from praxishub.cases import ner

    if re.match(r"[А-ЯЁӘҒҚҢӨҰҮҺІ]", word):
        if ner.allowed(word):
            return False
        if ner._kk_name_form(word.casefold(), ner.kk_names()):
            return True
        return any("Name" in p.tag.grammemes for p in ner.parse(word)[:3])
    return ner._latin_name(word, ner.latin_names(language, first_only=True), language)


def _role(word: str) -> bool:
    """A title, role or allowed word that a person's span may hold ("Мұғалім", "Paní")."""
    return word.casefold() in wordlists.titles() or wordlists.allowed(word)
