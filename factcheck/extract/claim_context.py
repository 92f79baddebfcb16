"""Who a claim is about (actor) and where (location), chosen among the registry's mentions in the text.

Places and actors are found once per document; each claim then looks at the mentions around it:
a place introduced by a preposition right after the number ("kvar i Raqqa", "around Albu Kamal"), a
phrase that refers back ("i staden", "av provinsen", "halva landet"), the nearest mention before the
number, and finally the sentence before.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from factcheck.extract.claim_lexicon import ClaimLexicon, foldable

_CITY_TYPES = frozenset({"city", "town", "village", "district", "neighbourhood", "neighborhood", "quarter"})
_CITY_PART_TYPES = frozenset({"district", "neighbourhood", "neighborhood", "quarter"})
_DISTANCE_REACH = 40  # "14 mil sydost om Raqqa": from the end of a distance figure to the place measured from
_PROVINCE_TYPES = frozenset({"province", "governorate", "state", "county"})
_COUNTRY_TYPES = frozenset({"country", "countries"})
_TYPE_GROUPS: dict[str, frozenset[str]] = {
    "city": _CITY_TYPES,
    "province": _PROVINCE_TYPES,
    "country": _COUNTRY_TYPES,
    "region": frozenset({"region", "valley", "desert", "area"}),
}
_AFTER_WINDOW = 70
_PEOPLE_KINDS = frozenset({"civilians", "casualties", "displaced"})
_OF_REACH = 12  # "combattants des FDS": how far after the noun its group may be named
_SOURCE_REACH = 400  # a source can close the sentences after a claim ("sier Abdulrahman til DPA")
_LOOKBACK_CHARS = 1500
_WORD = re.compile(r"\w[\w'’-]*")
_CLAUSE_BREAK = re.compile(r"[,;:()!?\"“”«»]|\.\s|\s[–—]\s")


# Not frozen, and __init__ written out (mypyc compiles it, not dataclass's generated one): there is one per
# mention of a place or actor. Never changed once made.
@dataclass(slots=True, init=False)
class Entity:
    start: int
    end: int
    canonical: str
    type: str | None

    def __init__(self, start: int, end: int, canonical: str, type: str | None = None) -> None:
        self.start = start
        self.end = end
        self.canonical = canonical
        self.type = type


@dataclass(slots=True)
class DocumentEntities:
    text: str
    places: list[Entity]
    actors: list[Entity]
    registry: Any = None
    country: str | None = None  # the country the report is about, for "landet", "du pays", "des Landes"

    @classmethod
    def find(cls, text: str, registry: Any) -> DocumentEntities:
        if registry is None:
            return cls(text, [], [])
        places = _entities(text, registry, "place")
        return cls(
            text, places, _entities(text, registry, "actor"), registry, _main_country(text, places, registry)
        )

    def contains(self, outer: str, inner: str) -> bool:
        check = getattr(self.registry, "place_contains", None)
        return bool(check(outer, inner)) if check is not None else False

    def starting_in(self, entities: list[Entity], start: int, end: int) -> list[Entity]:
        """Entities that start at or after ``start`` and before ``end``."""
        first = bisect_left(entities, start, key=_start_of)
        return entities[first : bisect_left(entities, end, lo=first, key=_start_of)]

    def first_between(self, entities: list[Entity], start: int, end: int) -> Entity | None:
        """The first entity lying wholly between two offsets (ends are sorted too: no overlaps)."""
        index = bisect_left(entities, start, key=_start_of)
        if index < len(entities) and entities[index].start < end and entities[index].end <= end:
            return entities[index]
        return None

    def between(self, entities: list[Entity], start: int, end: int) -> list[Entity]:
        """Entities lying wholly between two offsets; the lists are sorted and do not overlap."""
        found: list[Entity] = []
        for index in range(bisect_left(entities, start, key=_start_of), len(entities)):
            entity = entities[index]
            if entity.start >= end:
                break
            if entity.end <= end:
                found.append(entity)
        return found


# registry -> kind -> name -> entity type; registries are immutable, so a name's type never changes. Keyed by
# the registry object itself (weakly): a registry built after an alias changed must not inherit another's.
_TYPES: weakref.WeakKeyDictionary[Any, dict[str, dict[str, str | None]]] = weakref.WeakKeyDictionary()


_UNKNOWN = "\0unknown"  # not a type: marks a name not yet looked up (None is a type: no type)


def _entity_type(registry: Any, what: str, name: str, known: dict[str, str | None]) -> str | None:
    """The type of a name the registry found (``known`` keeps those looked up: one dict per registry and kind,
    fetched once per document, so that each mention costs one look-up)."""
    found = known.get(name, _UNKNOWN)
    if found is _UNKNOWN:
        resolver = getattr(registry, f"resolve_{what}", None)
        resolution = resolver(name) if resolver is not None else None
        found = known[name] = _lower(getattr(resolution, "type", None))
    return found


def _entities(text: str, registry: Any, what: str) -> list[Entity]:
    finder = getattr(registry, f"find_{what}s", None)
    if finder is None:
        return []
    known = _TYPES.setdefault(registry, {}).setdefault(what, {})
    found: list[Entity] = []
    in_order = True  # each mention starts after the one before ends, as a registry finds them
    end = 0
    for mention in finder(text):
        canonical = getattr(mention, "canonical", None) or mention.text
        # The canonical name resolves exactly; that tells the entity's type (city, province, country).
        entity = Entity(mention.start, mention.end, canonical, _entity_type(registry, what, canonical, known))
        in_order = in_order and end <= entity.start < entity.end
        end = entity.end
        found.append(entity)
    return found if in_order else _longest_of_overlaps(found)


def _longest_of_overlaps(found: list[Entity]) -> list[Entity]:
    """The entities in text order, keeping the longest of overlapping mentions: "Deir ez-Zor provinsen" over
    "Deir ez-Zor"."""
    found.sort(key=lambda e: (e.start, -e.end))
    kept: list[Entity] = []
    for entity in found:
        if kept and entity.start < kept[-1].end:
            if entity.end - entity.start > kept[-1].end - kept[-1].start:
                kept[-1] = entity
            continue
        kept.append(entity)
    return kept


_ARMED_FORCES = "armed forces"


def _with_army_references(entities: DocumentEntities, lexicon: ClaimLexicon) -> list[Entity]:
    """The actors, with "the army" ("armén", "l'armée") as a mention of the armed forces the report named
    before it: the army a report goes on about is the one it introduced ("the Syrian army ... the army has
    seized")."""
    finder = lexicon.army_references
    actors = entities.actors
    if finder is None or not actors:
        return actors
    forces = [a for a in actors if a.type == _ARMED_FORCES]
    if not forces:
        return actors
    added: list[Entity] = []
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    seen = 0
    text = entities.text
    for match in finder.find(text, 0, len(text), foldable(text, 0, len(text))):
        while seen < len(forces) and forces[seen].end <= match.start():
            counts[forces[seen].canonical] = counts.get(forces[seen].canonical, 0) + 1
            first.setdefault(forces[seen].canonical, seen)
            seen += 1
        if counts:
            # The army the report has named most so far ("the Syrian army", not the Russian air power that
            # supports it); of armies named as often, the one named first, whom the report is about.
            canonical = max(counts, key=lambda name: (counts[name], -first[name]))
            added.append(Entity(match.start(), match.end(), canonical, _ARMED_FORCES))
    if not added:
        return actors
    merged = sorted([*actors, *added], key=lambda e: (e.start, -e.end))
    kept: list[Entity] = []
    for entity in merged:  # a named mention covering the phrase ("the Syrian army") stays as it is
        if kept and entity.start < kept[-1].end:
            continue
        kept.append(entity)
    return kept


def _main_country(text: str, places: list[Entity], registry: Any) -> str | None:
    """The country most of the report's places lie in; names used as modifiers ("USA-ledda") do not count."""
    country_of = getattr(registry, "country_of", None)
    if country_of is None:
        return None
    counts: dict[str, int] = {}
    for place in places:
        if text.startswith("-", place.end) and text[place.end + 1 : place.end + 2].isalpha():
            continue
        country = country_of(place.canonical)
        if country is not None:
            counts[country] = counts.get(country, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None  # ties: the first named


def _start_of(entity: Entity) -> int:
    return entity.start


def _span_end(span: tuple[int, int]) -> int:
    return span[1]


def _lower(value: Any) -> str | None:
    return str(value).lower() if value else None


@dataclass(slots=True, init=False)  # one per claim: not frozen, and __init__ written out for mypyc to compile
class ClaimSpot:
    """Where a claim sits: absolute offsets of its number and sentence, and the sentence before."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    previous_start: int  # start of the sentence before (== sentence_start for the first)
    kind: str
    noun_start: int | None  # absolute span of the counted noun ("IS-krigere")
    noun_end: int | None

    def __init__(
        self,
        start: int,
        end: int,
        sentence_start: int,
        sentence_end: int,
        previous_start: int,
        kind: str,
        noun_start: int | None = None,
        noun_end: int | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.sentence_start = sentence_start
        self.sentence_end = sentence_end
        self.previous_start = previous_start
        self.kind = kind
        self.noun_start = noun_start
        self.noun_end = noun_end


class ContextResolver:
    def __init__(self, entities: DocumentEntities, lexicon: ClaimLexicon) -> None:
        entities.actors = _with_army_references(entities, lexicon)
        self.entities = entities
        self.lexicon = lexicon
        self.text = entities.text
        self._province_names = sorted({e.canonical for e in entities.places if e.type in _PROVINCE_TYPES})
        self._province_cache: dict[str, str | None] = {}
        self._reference_cache: dict[tuple[int, int], list[tuple[int, str, int]]] = {}
        self._city_marks: dict[str, bool] = {}
        self._distances: list[tuple[int, int]] = []  # spans of the distance figures seen so far
        self._by_name: dict[str, list[Entity]] | None = None  # the places of each canonical name
        self._last_located: dict[str, tuple[int, str]] = {}  # kind -> (sentence start, place) of the latest

    def note(self, spot: ClaimSpot, location: str | None) -> None:
        """Remember a claim placed (in text order): distances measure from places, and a follow-up
        sentence keeps the place of the last figure of its kind."""
        if spot.kind == "distance":
            self._distances.append((spot.start, spot.end))
        if location:
            self._last_located[spot.kind] = (spot.sentence_start, location)

    # -- location -----------------------------------------------------------------------------------

    def location(self, spot: ClaimSpot) -> str | None:
        if spot.kind in ("distance", "ratio"):
            # The thing measured comes first: "Staden ligger fem mil från X", "the advance equals five times X".
            # A country has no single point to measure from, so it is not the subject of a distance.
            found = self._before(spot, countries=spot.kind != "distance")
            if found is not None:
                return found
        if self._may_name_place(spot):
            found = self._after(spot)
            if found is None:
                found = self._before(spot)
            if found is not None:
                return found
        # A follow-up sentence about the same kind of figure keeps the place: "SDF kontrollerer 32 prosent."
        last = self._last_located.get(spot.kind)
        if last is not None and last[0] >= spot.previous_start:
            return last[1]
        places = self.entities.between(self.entities.places, spot.previous_start, spot.sentence_start)
        if places:
            return self._name(places[-1])
        return self.entities.country  # nothing nearby: the report's own country

    def _may_name_place(self, spot: ClaimSpot) -> bool:
        """Whether the sentence up to a little after the number names a place or refers back to one:
        a sentence of bare figures needs no look around each of them."""
        if self._references(spot.sentence_start, spot.sentence_end):
            return True
        reach = min(spot.sentence_end, spot.end + _AFTER_WINDOW)
        return bool(self.entities.starting_in(self.entities.places, spot.sentence_start, reach))

    def _after(self, spot: ClaimSpot) -> str | None:
        """A place the words after the number introduce ("kvar i Raqqa"), or a phrase referring back."""
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
        places = self._places(spot.end, stop)
        place = places[0] if places else None
        back = self._back_reference_match(spot, spot.end, stop, first=True)
        if back is not None and (place is None or back[0] < place.start):
            return self._resolve_back(back[1], back[0])
        return self._joined(place, stop) if place is not None else None

    def _places(self, start: int, end: int) -> list[Entity]:
        """Places between two offsets, leaving out names used as modifiers ("USA-ledda", "U.S.-backed",
        "die von den USA unterstützten Kräfte")."""
        text = self.text
        return [
            p
            for p in self.entities.between(self.entities.places, start, end)
            if not (text.startswith("-", p.end) and text[p.end + 1 : p.end + 2].isalpha())
            and not self._agent_of_participle(p)
        ]

    def _agent_of_participle(self, place: Entity) -> bool:
        """ "von den USA unterstützten": the place is who backs the noun after it, not where it is."""
        lexicon = self.lexicon
        if not lexicon.participle_endings or not lexicon.agent_prepositions:
            return False
        following = (
            _WORD.match(self.text, place.end + 1) if self.text[place.end : place.end + 1] == " " else None
        )
        if following is None:
            return False
        word = following.group()
        if not word.islower() or not word.endswith(lexicon.participle_endings):
            return False
        before = _WORD.findall(self.text[max(0, place.start - 20) : place.start].lower())[-2:]
        if before and before[-1] in lexicon.agent_prepositions:
            return True
        # one short article between: "von den USA", "vom"
        return len(before) == 2 and before[0] in lexicon.agent_prepositions and len(before[1]) <= 3

    def share_of_place(self, spot: ClaimSpot) -> bool:
        """ "56 por ciento de Alepo", "74 procent av Raqqa": a percentage of a named place."""
        for place in self._places(spot.end, min(spot.sentence_end, spot.end + _AFTER_WINDOW)):
            gap = [w.lower() for w in _WORD.findall(self.text[spot.end : place.start])]
            return 1 <= len(gap) <= 2 and gap[0] in self.lexicon.of_words
        return False

    def _before(self, spot: ClaimSpot, countries: bool = True) -> str | None:
        places = self._places(spot.sentence_start, spot.start)
        if not countries:
            places = [p for p in places if p.type not in _COUNTRY_TYPES]
        # "staden Hawija och tre områden": a place listed next to the counted thing is not where it is.
        while places and self.text[places[-1].end : spot.start].strip().lower() in self.lexicon.conjunctions:
            places.pop()
        best_place = places[-1] if places else None
        back = self._back_reference_match(spot, spot.sentence_start, spot.start, first=False)
        if back is not None and (best_place is None or back[0] > best_place.start):
            return self._resolve_back(back[1], back[0])
        if best_place is None:
            return None
        if len(places) > 1 and (
            self._in_apposition(places[-2], best_place) or self._located_in(places[-2], best_place)
        ):
            best_place = places[-2]
        return self._joined(best_place, spot.start)

    def _located_in(self, inner: Entity, outer: Entity) -> bool:
        """ "im Kreis Ahrweiler in Rheinland-Pfalz", "in Raqqa in Syria": the second place only says where the
        first lies, so the first, narrower place is where the figure is."""
        gap = _WORD.findall(self.text[inner.end : outer.start].lower())
        return (
            len(gap) == 1
            and gap[0] in self.lexicon.location_prepositions
            and inner.canonical != outer.canonical
            and self.entities.contains(outer.canonical, inner.canonical)
        )

    def _in_apposition(self, head: Entity, place: Entity) -> bool:
        """ "Deir Ezzor, en stad i nordvästra Syrien": the second place only says where the first lies."""
        gap = self.text[head.end : place.start]
        if len(gap) > 50 or not gap.lstrip().startswith(","):
            return False
        words = [w.lower() for w in _WORD.findall(gap)]
        return (
            len(words) >= 3
            and words[0] in self.lexicon.one_words
            and any(w in self.lexicon.city_words for w in words[1:3])
            and any(w in self.lexicon.location_prepositions for w in words[2:])
        )

    def _back_reference_match(
        self, spot: ClaimSpot, start: int, end: int, first: bool
    ) -> tuple[int, str] | None:
        """The first or last phrase like "i staden" between two offsets, unless a name follows it
        ("staden Raqqa", "the city of Raqqa"): then it designates that place, not an earlier one."""
        references = self._references(spot.sentence_start, spot.sentence_end)
        hits: list[tuple[int, str, int]] = []
        for index in range(bisect_left(references, (start, "")), len(references)):
            hit = references[index]
            if hit[0] >= end:
                break
            if hit[2] <= end:
                hits.append(hit)
        if not hits:
            return None
        chosen = hits[0] if first else hits[-1]
        return chosen[0], chosen[1]

    def _references(self, start: int, end: int) -> list[tuple[int, str, int]]:
        """The phrases in a sentence that refer back to a place: (start, place type, end), in order."""
        key = (start, end)
        found = self._reference_cache.get(key)
        if found is None:
            found = []
            lowered = foldable(self.text, start, end)
            for place_type, finder in self.lexicon.back_references.items():
                for match in finder.find(self.text, start, end, lowered):
                    named = self.entities.first_between(self.entities.places, match.start(), end)
                    if named is not None and named.start <= match.end() + 4:
                        continue
                    found.append((match.start(), place_type, match.end()))
            found.sort()
            self._reference_cache[key] = found
        return found

    def _resolve_back(self, place_type: str, position: int) -> str | None:
        """The latest place of the type a phrase like "i staden" or "av provinsen" refers back to.

        A province named as such is what "the province" means before any city's province; a place that
        only serves to measure a distance from ("14 mil sydost om Raqqa") is not what the report discusses;
        "the city" after a district of it is the city."""
        wanted = _TYPE_GROUPS.get(place_type)
        if place_type == "country" and self.entities.country is not None:
            return self.entities.country
        floor = max(0, position - _LOOKBACK_CHARS)
        candidates = [
            p
            for p in self.entities.between(self.entities.places, floor, position)
            if not self._distance_reference(p)
        ]
        if place_type == "province":
            named = [p for p in candidates if p.type in _PROVINCE_TYPES]
            if named:
                return named[-1].canonical
        for place in reversed(candidates):
            if place_type == "city" and place.type in _CITY_PART_TYPES:
                parent = self._parent_city(place)
                if parent is not None:
                    return parent
            if wanted is None or place.type in wanted:
                return place.canonical
            province = (
                self._province_of(place) or self._known_province_of(place)
                if place_type == "province"
                else None
            )
            if province is not None:
                return province
        return None

    def _distance_reference(self, place: Entity) -> bool:
        """A place a distance is measured from: a distance figure ends shortly before it in its sentence."""
        # The distances are noted in text order and do not overlap, so their ends are sorted too.
        first = bisect_left(self._distances, place.start - _DISTANCE_REACH, key=_span_end)
        for _start, end in self._distances[first:]:
            if end > place.start:
                break
            if "." not in self.text[end : place.start]:
                return True
        return False

    def _parent_city(self, place: Entity) -> str | None:
        parents = getattr(self.entities.registry, "place_parents", None)
        if parents is None:
            return None
        for parent in parents(place.canonical):
            if _lower(getattr(self.entities.registry.resolve_place(parent), "type", None)) in _CITY_TYPES:
                return str(parent)
        return None

    def _known_province_of(self, place: Entity) -> str | None:
        """The gazetteer's province around a city, for "av provinsen" after only the city was named."""
        if place.type not in _CITY_TYPES:
            return None
        listing = getattr(self.entities.registry, "entities", None)
        if listing is None:
            return None
        for entity in listing("place"):
            if entity.type in _PROVINCE_TYPES and self.entities.contains(entity.canonical, place.canonical):
                return str(entity.canonical)
        return None

    def _province_of(self, place: Entity) -> str | None:
        """The province named after a city that the report also mentions ("Hama" -> "Hama province")."""
        if place.type not in _CITY_TYPES:
            return None
        if place.canonical not in self._province_cache:
            self._province_cache[place.canonical] = next(
                (
                    name
                    for name in self._province_names
                    if name.startswith(place.canonical) and self.entities.contains(name, place.canonical)
                ),
                None,
            )
        return self._province_cache[place.canonical]

    def _joined(self, place: Entity, stop: int) -> str:
        """ "i Irak og Syria" is one location: "Iraq and Syria"."""
        name = self._name(place)
        following = self.entities.starting_in(
            self.entities.places, place.end + 1, min(stop, place.end + 12) + 1
        )
        if following:
            gap = self.text[place.end : following[0].start].strip().lower()
            if gap in self.lexicon.conjunctions and following[0].type == place.type:
                return f"{name} and {self._name(following[0])}"
        return name

    def _name(self, place: Entity) -> str:
        """A bare name that is also a province's name means the province when the report speaks of the
        province and never marks the name as a city ("in eastern Hama" after "Hama province")."""
        province = self._province_of(place)
        if province is not None and not self._marked_as_city(place.canonical):
            return province
        return place.canonical

    def _marked_as_city(self, canonical: str) -> bool:
        if canonical not in self._city_marks:
            self._city_marks[canonical] = self._find_city_mark(canonical)
        return self._city_marks[canonical]

    def _find_city_mark(self, canonical: str) -> bool:
        if self._by_name is None:
            self._by_name = {}
            for place in self.entities.places:
                self._by_name.setdefault(place.canonical, []).append(place)
        for place in self._by_name.get(canonical, []):
            before = _WORD.findall(self.text[max(0, place.start - 20) : place.start].lower())[-2:]
            after = _WORD.findall(self.text[place.end : place.end + 12].lower())[:1]
            if any(w in self.lexicon.city_words for w in before + after):
                return True
        return False

    # -- actor --------------------------------------------------------------------------------------

    def actor(self, spot: ClaimSpot, source_mention: str | None = None) -> str | None:
        """The group a claim is about: the one compounded with or named after the counted noun ("IS-krigere",
        "soldats du régime"), else the nearest before the number, after it, or in the sentence before.
        The source the claim is attributed to ("enligt SDF") is not its actor."""
        if spot.kind == "civilians":
            return "civilians"
        if spot.kind == "distance":
            return None
        actors = self._actors_outside(spot, source_mention)
        if spot.kind not in _PEOPLE_KINDS:
            actors = [a for a in actors if a.canonical != "civilians"]  # civilians hold no ground
        if spot.noun_start is not None and spot.noun_end is not None:
            for actor in actors:
                if actor.start < spot.noun_end and actor.end > spot.noun_start:
                    return actor.canonical
            for actor in actors:
                if spot.noun_end < actor.start <= spot.noun_end + _OF_REACH:
                    gap = [w.lower() for w in _WORD.findall(self.text[spot.noun_end : actor.start])]
                    if gap and gap[0] in self.lexicon.of_words:
                        return actor.canonical
        before = [a for a in actors if spot.sentence_start <= a.start and a.end <= spot.start]
        if before:
            return before[-1].canonical
        after = [a for a in actors if spot.end <= a.start and a.end <= spot.sentence_end]
        if after:
            return after[0].canonical
        if spot.kind in _PEOPLE_KINDS:
            return None  # the dead and the displaced belong to no group the sentence before names
        earlier = [a for a in actors if spot.previous_start <= a.start and a.end <= spot.sentence_start]
        return earlier[-1].canonical if earlier else None

    def _actors_outside(self, spot: ClaimSpot, source_mention: str | None) -> list[Entity]:
        floor, ceiling = spot.previous_start, spot.sentence_end + _SOURCE_REACH
        actors = self.entities.between(self.entities.actors, floor, ceiling)
        if not source_mention or not actors:
            return actors
        taken: list[tuple[int, int]] = []
        position = self.text.find(source_mention, floor, ceiling)
        while position != -1:
            taken.append((position, position + len(source_mention)))
            position = self.text.find(source_mention, position + 1, ceiling)
        return [a for a in actors if not any(s <= a.start and a.end <= e for s, e in taken)]
