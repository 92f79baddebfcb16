"""Where in a text may a phrase from a known set start? Cheap candidate positions for anchored regexes.

Python's regex engine tries a big alternation at every character. Instead, the distinct words of a text are
collected once (cached for the few texts in flight: the same text is scanned for places, actors, sources and
attribution cues), intersected with the words that can open a phrase, and only those words are searched for.
The offsets of each word are kept too, since places, actors, sources and cues share many opening words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat

_WORD = re.compile(r"(?<!\w)[^\W_]+")


class _Prepared:
    """One text's lower-cased form, its distinct words, and the offsets of the words looked up so far."""

    __slots__ = ("_index", "_offsets", "_searches", "_spaced", "lowered", "lowered_words")

    def __init__(self, text: str) -> None:
        lowered = text.lower()
        self._index: dict[str, list[int]] = {}  # offsets of lower-case words, by word
        self._spaced: str | None = None  # set while offsets are found on demand
        self._searches = 0  # words searched for so far
        if len(lowered) != len(text):  # a few characters grow when lower-cased; keep offsets true
            lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
            self.lowered_words = frozenset(w.lower() for w in _WORD.findall(text))
            self._index_all(lowered)
        elif "_" in lowered:  # a word character, yet no part of a word: leave it to the word finder
            self._index_all(lowered)
            self.lowered_words = frozenset(self._index)
        else:
            # Only the few words that open a phrase are ever looked up. Rather than indexing every word with
            # the regex engine, string methods (many times faster) find the words, and later those offsets.
            self._spaced = _spaced(lowered)
            self.lowered_words = frozenset(self._spaced.split())
        self.lowered = lowered
        self._offsets: dict[str, list[int]] = {}  # case-sensitive look-ups

    def _index_everything(self) -> None:
        """Index every word after all: each search reads the whole text, so a text with many distinct opening
        words (a long one) is cheaper to index in one pass than to search for each of them."""
        self._index = {}  # built afresh: the lists handed out so far must not change
        self._index_all(self.lowered)
        self._spaced = None

    def _index_all(self, lowered: str) -> None:
        """Where each word of ``lowered`` starts, all in one pass: exactly where the word finder matches."""
        index = self._index
        for match in _WORD.finditer(lowered):
            word = match.group()
            found = index.get(word)
            if found is None:
                index[word] = [match.start()]
            else:
                found.append(match.start())

    def present(self, openers: frozenset[str], case_sensitive: bool) -> set[str] | frozenset[str]:
        """The openers that occur in the text as words, or (case-sensitive) may: ``offsets`` decides."""
        if not case_sensitive:
            return self.lowered_words & openers
        # A word can only be there if its lower case is.
        by_lower, lowers = _by_lower_case(openers)
        return {word for lower in self.lowered_words & lowers for word in by_lower[lower]}

    def offsets(self, word: str, case_sensitive: bool, text: str) -> list[int]:
        if not case_sensitive:
            found = self._index.get(word)
            if found is None:
                if self._spaced is None:
                    return _NONE  # every word is indexed
                self._searches += 1
                if self._searches > _SEARCHES:
                    self._index_everything()
                    return self._index.get(word, _NONE)
                found = self._index[word] = _starts(self._spaced, word)
            return found
        found = self._offsets.get(word)
        if found is None:
            found = self._offsets[word] = [m.start() for m in _finder(word).finditer(text)]
        return found


_NONE: list[int] = []  # never changed: callers only read offsets
# Searches for words before the whole text is indexed instead. A search costs about 1 ns a character, indexing
# about 60: a news report looks up some 30 words (places, actors, sources and attribution cues together).
_SEARCHES = 60

# ASCII characters that cannot be part of a word, as spaces ("_" is never in a text given to ``_spaced``).
_ASCII_BREAKS = {code: " " for code in range(128) if not chr(code).isalnum()}


def _spaced(lowered: str) -> str:
    """``lowered`` with a space for every character that is not a letter or digit, and a space at either end.

    Without underscores in the text, a word (as the word finder cuts it: a run of letters and digits) is then
    exactly what lies between two spaces: ``split`` gives the words, and ``" word "`` is found where one is.
    """
    if lowered.isascii():
        spaced = lowered.translate(_ASCII_BREAKS)  # a table look-up per character, fast for ASCII only
    else:
        # translate() is slow on other text; its few distinct punctuation characters are replaced one by one.
        spaced = lowered
        for ch in {ch for ch in lowered if not ch.isalnum()}:
            if ch != " ":
                spaced = spaced.replace(ch, " ")
    return f" {spaced} "


def _starts(spaced: str, word: str) -> list[int]:
    """Offsets of ``word`` in the text ``spaced`` was made from (the leading space shifts each by one)."""
    needle = f" {word} "
    step = len(needle) - 1  # the space after one occurrence may be the space before the next
    found: list[int] = []
    at = spaced.find(needle)
    while at >= 0:
        found.append(at)
        at = spaced.find(needle, at + step)
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
    found.sort()
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
