"""The filter an export used, as data (for JSON and the HTML metadata) and as a sentence."""

from __future__ import annotations

from typing import Any

from factcheck.export.data import ReportContext


def filter_fields(context: ReportContext) -> dict[str, Any]:
    claim_filter = context.claim_filter
    return {
        "kind": claim_filter.kind,
        "source": claim_filter.source,
        "location": claim_filter.location,
        "language": claim_filter.language,
        "status": claim_filter.status,
        "since": claim_filter.since,
        "until": claim_filter.until,
        "only_contradictions": context.only_contradictions,
    }


def describe_filter(context: ReportContext) -> str:
    parts = [
        f"{name}={value}" for name, value in filter_fields(context).items() if value not in (None, False)
    ]
    return ", ".join(parts) if parts else "all claims"
