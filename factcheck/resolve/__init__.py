"""Canonical sources, actors and places: shipped data (resolve/data/*.json), user aliases, rapidfuzz matching.

from factcheck.resolve import get_registry
registry = get_registry()
registry.resolve_source("SOHR-leder Rami Abdulrahman")   # -> Rami Abdulrahman (person, parent SOHR)
registry.find_places("IS har förlorat fästen i Homsprovinsen")
"""

from __future__ import annotations

from functools import lru_cache

from factcheck.resolve.model import Entity, Mention, Resolution
from factcheck.resolve.registry import Registry

__all__ = ["Entity", "Mention", "Registry", "Resolution", "get_registry"]


@lru_cache(maxsize=1)
def get_registry() -> Registry:
    """The registry built from the shipped data; cached, so indexes are built once per process."""
    from factcheck.resolve.loader import shipped_entities

    return Registry(shipped_entities())
