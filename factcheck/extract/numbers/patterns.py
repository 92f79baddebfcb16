"""Regex building blocks shared by the number layer.

Word lists become prefix tries so that a regex over hundreds of words fails after one or two characters at
most positions: the whole scan stays in the regex engine and linear in the text length.
"""

from __future__ import annotations

import re
import string
import unicodedata
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


# A mark that may end a phrase -> the ASCII marks that may stand just before it inside the phrase, or None
# when the mark is a whole phrase itself (">", "("). Letters, spaces and non-ASCII may always stand there.
Marks = dict[str, frozenset[str] | None]


def closing_marks(words: Iterable[str], *, hyphen_gap: bool = True) -> Marks:
    """The ASCII characters other than letters and spaces that may end a match of ``trie_regex(words,
    hyphen_gap=...)``, for ``can_end``: a cheap test that spares a regex search backwards from a number."""
    marks: dict[str, set[str] | None] = {}
    for word in words:
        key = normalise(word) if hyphen_gap else re.sub(r"\s+", " ", word.strip().lower())
        last, before = key[-1:], key[-2:-1]
        if last == " ":  # a key ending in a hyphen ("mid-"): the gap matches a hyphen too
            last = "-"
        if not last or not last.isascii() or last.isalpha() or last.isspace():
            continue
        if not before:
            marks[last] = None
            continue
        allowed = marks.setdefault(last, set())
        if allowed is not None:
            allowed.update({before, "-"} if before == " " and hyphen_gap else {before})
    return {mark: None if allowed is None else frozenset(allowed) for mark, allowed in marks.items()}


def _free(char: str) -> bool:
    return char.isalpha() or char.isspace() or not char.isascii()


def can_end(text: str, position: int, floor: int, marks: Marks) -> bool:
    """Whether a phrase of words followed by spaces may end at ``position`` with nothing of it before
    ``floor``: the last character before the spaces must be a letter, a space of another kind, a non-ASCII
    character or a mark that ends a phrase, after a character that may stand before that mark. ASCII digits
    and punctuation only ever match themselves, so a False here is exact; most numbers in a list ("1 2 3",
    "1,5 000.2") are ruled out without a search."""
    k = position
    while k > floor and text[k - 1] in SPACE_CHARS_TAB:
        k -= 1
    if k <= floor:
        return False  # nothing but spaces in the window
    char = text[k - 1]
    if _free(char):
        return True
    if char not in marks:
        return False
    allowed = marks[char]
    if allowed is None:
        return True
    if k - 2 < floor:
        return False
    before = text[k - 2]
    return _free(before) or before in allowed


# The last words of a set of phrases, lower case, and the length of the longest (see ``last_words``).
Tails = tuple[frozenset[str], int]

# Characters other than letters that case-insensitive matching never pairs with a letter: punctuation,
# separators and most symbols have no case (marks such as U+0345 and a few "So" symbols do).
_CASELESS_CATEGORIES = ("P", "Z", "Sm", "Sc", "Sk")


def last_words(words: Iterable[str], *, hyphen_gap: bool = True) -> Tails | None:
    """The words that end the phrases of ``trie_regex(words, hyphen_gap=...)``, for ``may_end_in``.

    None when a phrase holds a character for which that test could be wrong: a letter outside the Latin
    script or one that matches an ASCII letter of another code point ("ſ", the Kelvin sign), or a
    non-letter that has a case.
    """
    tails: set[str] = set()
    for word in words:
        key = normalise(word) if hyphen_gap else re.sub(r"\s+", " ", word.strip().lower())
        for char in key:
            if not _plain(char):
                return None
        # A space in a key matches white space too ("mid-" matches "mid " before the digits): the test
        # passes over white space, so the word before it ends the phrase.
        key = key.rstrip(" ")
        end = len(key)
        while end and key[end - 1].isalpha():
            end -= 1
        if end < len(key):
            tails.add(key[end:])
    return frozenset(tails), max(map(len, tails), default=0)


def _plain(char: str) -> bool:
    if char.isascii():
        return True
    if not char.isalpha():
        return unicodedata.category(char).startswith(_CASELESS_CATEGORIES)
    if not unicodedata.name(char, "").startswith("LATIN"):
        return False
    return re.search(f"(?i){re.escape(char)}", string.ascii_letters) is None


def may_end_in(text: str, position: int, floor: int, tails: Tails | None) -> bool:
    """False only when no phrase whose last words are ``tails`` ends at ``position`` before spaces, with
    nothing of it before ``floor``: a cheap test that spares a regex search backwards from a number.

    A phrase ending in a letter ends in one of the words, written in ASCII letters as in the lexicon up to
    case, or with other letters; the character before that word (or before the phrase) is never a letter,
    since each phrase starts where no letter stands before it. A phrase ending in another character passes.
    """
    if tails is None:
        return True
    k = position
    while k > floor and text[k - 1].isspace():
        k -= 1
    if k <= floor or not text[k - 1].isalpha():
        return True
    words, longest = tails
    start = k - 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
        if k - start > longest:
            return False  # longer than every word: the phrase would have a letter before it
    run = text[start:k]
    return not run.isascii() or run.lower() in words
