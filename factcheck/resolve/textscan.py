"""Where in a text may a phrase from a known set start? Cheap candidate positions for anchored regexes.

Python's regex engine tries a big alternation at every character. Instead, the distinct words of a text are
collected once (cached for the few texts in flight: the same text is scanned for places, actors, sources and
attribution cues), intersected with the words that can open a phrase, and only those words are searched for.
The offsets of each word are kept too, since places, actors, sources and cues share many opening words.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"(?<!\w)[^\W_]+")


class _Prepared:
    """One text's lower-cased form, its distinct words, and the offsets of the words looked up so far."""

    __slots__ = ("_offsets", "_stems", "lowered", "lowered_words", "words")

    def __init__(self, text: str) -> None:
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters grow when lower-cased; keep offsets true
            lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
            self.lowered_words = frozenset(w.lower() for w in _WORD.findall(text))
        else:
            self.lowered_words = frozenset(_WORD.findall(lowered))
        self.lowered = lowered
        self.words = frozenset(_WORD.findall(text))
        self._stems: dict[bool, dict[str, str]] = {}
        self._offsets: dict[tuple[bool, str], list[int]] = {}

    def stems(self, case_sensitive: bool) -> dict[str, str]:
        """Words ending in "s", by the word without it ("raqqa" -> "raqqas"), for genitives."""
        found = self._stems.get(case_sensitive)
        if found is None:
            present = self.words if case_sensitive else self.lowered_words
            found = self._stems[case_sensitive] = {w[:-1]: w for w in present if w[-1] == "s"}
        return found

    def offsets(self, word: str, case_sensitive: bool, text: str) -> list[int]:
        key = (case_sensitive, word)
        found = self._offsets.get(key)
        if found is None:
            haystack = text if case_sensitive else self.lowered
            found = []
            for match in _finder(word).finditer(haystack):
                at = match.start()
                if at == 0 or not (haystack[at - 1].isalnum() or haystack[at - 1] == "_"):
                    found.append(at)
            self._offsets[key] = found
        return found


@lru_cache(maxsize=8)
def _prepared(text: str) -> _Prepared:
    return _Prepared(text)


def first_word(phrase: str) -> str:
    match = _WORD.match(phrase)
    return match.group() if match else phrase


def opener_starts(
    text: str, openers: frozenset[str], case_sensitive: bool, genitive: bool = False
) -> list[int]:
    """Sorted offsets of the words of ``text`` in ``openers`` (lower-case openers unless case_sensitive).

    With ``genitive``, a word that is an opener plus a final "s" counts too ("Raqqas").
    """
    prepared = _prepared(text)
    present = prepared.words if case_sensitive else prepared.lowered_words
    hits = present & openers
    if genitive:
        stems = prepared.stems(case_sensitive)
        hits = hits.union(stems[stem] for stem in openers & stems.keys())
    starts: list[int] = []
    for word in hits:
        starts.extend(prepared.offsets(word, case_sensitive, text))
    starts.sort()
    return starts


@lru_cache(maxsize=16384)
def _finder(word: str) -> re.Pattern[str]:
    # Literal first, so the engine searches for it fast; the left boundary is checked by the caller.
    return re.compile(rf"{re.escape(word)}(?![^\W_])")
