"""Editors' corrections to sources: user aliases, merges, and the figures per source.

Names are looked up in the database first (a stored source's exact name, then its aliases), then
through the registry, so "Syriska människorättslaboratoriet" stored as a source of its own can be
merged into "SOHR". User aliases are stored with origin "user"; pipeline.load_registry reads them,
so the extended registry survives a restart and resolves later reports the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, union_all, update
from sqlalchemy.orm import Session

from factcheck.store import models
from factcheck.store.writes import SourceIds, insert_ignoring_conflicts, normalize_alias

_sources = models.SOURCES
_aliases = models.SOURCE_ALIASES
_claims = models.CLAIMS
_relations = models.RELATIONS


class SourceError(ValueError):
    """A source operation that cannot be done; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class SourceView:
    id: int
    name: str
    type: str | None
    parent: str | None
    aliases: tuple[str, ...]  # registry aliases, then the database's (user and seen)
    user_aliases: tuple[str, ...]
    merged_from: tuple[str, ...]  # sources merged into this one
    claims: int
    contradicted: int  # claims of this source in an open or confirmed contradiction


@dataclass(frozen=True, slots=True)
class MergeResult:
    source: str
    into: str
    claims_moved: int


def _registry(session: Session) -> Any:
    from factcheck.store.search import _registry as registry_for

    return registry_for(session)


def _live(session: Session, source_id: int) -> int:
    """Follow merges to the source that stands for this one now."""
    seen: set[int] = set()
    while source_id not in seen:
        seen.add(source_id)
        target = session.execute(select(_sources.c.merged_into_id).where(_sources.c.id == source_id)).scalar()
        if target is None:
            return source_id
        source_id = int(target)
    return source_id


def find_source(session: Session, name: str, *, create_known: bool = False) -> tuple[int, str] | None:
    """The stored source a name means (id, name), following merges; None when nothing matches.

    With create_known, a source the registry knows but no report has cited yet is created.
    """
    cleaned = " ".join(name.split())
    if not cleaned:
        return None
    found = session.execute(
        select(_sources.c.id).where(func.lower(_sources.c.name) == cleaned.casefold()).order_by(_sources.c.id)
    ).scalar()
    if found is None:
        found = session.execute(
            select(_aliases.c.source_id).where(_aliases.c.normalized == normalize_alias(cleaned))
        ).scalar()
    if found is None:
        registry = _registry(session)
        resolved = registry.resolve_known_source(cleaned)
        if resolved is not None:
            found = session.execute(
                select(_sources.c.id).where(func.lower(_sources.c.name) == resolved.canonical.casefold())
            ).scalar()
            if found is None and create_known:
                found = SourceIds().get(session, resolved.canonical, resolved.type, resolved.parent)
    if found is None:
        return None
    live = _live(session, int(found))
    return live, str(session.execute(select(_sources.c.name).where(_sources.c.id == live)).scalar_one())


def _require(session: Session, name: str, *, create_known: bool = False) -> tuple[int, str]:
    found = find_source(session, name, create_known=create_known)
    if found is None:
        raise SourceError(f"no source named {name!r} (see `factcheck sources list`)")
    return found


def add_alias(session: Session, source_name: str, alias: str) -> str:
    """Make `alias` a user alias of the source; returns the source's name.

    Runs in the caller's transaction. An alias that already names another source is refused
    (merge the two sources instead).
    """
    cleaned = " ".join(alias.split())
    if not cleaned:
        raise SourceError("the alias is empty")
    source_id, name = _require(session, source_name, create_known=True)
    key = normalize_alias(cleaned)
    insert_ignoring_conflicts(
        session,
        _aliases,
        [
            {
                "source_id": source_id,
                "alias": cleaned,
                "normalized": key,
                "origin": "user",
                "created_at": models.utcnow(),
            }
        ],
        "normalized",
    )
    owner = session.execute(select(_aliases.c.source_id).where(_aliases.c.normalized == key)).scalar_one()
    if _live(session, int(owner)) != source_id:
        other = session.execute(select(_sources.c.name).where(_sources.c.id == owner)).scalar_one()
        raise SourceError(f"{cleaned!r} is already an alias of {other!r}; merge the sources instead")
    # An alias first seen in reports becomes the editor's own, and so part of the registry.
    session.execute(
        update(_aliases).where(_aliases.c.normalized == key).values(origin="user", source_id=source_id)
    )
    return name


def merge_sources(session: Session, from_name: str, into_name: str) -> MergeResult:
    """Merge one source into another: its claims and aliases move, its name becomes an alias.

    The merged source stays, marked merged_into_id, so names resolved to it later land on the target.
    Runs in the caller's transaction.
    """
    from_id, from_label = _require(session, from_name)
    into_id, into_label = _require(session, into_name, create_known=True)
    if from_id == into_id:
        raise SourceError(f"{from_name!r} and {into_name!r} are already the same source ({into_label})")
    moved = session.execute(update(_claims).where(_claims.c.source_id == from_id).values(source_id=into_id))
    session.execute(update(_aliases).where(_aliases.c.source_id == from_id).values(source_id=into_id))
    session.execute(
        update(_sources)
        .where((_sources.c.id == from_id) | (_sources.c.merged_into_id == from_id))
        .values(merged_into_id=into_id)
    )
    session.execute(update(_sources).where(_sources.c.parent_id == from_id).values(parent_id=into_id))
    key = normalize_alias(from_label)
    insert_ignoring_conflicts(
        session,
        _aliases,
        [
            {
                "source_id": into_id,
                "alias": from_label,
                "normalized": key,
                "origin": "user",
                "created_at": models.utcnow(),
            }
        ],
        "normalized",
    )
    session.execute(
        update(_aliases).where(_aliases.c.normalized == key).values(source_id=into_id, origin="user")
    )
    return MergeResult(from_label, into_label, int(moved.rowcount or 0))  # type: ignore[attr-defined]


def _contradicted_counts(session: Session) -> dict[int, int]:
    live = (_relations.c.type == "contradicts") & (_relations.c.status != "dismissed")
    involved = union_all(
        select(_relations.c.claim_a_id.label("claim_id")).where(live),
        select(_relations.c.claim_b_id.label("claim_id")).where(live),
    ).subquery()
    rows = session.execute(
        select(_claims.c.source_id, func.count(func.distinct(_claims.c.id)))
        .join(involved, involved.c.claim_id == _claims.c.id)
        .where(_claims.c.source_id.is_not(None))
        .group_by(_claims.c.source_id)
    )
    return {int(source_id): int(count) for source_id, count in rows}


def source_stats(session: Session, *, name: str | None = None) -> list[SourceView]:
    """Every live (unmerged) source with its aliases and figures, most cited first; or just `name`."""
    query = select(_sources.c.id, _sources.c.name, _sources.c.type, _sources.c.parent_id).where(
        _sources.c.merged_into_id.is_(None)
    )
    if name is not None:
        query = query.where(_sources.c.id == _require(session, name)[0])
    rows = session.execute(query).all()
    claim_counts = {
        int(source_id): int(count)
        for source_id, count in session.execute(
            select(_claims.c.source_id, func.count())
            .where(_claims.c.source_id.is_not(None))
            .group_by(_claims.c.source_id)
        )
    }
    contradicted = _contradicted_counts(session)
    stored_aliases: dict[int, list[tuple[str, str]]] = {}
    for source_id, alias, origin in session.execute(
        select(_aliases.c.source_id, _aliases.c.alias, _aliases.c.origin).order_by(_aliases.c.id)
    ):
        stored_aliases.setdefault(int(source_id), []).append((alias, origin))
    merged_from: dict[int, list[str]] = {}
    for merged_name, target in session.execute(
        select(_sources.c.name, _sources.c.merged_into_id).where(_sources.c.merged_into_id.is_not(None))
    ):
        merged_from.setdefault(int(target), []).append(merged_name)
    names = {int(i): n for i, n in session.execute(select(_sources.c.id, _sources.c.name))}
    registry = _registry(session)
    views = []
    for row in rows:
        own = stored_aliases.get(row.id, [])
        aliases = [a for a in registry.aliases(row.name) if a != row.name]
        aliases += [alias for alias, _ in own if alias != row.name]
        views.append(
            SourceView(
                id=int(row.id),
                name=row.name,
                type=row.type,
                parent=names.get(row.parent_id) if row.parent_id is not None else None,
                aliases=tuple(dict.fromkeys(aliases)),
                user_aliases=tuple(alias for alias, origin in own if origin == "user"),
                merged_from=tuple(sorted(merged_from.get(row.id, []))),
                claims=int(claim_counts.get(row.id, 0)),
                contradicted=contradicted.get(int(row.id), 0),
            )
        )
    views.sort(key=lambda view: (-view.claims, view.name.casefold()))
    return views
