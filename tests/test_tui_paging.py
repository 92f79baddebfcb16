"""The claims table pages by key: a bounded window of rows, forward and back, never the whole table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from benchmarks.bench_tui import fill
from factcheck.store.engine import open_store
from factcheck.tui.app import FactcheckApp
from factcheck.tui.widgets.claims_table import MAX_ROWS, PAGE, ClaimsTable
from tests.test_tui_fixtures import run_async
from tests.test_tui_workflows import settle

CLAIMS = 1_200


@pytest.fixture
def big_store(tmp_path: Path) -> Iterator[Engine]:
    path = tmp_path / "big.db"
    fill(path, CLAIMS)
    engine = open_store(f"sqlite:///{path}")
    yield engine
    engine.dispose()


@run_async
async def test_scrolling_pages_forward_and_back_within_a_bounded_window(big_store: Engine) -> None:
    app = FactcheckApp(big_store, "tester", cursor_blink=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClaimsTable)
        assert table.row_count == PAGE
        assert str(table.border_title) == f"Showing {PAGE} of 1 200"
        seen: list[int] = []
        for _ in range(CLAIMS // PAGE + 2):
            table.move_cursor(row=len(table.window) - 1)
            await settle(pilot)
            assert len(table.window) <= MAX_ROWS
            seen.append(table.first_index + len(table.window))
        assert table.complete_below
        assert seen[-1] == CLAIMS
        assert table.first_index == CLAIMS - MAX_ROWS
        ids = [claim.id for claim in table.window]
        assert ids == list(range(CLAIMS - MAX_ROWS + 1, CLAIMS + 1))  # keyset order, no gaps
        for _ in range(CLAIMS // PAGE + 2):
            table.move_cursor(row=0)
            await settle(pilot)
        assert table.first_index == 0
        assert [claim.id for claim in table.window][:3] == [1, 2, 3]
        assert len(table.window) <= MAX_ROWS


@run_async
async def test_sorted_paging_keeps_the_order_across_pages(big_store: Engine) -> None:
    app = FactcheckApp(big_store, "tester", cursor_blink=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.sort, screen.descending = "value", True  # type: ignore[attr-defined]
        screen.reload()  # type: ignore[attr-defined]
        await settle(pilot)
        table = screen.query_one(ClaimsTable)
        for _ in range(3):
            table.move_cursor(row=len(table.window) - 1)
            await settle(pilot)
        keys = [(claim.value_low, claim.id) for claim in table.window]
        assert len(keys) == 4 * PAGE
        assert keys == sorted(keys, reverse=True)
