"""Normalised lookup keys for names, so spelling noise (case, accents, hyphens, dots, articles) does not matter."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_DASHES = re.compile(r"[\-‐‑‒–—_/]+")
_DROP = re.compile(r"[.\"“”«»„()\[\]]")
_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = " ,;:!?'"
# Leading articles carry no identity: "the Independent" is "Independent", "l'armée" is "armée".
_ARTICLES = frozenset(
    {"the", "a", "an", "den", "det", "en", "ett", "et", "der", "die", "das", "dem", "des", "le", "la", "les", "el", "los", "las", "un", "una", "une"}
)  # fmt: skip
_ELIDED = re.compile(r"^(?:l|d)'")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Case-, accent-, hyphen- and article-insensitive key of a name."""
    key = strip_accents(text.translate(_APOSTROPHES)).casefold()
    key = _DROP.sub("", key)
    key = _DASHES.sub(" ", key)
    key = _SPACES.sub(" ", key).strip(_EDGE_PUNCT)
    key = _ELIDED.sub("", key)
    words = key.split(" ")
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def acronym_key(text: str) -> str:
    """Key of an all-capitals alias: exact case, dots dropped ("U.S." is "US")."""
    return _SPACES.sub(" ", text.replace(".", "")).strip()


def is_acronym(alias: str) -> bool:
    """Short all-capitals aliases ("IS", "AP", "TT", "U.S.") must match case-sensitively."""
    letters = [ch for ch in alias if ch.isalpha()]
    return 0 < len(letters) <= 5 and all(ch.isupper() for ch in letters)
