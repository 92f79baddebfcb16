"""The acceptance floors on the gold seed annotations, scored exactly as `factcheck eval` scores them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.evaluate import Scores, extract_predictions, load_gold, score
from factcheck.read import Document, read_paths

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD_FILE = ROOT.parent / "shared" / "gold" / "seeds.jsonl"

pytestmark = pytest.mark.skipif(not GOLD_FILE.exists(), reason=f"no gold file at {GOLD_FILE}")


@pytest.fixture(scope="module")
def seed_scores() -> Scores:
    # Read as ingest reads, so offsets and the date header handling match what is stored.
    documents = [item for item in read_paths([str(SEEDS)]) if isinstance(item, Document)]
    assert len(documents) == 5
    gold = load_gold(GOLD_FILE)
    return score(gold, extract_predictions(documents), documents=[d.name for d in documents])


def test_value_precision_and_recall_floors(seed_scores: Scores) -> None:
    assert seed_scores.gold_count == 23
    assert seed_scores.precision >= 0.95, seed_scores.as_dict()
    assert seed_scores.recall >= 0.95, seed_scores.as_dict()


def test_kind_location_and_source_accuracy_floors(seed_scores: Scores) -> None:
    assert seed_scores.accuracy("kind") >= 0.9, seed_scores.as_dict()
    assert seed_scores.accuracy("location") >= 0.85, seed_scores.as_dict()
    assert seed_scores.accuracy("source") >= 0.9, seed_scores.as_dict()


def test_unit_and_vague_accuracy_on_seeds(seed_scores: Scores) -> None:
    assert seed_scores.accuracy("unit") >= 0.9, seed_scores.as_dict()
    assert seed_scores.accuracy("vague") >= 0.9, seed_scores.as_dict()


def test_eval_command_prints_the_same_figures(seed_scores: Scores) -> None:
    from factcheck.cli import cli

    runner = CliRunner()
    result = runner.invoke(cli, ["eval", "--json", str(GOLD_FILE), str(SEEDS)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["matched"] == len(seed_scores.matches)
    assert figures["precision"] == round(seed_scores.precision, 4)
    human = runner.invoke(cli, ["eval", "--quiet", str(GOLD_FILE), str(SEEDS)])
    assert human.exit_code == 0
    last = human.output.strip().splitlines()
    assert last[-1].startswith("values: precision")
    assert "kind" in last[-2] and "source" in last[-2]


def test_eval_limits_gold_to_the_documents_given() -> None:
    from factcheck.cli import cli

    one = SEEDS / "001_7692b10716c32c8a.txt"
    result = CliRunner().invoke(cli, ["eval", "--json", str(GOLD_FILE), str(one)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["gold"] == 4
