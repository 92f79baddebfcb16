"""Where in a text may a phrase from a known set start? Cheap candidate positions for anchored regexes.

Python's regex engine tries a big alternation at every character. Instead, the distinct words of a text are
collected once (cached for the few texts in flight: the same text is scanned for places, actors, sources and
attribution cues), intersected with the words that can open a phrase, and only those words are searched for.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"(?<!\w)[^\W_]+")


@lru_cache(maxsize=8)
def _prepared(text: str) -> tuple[str, frozenset[str], frozenset[str]]:
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters grow when lower-cased; keep offsets true
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    words = frozenset(_WORD.findall(text))
    return lowered, words, frozenset(w.lower() for w in words)


def first_word(phrase: str) -> str:
    match = _WORD.match(phrase)
    return match.group() if match else phrase


def opener_starts(
    text: str, openers: frozenset[str], case_sensitive: bool, genitive: bool = False
) -> list[int]:
    """Sorted offsets of the words of ``text`` in ``openers`` (lower-case openers unless case_sensitive).

    With ``genitive``, a word that is an opener plus a final "s" counts too ("Raqqas").
    """
    lowered, words, lowered_words = _prepared(text)
    haystack, present = (text, words) if case_sensitive else (lowered, lowered_words)
    hits = [w for w in present if w in openers or (genitive and w[-1] == "s" and w[:-1] in openers)]
    starts: list[int] = []
    for word in hits:
        for found in _finder(word).finditer(haystack):
            at = found.start()
            if at == 0 or not (haystack[at - 1].isalnum() or haystack[at - 1] == "_"):
                starts.append(at)
    starts.sort()
    return starts


@lru_cache(maxsize=16384)
def _finder(word: str) -> re.Pattern[str]:
    # Literal first, so the engine searches for it fast; the left boundary is checked by the caller.
    return re.compile(rf"{re.escape(word)}(?![^\W_])")
