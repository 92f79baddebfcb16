"""The gold sources and relays of the seed articles, with claims placed at each gold anchor."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from factcheck.domain import Claim
from factcheck.extract.attribution import attribute
from factcheck.extract.sentences import split_sentences
from factcheck.read.language import detect_language

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold" / "seeds.jsonl"
SEEDS = ROOT / "seeds"


def _gold() -> dict[str, list[dict]]:
    by_document: dict[str, list[dict]] = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            by_document.setdefault(row["document"], []).append(row)
    return by_document


def _claim(text: str, row: dict, spans: list[tuple[int, int]]) -> Claim:
    anchor = text.index(row["anchor"])
    digit = re.search(r"\d", row["anchor"])
    start = anchor + (digit.start() if digit else 0)
    s_start, s_end = next(span for span in spans if span[0] <= start < span[1])
    return Claim(
        start=start,
        end=start + 1,
        text=row["anchor"],
        sentence=text[s_start:s_end],
        value_low=row["value_low"],
        value_high=row["value_high"],
        unit=row["unit"],
        kind=row["kind"],
        sentence_start=s_start,
    )


def _source_ok(predicted: str | None, row: dict) -> bool:
    if row["source"] is None or predicted is None:
        return row["source"] is None and predicted is None
    names = [row["source"], *row["source_aliases"]]
    return any(fuzz.ratio(predicted.lower(), name.lower()) >= 90 for name in names)


@pytest.mark.skipif(not GOLD.is_file(), reason="gold annotations not available")
def test_seed_sources_and_relays() -> None:
    results: list[tuple[bool, bool, str]] = []
    for document, rows in _gold().items():
        text = (SEEDS / document).read_text(encoding="utf-8")
        language = detect_language(text) or "en"
        spans = split_sentences(text, language)
        claims = attribute(text, [_claim(text, row, spans) for row in rows], language)
        for row, claim in zip(rows, claims, strict=True):
            results.append((_source_ok(claim.source, row), list(claim.via) == row["via"], row["anchor"]))
    source_accuracy = sum(r[0] for r in results) / len(results)
    via_accuracy = sum(r[1] for r in results) / len(results)
    misses = [r[2] for r in results if not (r[0] and r[1])]
    assert source_accuracy >= 0.95, misses
    assert via_accuracy >= 0.9, misses
