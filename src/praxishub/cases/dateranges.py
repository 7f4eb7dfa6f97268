"""Date ranges and alternatives, masked as one: "11 ноября 2025 по 24 февраля 2026",
"5 или 6 марта", "2026 жылғы 17–18 ақпан", "五月一号到五月三号", "3月2日、3日"; and a Chinese year in digit
words before its month and day ("二零一一年十一月二十五号").

Rule: two found dates with only a range or choice word between them are one date; a day
number (with a Kazakh year before it) joined by a dash or a choice word to a found date that
starts with its day is part of it. The word between is masked too, so a reader learns neither
end of the range.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_BETWEEN = re.compile(
    r"[^\S\n]*(?:[–—~～-]|по|до|или|и|to|until|till|through|or|and|a|až|do|nebo|"
    r"дейін|немесе|және|到|至|或)[^\S\n]*$",
    re.IGNORECASE,
)
_LEAD_DAY = re.compile(
    r"(?:(?<!\d)\d{4}[^\S\n]+жылғы[^\S\n]+)?(?<!\d)\d{1,2}\.?[^\S\n]*"
    r"(?:[–—-]|или|и|or|and|a|nebo|až|немесе|және)[^\S\n]*$",
    re.IGNORECASE,
)


# Another day of the same month after a Chinese date: "3月2日、3日", "5月1号到3号"
_ZH_NEXT_DAY = re.compile(r"[、，,和及与或至到~～—–-][^\S\n]*\d{1,2}[日号](?!\d)")
# A Chinese year in digit words before a found month and day: "二零一一年十一月二十五号"
_ZH_YEAR_WORDS = re.compile(r"[零〇一二三四五六七八九]{4}年$")


def joined(text: str, found: list[Span]) -> Iterator[Span]:
    """Spans that join a range's or a choice's dates (and a lone day before a date)."""
    dates = sorted((s for s in found if s.kind == "DATE"), key=lambda s: s.start)
    for left, right in itertools.pairwise(dates):
        gap = text[left.end : right.start]
        if 0 < len(gap) <= 12 and _BETWEEN.fullmatch(gap):
            yield Span(left.start, right.end, "DATE", "date-range")
    for span in dates:
        year = _ZH_YEAR_WORDS.search(text, max(0, span.start - 5), span.start)
        if year and year.end() == span.start:
            yield Span(year.start(), span.end, "DATE", "date-range")
        if text[span.end - 1 : span.end] in ("日", "号"):
            more = _ZH_NEXT_DAY.match(text, span.end)
            if more:
                yield Span(span.start, more.end(), "DATE", "date-range")
        if not text[span.start : span.start + 1].isdigit():
            continue
        lead = _LEAD_DAY.search(text, max(0, span.start - 24), span.start)
        if lead and lead.end() == span.start:
            yield Span(lead.start(), span.end, "DATE", "date-range")
