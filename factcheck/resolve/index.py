"""Lookup structures for one kind of entity (sources, actors or places), built once per registry."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.resolve.matcher import AliasMatcher
from factcheck.resolve.model import Entity
from factcheck.resolve.normalize import acronym_key, is_acronym, name_key

_PARTICLES = frozenset({"de", "al", "el", "von", "van", "der", "bin", "ibn", "abu", "le", "la", "di", "da"})


@dataclass(frozen=True, slots=True)
class AliasHit:
    canonical: str
    generic: bool


class KindIndex:
    """Exact alias keys, case-sensitive acronyms, a text matcher and fuzzy choices for one kind."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.entities: dict[str, Entity] = {}
        for entity in entities:
            self.entities[entity.canonical] = entity
        self.keys: dict[str, AliasHit] = {}
        self.acronyms: dict[str, AliasHit] = {}
        self.surface: list[str] = []
        for entity in self.entities.values():
            for alias in entity.aliases:
                self._add(alias, entity.canonical, generic=False)
        for entity in self.entities.values():
            for alias in entity.generic:
                self._add(alias, entity.canonical, generic=True)
        self._add_surnames()
        # Built on first use (start-up never pays for a kind it does not scan). Plain attributes, not
        # functools.cached_property: mypyc compiles this class, and its instances have no __dict__ to cache in.
        self._matcher: AliasMatcher | None = None
        self._fuzzy_choices: list[str] | None = None
        self._person_keys: frozenset[str] | None = None

    def _add(self, alias: str, canonical: str, generic: bool) -> None:
        hit = AliasHit(canonical, generic)
        if is_acronym(alias):
            self.acronyms.setdefault(acronym_key(alias), hit)
        else:
            key = name_key(alias)
            if not key:
                return
            current = self.keys.get(key)
            if current is None or (current.generic and not generic):
                self.keys[key] = hit
        self.surface.append(alias)

    def _add_surnames(self) -> None:
        """A person is often named by surname alone ("McGurk", "de Mistura"); add it when unambiguous."""
        owners: dict[str, set[str]] = {}
        for entity in self.entities.values():
            if entity.type != "person":
                continue
            words = entity.canonical.split()
            if len(words) < 2:
                continue
            surname = words[-1]
            if len(words) >= 3 and words[-2].lower() in _PARTICLES:
                surname = f"{words[-2]} {words[-1]}"
            if len(surname) >= 4:
                owners.setdefault(surname, set()).add(entity.canonical)
        for surname, canonicals in owners.items():
            if len(canonicals) == 1 and name_key(surname) not in self.keys:
                self._add(surname, next(iter(canonicals)), generic=False)

    def exact(self, text: str) -> AliasHit | None:
        hit = self.acronyms.get(acronym_key(text))
        if hit is not None and is_acronym(text):
            return hit
        return self.keys.get(name_key(text))

    @property
    def matcher(self) -> AliasMatcher:
        if self._matcher is None:
            self._matcher = AliasMatcher(self.surface)
        return self._matcher

    @property
    def fuzzy_choices(self) -> list[str]:
        if self._fuzzy_choices is None:
            # Generic descriptions and very short keys are too easy to hit by accident.
            self._fuzzy_choices = [key for key, hit in self.keys.items() if not hit.generic and len(key) >= 6]
        return self._fuzzy_choices

    @property
    def person_keys(self) -> frozenset[str]:
        if self._person_keys is None:
            self._person_keys = frozenset(
                key for key, hit in self.keys.items() if self.entities[hit.canonical].type == "person"
            )
        return self._person_keys


_TOKEN = re.compile(r"[^\s,;:()\"“”«»\-‐‑'’]+")


def token_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
