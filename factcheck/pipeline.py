"""read -> extract -> resolve -> store -> compare, one document at a time, in one transaction each.

One bad file never stops the batch: read errors and failures while storing a document are
reported through `on_error` and counted, and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from factcheck import domain
from factcheck.read.errors import ReadError


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    existing: int = 0
    failed: int = 0
    claims: int = 0
    relations: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.new} new, {self.existing} already stored, {self.failed} failed; "
            f"{self.claims} claims stored, {self.relations} relations found"
        )


def load_registry(session: Any) -> Any:
    """The shipped registry extended with the aliases editors added to this database."""
    from factcheck.resolve import get_registry
    from factcheck.store import models

    table = models.SOURCE_ALIASES
    sources = models.SOURCES
    rows = session.execute(
        select(table.c.alias, sources.c.name, sources.c.type)
        .join(sources, sources.c.id == table.c.source_id)
        .where(table.c.origin == "user")
    ).all()
    registry = get_registry()
    return registry.with_aliases([(row.alias, row.name, row.type) for row in rows]) if rows else registry


def _parents(registry: Any, claims: Iterable[domain.Claim]) -> dict[str, str | None]:
    return {claim.source: registry.parent_body(claim.source) for claim in claims if claim.source}


def extract_document(document: domain.Document, registry: Any) -> list[domain.Claim]:
    from factcheck.extract import extract

    return extract(document.text, document.language or "en", document.published, registry=registry)


def ingest(
    engine: Engine,
    items: Iterable[domain.Document | ReadError],
    *,
    on_error: Callable[[str], None] | None = None,
    on_item: Callable[[], None] | None = None,
    compare: bool = True,
) -> IngestSummary:
    from factcheck.extract import EXTRACTOR_VERSION
    from factcheck.store.engine import session_factory
    from factcheck.store.writes import SourceIds, store_document

    summary = IngestSummary()
    make_session = session_factory(engine)
    sources = SourceIds()
    with make_session() as session:
        registry = load_registry(session)
    for item in items:
        if on_item:
            on_item()
        if isinstance(item, ReadError):
            summary.failed += 1
            summary.errors.append(str(item))
            if on_error:
                on_error(str(item))
            continue
        try:
            claims = extract_document(item, registry)
            with make_session() as session, session.begin():
                stored = store_document(
                    session, item, claims, EXTRACTOR_VERSION, sources, _parents(registry, claims)
                )
            if stored.new and compare and stored.claim_ids:
                summary.relations += _compare_new(engine, stored.claim_ids)
        except Exception as exc:
            # Any failure on one report (a database error, or an extractor bug on odd text) is that
            # report's failure: its transaction rolled back, the batch goes on, the exit code says so.
            sources = SourceIds()  # ids cached from a rolled-back transaction may not exist
            message = f"{item.origin}: {_one_line(exc)}"
            summary.failed += 1
            summary.errors.append(message)
            if on_error:
                on_error(message)
            continue
        if stored.new:
            summary.new += 1
            summary.claims += len(stored.claim_ids)
        else:
            summary.existing += 1
    return summary


def _one_line(exc: BaseException) -> str:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else "failed"
    if isinstance(exc, SQLAlchemyError) and getattr(exc, "orig", None) is not None:
        first = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else first  # type: ignore[attr-defined]
    return f"{type(exc).__name__}: {first[:300]}"


def _compare_new(engine: Engine, claim_ids: tuple[int, ...]) -> int:
    try:
        from factcheck.compare import compare_new_claims
    except ImportError:  # the comparison stage is optional for a plain ingest
        return 0
    return int(compare_new_claims(engine, claim_ids))


def reextract(
    engine: Engine,
    *,
    everything: bool = False,
    on_error: Callable[[str], None] | None = None,
    compare: bool = True,
) -> IngestSummary:
    """Extract stored documents again with the current extractor, keeping every review attached.

    Only documents extracted by another extractor version, unless `everything`.
    """
    from factcheck.extract import EXTRACTOR_VERSION
    from factcheck.store import models
    from factcheck.store.engine import session_factory
    from factcheck.store.writes import SourceIds, replace_claims

    table = models.DOCUMENTS
    summary = IngestSummary()
    make_session = session_factory(engine)
    with make_session() as session:
        registry = load_registry(session)
        query = select(table.c.id).order_by(table.c.id)
        if not everything:
            query = query.where(
                (table.c.extractor_version != EXTRACTOR_VERSION) | table.c.extractor_version.is_(None)
            )
        ids = list(session.execute(query).scalars())
    sources = SourceIds()
    for document_id in ids:
        origin = f"document {document_id}"
        try:
            with make_session() as session, session.begin():
                row = session.execute(select(table).where(table.c.id == document_id)).one()
                origin = row.origin
                document = domain.Document(
                    text=row.text, origin=row.origin, title=row.title, outlet=row.outlet,
                    language=row.language, published=row.published,
                )  # fmt: skip
                claims = extract_document(document, registry)
                claim_ids = replace_claims(
                    session,
                    document_id,
                    row.content_hash,
                    claims,
                    EXTRACTOR_VERSION,
                    sources,
                    _parents(registry, claims),
                )
            if compare and claim_ids:
                summary.relations += _compare_new(engine, claim_ids)
        except Exception as exc:
            # As in ingest: this document keeps its old claims (its transaction rolled back), the rest go on.
            sources = SourceIds()
            message = f"{origin}: {_one_line(exc)}"
            summary.failed += 1
            summary.errors.append(message)
            if on_error:
                on_error(message)
            continue
        summary.existing += 1
        summary.claims += len(claim_ids)
    return summary
