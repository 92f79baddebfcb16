"""One claim: its sentence in the report, attribution, resolution, reviews and related claims."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import get_current_worker

from factcheck.store.queries import RelationView
from factcheck.store.reviews import ReviewConflict, ReviewError
from factcheck.tui.actions import bindings
from factcheck.tui.data import ClaimContext
from factcheck.tui.messages import ClaimContextLoaded, QueryFailed, ReviewRefused, ReviewSaved
from factcheck.tui.screens.base import ClaimVerdicts, FactcheckScreen
from factcheck.tui.widgets.claim_text import attribution, in_context, resolution, reviews_text, summary
from factcheck.tui.widgets.format import claim_date, normalized, source_text, status_text
from factcheck.tui.widgets.safe import safe_text

VERDICT_LABELS = {"verified": "verified", "disputed": "disputed", "needs_source": "needing a source"}


class DetailScreen(ClaimVerdicts, FactcheckScreen):
    SCOPE = "detail"
    BINDINGS = bindings("detail")

    def __init__(self, claim_id: int) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.context: ClaimContext | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail"):
            yield Static(Text("Loading…", style="dim"), id="summary", classes="panel")
            yield Static(id="context", classes="panel")
            with Horizontal(id="facts"):
                yield Static(id="attribution", classes="panel")
                yield Static(id="resolution", classes="panel")
            yield Static(id="reviews", classes="panel")
            yield DataTable(id="related", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Claim"
        self.query_one("#context").border_title = "In the report"
        self.query_one("#attribution").border_title = "Attribution"
        self.query_one("#resolution").border_title = "Resolution"
        self.query_one("#reviews").border_title = "Review"
        related = self.query_one("#related", DataTable)
        related.border_title = "Related claims"
        for label in ("Relation", "Status", "Value", "As written", "Source", "Date", "Report", "Explanation"):
            related.add_column(label, key=label)
        related.focus()
        self.load()

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def load(self) -> None:
        try:
            context = self.data.claim_context(self.claim_id)
        except Exception as exc:
            self.post_message(QueryFailed("the claim", str(exc).splitlines()[0]))
            return
        if not get_current_worker().is_cancelled:  # a newer load (after a review) supersedes this one
            self.post_message(ClaimContextLoaded(context))

    def on_query_failed(self, message: QueryFailed) -> None:
        self.say(f"Could not load {message.what}: {message.error}", "error")

    def on_claim_context_loaded(self, message: ClaimContextLoaded) -> None:
        context = message.context
        if context is None:
            self.query_one("#summary", Static).update(Text("This claim is no longer in the database.", "red"))
            return
        self.context = context
        claim = context.claim
        self.query_one("#summary", Static).update(summary(claim))
        self.query_one("#context", Static).update(in_context(context))
        self.query_one("#attribution", Static).update(attribution(claim))
        self.query_one("#resolution", Static).update(resolution(claim))
        self.query_one("#reviews", Static).update(reviews_text(context.review, context.history))
        related = self.query_one("#related", DataTable)
        related.clear()
        for relation in context.relations:
            other = relation.b if relation.a.id == claim.id else relation.a
            related.add_row(
                safe_text(relation.type.replace("_", " ")),
                status_text(relation.status),
                Text(normalized(other), end=""),
                safe_text(other.text, "bold"),
                source_text(other),
                safe_text(claim_date(other)),
                safe_text(other.document, "dim"),
                safe_text(relation.explanation),
                key=str(relation.id),
            )
        related.border_subtitle = f"{len(context.relations)} related" if context.relations else "none"

    def _selected_relation(self) -> RelationView | None:
        if self.context is None or not self.context.relations:
            return None
        row = self.query_one("#related", DataTable).cursor_row
        return self.context.relations[row] if 0 <= row < len(self.context.relations) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_relation()

    def action_open_relation(self) -> None:
        relation = self._selected_relation()
        if relation is not None:
            from factcheck.tui.screens.pair import PairScreen

            self.app.push_screen(PairScreen(relation))

    def action_back(self) -> None:
        self.app.pop_screen()

    def _ask_verdict(self, verdict: str) -> None:
        context = self.context
        if context is None:
            return
        heading = Text.assemble(f"Mark as {VERDICT_LABELS[verdict]}: ", safe_text(context.claim.text, "bold"))

        self.ask_note(heading, lambda note: self.save_review(context, verdict, note))

    @work(thread=True, group="detail-review", exit_on_error=False)
    def save_review(self, context: ClaimContext, verdict: str, note: str) -> None:
        try:
            review = self.data.review_claim(
                context.claim, verdict, self.reviewer, note or None, context.review
            )
        except ReviewError as exc:
            self.post_message(ReviewRefused(str(exc), isinstance(exc, ReviewConflict)))
        else:
            self.post_message(ReviewSaved("claim", review))

    def action_undo(self) -> None:
        if self.context is not None:
            self.undo_review(self.context.claim.claim_key)

    @work(thread=True, group="detail-review", exit_on_error=False)
    def undo_review(self, claim_key: str) -> None:
        withdrawn = self.data.undo_claim(claim_key, self.reviewer)
        self.post_message(ReviewSaved("claim", withdrawn, undone=True))

    def on_review_saved(self, message: ReviewSaved) -> None:
        self.fc.announce_review(message)
        self.load()

    def on_review_refused(self, message: ReviewRefused) -> None:
        self.fc.announce_refusal(message)
        self.load()

    def action_chart_claim(self) -> None:
        if self.context is not None:
            self.fc.chart(self.context.claim.kind, self.context.claim.location)

    def on_screen_resume(self) -> None:
        if self.context is not None:
            self.load()
