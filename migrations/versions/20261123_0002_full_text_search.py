"""full-text search over claims; fuzzy matching of source names

SQLite: an FTS5 external-content table claims_fts over claims, kept in sync by triggers
(accents folded, so "manniskor" finds "människor").
PostgreSQL: a GIN index on the 'simple' tsvector of the same claim columns, and pg_trgm GIN
indexes on source names and aliases for fuzzy matching.

Index and table names contain "fts" so autogenerate comparisons can tell them from modelled ones.
Beware on SQLite: a later batch migration that recreates the claims table drops these triggers;
such a migration must create them again (copy the statements into that revision).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 12:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The searchable columns of a claim, in the order of the FTS5 table.
COLUMNS = ("text", "sentence", "source_mention", "subject", "location", "actor")

# The PostgreSQL document; factcheck.store.search uses exactly this expression so the index applies.
PG_DOCUMENT = (
    "to_tsvector('simple'::regconfig, " + " || ' ' || ".join(f"coalesce({c}, '')" for c in COLUMNS) + ")"
)


def _sqlite_triggers() -> list[str]:
    columns = ", ".join(COLUMNS)
    new_values = ", ".join(f"new.{c}" for c in COLUMNS)
    old_values = ", ".join(f"old.{c}" for c in COLUMNS)
    return [
        f"""CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claims_fts(rowid, {columns}) VALUES (new.id, {new_values});
        END""",
        f"""CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, {columns}) VALUES ('delete', old.id, {old_values});
        END""",
        f"""CREATE TRIGGER claims_fts_update AFTER UPDATE OF {columns} ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, {columns}) VALUES ('delete', old.id, {old_values});
            INSERT INTO claims_fts(rowid, {columns}) VALUES (new.id, {new_values});
        END""",
    ]


def upgrade_sqlite_triggers() -> None:
    for statement in _sqlite_triggers():
        op.execute(statement)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            f"CREATE VIRTUAL TABLE claims_fts USING fts5({', '.join(COLUMNS)}, "
            "content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
        )
        upgrade_sqlite_triggers()
        # Claims stored before this revision become searchable too.
        op.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")
    elif dialect == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(f"CREATE INDEX ix_claims_fts ON claims USING gin ({PG_DOCUMENT})")
        op.execute("CREATE INDEX ix_sources_name_fts_trgm ON sources USING gin (lower(name) gin_trgm_ops)")
        op.execute(
            "CREATE INDEX ix_source_aliases_alias_fts_trgm ON source_aliases USING gin (normalized gin_trgm_ops)"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("claims_fts_insert", "claims_fts_delete", "claims_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS claims_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_source_aliases_alias_fts_trgm")
        op.execute("DROP INDEX IF EXISTS ix_sources_name_fts_trgm")
        op.execute("DROP INDEX IF EXISTS ix_claims_fts")
        # pg_trgm stays: other databases objects may use it, and it costs nothing.
