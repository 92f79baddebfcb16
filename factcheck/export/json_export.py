"""The full data as JSON: claims, the relations touching them, their documents and every review.

Schema: docs/export-json-schema.md. One record per line inside each array, records in id order,
keys in a fixed order, so two exports of the same data differ only in "generated_at" and diff well.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from factcheck import __version__
from factcheck.export.data import DocumentEntry, ExportData, ReportContext, iso_time
from factcheck.export.filters import filter_fields
from factcheck.export.safety import script_safe_json
from factcheck.store.queries import ClaimView
from factcheck.store.reviews import ReviewView

SCHEMA_VERSION = 1


def encode(value: Any) -> str:
    return script_safe_json(json.dumps(value, ensure_ascii=False, allow_nan=False))


def claim_record(claim: ClaimView) -> dict[str, Any]:
    return {
        "id": claim.id,
        "claim_key": claim.claim_key,
        "document_id": claim.document_id,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "sentence": claim.sentence,
        "sentence_start": claim.sentence_start,
        "value_low": claim.value_low,
        "value_high": claim.value_high,
        "approximate": claim.approximate,
        "vague": claim.vague,
        "unit": claim.unit,
        "kind": claim.kind,
        "subject": claim.subject,
        "actor": claim.actor,
        "location": claim.location,
        "as_of": claim.as_of,
        "source": claim.source,
        "source_type": claim.source_type,
        "source_mention": claim.source_mention,
        "source_score": claim.source_score,
        "via": list(claim.via),
        "status": claim.status,
        "contradictions": claim.flags,
    }


def document_record(document: DocumentEntry) -> dict[str, Any]:
    return {
        "id": document.id,
        "content_hash": document.content_hash,
        "name": document.name,
        "origin": document.origin,
        "outlet": document.outlet,
        "language": document.language,
        "published": document.published,
        "title": document.title,
    }


def review_record(review: ReviewView) -> dict[str, Any]:
    return {
        "id": review.id,
        "target_type": review.target_type,
        "target_key": review.target_key,
        "verdict": review.verdict,
        "note": review.note,
        "reviewer": review.reviewer,
        "created_at": iso_time(review.created_at),
        "withdrawn": review.withdrawn,
        "snapshot": review.snapshot,
    }


def _write_array(stream: TextIO, name: str, records: Iterable[dict[str, Any]], last: bool = False) -> None:
    stream.write(f'  "{name}": [')
    first = True
    for record in records:
        stream.write(("\n    " if first else ",\n    ") + encode(record))
        first = False
    stream.write("]" if first else "\n  ]")
    stream.write("\n" if last else ",\n")


def write_json(data: ExportData, context: ReportContext, stream: TextIO) -> None:
    stream.write("{\n")
    header = {
        "format": "factcheck-export",
        "schema_version": SCHEMA_VERSION,
        "generator": f"factcheck {__version__}",
        "generated_at": iso_time(context.generated_at),
        "filter": filter_fields(context),
    }
    for key, value in header.items():
        stream.write(f"  {encode(key)}: {encode(value)},\n")

    claim_ids: set[int] = set()
    claim_keys: list[str] = []
    document_ids: set[int] = set()

    def streamed_claims() -> Iterable[dict[str, Any]]:
        for claim in data.claims():
            claim_ids.add(claim.id)
            claim_keys.append(claim.claim_key)
            document_ids.add(claim.document_id)
            yield claim_record(claim)

    _write_array(stream, "claims", streamed_claims())

    relations = sorted(data.relations(), key=lambda entry: entry.relation.id)
    context_claims: dict[int, ClaimView] = {}
    for entry in relations:
        for claim in (entry.relation.a, entry.relation.b):
            if claim.id not in claim_ids:
                context_claims[claim.id] = claim
                document_ids.add(claim.document_id)
    _write_array(
        stream,
        "relations",
        (
            {
                "id": entry.relation.id,
                "relation_key": entry.relation.relation_key,
                "type": entry.relation.type,
                "score": entry.relation.score,
                "explanation": entry.relation.explanation,
                "status": entry.relation.status,
                "claim_a": entry.relation.a.claim_key,
                "claim_b": entry.relation.b.claim_key,
            }
            for entry in relations
        ),
    )
    _write_array(stream, "context_claims", (claim_record(context_claims[i]) for i in sorted(context_claims)))
    _write_array(stream, "documents", (document_record(d) for d in data.documents(document_ids)))
    reviews = data.review_history("claim", claim_keys + [c.claim_key for c in context_claims.values()])
    reviews += data.review_history("relation", [entry.relation.relation_key for entry in relations])
    _write_array(
        stream, "reviews", (review_record(r) for r in sorted(reviews, key=lambda r: r.id)), last=True
    )
    stream.write("}\n")
