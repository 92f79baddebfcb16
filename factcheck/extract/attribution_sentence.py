"""Attribution cues inside one sentence: who is said to speak, through whom, or a bare reportive hedge."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.attribution_lexicon import AttributionLexicon
from factcheck.extract.attribution_phrases import Phrase, phrase_after, phrase_before, sources_between
from factcheck.resolve import Registry, Resolution

RELAY_TYPES = frozenset({"news agency", "outlet"})
_ELIDED_ARTICLE = 3  # "l'AFP": what may stand before the outlet's name
_RELAY_REACH = 80  # characters after a source phrase in which a relay ("till Independent") is looked for
_OPENERS = "\"“”„«»'‘’–—-:.!?("
_INVERSION_MARKS = frozenset(",\"”»’'–—:")
_WORD_AT = re.compile(r"[^\W_]+")


@dataclass(slots=True, init=False)  # __init__ written out: mypyc compiles it, not dataclass's generated one
class Cue:
    """One attribution in a sentence. ``source`` None with ``pronoun`` True means "han"/"he"."""

    position: int  # sentence offset of the cue word
    kind: str  # "explicit" or "hedge"
    source: Resolution | None
    pronoun: bool
    relays: list[Resolution]

    def __init__(
        self, position: int, kind: str, source: Resolution | None = None, pronoun: bool = False
    ) -> None:
        self.position = position
        self.kind = kind
        self.source = source
        self.pronoun = pronoun
        self.relays = []

    @property
    def is_outlet(self) -> bool:
        return self.source is not None and self.source.type in RELAY_TYPES


def cue_matches(
    sentence: str, openers: list[tuple[int, str]], lexicon: AttributionLexicon
) -> list[re.Match[str]]:
    """Cue matches at candidate ``openers``: (sentence offset, lower-case word) of words that can open a cue."""
    matches: list[re.Match[str]] = []
    covered = 0
    size = len(sentence)
    for start, word in openers:
        if start < covered:
            continue
        if not word.isascii() or start + len(word) > size:  # the rare word ``_written`` must read again
            word = _written(sentence, start, word)
        pattern = lexicon.cues_at(word)
        match = pattern.match(sentence, start) if pattern is not None else None
        if match is not None:
            matches.append(match)
            covered = match.end()
    return matches


def _written(sentence: str, start: int, word: str) -> str:
    """The word at ``start`` as written in the sentence, lower-cased, given ``word``: that word as the text
    scanner lower-cased it in the whole text. The two are the same but for a final sigma (lower-cased by its
    context, never in ASCII) or a sentence cut inside a word, so the sentence is read again only then."""
    if word.isascii() and start + len(word) <= len(sentence):
        return word  # cue_matches asks only for other words, but the rule stays whole here
    found = _WORD_AT.match(sentence, start)
    return found.group().lower() if found is not None else ""


def sentence_cues(
    sentence: str,
    lexicon: AttributionLexicon,
    registry: Registry,
    matches: list[re.Match[str]] | None = None,
) -> list[Cue]:
    cues: list[Cue] = []
    for match in lexicon.cues.finditer(sentence) if matches is None else matches:
        if _capitalised_inside(sentence, match.start()):
            continue  # "The United States", "Says Law": a capitalised word mid-sentence is a name, not a cue
        group = match.lastgroup
        if group == "hedge":
            cues.append(Cue(match.start(), "hedge"))
            continue
        if group == "prep":
            phrase = phrase_after(sentence, match.end(), lexicon, registry)
            cue = _cue(match.start(), phrase)
            if cue is not None:
                _add_relay(cue, sentence, phrase.end if phrase else match.end(), lexicon, registry, False)
        elif group == "post":
            cue = _cue(match.start(), phrase_before(sentence, match.start(), lexicon, registry))
        else:
            cue = _verb_cue(sentence, match, lexicon, registry)
        if cue is not None:
            cues.append(cue)
    return cues


def _capitalised_inside(sentence: str, start: int) -> bool:
    if not sentence[start].isupper():
        return False
    before = _char_before(sentence, start)
    return before != "" and before not in _OPENERS


def _char_before(sentence: str, position: int) -> str:
    """The last character before ``position`` that is not a space ("" if none): what
    ``sentence[:position].rstrip()[-1:]`` gives, without copying the sentence up to there."""
    at = position - 1
    while at >= 0 and sentence[at].isspace():
        at -= 1
    return sentence[at] if at >= 0 else ""


def _cue(position: int, phrase: Phrase | None) -> Cue | None:
    if phrase is None:
        return None
    return Cue(position, "explicit", phrase.resolution, phrase.pronoun)


def _verb_cue(
    sentence: str, match: re.Match[str], lexicon: AttributionLexicon, registry: Registry
) -> Cue | None:
    verb = match.group().lower()
    relay_verb = verb.split()[-1] in lexicon.relay_verbs
    # A cue right after a comma, quote, dash or colon puts the speaker after it: ', says X'.
    inverted_first = match.start() == 0 or _char_before(sentence, match.start()) in _INVERSION_MARKS
    attempts = ("after", "before") if inverted_first else ("before", "after")
    for side in attempts:
        if side == "after":
            relayed = _relay_then_speaker(sentence, match, lexicon, registry)
            if relayed is not None:
                return relayed
            phrase = phrase_after(sentence, match.end(), lexicon, registry)
            if phrase is None or not _ends_clause(sentence, phrase.end, lexicon):
                continue
            cue = _cue(match.start(), phrase)
            if cue is not None:
                _add_relay(cue, sentence, phrase.end, lexicon, registry, relay_verb)
                return cue
        else:
            phrase = phrase_before(sentence, match.start(), lexicon, registry)
            cue = _cue(match.start(), phrase)
            if cue is not None:
                _add_relay(cue, sentence, match.end(), lexicon, registry, relay_verb, object_first=relay_verb)
                return cue
    return None


def _relay_then_speaker(
    sentence: str, match: re.Match[str], lexicon: AttributionLexicon, registry: Registry
) -> Cue | None:
    """ "declaró a Efe el portavoz de las FSD", "a déclaré à l'AFP un porte-parole des FDS": the outlet
    the words were said to comes between the verb and the speaker."""
    relay = lexicon.relay.match(sentence, match.end())
    if relay is None:
        return None
    outlet = phrase_after(sentence, relay.end(), lexicon, registry)
    if (
        outlet is None
        or outlet.resolution is None
        or outlet.resolution.type not in RELAY_TYPES
        or outlet.resolution.score < 90
    ):
        return None
    known = sources_between(registry, sentence, relay.end(), outlet.end)
    if not known or known[0].start > _ELIDED_ARTICLE:
        return None
    end = relay.end() + known[0].end  # the outlet's own name, without what the phrase ran on into
    speaker = phrase_after(sentence, end, lexicon, registry)
    if speaker is None or speaker.pronoun or not _ends_clause(sentence, speaker.end, lexicon):
        return None
    cue = _cue(match.start(), speaker)
    if cue is None or cue.is_outlet:
        return None
    cue.relays.append(outlet.resolution)
    return cue


def _ends_clause(sentence: str, end: int, lexicon: AttributionLexicon) -> bool:
    """After an inverted subject comes punctuation, a relay or a modifier, never a finite verb."""
    rest = sentence[end:].split(None, 1)
    if not rest:
        return True
    word = rest[0].strip(".,;:!?\"'“”«»()").lower()
    return word not in lexicon.finite_verbs


def _add_relay(
    cue: Cue,
    sentence: str,
    position: int,
    lexicon: AttributionLexicon,
    registry: Registry,
    relay_verb: bool,
    object_first: bool = False,
) -> None:
    """ "säger X till Independent", "X told Reuters", "sagte X der Nachrichtenagentur dpa"."""
    if object_first:
        _relay_at(cue, sentence, position, lexicon, registry, relay_verb)
        return
    relay = lexicon.relay.match(sentence, position)
    if relay is not None and _relay_at(cue, sentence, relay.end(), lexicon, registry, relay_verb):
        return
    # Further on, past a modifier or an apposition ("sagte der Leiter, Rami Abdel Rahman, der dpa"),
    # only a known outlet or agency is taken for a relay.
    reach = sentence[position : position + _RELAY_REACH]
    # Only a relay led by a space counts here, and one after a space is rare: a plain search rules most
    # stretches out many times faster than listing every relay match (each tried from every position).
    if lexicon.relay_inside.search(reach, 1) is None:
        return
    for later in lexicon.relay.finditer(reach):
        if later.start() == 0 or not later.group()[:1].isspace():
            continue
        if _relay_at(cue, sentence, position + later.end(), lexicon, registry, False, strict=True):
            return


def _relay_at(
    cue: Cue,
    sentence: str,
    start: int,
    lexicon: AttributionLexicon,
    registry: Registry,
    relay_verb: bool,
    strict: bool = False,
) -> bool:
    phrase = phrase_after(sentence, start, lexicon, registry)
    if phrase is None or phrase.resolution is None or phrase.pronoun:
        return False
    if phrase.text.lower() in lexicon.ignore_relays:
        return False
    resolution = phrase.resolution
    if strict and resolution.score == 0.0:
        return False
    if resolution.type in RELAY_TYPES or (relay_verb and resolution.type != "collective"):
        cue.relays.append(resolution)
        return True
    return False
