"""End-to-end ingest speed and memory: read, extract, resolve, store and compare synthetic reports.

Runs factcheck.pipeline.ingest on a synthetic corpus (about 3 KB a report, seven languages) into
SQLite and into PostgreSQL (a throwaway server started with tests/support/postgres.py), in one
process on one core. Reports per second for the whole run and per tenth of the corpus (a rate
that falls as the store grows shows up there), resident memory at each tenth, and CPU time per
stage measured on the first reports (read, extract; store + compare is the rest).

    python -m benchmarks.bench_ingest --reports 2000 [--engines sqlite,postgresql] [--full]

--full ingests 100,000 reports (the scale target); otherwise the 100,000-report time is
projected from the run's parts (extrapolated_seconds: the cost per report outside comparison, and
each comparison run's cost fitted to its store and new claims, replayed on the pipeline's schedule)
and labelled as such.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import re
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

FULL_REPORTS = 100_000
TARGET_SQLITE_RATE = 250.0
TARGET_FULL_SECONDS = 600.0
CHECKPOINTS = 10


def rss_mb(field: str = "VmRSS") -> float:
    """Resident set size of this process in MB (Linux /proc; ru_maxrss elsewhere); field "VmHWM" gives
    its peak so far."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_WORDS = re.compile(r"\w+")


def reference_ms() -> float:
    """CPU milliseconds of a fixed workload of the kinds an ingest does (regex scans, dict and string work,
    inserts into an indexed SQLite table): about 100 ms on a quiet machine, more when the machine is
    slower at that moment. The same code's ingest rate varies with it (shared virtual machines run
    faster and slower by tens of percent within minutes), so a run's figures can be read against it."""
    start = time.process_time()
    text = "Enligt SOHR finns det 2 000 IS-krigare kvar i Raqqa, ifølge AP, between 5,000 and 10,000. " * 40
    counts: dict[str, int] = {}
    for _ in range(60):
        for word in _WORDS.findall(text):
            key = word.casefold()
            counts[key] = counts.get(key, 0) + 1
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, key TEXT UNIQUE, value REAL)")
    connection.executemany(
        "INSERT INTO t (key, value) VALUES (?, ?)",
        ((f"{index * 2654435761 % 1000003:07d}|{index}", index / 7) for index in range(40_000)),
    )
    connection.close()
    return (time.process_time() - start) * 1000


def make_corpus(directory: Path, reports: int, seed: int = 7) -> Any:
    from benchmarks.synthetic import CorpusConfig, write_corpus

    return write_corpus(directory, CorpusConfig(reports=reports, seed=seed), fmt="txt")


def stage_times(files: list[Path], sample: int = 400, warm_up: int = 70) -> dict[str, float]:
    """CPU milliseconds per report for reading and for extraction, in steady state: the first `warm_up`
    files (ten per language) are read and extracted untimed first, so the one-off loading of language
    models, lexicons and patterns stays out of the per-report figures; the next `sample` files are timed."""
    from factcheck.pipeline import extract_document
    from factcheck.read import read_paths
    from factcheck.resolve import get_registry

    registry = get_registry()
    for item in read_paths([str(path) for path in files[:warm_up]]):
        if not isinstance(item, Exception):
            extract_document(item, registry)  # type: ignore[arg-type]
    chosen = [str(path) for path in files[warm_up : warm_up + sample]]
    start = time.process_time()
    documents = [item for item in read_paths(chosen) if not isinstance(item, Exception)]
    read_ms = (time.process_time() - start) * 1000 / max(1, len(chosen))
    start = time.process_time()
    for document in documents:
        extract_document(document, registry)  # type: ignore[arg-type]
    extract_ms = (time.process_time() - start) * 1000 / max(1, len(documents))
    return {"read_ms": round(read_ms, 2), "extract_ms": round(extract_ms, 2)}


def ingest_run(url: str, files: list[Path]) -> dict[str, Any]:
    """Ingest every file into the database at url; rate overall and per tenth, RSS at each tenth."""
    from factcheck.pipeline import ingest
    from factcheck.read import read_paths
    from factcheck.store.engine import open_store

    engine = open_store(url)
    step = max(1, len(files) // CHECKPOINTS)
    marks: list[tuple[int, float, float, float]] = []  # (reports done, wall, cpu, rss)
    references: list[float] = []  # reference_ms at each checkpoint
    probing = [0.0, 0.0]  # wall and CPU seconds spent in reference_ms, left out of the rates
    done = 0

    def probe() -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        references.append(round(reference_ms(), 1))
        probing[0] += time.perf_counter() - wall
        probing[1] += time.process_time() - cpu

    def items() -> Iterator[Any]:
        nonlocal done
        for index, path in enumerate(files):
            if index % step == 0:
                probe()
                marks.append(
                    (index, time.perf_counter() - probing[0], time.process_time() - probing[1], rss_mb())
                )
            yield from read_paths([str(path)])
            done = index + 1

    gc.collect()
    start_wall, start_cpu = time.perf_counter(), time.process_time()
    summary = ingest(engine, items(), expected=len(files))  # as the CLI tells it
    wall = time.perf_counter() - start_wall - probing[0]
    cpu = time.process_time() - start_cpu - probing[1]
    probe()
    marks.append((len(files), time.perf_counter() - probing[0], time.process_time() - probing[1], rss_mb()))
    engine.dispose()
    tenths = []
    for index, ((n0, w0, c0, _), (n1, w1, c1, r1)) in enumerate(itertools.pairwise(marks)):
        tenths.append(
            {
                "reports": n1,
                "rate_wall": round((n1 - n0) / max(1e-9, w1 - w0), 1),
                "rate_cpu": round((n1 - n0) / max(1e-9, c1 - c0), 1),
                "rss_mb": round(r1, 1),
                "reference_ms": references[index + 1],  # the machine's speed at the end of the tenth
            }
        )
    rss = [mark[3] for mark in marks[1:]]
    return {
        "reports": len(files),
        "new": summary.new,
        "failed": summary.failed,
        "claims": summary.claims,
        "relations": summary.relations,
        "compare_runs": [(store, new, round(cpu, 3)) for store, new, cpu in summary.compare_runs],
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "rate_wall": round(len(files) / wall, 1),
        "rate_cpu": round(len(files) / cpu, 1),
        "rate_first_tenth": tenths[0]["rate_cpu"] if tenths else None,
        "rate_last_tenth": tenths[-1]["rate_cpu"] if tenths else None,
        "rss_start_mb": round(marks[0][3], 1),
        "rss_end_mb": round(rss[-1], 1) if rss else None,
        "rss_peak_mb": round(rss_mb("VmHWM"), 1),  # the process's peak, in a comparison run
        # Growth of RSS over the second half of the run: flat memory keeps this near zero.
        "rss_growth_second_half_mb": round(rss[-1] - rss[len(rss) // 2], 1) if len(rss) > 2 else None,
        # The fixed workload's CPU time at the start, at each tenth and at the end (see reference_ms).
        "reference_ms": {
            "median": round(statistics.median(references), 1),
            "min": min(references),
            "max": max(references),
        },
        "tenths": tenths,
        "errors": summary.errors[:5],
    }


def run(quick: bool = False, reports: int | None = None, engines: tuple[str, ...] = ("sqlite", "postgresql"),
        full: bool = False) -> dict[str, Any]:  # fmt: skip
    """Measure ingest into each engine; returns figures and targets for benchmarks/run.py."""
    count = FULL_REPORTS if full else (reports or (300 if quick else 2000))
    workdir = Path(tempfile.mkdtemp(prefix="factcheck-bench-ingest-"))
    results: dict[str, Any] = {"reports": count, "engines": {}}
    server = None
    try:
        corpus = make_corpus(workdir / "corpus", count)
        files = sorted(corpus.files)
        results["corpus"] = {
            "reports": corpus.reports,
            "bytes_per_report": round(corpus.bytes / max(1, corpus.reports)),
            "planted_claims": corpus.claims,
            "planted_contradictions": len(corpus.contradictions),
        }
        results["stages"] = stage_times(files)
        for engine in engines:
            if engine == "sqlite":
                url = f"sqlite:///{workdir / 'bench.db'}"
            else:
                try:
                    from tests.support.postgres import PostgresUnavailable, start_postgres
                except ImportError as exc:
                    results["engines"][engine] = {"error": f"not available: {exc}"}
                    continue
                try:
                    server = start_postgres()
                except PostgresUnavailable as exc:
                    results["engines"][engine] = {"error": f"not available: {exc}"}
                    continue
                url = server.create_database("bench_ingest")
            results["engines"][engine] = ingest_run(url, files)
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    results["targets"] = _targets(results, full)
    return results


def extrapolated_seconds(run: dict[str, Any], reports: int) -> float:
    """CPU seconds to ingest `reports` like the measured run, projected from what its parts cost.

    Reading, extracting and storing cost the same per report (as measured in this run, all but its
    comparisons). A comparison run costs alpha per claim in the store (it reads the parts of the blocks
    its new claims fall in) plus beta per new claim (least squares over this run's comparisons). The
    pipeline's schedule of comparison runs (COMPARE_EVERY, COMPARE_SHARE, COMPARE_AT_MOST, one check per
    batch of BATCH_SIZE reports, no run while the rest of the known total fits in the final one) is then
    replayed up to `reports`, as the real ingest told the total (as the CLI tells it) would run it."""
    from factcheck import pipeline

    runs = run.get("compare_runs") or []
    if not run.get("reports") or not runs:
        return float("inf")
    compare_cpu = sum(cpu for _store, _new, cpu in runs)
    per_report = max(0.0, run["cpu_s"] - compare_cpu) / run["reports"]
    alpha, beta = _fit_run_cost(runs)
    batch_claims = pipeline.BATCH_SIZE * run["claims"] / run["reports"]
    total = per_report * reports
    stored = uncompared = 0.0
    claims_per_report = run["claims"] / run["reports"]
    for batch in range(-(-reports // pipeline.BATCH_SIZE)):
        uncompared += batch_claims
        rest = max(0, reports - (batch + 1) * pipeline.BATCH_SIZE) * claims_per_report
        wanted = max(pipeline.COMPARE_EVERY, pipeline.COMPARE_SHARE * stored)
        if uncompared >= pipeline.COMPARE_AT_MOST or (
            uncompared >= wanted and uncompared + rest > pipeline.COMPARE_AT_MOST
        ):
            stored += uncompared
            total += alpha * stored + beta * uncompared
            uncompared = 0.0
    if uncompared:
        total += alpha * (stored + uncompared) + beta * uncompared
    return total


def _fit_run_cost(runs: list[tuple[int, int, float]]) -> tuple[float, float]:
    """alpha, beta >= 0 with cpu ~ alpha * store + beta * new, by least squares over the runs."""
    sss = sum(store * store for store, _new, _cpu in runs)
    snn = sum(new * new for _store, new, _cpu in runs)
    ssn = sum(store * new for store, new, _cpu in runs)
    ssc = sum(store * cpu for store, _new, cpu in runs)
    snc = sum(new * cpu for _store, new, cpu in runs)
    det = sss * snn - ssn * ssn
    if det > 1e-9 * sss * snn:
        alpha, beta = (ssc * snn - snc * ssn) / det, (snc * sss - ssc * ssn) / det
        if alpha >= 0 and beta >= 0:
            return alpha, beta
    # Too few distinct runs, or one term negative: the better of the one-term fits.
    alpha, beta = ssc / sss if sss else 0.0, snc / snn if snn else 0.0
    error_alpha = sum((cpu - alpha * store) ** 2 for store, _new, cpu in runs)
    error_beta = sum((cpu - beta * new) ** 2 for _store, new, cpu in runs)
    return (alpha, 0.0) if error_alpha <= error_beta else (0.0, beta)


def _targets(results: dict[str, Any], full: bool) -> list[dict[str, Any]]:
    engines = results["engines"]
    sqlite = engines.get("sqlite", {})
    postgres = engines.get("postgresql", {})
    targets: list[dict[str, Any]] = []
    if "rate_cpu" in sqlite:
        rate = sqlite["rate_cpu"]
        targets.append(
            {
                "name": "ingest into SQLite, reports/s (one core, CPU time)",
                "target": f">= {TARGET_SQLITE_RATE:.0f}",
                "measured": f"{rate:.0f} (wall {sqlite['rate_wall']:.0f}; reference workload "
                f"{sqlite['reference_ms']['median']:.0f} ms, see reference_ms)",
                "pass": rate >= TARGET_SQLITE_RATE,
            }
        )
        seconds = sqlite["wall_s"] if full else extrapolated_seconds(sqlite, FULL_REPORTS)
        targets.append(
            {
                "name": f"{FULL_REPORTS:,} reports ingested and compared, SQLite",
                "target": f"<= {TARGET_FULL_SECONDS:.0f} s",
                "measured": f"{seconds:.0f} s"
                + ("" if full else f" (extrapolated from {results['reports']:,})"),
                "pass": seconds <= TARGET_FULL_SECONDS,
            }
        )
        growth = sqlite.get("rss_growth_second_half_mb")
        if growth is not None:
            targets.append(
                {
                    "name": "memory flat as the corpus grows (RSS growth over the second half)",
                    "target": "<= 50 MB",
                    "measured": f"{growth:+.0f} MB (RSS {sqlite['rss_start_mb']:.0f} -> "
                    f"{sqlite['rss_end_mb']:.0f} MB, peak {sqlite['rss_peak_mb']:.0f} MB)",
                    "pass": growth <= 50,
                }
            )
    if "rate_cpu" in postgres and "rate_cpu" in sqlite:
        ratio = postgres["rate_wall"] / max(1e-9, sqlite["rate_wall"])
        targets.append(
            {
                "name": "ingest into PostgreSQL, reports/s (>= half the SQLite rate)",
                "target": f">= {sqlite['rate_wall'] / 2:.0f}",
                "measured": f"{postgres['rate_wall']:.0f} ({ratio:.2f} x SQLite, wall)",
                "pass": ratio >= 0.5,
            }
        )
    elif "error" in postgres:
        targets.append(
            {"name": "ingest into PostgreSQL", "target": "-", "measured": postgres["error"], "pass": None}
        )
    return targets


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--full", action="store_true", help=f"ingest {FULL_REPORTS:,} reports")
    args = parser.parse_args(argv)
    results = run(reports=args.reports, engines=tuple(args.engines.split(",")), full=args.full)
    print(f"corpus: {results['corpus']}")
    print(f"stages (CPU ms/report): {results['stages']}")
    for engine, figures in results["engines"].items():
        shown = {k: v for k, v in figures.items() if k != "tenths"}
        print(f"{engine}: {shown}")
        for tenth in figures.get("tenths", []):
            print(f"    {tenth}")
    for target in results["targets"]:
        verdict = {True: "PASS", False: "FAIL", None: "n/a"}[target["pass"]]
        print(f"[{verdict}] {target['name']}: {target['measured']} (target {target['target']})")


if __name__ == "__main__":
    main()
