"""The TUI on a million claims: time to the first screen of rows, time to apply a filter, memory.

Targets (issue 6): first rows < 1.5 s, filter < 300 ms, peak memory < 300 MB.

    .venv/bin/python -m benchmarks.bench_tui [--claims 1000000] [--db PATH]

The database is filled by bulk inserts of synthetic rows (extraction would take hours for a
million claims) and kept at /tmp/factcheck-bench-tui-<N>.db so reruns start at once.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

KINDS = ("fighters", "civilians", "casualties", "displaced", "control_share", "count")
PLACES = (*(f"Place {i}" for i in range(300)), "Raqqa", "Mosul", "Aleppo", "Deir ez-Zor")
ACTORS = ("IS", "SDF", "YPG", "Syrian army", "Iraqi army", None)
LANGUAGES = ("sv", "nb", "da", "en", "de", "fr", "es")
CLAIMS_PER_DOCUMENT = 50
SOURCES = 400
TARGETS = {"first_rows_s": 1.5, "filter_s": 0.3, "peak_memory_mb": 300.0}


def _documents(n_docs: int, rng: random.Random) -> Iterator[tuple[Any, ...]]:
    for doc in range(1, n_docs + 1):
        year, month = 2015 + doc % 4, 1 + doc % 12
        yield (
            doc,
            f"{doc:064x}",
            f"/synthetic/report-{doc}.txt",
            f"report-{doc}.txt",
            None,
            rng.choice(LANGUAGES),
            f"{year}-{month:02d}-{1 + doc % 28:02d}",
            None,
            "synthetic report " * 20,
            "bench",
            "2026-01-01 00:00:00",
        )


def _claims(n: int, rng: random.Random) -> Iterator[tuple[Any, ...]]:
    for claim_id in range(1, n + 1):
        doc = 1 + (claim_id - 1) // CLAIMS_PER_DOCUMENT
        value = float(rng.choice((50, 120, 400, 800, 2000, 5000, 10000)))
        place = rng.choice(PLACES)
        kind = rng.choice(KINDS)
        text = f"about {int(value)}"
        sentence = f"About {int(value)} {kind} remain in {place}, according to a source {claim_id % 997}."
        yield (
            claim_id,
            f"{claim_id:040x}",
            doc,
            0,
            len(text),
            sentence,
            0,
            text,
            value,
            value,
            1,
            0,
            "percent" if kind == "control_share" else "persons",
            kind,
            None,
            rng.choice(ACTORS),
            place,
            f"{2015 + claim_id % 4}-{1 + claim_id % 12:02d}",
            1 + claim_id % SOURCES if claim_id % 5 else None,
            None,
            90.0,
            "[]",
            "bench",
            "2026-01-01 00:00:00",
        )


def fill(path: Path, n: int, seed: int = 7) -> None:
    """A store at head holding n synthetic claims, with sources, flags and a few reviews."""
    from factcheck.store.engine import open_store

    open_store(f"sqlite:///{path}").dispose()  # schema (and full-text triggers) at head
    rng = random.Random(seed)
    n_docs = max(1, -(-n // CLAIMS_PER_DOCUMENT))
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = OFF")
        with connection:
            connection.executemany(
                "INSERT INTO sources (id, name, type, created_at) VALUES (?, ?, ?, '2026-01-01 00:00:00')",
                [(i, f"Source {i}", "media") for i in range(1, SOURCES + 1)],
            )
            connection.executemany(
                "INSERT INTO documents (id, content_hash, origin, name, outlet, language, published, title,"
                " text, extractor_version, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _documents(n_docs, rng),
            )
            connection.executemany(
                'INSERT INTO claims (id, claim_key, document_id, start, "end", sentence, sentence_start,'
                " text, value_low, value_high, approximate, vague, unit, kind, subject, actor, location,"
                " as_of, source_id, source_mention, source_score, via, extractor_version, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _claims(n, rng),
            )
            flags = [(2 * i + 1, 2 * i + 2) for i in range(0, min(n // 2, 200_000), 97)]
            connection.executemany(
                "INSERT INTO relations (relation_key, claim_a_id, claim_b_id, type, score, explanation,"
                " status, computed_at) VALUES (?, ?, ?, 'contradicts', 0.9, 'synthetic', 'open',"
                " '2026-01-01 00:00:00')",
                [(f"{a:040x}:{b:040x}", a, b) for a, b in flags],
            )
            connection.executemany(
                "INSERT INTO reviews (target_type, target_key, verdict, reviewer, created_at)"
                " VALUES ('claim', ?, 'verified', 'bench', '2026-01-01 00:00:00')",
                [(f"{i:040x}",) for i in range(1, n + 1, 1000)],
            )
        connection.execute("ANALYZE")
    finally:
        connection.close()


def ensure_db(n: int, path: Path | None = None) -> Path:
    path = path or Path(f"/tmp/factcheck-bench-tui-{n}.db")
    if path.exists():
        with sqlite3.connect(path) as connection:
            try:
                if connection.execute("SELECT count(*) FROM claims").fetchone()[0] == n:
                    return path
            except sqlite3.Error:
                pass
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    fill(path, n)
    print(f"filled {path} with {n:,} claims in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


async def _measure(path: Path) -> dict[str, float]:
    started = time.perf_counter()  # before importing the TUI: a cold start pays for its imports
    from textual.widgets import Select

    from factcheck.store.engine import open_store
    from factcheck.tui.app import FactcheckApp
    from factcheck.tui.screens.claims import ClaimsScreen
    from factcheck.tui.widgets.claims_table import ClaimsTable

    engine = open_store(f"sqlite:///{path}")
    app = FactcheckApp(engine, "bench", cursor_blink=False)
    figures: dict[str, float] = {}
    async with app.run_test(size=(160, 45)):

        async def until(condition: Any, timeout: float = 30.0) -> float:
            deadline = time.perf_counter() + timeout
            while not condition():
                if time.perf_counter() > deadline:
                    raise TimeoutError("the TUI did not show rows in time")
                await asyncio.sleep(0.001)  # yields to the app, which runs on this loop
            return time.perf_counter()

        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        table = screen.query_one(ClaimsTable)
        await until(lambda: table.row_count > 0)
        figures["first_rows_s"] = (screen.first_rows_at or time.perf_counter()) - started
        await until(lambda: screen.total is not None)
        figures["count_s"] = time.perf_counter() - started
        figures["claims"] = float(screen.total or 0)

        kind: Select[str] = screen.query_one("#kind", Select)
        await until(lambda: len(kind._options) > 1)  # the choices load in a worker too
        figures["filter_choices_s"] = time.perf_counter() - started
        generation = screen.generation
        began = time.perf_counter()
        kind.value = "fighters"
        await until(lambda: screen.generation > generation and not screen.loading and table.row_count > 0)
        figures["filter_s"] = (screen.rows_shown_at or time.perf_counter()) - began
        assert all(claim.kind == "fighters" for claim in table.window)

        began = time.perf_counter()
        generation = screen.generation
        screen.query_one("#flagged").value = True  # type: ignore[attr-defined]
        await until(lambda: screen.generation > generation and not screen.loading)
        figures["flagged_filter_s"] = (screen.rows_shown_at or time.perf_counter()) - began

        await until(lambda: screen.total is not None)  # measure paging alone, not beside a count
        began = time.perf_counter()
        table.focus()
        table.move_cursor(row=max(0, len(table.window) - 1))
        rows_before = table.first_index + len(table.window)
        await until(lambda: table.first_index + len(table.window) > rows_before or table.complete_below)
        figures["next_page_s"] = time.perf_counter() - began
    engine.dispose()
    return figures


def run(n: int = 1_000_000, db: Path | None = None) -> dict[str, float]:
    path = ensure_db(n, db)
    # Not tracemalloc: it slows Python several times over and would spoil the timings.
    figures = asyncio.run(_measure(path))
    # ru_maxrss is in kilobytes on Linux: the whole process, SQLite's page cache included.
    figures["peak_memory_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    figures = run(args.claims, args.db)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    for name, value in figures.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else ("  ok" if value < target else f"  MISSED (target {target})")
        print(f"{name:<18} {value:10.3f}{verdict}")


if __name__ == "__main__":
    main()
