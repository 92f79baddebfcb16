"""Source phrases next to an attribution cue: the name after "enligt"/"säger", the subject before "said".

A phrase is anchored on registry names where possible: the first known name close to the cue, extended
through a chain of names that follow each other with only descriptive words between them ("SOHR-leder
Rami Abdulrahman", "hærens talsmann Ali Mayhoub"); the last name of the chain is the speaker. Without a
known name the phrase is the run of words up to a stop word, resolved as a possibly new source.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import NamedTuple

from factcheck.extract.attribution_lexicon import AttributionLexicon
from factcheck.resolve import Mention, Registry, Resolution

# A source phrase never runs across these: clause punctuation, quotes, dashes, a full stop before a space.
# A full stop after a capital is an initial or an acronym ("U.S. officials", "Col. Ryan Dillon").
_HARD_STOP = re.compile(r"[,;:!?()\"“”«»„–—]|(?<![A-Z])(?<!\b[A-Z][a-z])\.(?=\s|$)")
_BACK_STOP = re.compile(r"[;:!?()\"“”«»„–—]|(?<![A-Z])(?<!\b[A-Z][a-z])\.(?=\s)")
# Every stop is one of these characters. Looking for the character first and checking the full pattern only
# where one stands is several times faster than trying the alternation (with its lookbehinds) everywhere.
_STOP_CHAR = re.compile(r"[,;:!?()\"“”«»„–—.]")
_LAST_BACK_STOP_CHAR = re.compile(r"(?s:.*)[;:!?()\"“”«»„–—.]")  # greedy: the last one, found from the end
_WORD = re.compile(r"\S+")
_MAX_LEAD = 4  # descriptive words allowed before the first name ("den amerikanska antiterrorismexperten")
_MAX_LINK = 3  # descriptive words allowed between two names of one chain
_MAX_FALLBACK = 6
_ENDING_REACH = 40  # longer than any auxiliary or adverb
_TAIL = (
    200  # characters before a verb in which its subject, auxiliaries and clause start are looked for first
)


_SHORT_TAIL = 60  # characters that usually hold the few last words a phrase finder asks for


def _tail_start(text: str, end: int, reach: int = _TAIL) -> int:
    """An offset some way before ``end`` that starts a word, so a scan from it sees whole words."""
    start = end - reach
    if start <= 0:
        return 0
    while start < end and not text[start - 1].isspace():
        start += 1
    return start


def _last_words(text: str, end: int, count: int) -> list[re.Match[str]]:
    """The last ``count`` (at least one) words (runs of non-space) of ``text[:end]``, or all when fewer.

    A scan from any word start sees the last words of the whole text, so a short stretch is scanned first
    and a longer one only when it holds too few words."""
    for reach in (_SHORT_TAIL, _TAIL):
        start = _tail_start(text, end, reach)
        words = list(_WORD.finditer(text, start, end))
        if len(words) >= count or start == 0:
            return words[-count:]
    return list(_WORD.finditer(text, 0, end))[-count:]


class Phrase(NamedTuple):
    """A source phrase. A named tuple, not a frozen dataclass: as immutable, and built about twice as fast
    (the phrase finders make one for nearly every cue of a report)."""

    start: int  # offsets in the sentence
    end: int
    text: str
    resolution: Resolution | None  # None for a pronoun
    pronoun: bool = False


# Per sentence: the offset of the sentence in the text that was scanned, and the source names found there in
# that text's offsets. Shifting only the names a phrase finder asks for spares a copy of every name found.
_SCANNED: dict[tuple[int, str], tuple[int, list[Mention]]] = {}
_SCANNED_LIMIT = 4096


def sources_between(registry: Registry, sentence: str, start: int, end: int) -> list[Mention]:
    """Known source names wholly inside ``sentence[start:end]``, with offsets relative to ``start``.

    The sentence is scanned once and the result kept: the phrase finders look at many overlapping
    windows of the same sentence."""
    key = (id(registry), sentence)
    found = _SCANNED.get(key)
    if found is None:
        if len(_SCANNED) >= _SCANNED_LIMIT:
            _SCANNED.clear()
        found = _SCANNED[key] = (0, registry.find_sources(sentence))
    base, mentions = found
    shift = base + start
    high = base + end
    return [
        Mention(m.start - shift, m.end - shift, m.text, m.canonical, m.kind, m.score)
        for m in mentions
        if shift <= m.start and m.end <= high
    ]


def scan_sources(
    registry: Registry,
    text: str,
    spans: list[tuple[int, int]],
    sentences: list[str],
    needed: Collection[str] | None = None,
) -> None:
    """Scan a whole report once and keep each sentence's source names, so that phrase finders never
    scan a sentence again. A name across a sentence boundary belongs to neither. ``sentences`` are the
    texts of ``spans``.

    Only the sentences whose text is in ``needed`` (all when None) are kept: phrase finders look only at
    sentences with a cue. Every sentence with such a text is kept, so that of two equal sentences the later
    one's names are the ones found, as when all are kept."""
    mentions = registry.find_sources(text)
    if len(_SCANNED) + len(spans) > _SCANNED_LIMIT:
        _SCANNED.clear()
    position = 0
    count = len(mentions)
    for (start, end), sentence in zip(spans, sentences, strict=True):
        while position < count and mentions[position].start < start:
            position += 1
        if needed is not None and sentence not in needed:
            continue
        index = position
        while index < count and mentions[index].end <= end:
            index += 1
        _SCANNED[(id(registry), sentence)] = (start, mentions[position:index])


def _names_a_person(registry: Registry, mention: Mention) -> bool:
    """A chain of names runs from a body to the person who speaks for it ("SOHR-leder Rami Abdulrahman");
    a group named after the body is what the clause is about ("Ifølge Syrisk Observatorium ... kontrollerer
    IS"), so it does not continue the chain."""
    resolution = registry.resolve_source(mention.text)
    return resolution is not None and resolution.type == "person"


def _bare(word: str) -> str:
    return word.strip(".,;:!?\"'“”«»()[]").lower()


def _gap_ok(gap: str, lexicon: AttributionLexicon, limit: int) -> bool:
    if not gap or gap.isspace():
        return True  # the usual gap: a name right at the cue (no word, so no cue, stop word or verb)
    words = [_bare(w) for w in gap.split()]
    if len(words) > limit or lexicon.cues.search(gap):
        return False
    return not any(w in lexicon.stop_words or w in lexicon.finite_verbs for w in words)


def _hard_stop(sentence: str, start: int) -> int:
    """Where the first hard stop at or after ``start`` stands, or the end of the sentence."""
    position = start
    while True:
        found = _STOP_CHAR.search(sentence, position)
        if found is None:
            return len(sentence)
        at = found.start()
        if _HARD_STOP.match(sentence, at) is not None:
            return at
        position = at + 1


def phrase_after(sentence: str, start: int, lexicon: AttributionLexicon, registry: Registry) -> Phrase | None:
    """The source phrase after a cue ending at ``start``; a known name in apposition wins over a description.

    "sagte der Leiter, Rami Abdel Rahman, der dpa": "Leiter" is only a role, the apposition names the speaker.
    """
    phrase = _phrase_after(sentence, start, lexicon, registry)
    if phrase is None or phrase.pronoun or phrase.resolution is None or phrase.resolution.score >= 90:
        return phrase
    comma = _APPOSITION.match(sentence, phrase.end)
    if comma is None:
        return phrase
    named = _phrase_after(sentence, comma.end(), lexicon, registry)
    if named is not None and named.resolution is not None and named.resolution.score >= 90:
        return named
    return phrase


_APPOSITION = re.compile(r"\s*,\s*")


def _phrase_after(
    sentence: str, start: int, lexicon: AttributionLexicon, registry: Registry
) -> Phrase | None:
    end = _hard_stop(sentence, start)
    window = sentence[start:end]
    lead = len(window) - len(window.lstrip())
    mentions = sources_between(registry, sentence, start, end)
    chain: Mention | None = None
    for mention in mentions:
        if chain is None:
            if _gap_ok(window[lead : mention.start], lexicon, _MAX_LEAD):
                chain = mention
            else:
                break
        elif (
            not lexicon.relay.match(window, chain.end)
            and _gap_ok(window[chain.end : mention.start], lexicon, _MAX_LINK)
            and _names_a_person(registry, mention)
        ):
            chain = mention
        else:
            break
    if chain is not None:
        text = window[lead : chain.end]
        return Phrase(start + lead, start + chain.end, text, _resolve(registry, chain.text, text))
    taken: list[re.Match[str]] = []
    for word in _WORD.finditer(window):
        bare = _bare(word.group())
        if bare in lexicon.stop_words or bare in lexicon.finite_verbs or len(taken) >= _MAX_FALLBACK:
            break
        if not bare.isalpha() and any(ch.isdigit() for ch in bare):  # letters are never digits
            # The figure starts here: "nach Angaben der Polizei 117 Menschen" keeps the name before it;
            # "believe about 1,000" has no name, only a hedge of the number.
            if not any(w.group()[:1].isupper() for w in taken):
                return None
            break
        if lexicon.relay.match(window, word.start()) and taken:
            break
        taken.append(word)
    while taken and _bare(taken[0].group()) in lexicon.articles and len(taken) > 1:
        taken.pop(0)
    if not taken or not _plausible(taken):
        return None
    text = window[taken[0].start() : taken[-1].end()]
    if len(taken) == 1 and _bare(text) in lexicon.pronouns:
        return Phrase(start + taken[0].start(), start + taken[-1].end(), text, None, pronoun=True)
    resolution = registry.resolve_source(text)
    if resolution is None:
        return None
    return Phrase(start + taken[0].start(), start + taken[-1].end(), text, resolution)


def phrase_before(sentence: str, end: int, lexicon: AttributionLexicon, registry: Registry) -> Phrase | None:
    """The subject phrase that ends right before a verb at ``end`` (auxiliaries and adverbs skipped)."""
    head = sentence[:end]
    aux = _trailing(lexicon, head)
    if aux is not None and aux > 0:
        head = head[:aux]
    head = head.rstrip()
    clause_start = _last_stop(head)
    # The subject is mostly in the last comma segment; the others are only looked at when that one is blank.
    comma = head.rfind(",", clause_start)
    last_start = comma + 1 if comma >= 0 else clause_start
    if last_start < len(head):  # ``head`` ends in a non-space, so the segment is not blank
        return _subject(sentence, last_start, len(head), lexicon, registry)
    segments = _comma_segments(head, clause_start)
    # "X, a Britain-based war monitor, said": the head noun phrase first, then the apposition.
    candidates = [segments[i] for i in (-3, -2) if len(segments) >= -i]
    for seg_start, seg_end in candidates:
        found = _subject(sentence, seg_start, seg_end, lexicon, registry, names_only=True)
        if found is not None:
            return found
    return None


def _trailing(lexicon: AttributionLexicon, head: str) -> int | None:
    """Where the run of auxiliaries and adverbs that ends ``head`` starts. Each word of the run is short, so
    the run is looked for near the end; one reaching back to the start of that stretch, in all of ``head``."""
    if not head.rstrip()[-_ENDING_REACH:].lower().endswith(lexicon.aux_endings):
        return None
    pattern = lexicon.trailing_aux
    start = _tail_start(head, len(head))
    found = pattern.search(head, start)
    if found is not None and start > 0 and found.start() < start + _TAIL // 2:
        found = pattern.search(head)
    return found.start() if found is not None else None


def _last_stop(head: str) -> int:
    """The end of the last clause stop in ``head``."""
    end = len(head)
    while True:
        found = _LAST_BACK_STOP_CHAR.match(head, 0, end)
        if found is None:
            return 0
        at = found.end() - 1
        if _BACK_STOP.match(head, at) is not None:  # the lookarounds see all of ``head``
            return at + 1
        end = at


def _comma_segments(text: str, start: int) -> list[tuple[int, int]]:
    segments = []
    position = start
    comma = text.find(",", start)
    while comma >= 0:
        segments.append((position, comma))
        position = comma + 1
        comma = text.find(",", position)
    segments.append((position, len(text)))
    return segments


def _subject(
    sentence: str,
    start: int,
    end: int,
    lexicon: AttributionLexicon,
    registry: Registry,
    names_only: bool = False,
) -> Phrase | None:
    segment = sentence[start:end]
    stripped_end = len(segment.rstrip())
    mentions = sources_between(registry, sentence, start, end)
    for mention in reversed(mentions):
        if not _gap_ok(segment[mention.end : stripped_end], lexicon, 2):
            break
        lead = _descriptive_lead(segment, mention.start, lexicon)
        text = segment[lead : mention.end]
        return Phrase(start + lead, start + mention.end, text, _resolve(registry, mention.text, text))
    if names_only:
        return None
    words = _last_words(segment, len(segment), 5)
    if not words:
        return None
    last = _bare(words[-1].group())
    if last in lexicon.pronouns:
        w = words[-1]
        return Phrase(start + w.start(), start + w.end(), w.group(), None, pronoun=True)
    taken: list[re.Match[str]] = []
    for word in reversed(words):
        bare = _bare(word.group())
        if bare in lexicon.stop_words or bare in lexicon.finite_verbs or len(taken) >= 4:
            break
        taken.append(word)
    taken.reverse()
    while taken and _bare(taken[0].group()) in lexicon.articles:
        taken.pop(0)
    if not taken or not _plausible(taken):
        return None
    text = segment[taken[0].start() : taken[-1].end()]
    resolution = registry.resolve_source(text)
    if resolution is None:
        return None
    return Phrase(start + taken[0].start(), start + taken[-1].end(), text, resolution)


def _plausible(words: list[re.Match[str]]) -> bool:
    """A name or a description, not a number or a quantity ("about 1,000")."""
    # A word of letters only has no digit; only the others need a look at each character.
    texts = [w.group() for w in words]
    return texts[0][0].isalpha() and all(t.isalpha() or not any(ch.isdigit() for ch in t) for t in texts)


def _descriptive_lead(segment: str, position: int, lexicon: AttributionLexicon) -> int:
    """Start of the descriptive words before a name ("den amerikanska antiterrorismexperten Brett McGurk")."""
    lead = position
    for word in reversed(_last_words(segment, position, _MAX_LEAD)):
        bare = _bare(word.group())
        if bare in lexicon.stop_words or bare in lexicon.finite_verbs or not word.group()[-1:].isalnum():
            break
        if not bare.isalpha() and any(ch.isdigit() for ch in bare):
            break
        lead = word.start()
    return lead


def _resolve(registry: Registry, name: str, phrase: str) -> Resolution | None:
    """Resolve the registry name, but keep the phrase as written as the mention."""
    resolution = registry.resolve_source(name)
    if resolution is None:
        return None
    return Resolution(resolution.canonical, resolution.type, resolution.score, phrase, resolution.parent)
