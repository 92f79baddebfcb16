"""The gold scorer: one-to-one matching, value tolerance, fuzzy anchors, vague ranges, field accuracies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factcheck.evaluate import load_gold, names_equal, score, values_match


def _gold(**fields: Any) -> dict[str, Any]:
    base = {
        "document": "a.txt",
        "anchor": "runt 2 000 IS-män kvar i Raqqa",
        "value_low": 2000,
        "value_high": 2000,
        "approximate": True,
        "vague": False,
        "unit": "persons",
        "kind": "fighters",
        "actor": "Islamic State",
        "location": "Raqqa",
        "source": "Brett McGurk",
        "source_aliases": ["McGurk", "Brett McGurk"],
        "via": ["The Independent"],
    }
    base.update(fields)
    return base


def _prediction(**fields: Any) -> dict[str, Any]:
    base = {
        "document": "a.txt",
        "sentence": "– Vi tror att det finns runt 2 000 IS-män kvar i Raqqa och de kommer troligen att dö där.",
        "text": "runt 2 000",
        "value_low": 2000,
        "value_high": 2000,
        "approximate": True,
        "vague": False,
        "unit": "persons",
        "kind": "fighters",
        "actor": "Islamic State",
        "location": "Raqqa",
        "source": "McGurk",
        "via": ["Independent"],
    }
    base.update(fields)
    return base


def test_perfect_match_scores_one_everywhere() -> None:
    scores = score([_gold()], [_prediction()])
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)
    assert all(field.accuracy == 1.0 for field in scores.fields.values())


def test_values_within_half_a_percent_match_and_beyond_do_not() -> None:
    gold = _gold(value_low=33.3, value_high=33.3)
    assert values_match({"value_low": 33.33, "value_high": 33.33}, gold)
    assert not values_match({"value_low": 33.6, "value_high": 33.6}, gold)
    assert not values_match({"value_low": 2000, "value_high": 2100}, _gold())


def test_vague_gold_matches_on_range_overlap() -> None:
    gold = _gold(vague=True, value_low=24, value_high=99)
    assert values_match({"value_low": 12, "value_high": 30}, gold)
    assert not values_match({"value_low": 100, "value_high": 200}, gold)


def test_anchor_must_be_in_the_prediction_sentence_and_document_must_agree() -> None:
    elsewhere = _prediction(sentence="IS slutstrid väntas stå i Raqqa, där 2 000 milismän ännu håller ut.")
    assert score([_gold()], [elsewhere]).recall == 0.0
    assert score([_gold()], [_prediction(document="b.txt")]).recall == 0.0


def test_anchor_match_tolerates_spacing_and_case() -> None:
    spaced = _prediction(sentence="vi tror att det finns RUNT 2\u00a0000  IS-män kvar i  Raqqa.")
    assert score([_gold()], [spaced]).recall == 1.0


def test_matching_is_one_to_one_and_best_anchor_wins() -> None:
    gold = [
        _gold(anchor="Staden ligger cirka fem mil nordväst om staden Palmyra", value_low=50, value_high=50),
        _gold(anchor="ligger också fem mil från provinsen Deir al-Zour", value_low=50, value_high=50),
    ]
    first = _prediction(
        sentence="Staden ligger cirka fem mil nordväst om staden Palmyra, ett av Unescos världsarv.",
        value_low=50,
        value_high=50,
    )
    second = _prediction(
        sentence="al-Sukhna ligger också fem mil från provinsen Deir al-Zour som behärskas av IS.",
        value_low=50,
        value_high=50,
    )
    duplicate = dict(first)
    scores = score(gold, [first, second, duplicate])
    assert len(scores.matches) == 2
    assert {(m.gold, m.prediction) for m in scores.matches} == {(0, 0), (1, 1)}
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == 1.0


def test_field_accuracies_count_only_matched_pairs() -> None:
    wrong = _prediction(kind="civilians", location="Raqqa old city", source=None, via=[])
    scores = score([_gold(), _gold(document="b.txt")], [wrong])
    assert scores.fields["kind"].total == 1
    assert scores.accuracy("kind") == 0.0
    assert scores.accuracy("location") == 0.0
    assert scores.accuracy("source") == 0.0
    assert scores.accuracy("via") == 0.0
    assert scores.accuracy("unit") == 1.0
    assert scores.recall == 0.5


def test_source_null_on_both_sides_is_correct_and_aliases_count() -> None:
    own_voice = score([_gold(source=None, source_aliases=[], via=[])], [_prediction(source=None, via=[])])
    assert own_voice.accuracy("source") == 1.0
    assert own_voice.accuracy("via") == 1.0
    alias = score([_gold()], [_prediction(source="Brett McGurk")])
    assert alias.accuracy("source") == 1.0


def test_names_equal_is_fuzzy_but_keeps_distinct_places_apart() -> None:
    assert names_equal("The Independent", "Independent")
    assert names_equal("Deir ez-Zor", "Deir ez-zor")
    assert not names_equal("Deir ez-Zor", "Deir ez-Zor province")
    assert not names_equal("Raqqa", "Raqqa old city")
    assert names_equal(None, None)
    assert not names_equal(None, "Raqqa")


def test_documents_filter_limits_the_gold(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in [_gold(), _gold(document="b.txt")]) + "\n\n")
    gold = load_gold(path)
    assert len(gold) == 2
    scores = score(gold, [_prediction()], documents=["a.txt"])
    assert scores.gold_count == 1 and scores.recall == 1.0


def test_malformed_gold_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"document": "a.txt"}\n')
    with pytest.raises(ValueError, match="line 1"):
        load_gold(path)
    path.write_text("not json\n")
    with pytest.raises(ValueError, match="line 1"):
        load_gold(path)


def test_empty_inputs_do_not_divide_by_zero() -> None:
    scores = score([], [])
    assert (scores.precision, scores.recall, scores.f1) == (0.0, 0.0, 0.0)
    assert scores.as_dict()["matched"] == 0
