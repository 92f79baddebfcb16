"""Find claims by source or by words: each engine's full-text index plus the source registry.

A query matches a claim when
- the claim's source is a source the query names (through the shipped registry, user aliases in
  source_aliases, or a fuzzy match on stored source names: pg_trgm finds candidates on PostgreSQL),
  and the claim's text matches whatever else the query says ("SOHR Raqqa": SOHR's claims about Raqqa); or
- every word of the query occurs in the claim's text, sentence, source mention, subject, location or
  actor (FTS5 on SQLite, the 'simple' tsvector GIN index on PostgreSQL; words of four letters or more
  also match as prefixes).

Any string is a valid query: it is cut into words and each word is quoted, so quotes, brackets and
operators (AND OR NOT NEAR * ^ : -) are plain text; the words travel as bind parameters.
Results are claim ids, newest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    bindparam,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from factcheck.store import models
from factcheck.store.queries import ClaimFilter, filter_conditions

_claims = models.CLAIMS
_documents = models.DOCUMENTS
_sources = models.SOURCES
_aliases = models.SOURCE_ALIASES

# Letters and digits: what both FTS5's unicode61 tokenizer and PostgreSQL's parser keep as words.
_WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 16
PREFIX_MIN = 4
SOURCE_FUZZY_CUTOFF = 90.0
REGISTRY_SCORE_MIN = 80.0

# PostgreSQL: claims.fts_vector, the 'simple' tsvector of the same columns, stored in a generated column
# with its GIN index (migrations 0002 and 0004), so testing a claim against a query never recomputes it.
_PG_MATCH = "claims.fts_vector @@ to_tsquery('simple'::regconfig, :tsq)"
_claims_fts = table("claims_fts", column("rowid", Integer))


def query_words(query: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(query)][:MAX_WORDS]


def fts5_query(words: Sequence[str]) -> str:
    """An FTS5 MATCH expression in which every word is a quoted string (all must occur)."""
    parts = []
    for word in words:
        quoted = '"' + word.replace('"', '""') + '"'
        parts.append(quoted + "*" if len(word) >= PREFIX_MIN else quoted)
    return " ".join(parts)


def tsquery(words: Sequence[str]) -> str:
    """A to_tsquery expression in which every word is a quoted lexeme (all must occur)."""
    parts = []
    for word in words:
        quoted = "'" + word.replace("'", "''").replace("\\", "\\\\") + "'"
        parts.append(quoted + ":*" if len(word) >= PREFIX_MIN else quoted)
    return " & ".join(parts)


def _text_condition(session: Session, words: Sequence[str]) -> ColumnElement[bool]:
    if session.get_bind().dialect.name == "postgresql":
        return sql_text(_PG_MATCH).bindparams(  # type: ignore[return-value]
            bindparam("tsq", tsquery(words), unique=True)
        )
    matched = select(_claims_fts.c.rowid).where(
        literal_column("claims_fts").op("MATCH")(bindparam("fts", fts5_query(words), unique=True))
    )
    return _claims.c.id.in_(matched)


@dataclass(frozen=True, slots=True)
class SourceMatch:
    """What a query says about sources: the names it resolved to, and the words left over."""

    canonical: tuple[str, ...]
    source_ids: tuple[int, ...]
    rest: tuple[str, ...]


_OPERATOR_CHARS = re.compile(r"[^\w\s\-.'’]|_")


def _plain_words(query: str) -> str:
    """The query's words with operators and quotes removed; hyphens and dots inside names stay (U.S.-led)."""
    words = (word.strip("-.'’") for word in _OPERATOR_CHARS.sub(" ", query).split())
    return " ".join(word for word in words if word)


def match_sources(session: Session, query: str, registry: Any | None = None) -> SourceMatch:
    """Resolve the sources a query names: registry aliases in it, else the whole query fuzzily."""
    from factcheck.store.writes import normalize_alias

    if registry is None:
        registry = _registry(session)
    cleaned = _plain_words(query)
    names: set[str] = set()
    rest = cleaned
    mentions = registry.find_sources(cleaned) if cleaned else []
    for mention in sorted(mentions, key=lambda m: m.start, reverse=True):
        names.add(mention.canonical)
        rest = rest[: mention.start] + " " + rest[mention.end :]
    if not mentions and cleaned:
        resolved = registry.resolve_known_source(cleaned)
        if resolved is not None and resolved.score >= REGISTRY_SCORE_MIN:
            names.add(resolved.canonical)
            rest = ""
    ids: set[int] = set()
    if names:
        wanted = {name.casefold() for name in names}
        ids.update(
            session.execute(
                select(_sources.c.id).where(func.lower(_sources.c.name).in_(sorted(wanted)))
            ).scalars()
        )
    if cleaned and not names:
        key = normalize_alias(cleaned)
        ids.update(
            session.execute(select(_aliases.c.source_id).where(_aliases.c.normalized == key)).scalars()
        )
        fuzzy = _fuzzy_source_ids(session, key)
        ids.update(fuzzy)
        if ids:
            rest = ""
    if ids:
        # A merged source's claims moved to its target; follow merges both ways.
        ids.update(
            session.execute(
                select(_sources.c.merged_into_id).where(
                    _sources.c.id.in_(sorted(ids)), _sources.c.merged_into_id.is_not(None)
                )
            ).scalars()
        )
        ids.update(
            session.execute(select(_sources.c.id).where(_sources.c.merged_into_id.in_(sorted(ids)))).scalars()
        )
    return SourceMatch(tuple(sorted(names)), tuple(sorted(ids)), tuple(query_words(rest)))


def _registry(session: Session) -> Any:
    """The shipped registry with this database's user aliases; rebuilt only when those change."""
    rows = session.execute(
        select(_aliases.c.alias, _sources.c.name, _sources.c.type)
        .join(_sources, _sources.c.id == _aliases.c.source_id)
        .where(_aliases.c.origin == "user")
        .order_by(_aliases.c.id)
    ).all()
    return _extended_registry(tuple((row.alias, row.name, row.type) for row in rows))


@lru_cache(maxsize=4)
def _extended_registry(user_aliases: tuple[tuple[str, str, str | None], ...]) -> Any:
    from factcheck.resolve import get_registry

    registry = get_registry()
    return registry.with_aliases(user_aliases) if user_aliases else registry


def _fuzzy_source_ids(session: Session, key: str) -> set[int]:
    """Stored sources (names and aliases) close to the query; pg_trgm narrows the candidates on PostgreSQL."""
    from rapidfuzz import fuzz

    if len(key) < 3:
        return set()
    names = select(_sources.c.id, func.lower(_sources.c.name).label("name"))
    aliases = select(_aliases.c.source_id.label("id"), _aliases.c.normalized.label("name"))
    if session.get_bind().dialect.name == "postgresql":
        names = names.where(
            or_(
                func.lower(_sources.c.name).op("%")(key),
                func.lower(_sources.c.name).contains(key, autoescape=True),
            )
        )
        aliases = aliases.where(
            or_(_aliases.c.normalized.op("%")(key), _aliases.c.normalized.contains(key, autoescape=True))
        )
    found: set[int] = set()
    words = key.split()
    for source_id, name in [*session.execute(names), *session.execute(aliases)]:
        score = fuzz.ratio(key, name)
        if all(len(word) >= 3 for word in words):
            score = max(score, fuzz.token_set_ratio(key, name) if set(words) <= set(name.split()) else 0)
        if score >= SOURCE_FUZZY_CUTOFF:
            found.add(int(source_id))
    return found


def _claim_ids(
    session: Session, conditions: Iterable[ColumnElement[bool]], claim_filter: ClaimFilter, limit: int
) -> list[int]:
    query: Select[Any] = select(_claims.c.id)
    needs = claim_filter.language or claim_filter.since or claim_filter.until or claim_filter.source
    if needs:
        query = query.join(_documents, _documents.c.id == _claims.c.document_id).outerjoin(
            _sources, _sources.c.id == _claims.c.source_id
        )
    query = query.where(*conditions, *filter_conditions(claim_filter))
    return [int(i) for i in session.execute(query.order_by(_claims.c.id.desc()).limit(limit)).scalars()]


def search_claim_ids(
    session: Session, query: str, *, claim_filter: ClaimFilter | None = None, limit: int = 1000
) -> list[int]:
    """Ids of the claims that match the query (see the module docstring), newest first."""
    claim_filter = claim_filter or ClaimFilter()
    # NUL and other control characters mean nothing in a query, and PostgreSQL refuses NUL outright.
    query = "".join(ch if ch.isprintable() else " " for ch in query)
    words = query_words(query)
    sources = match_sources(session, query)
    found: set[int] = set()
    if sources.source_ids:
        conditions: list[ColumnElement[bool]] = [_claims.c.source_id.in_(sources.source_ids)]
        if sources.rest:
            conditions.append(_text_condition(session, sources.rest))
        found.update(_claim_ids(session, conditions, claim_filter, limit))
    if words:
        found.update(_claim_ids(session, [_text_condition(session, words)], claim_filter, limit))
    return sorted(found, reverse=True)[:limit]
