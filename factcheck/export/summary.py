"""The per-source summary both reports end with: claims, contradicted, corroborated."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.export.describe import source_text
from factcheck.store.queries import ClaimView


@dataclass(slots=True)
class SourceSummary:
    source: str
    claims: int = 0
    contradicted: int = 0
    corroborated: int = 0


def summarise_sources(claims: Iterable[ClaimView], corroborated_ids: set[int]) -> list[SourceSummary]:
    """One line per source, most claims first, then by name, so the order is stable."""
    by_source: dict[str, SourceSummary] = {}
    for claim in claims:
        name = source_text(claim)
        line = by_source.setdefault(name, SourceSummary(name))
        line.claims += 1
        line.contradicted += claim.flags > 0
        line.corroborated += claim.id in corroborated_ids
    return sorted(by_source.values(), key=lambda line: (-line.claims, line.source))
