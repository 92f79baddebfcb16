"""Where in a text may a phrase from a known set start? Cheap candidate positions for anchored regexes.

Python's regex engine tries a big alternation at every character. Instead, the words of a text and where each
starts are collected once (cached for the few texts in flight: the same text is scanned for places, actors,
sources and attribution cues), and the distinct words are intersected with the words that can open a phrase.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat
from operator import itemgetter

_WORD = re.compile(r"(?<!\w)[^\W_]+")


class _Prepared:
    """One text's distinct lower-case words, where each of them starts, and the case-sensitive look-ups so far."""

    __slots__ = ("_index", "_offsets", "lowered_words")

    def __init__(self, text: str) -> None:
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters grow when lower-cased; keep offsets true
            lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
            self._index = _regex_index(lowered)
            self.lowered_words = frozenset(w.lower() for w in _WORD.findall(text))
        elif "_" in lowered:  # a word character, yet no part of a word: leave it to the word finder
            self._index = _regex_index(lowered)
            self.lowered_words = frozenset(self._index)
        else:
            # String methods cut the words several times faster than the regex engine finds them.
            self._index = _split_index(_spaced(lowered))
            self.lowered_words = frozenset(self._index)
        self._offsets: dict[str, list[int]] = {}  # case-sensitive look-ups

    def present(self, openers: frozenset[str], case_sensitive: bool) -> set[str] | frozenset[str]:
        """The openers that occur in the text as words, or (case-sensitive) may: ``offsets`` decides."""
        if not case_sensitive:
            return self.lowered_words & openers
        # A word can only be there if its lower case is.
        by_lower, lowers = _by_lower_case(openers)
        return {word for lower in self.lowered_words & lowers for word in by_lower[lower]}

    def offsets(self, word: str, case_sensitive: bool, text: str) -> list[int]:
        """Where ``word`` starts in the text, as a word (lower-case unless case_sensitive)."""
        if not case_sensitive:
            return self._index.get(word, _NONE)
        found = self._offsets.get(word)
        if found is None:
            found = self._offsets[word] = [m.start() for m in _finder(word).finditer(text)]
        return found


_NONE: list[int] = []  # never changed: callers only read offsets


def _regex_index(lowered: str) -> dict[str, list[int]]:
    """Where each word of ``lowered`` starts, exactly where the word finder matches."""
    index: dict[str, list[int]] = {}
    for match in _WORD.finditer(lowered):
        word = match.group()
        found = index.get(word)
        if found is None:
            index[word] = [match.start()]
        else:
            found.append(match.start())
    return index


def _split_index(spaced: str) -> dict[str, list[int]]:
    """Where each word of the text ``spaced`` was made from starts, by word.

    The words are what lies between single spaces; each piece, empty or not, is followed by one space, so a
    running sum of their lengths gives the offsets (the leading space shifts them by one)."""
    index: dict[str, list[int]] = {}
    get = index.get
    at = -1
    for piece in spaced.split(" "):
        if piece:
            found = get(piece)
            if found is None:
                index[piece] = [at]
            else:
                found.append(at)
            at += len(piece) + 1
        else:
            at += 1
    return index


# ASCII characters that cannot be part of a word, as spaces ("_" is never in a text given to ``_spaced``).
_ASCII_BREAKS = {code: " " for code in range(128) if not chr(code).isalnum()}


def _spaced(lowered: str) -> str:
    """``lowered`` with a space for every character that is not a letter or digit, and a space at either end.

    Without underscores in the text, a word (as the word finder cuts it: a run of letters and digits) is then
    exactly what lies between two spaces, and keeps its offset (shifted by one).
    """
    if lowered.isascii():
        spaced = lowered.translate(_ASCII_BREAKS)  # a table look-up per character, fast for ASCII only
    else:
        # translate() is slow on other text; its few distinct punctuation characters are replaced one by one
        # (the distinct characters first, by set(), then only those tested).
        spaced = lowered
        for ch in {ch for ch in set(lowered) if not ch.isalnum()}:
            if ch != " ":
                spaced = spaced.replace(ch, " ")
    return f" {spaced} "


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
    hits = prepared.present(_with_genitives(openers) if genitive else openers, case_sensitive)
    found: list[tuple[int, str]] = []
    for word in hits:
        found.extend(zip(prepared.offsets(word, case_sensitive, text), repeat(word)))
    # By offset alone: no two words start at one offset, and comparing ints is faster than comparing tuples.
    found.sort(key=itemgetter(0))
    return found


@lru_cache(maxsize=64)
def _with_genitives(openers: frozenset[str]) -> frozenset[str]:
    """The openers and each with a final "s": one set intersection then finds both in a text's words.

    Keyed by a long-lived opener set (a frozenset keeps its hash, and the look-up finds it by identity)."""
    return openers.union([word + "s" for word in openers])


@lru_cache(maxsize=64)
def _by_lower_case(openers: frozenset[str]) -> tuple[dict[str, list[str]], frozenset[str]]:
    """Case-sensitive openers by their lower case ("IS" and "Is" under "is"), and those lower cases.

    Keyed by a long-lived opener set, like ``_with_genitives``."""
    by_lower: dict[str, list[str]] = {}
    for word in openers:
        by_lower.setdefault(word.lower(), []).append(word)
    return by_lower, frozenset(by_lower)


@lru_cache(maxsize=16384)
def _finder(word: str) -> re.Pattern[str]:
    # The literal first, so the engine searches for it fast; then neither a letter or digit after it, nor a
    # letter, digit or underscore before it (a lookbehind over the word itself).
    return re.compile(rf"{re.escape(word)}(?![^\W_])(?<!\w[\s\S]{{{len(word)}}})")
