"""Deadlines, extensions and late penalties: pure arithmetic on dates.

Rule: a deadline comes from course.yaml; a trainee's extension replaces it
only if later; minutes past the grace period count as whole days late, each
costing ``percent_per_day`` of the points, at most ``max_percent``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any


@dataclass(frozen=True)
class Policy:
    percent_per_day: float = 0.0
    max_percent: float = 0.0
    grace_minutes: int = 0

    @classmethod
    def from_spec(cls, spec: dict[str, Any] | None) -> Policy:
        spec = spec or {}
        return cls(
            float(spec.get("percent_per_day", 0)),
            float(spec.get("max_percent", 0)),
            int(spec.get("grace_minutes", 0)),
        )


def as_utc(moment: datetime) -> datetime:
    """Naive datetimes are UTC (as stored); aware ones are converted."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def effective_due(deadline: datetime, extension: datetime | None) -> datetime:
    if extension is not None and as_utc(extension) > as_utc(deadline):
        return as_utc(extension)
    return as_utc(deadline)


def penalty_percent(submitted: datetime, due: datetime, policy: Policy) -> float:
    """Share of the points lost, in percent, for a submission at ``submitted``."""
    late = as_utc(submitted) - as_utc(due) - timedelta(minutes=policy.grace_minutes)
    if late <= timedelta(0):
        return 0.0
    days = math.ceil(late / timedelta(days=1))
    return min(days * policy.percent_per_day, policy.max_percent)
