"""Who a claim is about (actor) and where (location), chosen among the registry's mentions in the text.

Places and actors are found once per document; each claim then looks at the mentions around it:
a place introduced by a preposition right after the number ("kvar i Raqqa", "around Albu Kamal"), a
phrase that refers back ("i staden", "av provinsen", "halva landet"), the nearest mention before the
number, and finally the sentence before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.extract.claim_lexicon import ClaimLexicon

_CITY_TYPES = frozenset({"city", "town", "village", "district", "neighbourhood", "neighborhood", "quarter"})
_PROVINCE_TYPES = frozenset({"province", "governorate", "state", "county"})
_COUNTRY_TYPES = frozenset({"country", "countries"})
_TYPE_GROUPS: dict[str, frozenset[str]] = {
    "city": _CITY_TYPES,
    "province": _PROVINCE_TYPES,
    "country": _COUNTRY_TYPES,
}
_AFTER_WINDOW = 70
_LOOKBACK_CHARS = 1500
_PREPOSITION_DISTANCE = 3  # words between a preposition and the place it introduces ("till den oljerika X")
_WORD = re.compile(r"\w[\w'’-]*")
_CLAUSE_BREAK = re.compile(r"[,;:()!?\"“”«»]|\.\s|\s[–—]\s")


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    canonical: str
    type: str | None = None
    parent: str | None = None


@dataclass(slots=True)
class DocumentEntities:
    text: str
    places: list[Entity]
    actors: list[Entity]

    @classmethod
    def find(cls, text: str, registry: Any) -> DocumentEntities:
        if registry is None:
            return cls(text, [], [])
        return cls(text, _entities(text, registry, "place"), _entities(text, registry, "actor"))

    def between(self, entities: list[Entity], start: int, end: int) -> list[Entity]:
        return [e for e in entities if e.start >= start and e.end <= end]


def _entities(text: str, registry: Any, what: str) -> list[Entity]:
    finder = getattr(registry, f"find_{what}s", None)
    resolver = getattr(registry, f"resolve_{what}", None)
    if finder is None:
        return []
    found: list[Entity] = []
    for mention in finder(text):
        resolution = resolver(mention) if resolver is not None else None
        canonical = getattr(resolution, "canonical", None) or getattr(mention, "canonical", None)
        if not canonical:
            continue
        kind = getattr(resolution, "type", None) or getattr(mention, "kind", None)
        parent = getattr(resolution, "parent", None)
        found.append(Entity(mention.start, mention.end, canonical, _lower(kind), parent))
    found.sort(key=lambda e: (e.start, -e.end))
    # Keep the longest of overlapping mentions: "Deir ez-Zor provinsen" over "Deir ez-Zor".
    kept: list[Entity] = []
    for entity in found:
        if kept and entity.start < kept[-1].end:
            if entity.end - entity.start > kept[-1].end - kept[-1].start:
                kept[-1] = entity
            continue
        kept.append(entity)
    return kept


def _lower(value: Any) -> str | None:
    return str(value).lower() if value else None


@dataclass(frozen=True, slots=True)
class ClaimSpot:
    """Where a claim sits: absolute offsets of its number and sentence, and the sentence before."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    previous_start: int  # start of the sentence before (== sentence_start for the first)
    kind: str
    noun_start: int | None = None  # absolute span of the counted noun ("IS-krigere")
    noun_end: int | None = None


class ContextResolver:
    def __init__(self, entities: DocumentEntities, lexicon: ClaimLexicon) -> None:
        self.entities = entities
        self.lexicon = lexicon
        self.text = entities.text
        self._province_names = {e.canonical for e in entities.places if e.type in _PROVINCE_TYPES}

    # -- location -----------------------------------------------------------------------------------

    def location(self, spot: ClaimSpot, earlier: Sequence[tuple[ClaimSpot, str | None]]) -> str | None:
        if spot.kind in ("distance", "ratio"):
            # The thing measured comes first: "Staden ligger fem mil från X", "the advance equals five times X".
            found = self._before(spot)
            if found is not None:
                return found
        found = self._after(spot)
        if found is not None:
            return found
        found = self._before(spot)
        if found is not None:
            return found
        # A follow-up sentence about the same kind of figure keeps the place: "SDF kontrollerer 32 prosent."
        for previous, location in reversed(earlier):
            if previous.sentence_start >= spot.previous_start and previous.kind == spot.kind and location:
                return location
        places = self.entities.between(self.entities.places, spot.previous_start, spot.sentence_start)
        return self._name(places[-1]) if places else None

    def _after(self, spot: ClaimSpot) -> str | None:
        limit = min(spot.sentence_end, spot.end + _AFTER_WINDOW)
        stop = limit
        position = spot.end
        while True:
            brk = _CLAUSE_BREAK.search(self.text, position, limit)
            if brk is None:
                break
            following = _WORD.search(self.text, brk.end(), limit)
            if following is None or following.group().lower() not in self.lexicon.location_prepositions:
                stop = brk.start()
                break
            position = brk.end()
        places = self.entities.between(self.entities.places, spot.end, stop)
        for place in places:
            if self._introduced(spot.end, place.start):
                return self._joined(place, stop)
        back = self._back_reference(spot.end, stop, first=True)
        return back

    def _introduced(self, start: int, place_start: int) -> bool:
        gap = [w.lower() for w in _WORD.findall(self.text[start:place_start])]
        return any(w in self.lexicon.location_prepositions for w in gap[-_PREPOSITION_DISTANCE - 1 :])

    def _before(self, spot: ClaimSpot) -> str | None:
        places = self.entities.between(self.entities.places, spot.sentence_start, spot.start)
        best_place = places[-1] if places else None
        back = self._back_reference_match(spot.sentence_start, spot.start, first=False)
        if back is not None and (best_place is None or back[0] > best_place.start):
            return self._resolve_back(back[1], back[0])
        return self._joined(best_place, spot.start) if best_place is not None else None

    def _back_reference_match(self, start: int, end: int, first: bool) -> tuple[int, str] | None:
        hits: list[tuple[int, str]] = []
        for place_type, pattern in self.lexicon.back_references.items():
            for match in pattern.finditer(self.text, start, end):
                hits.append((match.start(), place_type))
        if not hits:
            return None
        return min(hits) if first else max(hits)

    def _back_reference(self, start: int, end: int, first: bool) -> str | None:
        hit = self._back_reference_match(start, end, first)
        return self._resolve_back(hit[1], hit[0]) if hit is not None else None

    def _resolve_back(self, place_type: str, position: int) -> str | None:
        """The latest place of the type a phrase like "i staden" or "av provinsen" refers back to."""
        wanted = _TYPE_GROUPS.get(place_type)
        floor = max(0, position - _LOOKBACK_CHARS)
        for place in reversed(self.entities.between(self.entities.places, floor, position)):
            if wanted is None or place.type in wanted:
                return place.canonical
            if (
                place_type == "province"
                and place.type in _CITY_TYPES
                and place.parent in self._province_names
            ):
                return place.parent
        return None

    def _joined(self, place: Entity, stop: int) -> str:
        """ "i Irak og Syria" is one location: "Iraq and Syria"."""
        name = self._name(place)
        following = [p for p in self.entities.places if place.end < p.start <= min(stop, place.end + 12)]
        if following:
            gap = self.text[place.end : following[0].start].strip().lower()
            if gap in self.lexicon.conjunctions and following[0].type == place.type:
                return f"{name} and {self._name(following[0])}"
        return name

    def _name(self, place: Entity) -> str:
        """A bare name that is also a province's name means the province when the report speaks of the
        province and never marks the name as a city ("in eastern Hama" after "Hama province")."""
        if (
            place.type in _CITY_TYPES
            and place.parent
            and place.parent in self._province_names
            and not self._marked_as_city(place.canonical)
        ):
            return place.parent
        return place.canonical

    def _marked_as_city(self, canonical: str) -> bool:
        for place in self.entities.places:
            if place.canonical != canonical:
                continue
            before = _WORD.findall(self.text[max(0, place.start - 20) : place.start].lower())[-2:]
            after = _WORD.findall(self.text[place.end : place.end + 12].lower())[:1]
            if any(w in self.lexicon.city_words for w in before + after):
                return True
        return False

    # -- actor --------------------------------------------------------------------------------------

    def actor(self, spot: ClaimSpot) -> str | None:
        if spot.kind == "civilians":
            return "civilians"
        if spot.kind == "distance":
            return None
        actors = self.entities.actors
        if spot.noun_start is not None and spot.noun_end is not None:
            for actor in actors:
                if actor.start < spot.noun_end and actor.end > spot.noun_start:
                    return actor.canonical  # "IS-krigere", "IS-män"
        before = self.entities.between(actors, spot.sentence_start, spot.start)
        if before:
            return before[-1].canonical
        after = self.entities.between(actors, spot.end, spot.sentence_end)
        if after:
            return after[0].canonical
        earlier = self.entities.between(actors, spot.previous_start, spot.sentence_start)
        return earlier[-1].canonical if earlier else None
