"""Report and claim dates as day spans: "2017" covers a year, "2017-09" a month, "2017-09-02" one day.

Days are proleptic Gregorian ordinals (date.toordinal), so spans compare and subtract as integers.
"""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache


@lru_cache(maxsize=65536)
def day_span(as_of: str | None) -> tuple[int, int] | None:
    """The first and last day (proleptic ordinals) an as_of string may mean, or None if unreadable."""
    if not as_of:
        return None
    parts = as_of.strip().split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        month = int(parts[1])
        if len(parts) == 2:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1).toordinal(), date(year, month, last).toordinal()
        day = date(year, month, int(parts[2])).toordinal()
        return day, day
    except (ValueError, IndexError):
        return None


def first_day(as_of: str | None) -> int | None:
    """The first day a date may mean, or None if unreadable (stored as claims.moment_start)."""
    span = day_span(as_of)
    return span[0] if span is not None else None
