"""Engines for SQLite and PostgreSQL, with SQLite's pragmas, and schema upgrades on open."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

# migrations/ sits at the project's top level beside factcheck/.
MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"
BUSY_TIMEOUT_MS = 30_000
WAL_CHECKPOINT_PAGES = 10_000  # 4 KB pages: about 40 MB of log between checkpoints


class StoreError(RuntimeError):
    """The database cannot be opened or used; the message is one line for the user."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    # Checkpoint the write-ahead log every WAL_CHECKPOINT_PAGES pages rather than SQLite's 1,000: an
    # ingest rewrites the same index and full-text pages batch after batch, and each checkpoint copies
    # (and syncs) them into the database once instead of many times. The log stays a few tens of MB.
    cursor.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def create_store_engine(url: str) -> Engine:
    """An Engine for the URL; SQLite gets WAL, a busy timeout and foreign keys on every connection."""
    if url.startswith("sqlite"):
        database = url.split("///", 1)[-1]
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(url: str | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


_REVISION_LINE = re.compile(r"^(down_revision|revision)\b[^=]*=\s*['\"]?([\w-]+|None)['\"]?", re.MULTILINE)


def head_revision() -> str | None:
    """The newest revision, read from the revision files without importing Alembic (it is slow to import)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in MIGRATIONS_DIR.joinpath("versions").glob("*.py"):
        fields = dict((name, value) for name, value in _REVISION_LINE.findall(script.read_text("utf-8")))
        if "revision" in fields:
            revisions.add(fields["revision"])
            if fields.get("down_revision", "None") != "None":
                parents.add(fields["down_revision"])
    heads = revisions - parents
    if len(heads) != 1:
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(alembic_config()).get_current_head()
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def open_store(url: str, *, upgrade_schema: bool = True) -> Engine:
    """Open (and create or upgrade to head) the database at URL."""
    from sqlalchemy.exc import ArgumentError, DatabaseError

    try:
        engine = create_store_engine(url)
        if upgrade_schema and current_revision(engine) != head_revision():
            upgrade(engine)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {url}") from exc
    except DatabaseError as exc:  # includes OperationalError: locked, missing, not a database
        reason = str(exc.orig).splitlines()[0] if exc.orig else str(exc).splitlines()[0]
        raise StoreError(f"cannot open database: {reason}") from exc
    except OSError as exc:  # the SQLite file's folder cannot be made
        raise StoreError(f"cannot open database: {exc.strerror or exc}") from exc
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
