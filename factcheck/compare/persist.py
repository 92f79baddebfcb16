"""Relations into the store: upserts keyed by the ordered pair of claim keys, editors' status restored.

An editor's decision is a review keyed by relation_key; a recomputed relation takes its status from
the standing decision (relation_statuses), so a dismissed flag stays dismissed however often the
comparison runs, and a relation that disappears and comes back finds its decision again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from factcheck.compare.pairs import Found
from factcheck.compare.records import Item
from factcheck.store import models
from factcheck.store.reviews import relation_statuses

_relations = models.Relation.__table__


def relation_key(a: Item, b: Item) -> str:
    return f"{a.key}|{b.key}" if a.key < b.key else f"{b.key}|{a.key}"


def _insert(session: Session) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(_relations)


def _rows(found: Iterable[Found], stamp: datetime) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for item in found:
        first, second = (item.a, item.b) if item.a.key < item.b.key else (item.b, item.a)
        key = f"{first.key}|{second.key}"
        rows[key] = {
            "relation_key": key,
            "claim_a_id": first.id,
            "claim_b_id": second.id,
            "type": item.verdict.type,
            "score": item.verdict.score,
            "explanation": item.verdict.explanation,
            "status": "open",
            "computed_at": stamp,
        }
    return list(rows.values())


def upsert_relations(session: Session, found: Sequence[Found], stamp: datetime) -> int:
    """Insert or refresh relations, each with its editors' standing decision; returns how many."""
    rows = _rows(found, stamp)
    if not rows:
        return 0
    decided = relation_statuses(session, [row["relation_key"] for row in rows])
    for row in rows:
        row["status"] = decided.get(row["relation_key"], "open")
    statement = _insert(session)
    statement = statement.on_conflict_do_update(
        index_elements=["relation_key"],
        set_={
            column: statement.excluded[column]
            for column in (
                "claim_a_id",
                "claim_b_id",
                "type",
                "score",
                "explanation",
                "status",
                "computed_at",
            )
        },
    )
    for start in range(0, len(rows), 5000):
        session.execute(statement, rows[start : start + 5000])
    return len(rows)


def delete_pairs(session: Session, pairs: Iterable[tuple[Item, Item]], types: Sequence[str]) -> None:
    """Drop relations a newer comparison no longer makes (their reviews stay, keyed by relation_key)."""
    keys = sorted({relation_key(a, b) for a, b in pairs})
    for start in range(0, len(keys), 500):
        session.execute(
            delete(_relations).where(
                _relations.c.relation_key.in_(keys[start : start + 500]), _relations.c.type.in_(types)
            )
        )


def delete_older_than(session: Session, stamp: datetime) -> int:
    """After a full pass: every relation the pass did not refresh is gone from the data."""
    result = session.execute(delete(_relations).where(_relations.c.computed_at < stamp))
    return int(result.rowcount or 0)
