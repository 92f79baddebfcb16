"""Extraction throughput against quantulum3, F1 on the English seeds, and start-up time of `factcheck extract`.

    .venv/bin/python -m benchmarks.bench_extract

The corpus is English news-like text: the English seed articles and paragraphs written for this
benchmark, varied (numbers, places, groups, order) so that no two documents are the same text.
Both extractors run on one core over the same documents in one process, warmed up, in alternating
passes (three each); each one's best pass counts.
Throughput is text size over CPU time (process_time), so other load on the machine does not count;
start-up is reported both as wall time and as the child process's CPU time.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(os.environ.get("FACTCHECK_GOLD", ROOT.parent / "shared" / "gold" / "seeds.jsonl"))
ENGLISH_SEEDS = ("003_3b034399dd8aab2e.txt", "004_a38c816c79cc4183.txt")
CORPUS_BYTES = 160_000  # quantulum3 manages ~25 KB/s, so this keeps its run to a few seconds
STARTUP_RUNS = 5
ROUNDS = 3  # alternating timed passes of each extractor; each one's best counts

PLACES = (
    "Raqqa",
    "Deir ez-Zor",
    "Mosul",
    "Aleppo",
    "Homs",
    "Hama",
    "Palmyra",
    "Albu Kamal",
    "Idlib",
    "Tal Afar",
)
GROUPS = ("Islamic State", "the Syrian army", "the SDF", "Kurdish forces", "Iraqi troops", "rebel groups")
SOURCES = (
    "the Syrian Observatory for Human Rights",
    "a military spokesman",
    "Reuters",
    "the UN",
    "local officials",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# News-like paragraphs; {n}, {m}, {p} ... are filled per document so every document differs.
PARAGRAPHS = (
    "About {n:,} {g_fighters} fighters remain in {p}, {s} said on {d}, adding that {m} civilians had been "
    "killed in air strikes over the past {k} days.",
    "{G} now controls roughly {pct} percent of {p} province, up from {pct2} percent in {month}, according to {s}.",
    "The offensive has displaced more than {n:,} people since it began {k} weeks ago, the UN refugee agency said.",
    "Government forces captured {k} villages and dozens of positions east of {p} on {d}, a monitor said.",
    "The enclave covers about {area:,} square kilometres, roughly {r} times the size of {p2}.",
    "Convoys travelled {dist} km from {p} to {p2} during the night, officials told reporters.",
    "Between {n:,} and {n2:,} residents are still trapped inside the old city, aid agencies estimated.",
    "At least {m} people were killed and {m2} wounded when a car bomb exploded at a checkpoint in {p} on {d}.",
    "The siege of {p} lasted {k} years and left hundreds of thousands of people without regular food supplies.",
    "{G} lost nearly {pct} percent of the territory it once held in Iraq and Syria, the coalition said in {month}.",
    "Mr. Smith, who arrived in {p} on Sept. 3, said at 10:30 a.m. that talks would resume on {d}.",
    "Read more: subscribe to our newsletter for the latest updates. Photo: AFP {code}",
    "Fighting continued for a {k}th day as {G} shelled districts held by {g_fighters} fighters, {s} reported.",
    "Some {n:,} families have returned to {p} since the city was retaken in {year}, the governor said.",
    "The army said it had cleared {k} towns and {m} hills along the {dist}-km front north of {p}.",
)
MONTHS = ("January", "March", "May", "July", "September", "November")

# Most sentences in a report carry no number; these keep the corpus as dense in figures as real news.
FILLER = (
    "Residents described scenes of devastation as they returned to neighbourhoods around {p}, where power and "
    "water supplies have yet to be restored and many shops remain shuttered.",
    "{G} has not commented on the reports, and the claims could not be independently verified by journalists "
    "working in the region.",
    "Analysts say the fall of {p} would deprive the group of one of its last sources of revenue and leave its "
    "remaining commanders scattered across the desert.",
    "Aid agencies warned that the humanitarian situation in {p} was deteriorating quickly and urged all sides to "
    "allow safe passage for those trying to leave.",
    "The offensive is backed by air strikes from the U.S.-led coalition, which has also provided training and "
    "weapons to local forces on the ground.",
    "Diplomats meeting in Geneva said a political settlement remained distant, although talks on local ceasefires "
    "had made some progress in recent weeks.",
    "Officials in {p2} said they were preparing to receive families fleeing the fighting, but warned that camps "
    "were already overcrowded and short of supplies.",
    "The group has repeatedly used suicide car bombs and snipers to slow the advance, according to commanders "
    "interviewed by reporters near the front line.",
    "Local councils set up after the previous offensive are struggling to pay salaries, clear rubble and reopen "
    "schools, residents said.",
    "Human rights groups have called for an investigation into reports of civilian deaths caused by air strikes "
    "on residential areas near {p}.",
)


def _fill(template: str, rng: random.Random) -> str:
    place, other = rng.sample(PLACES, 2)
    group = rng.choice(GROUPS)
    return template.format(
        n=rng.randrange(500, 90_000),
        n2=rng.randrange(90_000, 200_000),
        m=rng.randrange(2, 400),
        m2=rng.randrange(2, 400),
        k=rng.randrange(2, 12),
        r=rng.randrange(2, 9),
        pct=rng.randrange(5, 95),
        pct2=rng.randrange(5, 95),
        area=rng.randrange(200, 9000),
        dist=rng.randrange(10, 300),
        p=place,
        p2=other,
        g_fighters=rng.choice(("IS", "rebel", "militia", "Kurdish")),
        G=group[0].upper() + group[1:],
        s=rng.choice(SOURCES),
        d=rng.choice(WEEKDAYS),
        month=rng.choice(MONTHS),
        year=rng.randrange(2014, 2019),
        code=f"X{rng.randrange(10000, 99999)}",
    )


def _seed_texts() -> list[str]:
    from factcheck.read import read_paths

    texts: list[str] = []
    for item in read_paths([str(SEEDS / name) for name in ENGLISH_SEEDS]):
        text = getattr(item, "text", None)
        if text:
            texts.append(text)
    return texts


def build_corpus(target_bytes: int = CORPUS_BYTES, seed: int = 7) -> list[str]:
    """English documents of about 2-4 KB: seed articles and varied paragraphs, shuffled per document."""
    rng = random.Random(seed)
    seeds = _seed_texts()
    documents: list[str] = []
    size = 0
    while size < target_bytes:
        parts = [_fill(rng.choice(PARAGRAPHS), rng) for _ in range(rng.randrange(4, 8))]
        parts += [_fill(rng.choice(FILLER), rng) for _ in range(rng.randrange(6, 12))]
        if seeds and rng.random() < 0.3:
            seed_text = rng.choice(seeds)
            # A slice of a seed article, starting at a paragraph, keeps real page furniture in the mix.
            paragraphs = seed_text.split("\n\n")
            start = rng.randrange(len(paragraphs))
            parts.extend(paragraphs[start : start + rng.randrange(3, 8)])
        rng.shuffle(parts)
        document = "\n\n".join(parts)
        documents.append(document)
        size += len(document.encode("utf-8"))
    return documents


def _pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        cores = sorted(os.sched_getaffinity(0))
        if cores:
            os.sched_setaffinity(0, {cores[0]})


def _time_ours(documents: list[str]) -> float:
    """CPU seconds of one pass of our extractor over the documents (caches and lexicons warmed first)."""
    from factcheck.extract import extract
    from factcheck.resolve import get_registry

    registry = get_registry()
    for document in documents[:3]:
        extract(document, "en", None, registry=registry)
    started = time.process_time()
    for document in documents:
        extract(document, "en", None, registry=registry)
    return time.process_time() - started


def best_passes(documents: list[str], rounds: int = ROUNDS) -> tuple[float, float]:
    """Best CPU seconds of ours and of quantulum3 over ``rounds`` alternating passes each.

    Alternating puts both extractors through the same moments of a shared machine, and taking each
    one's best pass treats them alike (a pass slowed by other work on the machine does not count)."""
    ours, theirs = float("inf"), float("inf")
    for _ in range(rounds):
        ours = min(ours, _time_ours(documents))
        theirs = min(theirs, _time_quantulum(documents))
    return ours, theirs


def stage_seconds(documents: list[str]) -> dict[str, float]:
    """CPU seconds per stage of extraction, to see where the time goes."""
    from factcheck.extract.attribution import attribute
    from factcheck.extract.claims import build_claims
    from factcheck.extract.numbers import find_numbers
    from factcheck.extract.sentences import split_sentences
    from factcheck.resolve import get_registry

    registry = get_registry()
    seconds: dict[str, float] = {}

    def timed(name: str, work: Any) -> Any:
        started = time.process_time()
        result = work()
        seconds[name] = time.process_time() - started
        return result

    quantities = timed("numbers", lambda: [find_numbers(d, "en") for d in documents])
    sentences = timed("sentences", lambda: [split_sentences(d, "en") for d in documents])
    timed("places_actors", lambda: [(registry.find_places(d), registry.find_actors(d)) for d in documents])
    claims = timed(
        "claims",
        lambda: [
            build_claims(d, "en", q, None, registry, s)
            for d, q, s in zip(documents, quantities, sentences, strict=True)
        ],
    )
    timed(
        "attribution",
        lambda: [attribute(d, c, "en", registry=registry) for d, c in zip(documents, claims, strict=True)],
    )
    return seconds


def _time_quantulum(documents: list[str]) -> float:
    import warnings

    warnings.filterwarnings("ignore", module="quantulum3")
    from quantulum3 import parser

    parser.parse(documents[0][:200])  # load its models before timing
    started = time.process_time()
    for document in documents:
        parser.parse(document)
    return time.process_time() - started


def _quantulum_predictions(documents: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """quantulum3's quantities as predictions: its value, and the sentence the mention sits in."""
    from quantulum3 import parser

    from factcheck.extract.sentences import split_sentences

    predictions: list[dict[str, Any]] = []
    for name, text in documents:
        spans = split_sentences(text, "en")
        for quantity in parser.parse(text):
            start = quantity.span[0]
            sentence = next((text[a:b] for a, b in spans if a <= start < b), "")
            value = float(quantity.value)
            low = high = value
            uncertainty = getattr(quantity, "uncertainty", None)
            if uncertainty:
                low, high = value - float(uncertainty), value + float(uncertainty)
            predictions.append(
                {
                    "document": name,
                    "sentence": sentence,
                    "text": quantity.surface,
                    "value_low": low,
                    "value_high": high,
                    "unit": quantity.unit.name,
                }
            )
    return predictions


def seed_f1() -> dict[str, float]:
    """F1 of both extractors on the English seeds; empty when the gold annotations (../shared/gold beside
    the project, or FACTCHECK_GOLD) are not on this machine, e.g. in a clone made elsewhere."""
    from factcheck.evaluate import extract_predictions, load_gold, score
    from factcheck.read import Document, read_paths

    if not GOLD.is_file():
        return {}
    documents = [d for d in read_paths([str(SEEDS / n) for n in ENGLISH_SEEDS]) if isinstance(d, Document)]
    gold = load_gold(GOLD)
    names = [d.name for d in documents]
    ours = score(gold, extract_predictions(documents, language="en"), documents=names)
    theirs = score(gold, _quantulum_predictions([(d.name, d.text) for d in documents]), documents=names)
    return {
        "ours_f1": ours.f1,
        "ours_precision": ours.precision,
        "ours_recall": ours.recall,
        "quantulum3_f1": theirs.f1,
        "quantulum3_precision": theirs.precision,
        "quantulum3_recall": theirs.recall,
    }


def startup_seconds(runs: int = STARTUP_RUNS) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of a whole `factcheck extract` process
    on one small seed file. On a busy machine the wall time includes waiting for a core."""
    executable = Path(sys.executable).with_name("factcheck")
    command = [str(executable)] if executable.exists() else [sys.executable, "-m", "factcheck"]
    command += ["extract", str(SEEDS / ENGLISH_SEEDS[0])]
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return statistics.median(walls), statistics.median(cpus)


def run(corpus_bytes: int = CORPUS_BYTES) -> dict[str, Any]:
    """All figures as a dict (throughputs in KB/s, times in seconds)."""
    _pin_to_one_core()
    documents = build_corpus(corpus_bytes)
    kilobytes = sum(len(d.encode("utf-8")) for d in documents) / 1024
    ours, theirs = best_passes(documents)
    figures: dict[str, Any] = {
        "corpus_kb": round(kilobytes, 1),
        "documents": len(documents),
        "ours_kb_per_s": round(kilobytes / ours, 1),
        "quantulum3_kb_per_s": round(kilobytes / theirs, 1),
        "speedup": round(theirs / ours, 1),
    }
    figures["stages_kb_per_s"] = {
        name: round(kilobytes / seconds, 1) if seconds else None
        for name, seconds in stage_seconds(documents).items()
    }
    figures.update({key: round(value, 3) for key, value in seed_f1().items()})
    wall, cpu = startup_seconds()
    figures["startup_s"] = round(wall, 3)
    figures["startup_cpu_s"] = round(cpu, 3)
    return figures


def main() -> None:
    figures = run()
    print(f"corpus: {figures['corpus_kb']} KB of English text in {figures['documents']} documents")
    print(f"factcheck extract: {figures['ours_kb_per_s']:>10.1f} KB/s (one core)   target >= 1024")
    print(f"quantulum3:        {figures['quantulum3_kb_per_s']:>10.1f} KB/s (one core)")
    print(f"ratio:             {figures['speedup']:>10.1f}x                  target >= 30")
    stages = ", ".join(f"{name} {rate} KB/s" for name, rate in figures["stages_kb_per_s"].items())
    print(f"stages (claims includes its place/actor search): {stages}")
    if "ours_f1" in figures:
        print(
            f"F1 on English seeds: factcheck {figures['ours_f1']:.3f} "
            f"(P {figures['ours_precision']:.3f} R {figures['ours_recall']:.3f}), "
            f"quantulum3 {figures['quantulum3_f1']:.3f} "
            f"(P {figures['quantulum3_precision']:.3f} R {figures['quantulum3_recall']:.3f})"
        )
    else:
        print(f"F1 on English seeds: not measured (no gold annotations at {GOLD})")
    print(
        f"start-up of `factcheck extract` on one seed: {figures['startup_s']:.3f} s wall, "
        f"{figures['startup_cpu_s']:.3f} s CPU (medians)   target < 1"
    )


if __name__ == "__main__":
    main()
