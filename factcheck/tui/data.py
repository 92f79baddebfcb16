"""The TUI's thin service over the store: runs queries and hands back frozen views.

Widgets never see ORM rows or sessions. Every method opens its own short session, so the
methods are safe to call from thread workers (one engine, many threads).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, func, select, tuple_
from sqlalchemy.orm import Session

from factcheck.store import models, queries, reviews
from factcheck.store.queries import ClaimFilter, ClaimView, RelationFilter, RelationView
from factcheck.store.reviews import ReviewConflict, ReviewView

if TYPE_CHECKING:
    from factcheck.store.sources import SourceView

_claims = models.Claim.__table__
_documents = models.Document.__table__
_sources = models.Source.__table__

TEXT_SORTS = ("kind", "as_of", "location", "actor")
CONTEXT_RADIUS = 320  # characters of the report shown either side of a claim's sentence


@dataclass(frozen=True, slots=True)
class FilterOptions:
    kinds: tuple[str, ...]
    sources: tuple[str, ...]
    locations: tuple[str, ...]
    languages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClaimContext:
    """One claim with what the detail screen shows around it."""

    claim: ClaimView
    before: str  # report text before the claim, from the sentence's surroundings
    after: str
    sentence_offset: int  # where the sentence starts inside before + claim text + after
    sentence_length: int
    clipped_start: bool  # the report goes on before `before`
    clipped_end: bool
    review: ReviewView | None
    history: tuple[ReviewView, ...]
    relations: tuple[RelationView, ...]


@dataclass(frozen=True, slots=True)
class RelationContext:
    relation: RelationView
    review: ReviewView | None
    history: tuple[ReviewView, ...]


@dataclass(frozen=True, slots=True)
class QuantityChoice:
    kind: str
    location: str
    claims: int

    @property
    def label(self) -> str:
        return f"{self.kind} in {self.location} ({self.claims})"


@dataclass(frozen=True, slots=True)
class ChartPoint:
    source: str
    as_of: str
    value_low: float
    value_high: float


class DataService:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    # Claims -----------------------------------------------------------------------------------

    def claim_page(
        self,
        claim_filter: ClaimFilter,
        *,
        sort: str = "id",
        descending: bool = False,
        after: tuple[Any, int] | None = None,
        limit: int = 100,
    ) -> list[ClaimView]:
        """One page by keyset, in two steps so a million rows stay cheap.

        First the ids, from the claims table alone (an index walk for the default order, a top-N
        sort of one column otherwise); then the full views, with their per-row review status and
        flag count, for those ids only. The store's claim_page computes those per-row subqueries
        before sorting, which costs seconds on a large table.
        """
        column = queries.SORTABLE[sort]
        key = column if sort in ("id", "document") else func.coalesce(column, "" if sort in TEXT_SORTS else 0)
        query = (
            select(_claims.c.id)
            .select_from(
                _claims.join(_documents, _documents.c.id == _claims.c.document_id).outerjoin(
                    _sources, _sources.c.id == _claims.c.source_id
                )
            )
            .where(*queries.filter_conditions(claim_filter))
        )
        if after is not None:
            if sort == "id":
                query = query.where(_claims.c.id < after[1] if descending else _claims.c.id > after[1])
            else:
                boundary = tuple_(key, _claims.c.id)
                query = query.where(boundary < tuple_(*after) if descending else boundary > tuple_(*after))
        by_id = _claims.c.id.desc() if descending else _claims.c.id.asc()
        order = [by_id] if sort == "id" else [key.desc() if descending else key.asc(), by_id]
        with self._session() as session:
            ids = list(session.execute(query.order_by(*order).limit(limit)).scalars())
            views = queries.get_claims(session, ids)
        return [views[claim_id] for claim_id in ids if claim_id in views]

    def count(self, claim_filter: ClaimFilter) -> int:
        with self._session() as session:
            return queries.count_claims(session, claim_filter)

    def search_ids(
        self, text: str, claim_filter: ClaimFilter | None = None, limit: int = 1000
    ) -> tuple[int, ...]:
        """Claim ids matching a free-text query across aliases (the store's full-text search)."""
        from factcheck.store.search import search_claim_ids

        with self._session() as session:
            return tuple(search_claim_ids(session, text, claim_filter=claim_filter, limit=limit))

    def filter_options(self) -> FilterOptions:
        with self._session() as session:

            def distinct(column: Any, *where: Any) -> tuple[str, ...]:
                rows = session.execute(select(column).where(column.is_not(None), *where).distinct())
                return tuple(sorted(str(value) for (value,) in rows))

            return FilterOptions(
                kinds=distinct(_claims.c.kind),
                sources=distinct(_sources.c.name, _sources.c.merged_into_id.is_(None)),
                locations=distinct(_claims.c.location),
                languages=distinct(_documents.c.language),
            )

    def claim_context(self, claim_id: int, radius: int = CONTEXT_RADIUS) -> ClaimContext | None:
        with self._session() as session:
            claim = queries.get_claims(session, [claim_id]).get(claim_id)
            if claim is None:
                return None
            sentence_end = claim.sentence_start + len(claim.sentence)
            window_start = max(0, min(claim.sentence_start, claim.start) - radius)
            window_end = max(sentence_end, claim.end) + radius
            text = session.execute(
                select(func.substr(_documents.c.text, window_start + 1, window_end - window_start)).where(
                    _documents.c.id == claim.document_id
                )
            ).scalar_one()
            start, end = claim.start - window_start, claim.end - window_start
            relations = tuple(
                queries.iter_relations(
                    session, RelationFilter(types=queries.RELATION_TYPES, claim_id=claim_id)
                )
            )
            return ClaimContext(
                claim=claim,
                before=text[:start],
                after=text[end:],
                sentence_offset=claim.sentence_start - window_start,
                sentence_length=len(claim.sentence),
                clipped_start=window_start > 0,
                clipped_end=len(text) >= window_end - window_start,
                review=reviews.latest_review(session, "claim", claim.claim_key),
                history=tuple(reviews.history(session, "claim", claim.claim_key)),
                relations=relations,
            )

    def review_claim(
        self, claim: ClaimView, verdict: str, reviewer: str, note: str | None, seen: ReviewView | str | None
    ) -> ReviewView:
        """Record a verdict against what the editor saw: a review (by id) or, from the table, a status."""
        with self._session() as session, session.begin():
            if isinstance(seen, str):
                current = reviews.latest_review(session, "claim", claim.claim_key)
                if (current.verdict if current else "unreviewed") != seen:
                    who = f"{current.reviewer} marked it {current.verdict}" if current else "it was undone"
                    raise ReviewConflict(f"changed since you looked: {who}; reload and decide again")
                expected: int | None = current.id if current else None
            else:
                expected = seen.id if seen else None
            return reviews.review_claim(
                session, claim.claim_key, verdict, reviewer, note=note, expected=expected
            )

    def undo_claim(self, claim_key: str, reviewer: str) -> ReviewView | None:
        with self._session() as session, session.begin():
            return reviews.undo(session, "claim", claim_key, reviewer)

    def orphaned_reviews(self) -> list[ReviewView]:
        with self._session() as session:
            return reviews.orphaned_reviews(session)

    # Relations --------------------------------------------------------------------------------

    def relations(self, types: Sequence[str], status: str | None = None) -> list[RelationView]:
        with self._session() as session:
            return list(queries.iter_relations(session, RelationFilter(types=tuple(types), status=status)))

    def relation_context(self, relation: RelationView) -> RelationContext | None:
        with self._session() as session:
            fresh = next(
                (
                    view
                    for view in queries.iter_relations(
                        session, RelationFilter(types=(relation.type,), claim_id=relation.a.id)
                    )
                    if view.id == relation.id
                ),
                None,
            )
            if fresh is None:
                return None
            return RelationContext(
                relation=fresh,
                review=reviews.latest_review(session, "relation", fresh.relation_key),
                history=tuple(reviews.history(session, "relation", fresh.relation_key)),
            )

    def review_relation(
        self, relation_key: str, verdict: str, reviewer: str, note: str | None, seen: ReviewView | None
    ) -> ReviewView:
        with self._session() as session, session.begin():
            return reviews.review_relation(
                session, relation_key, verdict, reviewer, note=note, expected=seen.id if seen else None
            )

    def undo_relation(self, relation_key: str, reviewer: str) -> ReviewView | None:
        with self._session() as session, session.begin():
            return reviews.undo(session, "relation", relation_key, reviewer)

    # Sources ----------------------------------------------------------------------------------

    def sources(self) -> list[SourceView]:
        stats = self._sources_module("source_stats")
        with self._session() as session:
            return list(stats(session))

    def _sources_module(self, function: str) -> Any:
        from factcheck.store import sources

        return getattr(sources, function)

    def add_alias(self, source_name: str, alias: str) -> None:
        add_alias = self._sources_module("add_alias")
        with self._session() as session, session.begin():
            add_alias(session, source_name, alias)

    def merge_sources(self, from_name: str, into_name: str) -> None:
        merge = self._sources_module("merge_sources")
        with self._session() as session, session.begin():
            merge(session, from_name, into_name)

    # Chart ------------------------------------------------------------------------------------

    def quantities(self, limit: int = 40) -> list[QuantityChoice]:
        """The (kind, location) pairs claimed most often with a date: what is worth a chart."""
        date = func.coalesce(_claims.c.as_of, _documents.c.published)
        with self._session() as session:
            rows = session.execute(
                select(_claims.c.kind, _claims.c.location, func.count().label("n"))
                .join(_documents, _documents.c.id == _claims.c.document_id)
                .where(_claims.c.location.is_not(None), date.is_not(None))
                .group_by(_claims.c.kind, _claims.c.location)
                .order_by(func.count().desc(), _claims.c.kind, _claims.c.location)
                .limit(limit)
            )
            return [QuantityChoice(kind, location, int(n)) for kind, location, n in rows]

    def series(self, kind: str, location: str, limit: int = 5000) -> list[ChartPoint]:
        """Values claimed for one quantity, dated by the claim or else its report, by source."""
        date = func.coalesce(_claims.c.as_of, _documents.c.published)
        with self._session() as session:
            rows = session.execute(
                select(
                    func.coalesce(_sources.c.name, _documents.c.name).label("source"),
                    date.label("date"),
                    _claims.c.value_low,
                    _claims.c.value_high,
                )
                .join(_documents, _documents.c.id == _claims.c.document_id)
                .outerjoin(_sources, _sources.c.id == _claims.c.source_id)
                .where(_claims.c.kind == kind, _claims.c.location == location, date.is_not(None))
                .order_by(date, _claims.c.id)
                .limit(limit)
            )
            return [ChartPoint(r.source, r.date, r.value_low, r.value_high) for r in rows]

    # Export -----------------------------------------------------------------------------------

    def export(self, fmt: str, path: str, claim_filter: ClaimFilter) -> Any:
        from pathlib import Path

        from factcheck.export import export

        return export(self.engine, fmt, Path(path), claim_filter)

    def export_formats(self) -> dict[str, str]:
        """Each export format with its file suffix."""
        from factcheck.export import FORMATS, SUFFIXES

        return {fmt: SUFFIXES.get(fmt, f".{fmt}") for fmt in FORMATS}


def refresh_claims(service: DataService, ids: Sequence[int]) -> list[ClaimView]:
    with service._session() as session:
        found = queries.get_claims(session, list(ids))
    return [found[i] for i in ids if i in found]
