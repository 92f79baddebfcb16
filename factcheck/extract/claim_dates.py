"""The date a claim refers to: the report's date, or a relative day the sentence names.

A relative day ("on Friday", "på lördagen", "i fredags", "yesterday") can only be resolved against a
full report date; with a month or year only the report's date stands.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from factcheck.extract.claim_lexicon import ClaimLexicon


def full_date(published: str | None) -> dt.date | None:
    if not published or len(published) != 10:
        return None
    try:
        return dt.date.fromisoformat(published)
    except ValueError:
        return None


def resolve_relative_day(report_day: dt.date, mode: str, number: int) -> dt.date:
    if mode == "offset":
        return report_day + dt.timedelta(days=number)
    back = (report_day.weekday() - number) % 7
    if mode == "last" and back == 0:
        back = 7
    return report_day - dt.timedelta(days=back)


def relative_day_marks(sentence: str, lexicon: ClaimLexicon) -> list[tuple[int, str]]:
    """(offset, lower-case phrase) of each relative day a sentence names, in order: found once per sentence."""
    pattern = lexicon.relative_days.pattern
    if pattern is None:
        return []
    return [(match.start(), match.group().lower()) for match in pattern.finditer(sentence)]


def claim_as_of(
    sentence: str,
    position: int,
    published: str | None,
    lexicon: ClaimLexicon,
    marks: list[tuple[int, str]] | None = None,
) -> str | None:
    """``position`` is the claim's offset in the sentence; the relative day nearest to it wins (the
    earlier of two as near). ``marks`` are the sentence's ``relative_day_marks``, when already found."""
    report_day = full_date(published)
    days = lexicon.relative_days
    if report_day is None or days.pattern is None:
        return published
    if marks is None:
        marks = relative_day_marks(sentence, lexicon)
    if not marks:
        return published
    index = bisect_left(marks, (position, ""))
    nearby = [marks[i] for i in (index - 1, index) if 0 <= i < len(marks)]
    best = min(nearby, key=lambda mark: abs(mark[0] - position))  # min keeps the first of equals
    mode, number = days.meanings[best[1]]
    return resolve_relative_day(report_day, mode, number).isoformat()
