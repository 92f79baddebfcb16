"""The TUI on the real seeds database (five reports ingested by the pipeline)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from textual.widgets import DataTable, Static

from factcheck.store import models, reviews
from factcheck.store.queries import FLAG_TYPES, ClaimFilter, count_claims
from factcheck.tui.app import FactcheckApp
from factcheck.tui.screens.claims import ClaimsScreen
from factcheck.tui.screens.detail import DetailScreen
from factcheck.tui.widgets.claims_table import ClaimsTable
from tests.test_tui_fixtures import run_async
from tests.test_tui_workflows import settle

SIZE = (160, 45)


@pytest.fixture
def seeds(seeds_engine: Engine) -> Iterator[Engine]:
    """The seeds store, which must hold claims."""
    with Session(seeds_engine) as session:
        assert count_claims(session) > 0
    yield seeds_engine


@run_async
async def test_seeds_claims_table_and_detail(seeds: Engine) -> None:
    with Session(seeds) as session:
        total = count_claims(session)
    app = FactcheckApp(seeds, "tester", cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        table = screen.query_one(ClaimsTable)
        assert table.row_count == min(total, 100)
        assert str(table.border_title) == f"Showing {min(total, 100)} of {total}"
        claim = table.highlighted
        assert claim is not None
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        assert claim.text.split()[0] in str(app.screen.query_one("#context", Static).content)
        await pilot.press("v", *"seen in the report", "enter")
        await settle(pilot)
        with Session(seeds) as session:
            review = reviews.latest_review(session, "claim", claim.claim_key)
        assert review is not None and review.verdict == "verified" and review.reviewer == "tester"


@run_async
async def test_seeds_filters_flags_sources_and_chart(seeds: Engine) -> None:
    with Session(seeds) as session:
        kind, in_kind = session.execute(
            select(models.Claim.kind, func.count()).group_by(models.Claim.kind).order_by(func.count().desc())
        ).first()  # type: ignore[misc]
        open_flags = session.scalar(
            select(func.count())
            .select_from(models.Relation)
            .where(models.Relation.type.in_(FLAG_TYPES), models.Relation.status == "open")
        )
        assert count_claims(session, ClaimFilter(kind=kind)) == in_kind
    app = FactcheckApp(seeds, "tester", cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        screen.query_one("#kind").value = kind
        await settle(pilot)
        table = screen.query_one(ClaimsTable)
        assert table.row_count == in_kind and {c.kind for c in table.window} == {kind}
        await pilot.press("2")
        await settle(pilot)
        assert app.screen.query_one("#flags", DataTable).row_count == open_flags
        await pilot.press("3")
        await settle(pilot)
        sources = app.screen.query_one("#sources", DataTable)
        assert sources.row_count == len(app.data.sources()) > 0
        await pilot.press("4")
        await settle(pilot)
        assert app.screen.query_one("#points", DataTable).row_count >= 1
