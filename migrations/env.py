"""Alembic environment: factcheck's metadata, one revision chain for SQLite and PostgreSQL.

The connection comes from factcheck (config.attributes["connection"]) when the application
upgrades a database it opens; from the command line the URL is -x db=..., then FACTCHECK_DB,
then the default database.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from factcheck.store.models import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=_include_object,
    )


def _include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    # Full-text index tables are managed by hand in the migrations, not by the models.
    return not (
        type_ == "table"
        and name is not None
        and (name.startswith("claims_fts") or name.startswith("sqlite_"))
    )


def _url() -> str:
    from factcheck.config import database_url

    url = context.get_x_argument(as_dictionary=True).get("db") or config.get_main_option("sqlalchemy.url")
    return url or database_url(None)


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    from factcheck.store.engine import create_store_engine

    engine = create_store_engine(_url())
    with engine.begin() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
