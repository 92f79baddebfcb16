"""Four processes ingest overlapping reports into one database while two editors review the same claims.

Afterwards every report is stored once with exactly the claims a lone extraction finds, relations and
claims are unique, every review an editor was told was saved is there, each claim's reviews form one
unbroken chain (each made against the one before it: nothing was overwritten silently), and the
database passes its integrity check. Runs on SQLite (WAL, busy timeout) and PostgreSQL.
"""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from factcheck.store import models
from factcheck.store.engine import open_store, session_factory

ROOT = Path(__file__).resolve().parents[1]
REPORTS = 24
BASE = 4  # reports stored before the race, so editors have claims to review at once
REVIEWS_PER_EDITOR = 12

pytestmark = pytest.mark.slow


def _slices(files: list[str]) -> list[list[str]]:
    """Four overlapping shares: every report is ingested by at least two processes."""
    half = len(files) // 2
    return [files[:half], files[half // 2 : half + half // 2], files[half:], files[::-1]]


def _review_worker(
    url: str, reviewer: str, claim_keys: list[str], count: int
) -> list[tuple[str, int | None, int]]:
    """Review claims in turn against what the editor saw; returns (claim key, seen review id, new id)."""
    from factcheck.store.reviews import ReviewConflict, latest_review, review_claim

    engine = open_store(url, upgrade_schema=False)
    make = session_factory(engine)
    written: list[tuple[str, int | None, int]] = []
    conflicts = 0
    verdicts = ("verified", "disputed", "needs_source")
    index = 0
    while len(written) < count:
        key = claim_keys[index % len(claim_keys)]
        with make() as session:
            seen = latest_review(session, "claim", key)
        seen_id = seen.id if seen else None
        try:
            with make() as session, session.begin():
                view = review_claim(
                    session, key, verdicts[index % 3], reviewer, note=f"{reviewer} {index}", expected=seen_id
                )
            written.append((key, seen_id, view.id))
            index += 1
        except ReviewConflict:
            conflicts += 1  # someone decided since: reload and decide again
    engine.dispose()
    return written


def _ingest(url: str, files: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "factcheck", "--db", url, "ingest", "-q", *files],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _expected_claims(files: list[str]) -> dict[str, int]:
    from factcheck.pipeline import extract_document
    from factcheck.read import read_paths
    from factcheck.resolve import get_registry

    registry = get_registry()
    counts: dict[str, int] = {}
    for document in read_paths(files):
        counts[document.content_hash] = len(extract_document(document, registry))  # type: ignore[union-attr]
    return counts


def _integrity(engine: object, dialect: str) -> None:
    with engine.connect() as connection:  # type: ignore[attr-defined]
        if dialect == "sqlite":
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert (
                connection.exec_driver_sql("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")
                is not None
            )
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            return
        try:
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS amcheck")
            connection.commit()
        except Exception:  # amcheck is contrib; uniqueness checks below still run
            connection.rollback()
            return
        indexes = connection.execute(
            text(
                "SELECT c.oid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'btree' "
                "AND c.relnamespace = 'public'::regnamespace"
            )
        ).scalars()
        for oid in indexes:
            connection.execute(text("SELECT bt_index_check(:oid, true)"), {"oid": oid})


def test_parallel_ingest_and_reviews_lose_nothing(db_url: str, tmp_path: Path) -> None:
    from benchmarks.synthetic import CorpusConfig, write_corpus

    corpus = write_corpus(tmp_path / "corpus", CorpusConfig(reports=REPORTS, seed=11, contradictions=3))
    files = [str(path) for path in sorted(corpus.files)]
    first = _ingest(db_url, files[:BASE])
    assert first.wait(timeout=300) == 0, first.stderr.read() if first.stderr else ""

    engine = open_store(db_url)
    with session_factory(engine)() as session:
        claim_keys = list(
            session.execute(select(models.CLAIMS.c.claim_key).order_by(models.CLAIMS.c.id)).scalars()
        )[:5]
    assert claim_keys, "the base reports gave no claims to review"

    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(2) as pool:
        editors = [
            pool.apply_async(_review_worker, (db_url, name, claim_keys, REVIEWS_PER_EDITOR))
            for name in ("anna", "bjorn")
        ]
        ingests = [_ingest(db_url, share) for share in _slices(files)]
        for process in ingests:
            _, err = process.communicate(timeout=600)
            assert process.returncode == 0, err
        written = [row for editor in editors for row in editor.get(timeout=600)]

    expected = _expected_claims(files)
    claims, documents, reviews = models.CLAIMS, models.DOCUMENTS, models.REVIEWS
    with session_factory(engine)() as session:
        stored = dict(
            session.execute(
                select(documents.c.content_hash, func.count(claims.c.id))
                .outerjoin(claims, claims.c.document_id == documents.c.id)
                .group_by(documents.c.content_hash)
            ).all()
        )
        assert stored == expected  # every report once, with all its claims
        for table, key in (
            (claims, "claim_key"),
            (models.RELATIONS, "relation_key"),
            (models.SOURCES, "name"),
        ):
            total, distinct = session.execute(
                select(func.count(), func.count(func.distinct(table.c[key])))
            ).one()
            assert total == distinct, table.name
        rows = {row.id: row for row in session.execute(select(reviews))}
        assert len(rows) == len(written) == 2 * REVIEWS_PER_EDITOR
        for key, seen_id, new_id in written:
            assert rows[new_id].target_key == key
            assert seen_id is None or rows[seen_id].target_key == key
        # Per claim, the reviews chain: each was made against the one just before it.
        for key in claim_keys:
            chain = sorted((new_id, seen_id) for k, seen_id, new_id in written if k == key)
            previous = None
            for new_id, seen_id in chain:
                assert seen_id == previous, f"review {new_id} overwrote {previous} without seeing it"
                previous = new_id
    _integrity(engine, engine.dialect.name)
    engine.dispose()
