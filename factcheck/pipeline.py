"""read -> extract -> resolve -> store -> compare, one document at a time, in one transaction each.

One bad file never stops the batch: read errors and failures while storing a document are
reported through `on_error` and counted, and the batch goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from factcheck import domain
from factcheck.memory import fewer_young_collections, release_free_memory
from factcheck.read.errors import ReadError


def relations_change(gained: int) -> str:
    """How many relations the store gained, in words: "12 relations added", "3 relations fewer"."""
    if gained < 0:  # a re-extraction can leave fewer relations than it found
        return f"{-gained} relation{'s' if gained != -1 else ''} fewer"
    return f"{gained} relation{'s' if gained != 1 else ''} added"


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    existing: int = 0
    failed: int = 0
    claims: int = 0
    relations: int = 0  # how many relations the store gained (less the ones new claims displaced)
    compare_failed: bool = False
    errors: list[str] = field(default_factory=list)
    # One entry per comparison run: (claims in the store, new claims compared, CPU seconds).
    compare_runs: list[tuple[int, int, float]] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.new} new, {self.existing} already stored, {self.failed} failed; "
            f"{self.claims} claims stored, {relations_change(self.relations)}"
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


# Reports written per transaction. Each batch commits whole or not at all, so a report is never
# half stored; when a batch fails, its reports are written again one transaction each so that
# only the bad one fails. Each commit also writes a new segment of the full-text index, which
# SQLite merges later: 200 reports a batch cost about 1.5% less CPU a report than 50 did.
BATCH_SIZE = 200
# New claims compared together: at least COMPARE_EVERY, and at least COMPARE_SHARE times as many as the
# store already holds, up to COMPARE_AT_MOST. A run reads the parts of the blocks its new claims fall in,
# which for claims spread over the archive is most of the store, so a run costs about the store's size
# and an import's comparison about the sum of the store's size over its runs. Runs that grow the store
# fourfold (share 3) bring that sum to between 1.3 and 2.3 times the final size, against 2 to 3 times
# for runs that double it (share 1); for 100,000 reports 1.85 against 2.3 times, 10% less comparison
# time. When the caller knows how many reports are coming (the CLI counts its files), a run is skipped
# while the claims waiting and those still to come fit in the final run: the 100,000 synthetic reports are
# then compared in one run (62 s CPU) where five runs took 110-126 s. The cap bounds a run's memory: the
# relations of its new claims, taken block by block, grow with the run (a run of 500,000 new claims peaks
# at about 420 MB resident, one of 240,000 at about 320 MB). Until their run, stored claims wait
# uncompared; `factcheck compare` finds any an interrupted ingest left (claims stored after the last run).
COMPARE_EVERY = 5000
COMPARE_SHARE = 3.0
COMPARE_AT_MOST = 500_000


@dataclass(slots=True)
class _Pending:
    document: domain.Document
    claims: list[domain.Claim]


class _Batcher:
    """Stores extracted reports in batches and compares their new claims."""

    def __init__(self, engine: Engine, registry: Any, summary: IngestSummary, compare: bool,
                 on_error: Callable[[str], None] | None, expected: int | None = None) -> None:  # fmt: skip
        from factcheck.extract import EXTRACTOR_VERSION
        from factcheck.store.engine import session_factory
        from factcheck.store.writes import SourceIds

        self.engine = engine
        self.registry = registry
        self.summary = summary
        self.compare = compare
        self.on_error = on_error
        self.version = EXTRACTOR_VERSION
        self.make_session = session_factory(engine)
        self.sources = SourceIds()
        self.pending: list[_Pending] = []
        self.uncompared: list[int] = []
        self.stored_claims = _stored_claims(engine)  # claims in the store as of the last comparison run
        self.expected = expected  # reports the caller expects in all, when it knows

    def fail(self, origin: str, exc: BaseException | str) -> None:
        message = f"{origin}: {exc if isinstance(exc, str) else _one_line(exc)}"
        self.summary.failed += 1
        self.summary.errors.append(message)
        if self.on_error:
            self.on_error(message)

    def add(self, document: domain.Document, claims: list[domain.Claim]) -> None:
        self.pending.append(_Pending(document, claims))
        if len(self.pending) >= BATCH_SIZE:
            self.flush()

    def _store(self, session: Any, items: list[_Pending]) -> list[Any]:
        from factcheck.store.writes import store_documents

        reports = [(item.document, item.claims, _parents(self.registry, item.claims)) for item in items]
        return store_documents(session, reports, self.version, self.sources)

    def flush(self) -> None:
        from factcheck.store.writes import SourceIds

        batch, self.pending = self.pending, []
        if not batch:
            return
        stored: list[tuple[_Pending, Any]] = []
        try:
            with self.make_session() as session, session.begin():
                stored = list(zip(batch, self._store(session, batch), strict=True))
        except Exception:
            # Ids cached inside the rolled-back transaction may not exist: forget them, and find
            # the report that failed by writing each one on its own.
            self.sources = SourceIds()
            stored = []
            for item in batch:
                try:
                    with self.make_session() as session, session.begin():
                        stored.append((item, self._store(session, [item])[0]))
                except Exception as exc:
                    self.sources = SourceIds()
                    self.fail(item.document.origin, exc)
        for _item, result in stored:
            if result.new:
                self.summary.new += 1
                self.summary.claims += len(result.claim_ids)
                self.uncompared.extend(result.claim_ids)
            else:
                self.summary.existing += 1
        waiting = len(self.uncompared)
        if waiting >= COMPARE_AT_MOST or (
            waiting >= max(COMPARE_EVERY, COMPARE_SHARE * self.stored_claims)
            and not self._rest_joins_final_run()
        ):
            self.compare_stored()

    def _rest_joins_final_run(self) -> bool:
        """Whether the reports still to come (when the caller said how many) and the claims waiting now fit in
        one final run under the cap, at the claims per report seen so far. A run now would be followed by that
        final run, which reads most of the store again: 100,000 synthetic reports are compared in one run of
        500,000 new claims, which reads the store once, instead of five runs that read it 1.85 times over."""
        if self.expected is None:
            return False
        seen = self.summary.new + self.summary.existing + self.summary.failed
        claims_per_report = self.summary.claims / self.summary.new if self.summary.new else 0.0
        remaining = max(0, self.expected - seen)
        return len(self.uncompared) + remaining * claims_per_report <= COMPARE_AT_MOST

    def finish(self) -> None:
        self.flush()
        self.compare_stored()

    def compare_stored(self) -> None:
        """Compare the claims stored since the last comparison with the claims of their blocks."""
        new_claim_ids, self.uncompared = self.uncompared, []
        self.stored_claims += len(new_claim_ids)
        if self.compare and new_claim_ids:
            try:
                started = time.process_time()
                self.summary.relations += _compare_new(self.engine, tuple(new_claim_ids))
                run = (self.stored_claims, len(new_claim_ids), time.process_time() - started)
                self.summary.compare_runs.append(run)
                release_free_memory()  # a run's peak need not stay resident until the next one
            except Exception as exc:
                # The reports are stored; only their comparison is missing, and `compare --all` redoes it.
                self.summary.compare_failed = True
                message = f"comparison failed ({_one_line(exc)}); run `factcheck compare --all`"
                self.summary.errors.append(message)
                if self.on_error:
                    self.on_error(message)


def ingest(
    engine: Engine,
    items: Iterable[domain.Document | ReadError],
    *,
    on_error: Callable[[str], None] | None = None,
    on_item: Callable[[], None] | None = None,
    compare: bool = True,
    expected: int | None = None,
) -> IngestSummary:
    """Extract and store every report, comparing new claims with stored ones in growing runs (see
    COMPARE_EVERY) and at the end. ``expected``, the number of reports the items hold when the caller
    knows it, lets the ingest skip a run that the final one would repeat."""
    from factcheck.store.engine import session_factory

    summary = IngestSummary()
    with session_factory(engine)() as session:
        registry = load_registry(session)
    batcher = _Batcher(engine, registry, summary, compare, on_error, expected)
    with fewer_young_collections():
        for item in items:
            if on_item:
                on_item()
            if isinstance(item, ReadError):
                batcher.fail(item.origin, item.message)
                continue
            try:
                claims = extract_document(item, registry)
            except Exception as exc:
                # An extractor bug on odd text is that report's failure; the batch goes on.
                batcher.fail(item.origin, exc)
                continue
            batcher.add(item, claims)
        batcher.finish()
    return summary


def _stored_claims(engine: Engine) -> int:
    """How many claims the store holds (a plain count: no joins, unlike queries.count_claims)."""
    from sqlalchemy import func

    from factcheck.store import models

    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(models.Claim.__table__)).scalar() or 0)


def _one_line(exc: BaseException) -> str:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else "failed"
    if isinstance(exc, SQLAlchemyError) and getattr(exc, "orig", None) is not None:
        first = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else first  # type: ignore[attr-defined]
    return f"{type(exc).__name__}: {first[:300]}"


def _compare_new(engine: Engine, claim_ids: tuple[int, ...]) -> int:
    from factcheck.compare import compare_new_claims

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
