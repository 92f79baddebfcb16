"""Find known names in free text with one trie-shaped regex per alias set.

A trie-shaped alternation lets the regex engine reject most positions after one or two characters,
so scanning stays cheap with thousands of aliases. Hyphens and spaces are interchangeable ("Deir ez-Zor",
"Deir ez Zor"), apostrophes may be typographic, and an alias may carry a genitive ("Raqqas", "IS:s",
"Raqqa's"). All-capitals aliases ("IS", "AP") match case-sensitively so that English "is" is not a group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.resolve.normalize import acronym_key, is_acronym, name_key, strip_accents
from factcheck.resolve.textscan import first_word, opener_starts

_SEP = "\x00"
_APOS = "\x01"
_SEP_PATTERN = r"[\s\-‐‑]+"
_APOS_PATTERN = r"['’‘`´]"
_GENITIVE = r"(?P<gen>:s|['’]s|['’]|s)?"


@dataclass(frozen=True, slots=True)
class Hit:
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
    """Scans text for any of a set of aliases; longest match wins, then the earliest."""

    def __init__(self, aliases: Iterable[str]) -> None:
        folded: set[str] = set()
        exact: set[str] = set()
        for alias in aliases:
            alias = alias.strip()
            if not alias:
                continue
            if is_acronym(alias):
                exact.add(_shape(alias))
                continue
            alias = _without_article(alias)
            folded.add(_shape(alias.lower()))
            bare = strip_accents(alias).lower()
            folded.add(_shape(bare))
        # The trie regex is only tried where a word starts that can open an alias: a set lookup per word
        # is far cheaper than letting the regex engine try every character position.
        self._folded_first = frozenset(_first_word(shape) for shape in folded)
        self._exact_first = frozenset(_first_word(shape) for shape in exact)
        self._folded = self._compile(folded, re.IGNORECASE) if folded else None
        self._exact = self._compile(exact, 0) if exact else None

    @staticmethod
    def _compile(shapes: set[str], flags: int) -> re.Pattern[str]:
        body = _trie_pattern(sorted(shapes))
        return re.compile(rf"(?P<name>{body}){_GENITIVE}(?!\w)", flags)

    def scan(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        if self._exact is not None:
            hits.extend(self._scan(self._exact, opener_starts(text, self._exact_first, True), text, True))
        if self._folded is not None:
            starts = opener_starts(text, self._folded_first, False, genitive=True)
            hits.extend(self._scan(self._folded, starts, text, False))
        return _longest_first(hits)

    @staticmethod
    def _scan(pattern: re.Pattern[str], starts: list[int], text: str, acronym: bool) -> list[Hit]:
        found: list[Hit] = []
        covered = 0
        for at in starts:
            if at < covered:
                continue
            match = pattern.match(text, at)
            if match is not None:
                found.append(_hit(match, acronym))
                covered = match.end()
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
    name = match.group("name")
    key = acronym_key(name) if acronym else name_key(name)
    return Hit(match.start(), match.end(), match.group(), key, acronym, match.group("gen") or "")


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
