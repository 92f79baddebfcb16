"""The spreadsheet columns, one row per claim or per relation. Names are stable: see docs/export-columns.md.

Each column knows its cell type, so numbers stay numbers and only text is neutralised.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from factcheck.export.data import ExportData, RelationEntry, iso_time
from factcheck.store.queries import ClaimView
from factcheck.store.reviews import ReviewView

CellType = Literal["text", "number", "bool"]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: CellType
    get: Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[Column, ...]
    rows: Iterator[tuple[Any, ...]]


# What every claim contributes, as (name, type, getter on a ClaimView).
_CLAIM_FIELDS: tuple[tuple[str, CellType, Callable[[ClaimView], Any]], ...] = (
    ("claim_id", "number", lambda c: c.id),
    ("claim_key", "text", lambda c: c.claim_key),
    ("document", "text", lambda c: c.document),
    ("origin", "text", lambda c: c.origin),
    ("published", "text", lambda c: c.published),
    ("language", "text", lambda c: c.language),
    ("kind", "text", lambda c: c.kind),
    ("value_low", "number", lambda c: c.value_low),
    ("value_high", "number", lambda c: c.value_high),
    ("unit", "text", lambda c: c.unit),
    ("approximate", "bool", lambda c: c.approximate),
    ("vague", "bool", lambda c: c.vague),
    ("text", "text", lambda c: c.text),
    ("subject", "text", lambda c: c.subject),
    ("actor", "text", lambda c: c.actor),
    ("location", "text", lambda c: c.location),
    ("as_of", "text", lambda c: c.as_of),
    ("source", "text", lambda c: c.source),
    ("source_type", "text", lambda c: c.source_type),
    ("source_mention", "text", lambda c: c.source_mention),
    ("via", "text", lambda c: "; ".join(c.via) or None),
    ("sentence", "text", lambda c: c.sentence),
    ("status", "text", lambda c: c.status),
)


def _review_fields(prefix: str) -> tuple[tuple[str, CellType, Callable[[ReviewView | None], Any]], ...]:
    return (
        (f"{prefix}note", "text", lambda r: r.note if r else None),
        (f"{prefix}reviewer", "text", lambda r: r.reviewer if r else None),
        (f"{prefix}at", "text", lambda r: iso_time(r.created_at) if r else None),
    )


def _on(part: Callable[[Any], Any], getter: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda row: getter(part(row))


# A claims row is (claim, its latest review or None).
CLAIM_COLUMNS: tuple[Column, ...] = (
    *(Column(name, kind, _on(lambda row: row[0], get)) for name, kind, get in _CLAIM_FIELDS),
    Column("contradictions", "number", lambda row: row[0].flags),
    *(Column(name, kind, _on(lambda row: row[1], get)) for name, kind, get in _review_fields("review_")),
)

RELATION_COLUMNS: tuple[Column, ...] = (
    Column("relation_id", "number", lambda e: e.relation.id),
    Column("relation_key", "text", lambda e: e.relation.relation_key),
    Column("type", "text", lambda e: e.relation.type),
    Column("score", "number", lambda e: e.relation.score),
    Column("explanation", "text", lambda e: e.relation.explanation),
    Column("status", "text", lambda e: e.relation.status),
    Column("decision", "text", lambda e: e.decision.verdict if e.decision else None),
    *(Column(name, kind, _on(lambda e: e.decision, get)) for name, kind, get in _review_fields("decision_")),
    *(Column(f"a_{name}", kind, _on(lambda e: e.relation.a, get)) for name, kind, get in _CLAIM_FIELDS),
    *(Column(f"b_{name}", kind, _on(lambda e: e.relation.b, get)) for name, kind, get in _CLAIM_FIELDS),
)


def _rows(columns: tuple[Column, ...], items: Iterator[Any]) -> Iterator[tuple[Any, ...]]:
    for item in items:
        yield tuple(column.get(item) for column in columns)


def claims_table(data: ExportData) -> Table:
    return Table(CLAIM_COLUMNS, _rows(CLAIM_COLUMNS, ((c, data.claim_decision(c)) for c in data.claims())))


def relations_table(data: ExportData) -> Table:
    items: Iterator[RelationEntry] = data.relations()
    return Table(RELATION_COLUMNS, _rows(RELATION_COLUMNS, items))


def table_for(data: ExportData, rows: str) -> Table:
    return relations_table(data) if rows == "relations" else claims_table(data)
