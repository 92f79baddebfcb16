"""From number mentions to claims: keep the numbers that state an amount, and say what each one claims."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from factcheck.domain import Claim, Quantity
from factcheck.extract.claim_context import ClaimSpot, ContextResolver, DocumentEntities
from factcheck.extract.claim_dates import claim_as_of
from factcheck.extract.claim_kinds import Classification, classify, is_estimate, words_of
from factcheck.extract.claim_lexicon import load_claim_lexicon
from factcheck.extract.claim_subject import claim_subject
from factcheck.extract.sentences import split_sentences


def build_claims(
    text: str,
    language: str,
    quantities: Sequence[Quantity],
    published: str | None = None,
    registry: Any = None,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[Claim]:
    """Claims for the quantities that are claims, with kind, unit, subject, actor, location and as_of.

    Attribution fields stay empty here; ``factcheck.extract.attribution`` fills them.
    """
    if not quantities:
        return []
    lexicon = load_claim_lexicon(language)
    spans = list(sentences) if sentences is not None else split_sentences(text, language)
    starts = [start for start, _ in spans]
    words_cache: dict[int, list] = {}
    kept: list[tuple[Quantity, int, Classification, bool]] = []
    for quantity in sorted(quantities, key=lambda q: (q.start, q.end)):
        index = bisect_right(starts, quantity.start) - 1
        if index < 0 or quantity.start >= spans[index][1]:
            continue
        start, end = spans[index]
        sentence = text[start:end]
        words = words_cache.get(index)
        if words is None:
            words = words_cache[index] = words_of(sentence)
        classification = classify(quantity, sentence, start, lexicon, words)
        if classification is not None:
            estimate = quantity.approximate or is_estimate(quantity, start, lexicon, words)
            kept.append((quantity, index, classification, estimate))
    if not kept:
        return []
    resolver = ContextResolver(DocumentEntities.find(text, registry), lexicon)
    earlier: list[tuple[ClaimSpot, str | None]] = []
    claims: list[Claim] = []
    for quantity, index, classification, approximate in kept:
        start, end = spans[index]
        sentence = text[start:end]
        spot = ClaimSpot(
            start=quantity.start,
            end=quantity.end,
            sentence_start=start,
            sentence_end=end,
            previous_start=spans[index - 1][0] if index > 0 else start,
            kind=classification.kind,
            noun_start=start + classification.noun_start if classification.noun_start is not None else None,
            noun_end=start + classification.noun_end if classification.noun_end is not None else None,
        )
        if spot.kind == "ratio" and classification.unit == "percent" and resolver.share_of_place(spot):
            spot = replace(spot, kind="control_share")
            classification = replace(classification, kind="control_share")
        location = resolver.location(spot, earlier)
        actor = resolver.actor(spot)
        earlier.append((spot, location))
        claims.append(
            Claim(
                start=quantity.start,
                end=quantity.end,
                text=quantity.text,
                sentence=sentence,
                value_low=quantity.value_low,
                value_high=quantity.value_high,
                unit=classification.unit,
                kind=classification.kind,
                approximate=approximate,
                vague=quantity.vague,
                subject=claim_subject(classification.kind, actor, location, classification.noun),
                actor=actor,
                location=location,
                as_of=claim_as_of(sentence, quantity.start - start, published, lexicon),
                sentence_start=start,
            )
        )
    return claims
