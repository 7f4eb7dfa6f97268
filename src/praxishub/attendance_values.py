"""Read the durations and times that attendance reports write.

Rule: pure functions of one cell's text; a value that cannot be read raises
ValueError naming it (the caller adds the file and line), never a guess.
"""

from __future__ import annotations

import re
from datetime import datetime

_UNITS = {
    "h": 60.0,
    "hr": 60.0,
    "hrs": 60.0,
    "hour": 60.0,
    "hours": 60.0,
    "ч": 60.0,
    "час": 60.0,
    "m": 1.0,
    "min": 1.0,
    "mins": 1.0,
    "minute": 1.0,
    "minutes": 1.0,
    "м": 1.0,
    "мин": 1.0,
    "s": 1 / 60,
    "sec": 1 / 60,
    "secs": 1 / 60,
    "second": 1 / 60,
    "seconds": 1 / 60,
    "с": 1 / 60,
    "сек": 1 / 60,
}


def parse_duration(text: str) -> float | None:
    """Minutes in '93', '93,5', '1:33:00', '1:33', '1h 33m 5s' or '1 ч 33 мин'; None if blank."""
    value = " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split()).casefold()
    if value in ("", "-", "--", "—"):
        return None
    if re.fullmatch(r"\d+(?:[.,]\d+)?", value):
        return float(value.replace(",", "."))
    clock = re.fullmatch(r"(\d+):(\d{1,2})(?::(\d{1,2}))?", value)
    if clock:
        h, m, s = (int(g or 0) for g in clock.groups())
        return h * 60 + m + s / 60
    parts = re.findall(r"(\d+(?:[.,]\d+)?)\s*([a-zа-я]+)\.?", value)
    if parts and re.fullmatch(r"(?:\d+(?:[.,]\d+)?\s*[a-zа-я]+\.?\s*)+", value):
        try:
            return sum(float(n.replace(",", ".")) * _UNITS[u] for n, u in parts)
        except KeyError:
            pass
    raise ValueError(f"duration {text!r} cannot be read")


_TIME_FORMATS = (
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%y %I:%M:%S %p",
    "%m/%d/%y %I:%M %p",
    "%m/%d/%y %H:%M:%S",
    "%m/%d/%y %H:%M",
    "%b %d %Y %I:%M:%S %p",
    "%b %d %Y %I:%M %p",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%y %H:%M:%S",
    "%d.%m.%y %H:%M",
)


def parse_time(text: str) -> datetime | None:
    """A join or leave time as Zoom, Teams or Excel write it (no time zone); None if blank."""
    value = " ".join(text.replace(",", " ").replace("\u202f", " ").replace("\xa0", " ").split())
    if value in ("", "-", "--", "—"):
        return None
    value = re.sub(r"(?i)\b(am|pm)\b", lambda m: m.group(1).upper(), value)
    try:
        moment = datetime.fromisoformat(value)
        return moment.replace(tzinfo=None) if moment.tzinfo else moment
    except ValueError:
        pass
    for pattern in _TIME_FORMATS:
        try:
            return datetime.strptime(value, pattern)
        except ValueError:
            continue
    raise ValueError(f"time {text!r} cannot be read")
