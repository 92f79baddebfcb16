"""the first day a claim may refer to, for date-windowed comparison

claims.moment_start is the first day (a proleptic Gregorian ordinal) of the claim's as_of, else of
its report's date: "2017" starts on 2017-01-01, "2017-09" on 2017-09-01. The block index becomes
(kind, location, actor, moment_start), so comparing a new claim reads only the claims of its block
within the comparison horizon of its date, however many years of reports the block holds.

Plain ALTER TABLE (no batch rebuild), so the SQLite FTS triggers of 0002 stay in place.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 15:20:00
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 5000


def _first_day(value: str | None) -> int | None:
    """The first day a date of year, month or day precision may mean (as the application reads it,
    frozen here so that this revision never changes)."""
    if not value:
        return None
    parts = value.strip().split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        if len(parts) > 1:
            calendar.monthrange(year, month)  # validates the month
        day = int(parts[2]) if len(parts) > 2 else 1
        return date(year, month, day).toordinal()
    except (ValueError, IndexError):
        return None


def upgrade() -> None:
    op.add_column("claims", sa.Column("moment_start", sa.Integer(), nullable=True))
    claims = sa.table(
        "claims",
        sa.column("id", sa.Integer),
        sa.column("as_of", sa.String),
        sa.column("document_id", sa.Integer),
        sa.column("moment_start", sa.Integer),
    )
    documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("published", sa.String))
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(claims.c.id, sa.func.coalesce(claims.c.as_of, documents.c.published))
        .join(documents, documents.c.id == claims.c.document_id)
        .order_by(claims.c.id)
    ).all()
    update = (
        sa.update(claims)
        .where(claims.c.id == sa.bindparam("claim_id"))
        .values(moment_start=sa.bindparam("day"))
    )
    values = [{"claim_id": claim_id, "day": day} for claim_id, when in rows if (day := _first_day(when))]
    for start in range(0, len(values), _BATCH):
        bind.execute(update, values[start : start + _BATCH])
    op.drop_index("ix_claims_block", table_name="claims")
    op.create_index("ix_claims_block", "claims", ["kind", "location", "actor", "moment_start"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_claims_block", table_name="claims")
    op.create_index("ix_claims_block", "claims", ["kind", "location", "actor"], unique=False)
    op.drop_column("claims", "moment_start")
