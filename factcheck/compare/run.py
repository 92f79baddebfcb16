"""Full and incremental comparison runs over the store.

compare_new_claims: the claims of a new report against the blocks they fall in (indexed lookups),
never against the whole store. compare_all: every block, streamed in block-key order; relations the
pass does not produce again are removed, and editors' decisions are restored on every relation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.orm import Session

from factcheck.compare.blocking import (
    BlockKey,
    DayWindow,
    block_keys,
    focus_starts,
    load_blocks,
    stream_blocks,
)
from factcheck.compare.pairs import (
    Found,
    block_relations,
    reviewed_partners,
    reviewed_relations,
    scope_across,
    sort_block,
)
from factcheck.compare.persist import (
    delete_older_than,
    delete_outdated,
    delete_pairs,
    relation_key,
    reviewed_keys,
    stored_links,
    upsert_relations,
)
from factcheck.compare.places import Gazetteer, containment, default_gazetteer
from factcheck.compare.records import Item, clear_caches
from factcheck.compare.timing import HORIZON_DAYS
from factcheck.memory import no_cyclic_gc
from factcheck.store import models
from factcheck.store.writes import begin_writing

FLUSH_EVERY = 200_000  # few large batches: each batch rewrites the index pages it touches
# An incremental run reads, compares and writes this many blocks at a time: its memory is the largest
# step, and blocks grow with the archive (one step of five blocks grew RSS about a fifth more).
BLOCKS_PER_STEP = 1
# Every type an incremental run makes; different_scope belongs to `compare --all --with-scope` only.
LINK_TYPES = ("contradicts", "corroborates", "repeats", "changed_over_time")
SQLITE_PASS_CACHE_KIB = 512 * 1024  # a full pass touches every index page; the default 2 MB cache thrashes
# An incremental run writes across the relation indexes; its page cache adds to the run's peak memory
# and leaves with the run's connection. Against the 2 MB default, 32 MB saved 2.4 s of 27 on a run of
# 100,000 new claims; in a full 100,000-report ingest, 3 s of 106 over its runs, for 24 MB more at the peak.
SQLITE_RUN_CACHE_KIB = 32 * 1024


@contextmanager
def _roomy_cache(session: Session, kib: int = SQLITE_PASS_CACHE_KIB) -> Iterator[None]:
    """A large page cache on this SQLite connection for the length of a comparison, then the default again."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    connection = session.connection()
    previous = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(previous or -2000)}")


@contextmanager
def _run_connection(engine: Engine) -> Iterator[Connection]:
    """A connection for one incremental run; on SQLite, its own, with a roomier page cache and no
    foreign-key lookups.

    The run holds the write lock from its first read (begin_writing), so every claim it links is one it
    read in its own transaction and no other writer can remove in between: the two parent lookups per
    relation row that foreign-key enforcement adds (a third of the writing on a store of 500,000
    claims) cannot fail. SQLite ignores both settings inside a transaction, so they are set through the
    driver before the run. The connection is detached from the pool and closed after the run: its
    settings never reach another user of the pool, and its memory (the page cache, the prepared
    statements, the WAL index of the run's large transaction) goes with it; a pooled one kept about
    10 MB after a run of 200,000 new claims."""
    with engine.connect() as connection:
        if connection.dialect.name != "sqlite":
            yield connection
            return
        driver: Any = connection.connection.driver_connection
        connection.detach()
        driver.execute(f"PRAGMA cache_size = -{int(SQLITE_RUN_CACHE_KIB)}")
        driver.execute("PRAGMA foreign_keys = OFF")
        yield connection


def compare_new_claims(engine: Engine, claim_ids: Sequence[int]) -> int:
    """Compare these (newly stored) claims with the claims sharing their block; returns how many relations
    the store gained: those added, less the links of older claims the new ones displaced (and, for a
    re-extracted claim, the links that no longer hold), so a run's figures add up to the store's.

    Blocks are read, compared and written BLOCKS_PER_STEP at a time, so memory stays bounded however
    many claims are new, and each block is read only within the horizon of its new claims' dates."""
    if not claim_ids:
        return 0
    # A run's records and relations are acyclic; the collector's rescans of them were 8% of a run of
    # 130,000 new claims on a store of 500,000 (and a third of a full pass).
    with no_cyclic_gc():
        return _compare_new_claims(engine, claim_ids)


def _compare_new_claims(engine: Engine, claim_ids: Sequence[int]) -> int:
    focus = frozenset(claim_ids)
    gained = 0
    with _run_connection(engine) as connection, Session(bind=connection) as session, session.begin():
        begin_writing(session)  # SQLite: the write lock before the first read (see _run_connection)
        stamp = models.utcnow()
        windows, unplaced = _focus_windows(session, claim_ids)
        links, known = stored_links(session, claim_ids, LINK_TYPES)
        reviewed = reviewed_keys(session)
        partners = reviewed_partners(reviewed)
        keys = sorted(windows, key=lambda key: (key[0], key[1], key[2] or ""))
        for start in range(0, len(keys), BLOCKS_PER_STEP):
            found: list[Found] = []
            stale: list[tuple[Item, Item]] = []
            here: list[int] = []  # the new claims in these blocks
            for items in load_blocks(session, keys[start : start + BLOCKS_PER_STEP], windows).values():
                result = block_relations(sort_block(items), focus=focus)
                found.extend(result.found)
                found.extend(reviewed_relations(items, partners, focus))
                if reviewed:
                    stale.extend(pair for pair in result.stale if relation_key(*pair) not in reviewed)
                else:
                    stale.extend(result.stale)
                if links:  # only claims with stored links can have outdated ones
                    here.extend(item.id for item in items if item.id in focus)
            # Links another claim took over are gone, unless an editor reviewed them.
            gained -= delete_pairs(session, stale, LINK_TYPES)
            # A re-extracted claim keeps only the links this run made again (none for a new report's).
            gained -= delete_outdated(session, links, here, found, LINK_TYPES)
            gained += upsert_relations(session, found, stamp, reviewed, known)
        # New claims in no block (no location, no date) have no links; drop any a re-extracted one had.
        gained -= delete_outdated(session, links, unplaced, (), LINK_TYPES)
    clear_caches()
    return gained


def _focus_windows(
    session: Session, claim_ids: Sequence[int]
) -> tuple[dict[BlockKey, list[DayWindow]], list[int]]:
    """Where an incremental run must look: per block key, the day windows its new claims reach (the
    start days themselves are let go here), and the new claims that fall in no block."""
    starts, unplaced = focus_starts(session, claim_ids)
    return {key: horizon_windows(days) for key, days in starts.items()}, unplaced


def horizon_windows(focus_starts: list[int]) -> list[DayWindow]:
    """The start days within HORIZON_DAYS of a new claim's start, as merged intervals.

    block_relations with a focus touches no other claim: a claim it compares (b) is a focus claim or
    starts within [focus, focus + HORIZON_DAYS], and the earlier claims it compares b with (and so the
    previous-moment links it finds or displaces) start at most HORIZON_DAYS before b and not after it.
    Leaving the other claims of the block out changes neither the pairs visited nor their order."""
    windows: list[DayWindow] = []
    for start in sorted(focus_starts):
        low, high = start - HORIZON_DAYS, start + HORIZON_DAYS
        if windows and low <= windows[-1][1] + 1:
            windows[-1] = (windows[-1][0], max(windows[-1][1], high))
        else:
            windows.append((low, high))
    return windows


def compare_all(engine: Engine, *, with_scope: bool = False, gazetteer: Gazetteer | None = None) -> int:
    """Recompute every relation; different_scope pairs only when asked. Returns relations stored."""
    with no_cyclic_gc():
        return _compare_all(engine, with_scope, gazetteer)


def _compare_all(engine: Engine, with_scope: bool, gazetteer: Gazetteer | None) -> int:
    stamp = models.utcnow()
    stored = 0
    buffer: list[Found] = []

    def flush() -> None:
        nonlocal stored
        if buffer:
            with Session(engine) as writer, writer.begin(), _roomy_cache(writer):
                stored += upsert_relations(writer, buffer, stamp, reviewed)
            buffer.clear()

    with Session(engine) as reader:
        reviewed = reviewed_keys(reader)
        partners = reviewed_partners(reviewed)
        for _key, items in stream_blocks(reader):
            if len(items) > 1:
                buffer.extend(block_relations(sort_block(items), with_scope=with_scope).found)
                buffer.extend(reviewed_relations(items, partners))
            if len(buffer) >= FLUSH_EVERY:
                flush()
        reader.rollback()  # end the read snapshot before the scope pass and the sweep
        if with_scope:
            buffer.extend(_scope_pairs(reader, gazetteer or default_gazetteer()))
    flush()
    with Session(engine) as writer, writer.begin():
        delete_older_than(writer, stamp)
    return stored


def _scope_pairs(session: Session, gazetteer: Gazetteer | None) -> list[Found]:
    """Claims about a place and claims about a place inside it (same kind and actor)."""
    keys = block_keys(session)
    inside = containment(gazetteer, {key[1] for key in keys})
    if not inside:
        return []
    by_kind_actor: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for kind, location, actor in keys:
        by_kind_actor[(kind, actor)].add(location)
    pairs: list[tuple[BlockKey, BlockKey]] = []
    for (kind, actor), locations in by_kind_actor.items():
        for outer in locations:
            for inner in inside.get(outer, set()) & locations:
                pairs.append(((kind, outer, actor), (kind, inner, actor)))
    found: list[Found] = []
    for start in range(0, len(pairs), 100):
        chunk = pairs[start : start + 100]
        blocks = load_blocks(session, [key for pair in chunk for key in pair])
        for outer_key, inner_key in chunk:
            found.extend(scope_across(blocks[outer_key], blocks[inner_key]))
    return found


def last_run(session: Session) -> datetime | None:
    return session.execute(select(func.max(models.Relation.__table__.c.computed_at))).scalar()


def compare_pending(engine: Engine) -> int:
    """Compare the claims stored since the last comparison (all of them when nothing was compared yet);
    returns how many relations the store gained."""
    claims = models.Claim.__table__
    with Session(engine) as session:
        since = last_run(session)
        if since is None:
            ids: list[int] = []
        else:
            ids = list(session.execute(select(claims.c.id).where(claims.c.created_at > since)).scalars())
    if since is None:
        return compare_all(engine)
    return compare_new_claims(engine, ids)
