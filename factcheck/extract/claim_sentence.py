"""One sentence as the claim layer reads it: its words and lower-cased text, computed once per sentence.

Every number in a sentence looks at the words around it; a report (or a scraped page with no full stops)
can hold thousands of numbers in one sentence, so the sentence is tokenised once and each number finds
its neighbours by bisection instead of re-reading the whole sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_WORD = re.compile(r"\w[\w'’-]*")


@dataclass(slots=True)  # not frozen: built for every word of a sentence, and frozen init is slower
class Word:
    start: int
    end: int
    text: str
    lower: str


def words_of(sentence: str) -> list[Word]:
    return [Word(m.start(), m.end(), m.group(), m.group().lower()) for m in _WORD.finditer(sentence)]


class SentenceView:
    """A sentence's text, lower-cased text and words, with lookups by offset and a memo for
    facts about the whole sentence (a percentage's share cues are the same for all its numbers)."""

    __slots__ = ("_ends", "_lowers", "_memo", "_starts", "lowered", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        self.words = words_of(text)
        self._starts = [w.start for w in self.words]
        self._ends = [w.end for w in self.words]
        self._lowers: list[str] | None = None
        self._memo: dict[str, Any] = {}

    @property
    def lowers(self) -> list[str]:
        if self._lowers is None:
            self._lowers = [w.lower for w in self.words]
        return self._lowers

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
        return self.words[self.first_from(start) : max(self.first_from(start), self.after_end(end))]

    def memo(self, key: str, compute: Callable[..., Any], *args: Any) -> Any:
        """``compute(*args)``, worked out once per sentence under ``key``."""
        if key not in self._memo:
            self._memo[key] = compute(*args)
        return self._memo[key]
