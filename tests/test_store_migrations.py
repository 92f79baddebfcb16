"""The schema is Alembic's: one head, up and down cleanly, and the models agree with the migrations."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from factcheck.store.engine import (
    alembic_config,
    create_store_engine,
    current_revision,
    downgrade,
    head_revision,
    upgrade,
)
from factcheck.store.models import Base

CORE_TABLES = {"documents", "sources", "source_aliases", "claims", "relations", "reviews"}


def test_one_head() -> None:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(heads) == 1
    # open_store reads the head from the files without importing Alembic; it must agree.
    assert head_revision() == heads[0]


def test_upgrade_downgrade_upgrade(db_url: str) -> None:
    engine = create_store_engine(db_url)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert set(inspect(engine).get_table_names()) >= CORE_TABLES
    downgrade(engine, "base")
    assert current_revision(engine) is None
    assert not CORE_TABLES & set(inspect(engine).get_table_names())
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert set(inspect(engine).get_table_names()) >= CORE_TABLES
    engine.dispose()


def test_models_match_migrations(db_url: str) -> None:
    engine = create_store_engine(db_url)
    upgrade(engine)

    def include(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
        # Full-text tables and their shadow tables are managed by hand in the migrations.
        if type_ == "column" and name == "fts_vector":
            return False  # PostgreSQL's stored search vector (migration 0004): generated, never written
        return not (type_ == "table" and name is not None and name.startswith(("claims_fts", "sqlite_")))

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "include_object": include, "target_metadata": Base.metadata},
        )
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    # Indexes that exist only for full-text search (expression indexes on PostgreSQL) are not modelled.
    differences = [d for d in differences if not (d[0] == "remove_index" and "fts" in str(d[1].name or ""))]
    assert differences == []


def test_sqlite_pragmas(sqlite_url: str) -> None:
    from factcheck.store.engine import open_store

    engine = open_store(sqlite_url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    engine.dispose()
