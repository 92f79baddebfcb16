"""Read queries: claims and relations as small frozen views, filtered and sorted in SQL.

Widgets and exporters never see ORM rows; large results are paged by key or streamed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, and_, func, or_, select, tuple_
from sqlalchemy.orm import Session

from factcheck.store import models

CLAIM_STATUSES = ("verified", "disputed", "needs_source")
RELATION_STATUSES = ("open", "confirmed", "dismissed")
RELATION_TYPES = ("contradicts", "corroborates", "changed_over_time", "different_scope", "repeats")
FLAG_TYPES = ("contradicts",)

_claims = models.CLAIMS
_documents = models.DOCUMENTS
_sources = models.SOURCES
_reviews = models.REVIEWS
_relations = models.RELATIONS


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    kind: str | None = None
    source: str | None = None  # canonical source name (exact) or any alias (resolved by the caller)
    location: str | None = None
    language: str | None = None
    status: str | None = None  # verified | disputed | needs_source | unreviewed
    since: str | None = None  # as_of >= since (YYYY, YYYY-MM or YYYY-MM-DD)
    until: str | None = None  # as_of <= until
    only_flagged: bool = False
    claim_ids: tuple[int, ...] | None = None  # e.g. the hits of a full-text search


@dataclass(frozen=True, slots=True)
class ClaimView:
    id: int
    claim_key: str
    document_id: int
    document: str
    origin: str
    document_hash: str
    language: str | None
    published: str | None
    start: int
    end: int
    sentence: str
    sentence_start: int
    text: str
    value_low: float
    value_high: float
    approximate: bool
    vague: bool
    unit: str
    kind: str
    subject: str | None
    actor: str | None
    location: str | None
    as_of: str | None
    source: str | None
    source_type: str | None
    source_mention: str | None
    source_score: float | None
    via: tuple[str, ...]
    status: str  # latest verdict, or "unreviewed"
    flags: int  # open or confirmed contradictions


def claim_status_expr() -> Any:
    """The latest verdict on a claim that has not been withdrawn (a correlated scalar subquery)."""
    return (
        select(_reviews.c.verdict)
        .where(
            _reviews.c.target_type == "claim",
            _reviews.c.target_key == _claims.c.claim_key,
            _reviews.c.withdrawn_at.is_(None),
        )
        .order_by(_reviews.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def claim_flags_expr() -> Any:
    def count_for(column: Any) -> Any:
        return (
            select(func.count())
            .select_from(_relations)
            .where(
                column == _claims.c.id, _relations.c.type.in_(FLAG_TYPES), _relations.c.status != "dismissed"
            )
            .scalar_subquery()
        )

    return count_for(_relations.c.claim_a_id) + count_for(_relations.c.claim_b_id)


def _flagged_condition() -> ColumnElement[bool]:
    live = and_(_relations.c.type.in_(FLAG_TYPES), _relations.c.status != "dismissed")
    return or_(
        _claims.c.id.in_(select(_relations.c.claim_a_id).where(live)),
        _claims.c.id.in_(select(_relations.c.claim_b_id).where(live)),
    )


def _status_condition(status: str) -> ColumnElement[bool]:
    if status == "unreviewed":
        reviewed = select(_reviews.c.target_key).where(
            _reviews.c.target_type == "claim", _reviews.c.withdrawn_at.is_(None)
        )
        return _claims.c.claim_key.not_in(reviewed)
    return claim_status_expr() == status


def filter_conditions(claim_filter: ClaimFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if claim_filter.kind:
        conditions.append(_claims.c.kind == claim_filter.kind)
    if claim_filter.location:
        conditions.append(_claims.c.location == claim_filter.location)
    if claim_filter.language:
        conditions.append(_documents.c.language == claim_filter.language)
    if claim_filter.source:
        conditions.append(_sources.c.name == claim_filter.source)
    # A claim's date is what it refers to, else its report's date.
    claim_date = func.coalesce(_claims.c.as_of, _documents.c.published)
    if claim_filter.since:
        conditions.append(func.substr(claim_date, 1, len(claim_filter.since)) >= claim_filter.since)
    if claim_filter.until:
        # "2017-09" as an upper bound includes every day of September.
        conditions.append(func.substr(claim_date, 1, len(claim_filter.until)) <= claim_filter.until)
    if claim_filter.status:
        conditions.append(_status_condition(claim_filter.status))
    if claim_filter.only_flagged:
        conditions.append(_flagged_condition())
    if claim_filter.claim_ids is not None:
        conditions.append(_claims.c.id.in_(claim_filter.claim_ids or (-1,)))
    return conditions


def claims_select(claim_filter: ClaimFilter = ClaimFilter()) -> Select[Any]:
    return (
        select(
            _claims,
            _documents.c.name.label("document"),
            _documents.c.origin,
            _documents.c.content_hash.label("document_hash"),
            _documents.c.language,
            _documents.c.published,
            _sources.c.name.label("source"),
            _sources.c.type.label("source_type"),
            func.coalesce(claim_status_expr(), "unreviewed").label("status"),
            claim_flags_expr().label("flags"),
        )
        .join(_documents, _documents.c.id == _claims.c.document_id)
        .outerjoin(_sources, _sources.c.id == _claims.c.source_id)
        .where(*filter_conditions(claim_filter))
    )


def claim_view(row: Any) -> ClaimView:
    return ClaimView(
        id=row.id,
        claim_key=row.claim_key,
        document_id=row.document_id,
        document=row.document,
        origin=row.origin,
        document_hash=row.document_hash,
        language=row.language,
        published=row.published,
        start=row.start,
        end=row.end,
        sentence=row.sentence,
        sentence_start=row.sentence_start,
        text=row.text,
        value_low=row.value_low,
        value_high=row.value_high,
        approximate=bool(row.approximate),
        vague=bool(row.vague),
        unit=row.unit,
        kind=row.kind,
        subject=row.subject,
        actor=row.actor,
        location=row.location,
        as_of=row.as_of,
        source=row.source,
        source_type=row.source_type,
        source_mention=row.source_mention,
        source_score=row.source_score,
        via=tuple(row.via or ()),
        status=row.status,
        flags=int(row.flags or 0),
    )


SORTABLE = {
    "id": _claims.c.id,
    "kind": _claims.c.kind,
    "value": _claims.c.value_low,
    "as_of": _claims.c.as_of,
    "location": _claims.c.location,
    "actor": _claims.c.actor,
    "document": _claims.c.document_id,
}


def claim_page(
    session: Session,
    claim_filter: ClaimFilter = ClaimFilter(),
    *,
    sort: str = "id",
    descending: bool = False,
    after: tuple[Any, int] | None = None,
    limit: int = 100,
) -> list[ClaimView]:
    """One page of claims by keyset: rows after (sort value, id) in the chosen order."""
    column = SORTABLE[sort]
    # NULLs sort as empty strings/zero so the keyset comparison stays total.
    key = func.coalesce(column, "" if sort in ("kind", "as_of", "location", "actor") else 0)
    query = claims_select(claim_filter)
    if after is not None:
        boundary = tuple_(key, _claims.c.id)
        query = query.where(boundary < tuple_(*after) if descending else boundary > tuple_(*after))
    order = (key.desc(), _claims.c.id.desc()) if descending else (key.asc(), _claims.c.id.asc())
    return [claim_view(row) for row in session.execute(query.order_by(*order).limit(limit))]


def sort_key_of(view: ClaimView, sort: str) -> tuple[Any, int]:
    value = {
        "id": view.id,
        "kind": view.kind,
        "value": view.value_low,
        "as_of": view.as_of or "",
        "location": view.location or "",
        "actor": view.actor or "",
        "document": view.document_id,
    }[sort]
    return (value, view.id)


def count_claims(session: Session, claim_filter: ClaimFilter = ClaimFilter()) -> int:
    query = (
        select(func.count())
        .select_from(_claims.join(_documents, _documents.c.id == _claims.c.document_id).outerjoin(
            _sources, _sources.c.id == _claims.c.source_id))
        .where(*filter_conditions(claim_filter))
    )  # fmt: skip
    return int(session.execute(query).scalar_one())


def iter_claims(
    session: Session, claim_filter: ClaimFilter = ClaimFilter(), batch: int = 1000
) -> Iterator[ClaimView]:
    """Every matching claim in id order, streamed page by page."""
    after: tuple[Any, int] | None = None
    while True:
        page = claim_page(session, claim_filter, after=after, limit=batch)
        yield from page
        if len(page) < batch:
            return
        after = (page[-1].id, page[-1].id)


def get_claims(session: Session, ids: Sequence[int]) -> dict[int, ClaimView]:
    found: dict[int, ClaimView] = {}
    for start in range(0, len(ids), 500):
        chunk = tuple(ids[start : start + 500])
        for view in claim_page(session, ClaimFilter(claim_ids=chunk), limit=len(chunk)):
            found[view.id] = view
    return found


@dataclass(frozen=True, slots=True)
class RelationFilter:
    types: tuple[str, ...] = ("contradicts",)
    kind: str | None = None
    location: str | None = None
    status: str | None = None
    claim_id: int | None = None


@dataclass(frozen=True, slots=True)
class RelationView:
    id: int
    relation_key: str
    type: str
    score: float
    explanation: str
    status: str
    a: ClaimView
    b: ClaimView


def iter_relations(
    session: Session, relation_filter: RelationFilter = RelationFilter()
) -> Iterator[RelationView]:
    """Relations with both claims, strongest first, then by id for a stable order."""
    query = select(_relations).where(_relations.c.type.in_(relation_filter.types))
    if relation_filter.status:
        query = query.where(_relations.c.status == relation_filter.status)
    if relation_filter.claim_id is not None:
        query = query.where(
            or_(
                _relations.c.claim_a_id == relation_filter.claim_id,
                _relations.c.claim_b_id == relation_filter.claim_id,
            )
        )
    if relation_filter.kind or relation_filter.location:
        a_claims = select(_claims.c.id)
        if relation_filter.kind:
            a_claims = a_claims.where(_claims.c.kind == relation_filter.kind)
        if relation_filter.location:
            a_claims = a_claims.where(_claims.c.location == relation_filter.location)
        query = query.where(_relations.c.claim_a_id.in_(a_claims))
    query = query.order_by(_relations.c.score.desc(), _relations.c.id)
    rows = session.execute(query).all()
    for start in range(0, len(rows), 200):
        chunk = rows[start : start + 200]
        views = get_claims(session, sorted({r.claim_a_id for r in chunk} | {r.claim_b_id for r in chunk}))
        for row in chunk:
            yield RelationView(
                id=row.id,
                relation_key=row.relation_key,
                type=row.type,
                score=row.score,
                explanation=row.explanation,
                status=row.status,
                a=views[row.claim_a_id],
                b=views[row.claim_b_id],
            )


def store_stats(engine: Engine) -> dict[str, Any]:
    with Session(engine) as session:

        def count(table: Any) -> int:
            return int(session.execute(select(func.count()).select_from(table)).scalar_one())

        def grouped(column: Any) -> list[tuple[Any, int]]:
            rows = session.execute(
                select(column, func.count()).group_by(column).order_by(func.count().desc(), column)
            )
            return [(value, int(n)) for value, n in rows]

        return {
            "documents": count(_documents),
            "languages": grouped(_documents.c.language),
            "claims": count(_claims),
            "kinds": grouped(_claims.c.kind),
            "sources": count(_sources),
            "relations": count(_relations),
            "relation_types": grouped(_relations.c.type),
            "reviews": count(_reviews),
        }
