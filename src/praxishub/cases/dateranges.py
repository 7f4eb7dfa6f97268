"""Date ranges and alternatives, masked as one: "11 ноября 2025 по 24 февраля 2026",
"5 или 6 марта", "2026 жылғы 17–18 ақпан", "五月一号到五月三号", "3月2日、3日"; and a Chinese year in digit
words before its month and day ("二零一一年十一月二十五号").

Rule: two found dates with only a range or choice word between them are one date; a day
number (with a Kazakh year before it) joined by a dash or a choice word to a found date that
starts with its day is part of it. The word between is masked too, so a reader learns neither
end of the range, and so is the word that opens the range ("с", "from", "od").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_BETWEEN = re.compile(
    r"[^\S\n]*(?:[–—~～-]|по|до|или|и|to|until|till|through|or|and|a|až|do|nebo|"
    r"дейін|немесе|және|мен|到|至|或)[^\S\n]*$",
    re.IGNORECASE,
)
_LEAD_DAY = re.compile(
    r"(?:(?<!\d)\d{4}[^\S\n]+жылғы[^\S\n]+|(?<!\w)the[^\S\n]+)?"
    r"(?:(?<![\d.,])\d{1,2}(?:\.|st|nd|rd|th)?,[^\S\n]*){0,4}"  # a list: "5., 6. a 9. ledna"
    r"(?<!\d)\d{1,2}(?:\.|st|nd|rd|th)?[^\S\n]*"
    # ("2026 жылғы 9 мен 27 ақпан": Kazakh "and" after a number is мен, бен or пен)
    r"(?:[–—/-]|или|и|or|and|a|na|nebo|ani|či|až|немесе|және|мен|бен|пен)[^\S\n]*$"
    # a Kazakh range's first day in the ablative: "14-інен 15 ақпанға"
    # (its year before it: "2026 жылғы 10-нан 11 ақпанға")
    r"|(?:(?<!\d)\d{4}[^\S\n]+жылғы[^\S\n]+)?"
    r"(?<!\d)\d{1,2}-(?:інен|ынан|нан|нен|дан|ден|тан|тен)[^\S\n]+$",
    re.IGNORECASE,
)
# A day said as an ordinal before a spoken date: "pátýho nebo šestýho března", "the 2nd and 9th"
_LEAD_SPOKEN = re.compile(
    r"(?<!\w)(?:the[^\S\n]+)?(?:[a-záčďéěíňóřšťúůýž]+(?:ého|ýho|th)|first|second|third"
    r"|[а-яё]+(?:ого|его))[^\S\n]+(?:nebo|a|až|do|and|or|to|или|и|по|до)[^\S\n]+$",
    re.IGNORECASE,
)
# More days of a month after it: "January 13, 20 and 27, 2026"
_TAIL_LIST = re.compile(
    r"(?:(?:,[^\S\n]*\d{1,2}(?!\d))*,?[^\S\n]+(?:and|or|&|to|through|thru|until|till)[^\S\n]+"
    # "February 9 to 13", "March 2–6"
    r"|[^\S\n]?[–—-][^\S\n]?)\d{1,2}(?:st|nd|rd|th)?"
    r"(?:,[^\S\n]*(?:19|20)\d\d)?(?![\d:.])"
    r"(?![^\S\n]*(?:am|pm|a\.m|p\.m|years?|yrs?|y/?o|hours?|hrs?|minutes?|mins?|%|percent|points?|o'clock))",
    re.IGNORECASE,
)
# The word that opens a range, masked with it: "с 23 марта по 29 мая", "from 3 to 7 May"
_OPEN = re.compile(r"(?<![\w-])(?:с|со|from|od|from[^\S\n]+the)[^\S\n]+$", re.IGNORECASE)
# The end of a range written after a full date: "2026.05.10—05.24", "12.03.–15.03."
_TAIL_DAY = re.compile(r"[^\S\n]*[—–~～-][^\S\n]*\d{1,2}[./]\d{1,2}\.?(?![\d./])")


# Another day of the same month after a Chinese date: "3月2日、3日", "5月1号到3号"
_ZH_NEXT_DAY = re.compile(r"[、，,和及与或至到~～—–-][^\S\n]*\d{1,2}[日号](?!\d)")
# A month and day alone as a post's or a comment's date: "编辑于 03-19", "小鱼干不加糖　03-19"
_ZH_POST_DAY = re.compile(
    r"(?:(?<=编辑于)|(?<=发布于)|(?<=发表于)|(?<=\u3000)|(?<=^))[ ]?"
    r"(?P<d>(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?=\u3000|[^\S\n]*$)",
    re.MULTILINE,
)
# A Chinese year in digit words before a found month and day: "二零一一年十一月二十五号"
_ZH_YEAR_WORDS = re.compile(r"[零〇一二三四五六七八九]{4}年$")


def post_days(text: str) -> Iterator[Span]:
    """A Chinese post's or comment's month and day ("编辑于 03-19")."""
    if not re.search(r"[\u4e00-\u9fff]", text):
        return
    for m in _ZH_POST_DAY.finditer(text):
        yield Span(m.start("d"), m.end("d"), "DATE", "date-range")


def joined(text: str, found: list[Span]) -> Iterator[Span]:
    """Spans that join a range's or a choice's dates (and a lone day before a date)."""
    dates = sorted((s for s in found if s.kind == "DATE"), key=lambda s: s.start)
    for left, right in itertools.pairwise(dates):
        gap = text[left.end : right.start]
        if 0 < len(gap) <= 12 and _BETWEEN.fullmatch(gap):
            opened = _OPEN.search(text, max(0, left.start - 10), left.start)
            yield Span(opened.start() if opened else left.start, right.end, "DATE", "date-range")
        elif not gap and _BETWEEN.search(text, left.start, left.end):
            # a range's first day found with its word ("3 по "), its date right after it
            yield Span(left.start, right.end, "DATE", "date-range")
    for span in dates:
        year = _ZH_YEAR_WORDS.search(text, max(0, span.start - 5), span.start)
        if year and year.end() == span.start:
            yield Span(year.start(), span.end, "DATE", "date-range")
        end = span.end
        while text[end - 1 : end] in ("日", "号"):  # "10月9日、16日和23日"
            more = _ZH_NEXT_DAY.match(text, end)
            if not more:
                break
            end = more.end()
        if end > span.end:
            yield Span(span.start, end, "DATE", "date-range")
        if re.fullmatch(r"[A-Z][a-z]+\.?[^\S\n]+\d{1,2}", text[span.start : span.end]):
            listed = _TAIL_LIST.match(text, span.end)
            if listed:
                yield Span(span.start, listed.end(), "DATE", "date-range")
        if text[span.end - 1 : span.end].isdigit():
            tail = _TAIL_DAY.match(text, span.end)
            if tail:
                yield Span(span.start, tail.end(), "DATE", "date-range")
        if not text[span.start : span.start + 1].isdigit():
            spoken = _LEAD_SPOKEN.search(text, max(0, span.start - 30), span.start)
            if spoken and spoken.end() == span.start:
                yield Span(spoken.start(), span.end, "DATE", "date-range")
            continue
        lead = _LEAD_DAY.search(text, max(0, span.start - 24), span.start)
        if lead and lead.end() == span.start:
            yield Span(lead.start(), span.end, "DATE", "date-range")
