"""An incremental run on SQLite writes without foreign-key lookups, inside its own write lock, on a
connection of its own that it closes afterwards: the pool's connections keep their settings, whether the
run succeeds or fails, and the run's memory (page cache, prepared statements) is not kept."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine

from factcheck.compare import compare_new_claims, run
from factcheck.store.engine import open_store
from tests.test_compare_relations import fighters
from tests.test_compare_support import Report, relations, store_report


@pytest.fixture
def sqlite_engine(sqlite_url: str) -> Iterator[Engine]:
    engine = open_store(sqlite_url)
    yield engine
    engine.dispose()


def _settings(engine: Engine) -> tuple[int, int]:
    with engine.connect() as connection:
        foreign_keys = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
        cache_size = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    return int(foreign_keys or 0), int(cache_size or 0)


def _two_reports(engine: Engine) -> list[int]:
    ids: list[int] = []
    for published, value, source in [("2017-09-02", 2000, "SOHR"), ("2017-09-05", 7000, "AFP")]:
        ids.extend(store_report(engine, Report(published, said=[fighters(
            f"{source}: {value:,} fighters in Raqqa.", f"{value:,} fighters", value, source=source)])))  # fmt: skip
    return ids


def test_a_run_leaves_the_pools_settings_as_they_were(sqlite_engine: Engine) -> None:
    before = _settings(sqlite_engine)
    assert before[0] == 1
    assert compare_new_claims(sqlite_engine, _two_reports(sqlite_engine)) == 1
    assert _settings(sqlite_engine) == before
    with sqlite_engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    assert [r.type for r in relations(sqlite_engine)] == ["contradicts"]


def test_a_failed_run_writes_nothing_and_leaves_the_pools_settings(
    sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _settings(sqlite_engine)
    ids = _two_reports(sqlite_engine)

    def failing(*_args: object, **_kwargs: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(run, "upsert_relations", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        compare_new_claims(sqlite_engine, ids)
    assert _settings(sqlite_engine) == before
    assert relations(sqlite_engine) == []


def test_a_run_holds_the_write_lock_from_its_first_read(sqlite_url: str, sqlite_engine: Engine,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """While the run reads its blocks no other writer gets in, so no claim it links can vanish."""
    ids = _two_reports(sqlite_engine)
    other = create_engine(sqlite_url, connect_args={"timeout": 0})
    blocked: list[bool] = []
    load_blocks = run.load_blocks

    def loading(*args: object, **kwargs: object) -> object:
        with other.connect() as connection:
            try:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                connection.exec_driver_sql("ROLLBACK")
                blocked.append(False)
            except Exception as exc:  # sqlite3.OperationalError: database is locked
                blocked.append("locked" in str(exc))
        return load_blocks(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(run, "load_blocks", loading)
    assert compare_new_claims(sqlite_engine, ids) == 1
    other.dispose()
    assert blocked == [True]


def test_a_run_closes_its_own_connection(sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _two_reports(sqlite_engine)
    used: list[sqlite3.Connection] = []
    focus_starts = run.focus_starts

    def starting(session: object, claim_ids: object) -> object:
        used.append(session.connection().connection.dbapi_connection)  # type: ignore[attr-defined]
        return focus_starts(session, claim_ids)  # type: ignore[arg-type]

    monkeypatch.setattr(run, "focus_starts", starting)
    assert compare_new_claims(sqlite_engine, ids) == 1
    assert len(used) == 1
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        used[0].execute("SELECT 1")
    with sqlite_engine.connect() as connection:  # the pool still serves connections
        assert connection.exec_driver_sql("SELECT count(*) FROM relations").scalar() == 1
