"""The claims table: filters, search, keyset paging in workers, reviews from the keyboard."""

from __future__ import annotations

import time
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Input, Select
from textual.worker import get_current_worker

from factcheck.store.queries import ClaimFilter, ClaimView, sort_key_of
from factcheck.store.reviews import ReviewConflict, ReviewError
from factcheck.tui.actions import bindings
from factcheck.tui.data import refresh_claims
from factcheck.tui.messages import (
    ClaimsCounted,
    ClaimsFetched,
    ClaimsRefreshed,
    ExportFinished,
    FilterOptionsLoaded,
    QueryFailed,
    ReviewRefused,
    ReviewSaved,
    SearchResolved,
)
from factcheck.tui.screens.base import ClaimVerdicts, FactcheckScreen
from factcheck.tui.widgets.claims_table import COLUMNS, PAGE, SORTS, ClaimsTable
from factcheck.tui.widgets.filter_bar import FilterBar, FilterState
from factcheck.tui.widgets.safe import safe_text

VERDICT_LABELS = {"verified": "verified", "disputed": "disputed", "needs_source": "needing a source"}


def claim_filter_of(state: FilterState, claim_ids: tuple[int, ...] | None) -> ClaimFilter:
    return ClaimFilter(
        kind=state.kind,
        source=state.source,
        location=state.location,
        language=state.language,
        status=state.status,
        only_flagged=state.only_flagged,
        claim_ids=claim_ids,
    )


class ClaimsScreen(ClaimVerdicts, FactcheckScreen):
    SCOPE = "claims"
    BINDINGS = bindings("claims")

    def __init__(self) -> None:
        super().__init__()
        self.claim_filter = ClaimFilter()
        self.sort = "id"
        self.descending = False
        self.generation = 0
        self.total: int | None = None
        self.loading = False
        self._state = FilterState()
        self.first_rows_at: float | None = None  # perf_counter when rows first showed (benchmarks)
        self.rows_shown_at: float | None = None  # ... and when the latest query's rows showed
        self._refresh_requests = 0
        self._refresh_applied = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield FilterBar(id="filters")
        yield ClaimsTable(id="claims")
        yield Footer()

    @property
    def table(self) -> ClaimsTable:
        return self.query_one(ClaimsTable)

    def on_mount(self) -> None:
        self.sub_title = "Claims"
        self.table.focus()
        self.reload()

    def on_screen_resume(self) -> None:
        pending = self.fc.take_source_request()
        if pending is not None:
            self.query_one(FilterBar).set_value("source", pending)
            return
        ids = [claim.id for claim in self.table.window]
        if ids:
            self.request_refresh(ids)

    # Loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        self.generation += 1
        self.total = None
        self.loading = True
        self._update_title()
        self.fetch_page(self.generation, "reset", None)

    @work(thread=True, exclusive=True, group="claims-page", exit_on_error=False)
    def fetch_page(self, generation: int, mode: str, after: tuple[Any, int] | None) -> None:
        backwards = mode == "previous"
        try:
            rows = self.data.claim_page(
                self.claim_filter,
                sort=self.sort,
                descending=self.descending != backwards,
                after=after,
                limit=PAGE,
            )
        except Exception as exc:  # a query error must reach the editor, not kill the app
            self.post_message(QueryFailed("claims", str(exc).splitlines()[0]))
            return
        if get_current_worker().is_cancelled:
            return
        if backwards:
            rows.reverse()
        self.post_message(ClaimsFetched(generation, rows, mode, len(rows) < PAGE))

    @work(thread=True, exclusive=True, group="claims-count", exit_on_error=False)
    def count_claims(self, generation: int) -> None:
        try:
            total = self.data.count(self.claim_filter)
        except Exception as exc:
            self.post_message(QueryFailed("count", str(exc).splitlines()[0]))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(ClaimsCounted(generation, total))

    @work(thread=True, exclusive=True, group="claims-options", exit_on_error=False)
    def load_filter_options(self) -> None:
        try:
            self.post_message(FilterOptionsLoaded(self.data.filter_options()))
        except Exception as exc:
            self.post_message(QueryFailed("filters", str(exc).splitlines()[0]))

    @work(thread=True, exclusive=True, group="claims-search", exit_on_error=False)
    def run_search(self, query: str, claim_filter: ClaimFilter) -> None:
        try:
            ids: tuple[int, ...] | None = self.data.search_ids(query, claim_filter)
        except Exception as exc:
            self.post_message(QueryFailed("search", str(exc).splitlines()[0]))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(SearchResolved(query, ids))

    def request_refresh(self, ids: list[int]) -> None:
        self._refresh_requests += 1
        self.refresh_rows(ids, self._refresh_requests)

    @work(thread=True, group="claims-refresh", exit_on_error=False)
    def refresh_rows(self, ids: list[int], request: int) -> None:
        try:
            self.post_message(ClaimsRefreshed(refresh_claims(self.data, ids), request))
        except Exception as exc:
            self.post_message(QueryFailed("refresh", str(exc).splitlines()[0]))

    def on_claims_fetched(self, message: ClaimsFetched) -> None:
        if message.generation != self.generation:
            return
        self.loading = False
        table = self.table
        if message.mode == "reset":
            table.show(message.rows, complete=message.complete)
            self.rows_shown_at = time.perf_counter()
            if self.first_rows_at is None:
                self.first_rows_at = self.rows_shown_at
                # Counting and listing choices scan the whole table: only once rows are on screen.
                self.load_filter_options()
            if message.complete:
                self.total = table.first_index + len(message.rows)
            else:
                self.count_claims(message.generation)
        elif message.mode == "next":
            table.extend_below(message.rows, complete=message.complete)
        elif message.rows:
            table.extend_above(message.rows)
        self._update_title()

    def on_claims_counted(self, message: ClaimsCounted) -> None:
        if message.generation == self.generation:
            self.total = message.total
            self._update_title()

    def on_claims_refreshed(self, message: ClaimsRefreshed) -> None:
        if message.request < self._refresh_applied:
            return
        self._refresh_applied = message.request
        for claim in message.claims:
            self.table.replace_claim(claim)

    def on_filter_options_loaded(self, message: FilterOptionsLoaded) -> None:
        self.query_one(FilterBar).set_options(message.options)

    def on_query_failed(self, message: QueryFailed) -> None:
        self.loading = False
        self.say(f"Could not load {message.what}: {message.error}", "error")

    @on(ClaimsTable.NearEdge)
    def page_more(self, message: ClaimsTable.NearEdge) -> None:
        table = self.table
        if self.loading or not table.window:
            return
        self.loading = True
        if message.direction == "next":
            self.fetch_page(self.generation, "next", sort_key_of(table.window[-1], self.sort))
        else:
            self.fetch_page(self.generation, "previous", sort_key_of(table.window[0], self.sort))

    def _update_title(self) -> None:
        table = self.table
        shown = table.first_index + len(table.window)
        total = "…" if self.total is None else f"{self.total:,}".replace(",", " ")
        title = f"Showing {shown:,} of {total}".replace(",", " ")
        if table.first_index:
            title = f"Rows {table.first_index + 1:,}–{shown:,} of {total}".replace(",", " ")
        order = "descending" if self.descending else "ascending"
        table.border_title = title
        table.border_subtitle = f"Enter opens a claim · sorted by {self.sort}, {order}"
        table.set_sort_marker(self.sort, self.descending)

    # Filters and search ---------------------------------------------------------------------

    @on(FilterBar.Changed)
    def filters_changed(self, message: FilterBar.Changed) -> None:
        self._state = message.state
        if message.state.search:
            self.run_search(message.state.search, claim_filter_of(message.state, None))
        else:
            self._apply(None)

    def on_search_resolved(self, message: SearchResolved) -> None:
        if message.query != self._state.search:
            return
        self._apply(message.claim_ids)

    def _apply(self, claim_ids: tuple[int, ...] | None) -> None:
        self.claim_filter = claim_filter_of(self._state, claim_ids)
        self.reload()

    def apply_filter(self, claim_filter: ClaimFilter) -> None:
        """Show the claims matching a filter (used by tests and other screens)."""
        self.claim_filter = claim_filter
        self.reload()

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_focus_filters(self) -> None:
        self.query_one("#kind", Select).focus()

    def action_clear_filters(self) -> None:
        self.query_one(FilterBar).clear()

    @on(FilterBar.Done)
    def back_to_table(self) -> None:
        self.table.focus()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        sort = dict((key, sort) for key, _, sort in COLUMNS).get(str(event.column_key.value))
        if sort is None:
            self.say("This column cannot be sorted; sortable: value, kind, actor, location, report, date.")
            return
        self.descending = not self.descending if sort == self.sort else False
        self.sort = sort
        self.reload()

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.descending = False
        self.reload()

    def action_reverse_sort(self) -> None:
        self.descending = not self.descending
        self.reload()

    # Claims -----------------------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_claim()

    def action_open_claim(self) -> None:
        claim = self.table.highlighted
        if claim is not None:
            from factcheck.tui.screens.detail import DetailScreen

            self.app.push_screen(DetailScreen(claim.id))

    def _ask_verdict(self, verdict: str) -> None:
        claim = self.table.highlighted
        if claim is None:
            self.say("No claim highlighted.", "warning")
            return
        heading = Text.assemble(
            f"Mark as {VERDICT_LABELS[verdict]}: ",
            safe_text(claim.text, "bold"),
            " (",
            safe_text(claim.document),
            ")",
        )

        self.ask_note(heading, lambda note: self.save_review(claim, verdict, note))

    @work(thread=True, group="claims-review", exit_on_error=False)
    def save_review(self, claim: ClaimView, verdict: str, note: str) -> None:
        try:
            review = self.data.review_claim(claim, verdict, self.reviewer, note or None, claim.status)
        except ReviewError as exc:
            self.post_message(ReviewRefused(str(exc), isinstance(exc, ReviewConflict), claim.id))
            return
        self.post_message(ReviewSaved("claim", review, claim_id=claim.id))

    def action_undo(self) -> None:
        claim = self.table.highlighted
        if claim is not None:
            self.undo_review(claim)

    @work(thread=True, group="claims-review", exit_on_error=False)
    def undo_review(self, claim: ClaimView) -> None:
        withdrawn = self.data.undo_claim(claim.claim_key, self.reviewer)
        self.post_message(ReviewSaved("claim", withdrawn, undone=True, claim_id=claim.id))

    def on_review_saved(self, message: ReviewSaved) -> None:
        self.fc.announce_review(message)
        if message.claim_id is not None:
            self.request_refresh([message.claim_id])

    def on_review_refused(self, message: ReviewRefused) -> None:
        self.fc.announce_refusal(message)
        if message.claim_id is not None:
            self.request_refresh([message.claim_id])

    def action_chart_claim(self) -> None:
        claim = self.table.highlighted
        if claim is not None:
            self.fc.chart(claim.kind, claim.location)

    # Export -----------------------------------------------------------------------------------

    def action_export(self) -> None:
        from factcheck.tui.screens.export import ExportScreen

        def chosen(choice: tuple[str, str] | None) -> None:
            if choice is not None:
                self.run_export(*choice)

        self.app.push_screen(ExportScreen(self.data.export_formats()), chosen)

    @work(thread=True, exclusive=True, group="claims-export", exit_on_error=False)
    def run_export(self, fmt: str, path: str) -> None:
        try:
            result = self.data.export(fmt, path, self.claim_filter)
        except (OSError, ValueError, RuntimeError) as exc:  # the exporter's ExportError is a RuntimeError
            self.post_message(QueryFailed("export", str(exc).splitlines()[0]))
            return
        summary = f"{result} rows" if isinstance(result, int) else ""
        self.post_message(ExportFinished(path, summary))

    def on_export_finished(self, message: ExportFinished) -> None:
        detail = f" ({message.summary})" if message.summary else ""
        self.say(f"Exported to {message.path}{detail}", title="Export")
