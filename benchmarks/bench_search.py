"""Search latency over a million stored claims: median and 95th percentile, SQLite and PostgreSQL.

The store is filled directly (documents, sources and claims rows in large batches, the full-text
index kept by the engine as in normal use) from synthetic claim sentences in the seven languages,
so a million claims take a minute or two rather than hours of ingest. Then a fixed mix of queries
runs: source acronyms, other-language and misspelt source names, place words, source plus word,
operator-laden input, and queries with filters. Latency is search_claim_ids (limit 100) plus
loading those claims (get_claims), i.e. what `factcheck search` waits for.

    python -m benchmarks.bench_search --claims 1000000 [--engines sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

TARGET_MEDIAN_MS = 50.0
BATCH = 20_000

QUERIES: tuple[tuple[str, dict[str, str]], ...] = (
    ("SOHR", {}),
    ("Reuters", {}),
    ("Syriska människorättsobservatoriet", {}),
    ("the Britain-based war monitor", {}),
    ("Syrian Observatry for Human Rights", {}),
    ("Raqqa", {}),
    ("Deir ez-Zor", {}),
    ("SOHR Raqqa", {}),
    ("civilians trapped", {}),
    ("Albu Kamal", {"kind": "fighters"}),
    ("SOHR", {"language": "sv", "since": "2017-01"}),
    ('"NEAR( OR * -', {}),
    ("Pentagon Mosul", {"kind": "casualties"}),
    ("krigare", {}),
)


def fill(url: str, claims: int, seed: int = 3) -> dict[str, Any]:
    """Store `claims` claims (five a report) straight into a fresh database at head."""
    from sqlalchemy import insert

    from benchmarks.synthetic import CorpusConfig, generate
    from factcheck.store import models
    from factcheck.store.engine import open_store, session_factory

    engine = open_store(url)
    reports = max(1, claims // 5)
    config = CorpusConfig(reports=reports, seed=seed, places=60, months=48, target_bytes=0, contradictions=0)
    source_ids: dict[str, int] = {}
    start = time.perf_counter()
    documents: list[dict[str, Any]] = []
    pending: list[tuple[int, Any]] = []
    stored = 0
    make = session_factory(engine)

    def flush() -> None:
        nonlocal stored
        with make() as session, session.begin():
            ids = session.execute(
                insert(models.DOCUMENTS).returning(models.DOCUMENTS.c.id, sort_by_parameter_order=True),
                documents,
            ).scalars()
            id_of = dict(zip(range(len(documents)), ids, strict=True))
            rows = [_claim_row(id_of[index], claim, source_ids, session) for index, claim in pending]
            session.execute(insert(models.CLAIMS), rows)
        stored += len(pending)
        documents.clear()
        pending.clear()

    now = models.utcnow()
    for report in generate(config):
        digest = hashlib.sha256(report.text.encode("utf-8") + report.name.encode()).hexdigest()
        documents.append(
            {
                "content_hash": digest,
                "origin": report.name,
                "name": report.name,
                "language": report.language,
                "published": report.published,
                "title": report.title,
                "text": report.text,
                "extractor_version": "bench",
                "ingested_at": now,
            }
        )
        pending.extend((len(documents) - 1, claim) for claim in report.claims)
        if len(pending) >= BATCH:
            flush()
    if pending:
        flush()
    # What autovacuum (PostgreSQL) or PRAGMA optimize (SQLite) would do soon after a bulk load.
    with engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
        connection.commit()
    seconds = time.perf_counter() - start
    engine.dispose()
    return {"claims": stored, "fill_s": round(seconds, 1)}


def _claim_row(document_id: int, claim: Any, source_ids: dict[str, int], session: Any) -> dict[str, Any]:
    from factcheck.store import models
    from factcheck.store.writes import SourceIds

    source_id = None
    if claim.source:
        source_id = source_ids.get(claim.source)
        if source_id is None:
            source_id = source_ids[claim.source] = SourceIds().get(session, claim.source, None)
    start = claim.sentence.find(claim.number_text)
    return {
        "claim_key": hashlib.sha1(claim.claim_id.encode()).hexdigest(),
        "document_id": document_id,
        "start": max(0, start),
        "end": max(0, start) + len(claim.number_text),
        "sentence": claim.sentence,
        "sentence_start": 0,
        "text": claim.number_text,
        "value_low": claim.value,
        "value_high": claim.value,
        "approximate": claim.approximate,
        "vague": False,
        "unit": claim.unit,
        "kind": claim.kind,
        "subject": None,
        "actor": claim.actor,
        "location": claim.location,
        "as_of": claim.as_of,
        "source_id": source_id,
        "source_mention": claim.source_mention,
        "source_score": 100.0 if claim.source else None,
        "via": [],
        "extractor_version": "bench",
        "created_at": models.utcnow(),
    }


def measure(url: str, rounds: int = 5) -> dict[str, Any]:
    """Latency of each query of the mix, `rounds` times after one warm-up run."""
    from factcheck.store.engine import open_store, session_factory
    from factcheck.store.queries import ClaimFilter, get_claims
    from factcheck.store.search import search_claim_ids

    engine = open_store(url)
    make = session_factory(engine)
    timings: list[float] = []
    per_query: dict[str, dict[str, Any]] = {}
    with make() as session:
        for query, filters in QUERIES:
            search_claim_ids(session, query, claim_filter=ClaimFilter(**filters), limit=100)  # warm-up
            own = []
            hits = 0
            for _ in range(rounds):
                start = time.perf_counter()
                ids = search_claim_ids(session, query, claim_filter=ClaimFilter(**filters), limit=100)
                get_claims(session, ids)
                own.append((time.perf_counter() - start) * 1000)
                hits = len(ids)
            timings.extend(own)
            label = query + (f" {filters}" if filters else "")
            per_query[label] = {"median_ms": round(statistics.median(own), 1), "hits": hits}
    engine.dispose()
    ordered = sorted(timings)
    return {
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1),
        "queries": per_query,
    }


def run(
    quick: bool = False, claims: int | None = None, engines: tuple[str, ...] = ("sqlite", "postgresql")
) -> dict[str, Any]:
    count = claims or (100_000 if quick else 1_000_000)
    workdir = Path(tempfile.mkdtemp(prefix="factcheck-bench-search-"))
    results: dict[str, Any] = {"claims": count, "engines": {}}
    server = None
    try:
        for engine in engines:
            if engine == "sqlite":
                url = f"sqlite:///{workdir / 'search.db'}"
            else:
                try:
                    from tests.support.postgres import start_postgres

                    server = start_postgres()
                except Exception as exc:  # no server binaries, or no tests/ in this checkout
                    results["engines"][engine] = {"error": f"not available: {exc}"}
                    continue
                url = server.create_database("bench_search")
            figures = fill(url, count)
            figures.update(measure(url))
            results["engines"][engine] = figures
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    results["targets"] = [
        {
            "name": f"search latency over {figures.get('claims', 0):,} claims, {engine} (median; p95 shown)",
            "target": f"median < {TARGET_MEDIAN_MS:.0f} ms",
            "measured": (
                f"median {figures['median_ms']} ms, p95 {figures['p95_ms']} ms"
                if "median_ms" in figures
                else figures["error"]
            ),
            "pass": (figures["median_ms"] < TARGET_MEDIAN_MS) if "median_ms" in figures else None,
        }
        for engine, figures in results["engines"].items()
    ]
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args(argv)
    results = run(claims=args.claims, engines=tuple(args.engines.split(",")))
    for engine, figures in results["engines"].items():
        print(f"{engine}: { {k: v for k, v in figures.items() if k != 'queries'} }")
        for query, figure in figures.get("queries", {}).items():
            print(f"    {figure['median_ms']:>8} ms  {figure['hits']:>4} hits  {query}")
    for target in results["targets"]:
        verdict = {True: "PASS", False: "FAIL", None: "n/a"}[target["pass"]]
        print(f"[{verdict}] {target['name']}: {target['measured']} (target {target['target']})")


if __name__ == "__main__":
    main()
