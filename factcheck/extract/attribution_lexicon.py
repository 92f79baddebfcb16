"""Attribution cues of one language, read from lexicons/attribution/<lang>.json and compiled once."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from factcheck.resolve.textscan import first_word

_DIR = Path(str(resources.files("factcheck.extract"))) / "lexicons" / "attribution"


@dataclass(frozen=True, slots=True)
class AttributionLexicon:
    language: str
    cues: re.Pattern[str]  # groups: hedge, prep, post, verb
    relay_verbs: frozenset[str]
    relay: re.Pattern[str]  # a relay preposition at the start of the text after a source
    relay_inside: re.Pattern[str]  # a space, then a relay preposition: whether ``relay`` can find one inside
    trailing_aux: re.Pattern[str]  # auxiliaries/adverbs between a subject and its verb
    aux_endings: tuple[str, ...]  # lower-case last words of those, to rule the pattern out cheaply
    pronouns: frozenset[str]
    stop_words: frozenset[str]
    finite_verbs: frozenset[str]
    articles: frozenset[str]
    byline: re.Pattern[str]
    byline_openers: tuple[str, ...]  # first words of the byline prefixes, as written: one must be in the text
    ignore_relays: frozenset[str]
    cue_openers: frozenset[str]  # lower-case first words of every cue, to find candidate positions fast
    cue_groups: dict[str, list[tuple[str, str]]]  # opener -> (group, phrase), in the order of ``cues``
    _by_opener: dict[str, re.Pattern[str]]

    def cues_at(self, opener: str) -> re.Pattern[str] | None:
        """The cue pattern cut down to the phrases that open with ``opener``: at a position where that word
        stands no other phrase can match, so it matches what ``cues`` would, without trying them all."""
        pattern = self._by_opener.get(opener)
        if pattern is None:
            phrases = self.cue_groups.get(opener)
            if phrases is None:
                return None
            pattern = self._by_opener[opener] = _cue_pattern(
                {group: [p for g, p in phrases if g == group] for group in _CUE_GROUPS}
            )
        return pattern


def _alternation(words: Iterable[str]) -> str:
    parts = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(piece) for piece in word.split()) for word in parts) or "(?!)"


_CUE_GROUPS = {"hedge": "hedges", "prep": "according_to", "post": "according_to_after", "verb": "verbs"}


def _cue_pattern(phrases: dict[str, list[str]]) -> re.Pattern[str]:
    groups = "|".join(f"(?P<{group}>{_alternation(phrases[group])})" for group in _CUE_GROUPS)
    return re.compile(rf"(?<!\w)(?:{groups})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=16)
def attribution_lexicon(language: str | None) -> AttributionLexicon:
    path = _DIR / f"{language}.json"
    if not language or not path.is_file():
        path = _DIR / "en.json"
        language = "en"
    data = json.loads(path.read_text(encoding="utf-8"))
    # A language's own articles: Spanish "en" ("in") ends a source phrase, Swedish "en" ("a") opens one.
    articles = frozenset(w.lower() for w in data["articles"])
    cues = _cue_pattern({group: data[key] for group, key in _CUE_GROUPS.items()})
    cue_groups: dict[str, list[tuple[str, str]]] = {}
    for group, key in _CUE_GROUPS.items():
        for phrase in data[key]:
            if phrase.strip():
                cue_groups.setdefault(first_word(phrase.strip().lower()), []).append((group, phrase))
    relay_words = _alternation(data["relay_prepositions"])
    relay = re.compile(rf"\s*(?:{relay_words})(?!\w)\s*", re.IGNORECASE)
    relay_inside = re.compile(rf"\s(?:{relay_words})(?!\w)", re.IGNORECASE)
    between = [*data["auxiliaries"], *data["adverbs"]]
    trailing_aux = re.compile(rf"(?:(?<!\w)(?:{_alternation(between)})\s*)+$", re.IGNORECASE)
    byline = re.compile(
        rf"^[ \t]*(?:{_alternation(data['byline'])})[ \t:]+(?P<name>[^\n]{{2,80}}?)[ \t]*$",
        re.MULTILINE,
    )
    return AttributionLexicon(
        language=language,
        cues=cues,
        relay_verbs=frozenset(w.lower() for w in data["relay_verbs"]),
        relay=relay,
        relay_inside=relay_inside,
        trailing_aux=trailing_aux,
        aux_endings=tuple(sorted({w.split()[-1].lower() for w in between if w.strip()})),
        pronouns=frozenset(w.lower() for w in data["pronouns"]),
        stop_words=frozenset(w.lower() for w in data["stop_words"]) - articles,
        finite_verbs=frozenset(w.lower() for w in data["finite_verbs"]),
        articles=articles,
        byline=byline,
        byline_openers=tuple(sorted({w.split()[0] for w in data["byline"] if w.strip()})),
        ignore_relays=frozenset(w.lower() for w in data["ignore_relays"]),
        cue_openers=frozenset(
            first_word(phrase.lower())
            for key in ("hedges", "according_to", "according_to_after", "verbs")
            for phrase in data[key]
        ),
        cue_groups=cue_groups,
        _by_opener={},
    )
