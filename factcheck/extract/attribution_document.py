"""Attribution across the sentences of one report.

Rules, in order (see /work/shared/gold/README.md, "Attribution conventions"):
1. A sentence's own cues decide. The speaker is the source; outlets and agencies that relay it ("..., skriver
   Reuters", "X told Y") go in ``via``, the speaker's own relay first. An outlet that is the only cue is the source.
   A pronoun speaker ("säger han") is the last person quoted; a generic description ("the monitoring group")
   is the last source of the same type named in the report; a spokesperson's words are their body's.
2. Sentences of a quotation (a line opened by a dash or quotation mark, and the sentences that follow on that
   line) take the speaker line of that quotation.
3. A reportive hedge with no source ("uppges", "reportedly", "sollen") takes the previous sentence's source.
4. Up to two unattributed sentences between two sentences with the same source take that source
   (a trailing "sier Abdulrahman til DPA" closes what Abdulrahman said before it).
5. In a run of sentences with the same source, a relay named in one applies to all of them.
Anything else is the report's own voice: background never inherits a source from an earlier sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

from factcheck.extract.attribution_lexicon import AttributionLexicon
from factcheck.extract.attribution_phrases import scan_sources
from factcheck.extract.attribution_sentence import Cue, cue_matches, sentence_cues
from factcheck.resolve import Registry
from factcheck.resolve.textscan import opener_words

_QUOTE_OPENERS = ("–", "—", "-", '"', "“", "”", "„", "«", "»", "'")
_TERMINAL = ".!?…\"'”’»:)"
_PRONOUN_REACH = 6  # sentences back a pronoun may refer
_SANDWICH_GAP = 2
_GENERIC_SCORE = 80.0


class Attribution(NamedTuple):
    """Who a sentence's words are from. A named tuple, not a frozen dataclass: as immutable, and built about
    twice as fast (every explicit cue of a report resolves to one)."""

    source: str
    mention: str
    type: str
    score: float
    via: tuple[str, ...] = ()


@dataclass(slots=True, init=False)  # __init__ written out: mypyc compiles it, not dataclass's generated one
class SentenceState:
    start: int
    end: int
    text: str
    cues: list[Cue]
    heading: bool
    quote_led: bool
    new_line: bool
    own: Attribution | None
    own_is_person: bool
    hedge: bool
    effective: Attribution | None
    in_quote: bool
    follow_up: bool  # the source was carried over from the sentence before in the same paragraph

    def __init__(
        self, start: int, end: int, text: str, cues: list[Cue], heading: bool, quote_led: bool, new_line: bool
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.cues = cues
        self.heading = heading
        self.quote_led = quote_led
        self.new_line = new_line
        self.own = None
        self.own_is_person = False
        self.hedge = False
        self.effective = None
        self.in_quote = False
        self.follow_up = False


@dataclass(slots=True)
class DocumentAttribution:
    sentences: list[SentenceState]
    starts: list[int] = field(default_factory=list)

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)


class Context:
    """What earlier sentences established: the last person quoted, the last source of each type."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.last_person: tuple[int, Attribution] | None = None
        self.by_type: dict[str, str] = {}

    def resolve(self, cue: Cue, index: int) -> tuple[Attribution | None, bool]:
        """The cue as an attribution, and whether its speaker is a person."""
        if cue.pronoun:
            if self.last_person is not None and index - self.last_person[0] <= _PRONOUN_REACH:
                return self.last_person[1], True
            return None, False
        resolution = cue.source
        if resolution is None:
            return None, False
        canonical, type_ = resolution.canonical, resolution.type
        if resolution.score == _GENERIC_SCORE and type_ in self.by_type:
            canonical = self.by_type[type_]
        is_person = type_ == "person"
        body = self.registry.speaks_for(canonical)
        if body is not None:
            canonical, type_ = body, self.registry.source_type(body) or type_
        via = (
            tuple(dict.fromkeys(r.canonical for r in cue.relays if r.canonical != canonical))
            if cue.relays
            else ()
        )
        return Attribution(canonical, resolution.mention, type_, resolution.score, via), is_person

    def remember(self, index: int, attribution: Attribution, is_person: bool) -> None:
        if is_person:
            self.last_person = (index, attribution)
        self.by_type.setdefault(attribution.type, attribution.source)
        self.by_type[attribution.type] = attribution.source


def combine(
    cues: list[Cue], context: Context, index: int, focus: int | None
) -> tuple[Attribution | None, bool]:
    """One attribution from a sentence's explicit cues: the speaker nearest ``focus``, outlets as relays."""
    if not cues:
        return None, False
    resolved: list[tuple[Cue, Attribution, bool]] = []
    for cue in cues:
        if cue.kind != "explicit":
            continue
        attribution, is_person = context.resolve(cue, index)
        if attribution is not None:
            resolved.append((cue, attribution, is_person))
    if not resolved:
        return None, False
    if len(resolved) == 1:
        # The usual sentence: one speaker, whose own relays (without itself, each once) are all there is.
        return resolved[0][1], resolved[0][2]
    speakers = [r for r in resolved if not r[0].is_outlet or r[0].pronoun]
    pool = speakers or resolved
    primary = pool[0] if focus is None else min(pool, key=lambda r: abs(r[0].position - focus))
    via = list(primary[1].via)
    for cue, attribution, _ in resolved:
        if cue is primary[0] or attribution.source == primary[1].source:
            continue
        if cue.is_outlet:
            via.extend([attribution.source, *attribution.via])
    chosen = primary[1]
    relays = tuple(v for v in dict.fromkeys(via) if v != chosen.source)
    if relays == chosen.via:
        return chosen, primary[2]  # an attribution is immutable: the speaker's own serves as it is
    return Attribution(chosen.source, chosen.mention, chosen.type, chosen.score, relays), primary[2]


def analyse(
    text: str, spans: list[tuple[int, int]], lexicon: AttributionLexicon, registry: Registry
) -> DocumentAttribution:
    texts = [text[start:end] for start, end in spans]
    openers = _openers_by_sentence(opener_words(text, lexicon.cue_openers, case_sensitive=False), spans)
    matches = [cue_matches(texts[i], found, lexicon) if found else [] for i, found in enumerate(openers)]
    # Only a source phrase next to a cue needs the names in a sentence: only sentences with such a cue keep
    # theirs, and a report with no such cue (none, or only hedges) is not scanned for them at all.
    needed = {texts[i] for i, found in enumerate(matches) if any(m.lastgroup != "hedge" for m in found)}
    if needed:
        scan_sources(registry, text, spans, texts, needed)
    sentences = [_state(text, spans, texts, i, matches[i], lexicon, registry) for i in range(len(spans))]
    context = Context(registry)
    for index, state in enumerate(sentences):
        if not state.cues:
            continue  # no hedge, no source of its own: the defaults of a sentence state
        state.hedge = any(c.kind == "hedge" for c in state.cues)
        state.own, state.own_is_person = combine(state.cues, context, index, None)
        if state.own is not None:
            context.remember(index, state.own, state.own_is_person)
    _mark_quotes(sentences)
    _apply_quotes(sentences)
    _apply_hedges(sentences)
    _apply_sandwich(sentences)
    _apply_follow_ups(sentences)
    _unify_runs(sentences)
    return DocumentAttribution(sentences, [s.start for s in sentences])


def _openers_by_sentence(
    openers: list[tuple[int, str]], spans: list[tuple[int, int]]
) -> list[list[tuple[int, str]]]:
    """The words that may open a cue, as (sentence offset, word), per sentence. Both lists are in text
    order, so one walk along them places every word (a word between two sentences belongs to neither)."""
    per_sentence: list[list[tuple[int, str]]] = [[] for _ in spans]
    index, count = 0, len(spans)
    for at, word in openers:
        while index < count and spans[index][1] <= at:
            index += 1
        if index == count:
            break
        start = spans[index][0]
        if at >= start:
            per_sentence[index].append((at - start, word))
    return per_sentence


def _state(
    text: str,
    spans: list[tuple[int, int]],
    texts: list[str],
    i: int,
    matches: list[re.Match[str]],
    lexicon: AttributionLexicon,
    registry: Registry,
) -> SentenceState:
    start, end = spans[i]
    sentence = texts[i]
    cues = sentence_cues(sentence, lexicon, registry, matches) if matches else []
    heading = not cues and sentence.rstrip()[-1:] not in _TERMINAL and len(sentence.split()) <= 10
    return SentenceState(
        start=start,
        end=end,
        text=sentence,
        cues=cues,
        heading=heading,
        quote_led=sentence.lstrip().startswith(_QUOTE_OPENERS),
        new_line=i == 0 or text.find("\n", spans[i - 1][1], start) >= 0,
    )


def _mark_quotes(sentences: list[SentenceState]) -> None:
    for i, state in enumerate(sentences):
        if state.quote_led or (i and not state.new_line and sentences[i - 1].in_quote):
            state.in_quote = True


def _apply_quotes(sentences: list[SentenceState]) -> None:
    i = 0
    while i < len(sentences):
        if not sentences[i].in_quote:
            i += 1
            continue
        j = i
        while j + 1 < len(sentences) and sentences[j + 1].in_quote and not sentences[j + 1].quote_led:
            j += 1
        # A block: quote-led sentence i and its continuation on the same line up to j.
        while j + 1 < len(sentences) and sentences[j + 1].in_quote and not sentences[j + 1].new_line:
            j += 1
        speakers = [s.own for s in sentences[i : j + 1] if s.own is not None]
        for state in sentences[i : j + 1]:
            state.effective = state.own or (speakers[-1] if speakers else None)
        i = j + 1
    for state in sentences:
        if state.effective is None and not state.in_quote:
            state.effective = state.own


def _previous(sentences: list[SentenceState], i: int) -> int | None:
    j = i - 1
    while j >= 0 and sentences[j].heading:
        j -= 1
    return j if j >= 0 else None


def _next(sentences: list[SentenceState], i: int) -> int | None:
    j = i + 1
    while j < len(sentences) and sentences[j].heading:
        j += 1
    return j if j < len(sentences) else None


def _apply_hedges(sentences: list[SentenceState]) -> None:
    for i, state in enumerate(sentences):
        if state.effective is not None or not state.hedge:
            continue
        p = _previous(sentences, i)
        if p is not None and not sentences[p].in_quote and sentences[p].effective is not None:
            state.effective = sentences[p].effective


def _apply_sandwich(sentences: list[SentenceState]) -> None:
    for i, state in enumerate(sentences):
        if state.effective is not None or state.heading or state.in_quote:
            continue
        p = _previous(sentences, i)
        if p is None:
            continue
        before = sentences[p].effective
        if before is None:
            continue
        gap = [i]
        n = _next(sentences, i)
        while n is not None and sentences[n].own is None and len(gap) < _SANDWICH_GAP:
            if sentences[n].in_quote:
                n = None
                break
            gap.append(n)
            n = _next(sentences, n)
        after = sentences[n].own if n is not None else None
        if after is None or after.source != before.source:
            continue
        filled = before._replace(via=after.via or before.via)
        for g in gap:
            sentences[g].effective = filled


def _apply_follow_ups(sentences: list[SentenceState]) -> None:
    """A sentence with no source of its own that goes on in the same paragraph as a sourced one continues
    its report ("Enligt FN har 10 000 dödats. Omkring tre miljoner har tvingats fly ..."). Geography in such a
    sentence stays the report's own voice; attribute() leaves distances out."""
    for i, state in enumerate(sentences):
        if i == 0 or state.effective is not None or state.heading or state.in_quote or state.new_line:
            continue
        before = sentences[i - 1]
        if before.effective is None or before.in_quote or before.heading or before.follow_up:
            continue
        state.effective = before.effective
        state.follow_up = True


def _unify_runs(sentences: list[SentenceState]) -> None:
    runs: list[list[int]] = []
    for i, state in enumerate(sentences):
        if state.heading:
            continue
        source = state.effective.source if state.effective else None
        if source is None:
            runs.append([])
            continue
        if runs and runs[-1] and sentences[runs[-1][-1]].effective.source == source:  # type: ignore[union-attr]
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        with_via = [i for i in run if sentences[i].effective.via]  # type: ignore[union-attr]
        if not with_via or len(with_via) == len(run):
            continue
        for i in run:
            effective = sentences[i].effective
            assert effective is not None
            if not effective.via:
                nearest = min(with_via, key=lambda j: abs(j - i))
                sentences[i].effective = effective._replace(via=sentences[nearest].effective.via)  # type: ignore[union-attr]
