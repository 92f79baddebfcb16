"""Every TUI workflow driven through Pilot against a real SQLite store (the hand-built one)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from textual.pilot import Pilot
from textual.widgets import Checkbox, DataTable, Input, Select, Static
from textual.worker import WorkerCancelled

from factcheck.store import models, reviews
from factcheck.tui.app import FactcheckApp
from factcheck.tui.screens.claims import ClaimsScreen
from factcheck.tui.screens.detail import DetailScreen
from factcheck.tui.screens.note import AskScreen
from factcheck.tui.screens.pair import PairScreen
from factcheck.tui.widgets.claims_table import ClaimsTable
from tests.test_tui_fixtures import HOSTILE, SOHR, open_tui_store, run_async

Store = tuple[Engine, dict[str, int]]
SIZE = (160, 45)


@pytest.fixture
def tui_store(tmp_path: Path) -> Iterator[Store]:
    yield from open_tui_store(tmp_path)


async def settle(pilot: Pilot[None], rounds: int = 3) -> None:
    """Let workers finish and their messages land, a few times over (one result starts the next)."""
    for _ in range(rounds):
        await pilot.pause()
        with contextlib.suppress(WorkerCancelled):  # a newer exclusive worker replaced it
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def make_app(engine: Engine) -> FactcheckApp:
    return FactcheckApp(engine, "tester", cursor_blink=False)


def claims_screen(app: FactcheckApp) -> ClaimsScreen:
    screen = app.screen
    assert isinstance(screen, ClaimsScreen)
    return screen


def latest(engine: Engine, target_type: str, key: str) -> reviews.ReviewView | None:
    with Session(engine) as session:
        return reviews.latest_review(session, target_type, key)


def relation_row(engine: Engine) -> models.Relation:
    with Session(engine) as session:
        return session.scalars(select(models.Relation).where(models.Relation.type == "contradicts")).one()


@run_async
async def test_claims_table_shows_rows_and_count(tui_store: Store) -> None:
    engine, _ = tui_store
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = claims_screen(app).query_one(ClaimsTable)
        assert table.row_count == 5
        assert str(table.border_title) == "Showing 5 of 5"
        first = table.highlighted
        assert first is not None and first.text == "About 2 000"
        assert first.flags == 1


@run_async
async def test_filters_narrow_the_table(tui_store: Store) -> None:
    engine, _ = tui_store
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = claims_screen(app)
        table = screen.query_one(ClaimsTable)
        screen.query_one("#kind", Select).value = "fighters"
        await settle(pilot)
        assert {c.kind for c in table.window} == {"fighters"}
        assert str(table.border_title) == "Showing 3 of 3"
        screen.query_one("#language", Select).value = "sv"
        await settle(pilot)
        assert [c.text for c in table.window] == ["Omkring 400"]
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert table.row_count == 5
        screen.query_one("#flagged", Checkbox).value = True
        await settle(pilot)
        assert sorted(c.text for c in table.window) == ["About 2 000", "Omkring 400"]
        screen.query_one("#flagged", Checkbox).value = False
        screen.query_one("#source", Select).value = "US-led coalition"
        await settle(pilot)
        assert {c.source for c in table.window} == {"US-led coalition"}
        screen.query_one("#source", Select).clear()
        screen.query_one("#location", Select).value = "Mosul"
        await settle(pilot)
        assert table.row_count == 1
        screen.query_one("#location", Select).clear()
        screen.query_one("#status", Select).value = "unreviewed"
        await settle(pilot)
        assert table.row_count == 5


@run_async
async def test_search_box_matches_across_aliases(tui_store: Store) -> None:
    engine, ids = tui_store
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = claims_screen(app)
        await pilot.press("slash")
        assert isinstance(screen.focused, Input)
        await pilot.press(*"SOHR", "enter")  # an alias of the stored name
        await settle(pilot)
        table = screen.query_one(ClaimsTable)
        assert [c.id for c in table.window] == [ids["sohr"]]
        assert table.has_focus  # Enter hands the keys back to the table
        search = screen.query_one("#search", Input)
        search.value = "Rakka"  # words of the sentence count too
        await pilot.press("enter")
        await settle(pilot)
        assert [c.id for c in table.window] == [ids["coalition"]]


@run_async
async def test_sorting_by_key_and_reverse(tui_store: Store) -> None:
    engine, _ = tui_store
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = claims_screen(app)
        table = screen.query_one(ClaimsTable)
        await pilot.press("r")
        await settle(pilot)
        ids = [c.id for c in table.window]
        assert ids == sorted(ids, reverse=True)
        await pilot.press("s")  # next sortable column: value
        await settle(pilot)
        assert screen.sort == "value" and screen.descending is False
        values = [c.value_low for c in table.window]
        assert values == sorted(values)
        await pilot.click("#claims", offset=(30, 1))  # the Value header flips the order
        await settle(pilot)
        assert screen.descending is True
        assert [c.value_low for c in table.window] == sorted(values, reverse=True)


@run_async
async def test_claim_detail_shows_sentence_attribution_and_related(tui_store: Store) -> None:
    engine, ids = tui_store
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = claims_screen(app).query_one(ClaimsTable)
        table.move_cursor(row=[c.id for c in table.window].index(ids["sohr"]))
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, DetailScreen)
        context = str(detail.query_one("#context", Static).content)
        assert "Striderna i Raqqa fortsätter. Omkring 400 IS-krigare" in context
        attribution = str(detail.query_one("#attribution", Static).content)
        assert SOHR in attribution and "Reuters" in attribution and "88 / 100" in attribution
        assert "Syriska människorättsobservatoriet" in attribution
        related = detail.query_one("#related", DataTable)
        assert related.row_count == 2
        await pilot.press("enter")  # the highlighted related claim opens as a pair
        await settle(pilot)
        assert isinstance(app.screen, PairScreen)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, ClaimsScreen)


@run_async
async def test_review_a_claim_from_the_table_then_undo(tui_store: Store) -> None:
    engine, _ = tui_store
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = claims_screen(app).query_one(ClaimsTable)
        claim = table.highlighted
        assert claim is not None
        await pilot.press("v")
        assert isinstance(app.screen, AskScreen)
        await pilot.press(*"checked with the desk", "enter")
        await settle(pilot)
        review = latest(engine, "claim", claim.claim_key)
        assert review is not None
        assert (review.verdict, review.reviewer, review.note) == (
            "verified",
            "tester",
            "checked with the desk",
        )
        assert table.window[0].status == "verified"
        await pilot.press("u")
        await settle(pilot)
        assert latest(engine, "claim", claim.claim_key) is None
        assert table.window[0].status == "unreviewed"
        await pilot.press("n", "escape")  # Escape cancels: nothing stored
        await settle(pilot)
        assert latest(engine, "claim", claim.claim_key) is None


@run_async
async def test_review_from_the_detail_screen(tui_store: Store) -> None:
    engine, _ = tui_store
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        claim = claims_screen(app).query_one(ClaimsTable).highlighted
        assert claim is not None
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("d", *"two sources disagree", "enter")
        await settle(pilot)
        review = latest(engine, "claim", claim.claim_key)
        assert review is not None and review.verdict == "disputed"
        assert "disputed" in str(app.screen.query_one("#reviews", Static).content)
        await pilot.press("escape")
        await settle(pilot)
        assert claims_screen(app).query_one(ClaimsTable).window[0].status == "disputed"


@run_async
async def test_table_review_conflict_is_refused(tui_store: Store) -> None:
    engine, _ = tui_store
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        claim = claims_screen(app).query_one(ClaimsTable).highlighted
        assert claim is not None
        with Session(engine) as session, session.begin():
            reviews.review_claim(session, claim.claim_key, "disputed", "colleague")
        await pilot.press("v", "enter")
        await settle(pilot)
        review = latest(engine, "claim", claim.claim_key)
        assert review is not None and review.reviewer == "colleague"
        assert any("colleague marked it disputed" in n.message for n in app._notifications)


@run_async
async def test_contradiction_confirm_then_dismiss(tui_store: Store) -> None:
    engine, _ = tui_store
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        flags = app.screen.query_one("#flags", DataTable)
        assert flags.row_count == 1
        assert str(flags.border_title) == "1 open flag"
        await pilot.press("enter")
        await settle(pilot)
        pair = app.screen
        assert isinstance(pair, PairScreen)
        assert "2 000 vs 400" in str(pair.query_one("#explanation", Static).content)
        left = str(pair.query_one("#claim-a", Static).content)
        right = str(pair.query_one("#claim-b", Static).content)
        assert "The Independent" in left and "2017-08" in left and "About 2 000 IS fighters" in left
        assert SOHR in right and "2017-08-19" in right and "Omkring 400" in right
        await pilot.press("c", *"five times as many", "enter")
        await settle(pilot)
        assert relation_row(engine).status == "confirmed"
        await pilot.press("x", *"different dates after all", "enter")
        await settle(pilot)
        relation = relation_row(engine)
        assert relation.status == "dismissed"
        review = latest(engine, "relation", relation.relation_key)
        assert review is not None and review.note == "different dates after all"
        await pilot.press("u")
        await settle(pilot)
        assert relation_row(engine).status == "confirmed"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("a")  # decided flags show when asked for
        await settle(pilot)
        assert app.screen.query_one("#flags", DataTable).row_count == 1


@run_async
async def test_contradiction_conflict_shows_a_notification(tui_store: Store) -> None:
    engine, _ = tui_store
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        key = relation_row(engine).relation_key
        with Session(engine) as session, session.begin():
            reviews.review_relation(session, key, "confirmed", "colleague", note="seen it")
        await pilot.press("x", *"no", "enter")
        await settle(pilot)
        assert relation_row(engine).status == "confirmed"
        review = latest(engine, "relation", key)
        assert review is not None and review.reviewer == "colleague"
        assert any("changed since you looked" in n.message for n in app._notifications)
        # The screen reloaded: the colleague's decision is what the editor now sees.
        assert "colleague" in str(app.screen.query_one("#decision", Static).content)


@run_async
async def test_sources_screen_alias_and_merge(tui_store: Store) -> None:
    engine, _ = tui_store
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        names = [s.name for s in screen.sources]  # type: ignore[attr-defined]
        assert names[0] == "US-led coalition"
        coalition = next(s for s in screen.sources if s.name == "US-led coalition")  # type: ignore[attr-defined]
        assert coalition.claims == 2
        sohr = next(s for s in screen.sources if s.name == SOHR)  # type: ignore[attr-defined]
        assert sohr.contradicted == 1
        table = screen.query_one(DataTable)
        table.move_cursor(row=names.index(SOHR))
        await pilot.press("a", *"Syrian rights monitor", "enter")
        await settle(pilot)
        sohr = next(s for s in screen.sources if s.name == SOHR)  # type: ignore[attr-defined]
        assert "Syrian rights monitor" in sohr.aliases
        names = [s.name for s in screen.sources]  # type: ignore[attr-defined]
        table.move_cursor(row=names.index("The Independent"))
        await pilot.press("m")
        await settle(pilot)
        options = app.screen.query_one("OptionList")
        target = app.screen.names.index(SOHR)  # type: ignore[attr-defined]
        options.highlighted = target  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        names = [s.name for s in screen.sources]  # type: ignore[attr-defined]
        assert "The Independent" not in names
        assert next(s for s in screen.sources if s.name == SOHR).claims == 2  # type: ignore[attr-defined]
        table.move_cursor(row=names.index(SOHR))
        await pilot.press("enter")  # shows that source's claims
        await settle(pilot)
        claims = claims_screen(app)
        assert {c.source for c in claims.query_one(ClaimsTable).window} == {SOHR}


@run_async
async def test_chart_for_one_quantity(tui_store: Store) -> None:
    engine, _ = tui_store
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")  # chart the highlighted claim's quantity: fighters in Raqqa
        await settle(pilot)
        points = app.screen.query_one("#points", DataTable)
        assert points.row_count == 3
        assert str(points.get_row_at(0)[2]) == "The Independent"
        select = app.screen.query_one("#quantity", Select)
        choices = app.screen.choices  # type: ignore[attr-defined]
        select.value = next(
            i for i, c in enumerate(choices) if c.kind == "control_share" and c.location == "Mosul"
        )
        await settle(pilot)
        assert points.row_count == 1


@run_async
async def test_export_the_filtered_view(tui_store: Store, tmp_path: Path) -> None:
    engine, _ = tui_store
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        claims_screen(app).query_one("#kind", Select).value = "fighters"
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        path_input = app.screen.query_one("#path", Input)
        app.screen.query_one("#format", Select).value = "csv"
        await pilot.pause()
        target = tmp_path / "out.csv"
        path_input.value = str(target)
        path_input.focus()
        await pilot.press("enter")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert target.exists(), messages
        content = target.read_text(encoding="utf-8")
        assert "Omkring 400" in content and "90 Prozent" not in content


@run_async
async def test_help_palette_and_theme(tui_store: Store) -> None:
    engine, _ = tui_store
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = str(app.screen.query_one("#help-intro", Static).content)
        assert "Contradictions" in text
        await pilot.press("escape")
        assert isinstance(app.screen, ClaimsScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Contradictions")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "contradictions"
        assert app.theme == "textual-dark"
        await pilot.press("t")
        assert app.theme == "textual-light"
        await pilot.press("t")
        assert app.theme == "textual-dark"


@run_async
async def test_orphaned_reviews_are_listed(tui_store: Store) -> None:
    engine, _ = tui_store
    with Session(engine) as session, session.begin():
        session.execute(
            models.Review.__table__.insert().values(
                target_type="claim", target_key="0" * 40, verdict="verified", reviewer="former",
                note="kept", created_at=models.utcnow(), snapshot="12 000 | a sentence that was re-extracted",
            )
        )  # fmt: skip
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        table = app.screen.query_one("#orphans", DataTable)
        assert table.row_count == 1
        assert str(table.get_row_at(0)[1]) == "former"


@run_async
async def test_hostile_report_text_shows_literally(tui_store: Store) -> None:
    engine, ids = tui_store
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = claims_screen(app).query_one(ClaimsTable)
        row = [c.id for c in table.window].index(ids["hostile"])
        cells = [str(cell) for cell in table.get_row_at(row)]
        assert cells[0].startswith("[bold]Breaking[/]")  # clipped to the column
        assert "\x1b" not in "".join(cells)
        assert any(cell.startswith("[red]Evil[/red] ␛[2") for cell in cells), cells
        table.move_cursor(row=row)
        await pilot.press("enter")
        await settle(pilot)
        context = str(app.screen.query_one("#context", Static).content)
        assert "[bold]Breaking[/] ␛[31mred␛[0m [link=http://x]x[/link] ␇ 45 percent" in context
        attribution = str(app.screen.query_one("#attribution", Static).content)
        assert "[red]Evil[/red]" in attribution and "\x1b" not in attribution
        await pilot.press("v", *"[bold]not markup[/]", "enter")
        await settle(pilot)
        assert "[bold]not markup[/]" in str(app.screen.query_one("#reviews", Static).content)
        await pilot.press("4")
        await settle(pilot)
        assert HOSTILE  # the chart and the sources list drew it too, without raising
        await pilot.press("3")
        await settle(pilot)


def test_every_registered_action_exists() -> None:
    from factcheck.tui.actions import ACTIONS, GLOBAL
    from factcheck.tui.screens.chart import ChartScreen
    from factcheck.tui.screens.contradictions import ContradictionsScreen
    from factcheck.tui.screens.orphans import OrphansScreen
    from factcheck.tui.screens.sources import SourcesScreen

    owners = {
        GLOBAL: FactcheckApp,
        "claims": ClaimsScreen,
        "detail": DetailScreen,
        "contradictions": ContradictionsScreen,
        "pair": PairScreen,
        "sources": SourcesScreen,
        "chart": ChartScreen,
        "orphans": OrphansScreen,
    }
    for spec in ACTIONS:
        assert hasattr(owners[spec.scope], f"action_{spec.action}"), spec
        keys = {b.key for b in owners[spec.scope].BINDINGS if not isinstance(b, tuple)}  # type: ignore[union-attr]
        assert spec.key in keys, spec
