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

    __slots__ = ("_index", "_offsets", "_stems", "_words", "lowered", "lowered_words")

    def __init__(self, text: str) -> None:
        lowered = text.lower()
        # Where each word of the lower-cased text starts: exactly where the word finder would match it there
        # (an alphanumeric run not preceded by a word character), so one pass finds them all.
        index: dict[str, list[int]] = {}
        grown = len(lowered) != len(text)
        if grown:  # a few characters grow when lower-cased; keep offsets true
            lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
            self.lowered_words = frozenset(w.lower() for w in _WORD.findall(text))
        for match in _WORD.finditer(lowered):
            word = match.group()
            found = index.get(word)
            if found is None:
                index[word] = [match.start()]
            else:
                found.append(match.start())
        if not grown:
            self.lowered_words = frozenset(index)
        self._index = index
        self.lowered = lowered
        self._words: frozenset[str] | None = None
        self._stems: dict[bool, tuple[dict[str, str], frozenset[str]]] = {}
        self._offsets: dict[str, list[int]] = {}  # case-sensitive look-ups

    def words(self, text: str) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(_WORD.findall(text))
        return self._words

    def stems(self, case_sensitive: bool, text: str) -> tuple[dict[str, str], frozenset[str]]:
        """Words ending in "s", by the word without it ("raqqa" -> "raqqas"), for genitives."""
        found = self._stems.get(case_sensitive)
        if found is None:
            present = self.words(text) if case_sensitive else self.lowered_words
            by_stem = {w[:-1]: w for w in present if w[-1] == "s"}
            found = self._stems[case_sensitive] = (by_stem, frozenset(by_stem))
        return found

    def present(self, openers: frozenset[str], case_sensitive: bool) -> set[str] | frozenset[str]:
        """The openers that occur in the text as words, or (case-sensitive) may: ``offsets`` decides."""
        if not case_sensitive:
            return self.lowered_words & openers
        # Case-sensitive openers are few (acronyms); a word can only be there if its lower case is.
        return {w for w in openers if w.lower() in self.lowered_words}

    def offsets(self, word: str, case_sensitive: bool, text: str) -> list[int]:
        if not case_sensitive:
            return self._index.get(word, _NONE)
        found = self._offsets.get(word)
        if found is None:
            found = self._offsets[word] = [m.start() for m in _finder(word).finditer(text)]
        return found


_NONE: list[int] = []  # never changed: callers only read offsets


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
    return [at for at, _ in opener_words(text, openers, case_sensitive, genitive)]


def opener_words(
    text: str, openers: frozenset[str], case_sensitive: bool, genitive: bool = False
) -> list[tuple[int, str]]:
    """Like ``opener_starts``, with the word found at each offset (lower-cased unless case_sensitive)."""
    prepared = _prepared(text)
    hits = prepared.present(openers, case_sensitive)
    if genitive:
        # frozenset & frozenset walks the smaller set (a dict's keys view would walk all the openers)
        stems, stem_set = prepared.stems(case_sensitive, text)
        hits = hits.union(stems[stem] for stem in stem_set & openers)
    found: list[tuple[int, str]] = []
    for word in hits:
        found.extend((at, word) for at in prepared.offsets(word, case_sensitive, text))
    found.sort()
    return found


@lru_cache(maxsize=16384)
def _finder(word: str) -> re.Pattern[str]:
    # The literal first, so the engine searches for it fast; then neither a letter or digit after it, nor a
    # letter, digit or underscore before it (a lookbehind over the word itself).
    return re.compile(rf"{re.escape(word)}(?![^\W_])(?<!\w[\s\S]{{{len(word)}}})")
