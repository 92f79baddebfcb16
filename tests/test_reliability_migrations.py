"""Migrations keep data: a database filled at the first revision keeps every row through upgrade to head.

Written against revision 0001 (which is never edited) and whatever head is: columns a later
revision keeps must keep their values; new columns may take defaults.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import MetaData, Table, inspect, select

from factcheck.store.engine import create_store_engine, current_revision, downgrade, head_revision, upgrade

FIRST = "0001"
WHEN = datetime(2017, 9, 2, 10, 30, tzinfo=UTC)
HASH = "a" * 64

# Rows in every table of revision 0001, with awkward values: quotes, markup, non-ASCII, big numbers.
ROWS: dict[str, list[dict[str, Any]]] = {
    "documents": [
        {
            "id": 1, "content_hash": HASH, "origin": "seeds/it's <b>1</b>.txt", "name": "it's <b>1</b>.txt",
            "outlet": "Dagens Nyheter", "language": "sv", "published": "2017-09-02",
            "title": "Strider i Raqqa; \"2 000\" kvar", "text": "Drygt 2 000 IS-krigare finns kvar i Raqqa, enligt SOHR.",
            "extractor_version": "0.9", "ingested_at": WHEN,
        },
        {
            "id": 2, "content_hash": "b" * 64, "origin": "https://example.org/a?x=1&y='2'", "name": "a",
            "outlet": None, "language": "en", "published": "2017-09", "title": None,
            "text": "About 1,500 fighters remain in Raqqa; 25 percent of the city is held.",
            "extractor_version": None, "ingested_at": WHEN,
        },
    ],
    "sources": [
        {"id": 1, "name": "Syrian Observatory for Human Rights", "type": "monitor", "parent_id": None,
         "merged_into_id": None, "created_at": WHEN},
        {"id": 2, "name": "SOHR (old spelling)", "type": "monitor", "parent_id": 1, "merged_into_id": 1,
         "created_at": WHEN},
    ],
    "source_aliases": [
        {"id": 1, "source_id": 1, "alias": "SOHR", "normalized": "sohr", "origin": "user", "created_at": WHEN},
        {"id": 2, "source_id": 1, "alias": "Människorättsobservatoriet", "normalized": "människorättsobservatoriet",
         "origin": "seen", "created_at": WHEN},
    ],
    "claims": [
        {
            "id": 1, "claim_key": "c" * 40, "document_id": 1, "start": 6, "end": 25,
            "sentence": "Drygt 2 000 IS-krigare finns kvar i Raqqa, enligt SOHR.", "sentence_start": 0,
            "text": "Drygt 2 000 IS-krigare", "value_low": 2000.0, "value_high": 2000.0, "approximate": True,
            "vague": False, "unit": "persons", "kind": "fighters", "subject": "IS fighters",
            "actor": "Islamic State", "location": "Raqqa", "as_of": "2017-09-02", "source_id": 1,
            "source_mention": "SOHR", "source_score": 97.5, "via": ["Reuters", "TT"],
            "extractor_version": "0.9", "created_at": WHEN,
        },
        {
            "id": 2, "claim_key": "d" * 40, "document_id": 2, "start": 6, "end": 11,
            "sentence": "About 1,500 fighters remain in Raqqa; 25 percent of the city is held.", "sentence_start": 0,
            "text": "1,500", "value_low": 1e21, "value_high": 1.5e21, "approximate": False, "vague": True,
            "unit": "persons", "kind": "fighters", "subject": None, "actor": None, "location": None,
            "as_of": None, "source_id": None, "source_mention": None, "source_score": None, "via": [],
            "extractor_version": "0.9", "created_at": WHEN,
        },
    ],
    "relations": [
        {"id": 1, "relation_key": "c" * 40 + ":" + "d" * 40, "claim_a_id": 1, "claim_b_id": 2,
         "type": "contradicts", "score": 0.93, "explanation": "2 000 vs 1,500 <script>", "status": "dismissed",
         "computed_at": WHEN},
    ],
    "reviews": [
        {"id": 1, "target_type": "claim", "target_key": "c" * 40, "verdict": "verified", "note": "=HYPERLINK(\"x\")",
         "reviewer": "anna", "created_at": WHEN, "withdrawn_at": None, "document_hash": HASH,
         "snapshot": "Drygt 2 000 IS-krigare | ..."},
        {"id": 2, "target_type": "relation", "target_key": "c" * 40 + ":" + "d" * 40, "verdict": "dismissed",
         "note": None, "reviewer": "bo", "created_at": WHEN, "withdrawn_at": WHEN, "document_hash": None,
         "snapshot": None},
        {"id": 3, "target_type": "claim", "target_key": "e" * 40, "verdict": "disputed", "note": "orphan",
         "reviewer": "bo", "created_at": WHEN, "withdrawn_at": None, "document_hash": HASH, "snapshot": "gone"},
    ],
}  # fmt: skip


def _normal(value: Any) -> Any:
    if isinstance(value, datetime):  # SQLite hands back naive UTC datetimes
        return (value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)).replace(microsecond=0)
    if isinstance(value, float):
        return round(value, 9)
    return value


def _fill_first_revision(url: str) -> Any:
    engine = create_store_engine(url)
    upgrade(engine, FIRST)
    assert current_revision(engine) == FIRST
    metadata = MetaData()
    metadata.reflect(engine)
    assert set(ROWS) == set(metadata.tables) - {"alembic_version"}, "a table of 0001 has no rows here"
    with engine.begin() as connection:
        for name, rows in ROWS.items():
            table: Table = metadata.tables[name]
            assert set(rows[0]) == set(table.columns.keys()), name  # every column of 0001 is filled
            connection.execute(table.insert(), rows)
    return engine


def _assert_rows_survived(engine: Any) -> None:
    metadata = MetaData()
    metadata.reflect(engine)
    with engine.connect() as connection:
        for name, rows in ROWS.items():
            table = metadata.tables[name]
            kept = [column for column in rows[0] if column in table.columns]
            stored = {
                row.id: row
                for row in connection.execute(
                    select(*(table.c[column] for column in kept)).order_by(table.c.id)
                )
            }
            assert sorted(stored) == [row["id"] for row in rows], name
            for row in rows:
                for column in kept:
                    assert _normal(getattr(stored[row["id"]], column)) == _normal(row[column]), (
                        name,
                        row["id"],
                        column,
                    )


def test_rows_survive_upgrade_to_head_and_back(db_url: str) -> None:
    engine = _fill_first_revision(db_url)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    _assert_rows_survived(engine)
    # Going back to the first revision drops only what later revisions added.
    downgrade(engine, FIRST)
    assert current_revision(engine) == FIRST
    _assert_rows_survived(engine)
    upgrade(engine)
    _assert_rows_survived(engine)
    engine.dispose()


def test_upgraded_data_is_usable(db_url: str) -> None:
    """After the upgrade, old rows work with today's code: queries, search, reviews, orphans."""
    from factcheck.store import models
    from factcheck.store.engine import session_factory
    from factcheck.store.queries import ClaimFilter, count_claims, get_claims
    from factcheck.store.reviews import orphaned_reviews
    from factcheck.store.search import search_claim_ids

    engine = _fill_first_revision(db_url)
    upgrade(engine)
    with session_factory(engine)() as session:
        assert count_claims(session, ClaimFilter()) == 2
        views = get_claims(session, [1, 2])
        assert views[1].status == "verified" and views[1].source == "Syrian Observatory for Human Rights"
        assert views[1].via == ("Reuters", "TT")
        # Claims stored before the full-text revision are found by it.
        assert 1 in search_claim_ids(session, "IS-krigare Raqqa")
        assert [review.target_key for review in orphaned_reviews(session)] == ["e" * 40]
        # Claims stored before moment_start existed get it from their as_of, else their report's date.
        claims = models.CLAIMS
        moments = dict(session.execute(select(claims.c.id, claims.c.moment_start)).all())
        assert moments == {1: date(2017, 9, 2).toordinal(), 2: date(2017, 9, 1).toordinal()}
    assert "alembic_version" in inspect(engine).get_table_names()
    engine.dispose()
