"""Turn a report's rows into participants with minutes, matched to people.

Rule: pure functions on plain data. A participant is matched to an account by
e-mail first, then by full name in either script (Cyrillic or Latin) and either
order ("Surname Name" or "Name Surname"). A name that fits more than one account
is never guessed: it stays unmatched, with the candidates, for a coordinator.
Nobody is dropped: every row of the report ends up in exactly one participant.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import combinations

from anyascii import anyascii

from praxishub.attendance import Row

Span = tuple[datetime, datetime]

# Latin spellings of one Russian sound, folded to one form, so that transliterations
# by different rules (passport, Zoom profile, anyascii) meet: Yulia / Julia / Iuliia,
# Sergey / Sergei, Aleksey / Alexei, Natalya / Natalia, Khrushchev / Hrushchev.
_FOLDS = (
    ("shch", "sh"),
    ("sch", "sh"),
    ("x", "ks"),
    ("kh", "h"),
    ("ph", "f"),
    ("w", "v"),
    ("ck", "k"),
    ("q", "k"),
    ("j", "y"),
    ("y", "i"),
)


@dataclass(frozen=True)
class Account:
    username: str
    full_name: str
    email: str


@dataclass
class Participant:
    """One person of a report: all their rows, and the account they belong to."""

    name: str
    email: str
    lines: list[int] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    untimed: float = 0.0  # minutes of rows without join and leave times
    username: str | None = None
    matched_by: str = ""  # "email", "name", "name without one part"; or why not matched

    @property
    def minutes(self) -> int:
        return total_minutes(self.spans, self.untimed)

    def as_dict(self, threshold: float) -> dict[str, object]:
        return {
            "name": self.name,
            "email": self.email,
            "minutes": self.minutes,
            "username": self.username,
            "present": is_present(self.minutes, threshold),
        }


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Join overlapping or touching intervals: two devices at once count once."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def total_minutes(spans: Sequence[Span], untimed: float = 0.0) -> int:
    seconds = sum((end - start).total_seconds() for start, end in merge_spans(spans))
    return math.floor(seconds / 60 + untimed + 0.5)  # half a minute up, as people round


def is_present(minutes: float, threshold: float) -> bool:
    return minutes >= threshold


def threshold_minutes(duration_minutes: int, share: float) -> float:
    return duration_minutes * share


def _letters(text: str) -> list[str]:
    latin = anyascii(unicodedata.normalize("NFKC", text)).casefold()
    return [t for t in re.split(r"[^a-z]+", latin) if t]


def _fold(token: str) -> str:
    for old, new in _FOLDS:
        token = token.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", token)  # Kirill / Kiril, Anna / Ana, Yuliia / Yulia


def name_tokens(name: str) -> tuple[str, ...]:
    """The parts of a name, in Latin letters and folded spelling, in their order."""
    return tuple(_fold(t) for t in _letters(name))


def name_keys(name: str) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """Keys that equal names share: exact ones, and those with one part left out.

    Sorting the parts makes "Surname Name" and "Name Surname" one key; the joined
    forms let "Wang Fang" meet 王芳 (transliterated as one word). Leaving a part out
    lets "Анна Иванова" meet "Иванова Анна Сергеевна".
    """
    tokens = name_tokens(name)
    if not tokens:
        return set(), set()
    exact = {tuple(sorted(tokens)), ("".join(tokens),), ("".join(reversed(tokens)),)}
    partial = set()
    if len(tokens) >= 3:
        partial = {tuple(sorted(c)) for c in combinations(tokens, len(tokens) - 1)}
    return exact, partial


def display_names(name: str) -> list[str]:
    """A name as written, and the names inside its brackets: Zoom shows a renamed
    participant as "New name (Original name)", Teams adds "(Guest)"."""
    outside = re.sub(r"\([^)]*\)", " ", name)
    inside = re.findall(r"\(([^)]*)\)", name)
    return [n for n in (" ".join(outside.split()), *inside) if n.strip()]


def group_rows(rows: Sequence[Row]) -> list[Participant]:
    """One participant per e-mail, or per name for rows without one.

    A row without an e-mail joins the e-mail participant of the same name, if there is
    exactly one: Zoom leaves the e-mail out of some rejoins.
    """
    by_key: dict[str, Participant] = {}
    order: list[Participant] = []
    name_of: dict[tuple[str, ...], set[str]] = {}
    for row in rows:
        if row.email:
            key = "email:" + row.email.casefold()
            name_of.setdefault(tuple(sorted(name_tokens(row.name))), set()).add(key)
    for row in rows:
        tokens = tuple(sorted(name_tokens(row.name)))
        if row.email:
            key = "email:" + row.email.casefold()
        elif len(name_of.get(tokens, ())) == 1:
            key = next(iter(name_of[tokens]))
        else:
            key = "name:" + (" ".join(tokens) or row.name.casefold())
        if key not in by_key:
            by_key[key] = Participant(row.name, row.email)
            order.append(by_key[key])
        _add_row(by_key[key], row)
    return order


def _add_row(participant: Participant, row: Row) -> None:
    participant.lines.append(row.line)
    if not participant.email and row.email:
        participant.email = row.email
    if row.joined and row.left:
        participant.spans.append((row.joined, row.left))
    elif row.minutes:
        participant.untimed += row.minutes


class Directory:
    """People to match against: by e-mail and by name keys."""

    def __init__(self, accounts: Iterable[Account]) -> None:
        self.by_email: dict[str, str] = {}
        self.exact: dict[tuple[str, ...], set[str]] = {}
        self.partial: dict[tuple[str, ...], set[str]] = {}
        for account in accounts:
            self.by_email[account.email.casefold().strip()] = account.username
            exact, partial = name_keys(account.full_name)
            for key in exact:
                self.exact.setdefault(key, set()).add(account.username)
            for key in partial | exact:
                self.partial.setdefault(key, set()).add(account.username)

    def match(self, name: str, email: str) -> tuple[str | None, str]:
        """The username and how it was found, or None and why not."""
        if email and email.casefold().strip() in self.by_email:
            return self.by_email[email.casefold().strip()], "email"
        found: set[str] = set()
        for shown in display_names(name):
            exact, _ = name_keys(shown)
            found |= {u for key in exact for u in self.exact.get(key, ())}
        how = "name"
        if not found:
            for shown in display_names(name):
                exact, partial = name_keys(shown)
                found |= {u for key in exact | partial for u in self.partial.get(key, ())}
            how = "name without one part"
        if len(found) == 1:
            return next(iter(found)), how
        if found:
            return None, "ambiguous: " + ", ".join(sorted(found))
        if email:
            return None, "no account with this e-mail or name"
        return None, "no account with this name"


def match(rows: Sequence[Row], accounts: Iterable[Account]) -> list[Participant]:
    """Participants of a report, each matched to one account or left unmatched.

    Participants that turn out to be one person (a laptop under their e-mail, a phone
    under their name) become one, and their overlapping time counts once.
    """
    directory = Directory(accounts)
    out: list[Participant] = []
    by_user: dict[str, Participant] = {}
    for participant in group_rows(rows):
        username, how = directory.match(participant.name, participant.email)
        participant.username, participant.matched_by = username, how
        if username is None:
            out.append(participant)
        elif username in by_user:
            first = by_user[username]
            first.lines += participant.lines
            first.spans += participant.spans
            first.untimed += participant.untimed
            first.email = first.email or participant.email
        else:
            by_user[username] = participant
            out.append(participant)
    return out


def summary(participants: Sequence[Participant], threshold: float, fmt: str) -> dict[str, object]:
    """The JSON object of an import: format, participants and the counts."""
    listed = [p.as_dict(threshold) for p in participants]
    return {
        "format": fmt,
        "participants": listed,
        "matched": sum(1 for p in listed if p["username"] is not None),
        "unmatched": sum(1 for p in listed if p["username"] is None),
        "present": sum(1 for p in listed if p["present"]),
    }
