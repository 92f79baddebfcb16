"""Dates as day spans: "2017" covers a year, "2017-09" a month, "2017-09-02" one day.

Claims carry dates of mixed precision, so two dates "refer to the same moment" when their spans
come within a window of each other, and are "far enough apart" for a real change when they do not.
"""

from __future__ import annotations

from datetime import date

SAME_MOMENT_DAYS = 15  # spans this close may describe the same moment
HORIZON_DAYS = 400  # changes are looked for between reports at most this far apart (plus the spans)
DAYS_PER_YEAR = 365.25


def gap_days(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Days between two spans; 0 when they overlap."""
    return max(b_start - a_end, a_start - b_end, 0)


def format_day(ordinal: float) -> str:
    """A day ordinal as "YYYY-MM" (derived dates are never precise to the day)."""
    day = date.fromordinal(max(1, round(ordinal)))
    return f"{day.year:04d}-{day.month:02d}"


def format_span(start: int, end: int) -> str:
    """A span back as the precision it came in: a year, a month or a day."""
    first, last = date.fromordinal(start), date.fromordinal(end)
    if start == end:
        return first.isoformat()
    if first.year == last.year and first.month == last.month:
        return f"{first.year:04d}-{first.month:02d}"
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return f"{first.year:04d}"
    return f"{first.isoformat()} to {last.isoformat()}"
