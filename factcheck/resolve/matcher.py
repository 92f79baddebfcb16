"""Find known names in free text with one trie-shaped regex per alias set.

A trie-shaped alternation lets the regex engine reject most positions after one or two characters,
so scanning stays cheap with thousands of aliases. Hyphens and spaces are interchangeable ("Deir ez-Zor",
"Deir ez Zor"), apostrophes may be typographic, and an alias may carry a genitive ("Raqqas", "IS:s",
"Raqqa's"). All-capitals aliases ("IS", "AP") match case-sensitively so that English "is" is not a group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple, TypeAlias

from factcheck.resolve.normalize import acronym_key, is_acronym, name_key, strip_accents
from factcheck.resolve.textscan import first_word, opener_words

_SEP = "\x00"
_APOS = "\x01"
_SEP_PATTERN = r"[\s\-‐‑]+"
_APOS_PATTERN = r"['’‘`´]"
_GENITIVE = r"(?P<gen>:s|['’]s|['’]|s)?"


# The regexes to try where a word starts: its own group's and its genitive stem's ("Raqqas"), either may be None.
_Tries: TypeAlias = tuple[re.Pattern[str] | None, re.Pattern[str] | None]


class Hit(NamedTuple):  # a tuple: built per name found, several times cheaper than a frozen dataclass
    start: int
    end: int
    text: str
    key: str  # lookup key of the alias part (without a genitive)
    acronym: bool
    genitive: str


def _shape(alias: str) -> str:
    """The alias as trie characters: separators and apostrophes become placeholders."""
    out: list[str] = []
    for ch in alias.strip():
        if ch in " -‐‑\t":
            if not out or out[-1] != _SEP:
                out.append(_SEP)
        elif ch in "'’‘`´":
            out.append(_APOS)
        else:
            out.append(ch)
    return "".join(out)


def _trie_pattern(words: Iterable[str]) -> str:
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict[str, dict]) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        if ch == _SEP:
            head = _SEP_PATTERN
        elif ch == _APOS:
            head = _APOS_PATTERN
        else:
            head = re.escape(ch)
        child = node[ch]
        tail = _node_pattern(child) if any(child) else ""
        branches.append(head + tail)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        body = f"(?:{body})?"
    return body


class AliasMatcher:
    """Scans text for any of a set of aliases; longest match wins, then the earliest.

    Aliases are grouped by their first word, and each group's trie regex is compiled only when a text first
    contains that word: building a matcher is cheap (start-up of `factcheck extract` never compiles the
    thousands of aliases it does not meet), and every alias that can match at a position shares the word
    there, so the results are those of one regex over all aliases.
    """

    def __init__(self, aliases: Iterable[str]) -> None:
        folded: dict[str, set[str]] = {}
        exact: dict[str, set[str]] = {}
        for alias in aliases:
            alias = alias.strip()
            if not alias:
                continue
            if is_acronym(alias):
                shape = _shape(alias)
                exact.setdefault(_first_word(shape), set()).add(shape)
                continue
            alias = _without_article(alias)
            for variant in (alias.lower(), strip_accents(alias).lower()):
                shape = _shape(variant)
                folded.setdefault(_first_word(shape), set()).add(shape)
        self._folded_groups = folded
        self._exact_groups = exact
        self._folded_first = frozenset(folded)
        self._exact_first = frozenset(exact)
        # Per first word, its group's regex, or None for a word that opens no alias (a genitive's stem may not).
        self._compiled: dict[bool, dict[str, re.Pattern[str] | None]] = {False: {}, True: {}}
        # Per word met in a text, the regexes to try where it starts (see ``_tries_for``).
        self._tries: dict[bool, dict[str, _Tries]] = {False: {}, True: {}}

    def _pattern(self, word: str, acronym: bool) -> re.Pattern[str] | None:
        compiled = self._compiled[acronym]
        if word in compiled:
            return compiled[word]
        shapes = (self._exact_groups if acronym else self._folded_groups).get(word)
        pattern = None
        if shapes is not None:
            body = _trie_pattern(sorted(shapes))
            flags = 0 if acronym else re.IGNORECASE
            pattern = re.compile(rf"(?P<name>{body}){_GENITIVE}(?!\w)", flags)
        compiled[word] = pattern
        return pattern

    def scan(self, text: str) -> list[Hit]:
        exact: list[Hit] = []
        if self._exact_groups:
            exact = self._scan(opener_words(text, self._exact_first, True), text, True)
        folded: list[Hit] = []
        if self._folded_groups:
            folded = self._scan(opener_words(text, self._folded_first, False, genitive=True), text, False)
        if not exact or not folded:
            return exact or folded  # one scan's hits are in order and do not overlap: nothing to resolve
        return _longest_first(exact + folded)

    def _tries_for(self, word: str, acronym: bool) -> _Tries:
        """The regexes to try where ``word`` starts: its own group's, and, for a word ending in "s" that may be
        a genitive ("Raqqas"), its stem's. Kept per word, since a text meets the same words many times."""
        own = self._pattern(word, acronym)
        stem = self._pattern(word[:-1], acronym) if not acronym and word[-1] == "s" else None
        tries = self._tries[acronym][word] = (own, stem)
        return tries

    def _scan(self, starts: list[tuple[int, str]], text: str, acronym: bool) -> list[Hit]:
        found: list[Hit] = []
        covered = 0
        known = self._tries[acronym]
        for at, written in starts:
            if at < covered:
                continue
            own, stem = known.get(written) or self._tries_for(written, acronym)
            best = own.match(text, at) if own is not None else None
            if stem is not None:
                match = stem.match(text, at)
                if match is not None and (best is None or match.end() > best.end()):
                    best = match
            if best is not None:
                found.append(_hit(best, acronym))
                covered = best.end()
        return found


# A lower-case leading article is not part of a name ("the monitoring group", "den syriska armén"); leaving it
# out keeps these very common words from opening a match. A capitalised one is ("Le Monde", "Die Zeit").
_ARTICLE = re.compile(
    r"^(?:the|a|an|den|det|en|ett|et|der|die|das|dem|des|le|la|les|el|los|las|un|una|une)\s+|^l['’]"
)


def _without_article(alias: str) -> str:
    bare = _ARTICLE.sub("", alias)
    return bare if bare.strip() else alias


def _first_word(shape: str) -> str:
    """The first word of an alias shape, as the word scanner cuts it from text."""
    return first_word(shape.replace(_SEP, " ").replace(_APOS, " "))


def _hit(match: re.Match[str], acronym: bool) -> Hit:
    whole, name, genitive = match.group(0, "name", "gen")
    key = acronym_key(name) if acronym else name_key(name)
    start, end = match.span()
    # tuple.__new__ builds the named tuple in one C call; Hit(...) goes through a Python-level __new__.
    return _new_tuple(Hit, (start, end, whole, key, acronym, genitive or ""))


_new_tuple = tuple.__new__


def _longest_first(hits: list[Hit]) -> list[Hit]:
    """Overlapping hits (a case-sensitive and a case-insensitive one) keep the longer, then the earlier."""
    if len(hits) < 2:
        return hits
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    taken: list[Hit] = []
    for hit in hits:
        if taken and hit.start < taken[-1].end:
            if hit.end - hit.start > taken[-1].end - taken[-1].start:
                taken[-1] = hit
            continue
        taken.append(hit)
    return taken
