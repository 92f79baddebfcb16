"""Regex building blocks shared by the number layer.

Word lists become prefix tries so that a regex over hundreds of words fails after one or two characters at
most positions: the whole scan stays in the regex engine and linear in the text length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Space characters newsrooms put inside numbers and between words: space, no-break, narrow no-break, thin, figure.
SPACE_CHARS = " \u00a0\u202f\u2009\u2007"
SPACES = f"[{SPACE_CHARS}\t]"
SPACE_CHARS_TAB = frozenset(SPACE_CHARS + "\t")
DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212"
# Hyphens join words ("twenty-five"); en and em dashes and the minus sign only separate range ends.
HYPHENS = "\\-\u2010\u2011"
# "not preceded by a letter" / "not followed by a letter": word boundaries that treat digits as non-letters.
NO_LETTER_BEFORE = r"(?<![^\W\d_])"
NO_LETTER_AFTER = r"(?![^\W\d_])"

_GAP = re.compile(f"[{SPACE_CHARS}\\s\u2010\u2011\\-]+")


def normalise(phrase: str) -> str:
    """The lookup form of a lexicon key or a matched word: lower case, one space for any run of spaces/hyphens."""
    return _GAP.sub(" ", phrase.strip().lower())


def trie_regex(words: Iterable[str], *, hyphen_gap: bool = True) -> str:
    """A regex (no groups captured) matching any of ``words``, longest first, spaces in keys matching any gap.

    With ``hyphen_gap`` a space in a key also matches a hyphen ("quatre-vingt"), otherwise only white space.
    """
    trie: dict[str, dict] = {}
    for word in words:
        key = normalise(word) if hyphen_gap else re.sub(r"\s+", " ", word.strip().lower())
        if not key:
            continue
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    gap = (
        f"(?:[{SPACE_CHARS}\\s]*[\u2010\u2011\\-][{SPACE_CHARS}\\s]*|[{SPACE_CHARS}\\s]+)"
        if hyphen_gap
        else r"\s+"
    )
    return _emit(trie, gap) or "(?!)"


def _emit(node: dict[str, dict], gap: str) -> str:
    branches = []
    for char in sorted(k for k in node if k):
        head = gap if char == " " else re.escape(char)
        branches.append(head + _emit(node[char], gap))
    ends_here = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Greedy optional: the longer word wins, the shorter one is the fallback.
        return f"(?:{body})?"
    return body


def closing_marks(words: Iterable[str], *extra: str) -> frozenset[str]:
    """ASCII characters other than letters and spaces that may end a match of ``trie_regex(words)`` (plus
    ``extra``): with ``can_end``, a cheap test that spares a regex search backwards from a number."""
    marks = {word.strip()[-1:] for word in words} | set(extra) | set(HYPHENS.replace("\\", ""))
    return frozenset(m for m in marks if m and m.isascii() and not m.isalpha() and not m.isspace())


def can_end(text: str, position: int, floor: int, marks: frozenset[str]) -> bool:
    """Whether a phrase of words followed by spaces may end at ``position`` (looking back no further than
    ``floor``): the last character before the spaces must be a letter, a space of another kind, a non-ASCII
    character or one of ``marks``. ASCII digits and punctuation only ever match themselves, so a False here
    is exact; most numbers in a list ("1 2 3", "1,5 000") are ruled out without a search."""
    k = position
    while k > floor and text[k - 1] in SPACE_CHARS_TAB:
        k -= 1
    if k <= floor:
        return False  # nothing but spaces in the window
    char = text[k - 1]
    return not char.isascii() or char.isalpha() or char.isspace() or char in marks
