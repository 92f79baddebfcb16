"""Relations into the store: upserts keyed by the ordered pair of claim keys, editors' status restored.

An editor's decision is a review keyed by relation_key; a recomputed relation takes its status from
the standing decision (relation_statuses), so a dismissed flag stays dismissed however often the
comparison runs, and a relation that disappears and comes back finds its decision again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from factcheck.compare.pairs import Found
from factcheck.compare.records import Item
from factcheck.store import models
from factcheck.store.reviews import relation_statuses
from factcheck.store.writes import driver_mark

_relations: Any = models.Relation.__table__


def relation_key(a: Item, b: Item) -> str:
    return f"{a.key}|{b.key}" if a.key < b.key else f"{b.key}|{a.key}"


_COLUMNS = (
    "relation_key",
    "claim_a_id",
    "claim_b_id",
    "type",
    "score",
    "explanation",
    "status",
    "computed_at",
)
_REFRESHED = _COLUMNS[1:]
# A recompute that knows of no decision leaves the row's status as it stands: an editor who reviewed
# the relation while the comparison ran (the review updates relations.status) keeps the decision.
_STATUS_UPDATE = "status = CASE WHEN excluded.status = 'open' THEN relations.status ELSE excluded.status END"


def _upsert_sql(dialect: str) -> str:
    """One INSERT .. ON CONFLICT DO UPDATE (same syntax on SQLite and PostgreSQL), sent straight to the
    driver's executemany: building SQLAlchemy parameters per row costs more than SQLite's own work."""
    mark = driver_mark(dialect)
    updates = ", ".join(
        _STATUS_UPDATE if column == "status" else f"{column} = excluded.{column}" for column in _REFRESHED
    )
    return (
        f"INSERT INTO relations ({', '.join(_COLUMNS)}) VALUES ({', '.join([mark] * len(_COLUMNS))}) "
        f"ON CONFLICT (relation_key) DO UPDATE SET {updates}"
    )


def _rows(found: Iterable[Found]) -> dict[str, list[Any]]:
    rows: dict[str, list[Any]] = {}
    for item in found:
        first, second = (item.a, item.b) if item.a.key < item.b.key else (item.b, item.a)
        key = f"{first.key}|{second.key}"
        verdict = item.verdict
        rows[key] = [key, first.id, second.id, verdict.type, verdict.score, verdict.explanation, "open", None]
    return rows


def reviewed_keys(session: Session) -> set[str]:
    """Relation keys that have ever been reviewed: a full pass asks relation_statuses about these only."""
    reviews = models.Review.__table__
    query = select(reviews.c.target_key).where(reviews.c.target_type == "relation").distinct()
    return set(session.execute(query).scalars())


def upsert_relations(
    session: Session,
    found: Sequence[Found],
    stamp: datetime,
    reviewed: set[str] | None = None,
    known: Set[str] | None = None,
) -> int:
    """Insert or refresh relations, each with its editors' standing decision; returns how many rows it
    wrote, less those whose key is in `known` (the keys already stored, when the caller read them: the
    count is then of rows added).

    `reviewed` (from reviewed_keys, read when the run began) narrows the decision lookup to the keys
    that have ever been reviewed; a decision made since then is already on its row and stays there."""
    rows = _rows(found)
    if not rows:
        return 0
    keys = sorted(rows)  # key order keeps the B-tree inserts local
    asked = keys if reviewed is None else [key for key in keys if key in reviewed]
    decided = relation_statuses(session, asked) if asked else {}
    connection = session.connection()
    dialect = connection.dialect
    bind = _relations.c.computed_at.type.dialect_impl(dialect).bind_processor(dialect)
    stamp_value = bind(stamp) if bind else stamp
    ordered = []
    for key in keys:
        row = rows[key]
        row[6] = decided.get(key, "open")
        row[7] = stamp_value
        ordered.append(tuple(row))
    sql = _upsert_sql(dialect.name)
    for start in range(0, len(ordered), 10_000):
        connection.exec_driver_sql(sql, ordered[start : start + 10_000])
    if known:
        return sum(1 for key in keys if key not in known)
    return len(ordered)


def delete_pairs(session: Session, pairs: Iterable[tuple[Item, Item]], types: Sequence[str]) -> int:
    """Drop relations a newer comparison no longer makes (their reviews stay, keyed by relation_key);
    returns how many rows went."""
    return _delete_keys(session, sorted({relation_key(a, b) for a, b in pairs}), types)


def _delete_keys(session: Session, keys: Sequence[str], types: Sequence[str]) -> int:
    """Delete the relations with these keys that are of these types: one keyed DELETE per key through
    the driver's executemany; an equality on relation_key makes both planners use the unique index,
    whatever the type condition. Returns the rows deleted (both drivers sum an executemany's counts)."""
    if not keys:
        return 0
    connection = session.connection()
    mark = driver_mark(connection.dialect.name)
    wanted = tuple(types)
    sql = f"DELETE FROM relations WHERE relation_key = {mark} AND type IN ({', '.join([mark] * len(wanted))})"
    result: Any = connection.exec_driver_sql(sql, [(key, *wanted) for key in keys])
    return int(result.rowcount or 0)


def stored_links(
    session: Session, claim_ids: Sequence[int], types: Sequence[str]
) -> tuple[dict[int, set[str]], set[str]]:
    """Claim id -> the keys of its stored relations of these types, for these claims; and the keys of
    all their stored relations, of any type (what a run's upserts refresh rather than add).

    An incremental run reads them once, before it writes (it holds the write lock, so they stay as read):
    for a new report's claims there are none, and no block of the run needs a query of its own. Sorted
    ids make the indexed lookups follow the index: 180,000 new claims on a store of 1.2 million
    relations take about 0.04 s, where a query per block cost 3 s in per-statement overhead."""
    ids = sorted(set(claim_ids))
    wanted = set(types)
    links: dict[int, set[str]] = {}
    keys: set[str] = set()
    connection = session.connection()
    mark = driver_mark(connection.dialect.name)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join([mark] * len(chunk))
        # One indexed lookup per side: with an OR, or a filter on type, planners pick a wide scan.
        for column in ("claim_a_id", "claim_b_id"):
            rows = connection.exec_driver_sql(
                f"SELECT {column}, relation_key, type FROM relations WHERE {column} IN ({marks})",
                tuple(chunk),
            )
            for claim_id, key, type_ in rows:
                keys.add(key)
                if type_ in wanted:
                    links.setdefault(claim_id, set()).add(key)
    return links, keys


def delete_outdated(
    session: Session,
    links: Mapping[int, Set[str]],
    claim_ids: Iterable[int],
    made: Iterable[Found],
    types: Sequence[str],
) -> int:
    """Drop the stored relations (`links`, from stored_links) of these claims that this comparison did
    not make again (a re-extracted claim may have changed its value or block); a new report's claims
    have none, and then nothing is done, not even the keys of what was made. Returns the rows deleted."""
    gone: set[str] = set()
    for claim_id in claim_ids:
        gone.update(links.get(claim_id, ()))
    if not gone:
        return 0
    gone.difference_update(relation_key(found.a, found.b) for found in made)
    return _delete_keys(session, sorted(gone), types)


def delete_older_than(session: Session, stamp: datetime) -> int:
    """After a full pass: every relation the pass did not refresh is gone from the data."""
    result: Any = session.execute(delete(_relations).where(_relations.c.computed_at < stamp))
    return int(result.rowcount or 0)
