"""Past-tense messages that thread workers post back to the UI thread."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from factcheck.store.queries import ClaimView, RelationView
from factcheck.store.reviews import ReviewView
from factcheck.store.sources import SourceView
from factcheck.tui.data import (
    ChartPoint,
    ClaimContext,
    FilterOptions,
    QuantityChoice,
    RelationContext,
)


@dataclass
class ClaimsFetched(Message):
    """A page of claims arrived. mode: reset (new query), next (below) or previous (above)."""

    generation: int
    rows: list[ClaimView]
    mode: str
    complete: bool  # no more rows in this direction


@dataclass
class ClaimsCounted(Message):
    generation: int
    total: int


@dataclass
class FilterOptionsLoaded(Message):
    options: FilterOptions


@dataclass
class SearchResolved(Message):
    query: str
    claim_ids: tuple[int, ...] | None  # None: search unavailable


@dataclass
class QueryFailed(Message):
    what: str
    error: str


@dataclass
class ClaimContextLoaded(Message):
    context: ClaimContext | None


@dataclass
class RelationsFetched(Message):
    relations: list[RelationView]


@dataclass
class RelationContextLoaded(Message):
    context: RelationContext | None


@dataclass
class ReviewSaved(Message):
    target: str  # claim | relation
    review: ReviewView | None  # None when an undo found nothing to withdraw
    undone: bool = False
    claim_id: int | None = None  # the claim's row to refresh


@dataclass
class ReviewRefused(Message):
    error: str
    conflict: bool
    claim_id: int | None = None


@dataclass
class OrphansFetched(Message):
    reviews: list[ReviewView]


@dataclass
class SourcesFetched(Message):
    sources: list[SourceView]


@dataclass
class SourcesChanged(Message):
    summary: str


@dataclass
class QuantitiesFetched(Message):
    choices: list[QuantityChoice]


@dataclass
class SeriesFetched(Message):
    choice: QuantityChoice
    points: list[ChartPoint]


@dataclass
class ExportFinished(Message):
    path: str
    summary: str


@dataclass
class ClaimsRefreshed(Message):
    """Fresh views of claims already on screen (after a review here or elsewhere)."""

    claims: list[ClaimView]
    request: int  # requests are numbered so that a slow, older one cannot undo a newer one
