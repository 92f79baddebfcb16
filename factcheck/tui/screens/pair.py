"""One flag: both claims side by side, the explanation, and the editors' decision."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Static
from textual.worker import get_current_worker

from factcheck.store.queries import ClaimView, RelationView
from factcheck.store.reviews import ReviewConflict, ReviewError
from factcheck.tui.actions import bindings
from factcheck.tui.data import RelationContext
from factcheck.tui.messages import QueryFailed, RelationContextLoaded, ReviewRefused, ReviewSaved
from factcheck.tui.screens.base import FactcheckScreen
from factcheck.tui.widgets.claim_text import reviews_text
from factcheck.tui.widgets.format import claim_date, normalized, source_text, status_text
from factcheck.tui.widgets.safe import dash, safe_text

DECISIONS = {"confirmed": "Confirm", "dismissed": "Dismiss"}


def side(claim: ClaimView) -> Text:
    text = Text(end="")
    text.append(normalized(claim), style="bold cyan")
    text.append("  ")
    text.append_text(safe_text(claim.text, "bold"))
    text.append("\n\n")
    sentence = safe_text(claim.sentence, single_line=False)
    start = claim.start - claim.sentence_start
    if 0 <= start <= len(sentence):
        sentence.stylize("bold reverse", start, start + len(claim.text))
    text.append_text(sentence)
    text.append("\n\n")
    for label, value in (
        ("Source", source_text(claim)),
        ("Via", safe_text(" → ".join(claim.via) or "—")),
        ("Date", safe_text(dash(claim_date(claim)))),
        ("Report", safe_text(claim.document)),
        ("Language", safe_text(dash(claim.language))),
        ("Published", safe_text(dash(claim.published))),
        ("Review", status_text(claim.status)),
    ):
        text.append(f"{label:<11}", style="bold")
        text.append_text(value)
        text.append("\n")
    return text


class PairScreen(FactcheckScreen):
    SCOPE = "pair"
    BINDINGS = bindings("pair")

    def __init__(self, relation: RelationView) -> None:
        super().__init__()
        self.relation = relation
        self.context: RelationContext | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="pair"):
            yield Static(id="explanation", classes="panel")
            with Horizontal(id="sides"):
                yield Static(id="claim-a", classes="panel side")
                yield Static(id="claim-b", classes="panel side")
            yield Static(id="decision", classes="panel")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.relation.type.replace("_", " ").capitalize()
        self.query_one("#explanation").border_title = "Why it was flagged"
        self.query_one("#claim-a").border_title = "Claim A"
        self.query_one("#claim-b").border_title = "Claim B"
        self.query_one("#decision").border_title = "Decision"
        self.show(RelationContext(self.relation, None, ()))
        self.load()

    @work(thread=True, exclusive=True, group="pair", exit_on_error=False)
    def load(self) -> None:
        try:
            context = self.data.relation_context(self.relation)
        except Exception as exc:
            self.post_message(QueryFailed("the flag", str(exc).splitlines()[0]))
            return
        if not get_current_worker().is_cancelled:  # a newer load (after a decision) supersedes this one
            self.post_message(RelationContextLoaded(context))

    def on_query_failed(self, message: QueryFailed) -> None:
        self.say(f"Could not load {message.what}: {message.error}", "error")

    def on_relation_context_loaded(self, message: RelationContextLoaded) -> None:
        if message.context is None:
            self.say("This flag is no longer in the database (the claims were compared again).", "warning")
            return
        self.context = message.context
        self.relation = message.context.relation
        self.show(message.context)

    def show(self, context: RelationContext) -> None:
        relation = context.relation
        head = Text(end="")
        head.append(relation.type.replace("_", " "), style="bold")
        head.append(f"   score {relation.score:.2f}   status ")
        head.append_text(status_text(relation.status))
        head.append("\n")
        head.append_text(safe_text(relation.explanation, single_line=False))
        self.query_one("#explanation", Static).update(head)
        self.query_one("#claim-a", Static).update(side(relation.a))
        self.query_one("#claim-b", Static).update(side(relation.b))
        decision = reviews_text(context.review, context.history, "flag")
        decision.append("\n")
        decision.append("c confirm · x dismiss · u undo · Escape back", style="dim")
        self.query_one("#decision", Static).update(decision)

    def _ask(self, verdict: str) -> None:
        if self.context is None:
            self.say("Still loading the flag; try again in a moment.", "warning")
            return
        context = self.context
        heading = Text(f"{DECISIONS[verdict]} this flag: {context.relation.type.replace('_', ' ')}", end="")

        self.ask_note(heading, lambda note: self.save_decision(context, verdict, note))

    def action_confirm(self) -> None:
        self._ask("confirmed")

    def action_dismiss_flag(self) -> None:
        self._ask("dismissed")

    @work(thread=True, group="pair-review", exit_on_error=False)
    def save_decision(self, context: RelationContext, verdict: str, note: str) -> None:
        try:
            review = self.data.review_relation(
                context.relation.relation_key, verdict, self.reviewer, note or None, context.review
            )
        except ReviewError as exc:
            self.post_message(ReviewRefused(str(exc), isinstance(exc, ReviewConflict)))
        else:
            self.post_message(ReviewSaved("relation", review))

    def action_undo(self) -> None:
        self.undo_decision(self.relation)

    @work(thread=True, group="pair-review", exit_on_error=False)
    def undo_decision(self, relation: RelationView) -> None:
        withdrawn = self.data.undo_relation(relation.relation_key, self.reviewer)
        self.post_message(ReviewSaved("relation", withdrawn, undone=True))

    def on_review_saved(self, message: ReviewSaved) -> None:
        self.fc.announce_review(message)
        self.load()

    def on_review_refused(self, message: ReviewRefused) -> None:
        self.fc.announce_refusal(message)
        self.load()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_open_a(self) -> None:
        self._open(self.relation.a)

    def action_open_b(self) -> None:
        self._open(self.relation.b)

    def _open(self, claim: ClaimView) -> None:
        from factcheck.tui.screens.detail import DetailScreen

        self.app.push_screen(DetailScreen(claim.id))

    def on_screen_resume(self) -> None:
        if self.context is not None:
            self.load()
