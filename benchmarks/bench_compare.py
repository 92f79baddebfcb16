"""Claim comparison at scale: a full pass over N stored claims and the cost of one new report.

    .venv/bin/python -m benchmarks.bench_compare [--claims N] [--db URL] [--reports R]

Builds a synthetic store directly with bulk inserts (no extraction): N claims in reports of ten,
over ten kinds with their units, ~N/16 quantities (kind, place, actor) whose sizes follow a mild
power law, 400 sources (a fifth of them persons speaking for a body, some figures relayed by wire
agencies, a fifth in the report's own voice), dates over four years, values that drift month by
month, hedged and rounded as the press writes them, and 2% planted contradictions (a figure at
least twice or at most half the true one). Then it times `compare_all` (one core) and
`compare_new_claims` for R new reports of ten claims each against the full store.

Targets: full pass under 60 s; one new report under 50 ms.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session

KINDS: tuple[tuple[str, str, float], ...] = (  # kind, unit, typical value
    ("fighters", "persons", 3000.0),
    ("civilians", "persons", 40000.0),
    ("casualties", "persons", 800.0),
    ("displaced", "persons", 120000.0),
    ("control_share", "percent", 40.0),
    ("area", "km2", 2500.0),
    ("distance", "km", 60.0),
    ("duration", "years", 3.0),
    ("count", "towns", 8.0),
    ("ratio", "count", 4.0),
)
ACTORS = (
    "Islamic State", "Syrian government forces", "Syrian Democratic Forces", "Kurdish groups", "civilians",
    "Hezbollah", "Free Syrian Army", "Russian forces", "Turkish forces", "Iraqi army", "Peshmerga",
    "Hayat Tahrir al-Sham", "US-led coalition", "Iranian-backed militias", "Jaish al-Islam", None,
)  # fmt: skip
AGENCIES = ("Reuters", "AP", "AFP", "DPA", "NTB", "TT")
OUTLETS = (
    "Aftonbladet",
    "VG",
    "Politiken",
    "The Independent",
    "Der Spiegel",
    "Le Monde",
    "El País",
    "Xinhua",
)
LANGUAGES = ("sv", "nb", "da", "en", "de", "fr", "es")
MONTHS = 48
CLAIMS_PER_REPORT = 10
PLANTED_SHARE = 0.02


def _month(index: int) -> str:
    return f"{2016 + index // 12:04d}-{index % 12 + 1:02d}"


def _rounded(value: float, rng: random.Random) -> tuple[float, bool]:
    """A figure as the press writes it: often rounded to two significant digits and hedged."""
    if value >= 100 and rng.random() < 0.6:
        digits = len(str(int(value))) - 2
        return float(round(value, -digits)), rng.random() < 0.7
    return float(round(value, 1) if value < 10 else round(value)), False


class World:
    """Quantities with true values that drift by month; sources and documents to attribute them to."""

    def __init__(self, claims: int, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.places = [f"Place {i:04d}" for i in range(max(50, claims // 400))]
        quantities = max(10, claims // 16)
        self.quantities = [
            (self.rng.randrange(len(KINDS)), self.rng.choice(self.places), self.rng.choice(ACTORS))
            for _ in range(quantities)
        ]
        self.weights = [1.0 / (rank + 1) ** 0.35 for rank in range(quantities)]
        self.base = [KINDS[k][2] * self.rng.uniform(0.3, 3.0) for k, _p, _a in self.quantities]
        self.trend = [self.rng.uniform(-0.04, 0.04) for _ in self.quantities]
        self.sources = [(f"Source {i:03d}", i % 5 == 0) for i in range(400)]  # every fifth a person

    def true_value(self, quantity: int, month: int) -> float:
        kind = KINDS[self.quantities[quantity][0]]
        if kind[1] == "years":  # a state that began once: it lasts a month longer every month
            return self.base[quantity] + month / 12.0
        value = self.base[quantity] * (1.0 + self.trend[quantity]) ** month
        return min(value, 100.0) if kind[1] == "percent" else value

    def claim(self, quantity: int, month: int, planted: bool) -> dict[str, Any]:
        rng = self.rng
        kind_index, location, actor = self.quantities[quantity]
        kind, unit, _typical = KINDS[kind_index]
        value = self.true_value(quantity, month)
        if planted:
            value = value * rng.choice((2.5, 3.0)) if rng.random() < 0.5 else value / rng.choice((2.5, 3.0))
            value = min(value, 100.0) if unit == "percent" else value
        written, approximate = _rounded(value, rng)
        source_index, via = None, []
        if rng.random() >= 0.2:
            source_index = rng.randrange(len(self.sources))
            if rng.random() < 0.15:
                via = [rng.choice(AGENCIES)]
        return {
            "kind": kind,
            "unit": unit,
            "actor": actor,
            "location": location,
            "value_low": written,
            "value_high": written,
            "approximate": approximate,
            "vague": False,
            "subject": f"{kind.replace('_', ' ')} of {actor or 'all sides'} in {location}",
            "text": f"{written:,.0f} {unit}",
            "source_index": source_index,
            "via": via,
            "as_of": _month(month),
        }


def build_store(engine: Engine, claims: int, seed: int = 7) -> dict[str, Any]:
    """Bulk-insert documents, sources and claims; returns what was built."""
    from factcheck.store import models

    world = World(claims, seed)
    rng = world.rng
    now = models.utcnow()
    documents = models.Document.__table__
    sources = models.Source.__table__
    claim_table = models.Claim.__table__
    planted = 0
    with Session(engine) as session, session.begin():
        bodies = [
            {"id": i + 1, "name": name, "type": "person" if person else "organisation", "created_at": now}
            for i, (name, person) in enumerate(world.sources)
        ]
        session.execute(insert(sources), bodies)
        for i, (_name, person) in enumerate(world.sources):
            if person:  # a person speaks for the body listed just after it
                session.execute(
                    sources.update().where(sources.c.id == i + 1).values(parent_id=(i + 1) % len(bodies) + 1)
                )
    reports = claims // CLAIMS_PER_REPORT
    claim_id = 0
    batch_documents: list[dict[str, Any]] = []
    batch_claims: list[dict[str, Any]] = []

    def flush() -> None:
        with Session(engine) as session, session.begin():
            session.execute(insert(documents), batch_documents)
            session.execute(insert(claim_table), batch_claims)
        batch_documents.clear()
        batch_claims.clear()

    for report in range(reports):
        month = rng.randrange(MONTHS)
        document_id = report + 1
        batch_documents.append({
            "id": document_id, "content_hash": f"{report:064x}", "origin": f"synthetic/{report}.txt",
            "name": f"{report}.txt", "outlet": rng.choice(OUTLETS), "language": rng.choice(LANGUAGES),
            "published": _month(month), "title": None, "text": "", "extractor_version": "bench",
            "ingested_at": now,
        })  # fmt: skip
        for quantity in rng.choices(range(len(world.quantities)), weights=world.weights, k=CLAIMS_PER_REPORT):
            plant = rng.random() < PLANTED_SHARE
            planted += plant
            row = world.claim(quantity, month, plant)
            source_index = row.pop("source_index")
            claim_id += 1
            row.update(
                claim_key=f"{claim_id:040x}", document_id=document_id, start=0, end=1, sentence=row["text"],
                sentence_start=0, source_id=None if source_index is None else source_index + 1,
                source_mention=None, source_score=None, extractor_version="bench", created_at=now,
            )  # fmt: skip
            batch_claims.append(row)
        if len(batch_claims) >= 50_000:
            flush()
    if batch_claims:
        flush()
    return {"world": world, "claims": claim_id, "reports": reports, "planted": planted}


def new_report(engine: Engine, world: World, serial: int) -> tuple[int, ...]:
    """One new report of ten claims about existing quantities, stored the way ingest stores it."""
    from factcheck import domain
    from factcheck.store.writes import store_document

    rng = world.rng
    month = MONTHS - 1
    claims = []
    text = f"New report {serial} ({time.time_ns()})."  # unique text: a rerun on a kept store stores it anew
    for quantity in rng.choices(range(len(world.quantities)), weights=world.weights, k=CLAIMS_PER_REPORT):
        row = world.claim(quantity, month, rng.random() < 0.2)
        sentence = f"{row['subject']}: {row['text']} (claim {len(claims)})."
        start = len(text) + 1
        text += " " + sentence
        source = None if row["source_index"] is None else world.sources[row["source_index"]][0]
        claims.append(domain.Claim(
            start=start, end=start + len(sentence), text=row["text"], sentence=sentence,
            value_low=row["value_low"], value_high=row["value_high"], unit=row["unit"], kind=row["kind"],
            approximate=row["approximate"], subject=row["subject"], actor=row["actor"],
            location=row["location"], as_of=row["as_of"], source=source, via=tuple(row["via"]),
            sentence_start=start,
        ))  # fmt: skip
    document = domain.Document(text=text, origin=f"new-{serial}.txt", language="en", published=_month(month))
    with Session(engine) as session, session.begin():
        return store_document(session, document, claims, "bench").claim_ids


def run(n: int = 1_000_000, db_url: str | None = None, reports: int = 20) -> dict[str, Any]:
    """Build the store, time the full pass and the incremental cost; returns the figures."""
    from factcheck.compare import compare_all, compare_new_claims
    from factcheck.store import models
    from factcheck.store.engine import open_store

    workdir = None
    if db_url is None:
        workdir = tempfile.TemporaryDirectory(prefix="bench_compare_")
        db_url = f"sqlite:///{Path(workdir.name) / 'compare.db'}"
    engine = open_store(db_url)
    started = time.perf_counter()
    with Session(engine) as session:
        existing = session.execute(select(func.count()).select_from(models.Claim.__table__)).scalar_one()
    if existing:  # a kept store (--db): time the first full pass again without rebuilding it
        built = {"world": World(n), "claims": existing, "reports": None, "planted": None}
        with Session(engine) as session, session.begin():
            session.execute(models.Relation.__table__.delete())
    else:
        built = build_store(engine, n)
    build_seconds = time.perf_counter() - started
    print(
        f"store holds {built['claims']:,} claims ({build_seconds:.0f} s); comparing",
        file=sys.stderr,
        flush=True,
    )

    started, cpu = time.perf_counter(), time.process_time()
    relations = compare_all(engine)
    full_seconds, full_cpu = time.perf_counter() - started, time.process_time() - cpu

    with Session(engine) as session:
        table = models.Relation.__table__
        by_type = dict(session.execute(select(table.c.type, func.count()).group_by(table.c.type)).all())

    timings: list[float] = []
    stored = 0
    for serial in range(reports):
        ids = new_report(engine, built["world"], serial)
        started = time.perf_counter()
        stored += compare_new_claims(engine, ids)
        timings.append(time.perf_counter() - started)
    engine.dispose()
    if workdir is not None:
        workdir.cleanup()
    return {
        "claims": built["claims"],
        "reports": built["reports"],
        "planted_contradictions": built["planted"],
        "build_seconds": round(build_seconds, 1),
        "full_pass_seconds": round(full_seconds, 2),
        "full_pass_cpu_seconds": round(full_cpu, 2),  # this process only; the machine may be shared
        "relations": relations,
        "relations_by_type": by_type,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "incremental_reports": reports,
        "incremental_median_ms": round(statistics.median(timings) * 1000, 1),
        "incremental_max_ms": round(max(timings) * 1000, 1),
        "incremental_relations": stored,
        "targets": {"full_pass_seconds": 60, "incremental_ms": 50},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000, help="claims in the synthetic store")
    parser.add_argument(
        "--db", default=None, help="database URL (default: a temporary SQLite file); a filled one is reused"
    )
    parser.add_argument("--reports", type=int, default=20, help="new reports timed one by one")
    args = parser.parse_args()
    figures = run(args.claims, args.db, args.reports)
    for name, value in figures.items():
        print(f"{name:<24} {value}")


if __name__ == "__main__":
    main()
