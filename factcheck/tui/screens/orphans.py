"""Reviews whose claim disappeared in a re-extraction: kept and shown, never dropped silently."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header

from factcheck.tui.actions import bindings
from factcheck.tui.messages import OrphansFetched, QueryFailed
from factcheck.tui.screens.base import FactcheckScreen
from factcheck.tui.widgets.format import status_text
from factcheck.tui.widgets.safe import safe_text


class OrphansScreen(FactcheckScreen):
    SCOPE = "orphans"
    BINDINGS = bindings("orphans")

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="orphans", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Orphaned reviews"
        table = self.query_one(DataTable)
        for label, width in (
            ("When", 16),
            ("Reviewer", 12),
            ("Verdict", 12),
            ("Note", 30),
            ("What was reviewed", None),
        ):
            table.add_column(label, key=label, width=width)
        table.focus()

    def on_screen_resume(self) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="orphans", exit_on_error=False)
    def load(self) -> None:
        try:
            self.post_message(OrphansFetched(self.data.orphaned_reviews()))
        except Exception as exc:
            self.post_message(QueryFailed("orphaned reviews", str(exc).splitlines()[0]))

    def on_query_failed(self, message: QueryFailed) -> None:
        self.say(f"Could not load {message.what}: {message.error}", "error")

    def on_orphans_fetched(self, message: OrphansFetched) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for review in message.reviews:
            table.add_row(
                safe_text(review.created_at.strftime("%Y-%m-%d %H:%M") if review.created_at else ""),
                safe_text(review.reviewer),
                status_text(review.verdict),
                safe_text(review.note or "", "italic"),
                safe_text(review.snapshot or review.target_key),
                key=str(review.id),
            )
        table.border_title = f"{len(message.reviews)} orphaned reviews"
        table.border_subtitle = "their claims vanished when a report was extracted again"
