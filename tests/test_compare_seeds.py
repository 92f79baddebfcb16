"""The seeds' look-alike pairs (gold/seeds-relations.jsonl): none is a contradiction, and the relayed
figure repeats rather than corroborates.

Two ways in: the gold claims stored by hand (the comparison's own logic, whatever the extractor
does), and the seeds ingested with the real extractor (the whole pipeline).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any, ClassVar

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from factcheck.compare import compare_all
from factcheck.store.queries import RELATION_TYPES, RelationFilter, iter_claims, iter_relations
from tests.test_compare_support import Report, Said, store_report

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"
LANGUAGES = {"000": "sv", "001": "nb", "002": "sv", "003": "en", "004": "en"}
PUBLISHED = {"000": "2017-08", "001": "2017-11", "002": "2017-09", "003": "2017-09-02", "004": "2017-08"}

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="gold annotations not available")


class SeedGazetteer:
    """The containment facts the gold's different_scope notes rely on, as a gazetteer would give them."""

    INSIDE: ClassVar[dict[str, set[str]]] = {
        "Syria": {"Raqqa", "Raqqa old city", "Deir ez-Zor", "Deir ez-Zor province", "Albu Kamal"},
        "Raqqa": {"Raqqa old city"},
        "Deir ez-Zor province": {"Deir ez-Zor", "Albu Kamal"},
        "Euphrates valley": {"Albu Kamal", "Deir ez-Zor"},
        "Iraq and Syria": {"Iraq", "Syria"},
    }

    def place_contains(self, outer: str, inner: str) -> bool:
        return inner in self.INSIDE.get(outer, set())


def _lines(name: str) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _store_gold(engine: Engine) -> dict[tuple[str, str], int]:
    """Each gold claim as the ideal extractor would give it; returns (document, anchor) -> claim id."""
    by_document: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in _lines("seeds.jsonl"):
        by_document[record["document"]].append(record)
    ids: dict[tuple[str, str], int] = {}
    for document, records in sorted(by_document.items()):
        prefix = document[:3]
        said = [
            Said(
                sentence=r["anchor"],
                words=r["anchor"],
                low=r["value_low"],
                high=r["value_high"],
                kind=r["kind"],
                unit=r["unit"],
                actor=r["actor"],
                location=r["location"],
                as_of=r["as_of"],
                source=r["source"],
                via=tuple(r["via"]),
                subject=r["subject"],
                approximate=r["approximate"],
                vague=r["vague"],
            )
            for r in records
        ]
        report = Report(PUBLISHED[prefix], language=LANGUAGES[prefix], said=said)
        for record, claim_id in zip(records, store_report(engine, report), strict=True):
            ids[(document, record["anchor"])] = claim_id
    return ids


def _relations_by_pair(engine: Engine) -> dict[frozenset[int], str]:
    with Session(engine) as session:
        return {
            frozenset((view.a.id, view.b.id)): view.type
            for view in iter_relations(session, RelationFilter(types=RELATION_TYPES))
        }


def _gold_pairs(ids: dict[tuple[str, str], int]) -> list[tuple[frozenset[int], str]]:
    pairs = []
    for record in _lines("seeds-relations.jsonl"):
        a = ids.get((record["a"]["document"], record["a"]["anchor"]))
        b = ids.get((record["b"]["document"], record["b"]["anchor"]))
        if a is not None and b is not None:
            pairs.append((frozenset((a, b)), record["relation"]))
    return pairs


def test_gold_claims_look_alikes_are_not_contradictions(engine: Engine) -> None:
    ids = _store_gold(engine)
    pairs = _gold_pairs(ids)
    assert len(pairs) == 12
    compare_all(engine)
    found = _relations_by_pair(engine)
    assert "contradicts" not in found.values(), found
    labels = [label for _pair, label in pairs]
    assert labels.count("different_scope") == 11 and labels.count("repeats") == 1
    for pair, label in pairs:
        if label == "repeats":
            assert found.get(pair) == "repeats"
        else:
            assert found.get(pair) not in ("contradicts", "corroborates", "changed_over_time")


def test_gold_claims_with_scope_show_containment_pairs(engine: Engine) -> None:
    ids = _store_gold(engine)
    compare_all(engine, with_scope=True, gazetteer=SeedGazetteer())
    found = _relations_by_pair(engine)
    assert "contradicts" not in found.values()
    scoped = {pair for pair, label in _gold_pairs(ids) if label == "different_scope" and found.get(pair)}
    assert scoped, "containment pairs should be shown as different_scope on request"
    for pair in scoped:
        assert found[pair] == "different_scope"
    # Without --with-scope the scope pairs are gone again; the repeat stays.
    compare_all(engine)
    assert set(_relations_by_pair(engine).values()) == {"repeats"}


def test_seeds_ingested_flag_no_contradiction(seeds_engine: Engine) -> None:
    from factcheck.evaluate import match_claims

    compare_all(seeds_engine)
    with Session(seeds_engine) as session:
        views = list(iter_claims(session))
        relations = list(iter_relations(session, RelationFilter(types=RELATION_TYPES)))
    assert not [r for r in relations if r.type == "contradicts"], [r.explanation for r in relations]
    gold = _lines("seeds.jsonl")
    predictions = [
        {"document": v.document, "sentence": v.sentence, "text": v.text, "value_low": v.value_low,
         "value_high": v.value_high}
        for v in views
    ]  # fmt: skip
    ids = {
        (gold[m.gold]["document"], gold[m.gold]["anchor"]): views[m.prediction].id
        for m in match_claims(gold, predictions)
    }
    found = {frozenset((r.a.id, r.b.id)): r.type for r in relations}
    for pair, label in _gold_pairs(ids):
        assert found.get(pair) != "contradicts"
        if label == "repeats":
            assert found.get(pair) != "corroborates"
