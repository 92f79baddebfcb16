"""The editors' terminal UI. The CLI builds the engine and hands it here; the app opens nothing itself."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import Engine
from textual.app import App
from textual.binding import BindingType

from factcheck.tui.actions import bindings
from factcheck.tui.commands import FactcheckCommands
from factcheck.tui.data import DataService
from factcheck.tui.messages import ReviewRefused, ReviewSaved
from factcheck.tui.screens.chart import ChartScreen
from factcheck.tui.screens.claims import ClaimsScreen
from factcheck.tui.screens.contradictions import ContradictionsScreen
from factcheck.tui.screens.orphans import OrphansScreen
from factcheck.tui.screens.sources import SourcesScreen

DARK, LIGHT = "textual-dark", "textual-light"
VERDICT_WORDS = {
    "verified": "verified",
    "disputed": "disputed",
    "needs_source": "needs a source",
    "confirmed": "confirmed",
    "dismissed": "dismissed",
}


class FactcheckApp(App[None]):
    TITLE = "factcheck"
    CSS_PATH = "app.tcss"
    MODES: ClassVar = {
        "claims": ClaimsScreen,
        "contradictions": ContradictionsScreen,
        "sources": SourcesScreen,
        "chart": ChartScreen,
        "orphans": OrphansScreen,
    }
    DEFAULT_MODE = "claims"
    BINDINGS: ClassVar[list[BindingType]] = bindings("global")
    COMMANDS = App.COMMANDS | {FactcheckCommands}

    def __init__(
        self, engine: Engine, reviewer: str, *, theme: str = DARK, cursor_blink: bool = True
    ) -> None:
        super().__init__()
        self.data = DataService(engine)
        self.reviewer = reviewer
        self.cursor_blink = cursor_blink
        self.theme = theme
        self._source_request: str | None = None
        self._chart_request: tuple[str, str] | None = None

    def on_mount(self) -> None:
        self.sub_title = f"reviewer: {self.reviewer}"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The footer has no room to offer the screen the editor is already on.
        return not (action.startswith("show_") and action.removeprefix("show_") == self.current_mode)

    def _switch(self, mode: str) -> None:
        self.switch_mode(mode)
        self.call_after_refresh(self.refresh_bindings)

    # Navigation -------------------------------------------------------------------------------

    def action_show_claims(self) -> None:
        self._switch("claims")

    def action_show_contradictions(self) -> None:
        self._switch("contradictions")

    def action_show_sources(self) -> None:
        self._switch("sources")

    def action_show_chart(self) -> None:
        self._switch("chart")

    def action_show_orphans(self) -> None:
        self._switch("orphans")

    def action_help(self) -> None:
        from factcheck.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(getattr(self.screen, "SCOPE", "global")))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    # Requests from one screen to another ------------------------------------------------------

    def show_source_claims(self, source: str) -> None:
        self._source_request = source
        self._switch("claims")

    def take_source_request(self) -> str | None:
        request, self._source_request = self._source_request, None
        return request

    def chart(self, kind: str, location: str | None) -> None:
        if location is None:
            self.notify("This claim names no place; pick a quantity in the chart.", markup=False)
        else:
            self._chart_request = (kind, location)
        self._switch("chart")

    def take_chart_request(self) -> tuple[str, str] | None:
        request, self._chart_request = self._chart_request, None
        return request

    def sources_changed(self) -> None:
        """Sources were merged or renamed: every screen that shows them reloads when next shown."""
        for mode in ("claims",):
            for screen in self._screen_stacks.get(mode, []):
                if isinstance(screen, ClaimsScreen):
                    screen.load_filter_options()
                    screen.reload()

    # Review notices -------------------------------------------------------------------------

    def announce_review(self, message: ReviewSaved) -> None:
        noun = "flag" if message.target == "relation" else "claim"
        review = message.review
        if message.undone:
            text = (
                f"Withdrew the {noun}'s latest decision ({review.verdict})."
                if review
                else f"Nothing to undo on this {noun}."
            )
        else:
            assert review is not None
            text = (
                f"Marked the {noun} {VERDICT_WORDS.get(review.verdict, review.verdict)} as {review.reviewer}."
            )
        self.notify(text, title="Review", markup=False)

    def announce_refusal(self, message: ReviewRefused) -> None:
        title = "Someone else decided first" if message.conflict else "Review not saved"
        self.notify(message.error, title=title, severity="error", markup=False, timeout=8)
