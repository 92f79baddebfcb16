"""Shared fixtures: real SQLite files, a real PostgreSQL server, and a seeds database.

`db_url` is parametrised over both engines; tests that take it run against each. Without
PostgreSQL the postgres cases skip with the reason, except under CI=true where they fail.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[object]:
    from tests.support.postgres import PostgresUnavailable, start_postgres

    try:
        server = start_postgres()
    except PostgresUnavailable as exc:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required under CI: {exc}")
        pytest.skip(f"no PostgreSQL server available: {exc}")
    yield server
    server.stop()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'factcheck.db'}"


@pytest.fixture
def postgres_url(postgres_server: object) -> str:
    return postgres_server.create_database(f"t_{uuid.uuid4().hex[:12]}")  # type: ignore[attr-defined]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL on each engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'factcheck.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A fresh database on each engine, upgraded to head."""
    from factcheck.store.engine import open_store

    store = open_store(db_url)
    yield store
    store.dispose()


@pytest.fixture(scope="session")
def seeds_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database with the five seeds ingested (and compared), built once per session."""
    from factcheck.pipeline import ingest
    from factcheck.read import read_paths
    from factcheck.store.engine import open_store

    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    store = open_store(f"sqlite:///{path}")
    summary = ingest(store, read_paths([str(SEEDS)]))
    assert summary.new == 5, summary
    store.dispose()
    return path


@pytest.fixture
def seeds_db(seeds_db_template: Path, tmp_path: Path) -> Path:
    """A private copy of the seeds database that a test may change."""
    target = tmp_path / "seeds.db"
    shutil.copyfile(seeds_db_template, target)
    return target


@pytest.fixture
def seeds_engine(seeds_db: Path) -> Iterator[Engine]:
    from factcheck.store.engine import open_store

    store = open_store(f"sqlite:///{seeds_db}")
    yield store
    store.dispose()
