"""Candidate claims through indexed keys: a block is every claim with one (kind, location, actor).

The claims table's ix_claims_block index (kind, location, actor, moment_start) serves both the
incremental lookup (the part of each block a new claim's date can reach: an indexed range per
block) and the full pass (one stream ordered by the block key, so each block arrives whole and is
compared and dropped before the next).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Select, Text, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from factcheck.compare.records import Item, make_item
from factcheck.store import models

BlockKey = tuple[str, str, str | None]  # kind, location, actor
DayWindow = tuple[int, int]  # first and last moment_start (day ordinals) of interest, inclusive

_claims = models.Claim.__table__
_documents = models.Document.__table__
_sources = models.Source.__table__
_source = _sources.alias("source")
_parent = _sources.alias("parent")


def claim_rows() -> Select[Any]:
    """The columns make_item needs, in its order: the claim, its source and parent body, its document."""
    return (
        select(
            _claims.c.id,
            _claims.c.claim_key,
            _claims.c.document_id,
            _claims.c.kind,
            _claims.c.unit,
            _claims.c.actor,
            _claims.c.location,
            # A claim without its own date refers to the report's date.
            func.coalesce(_claims.c.as_of, _documents.c.published).label("as_of"),
            _claims.c.value_low,
            _claims.c.value_high,
            _claims.c.approximate,
            _claims.c.vague,
            _claims.c.subject,
            _claims.c.text,
            cast(_claims.c.via, Text).label("via"),
            _source.c.name.label("source"),
            _parent.c.name.label("parent"),
            _documents.c.name.label("document"),
            _documents.c.outlet,
            _documents.c.language,
        )
        .join(_documents, _documents.c.id == _claims.c.document_id)
        .outerjoin(_source, _source.c.id == _claims.c.source_id)
        .outerjoin(_parent, _parent.c.id == _source.c.parent_id)
    )


def _block_condition(key: BlockKey) -> Any:
    kind, location, actor = key
    actor_condition = _claims.c.actor.is_(None) if actor is None else _claims.c.actor == actor
    return and_(_claims.c.kind == kind, _claims.c.location == location, actor_condition)


def focus_starts(session: Session, claim_ids: Sequence[int]) -> tuple[dict[BlockKey, list[int]], list[int]]:
    """Block key -> the moment_start of each of these claims in it (where an incremental run must look),
    and the claims that fall in no block: without a location or a date (no moment_start).

    Only the indexed columns are read."""
    starts: dict[BlockKey, list[int]] = {}
    placed: set[int] = set()
    columns = (_claims.c.id, _claims.c.kind, _claims.c.location, _claims.c.actor, _claims.c.moment_start)
    for start in range(0, len(claim_ids), 500):
        query = select(*columns).where(
            _claims.c.id.in_(list(claim_ids[start : start + 500])),
            _claims.c.location.is_not(None),
            _claims.c.moment_start.is_not(None),
        )
        for claim_id, kind, location, actor, moment in session.execute(query):
            starts.setdefault((kind, location, actor), []).append(moment)
            placed.add(claim_id)
    return starts, [claim_id for claim_id in claim_ids if claim_id not in placed]


def _windowed_condition(key: BlockKey, low: int, high: int) -> Any:
    """The claims of one block whose date starts within [low, high]: a range scan of the index.

    Claims without a readable date have no moment_start and are left out, as make_item would."""
    return and_(_block_condition(key), _claims.c.moment_start.between(low, high))


def load_blocks(
    session: Session, keys: Iterable[BlockKey], windows: Mapping[BlockKey, Sequence[DayWindow]] | None = None
) -> dict[BlockKey, list[Item]]:
    """Several blocks in one round trip (an OR of indexed lookups).

    With ``windows``, only the claims of each block whose date starts within one of its windows."""
    keys = list(dict.fromkeys(keys))
    blocks: dict[BlockKey, list[Item]] = {key: [] for key in keys}
    for start in range(0, len(keys), 50):
        chunk = keys[start : start + 50]
        if windows is None:
            conditions = [_block_condition(key) for key in chunk]
        else:
            conditions = [_windowed_condition(key, low, high) for key in chunk for low, high in windows[key]]
        for row in session.execute(claim_rows().where(or_(*conditions))):
            item = make_item(row)
            if item is not None:
                blocks[(item.kind, item.location, item.actor)].append(item)  # type: ignore[index]
    return blocks


def _raw_rows(session: Session, query: Select[Any], batch: int) -> Iterator[Sequence[Any]]:
    """Rows as the driver gives them (textual SQL has no per-row type processing; make_item converts
    what it needs), fetched in batches through a streaming cursor (server-side on PostgreSQL)."""
    connection = session.connection().execution_options(stream_results=True)
    sql = str(query.compile(dialect=connection.dialect))
    yield from connection.exec_driver_sql(sql).yield_per(batch)


def stream_blocks(session: Session, batch: int = 20_000) -> Iterator[tuple[BlockKey, list[Item]]]:
    """All located claims, block by block, streamed in block-key order."""
    query = (
        claim_rows()
        .where(_claims.c.location.is_not(None))
        .order_by(_claims.c.kind, _claims.c.location, _claims.c.actor)
    )
    current: BlockKey | None = None
    items: list[Item] = []
    for row in _raw_rows(session, query, batch):
        key = (row[3], row[6], row[5])  # kind, location, actor
        if key != current:
            if items and current is not None:
                yield current, items
            current, items = key, []
        item = make_item(row)
        if item is not None:
            items.append(item)
    if items and current is not None:
        yield current, items


def block_keys(session: Session) -> list[BlockKey]:
    """Every distinct located block key (GROUP BY over the index)."""
    query = (
        select(_claims.c.kind, _claims.c.location, _claims.c.actor)
        .where(_claims.c.location.is_not(None))
        .group_by(_claims.c.kind, _claims.c.location, _claims.c.actor)
    )
    return [(row.kind, row.location, row.actor) for row in session.execute(query)]
