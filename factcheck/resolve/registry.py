"""The registry of canonical sources, actors and places: resolution of names, search in text, containment.

Resolution of a mention, in order:
1. the whole mention is an alias (score 100; a generic description such as "the monitoring group" 80);
2. a run of its words is an alias ("brittiska Independent", "SOHR-leder Rami Abdulrahman"): the longest run
   wins, then a proper name over a common noun, then the rightmost (the head of a Germanic noun phrase);
3. a fuzzy match (rapidfuzz ratio >= 90 on normalised keys of at least six characters). People need more: the
   surnames may differ by one edit at most and given names by two, so "Ali Maybou" stays apart from
   "Ali Mayhoub" while "Stefan de Mistura" is Staffan de Mistura;
4. sources only: otherwise a plausible name (letters, at most eight words) becomes a new entity with score 0.
   Its canonical name is the proper name that ends the mention if there is one ("statsvetaren Anna Lind" ->
   "Anna Lind"), else the mention without leading articles; its type is guessed from hint words.
Unknown actors and places resolve to None: a gazetteer cannot vouch for a place it does not know.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cached_property

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from factcheck.resolve.index import KindIndex, token_spans
from factcheck.resolve.loader import KINDS
from factcheck.resolve.model import Entity, Mention, MentionKind, Resolution
from factcheck.resolve.normalize import name_key
from factcheck.resolve.typeguess import guess_type, proper_name_tail

FUZZY_CUTOFF = 90.0
GENERIC_SCORE = 80.0
PLACE_TYPES = frozenset({"country", "province", "city", "town", "district", "region"})
_MAX_WORDS = 8
_STRIP = " \t\n,;:.!?\"'“”«»()[]–—-"
_LEADING_ARTICLES = frozenset(
    {"the", "a", "an", "den", "det", "en", "ett", "der", "die", "das", "le", "la", "les", "el", "los", "las", "un", "una", "une"}
)  # fmt: skip


class Registry:
    """Immutable; ``with_aliases`` returns an extended copy."""

    def __init__(self, entities: Mapping[str, Sequence[Entity]]) -> None:
        self._entities = {kind: tuple(entities.get(kind, ())) for kind in KINDS}
        self._cache: dict[tuple[str, str], Resolution | None] = {}
        self._countries: dict[str, str | None] = {}

    @cached_property
    def _indexes(self) -> dict[str, KindIndex]:
        return {kind: KindIndex(self._entities[kind]) for kind in KINDS}

    # ---- extension -------------------------------------------------------------------------------

    def with_aliases(self, extra: Iterable[tuple[str, str, str | None]]) -> Registry:
        """A copy with user aliases (alias, canonical, type).

        The alias is added to every kind that knows ``canonical``; an unknown canonical becomes a new
        entity (a place when ``type`` is a place type, else a source). When the alias is itself the
        canonical name of another entity of that kind, that entity is merged into ``canonical``.
        """
        kinds = {kind: {e.canonical: e for e in self._entities[kind]} for kind in KINDS}
        for alias, canonical, type_ in extra:
            alias, canonical = alias.strip(), canonical.strip()
            if not canonical:
                continue
            owners = [kind for kind in KINDS if canonical in kinds[kind]]
            if not owners:
                kind = "place" if type_ in PLACE_TYPES else "source"
                kinds[kind][canonical] = Entity(
                    canonical=canonical, type=type_ or "unknown", aliases=(canonical,)
                )
                owners = [kind]
            for kind in owners:
                entities = kinds[kind]
                target = entities[canonical]
                if type_ and target.type == "unknown":
                    target = replace(target, type=type_)
                merged = entities.pop(alias, None) if alias != canonical else None
                new_aliases = [*target.aliases, alias]
                if merged is not None:
                    new_aliases.extend(merged.aliases)
                    new_aliases.extend(merged.generic)
                entities[canonical] = replace(
                    target, aliases=tuple(dict.fromkeys(a for a in new_aliases if a))
                )
        return Registry({kind: tuple(kinds[kind].values()) for kind in KINDS})

    # ---- resolution ------------------------------------------------------------------------------

    def resolve_source(self, mention: str) -> Resolution | None:
        return self._resolve("source", mention, allow_new=True)

    def resolve_actor(self, mention: str) -> Resolution | None:
        return self._resolve("actor", mention, allow_new=False)

    def resolve_place(self, mention: str) -> Resolution | None:
        return self._resolve("place", mention, allow_new=False)

    def resolve_known_source(self, mention: str) -> Resolution | None:
        """Like resolve_source, but None instead of a new entity."""
        return self._resolve("source", mention, allow_new=False)

    def _resolve(self, kind: str, mention: str, allow_new: bool) -> Resolution | None:
        cache_key = (kind + ("+" if allow_new else ""), mention)
        if cache_key in self._cache:
            return self._cache[cache_key]
        result = self._resolve_uncached(kind, mention, allow_new)
        self._cache[cache_key] = result
        return result

    def _resolve_uncached(self, kind: str, mention: str, allow_new: bool) -> Resolution | None:
        cleaned = " ".join(mention.split()).strip(_STRIP)
        if not cleaned or not any(ch.isalpha() for ch in cleaned):
            return None
        index = self._indexes[kind]
        hit = index.exact(cleaned)
        if hit is not None:
            return self._resolution(kind, hit.canonical, GENERIC_SCORE if hit.generic else 100.0, mention)
        partial = self._sub_span(index, cleaned)
        if partial is not None:
            canonical, generic = partial
            return self._resolution(kind, canonical, GENERIC_SCORE if generic else 100.0, mention)
        fuzzy = self._fuzzy(index, cleaned)
        if fuzzy is not None:
            return self._resolution(kind, fuzzy[0], fuzzy[1], mention)
        if allow_new and len(cleaned.split()) <= _MAX_WORDS:
            tail = proper_name_tail(cleaned)
            type_ = guess_type(cleaned)
            if tail is not None and type_ == "unknown":
                type_ = guess_type(tail)
            name = tail or _without_article(cleaned)
            return Resolution(canonical=name, type=type_, score=0.0, mention=mention, parent=None)
        return None

    def _resolution(self, kind: str, canonical: str, score: float, mention: str) -> Resolution:
        entity = self._indexes[kind].entities[canonical]
        return Resolution(canonical, entity.type, round(score, 1), mention, entity.parent)

    @staticmethod
    def _sub_span(index: KindIndex, text: str) -> tuple[str, bool] | None:
        for segment in _segments(text):
            spans = token_spans(segment)[: _MAX_WORDS * 2]
            best: tuple[tuple[int, int, int], str, bool] | None = None
            for i in range(len(spans)):
                for j in range(i, min(len(spans), i + _MAX_WORDS)):
                    piece = segment[spans[i][0] : spans[j][1]]
                    hit = index.exact(piece)
                    if hit is None:
                        continue
                    rank = (j - i + 1, int(any(ch.isupper() for ch in piece)) - int(hit.generic), j)
                    if best is None or rank > best[0]:
                        best = (rank, hit.canonical, hit.generic)
            if best is not None:
                return best[1], best[2]
        return None

    @staticmethod
    def _fuzzy(index: KindIndex, text: str) -> tuple[str, float] | None:
        key = name_key(text)
        if len(key) < 6 or not index.fuzzy_choices:
            return None
        found = process.extractOne(key, index.fuzzy_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if found is None:
            return None
        choice, score, _ = found
        if choice in index.person_keys and not _same_person(key, choice):
            return None
        return index.keys[choice].canonical, float(score)

    # ---- search in text --------------------------------------------------------------------------

    def find_places(self, text: str) -> list[Mention]:
        return self._find("place", text)

    def find_actors(self, text: str) -> list[Mention]:
        return self._find("actor", text)

    def find_sources(self, text: str) -> list[Mention]:
        return self._find("source", text)

    def _find(self, kind: MentionKind, text: str) -> list[Mention]:
        index = self._indexes[kind]
        found: list[Mention] = []
        acronyms, keys = index.acronyms, index.keys
        for start, end, written, key, acronym, genitive in index.matcher.scan(text):  # a Hit, unpacked
            alias_hit = (acronyms if acronym else keys).get(key)
            if alias_hit is None:
                continue
            if genitive == "s" and self._is_other_name(written):
                continue  # "Hamas" is not the genitive of "Hama"
            score = GENERIC_SCORE if alias_hit.generic else 100.0
            found.append(Mention(start, end, written, alias_hit.canonical, kind, score))
        return found

    def _is_other_name(self, word: str) -> bool:
        return any(self._indexes[kind].exact(word) is not None for kind in KINDS)

    # ---- facts about entities --------------------------------------------------------------------

    def place_contains(self, outer: str, inner: str) -> bool:
        """True when ``inner`` lies within ``outer`` (reflexive, transitive over gazetteer parents)."""
        outer_res, inner_res = self.resolve_place(outer), self.resolve_place(inner)
        if outer_res is None or inner_res is None:
            return name_key(outer) == name_key(inner) and bool(name_key(outer))
        places = self._indexes["place"].entities
        target, seen, stack = outer_res.canonical, set(), [inner_res.canonical]
        while stack:
            current = stack.pop()
            if current == target:
                return True
            if current in seen:
                continue
            seen.add(current)
            entity = places.get(current)
            if entity is not None:
                stack.extend(entity.parents)
        return False

    def place_parents(self, canonical: str) -> tuple[str, ...]:
        """The places that directly contain a known place ("eastern Aleppo" -> ("Aleppo",))."""
        entity = self._indexes["place"].entities.get(canonical)
        return entity.parents if entity is not None else ()

    def country_of(self, canonical: str) -> str | None:
        """The country a known place lies in (itself for a country), following gazetteer parents."""
        if canonical in self._countries:
            return self._countries[canonical]
        places = self._indexes["place"].entities
        found: str | None = None
        seen: set[str] = set()
        stack = [canonical]
        while stack:
            current = stack.pop(0)
            entity = places.get(current)
            if entity is None or current in seen:
                continue
            seen.add(current)
            if entity.type == "country":
                found = current
                break
            stack.extend(entity.parents)
        self._countries[canonical] = found
        return found

    def source_type(self, canonical: str) -> str | None:
        entity = self._entity(canonical, ("source", "actor", "place"))
        return entity.type if entity else None

    def parent_body(self, canonical: str) -> str | None:
        entity = self._entity(canonical, ("source",))
        return entity.parent if entity else None

    def speaks_for(self, canonical: str) -> str | None:
        """The body whose statements this person's are (a spokesperson, a monitor's head), if any.

        Asked for every source a report quotes, so the one kind is looked up directly."""
        entity = self._indexes["source"].entities.get(canonical)
        return entity.parent if entity is not None and entity.speaks_for else None

    def aliases(self, canonical: str) -> list[str]:
        names: dict[str, None] = {}
        for kind in KINDS:
            entity = self._indexes[kind].entities.get(canonical)
            if entity is not None:
                names.update(dict.fromkeys(entity.aliases))
                names.update(dict.fromkeys(entity.generic))
        return list(names)

    def entities(self, kind: str) -> tuple[Entity, ...]:
        return self._entities[kind]

    def _entity(self, canonical: str, kinds: Sequence[str]) -> Entity | None:
        for kind in kinds:
            entity = self._indexes[kind].entities.get(canonical)
            if entity is not None:
                return entity
        return None


def _segments(text: str) -> list[str]:
    return [part for part in (p.strip() for p in text.split(",")) if part]


def _without_article(text: str) -> str:
    words = text.split()
    if len(words) > 1 and words[0].lower() in _LEADING_ARTICLES:
        words = words[1:]
    return " ".join(words)


def _same_person(a: str, b: str) -> bool:
    """Spelling variants of one name, not two people: surname within one edit, given names within two."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or not wa:
        return False
    if Levenshtein.distance(wa[-1], wb[-1]) > 1:
        return False
    return all(Levenshtein.distance(x, y) <= 2 for x, y in zip(wa[:-1], wb[:-1], strict=True))
