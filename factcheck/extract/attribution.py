"""Who a report says claims each number, and through whom: ``attribute(text, claims, language)``.

Sentence-level cues come from lexicons/attribution/<lang>.json (attribution_sentence.py); the rules that carry a
source between sentences are in attribution_document.py. A wire agency named in the byline of a republished
report ("By Reuters") is added to ``via`` of every claim; the publishing outlet itself is never listed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from factcheck.domain import Claim
from factcheck.extract.attribution_document import Attribution, Context, SentenceState, analyse, combine
from factcheck.extract.attribution_lexicon import AttributionLexicon, attribution_lexicon
from factcheck.resolve import Registry, get_registry

_BACKGROUND_KINDS = frozenset({"distance", "area"})
_BYLINE_REACH = 1500  # bylines sit at the top of a report
_NAME_SPLIT = re.compile(r"\s*(?:/|,|&|\band\b|\boch\b|\bog\b|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)


def attribute(
    text: str, claims: Sequence[Claim], language: str, registry: Registry | None = None
) -> list[Claim]:
    """Copies of ``claims`` with source, source_mention, source_type, source_score and via filled."""
    if not claims:
        return []
    fields = attribution_fields(text, [(c.start, c.kind) for c in claims], language, registry)
    return [replace(claim, **found) for claim, found in zip(claims, fields, strict=True)]


def attribution_fields(
    text: str, claims: Sequence[tuple[int, str]], language: str, registry: Registry | None = None
) -> list[dict[str, Any]]:
    """For claims given as (start offset, kind): the values of source, source_mention, source_type,
    source_score and via, as keyword arguments of Claim (a claim is then built once, not copied)."""
    if not claims:
        return []
    from factcheck.extract.sentences import split_sentences

    registry = registry or get_registry()
    lexicon = attribution_lexicon(language)
    spans = split_sentences(text, language)
    if not spans:
        return [{} for _ in claims]
    document = analyse(text, spans, lexicon, registry)
    wire = byline_agencies(text, lexicon, registry)
    indices = [document.sentence_at(start) for start, _ in claims]  # each claim's sentence, looked up once
    claimed = set(indices)
    attributed = []
    for (start, kind), index in zip(claims, indices, strict=True):
        state = document.sentences[index]
        found = state.effective
        speakers = [c for c in state.cues if c.kind == "explicit" and not c.is_outlet]
        if len(speakers) > 1:
            found = _nearest(state, index, start - state.start, registry) or found
        if state.follow_up and found is state.effective and not _continues_figures(kind, index, claimed):
            found = None
        attributed.append(_fields(found, wire))
    return attributed


def _continues_figures(kind: str, index: int, claimed: set[int]) -> bool:
    """A figure in a sentence that goes on from a sourced sentence with figures of its own continues that
    report ("Enligt FN har 10 000 dödats. Omkring tre miljoner har tvingats fly"); background does not:
    geography ("Staden ligger fem mil från ..."), or a sentence after one that gave no figure."""
    return kind not in _BACKGROUND_KINDS and index - 1 in claimed


def _nearest(state: SentenceState, index: int, focus: int, registry: Registry) -> Attribution | None:
    found, _ = combine(state.cues, Context(registry), index, focus)
    if found is not None and state.effective is not None and found.source == state.effective.source:
        return state.effective
    return found


def _fields(found: Attribution | None, wire: tuple[str, ...]) -> dict[str, Any]:
    source = found.source if found else None
    via = [*(found.via if found else ()), *wire]
    via = [v for v in dict.fromkeys(via) if v != source]
    if found is None:
        return {"via": tuple(via)}
    return {
        "source": found.source,
        "source_mention": found.mention,
        "source_type": found.type,
        "source_score": found.score,
        "via": tuple(via),
    }


def byline_agencies(text: str, lexicon: AttributionLexicon, registry: Registry) -> tuple[str, ...]:
    """News agencies named in a byline line near the top ("By Reuters", "Av TT", "Von dpa")."""
    head = text[:_BYLINE_REACH]
    # The byline pattern tries every position of the head; most reports hold none of its (case-sensitive)
    # first words at all, and a substring search rules that out many times faster.
    if not any(word in head for word in lexicon.byline_openers):
        return ()
    agencies: list[str] = []
    for match in lexicon.byline.finditer(head):
        for name in _NAME_SPLIT.split(match.group("name")):
            resolution = registry.resolve_known_source(name) if name.strip() else None
            if resolution is not None and resolution.type == "news agency":
                agencies.append(resolution.canonical)
    return tuple(dict.fromkeys(agencies))
