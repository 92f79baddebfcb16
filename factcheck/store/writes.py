"""Idempotent writes: documents, claims and sources go in with unique keys and upserts.

Never check-then-insert: two ingest processes racing on the same report both succeed and
the report is stored once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import delete, select, text, update
from sqlalchemy.orm import Session

from factcheck import domain
from factcheck.dates import first_day
from factcheck.store import models


def _insert(session: Session, table: Any) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT DO NOTHING."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


def driver_mark(dialect: str) -> str:
    """The driver's placeholder for a bound parameter in SQL sent through exec_driver_sql."""
    return "%s" if dialect == "postgresql" else "?"


def insert_ignoring_conflicts(session: Session, table: Any, rows: Sequence[dict[str, Any]], key: str) -> None:
    if rows:
        session.execute(_insert(session, table).on_conflict_do_nothing(index_elements=[key]), list(rows))


# Every column of a claim row as _claim_rows builds it, in the order insert_claims sends them.
_CLAIM_COLUMNS = (
    "claim_key", "document_id", "start", "end", "sentence", "sentence_start", "text", "value_low",
    "value_high", "approximate", "vague", "unit", "kind", "subject", "actor", "location", "as_of",
    "moment_start", "source_id", "source_mention", "source_score", "via", "extractor_version", "created_at",
)  # fmt: skip


def insert_claims(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert claim rows, skipping any whose claim_key is stored already.

    One INSERT .. ON CONFLICT DO NOTHING (same syntax on SQLite and PostgreSQL) through the driver's
    executemany, each value passed through its column type's bind processor as SQLAlchemy would: building
    SQLAlchemy's parameters row by row costs a fifth of what the database spends storing a claim."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    columns = [models.CLAIMS.c[name] for name in _CLAIM_COLUMNS]
    processors = [column.type.dialect_impl(dialect).bind_processor(dialect) for column in columns]
    quote = dialect.identifier_preparer.quote
    mark = driver_mark(dialect.name)
    sql = (
        f"INSERT INTO claims ({', '.join(quote(name) for name in _CLAIM_COLUMNS)}) "
        f"VALUES ({', '.join([mark] * len(columns))}) ON CONFLICT (claim_key) DO NOTHING"
    )
    # Most columns need no conversion: the row's values are taken in one C call, then only the few
    # that do (booleans, dates, JSON) are converted.
    take = itemgetter(*_CLAIM_COLUMNS)
    converted = [(index, process) for index, process in enumerate(processors) if process is not None]
    values = []
    for row in rows:
        value = list(take(row))
        for index, process in converted:
            value[index] = process(value[index])
        values.append(tuple(value))
    connection.exec_driver_sql(sql, values)


def begin_writing(session: Session) -> None:
    """Take the write lock now, so the reads that follow see the latest state until commit.

    pysqlite begins a transaction only at the first write, so on SQLite a check-then-write would
    check outside it; a no-op UPDATE as the first statement takes the write lock (waiting up to the
    busy timeout), as BEGIN IMMEDIATE would. PostgreSQL callers lock the rows they check instead.
    """
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("UPDATE reviews SET id = id WHERE 0"))


def normalize_alias(alias: str) -> str:
    return " ".join(alias.casefold().split())


class SourceIds:
    """Source name -> id, filled by upsert; one instance serves a whole batch."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def get(self, session: Session, name: str, type_: str | None, parent: str | None = None) -> int:
        known = self._ids.get(name)
        if known is not None:
            return known
        table = models.SOURCES
        insert_ignoring_conflicts(
            session, table, [{"name": name, "type": type_, "created_at": models.utcnow()}], "name"
        )
        row = session.execute(select(table.c.id, table.c.merged_into_id).where(table.c.name == name)).one()
        source_id = int(row.merged_into_id or row.id)
        if parent and parent != name:
            parent_id = self.get(session, parent, None)
            session.execute(
                update(table)
                .where(table.c.id == source_id, table.c.parent_id.is_(None))
                .values(parent_id=parent_id)
            )
        self._ids[name] = source_id
        return source_id


@dataclass(frozen=True, slots=True)
class StoredDocument:
    document_id: int
    new: bool
    claim_ids: tuple[int, ...]


def _claim_rows(
    session: Session,
    document_id: int,
    document_hash: str,
    claims: Iterable[domain.Claim],
    version: str,
    sources: SourceIds,
    parents: dict[str, str | None] | None = None,
    published: str | None = None,
) -> list[dict[str, Any]]:
    now = models.utcnow()
    rows = []
    for claim in claims:
        source_id = None
        if claim.source:
            source_id = sources.get(
                session, claim.source, claim.source_type, (parents or {}).get(claim.source)
            )
        rows.append(
            {
                "claim_key": claim.claim_key(document_hash),
                "document_id": document_id,
                "start": claim.start,
                "end": claim.end,
                "sentence": claim.sentence,
                "sentence_start": claim.sentence_start,
                "text": claim.text,
                "value_low": claim.value_low,
                "value_high": claim.value_high,
                "approximate": claim.approximate,
                "vague": claim.vague,
                "unit": claim.unit,
                "kind": claim.kind,
                "subject": claim.subject,
                "actor": claim.actor,
                "location": claim.location,
                "as_of": claim.as_of,
                "moment_start": first_day(claim.as_of if claim.as_of is not None else published),
                "source_id": source_id,
                "source_mention": claim.source_mention,
                "source_score": claim.source_score,
                "via": list(claim.via),
                "extractor_version": version,
                "created_at": now,
            }
        )
    return rows


def _claim_ids(session: Session, keys: list[str]) -> dict[str, int]:
    """Claim key -> id for the stored ones among ``keys``."""
    table = models.CLAIMS
    found: dict[str, int] = {}
    for chunk_start in range(0, len(keys), 500):
        chunk = keys[chunk_start : chunk_start + 500]
        for key, claim_id in session.execute(
            select(table.c.claim_key, table.c.id).where(table.c.claim_key.in_(chunk))
        ):
            found[key] = claim_id
    return found


def store_document(
    session: Session,
    document: domain.Document,
    claims: Sequence[domain.Claim],
    version: str,
    sources: SourceIds | None = None,
    parents: dict[str, str | None] | None = None,
) -> StoredDocument:
    """Store a document with its claims, unless its content is stored already.

    Runs inside the caller's transaction: the caller commits the document and its claims together.
    """
    return store_documents(session, [(document, claims, parents)], version, sources)[0]


def store_documents(
    session: Session,
    reports: Sequence[tuple[domain.Document, Sequence[domain.Claim], dict[str, str | None] | None]],
    version: str,
    sources: SourceIds | None = None,
) -> list[StoredDocument]:
    """Store several documents with their claims (document, claims, source parents), in the caller's
    transaction; a document whose content is stored already keeps what it has.

    The claims of all new documents go in with one multi-row insert and their ids come back with one
    lookup: per-statement overhead, not SQLite's own work, is most of the cost of a small report.
    """
    sources = sources or SourceIds()
    documents = _insert_documents(session, [document for document, _, _ in reports], version)
    rows_of = [
        _claim_rows(
            session, document_id, document.content_hash, claims, version, sources, parents, document.published
        )
        if new
        else []
        for (document, claims, parents), (document_id, new) in zip(reports, documents, strict=True)
    ]
    all_rows = [row for rows in rows_of for row in rows]
    insert_claims(session, all_rows)
    ids = _claim_ids(session, [row["claim_key"] for row in all_rows])
    return [
        StoredDocument(
            document_id, new, tuple(ids[row["claim_key"]] for row in rows if row["claim_key"] in ids)
        )
        for (document_id, new), rows in zip(documents, rows_of, strict=True)
    ]


def _insert_documents(
    session: Session, documents: Sequence[domain.Document], version: str
) -> list[tuple[int, bool]]:
    """Each document's id, and whether this call stored it (False: its content was there already, or
    an earlier document of this call had the same content)."""
    table = models.DOCUMENTS
    now = models.utcnow()
    rows: dict[str, dict[str, Any]] = {}
    for document in documents:
        rows.setdefault(
            document.content_hash,
            {
                "content_hash": document.content_hash,
                "origin": document.origin,
                "name": document.name[:512],
                "outlet": document.outlet,
                "language": document.language,
                "published": document.published,
                "title": document.title,
                "text": document.text,
                "extractor_version": version,
                "ingested_at": now,
            },
        )
    # One multi-row INSERT .. ON CONFLICT DO NOTHING RETURNING: the rows it returns are the new ones.
    statement = _insert(session, table).on_conflict_do_nothing(index_elements=["content_hash"])
    inserted = session.execute(statement.returning(table.c.content_hash, table.c.id), list(rows.values()))
    new_ids = {digest: int(document_id) for digest, document_id in inserted}
    missing = [digest for digest in rows if digest not in new_ids]
    known = dict(_ids_by_hash(session, missing))
    result: list[tuple[int, bool]] = []
    for document in documents:
        digest = document.content_hash
        if digest in new_ids:
            result.append((new_ids.pop(digest), True))  # a second copy in this call is not new
            known[digest] = result[-1][0]
        else:
            result.append((known[digest], False))
    return result


def _ids_by_hash(session: Session, digests: list[str]) -> Iterable[tuple[str, int]]:
    table = models.DOCUMENTS
    for start in range(0, len(digests), 500):
        chunk = digests[start : start + 500]
        for digest, document_id in session.execute(
            select(table.c.content_hash, table.c.id).where(table.c.content_hash.in_(chunk))
        ):
            yield digest, int(document_id)


def _spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def replace_claims(
    session: Session,
    document_id: int,
    document_hash: str,
    claims: Sequence[domain.Claim],
    version: str,
    sources: SourceIds | None = None,
    parents: dict[str, str | None] | None = None,
) -> tuple[int, ...]:
    """Re-extraction: swap a document's claims for new ones and keep every review attached.

    A claim whose key survives keeps its row. A review of a claim that vanished moves to the
    new claim that covers the same words with the same value (or, failing that, the same words);
    when nothing covers them the review stays, pointing at its old key, and shows as orphaned.
    """
    sources = sources or SourceIds()
    claim_table = models.CLAIMS
    review_table = models.REVIEWS
    published = session.execute(
        select(models.DOCUMENTS.c.published).where(models.DOCUMENTS.c.id == document_id)
    ).scalar()
    new_rows = _claim_rows(session, document_id, document_hash, claims, version, sources, parents, published)
    new_keys = {row["claim_key"] for row in new_rows}
    old = session.execute(
        select(claim_table.c.id, claim_table.c.claim_key, claim_table.c.start, claim_table.c.end,
               claim_table.c.value_low, claim_table.c.value_high)
        .where(claim_table.c.document_id == document_id)
    ).all()  # fmt: skip
    old_keys = {row.claim_key for row in old}
    gone = [row for row in old if row.claim_key not in new_keys]
    for row in gone:
        candidates = [r for r in new_rows if _spans_overlap((r["start"], r["end"]), (row.start, row.end))]
        same_value = [
            r for r in candidates if (r["value_low"], r["value_high"]) == (row.value_low, row.value_high)
        ]
        if same_value or candidates:
            target = (same_value or candidates)[0]
            session.execute(
                update(review_table)
                .where(review_table.c.target_type == "claim", review_table.c.target_key == row.claim_key)
                .values(target_key=target["claim_key"])
            )
    if gone:
        session.execute(delete(claim_table).where(claim_table.c.id.in_([row.id for row in gone])))
    fresh = [row for row in new_rows if row["claim_key"] not in old_keys]
    insert_claims(session, fresh)
    for kept in (r for r in new_rows if r["claim_key"] in old_keys):
        values = {k: v for k, v in kept.items() if k not in ("claim_key", "document_id", "created_at")}
        session.execute(
            update(claim_table).where(claim_table.c.claim_key == kept["claim_key"]).values(**values)
        )
    session.execute(
        update(models.DOCUMENTS).where(models.DOCUMENTS.c.id == document_id).values(extractor_version=version)
    )
    ids = _claim_ids(session, [row["claim_key"] for row in new_rows])
    return tuple(ids[row["claim_key"]] for row in new_rows if row["claim_key"] in ids)
