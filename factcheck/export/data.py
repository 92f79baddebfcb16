"""What an export reads: the filtered claims, the relations that touch them, and editors' decisions.

Writers get an ExportData and a ReportContext and never build queries themselves. Claims are
streamed in id order; a relation is included when either of its claims matches the filter, so a
report on one source still shows who contradicts it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from factcheck.store import models
from factcheck.store.queries import (
    RELATION_TYPES,
    ClaimFilter,
    ClaimView,
    RelationFilter,
    RelationView,
    filter_conditions,
    iter_claims,
    iter_relations,
)
from factcheck.store.reviews import ReviewView, latest_review


@dataclass(frozen=True, slots=True)
class Publisher:
    """Who publishes the fact-check (ClaimReview author and URLs)."""

    name: str = "factcheck"
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ReportContext:
    claim_filter: ClaimFilter
    rows: str
    only_contradictions: bool
    generated_at: datetime
    publisher: Publisher


@dataclass(frozen=True, slots=True)
class RelationEntry:
    relation: RelationView
    decision: ReviewView | None


@dataclass(frozen=True, slots=True)
class DocumentEntry:
    id: int
    content_hash: str
    name: str
    origin: str
    outlet: str | None
    language: str | None
    published: str | None
    title: str | None


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes for timezone-aware columns; they were stored in UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def iso_time(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


class ExportData:
    def __init__(
        self, session: Session, claim_filter: ClaimFilter, only_contradictions: bool = False
    ) -> None:
        self.session = session
        self.only_contradictions = only_contradictions
        self.claim_filter = replace(claim_filter, only_flagged=True) if only_contradictions else claim_filter
        self._matching: set[int] | None = None
        self._matching_loaded = False

    def claims(self) -> Iterator[ClaimView]:
        return iter_claims(self.session, self.claim_filter)

    def claim_decision(self, claim: ClaimView) -> ReviewView | None:
        if claim.status == "unreviewed":
            return None
        return latest_review(self.session, "claim", claim.claim_key)

    def relation_types(self) -> tuple[str, ...]:
        return ("contradicts",) if self.only_contradictions else RELATION_TYPES

    def relations(self, types: Iterable[str] | None = None) -> Iterator[RelationEntry]:
        """Relations of the wanted types touching a matching claim, strongest first."""
        allowed = self.relation_types()
        wanted = tuple(t for t in (types or allowed) if t in allowed)
        if not wanted:
            return
        matching = self._matching_ids()
        for view in iter_relations(self.session, RelationFilter(types=wanted)):
            if self.only_contradictions and view.status == "dismissed":
                continue
            if matching is not None and view.a.id not in matching and view.b.id not in matching:
                continue
            yield RelationEntry(view, latest_review(self.session, "relation", view.relation_key))

    def corroborated_ids(self) -> set[int]:
        """Claims that another claim corroborates (relations editors have not dismissed)."""
        table = models.RELATIONS
        rows = self.session.execute(
            select(table.c.claim_a_id, table.c.claim_b_id).where(
                table.c.type == "corroborates", table.c.status != "dismissed"
            )
        )
        found: set[int] = set()
        for a, b in rows:
            found.update((int(a), int(b)))
        return found

    def _matching_ids(self) -> set[int] | None:
        """Ids of the claims the filter selects, or None when it selects every claim."""
        if self._matching_loaded:
            return self._matching
        self._matching_loaded = True
        if self.claim_filter == ClaimFilter():
            return None
        claims, documents, sources = models.CLAIMS, models.DOCUMENTS, models.SOURCES
        query = (
            select(claims.c.id)
            .select_from(
                claims.join(documents, documents.c.id == claims.c.document_id).outerjoin(
                    sources, sources.c.id == claims.c.source_id
                )
            )
            .where(*filter_conditions(self.claim_filter))
        )
        self._matching = {int(claim_id) for claim_id in self.session.execute(query).scalars()}
        return self._matching

    def documents(self, ids: Iterable[int]) -> list[DocumentEntry]:
        table = models.DOCUMENTS
        wanted = sorted(set(ids))
        found: list[DocumentEntry] = []
        for start in range(0, len(wanted), 500):
            rows = self.session.execute(
                select(
                    table.c.id,
                    table.c.content_hash,
                    table.c.name,
                    table.c.origin,
                    table.c.outlet,
                    table.c.language,
                    table.c.published,
                    table.c.title,
                )
                .where(table.c.id.in_(wanted[start : start + 500]))
                .order_by(table.c.id)
            )
            found.extend(DocumentEntry(*row) for row in rows)
        return found

    def review_history(self, target_type: str, keys: Iterable[str]) -> list[ReviewView]:
        """Every decision on these targets, withdrawn ones included, in the order they were made."""
        table = models.REVIEWS
        wanted = sorted(set(keys))
        found: list[ReviewView] = []
        for start in range(0, len(wanted), 500):
            rows = self.session.execute(
                select(table).where(
                    table.c.target_type == target_type, table.c.target_key.in_(wanted[start : start + 500])
                )
            )
            found.extend(
                ReviewView(
                    id=row.id,
                    target_type=row.target_type,
                    target_key=row.target_key,
                    verdict=row.verdict,
                    note=row.note,
                    reviewer=row.reviewer,
                    created_at=row.created_at,
                    withdrawn=row.withdrawn_at is not None,
                    snapshot=row.snapshot,
                )
                for row in rows
            )
        return sorted(found, key=lambda review: review.id)
