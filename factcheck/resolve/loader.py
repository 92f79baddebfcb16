"""Read the shipped registry data (resolve/data/*.json) into entities."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from factcheck.resolve.model import Entity

DATA_DIR = Path(str(resources.files("factcheck.resolve"))) / "data"
KINDS = ("source", "actor", "place")
_FILES = {"source": "sources.json", "actor": "actors.json", "place": "places.json"}


def _read(name: str) -> Any:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def shipped_entities() -> dict[str, tuple[Entity, ...]]:
    """Entities per kind ("source", "actor", "place"), with place templates expanded."""
    loaded = {kind: _entities(_read(_FILES[kind])["entities"]) for kind in ("source", "actor")}
    loaded["place"] = _places(_read(_FILES["place"])["entities"], _read("place_forms.json"))
    return loaded


def _entities(rows: list[dict[str, Any]]) -> tuple[Entity, ...]:
    return tuple(
        Entity(
            canonical=row["canonical"],
            type=row["type"],
            aliases=_unique([row["canonical"], *row.get("aliases", [])]),
            generic=_unique(row.get("generic", [])),
            parent=row.get("parent"),
            speaks_for=bool(row.get("speaks_for", False)),
        )
        for row in rows
    )


def _places(rows: list[dict[str, Any]], forms: dict[str, Any]) -> tuple[Entity, ...]:
    own_names = {row["canonical"]: row.get("aliases", []) for row in rows}
    entities = []
    for row in rows:
        aliases = [row["canonical"], *row.get("aliases", [])]
        template_set = row.get("forms")
        if template_set:
            stems = own_names[row["stems_from"]] if row.get("stems_from") else row.get("aliases", [])
            aliases.extend(template.format(stem) for template in forms[template_set] for stem in stems)
        entities.append(
            Entity(
                canonical=row["canonical"],
                type=row["type"],
                aliases=_unique(aliases),
                parents=tuple(row.get("parents", [])),
            )
        )
    return tuple(entities)


def _unique(items: list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return tuple(seen)


@lru_cache(maxsize=1)
def type_hints() -> tuple[tuple[str, frozenset[str]], ...]:
    data = _read("type_hints.json")
    return tuple((kind, frozenset(data["hints"][kind])) for kind in data["order"])
