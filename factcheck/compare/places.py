"""Place containment from the gazetteer: a claim about a part is not a claim about the whole.

Blocking already keeps "Raqqa old city" and "Raqqa" apart (different location keys); containment is
used to find the pairs that differ only in scope, shown on request (`compare --all --with-scope`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol, cast


class Gazetteer(Protocol):
    def place_contains(self, outer: str, inner: str) -> bool: ...


def default_gazetteer() -> Gazetteer:
    """The shipped registry, which knows which place lies inside which."""
    from factcheck.resolve import get_registry

    return cast(Gazetteer, get_registry())


def containment(gazetteer: Gazetteer | None, locations: Iterable[str]) -> dict[str, set[str]]:
    """outer -> the given locations that lie inside it (each pair tested once)."""
    inside: dict[str, set[str]] = defaultdict(set)
    if gazetteer is None:
        return inside
    names = sorted(set(locations))
    for outer in names:
        for inner in names:
            if outer != inner and gazetteer.place_contains(outer, inner):
                inside[outer].add(inner)
    return inside
