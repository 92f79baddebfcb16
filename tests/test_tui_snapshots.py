"""Snapshots pin each screen's look: fixed terminal size, no cursor blink, hand-built store.

Regenerate after an intended change with:
    .venv/bin/pytest tests/test_tui_snapshots.py --snapshot-update
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from factcheck.tui.app import FactcheckApp
from factcheck.tui.widgets.claims_table import ClaimsTable
from tests.test_tui_fixtures import open_tui_store

Store = tuple[Engine, dict[str, int]]
SIZE = (160, 45)


@pytest.fixture
def tui_store(tmp_path: Path) -> Iterator[Store]:
    yield from open_tui_store(tmp_path)


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(3):
        await pilot.pause()
        with contextlib.suppress(WorkerCancelled):  # a newer exclusive worker replaced it
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def steps(
    *keys: str, before: Callable[[Pilot[None]], Any] | None = None
) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        if before is not None:
            before(pilot)
            await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def app_for(store: Store, **options: Any) -> FactcheckApp:
    return FactcheckApp(store[0], "tester", cursor_blink=False, **options)


def highlight(claim_key: str, store: Store) -> Callable[[Pilot[None]], None]:
    def move(pilot: Pilot[None]) -> None:
        table = pilot.app.screen.query_one(ClaimsTable)
        table.move_cursor(row=[c.id for c in table.window].index(store[1][claim_key]))

    return move


def test_snapshot_claims(tui_store: Store, snap_compare: Any) -> None:
    assert snap_compare(app_for(tui_store), terminal_size=SIZE, run_before=steps())


def test_snapshot_claims_light_theme(tui_store: Store, snap_compare: Any) -> None:
    assert snap_compare(app_for(tui_store), terminal_size=SIZE, run_before=steps("t"))


def test_snapshot_claim_detail(tui_store: Store, snap_compare: Any) -> None:
    run = steps("enter", before=highlight("sohr", tui_store))
    assert snap_compare(app_for(tui_store), terminal_size=SIZE, run_before=run)


def test_snapshot_hostile_text(tui_store: Store, snap_compare: Any) -> None:
    run = steps("enter", before=highlight("hostile", tui_store))
    assert snap_compare(app_for(tui_store), terminal_size=SIZE, run_before=run)


def test_snapshot_review_note(tui_store: Store, snap_compare: Any) -> None:
    assert snap_compare(app_for(tui_store), terminal_size=SIZE, run_before=steps("v"))


def test_snapshot_contradictions(tui_store: Store, snap_compare: Any) -> None:
    assert snap_compare(app_for(tui_store), terminal_size=SIZE, run_before=steps("2"))


def test_snapshot_flag_side_by_side(tui_store: Store, snap_compare: Any) -> None:
    assert snap_compare(app_for(tui_store), terminal_size=SIZE, run_before=steps("2", "enter"))


def test_snapshot_sources(tui_store: Store, snap_compare: Any) -> None:
    assert snap_compare(app_for(tui_store), terminal_size=SIZE, run_before=steps("3"))


def test_snapshot_chart(tui_store: Store, snap_compare: Any) -> None:
    assert snap_compare(app_for(tui_store), terminal_size=SIZE, run_before=steps("g"))


def test_snapshot_help(tui_store: Store, snap_compare: Any) -> None:
    assert snap_compare(app_for(tui_store), terminal_size=SIZE, run_before=steps("question_mark"))


def test_snapshot_export_dialog(tui_store: Store, snap_compare: Any) -> None:
    assert snap_compare(app_for(tui_store), terminal_size=SIZE, run_before=steps("e"))
