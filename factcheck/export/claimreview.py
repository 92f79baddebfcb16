"""schema.org ClaimReview JSON-LD for every claim an editor has given a verdict.

One JSON array of ClaimReview objects, each complete on its own (with its @context), so a
partner can take any one and embed it in a page; the text is safe inside <script> elements.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from factcheck.export.data import ExportData, Publisher, ReportContext, iso_time
from factcheck.export.safety import script_safe_json
from factcheck.store.queries import ClaimView
from factcheck.store.reviews import ReviewView

BEST_RATING = 3
WORST_RATING = 1
# Verdict -> (ratingValue, alternateName): the wording readers see next to the rating.
RATINGS = {
    "verified": (3, "Accurate"),
    "needs_source": (2, "Unsupported: needs a source"),
    "disputed": (1, "Disputed"),
}
PERSON_TYPES = frozenset({"person", "official", "expert", "spokesperson"})


def review_url(publisher: Publisher, claim_key: str) -> str:
    """Where the review lives: the publisher's page with a fragment, or a URN when no page is set."""
    if publisher.url:
        return f"{publisher.url.rstrip('#')}#claim-{claim_key}"
    return f"urn:factcheck:claim:{claim_key}"


def _claim_author(claim: ClaimView) -> dict[str, Any]:
    if claim.source:
        kind = "Person" if (claim.source_type or "").lower() in PERSON_TYPES else "Organization"
        return {"@type": kind, "name": claim.source}
    # The report's own voice: the claim is the report's.
    return {"@type": "Organization", "name": claim.document}


def _appearance(claim: ClaimView) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": claim.document}
    if "://" in claim.origin:
        work["url"] = claim.origin
    if claim.published:
        work["datePublished"] = claim.published
    return work


def claim_review(claim: ClaimView, review: ReviewView, publisher: Publisher) -> dict[str, Any]:
    rating_value, rating_name = RATINGS[review.verdict]
    author: dict[str, Any] = {"@type": "Organization", "name": publisher.name}
    if publisher.url:
        author["url"] = publisher.url
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": _claim_author(claim),
        "datePublished": claim.published or claim.as_of,
        "appearance": [_appearance(claim)],
    }
    if item["datePublished"] is None:
        del item["datePublished"]
    record: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review_url(publisher, claim.claim_key),
        "claimReviewed": " ".join(claim.sentence.split()),
        "datePublished": (iso_time(review.created_at) or "")[:10],
        "author": author,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating_value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": rating_name,
        },
        "itemReviewed": item,
        "identifier": claim.claim_key,
    }
    if review.note:
        record["reviewBody"] = review.note
    return record


def write_claimreview(data: ExportData, context: ReportContext, stream: TextIO) -> None:
    stream.write("[")
    first = True
    for claim in data.claims():
        review = data.claim_decision(claim)
        if review is None or review.verdict not in RATINGS:
            continue
        encoded = json.dumps(claim_review(claim, review, context.publisher), ensure_ascii=False, indent=2)
        stream.write(("\n" if first else ",\n") + script_safe_json(encoded))
        first = False
    stream.write("]\n" if first else "\n]\n")
