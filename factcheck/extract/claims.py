"""From number mentions to claims: keep the numbers that state an amount, and say what each one claims."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from typing import Any

from factcheck.domain import Claim, Quantity
from factcheck.extract.claim_context import ClaimSpot, ContextResolver, DocumentEntities
from factcheck.extract.claim_dates import claim_as_of, full_date, relative_day_marks
from factcheck.extract.claim_kinds import Classification, classify, is_estimate
from factcheck.extract.claim_lexicon import load_claim_lexicon
from factcheck.extract.claim_sentence import SentenceView
from factcheck.extract.claim_since import report_days as full_span
from factcheck.extract.claim_since import since_states, state_near
from factcheck.extract.claim_subject import claim_subject
from factcheck.extract.sentences import split_sentences

# (start, kind) of each claim -> the Claim keyword arguments of its attribution (source, via, ...)
Attribute = Callable[[list[tuple[int, str]]], list[dict[str, Any]]]


_PEOPLE = frozenset({"civilians", "casualties", "displaced", "fighters"})


def _part_of_previous(
    classification: Classification,
    quantity: Quantity,
    index: int,
    sentence_start: int,
    sentence: str,
    kept: list[tuple[Quantity, int, Classification, bool]],
    lexicon: Any,
) -> Classification:
    """ "3 250 drept, blant dem 1 130 sivile", "3200 Tote, darunter 1130 Zivilisten": the part shares the
    kind of the figure it is part of (the dead), whatever its own noun says (civilians)."""
    if lexicon.among is None or classification.kind not in _PEOPLE or not kept:
        return classification
    previous, previous_index, previous_class, _ = kept[-1]
    if previous_index != index or previous_class.kind not in ("casualties", "displaced"):
        return classification
    head = sentence[max(0, previous.end - sentence_start) : quantity.start - sentence_start]
    if previous_class.kind == classification.kind or not lexicon.among.search(head.lower().rstrip(" ,:")):
        return classification
    return replace(classification, kind=previous_class.kind)


_FIGURE_GAP = 3  # "1 2 3", "1,5 000.2": at most this many characters between figures in a bare run


def _inside_bare_figures(text: str, ordered: Sequence[Quantity], position: int) -> bool:
    """A figure with figures right before and after it and no word between ("3 1 4 1 5 9", a table row
    flattened into a line) counts nothing that could be named: the run is a list of numbers, not claims.
    Without this a page of bare figures would make a claim of every one of them."""
    if position == 0 or position + 1 >= len(ordered):
        return False
    quantity = ordered[position]
    return _bare_gap(text, ordered[position - 1].end, quantity.start) and _bare_gap(
        text, quantity.end, ordered[position + 1].start
    )


def _bare_gap(text: str, start: int, end: int) -> bool:
    if not 0 <= end - start <= _FIGURE_GAP:
        return False
    return not any(ch.isalpha() for ch in text[start:end])


def _since_claims(
    text: str,
    spans: Sequence[tuple[int, int]],
    published: str | None,
    lexicon: Any,
    views: dict[int, SentenceView],
) -> list[tuple[Quantity, int, Classification, bool]]:
    """ "besieged by IS since 2015": a state held since a year, a duration to the report's date. Years are
    dates to the number layer, so the sentences are searched here; only a report with a date has them."""
    if lexicon.since_pattern is None or full_span(published) is None:
        return []
    found: list[tuple[Quantity, int, Classification, bool]] = []
    for index, (start, end) in enumerate(spans):
        if lexicon.since_pattern.search(text, start, end) is None:
            continue
        view = views.get(index)
        if view is None:
            view = views[index] = SentenceView(text[start:end])
        for state in since_states(view, start, published, lexicon):
            found.append((state.quantity, index, Classification("duration", "years", state.state), True))
    return found


def _merged(
    kept: list[tuple[Quantity, int, Classification, bool]],
    since: list[tuple[Quantity, int, Classification, bool]],
) -> list[tuple[Quantity, int, Classification, bool]]:
    """Both lists in text order; a number the number layer also read inside a since phrase is dropped."""
    taken = [(q.start, q.end) for q, *_ in since]
    others = [k for k in kept if not any(s < k[0].end and k[0].start < e for s, e in taken)]
    return sorted(others + since, key=lambda k: (k[0].start, k[0].end))


def build_claims(
    text: str,
    language: str,
    quantities: Sequence[Quantity],
    published: str | None = None,
    registry: Any = None,
    sentences: Sequence[tuple[int, int]] | None = None,
    attribute: Attribute | None = None,
) -> list[Claim]:
    """Claims for the quantities that are claims, with kind, unit, subject, actor, location and as_of.

    ``attribute`` fills the source fields (``factcheck.extract.attribution``); when given, the actor is
    chosen after it, so that the group a claim is attributed to ("enligt SDF") is not taken for the group
    the claim is about.
    """
    lexicon = load_claim_lexicon(language)
    spans = list(sentences) if sentences is not None else split_sentences(text, language)
    starts = [start for start, _ in spans]
    # Each sentence is read once, however many numbers it holds.
    views: dict[int, SentenceView] = {}
    kept: list[tuple[Quantity, int, Classification, bool]] = []
    since = _since_claims(text, spans, published, lexicon, views)
    if not quantities and not since:
        return []
    ordered = sorted(quantities, key=lambda q: (q.start, q.end))
    for position, quantity in enumerate(ordered):
        if _inside_bare_figures(text, ordered, position):
            continue
        index = bisect_right(starts, quantity.start) - 1
        if index < 0 or quantity.start >= spans[index][1]:
            continue
        start, end = spans[index]
        view = views.get(index)
        if view is None:
            view = views[index] = SentenceView(text[start:end])
        classification = classify(quantity, view, start, lexicon)
        if classification is not None:
            classification = _part_of_previous(
                classification, quantity, index, start, view.text, kept, lexicon
            )
            if classification.kind == "duration" and classification.noun is None:
                # "belägrat i tre år": the duration of a siege, as a "since 2015" elsewhere may be.
                state = state_near(view, quantity.start - start, quantity.end - start, lexicon)
                classification = replace(classification, noun=state)
            estimate = quantity.approximate or is_estimate(quantity, start, lexicon, view)
            kept.append((quantity, index, classification, estimate))
    since_quantities = {quantity for quantity, *_ in since}
    if since:
        kept = _merged(kept, since)
    if not kept:
        return []
    resolver = ContextResolver(DocumentEntities.find(text, registry), lexicon)
    dated = full_date(published) is not None and lexicon.relative_days.pattern is not None
    drafts: list[dict[str, Any]] = []
    spots: list[ClaimSpot] = []
    nouns: list[str | None] = []
    for quantity, index, classification, approximate in kept:
        start, end = spans[index]
        view = views[index]
        sentence = view.text
        spot = ClaimSpot(  # positional: a keyword call costs more, and there is one per claim
            quantity.start,
            quantity.end,
            start,
            end,
            spans[index - 1][0] if index > 0 else start,  # previous_start
            classification.kind,
            start + classification.noun_start if classification.noun_start is not None else None,
            start + classification.noun_end if classification.noun_end is not None else None,
        )
        if (
            spot.kind == "ratio"
            and classification.unit == "percent"
            and not view.memo("ratio_cues", lexicon.ratio_cues.in_text, view.lowered, view.lowers)
            and resolver.share_of_place(spot)
        ):
            spot.kind = "control_share"
            classification = replace(classification, kind="control_share")
        location = resolver.location(spot)
        resolver.note(spot, location)
        spots.append(spot)
        nouns.append(classification.noun)
        drafts.append(
            {
                "start": quantity.start,
                "end": quantity.end,
                "text": quantity.text,
                "sentence": sentence,
                "value_low": quantity.value_low,
                "value_high": quantity.value_high,
                "unit": classification.unit,
                "kind": classification.kind,
                "approximate": approximate,
                "vague": quantity.vague,
                "location": location,
                # A since duration runs to the report's date, whatever day the sentence names; without a
                # full report date no relative day can be resolved, so the sentence is not searched.
                "as_of": published
                if not dated or quantity in since_quantities
                else claim_as_of(
                    sentence,
                    quantity.start - start,
                    published,
                    lexicon,
                    view.memo("days", relative_day_marks, sentence, lexicon),
                ),
                "sentence_start": start,
            }
        )
    if attribute is not None:
        sourced = attribute([(d["start"], d["kind"]) for d in drafts])
    else:
        sourced = [{} for _ in drafts]
    claims: list[Claim] = []
    for draft, found, spot, noun in zip(drafts, sourced, spots, nouns, strict=True):
        # The actor is chosen after attribution: the group a claim is attributed to is not its actor.
        actor = resolver.actor(spot, found.get("source_mention"))
        subject = claim_subject(draft["kind"], actor, draft["location"], noun)
        claims.append(_claim(draft, found, actor, subject))
    return claims


# Claim's fields in order; a keyword call of its frozen twenty-field __init__ costs ~40% more than a
# positional one, and every figure of every report makes one.
_CLAIM_FIELDS = (
    "start", "end", "text", "sentence", "value_low", "value_high", "unit", "kind", "approximate", "vague",
    "subject", "actor", "location", "as_of", "source", "source_mention", "source_type", "source_score", "via",
    "sentence_start",
)  # fmt: skip
if tuple(f.name for f in fields(Claim)) != _CLAIM_FIELDS:  # pragma: no cover - guards a change to Claim
    raise ImportError("factcheck.domain.Claim's fields changed: update claims._CLAIM_FIELDS and _claim")
_SOURCE_FIELDS = frozenset({"source", "source_mention", "source_type", "source_score", "via"})


def _claim(draft: dict[str, Any], found: dict[str, Any], actor: str | None, subject: str) -> Claim:
    """``Claim(**draft, **found, actor=actor, subject=subject)``, called positionally."""
    if not found.keys() <= _SOURCE_FIELDS:
        return Claim(**draft, **found, actor=actor, subject=subject)  # let Claim reject what it must
    get = found.get
    return Claim(
        draft["start"],
        draft["end"],
        draft["text"],
        draft["sentence"],
        draft["value_low"],
        draft["value_high"],
        draft["unit"],
        draft["kind"],
        draft["approximate"],
        draft["vague"],
        subject,
        actor,
        draft["location"],
        draft["as_of"],
        get("source"),
        get("source_mention"),
        get("source_type"),
        get("source_score"),
        get("via", ()),
        draft["sentence_start"],
    )
