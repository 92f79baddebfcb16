"""The compact record a comparison works on: one per claim, with everything precomputed once.

Pair loops run millions of times, so each claim's widened range, date span, derived start (for
durations), processed subject and lineage (origin and relays) are worked out when it is loaded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from rapidfuzz import utils as fuzz_utils

from factcheck.compare.quantity import DEFAULT_TOLERANCES, Tolerances, describe, unit_scale, widened
from factcheck.compare.timing import DAYS_PER_YEAR
from factcheck.dates import day_span

# Subjects are written in English by the extractor: these words mark a figure about an earlier
# state ("formerly controlled"), which is never the same quantity as the present one.
PAST_MARKERS = frozenset({"formerly", "former", "once", "previously", "earlier", "peak", "originally"})
DURATION_FAMILY = "years"
_DIGITS = re.compile(r"[\d.,\u00a0\u202f ]+")
_WORD = re.compile(r"[a-z]+")
# A duration written as its start year ("since 2015", "sedan 2015"): the extractor gives it as years up
# to the report's date, but the year itself says when the state began, more exactly than the years do.
_START_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@dataclass(slots=True, eq=False)
class Item:
    id: int
    key: str
    document_id: int
    document: str
    kind: str
    unit: str
    family: str  # unit family the values below are in
    actor: str | None
    location: str | None
    as_of: str | None
    start: int  # first day the date may mean
    end: int  # last day
    low: float  # written value, in the written unit
    high: float
    lo: float  # widened range, in the family's unit
    hi: float
    approximate: bool
    vague: bool
    subject: str  # processed for fuzzy matching; "" when unknown
    past: bool
    wording: str  # the claim's own words without the number, processed
    language: str | None
    text: str
    source: str | None
    via: tuple[str, ...]
    origin: str  # casefolded name of where the figure comes from
    origin_name: str
    relays: frozenset[str]  # casefolded names that passed the figure on
    began_lo: float = 0.0  # durations: earliest and latest day the measured state may have begun
    began_hi: float = 0.0
    since_year: int | None = None  # durations written as their start year ("since 2015")
    _value_text: str | None = None
    # What a same-moment comparison looks at: the widened range, or for a duration the start it implies.
    figure: tuple[float, float] = (0.0, 0.0)
    figure_id: int = -1  # the figure as a small number, unique within one sweep (set by block_relations)

    @property
    def is_duration(self) -> bool:
        return self.family == DURATION_FAMILY and self.kind == "duration"

    def value_text(self) -> str:
        if self._value_text is None:
            self._value_text = describe(
                self.low, self.high, self.unit, approximate=self.approximate, vague=self.vague
            )
        return self._value_text

    def label(self) -> str:
        """How an explanation names the claim: its words, who says it, where and when."""
        who = self.source or "the report's own voice"
        if self.via:
            who += " via " + ", ".join(self.via)
        return f'"{self.text}" ({who}; {self.document}, {self.as_of or "undated"})'


@lru_cache(maxsize=65536)
def _origin(
    source: str | None, parent: str | None, via: Sequence[str], outlet: str | None, document_id: int | None
) -> tuple[str, str, frozenset[str]]:
    """Who a figure really comes from, and who merely passed it on.

    A person speaking for a body counts as the body; a figure in the report's own voice comes
    from the wire it was relayed through, else from the outlet (else the document) itself.
    """
    relays = {name.casefold() for name in via if name}
    if source:
        name = parent or source
        if parent:
            relays.add(source.casefold())
    elif via:
        name = via[0]
    elif outlet:
        name = outlet
    else:
        name = f"document {document_id}"
    relays.discard(name.casefold())
    return name.casefold(), name, frozenset(relays)


@lru_cache(maxsize=65536)
def _wording(text: str) -> str:
    return fuzz_utils.default_process(_DIGITS.sub(" ", text))


@lru_cache(maxsize=65536)
def _subject(subject: str | None) -> tuple[str, bool]:
    """The subject processed for matching, and whether it is about an earlier state."""
    if not subject:
        return "", False
    processed = fuzz_utils.default_process(subject)
    return processed, bool(PAST_MARKERS.intersection(_WORD.findall(processed)))


_widened = lru_cache(maxsize=65536)(widened)


def clear_caches() -> None:
    """Forget the memoised names and wordings. Kept after a run, its entries lie scattered over the
    memory the run used and keep those pages resident; the next run fills the caches again quickly."""
    for cache in (_origin, _wording, _subject, _widened):
        cache.cache_clear()


def _via(raw: Any) -> tuple[str, ...]:
    """The via column as a tuple; selected as text so that the common empty list costs nothing."""
    if not raw or raw == "[]":
        return ()
    if isinstance(raw, str):
        raw = json.loads(raw)
    return tuple(raw)


def make_item(row: Sequence[Any], tol: Tolerances = DEFAULT_TOLERANCES) -> Item | None:
    """An Item from a claim row (columns in blocking.claim_rows order), or None when it has no date."""
    (claim_id, key, document_id, kind, unit, actor, location, as_of, value_low, value_high, approximate,
     vague, subject_text, text, raw_via, source, parent, document, outlet, language) = row  # fmt: skip
    span = day_span(as_of)
    if span is None:
        return None
    family, factor = unit_scale(unit)
    approximate, vague = bool(approximate), bool(vague)
    lo, hi = _widened(value_low, value_high, approximate=approximate, vague=vague, unit=unit, tol=tol)
    via = _via(raw_via)
    # Only the report's own voice needs the document to name its origin; caching the rest pays.
    own = None if source or via or outlet else document_id
    origin, origin_name, relays = _origin(source, parent, via, outlet, own)
    subject, past = _subject(subject_text)
    item = Item(
        claim_id, key, document_id, document, kind, unit, family, actor, location, as_of, span[0], span[1],
        value_low, value_high, lo * factor, hi * factor, approximate, vague, subject, past,
        _wording(text or ""), language, text, source, via, origin, origin_name, relays,
    )  # fmt: skip
    if family == DURATION_FAMILY and kind == "duration":
        year = _start_year(text, value_high)
        if year is not None:
            # "since 2015": it began in 2015, no earlier and no later, whatever the report's date.
            item.since_year = year
            item.began_lo = float(date(year, 1, 1).toordinal())
            item.began_hi = float(date(year, 12, 31).toordinal())
        else:
            # "for three years" as of September 2017: it began three years (give or take) before.
            item.began_lo = span[0] - item.hi * DAYS_PER_YEAR
            item.began_hi = span[1] - item.lo * DAYS_PER_YEAR
        item.figure = (item.began_lo, item.began_hi)
    else:
        item.figure = (item.lo, item.hi)
    return item


def _start_year(text: str | None, years: float) -> int | None:
    """The start year a duration is written as, when its words hold a year and no count of years."""
    if not text or years >= 1900:
        return None
    match = _START_YEAR.search(text)
    return int(match.group(1)) if match else None
