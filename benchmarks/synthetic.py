"""A synthetic corpus: N realistic news reports in the seven languages, with their ground truth.

Each report (about 3 KB) mixes quantitative claims, attributed to sources the way the press
writes them ("Enligt SOHR finns det runt 2 000 IS-krigare kvar i Raqqa."), with filler
sentences that carry no number. Sentence templates, source forms and place spellings are data
in benchmarks/templates/ (one JSON file per language plus common.json).

The world is consistent: every (kind, place, actor, month) has one true value, and every
truthful claim about it states that value (hedged or not), so truthful claims corroborate each
other. A planted contradiction is a claim about the same quantity, in the same month, from a
different source, with a value at least twice or at most half the true one (or 30 points off
for percentages). The ground truth pairs each planted claim with an earlier truthful claim
about the same quantity; any other truthful claim with the same key disagrees with it too.

    python -m benchmarks.synthetic OUT_DIR --reports 1000 [--format txt|jsonl]

writes OUT_DIR/reports/ (what to ingest) and OUT_DIR/truth/ (claims.jsonl, contradictions.jsonl).
"""

from __future__ import annotations

import argparse
import json
import random
import zlib
from collections import deque
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES: tuple[str, ...] = ("sv", "nb", "da", "en", "de", "fr", "es")
TEMPLATES = Path(__file__).resolve().parent / "templates"
FIRST_MONTH = (2016, 1)


@cache
def _common() -> dict[str, Any]:
    return json.loads((TEMPLATES / "common.json").read_text(encoding="utf-8"))


@cache
def _language(language: str) -> dict[str, Any]:
    return json.loads((TEMPLATES / f"{language}.json").read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class CorpusConfig:
    reports: int = 1000
    seed: int = 1
    languages: tuple[str, ...] = LANGUAGES
    claims_per_report: int = 5
    sources: int = 12  # how many canonical sources are in use (at most the registry's size)
    places: int = 15  # beyond the gazetteer, villages get generated names
    contradictions: int | None = None  # planted contradictions; default one per 20 reports
    months: int = 36  # report dates spread over this many months from January 2016
    unattributed_share: float = 0.2
    approximate_share: float = 0.4
    target_bytes: int = 3000

    @property
    def planted(self) -> int:
        wanted = self.reports // 20 if self.contradictions is None else self.contradictions
        return max(0, min(wanted, self.reports - 1))


@dataclass(frozen=True, slots=True)
class PlantedClaim:
    claim_id: str  # "<document>#<index>"
    document: str
    language: str
    sentence: str
    number_text: str  # the number as written, e.g. "2 000"
    value: int
    unit: str
    kind: str
    approximate: bool
    actor: str | None
    location: str
    source: str | None  # canonical name, None for the report's own voice
    source_mention: str | None  # as written
    as_of: str  # YYYY-MM
    deviant: bool = False

    @property
    def key(self) -> tuple[str, str, str | None, str]:
        return (self.kind, self.location, self.actor, self.as_of)


@dataclass(frozen=True, slots=True)
class PlantedContradiction:
    truthful: str  # claim_id of the earlier truthful claim
    deviant: str  # claim_id of the planted claim that disagrees with it
    kind: str
    location: str
    actor: str | None
    as_of: str
    truthful_value: int
    deviant_value: int


@dataclass(frozen=True, slots=True)
class SyntheticReport:
    name: str
    language: str
    published: str  # YYYY-MM-DD
    title: str
    text: str  # title line, blank line, paragraphs
    claims: tuple[PlantedClaim, ...]
    contradictions: tuple[PlantedContradiction, ...] = ()

    def file_text(self) -> str:
        """The report as a .txt file: a date header the reader understands, then the text."""
        return f"date {self.published}\n{self.text}\n"

    def record(self) -> dict[str, Any]:
        """The report as a JSON-lines record."""
        return {
            "url": f"https://news.example/{self.name}",
            "title": self.title,
            "date": self.published,
            "language": self.language,
            "text": self.text,
        }

    def to_document(self) -> Any:
        from factcheck.domain import Document

        return Document(
            text=self.text,
            origin=self.name,
            title=self.title,
            language=self.language,
            published=self.published,
        )


def format_number(value: int, language: str) -> str:
    separator = _language(language)["thousands"]
    digits = str(value)
    if value < 10_000 and language in ("sv", "nb", "fr", "es"):  # "2000" is as common as "2 000" below 10 000
        return digits if value % 7 == 0 else _group(digits, separator)
    return _group(digits, separator)


def _group(digits: str, separator: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.append(digits[-3:])
        digits = digits[:-3]
    groups.append(digits)
    return separator.join(reversed(groups))


def place_names(count: int) -> list[str]:
    """Canonical place names: the gazetteer first, then generated village names."""
    gazetteer = list(_common()["places"])
    names = gazetteer[:count]
    syllables = _common()["place_syllables"]
    index = 0
    while len(names) < count:
        prefix = syllables["prefix"][index % len(syllables["prefix"])]
        stem = syllables["stem"][(index // len(syllables["prefix"])) % len(syllables["stem"])]
        suffix = syllables["suffix"][
            (index // (len(syllables["prefix"]) * len(syllables["stem"]))) % len(syllables["suffix"])
        ]
        generation = index // (len(syllables["prefix"]) * len(syllables["stem"]) * len(syllables["suffix"]))
        names.append(f"{prefix}{stem}{suffix}" + (f" {generation + 1}" if generation else ""))
        index += 1
    return names


def _place_form(canonical: str, language: str) -> str:
    forms = _common()["places"].get(canonical)
    return forms[language] if forms else canonical


def _stable_rng(*parts: object) -> random.Random:
    return random.Random(zlib.crc32("|".join(map(str, parts)).encode("utf-8")))


def true_value(kind: str, location: str, actor: str | None, month: str, seed: int) -> int:
    """The one true value of a quantity in a month: the same for every truthful claim."""
    spec = _common()["kinds"][kind]
    rng = _stable_rng(seed, kind, location, actor, month)
    # Log-uniform: small and large counts are both common in the press.
    low, high, step = spec["low"], spec["high"], spec["round"]
    raw = rng.uniform(low, high) if spec["unit"] == "percent" else low * (high / low) ** rng.random()
    return max(step, round(raw / step) * step)


def deviant_value(kind: str, value: int, rng: random.Random) -> int:
    """A value that clearly disagrees with `value`: at least double or at most half, or 30+ points."""
    spec = _common()["kinds"][kind]
    step = spec["round"]
    if spec["unit"] == "percent":
        return value + rng.randint(30, 40) if value < 50 else value - rng.randint(30, 40)
    factor = rng.choice((0.25, 0.4, 2.5, 3.0, 4.0))
    wrong = max(step, round(value * factor / step) * step)
    if max(wrong, value) < 2 * min(wrong, value):
        wrong = value * 3
    return wrong


def _month(index: int) -> str:
    year, month = FIRST_MONTH
    total = year * 12 + month - 1 + index
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def _weighted(rng: random.Random, items: list[Any], weights: list[float]) -> Any:
    return rng.choices(items, weights=weights, k=1)[0]


def _zipf(count: int) -> list[float]:
    return [1.0 / (rank + 1) ** 0.8 for rank in range(count)]


@dataclass
class _World:
    config: CorpusConfig
    rng: random.Random
    places: list[str]
    place_weights: list[float]
    sources: list[str]
    source_weights: list[float]
    kinds: list[str]
    recent: deque[PlantedClaim] = field(default_factory=lambda: deque(maxlen=200))


def _sentence(
    world: _World,
    language: str,
    kind: str,
    location: str,
    actor: str | None,
    source: str | None,
    value: int,
    approximate: bool,
) -> tuple[str, str | None, str]:
    rng = world.rng
    lexicon = _language(language)
    if source is None:
        template = rng.choice(lexicon["unattributed"][kind])
        mention = None
    else:
        template = rng.choice(lexicon["claims"][kind])
        mention = rng.choice(_common()["sources"][source]["forms"][language])
    number = format_number(value, language)
    hedge = rng.choice(lexicon["approx"]) if approximate else ""
    if not approximate:
        template = template.replace("{approx} ", "").replace("{Approx} ", "")
    actor_forms = lexicon["actors"].get(actor or "Islamic State", lexicon["actors"]["Islamic State"])
    text = template.format(
        source=mention or "",
        Source=mention or "",
        number=number,
        approx=hedge,
        Approx=hedge,
        place=_place_form(location, language),
        actor_fighters=actor_forms["fighters"],
        actor_group=actor_forms["group"],
    )
    return text[:1].upper() + text[1:], mention, number


def _fillers(world: _World, language: str, place: str) -> Iterator[str]:
    """Filler sentences in a shuffled cycle, so a sentence repeats only after all others were used."""
    fillers = _language(language)["filler"]
    while True:
        order = list(range(len(fillers)))
        world.rng.shuffle(order)
        for index in order:
            yield fillers[index].format(place=_place_form(place, language))


def _report(world: _World, index: int, plant: bool) -> SyntheticReport:
    config, rng = world.config, world.rng
    language = config.languages[index % len(config.languages)]
    name = f"syn_{index:07d}_{language}.txt"
    anchor = None
    if plant and world.recent:
        anchor = rng.choice(list(world.recent))
    month = anchor.as_of if anchor else _month(rng.randrange(config.months))
    published = f"{month}-{rng.randint(1, 28):02d}"
    main_place = anchor.location if anchor else _weighted(rng, world.places, world.place_weights)
    lexicon = _language(language)
    title = rng.choice(lexicon["titles"]).format(place=_place_form(main_place, language))

    claims: list[PlantedClaim] = []
    contradictions: list[PlantedContradiction] = []
    sentences: list[str] = []
    seen_keys: set[tuple[str, str, str | None, str]] = set()
    if anchor is not None:
        seen_keys.add(anchor.key)
    for claim_index in range(config.claims_per_report):
        deviant = anchor is not None and claim_index == 0
        if deviant:
            assert anchor is not None
            kind, location, actor = anchor.kind, anchor.location, anchor.actor
            others = [s for s in world.sources if s != anchor.source]
            source: str | None = rng.choice(others)
            value = deviant_value(kind, anchor.value, rng)
        else:
            for _attempt in range(10):
                kind = rng.choice(world.kinds)
                location = (
                    main_place if rng.random() < 0.6 else _weighted(rng, world.places, world.place_weights)
                )
                wants_actor = _common()["kinds"][kind]["actor"]
                actor = rng.choice(_common()["actors"]) if wants_actor else None
                if (kind, location, actor, month) not in seen_keys:
                    break
            seen_keys.add((kind, location, actor, month))
            source = (
                None
                if rng.random() < config.unattributed_share
                else _weighted(rng, world.sources, world.source_weights)
            )
            value = true_value(kind, location, actor, month, config.seed)
        approximate = rng.random() < config.approximate_share and kind not in ("casualties", "count")
        sentence, mention, number = _sentence(
            world, language, kind, location, actor, source, value, approximate
        )
        claim = PlantedClaim(
            claim_id=f"{name}#{claim_index}",
            document=name,
            language=language,
            sentence=sentence,
            number_text=number,
            value=value,
            unit=_common()["kinds"][kind]["unit"],
            kind=kind,
            approximate=approximate,
            actor=actor,
            location=location,
            source=source,
            source_mention=mention,
            as_of=month,
            deviant=deviant,
        )
        claims.append(claim)
        sentences.append(sentence)
        if deviant and anchor is not None:
            contradictions.append(
                PlantedContradiction(
                    truthful=anchor.claim_id,
                    deviant=claim.claim_id,
                    kind=kind,
                    location=location,
                    actor=actor,
                    as_of=month,
                    truthful_value=anchor.value,
                    deviant_value=value,
                )
            )
        elif source is not None:
            world.recent.append(claim)

    paragraphs = _paragraphs(world, language, main_place, title, sentences)
    text = f"{title}\n\n" + "\n\n".join(paragraphs)
    return SyntheticReport(name, language, published, title, text, tuple(claims), tuple(contradictions))


def _paragraphs(world: _World, language: str, place: str, title: str, claims: list[str]) -> list[str]:
    """Claim sentences spread over paragraphs padded with filler until the report reaches its size."""
    rng = world.rng
    paragraphs = [[sentence] for sentence in claims] + [[], []]
    size = len(title.encode("utf-8")) + sum(len(s.encode("utf-8")) + 2 for s in claims)
    fillers = _fillers(world, language, place)
    turn = 0
    while size < world.config.target_bytes:
        filler = next(fillers)
        paragraph = paragraphs[turn % len(paragraphs)]
        paragraph.insert(rng.randrange(len(paragraph) + 1), filler)
        size += len(filler.encode("utf-8")) + 1
        turn += 1
    return [" ".join(paragraph) for paragraph in paragraphs if paragraph]


def generate(config: CorpusConfig = CorpusConfig()) -> Iterator[SyntheticReport]:
    """Yield config.reports reports, deterministic for a seed; memory stays flat however many."""
    registry = list(_common()["sources"])
    sources = registry[: max(1, min(config.sources, len(registry)))]
    places = place_names(config.places)
    world = _World(
        config=config,
        rng=random.Random(config.seed),
        places=places,
        place_weights=_zipf(len(places)),
        sources=sources,
        source_weights=_zipf(len(sources)),
        kinds=list(_common()["kinds"]),
    )
    planted = config.planted
    step = config.reports / planted if planted else 0.0
    plant_at = {min(config.reports - 1, int(step * (k + 1))) for k in range(planted)}
    for index in range(config.reports):
        yield _report(world, index, index in plant_at)


@dataclass(frozen=True, slots=True)
class CorpusInfo:
    directory: Path
    reports_dir: Path
    files: tuple[Path, ...]
    reports: int
    claims: int
    bytes: int
    contradictions: tuple[PlantedContradiction, ...]


def write_corpus(
    directory: str | Path, config: CorpusConfig = CorpusConfig(), *, fmt: str = "txt", per_file: int = 1000
) -> CorpusInfo:
    """Write the reports under directory/reports and the ground truth under directory/truth.

    fmt "txt" writes one file per report; "jsonl" writes per_file records per file.
    """
    root = Path(directory)
    reports_dir = root / "reports"
    truth_dir = root / "truth"
    reports_dir.mkdir(parents=True, exist_ok=True)
    truth_dir.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    contradictions: list[PlantedContradiction] = []
    claims = total_bytes = count = 0
    batch: list[str] = []

    def flush() -> None:
        path = reports_dir / f"batch_{len(files):05d}.jsonl"
        path.write_text("".join(batch), encoding="utf-8")
        files.append(path)
        batch.clear()

    with (truth_dir / "claims.jsonl").open("w", encoding="utf-8") as truth:
        for report in generate(config):
            count += 1
            claims += len(report.claims)
            contradictions.extend(report.contradictions)
            for claim in report.claims:
                truth.write(json.dumps(asdict(claim), ensure_ascii=False) + "\n")
            if fmt == "txt":
                data = report.file_text().encode("utf-8")
                path = reports_dir / report.name
                path.write_bytes(data)
                files.append(path)
            else:
                line = json.dumps(report.record(), ensure_ascii=False) + "\n"
                data = line.encode("utf-8")
                batch.append(line)
                if len(batch) >= per_file:
                    flush()
            total_bytes += len(data)
    if batch:
        flush()
    with (truth_dir / "contradictions.jsonl").open("w", encoding="utf-8") as out:
        for contradiction in contradictions:
            out.write(json.dumps(asdict(contradiction), ensure_ascii=False) + "\n")
    return CorpusInfo(root, reports_dir, tuple(files), count, claims, total_bytes, tuple(contradictions))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Write a synthetic corpus of news reports with ground truth."
    )
    parser.add_argument("directory")
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--claims", type=int, default=5, help="claims per report")
    parser.add_argument("--sources", type=int, default=12)
    parser.add_argument("--places", type=int, default=15)
    parser.add_argument("--contradictions", type=int, default=None)
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    args = parser.parse_args(argv)
    config = CorpusConfig(
        reports=args.reports,
        seed=args.seed,
        languages=tuple(args.languages.split(",")),
        claims_per_report=args.claims,
        sources=args.sources,
        places=args.places,
        contradictions=args.contradictions,
    )
    info = write_corpus(args.directory, config, fmt=args.format)
    print(
        f"{info.reports} reports ({info.bytes / max(1, info.reports):.0f} bytes each), {info.claims} claims, "
        f"{len(info.contradictions)} planted contradictions -> {info.reports_dir}"
    )


if __name__ == "__main__":
    main()
