"""Relations into the store: upserts keyed by the ordered pair of claim keys, editors' status restored.

An editor's decision is a review keyed by relation_key; a recomputed relation takes its status from
the standing decision (relation_statuses), so a dismissed flag stays dismissed however often the
comparison runs, and a relation that disappears and comes back finds its decision again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from factcheck.compare.pairs import Found
from factcheck.compare.records import Item
from factcheck.store import models
from factcheck.store.reviews import relation_statuses

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


def _upsert_sql(dialect: str) -> str:
    """One INSERT .. ON CONFLICT DO UPDATE (same syntax on SQLite and PostgreSQL), sent straight to the
    driver's executemany: building SQLAlchemy parameters per row costs more than SQLite's own work."""
    mark = "%s" if dialect == "postgresql" else "?"
    updates = ", ".join(f"{column} = excluded.{column}" for column in _REFRESHED)
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
    session: Session, found: Sequence[Found], stamp: datetime, reviewed: set[str] | None = None
) -> int:
    """Insert or refresh relations, each with its editors' standing decision; returns how many.

    `reviewed` (from reviewed_keys) narrows the decision lookup when a pass writes many batches."""
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
    return len(ordered)


def delete_pairs(session: Session, pairs: Iterable[tuple[Item, Item]], types: Sequence[str]) -> None:
    """Drop relations a newer comparison no longer makes (their reviews stay, keyed by relation_key).

    The type is checked on the rows found by key: with a type condition in the statement, SQLite's
    planner reads the (type, status) index, every relation of those types, instead of the keys."""
    keys = sorted({relation_key(a, b) for a, b in pairs})
    wanted = set(types)
    for start in range(0, len(keys), 500):
        rows = session.execute(
            select(_relations.c.relation_key, _relations.c.type).where(
                _relations.c.relation_key.in_(keys[start : start + 500])
            )
        )
        gone = [key for key, type_ in rows if type_ in wanted]
        if gone:
            session.execute(delete(_relations).where(_relations.c.relation_key.in_(gone)))


def delete_outdated(
    session: Session, claim_ids: Sequence[int], keep: Iterable[str], types: Sequence[str]
) -> None:
    """Drop relations of these claims that this comparison did not make again (a re-extracted claim may
    have changed its value or block); for a new report's claims there are none, at one indexed query."""
    kept = set(keep)
    ids = list(claim_ids)
    gone: list[str] = []
    wanted = set(types)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        # One indexed lookup per side: with an OR, or a filter on type, planners pick a wide scan.
        for column in (_relations.c.claim_a_id, _relations.c.claim_b_id):
            rows = session.execute(
                select(_relations.c.relation_key, _relations.c.type).where(column.in_(chunk))
            )
            gone.extend(key for key, type_ in rows if type_ in wanted and key not in kept)
    gone = sorted(set(gone))
    for start in range(0, len(gone), 500):
        session.execute(delete(_relations).where(_relations.c.relation_key.in_(gone[start : start + 500])))


def delete_older_than(session: Session, stamp: datetime) -> int:
    """After a full pass: every relation the pass did not refresh is gone from the data."""
    result: Any = session.execute(delete(_relations).where(_relations.c.computed_at < stamp))
    return int(result.rowcount or 0)
