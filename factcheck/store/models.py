"""The store's tables as typed SQLAlchemy 2 models.

Reviews point at what they review by a stable key (a claim's claim_key or a relation's
relation_key), not by a foreign key, so that re-extraction and recomputed relations can
never delete or orphan an editor's decision silently.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar, cast

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only gives an auto-incrementing rowid to INTEGER PRIMARY KEY.
Id = BigInteger().with_variant(Integer(), "sqlite")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: DateTime(timezone=True)}


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    origin: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(String(512))
    outlet: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(8), index=True)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    extractor_version: Mapped[str | None] = mapped_column(String(40))
    ingested_at: Mapped[datetime] = mapped_column(default=utcnow)

    claims: Mapped[list[Claim]] = relationship(back_populates="document", lazy="raise", passive_deletes=True)


class Source(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    type: Mapped[str | None] = mapped_column(String(40))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    # A merged source points at the one it was merged into; its claims move there.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    aliases: Mapped[list[SourceAlias]] = relationship(
        back_populates="source", lazy="raise", passive_deletes=True
    )


class SourceAlias(Base):
    __tablename__ = "source_aliases"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    # Lower-cased, whitespace-folded alias: one alias names one source.
    normalized: Mapped[str] = mapped_column(String(300), unique=True)
    origin: Mapped[str] = mapped_column(String(20), default="user")  # user | seen | registry
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    source: Mapped[Source] = relationship(back_populates="aliases", lazy="raise")


class Claim(Base):
    __tablename__ = "claims"
    __table_args__ = (
        Index("ix_claims_block", "kind", "location", "actor", "moment_start"),
        Index("ix_claims_source_id", "source_id"),
        Index("ix_claims_as_of", "as_of"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    claim_key: Mapped[str] = mapped_column(String(40), unique=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    value_low: Mapped[float] = mapped_column(Float)
    value_high: Mapped[float] = mapped_column(Float)
    approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    vague: Mapped[bool] = mapped_column(Boolean, default=False)
    unit: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(String(200))
    as_of: Mapped[str | None] = mapped_column(String(10))
    # First day (proleptic ordinal) of as_of, else of the report's date: comparison reads a block by it.
    moment_start: Mapped[int | None] = mapped_column(Integer)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    source_mention: Mapped[str | None] = mapped_column(Text)
    source_score: Mapped[float | None] = mapped_column(Float)
    via: Mapped[list[str]] = mapped_column(JSON, default=list)
    extractor_version: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    document: Mapped[Document] = relationship(back_populates="claims", lazy="raise")
    source: Mapped[Source | None] = relationship(lazy="raise")


class Relation(Base):
    __tablename__ = "relations"
    __table_args__ = (Index("ix_relations_type_status", "type", "status"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    # Ordered pair of claim keys, so a pair has one relation whichever claim came first.
    relation_key: Mapped[str] = mapped_column(String(81), unique=True)
    claim_a_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    claim_b_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(30))
    score: Mapped[float] = mapped_column(Float)
    explanation: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open | confirmed | dismissed
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)

    claim_a: Mapped[Claim] = relationship(foreign_keys=[claim_a_id], lazy="raise")
    claim_b: Mapped[Claim] = relationship(foreign_keys=[claim_b_id], lazy="raise")


class Review(Base):
    """An editor's decision. Never deleted: undo marks it withdrawn."""

    __tablename__ = "reviews"
    __table_args__ = (Index("ix_reviews_target", "target_type", "target_key"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    target_type: Mapped[str] = mapped_column(String(10))  # claim | relation
    target_key: Mapped[str] = mapped_column(String(81))
    verdict: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column()
    # What the editor saw, kept so a review stays readable even if its claim disappears.
    document_hash: Mapped[str | None] = mapped_column(String(64))
    snapshot: Mapped[str | None] = mapped_column(Text)


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


# Core tables, typed as Table, for the Core-level queries and bulk writes.
DOCUMENTS = _table(Document)
SOURCES = _table(Source)
SOURCE_ALIASES = _table(SourceAlias)
CLAIMS = _table(Claim)
RELATIONS = _table(Relation)
REVIEWS = _table(Review)
