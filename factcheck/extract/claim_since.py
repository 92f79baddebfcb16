"""A state held "since YEAR" ("besieged by IS since 2015", "belägrad sedan 2015") as a duration claim.

The number layer reads a year as a date, and a date is not a claim. But a siege, control or occupation
that has lasted since a year, in a report of a known date, measures how long that state has lasted:
the same quantity as "belägrat i tre år". The year is the start; the report's date the end. Only the
pattern "state word ... since-word YEAR" in one clause counts, so "in 2015" or "since 2015" on its own
stays a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from factcheck.dates import day_span
from factcheck.domain import Quantity
from factcheck.extract.claim_lexicon import ClaimLexicon
from factcheck.extract.claim_sentence import CLAUSE_BREAK, SentenceView

_WORDS_BEFORE = 5  # "belägrats av terrorgruppen IS sedan": how far back the state word may be
_WORDS_AFTER = 4  # "seit 2015 vom IS belagert": in German the participle closes the clause
_DAYS_PER_YEAR = 365.25


@dataclass(frozen=True, slots=True)
class SinceState:
    quantity: Quantity  # "since 2015" as a duration in years, from the year to the report's date
    state: str  # English gloss of the state: "siege", "control", "occupation"


def report_days(published: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day the report's date may mean ("2017-09" is the whole month), or None."""
    span = day_span(published)
    if span is None:
        return None
    return dt.date.fromordinal(span[0]), dt.date.fromordinal(span[1])


def duration_since(year: int, published: str | None) -> tuple[float, float] | None:
    """Years from a start year to the report's date: from the year's last day (shortest) to its first
    (longest). None without a report date, or when the year is not before it."""
    days = report_days(published)
    if days is None:
        return None
    first, last = days
    shortest = (first - dt.date(year, 12, 31)).days / _DAYS_PER_YEAR
    longest = (last - dt.date(year, 1, 1)).days / _DAYS_PER_YEAR
    if longest <= 0:
        return None
    return round(max(0.0, shortest), 3), round(longest, 3)


def state_near(view: SentenceView, start: int, end: int, lexicon: ClaimLexicon) -> str | None:
    """The state (siege, control, occupation) a word in the clause of ``view.text[start:end]`` names,
    nearest first, looking a few words back and forth without crossing a clause break."""
    if not lexicon.state_words:
        return None
    sentence = view.text
    first = view.after_end(start)
    after = view.first_from(end)
    # (distance, start and end of the gap between the word and the since phrase, word)
    candidates = [
        (start - w.end, w.end, start, w.lower) for w in view.slice(max(0, first - _WORDS_BEFORE), first)
    ]
    candidates += [(w.start - end, end, w.start, w.lower) for w in view.slice(after, after + _WORDS_AFTER)]
    for _, left, right, lower in sorted(candidates):
        gloss = _gloss(lower, lexicon)
        if gloss is not None and CLAUSE_BREAK.search(sentence, left, right) is None:
            return gloss
    return None


def _gloss(word: str, lexicon: ClaimLexicon) -> str | None:
    for gloss, cues in lexicon.state_words.items():
        if cues.matches_word(word):
            return gloss
    return None


def since_states(
    view: SentenceView, sentence_start: int, published: str | None, lexicon: ClaimLexicon
) -> list[SinceState]:
    """Every "state since YEAR" in one sentence, as durations up to the report's date."""
    pattern = lexicon.since_pattern
    if pattern is None or report_days(published) is None:
        return []
    found: list[SinceState] = []
    for match in pattern.finditer(view.lowered):
        year = int(match.group("year"))
        span = duration_since(year, published)
        if span is None:
            continue
        state = state_near(view, match.start(), match.end(), lexicon)
        if state is None:
            continue
        quantity = Quantity(
            text=view.text[match.start() : match.end()],
            start=sentence_start + match.start(),
            end=sentence_start + match.end(),
            value_low=span[0],
            value_high=span[1],
            unit="years",
            approximate=True,
        )
        found.append(SinceState(quantity, state))
    return found
