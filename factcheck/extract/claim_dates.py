"""The date a claim refers to: the report's date, or a relative day the sentence names.

A relative day ("on Friday", "på lördagen", "i fredags", "yesterday") can only be resolved against a
full report date; with a month or year only the report's date stands.
"""

from __future__ import annotations

import datetime as dt

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


def claim_as_of(sentence: str, position: int, published: str | None, lexicon: ClaimLexicon) -> str | None:
    """``position`` is the claim's offset in the sentence; the relative day nearest to it wins."""
    report_day = full_date(published)
    days = lexicon.relative_days
    if report_day is None or days.pattern is None:
        return published
    best: tuple[int, str] | None = None
    for match in days.pattern.finditer(sentence):
        distance = abs(match.start() - position)
        if best is None or distance < best[0]:
            best = (distance, match.group().lower())
    if best is None:
        return published
    mode, number = days.meanings[best[1]]
    return resolve_relative_day(report_day, mode, number).isoformat()
