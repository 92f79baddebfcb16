"""Guess the type of a source the registry does not know, from hint words (data/type_hints.json)."""

from __future__ import annotations

import re

from factcheck.resolve.loader import type_hints

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Name particles that may sit inside a person's name in lower case.
_PARTICLES = frozenset(
    {"al", "el", "de", "da", "di", "del", "von", "van", "der", "bin", "ibn", "abu", "le", "la"}
)


def guess_type(name: str) -> str:
    words = [w.lower() for w in _WORD.findall(name)]
    for kind, hints in type_hints():
        if any(w in hints for w in words):
            return kind
    if looks_like_person(name):
        return "person"
    return "unknown"


def looks_like_person(name: str) -> bool:
    """Two to four capitalised words (particles allowed), e.g. "Anna Lindqvist", "Abu Omar al-Shami"."""
    words = [w for w in re.split(r"[\s\-]+", name.strip()) if w]
    if not 2 <= len(words) <= 4:
        return False
    capitalised = [w for w in words if w[0].isupper() and not w.isupper()]
    others = [w for w in words if not (w[0].isupper() and not w.isupper())]
    return len(capitalised) >= 2 and all(w.lower() in _PARTICLES for w in others)


def proper_name_tail(name: str) -> str | None:
    """The capitalised run that ends a description: "statsvetaren Anna Lindqvist" -> "Anna Lindqvist"."""
    words = name.split()
    run: list[str] = []
    for word in reversed(words):
        bare = word.strip(",.;:")
        if bare and (bare[0].isupper() or (run and bare.lower() in _PARTICLES)):
            run.append(bare)
            continue
        break
    run.reverse()
    while run and run[0].lower() in _PARTICLES and not run[0][0].isupper():
        run.pop(0)
    if len(run) >= 2 and len(run) < len(words):
        return " ".join(run)
    return None
