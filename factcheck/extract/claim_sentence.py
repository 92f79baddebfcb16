"""One sentence as the claim layer reads it: its words and lower-cased text, computed once per sentence.

Every number in a sentence looks at the words around it; a report (or a scraped page with no full stops)
can hold thousands of numbers in one sentence, so the sentence is tokenised once and each number finds
its neighbours by bisection instead of re-reading the whole sentence.

Tokenising is the costliest part of reading a sentence, and most of its words are never looked at one by
one: the offsets and lower-cased forms are kept as plain lists, built by C-level splitting, and a ``Word``
record is made only for the few words around a number that the classifier inspects.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

# Clause punctuation, or a dash between spaces: where a clause ends, for the claim readers that stay
# inside one. Written to open with one character class rather than as "[,;:...]|\s[–—]\s": Python's
# regex engine skips ahead in C only to a first character class (not to a repeat, nor an alternation of
# classes), instead of trying the whole pattern at every position.
CLAUSE_BREAK = re.compile(r"[,;:.()!?\"“”«»\s](?:(?<!\s)|[–—]\s)")

_WORD = re.compile(r"\w[\w'’-]*")
# The same words as _WORD, captured, so that re.split yields gap, word, gap, word, ..., gap.
_WORD_SPLIT = re.compile(r"(\w[\w'’-]*)")


# Built for many words of a sentence: not frozen, and __init__ written out for mypyc to compile (dataclass's
# generated one runs interpreted).
@dataclass(slots=True, init=False)
class Word:
    start: int
    end: int
    text: str
    lower: str

    def __init__(self, start: int, end: int, text: str, lower: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = lower


class SentenceView:
    """A sentence's text, lower-cased text and words, with lookups by offset and a memo for
    facts about the whole sentence (a percentage's share cues are the same for all its numbers)."""

    __slots__ = ("_cache", "_ends", "_memo", "_starts", "_texts", "lowered", "lowers", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        # re.split alternates the gaps between words with the words; the running total of the pieces'
        # lengths gives every word's start (the end of the gap before it) and end.
        pieces = _WORD_SPLIT.split(text)
        bounds = list(accumulate(map(len, pieces)))
        self._texts: list[str] = pieces[1::2]
        self._starts: list[int] = bounds[0:-1:2]
        self._ends: list[int] = bounds[1::2]
        self.lowers: list[str] = list(map(str.lower, self._texts))  # each word lower-cased on its own
        self._cache: list[Word | None] = [None] * len(self._texts)
        self._memo: dict[str, Any] = {}

    def __len__(self) -> int:
        """The number of words."""
        return len(self._texts)

    @property
    def words(self) -> list[Word]:
        return self.slice(0, len(self._texts))

    def slice(self, first: int, stop: int) -> list[Word]:
        """The words from index ``first`` up to (not including) ``stop``, like ``words[first:stop]``."""
        count = len(self._texts)
        if first < 0 or stop < 0:  # counted from the end, as in a list slice
            first, stop, _ = slice(first, stop).indices(count)
        elif stop > count:
            stop = count
        cache = self._cache
        for index in range(first, stop):
            if cache[index] is None:
                cache[index] = Word(
                    self._starts[index], self._ends[index], self._texts[index], self.lowers[index]
                )
        return cache[first:stop]  # type: ignore[return-value]  # every word in the range is made above

    def span(self, index: int) -> tuple[int, int]:
        """Start and end of the word at ``index``."""
        return self._starts[index], self._ends[index]

    def first_from(self, offset: int) -> int:
        """Index of the first word that starts at or after ``offset``."""
        return bisect_left(self._starts, offset)

    def after_end(self, offset: int) -> int:
        """Index just past the last word that ends at or before ``offset``."""
        return bisect_right(self._ends, offset)

    def index_of(self, word: Word) -> int:
        return bisect_left(self._starts, word.start)

    def within(self, start: int, end: int) -> list[Word]:
        """The words lying wholly between two offsets."""
        return self.slice(self.first_from(start), max(self.first_from(start), self.after_end(end)))

    def lowers_within(self, start: int, end: int) -> list[str]:
        """The lower-cased words lying wholly between two offsets."""
        first = self.first_from(start)
        return self.lowers[first : max(first, self.after_end(end))]

    def memo(self, key: str, compute: Callable[..., Any], *args: Any) -> Any:
        """``compute(*args)``, worked out once per sentence under ``key``."""
        if key not in self._memo:
            self._memo[key] = compute(*args)
        return self._memo[key]
