"""Which relation two claims are in, how strongly, and why, in words an editor can check.

Two claims are about the same quantity when they share kind, unit family, actor and location (the
caller's blocking sees to those) and their subjects are compatible. Then their dates decide: the
same moment gives contradicts, corroborates or repeats; moments far enough apart give
changed_over_time. Durations are compared by the date they imply the state began.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from factcheck.compare.quantity import format_number
from factcheck.compare.records import Item
from factcheck.compare.timing import SAME_MOMENT_DAYS, format_day, gap_days

SUBJECT_THRESHOLD = 60.0  # token-set similarity (0..100) below which subjects measure different things
UNKNOWN_SIMILARITY = 70.0  # assumed when neither subject nor comparable wording is known


@dataclass(frozen=True, slots=True)
class Verdict:
    type: str
    score: float
    explanation: str


def subject_similarity(a: Item, b: Item) -> float | None:
    """Best fuzzy similarity of the English subjects and, within one language, of the claims' own words."""
    best: float | None = None
    if a.subject and a.subject == b.subject:
        return 100.0
    if a.subject and b.subject:
        best = fuzz.token_set_ratio(a.subject, b.subject, processor=None)
    if a.wording and b.wording and a.language == b.language:
        wording = fuzz.token_set_ratio(a.wording, b.wording, processor=None)
        best = wording if best is None else max(best, wording)
    return best


def scope_difference(a: Item, b: Item, similarity: float | None) -> str | None:
    """Why two claims in one block measure different things, or None when they are comparable."""
    if a.family != b.family:
        return f"one is in {a.unit}, the other in {b.unit}"
    if a.past != b.past:
        return "one describes an earlier state, the other the present"
    if similarity is not None and similarity < SUBJECT_THRESHOLD:
        return f"the subjects differ ({a.subject or a.wording!r} versus {b.subject or b.wording!r})"
    return None


def independent(a: Item, b: Item) -> bool:
    """Whether neither figure comes from the other's origin (dependence without the words, for hot loops)."""
    return not (a.origin == b.origin or a.origin in b.relays or b.origin in a.relays)


def dependence(a: Item, b: Item) -> str | None:
    """Why the two figures are not independent, or None when they are."""
    if a.origin == b.origin:
        return f"both figures come from {a.origin_name}"
    if a.origin in b.relays:
        return f"{b.source or 'the second figure'} is relayed by {a.origin_name}, the other claim's source"
    if b.origin in a.relays:
        return f"{a.source or 'the first figure'} is relayed by {b.origin_name}, the other claim's source"
    return None


def _factor(similarity: float | None) -> float:
    return 0.5 + 0.5 * (UNKNOWN_SIMILARITY if similarity is None else similarity) / 100.0


def _clamp(score: float) -> float:
    return round(min(1.0, max(0.0, score)), 3)


def _apart(a: Item, b: Item) -> float:
    """How far apart two widened ranges are, relative to the larger value (0 when they touch)."""
    return max(b.lo - a.hi, a.lo - b.hi, 0.0) / max(abs(a.hi), abs(b.hi), 1e-9)


def _agreement(a: Item, b: Item) -> float:
    """How well two overlapping widened ranges agree: shared length over the narrower range."""
    shared = min(a.hi, b.hi) - max(a.lo, b.lo)
    narrower = min(a.hi - a.lo, b.hi - b.lo)
    return 1.0 if narrower <= 0 else max(0.0, min(1.0, shared / narrower))


def _agreeing(a: Item, b: Item, similarity: float | None, what: str) -> Verdict:
    both = f"{a.label()} and {b.label()}"
    values = f"{a.value_text()} and {b.value_text()}"
    why_not = dependence(a, b)
    if why_not:
        return Verdict(
            "repeats",
            _clamp(_factor(similarity) * 0.9),
            f"{both} repeat one figure ({values}{what}), but {why_not}: one origin, not independent confirmation.",
        )
    return Verdict(
        "corroborates",
        _clamp(_factor(similarity) * (0.6 + 0.4 * _agreement(a, b))),
        f"{both} agree: {values} overlap{what}, and the sources ({a.origin_name}; {b.origin_name}) are independent.",
    )


def overlap(a: Item, b: Item) -> bool:
    """Whether the two widened ranges meet: the figures agree."""
    return a.lo <= b.hi and b.lo <= a.hi


def same_moment(a: Item, b: Item, similarity: float | None) -> Verdict:
    """Two claims about one quantity at one moment: they agree (corroborate or repeat) or contradict."""
    if overlap(a, b):
        return _agreeing(a, b, similarity, "")
    apart = _apart(a, b)
    gap = gap_days(a.start, a.end, b.start, b.end)
    timing = 1.0 - 0.3 * gap / (SAME_MOMENT_DAYS + 1)
    return Verdict(
        "contradicts",
        _clamp(_factor(similarity) * timing * (0.6 + 0.4 * min(1.0, apart / 0.5))),
        f"{a.label()} and {b.label()} disagree: {a.value_text()} versus {b.value_text()}: "
        "the ranges do not overlap, even allowing for rounding and hedges, "
        f"and the dates ({a.as_of}, {b.as_of}) are close enough to be the same moment.",
    )


def changed(earlier: Item, later: Item, similarity: float | None) -> Verdict | None:
    """A quantity reported at two moments far enough apart: a differing value may be a real change."""
    if overlap(earlier, later):
        return None
    days = gap_days(earlier.start, earlier.end, later.start, later.end)
    direction = "rose" if later.low > earlier.high else "fell"
    apart = _apart(earlier, later)
    return Verdict(
        "changed_over_time",
        _clamp(_factor(similarity) * (0.5 + 0.5 * min(1.0, apart / 0.5))),
        f"{earlier.label()} and later {later.label()}: {earlier.value_text()} as of {earlier.as_of}, "
        f"then {later.value_text()} as of {later.as_of}, at least {days} days later: the figure {direction}, "
        "which may be a real change rather than a contradiction.",
    )


# The states the extractor names in a duration's subject ("duration of the siege of Deir ez-Zor by ...").
_STATE = re.compile(r"\b(siege|control|occupation)\b")


def _state(a: Item, b: Item) -> str:
    """ "the siege" when a subject names the state that lasts ("duration of the siege of ..."), else "it"."""
    for item in (a, b):
        match = _STATE.search(item.subject)
        if match:
            return f"the {match.group(1)}"
    return "it"


def _start_put(item: Item, first: bool, state: str) -> str:
    """Where a duration puts the start, in words: "'tre år' (2017-09) puts the start of the siege around
    2014-09 (2014-06 to 2014-12 allowing for rounding)", "'since 2015' (2017-09-02) puts it in 2015"."""
    what = ("the start" if state == "it" else f"the start of {state}") if first else "it"
    head = f"'{item.text}' ({item.as_of}) puts {what}"
    if item.since_year is not None:
        return f"{head} in {item.since_year}"
    around = format_day((item.began_lo + item.began_hi) / 2)
    span = f"{format_day(item.began_lo)} to {format_day(item.began_hi)}"
    return f"{head} around {around} ({span} allowing for rounding)"


def began(a: Item, b: Item, similarity: float | None) -> Verdict:
    """Durations compared by when the state they measure began ("three years" in 2017-09 ~ 2014-09;
    "since 2015" began in 2015)."""
    state = _state(a, b)
    implied = f"{_start_put(a, True, state)}; {_start_put(b, False, state)}"
    if a.began_lo <= b.began_hi and b.began_lo <= a.began_hi:
        return _agreeing(a, b, similarity, f" on when it began: {implied}")
    apart_days = max(b.began_lo - a.began_hi, a.began_lo - b.began_hi)
    days = max(1, round(apart_days))
    return Verdict(
        "contradicts",
        _clamp(_factor(similarity) * (0.6 + 0.4 * min(1.0, apart_days / 365.0))),
        f"{a.label()} and {b.label()} disagree on when it began: {implied}: the start dates disagree, "
        f"even allowing for rounding (the nearest possible starts are {format_number(days)} "
        f"day{'s' if days != 1 else ''} apart).",
    )


def different_scope(a: Item, b: Item, reason: str) -> Verdict:
    return Verdict(
        "different_scope",
        0.5,
        f"{a.label()} and {b.label()} look alike ({a.value_text()}, {b.value_text()}) but measure "
        f"different things: {reason}. Not a conflict.",
    )
