"""Crash safety: an ingest killed with SIGKILL at a random moment loses nothing and stores nothing partial.

Each report is stored with its claims in one transaction, so after any kill the database holds
whole reports only; running the same ingest again stores the rest, each report exactly once.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.badinputs.reports import write_reports

REPORTS = 1000


def _count(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(connection.execute(sql).fetchone()[0])
        finally:
            connection.close()
    except sqlite3.OperationalError:  # the schema is still being created
        return 0


def _ingest_command(db: Path, reports: Path) -> list[str]:
    return [sys.executable, "-m", "factcheck", "--db", str(db), "ingest", "-q", "--no-compare", str(reports)]


def _kill_after(db: Path, reports: Path, stored_at_least: int) -> int:
    """Start an ingest, SIGKILL it once `stored_at_least` reports are in; return how many were in."""
    process = subprocess.Popen(
        _ingest_command(db, reports), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 90
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if _count(db, "SELECT count(*) FROM documents") >= stored_at_least:
                # A little jitter so the kill lands anywhere inside a transaction, not just after a commit.
                time.sleep(random.uniform(0, 0.02))
                os.kill(process.pid, signal.SIGKILL)
                break
            time.sleep(0.005)
    finally:
        if process.poll() is None:
            process.kill()
        _out, err = process.communicate(timeout=30)
    assert b"Traceback" not in err, err.decode(errors="replace")
    return _count(db, "SELECT count(*) FROM documents")


def _integrity(db: Path) -> list[tuple[str, ...]]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()


def _claims_by_document(db: Path) -> dict[str, tuple[str, str | None, str | None, int]]:
    """origin -> (text, language, published, stored claim count)."""
    connection = sqlite3.connect(db)
    try:
        rows = connection.execute(
            "SELECT d.origin, d.text, d.language, d.published, count(c.id) "
            "FROM documents d LEFT JOIN claims c ON c.document_id = d.id GROUP BY d.id"
        ).fetchall()
    finally:
        connection.close()
    return {origin: (text, language, published, count) for origin, text, language, published, count in rows}


@pytest.mark.slow
def test_sigkill_at_random_moments_then_rerun(tmp_path: Path) -> None:
    from factcheck.domain import content_hash
    from factcheck.extract import extract
    from factcheck.pipeline import BATCH_SIZE

    reports = tmp_path / "reports"
    files = write_reports(reports, REPORTS, seed=3)
    db = tmp_path / "crash.db"
    rng = random.Random()
    seed = rng.randrange(1 << 30)
    rng.seed(seed)  # printed on failure so a run can be repeated
    first = rng.randrange(1, REPORTS // 3)
    # Reports commit BATCH_SIZE at a time, so the count the kill waits for must be reachable by a commit
    # before the last one: at REPORTS - 50 it could only be reached when the whole ingest was in.
    second = rng.randrange(REPORTS // 3, REPORTS - BATCH_SIZE)

    stored_first = _kill_after(db, reports, first)
    assert 0 < stored_first < REPORTS, (seed, stored_first)
    assert _integrity(db) == [("ok",)], seed
    stored_second = _kill_after(db, reports, second)
    assert stored_first <= stored_second < REPORTS, (seed, stored_first, stored_second)
    assert _integrity(db) == [("ok",)], seed

    completed = subprocess.run(_ingest_command(db, reports), capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, (seed, completed.stderr)
    assert "Traceback" not in completed.stderr
    assert f"{REPORTS - stored_second} new, {stored_second} already stored" in completed.stdout, (
        seed,
        completed.stdout,
    )

    assert _integrity(db) == [("ok",)], seed
    stored = _claims_by_document(db)
    assert sorted(stored) == sorted(str(path) for path in files), seed
    hashes = Counter(content_hash(text) for text, *_rest in stored.values())
    assert max(hashes.values()) == 1, seed
    # No partial report: every document holds exactly the claims a fresh extraction finds in it.
    for origin, (text, language, published, count) in stored.items():
        claims = extract(text, language, published)
        expected = len({claim.claim_key(content_hash(text)) for claim in claims})
        assert count == expected, (seed, origin, count, expected)
    assert sum(count for *_rest, count in stored.values()) > REPORTS  # the reports do hold claims
