"""The public JSON shape of a claim, shared by `factcheck extract` and `factcheck search --format jsonl`."""

from __future__ import annotations

from typing import Any

from factcheck.domain import Claim

CLAIM_FIELDS: tuple[str, ...] = (
    "document",
    "language",
    "sentence",
    "text",
    "start",
    "end",
    "value_low",
    "value_high",
    "approximate",
    "vague",
    "unit",
    "kind",
    "subject",
    "actor",
    "location",
    "source",
    "source_mention",
    "via",
    "as_of",
)


def _number(value: float) -> int | float:
    """Whole numbers print as integers (2000, not 2000.0); fractions keep their decimals."""
    if value == int(value) and abs(value) < 1e15:
        return int(value)
    return round(value, 6)


def claim_to_json(claim: Claim, document_name: str, language: str | None) -> dict[str, Any]:
    """Exactly the fields of CLAIM_FIELDS, in that order."""
    return {
        "document": document_name,
        "language": language,
        "sentence": claim.sentence,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "value_low": _number(claim.value_low),
        "value_high": _number(claim.value_high),
        "approximate": claim.approximate,
        "vague": claim.vague,
        "unit": claim.unit,
        "kind": claim.kind,
        "subject": claim.subject,
        "actor": claim.actor,
        "location": claim.location,
        "source": claim.source,
        "source_mention": claim.source_mention,
        "via": list(claim.via),
        "as_of": claim.as_of,
    }
