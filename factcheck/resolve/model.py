"""Records the registry hands out: what a name resolved to, and where a name was found in text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

MentionKind = Literal["place", "actor", "source"]


@dataclass(frozen=True, slots=True)
class Resolution:
    """A mention resolved to a canonical entity.

    ``score`` is 100 for an exact alias, 80 for a generic description ("the monitoring group"),
    the rapidfuzz ratio for a fuzzy match, and 0 for a new entity the registry does not know.
    """

    canonical: str
    type: str
    score: float
    mention: str
    parent: str | None = None


class Mention(NamedTuple):
    """A known name found in free text; ``start``/``end`` are offsets into that text.

    A named tuple, not a frozen dataclass: immutable all the same, and built several times faster (a scan of a
    report makes dozens, and attribution copies them with shifted offsets)."""

    start: int
    end: int
    text: str
    canonical: str
    kind: MentionKind
    score: float


@dataclass(frozen=True, slots=True)
class Entity:
    """One canonical source, actor or place as shipped in resolve/data or added by the user."""

    canonical: str
    type: str
    aliases: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()  # descriptions that usually, not always, mean this entity
    parent: str | None = None  # body a person or unit belongs to
    speaks_for: bool = False  # a person whose statements are the parent body's
    parents: tuple[str, ...] = field(default=())  # places containing this place
