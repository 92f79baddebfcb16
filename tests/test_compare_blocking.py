"""Incremental comparison finds candidates through the block index, never by scanning every claim."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, or_

from factcheck.compare import blocking, compare_new_claims
from factcheck.store.engine import open_store
from tests.test_compare_support import Report, Said, one, store_report


def test_block_lookup_uses_the_index(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    query = blocking.claim_rows().where(
        or_(
            blocking._block_condition(("fighters", "Raqqa", "Islamic State")),
            blocking._block_condition(("area", "Syria", None)),
        )
    )
    sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.connect() as connection:
        plan = " | ".join(row[-1] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    engine.dispose()
    assert "USING INDEX ix_claims_block" in plan and "SCAN claims" not in plan, plan


def test_new_claims_load_only_their_blocks(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    for index in range(30):
        store_report(engine, Report("2017-09", said=[Said(f"Source {index}: {index + 100} fighters in Town {index}.",
            f"{index + 100} fighters", index + 100, location=f"Town {index}", source=f"Source {index}")]))  # fmt: skip
    store_report(engine, Report("2017-09", said=[Said("SOHR: 2,000 fighters in Raqqa.", "2,000 fighters", 2000,
                                                      source="SOHR")]))  # fmt: skip
    new = one(store_report(engine, Report("2017-09", said=[Said("AFP: 6,000 fighters in Raqqa.", "6,000 fighters",
                                                                6000, source="AFP")])))  # fmt: skip
    loaded: list[int] = []
    original = blocking.make_item

    def counting(row: object) -> object:
        item = original(row)  # type: ignore[arg-type]
        loaded.append(item.id if item else -1)
        return item

    monkeypatch.setattr(blocking, "make_item", counting)
    assert compare_new_claims(engine, [new]) == 1
    assert len(loaded) == 2  # its block only: the new claim and SOHR's


def test_new_claims_load_only_the_part_of_their_block_their_date_reaches(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Years of reports on one quantity: a new claim is compared with those within the horizon only.
    for year in range(2010, 2017):
        store_report(engine, Report(f"{year}-03", said=[Said(f"SOHR: 2,000 fighters in Raqqa in {year}.",
            "2,000 fighters", 2000, source="SOHR")]))  # fmt: skip
    new = one(store_report(engine, Report("2016-09", said=[Said("AFP: 6,000 fighters in Raqqa.", "6,000 fighters",
                                                                6000, source="AFP")])))  # fmt: skip
    loaded: list[str | None] = []
    original = blocking.make_item

    def recording(row: object) -> object:
        item = original(row)  # type: ignore[arg-type]
        loaded.append(item.as_of if item else None)
        return item

    monkeypatch.setattr(blocking, "make_item", recording)
    compare_new_claims(engine, [new])
    # The block within 400 days of 2016-09 only: March 2016 and the new claim.
    assert sorted(loaded) == ["2016-03", "2016-09"], loaded


def test_windowed_block_lookup_uses_the_index_range(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    key = ("fighters", "Raqqa", "Islamic State")
    condition = or_(
        blocking._windowed_condition(key, 736000, 736800), blocking._windowed_condition(key, 737000, 737400)
    )
    sql = str(blocking.claim_rows().where(condition).compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.connect() as connection:
        plan = " | ".join(row[-1] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    engine.dispose()
    assert "USING INDEX ix_claims_block" in plan and "moment_start" in plan and "SCAN claims" not in plan, (
        plan
    )


def test_a_claim_without_its_own_date_is_placed_at_its_reports_date(engine: Engine) -> None:
    """moment_start, by which a block is read, is the claim's as_of, else the report's date."""
    from dataclasses import replace
    from datetime import date

    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from factcheck import domain
    from factcheck.extract import extract
    from factcheck.store import models
    from factcheck.store.writes import store_document

    text = "About 2,000 IS fighters remain in Raqqa, SOHR said. Some 500 civilians fled Raqqa in March 2016."
    claims = extract(text, "en", "2017-09-02")
    assert len(claims) == 2
    undated = [replace(claims[0], as_of=None), replace(claims[1], as_of="2016-03")]
    document = domain.Document(text=text, origin="dated.txt", language="en", published="2017-09-02")
    with Session(engine) as session, session.begin():
        ids = store_document(session, document, undated, "test").claim_ids
    with Session(engine) as session:
        table = models.CLAIMS
        moments = dict(
            session.execute(select(table.c.id, table.c.moment_start).where(table.c.id.in_(ids))).all()
        )
    assert moments == {ids[0]: date(2017, 9, 2).toordinal(), ids[1]: date(2016, 3, 1).toordinal()}


def test_focus_starts_names_the_claims_in_no_block(engine: Engine) -> None:
    located = one(store_report(engine, Report("2017-09", said=[Said("SOHR: 2,000 fighters in Raqqa.",
        "2,000 fighters", 2000, source="SOHR")])))  # fmt: skip
    nowhere = one(store_report(engine, Report("2017-09", said=[Said("AFP: 900 fighters remain.", "900 fighters",
        900, location=None, source="AFP")])))  # fmt: skip
    from datetime import date

    from sqlalchemy.orm import Session

    with Session(engine) as session:
        starts, unplaced = blocking.focus_starts(session, [located, nowhere])
    assert starts == {("fighters", "Raqqa", "Islamic State"): [date(2017, 9, 1).toordinal()]}
    assert unplaced == [nowhere]


def test_a_claim_that_leaves_every_block_loses_its_links(engine: Engine) -> None:
    """A re-extracted claim without a location any more keeps none of the links it had."""
    from sqlalchemy import func, select, update
    from sqlalchemy.orm import Session

    from factcheck.store import models

    first = one(store_report(engine, Report("2017-09", said=[Said("SOHR: 2,000 fighters in Raqqa.",
        "2,000 fighters", 2000, source="SOHR")])))  # fmt: skip
    second = one(store_report(engine, Report("2017-09", said=[Said("AFP: 6,000 fighters in Raqqa.",
        "6,000 fighters", 6000, source="AFP")])))  # fmt: skip
    assert compare_new_claims(engine, [first, second]) == 1

    def relations() -> int:
        with Session(engine) as session:
            return int(
                session.execute(select(func.count()).select_from(models.Relation.__table__)).scalar() or 0
            )

    assert relations() == 1
    claims = models.Claim.__table__
    with Session(engine) as session, session.begin():
        session.execute(update(claims).where(claims.c.id == second).values(location=None))
    assert compare_new_claims(engine, [second]) == -1  # the run tells the store's loss
    assert relations() == 0
