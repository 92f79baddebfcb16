"""Score extracted claims against gold annotations, as /work/shared/gold/README.md prescribes.

Predicted and gold claims are matched one to one. A prediction matches a gold claim when it comes from the
same document, its values equal the gold values within 0.5 percent (a vague gold claim needs only range
overlap), and the gold anchor is fuzzily contained in the prediction's sentence (partial ratio >= 90 after
whitespace and case normalisation). Competing candidates are settled by the best anchor score.

Predictions are mappings in the schema of ``factcheck extract --format jsonl`` (document, sentence, text,
value_low, value_high, unit, kind, ...), so any extractor that can fill those keys can be scored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

VALUE_TOLERANCE = 0.005
ANCHOR_THRESHOLD = 90.0
NAME_THRESHOLD = 90.0

# Fields compared on matched pairs: exact for categories and booleans, fuzzy for names.
EXACT_FIELDS: tuple[str, ...] = ("kind", "unit", "approximate", "vague")
NAME_FIELDS: tuple[str, ...] = ("location", "actor")
ALL_FIELDS: tuple[str, ...] = ("kind", "unit", "location", "actor", "approximate", "vague", "source", "via")

_SPACE = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+")


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold JSON-lines file; blank lines are allowed, anything else malformed raises ValueError."""
    claims: list[dict[str, Any]] = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: line {number}: not JSON ({exc.msg})") from exc
        missing = [key for key in ("document", "anchor", "value_low", "value_high") if key not in record]
        if missing:
            raise ValueError(f"{path}: line {number}: missing {', '.join(missing)}")
        claims.append(record)
    return claims


@dataclass(frozen=True, slots=True)
class Match:
    gold: int  # index into the gold list
    prediction: int  # index into the prediction list
    anchor_score: float


@dataclass(slots=True)
class FieldScore:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(slots=True)
class Scores:
    gold: list[Mapping[str, Any]]
    predictions: list[Mapping[str, Any]]
    matches: list[Match]
    fields: dict[str, FieldScore]
    unmatched_gold: list[int]
    unmatched_predictions: list[int]
    field_errors: list[tuple[str, int, int]] = field(default_factory=list)  # (field, gold, prediction)

    @property
    def gold_count(self) -> int:
        return len(self.gold)

    @property
    def prediction_count(self) -> int:
        return len(self.predictions)

    @property
    def precision(self) -> float:
        return len(self.matches) / self.prediction_count if self.prediction_count else 0.0

    @property
    def recall(self) -> float:
        return len(self.matches) / self.gold_count if self.gold_count else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float:
        return self.fields[name].accuracy

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold_count,
            "predicted": self.prediction_count,
            "matched": len(self.matches),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "accuracy": {name: round(score.accuracy, 4) for name, score in self.fields.items()},
            "correct": {name: [score.correct, score.total] for name, score in self.fields.items()},
        }


def _close(predicted: Any, gold: Any) -> bool:
    try:
        p, g = float(predicted), float(gold)
    except (TypeError, ValueError):
        return False
    return abs(p - g) <= VALUE_TOLERANCE * abs(g) + 1e-9


def values_match(prediction: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    if gold.get("vague"):
        try:
            p_low, p_high = float(prediction["value_low"]), float(prediction["value_high"])
            g_low, g_high = float(gold["value_low"]), float(gold["value_high"])
        except (KeyError, TypeError, ValueError):
            return False
        return p_low <= g_high and g_low <= p_high
    return _close(prediction.get("value_low"), gold["value_low"]) and _close(
        prediction.get("value_high"), gold["value_high"]
    )


def anchor_score(anchor: str, sentence: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.partial_ratio(normalise(anchor), normalise(sentence)))


def _name(value: Any) -> str:
    return _LEADING_ARTICLE.sub("", normalise(str(value)))


def names_equal(predicted: Any, gold: Any) -> bool:
    """Fuzzy equality of canonical names; two nulls are equal, a null and a name are not."""
    if predicted in (None, "") or gold in (None, ""):
        return predicted in (None, "") and gold in (None, "")
    from rapidfuzz import fuzz

    return fuzz.ratio(_name(predicted), _name(gold)) >= NAME_THRESHOLD


def source_correct(prediction: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    predicted = prediction.get("source")
    if gold.get("source") in (None, ""):
        return predicted in (None, "")
    if predicted in (None, ""):
        return False
    names = [gold["source"], *gold.get("source_aliases", [])]
    return any(names_equal(predicted, name) for name in names)


def via_correct(prediction: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    predicted = list(prediction.get("via") or [])
    expected = list(gold.get("via") or [])
    if len(predicted) != len(expected):
        return False
    remaining = predicted[:]
    for name in expected:
        hit = next((p for p in remaining if names_equal(p, name)), None)
        if hit is None:
            return False
        remaining.remove(hit)
    return True


def field_correct(name: str, prediction: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    if name == "source":
        return source_correct(prediction, gold)
    if name == "via":
        return via_correct(prediction, gold)
    if name in NAME_FIELDS:
        return names_equal(prediction.get(name), gold.get(name))
    return prediction.get(name) == gold.get(name)


def match_claims(gold: Sequence[Mapping[str, Any]], predictions: Sequence[Mapping[str, Any]]) -> list[Match]:
    """One-to-one matching: every admissible pair, best anchor score first, each side used once."""
    from rapidfuzz import fuzz

    by_document: dict[str, list[int]] = {}
    for index, prediction in enumerate(predictions):
        by_document.setdefault(str(prediction.get("document")), []).append(index)
    candidates: list[tuple[float, float, int, int]] = []
    for g_index, item in enumerate(gold):
        anchor = normalise(item["anchor"])
        for p_index in by_document.get(str(item["document"]), []):
            prediction = predictions[p_index]
            if not values_match(prediction, item):
                continue
            score = float(fuzz.partial_ratio(anchor, normalise(str(prediction.get("sentence") or ""))))
            if score < ANCHOR_THRESHOLD:
                continue
            # Between equal anchor scores, prefer the prediction whose own text sits in the anchor.
            text_score = float(fuzz.partial_ratio(normalise(str(prediction.get("text") or "")), anchor))
            candidates.append((score, text_score, g_index, p_index))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    used_gold: set[int] = set()
    used_predictions: set[int] = set()
    matches: list[Match] = []
    for score, _text_score, g_index, p_index in candidates:
        if g_index in used_gold or p_index in used_predictions:
            continue
        used_gold.add(g_index)
        used_predictions.add(p_index)
        matches.append(Match(g_index, p_index, score))
    matches.sort(key=lambda m: m.gold)
    return matches


def score(
    gold: Sequence[Mapping[str, Any]],
    predictions: Sequence[Mapping[str, Any]],
    documents: Iterable[str] | None = None,
) -> Scores:
    """Score predictions against gold. ``documents`` limits the gold to the documents that were extracted."""
    if documents is not None:
        wanted = set(documents)
        gold = [item for item in gold if item["document"] in wanted]
    matches = match_claims(gold, predictions)
    fields = {name: FieldScore() for name in ALL_FIELDS}
    errors: list[tuple[str, int, int]] = []
    for match in matches:
        for name in ALL_FIELDS:
            fields[name].total += 1
            if field_correct(name, predictions[match.prediction], gold[match.gold]):
                fields[name].correct += 1
            else:
                errors.append((name, match.gold, match.prediction))
    matched_gold = {m.gold for m in matches}
    matched_predictions = {m.prediction for m in matches}
    return Scores(
        gold=list(gold),
        predictions=list(predictions),
        matches=matches,
        fields=fields,
        unmatched_gold=[i for i in range(len(gold)) if i not in matched_gold],
        unmatched_predictions=[i for i in range(len(predictions)) if i not in matched_predictions],
        field_errors=errors,
    )


def extract_predictions(
    documents: Iterable[Any], language: str | None = None, registry: Any = None
) -> list[dict]:
    """Run the extractor over Documents and return predictions in the `factcheck extract` JSON shape."""
    from factcheck.extract import extract
    from factcheck.extract.serialize import claim_to_json

    predictions: list[dict] = []
    for document in documents:
        chosen = language or document.language
        for claim in extract(document.text, chosen, document.published, registry=registry):
            predictions.append(claim_to_json(claim, document.name, chosen))
    return predictions
