"""Flagged relations: the list editors work through, open flags first."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header

from factcheck.store.queries import FLAG_TYPES, RelationView
from factcheck.tui.actions import bindings
from factcheck.tui.messages import QueryFailed, RelationsFetched
from factcheck.tui.screens.base import FactcheckScreen
from factcheck.tui.widgets.format import claim_date, normalized, status_text
from factcheck.tui.widgets.safe import safe_text

STATUS_ORDER = {"open": 0, "confirmed": 1, "dismissed": 2}


def _claim_cell(claim_value: str, source: str | None, date: str) -> Text:
    text = Text(claim_value, style="bold", end="")
    text.append("  ")
    text.append_text(safe_text(source or "(report)"))
    text.append(f"  {date}", style="dim")
    return text


class ContradictionsScreen(FactcheckScreen):
    SCOPE = "contradictions"
    BINDINGS = bindings("contradictions")

    def __init__(self) -> None:
        super().__init__()
        self.only_open = True
        self.relations: list[RelationView] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="flags", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Contradictions"
        table = self.query_one(DataTable)
        for label, width in (
            ("Status", 10),
            ("Score", 5),
            ("Kind", 10),
            ("Location", 12),
            ("Claim A", 44),
            ("Claim B", 44),
            ("Explanation", None),
        ):
            table.add_column(label, key=label, width=width)
        table.focus()

    def on_screen_resume(self) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        self.load(self.only_open)

    def action_toggle_decided(self) -> None:
        self.only_open = not self.only_open
        self.action_reload()

    @work(thread=True, exclusive=True, group="flags", exit_on_error=False)
    def load(self, only_open: bool) -> None:
        try:
            relations = self.data.relations(FLAG_TYPES, "open" if only_open else None)
        except Exception as exc:
            self.post_message(QueryFailed("flags", str(exc).splitlines()[0]))
            return
        self.post_message(RelationsFetched(relations))

    def on_query_failed(self, message: QueryFailed) -> None:
        self.say(f"Could not load {message.what}: {message.error}", "error")

    def on_relations_fetched(self, message: RelationsFetched) -> None:
        table = self.query_one(DataTable)
        keep = table.cursor_row
        self.relations = sorted(message.relations, key=lambda r: STATUS_ORDER.get(r.status, 3))
        table.clear()
        for relation in self.relations:
            a, b = relation.a, relation.b
            table.add_row(
                status_text(relation.status),
                Text(f"{relation.score:.2f}", justify="right", end=""),
                safe_text(a.kind),
                safe_text(a.location or ""),
                _claim_cell(normalized(a), a.source, claim_date(a)),
                _claim_cell(normalized(b), b.source, claim_date(b)),
                safe_text(relation.explanation),
                key=str(relation.id),
            )
        if self.relations:
            table.move_cursor(row=min(keep, len(self.relations) - 1), animate=False)
        count = len(self.relations)
        noun = "flag" if count == 1 else "flags"
        table.border_title = f"{count} open {noun}" if self.only_open else f"{count} {noun} (all)"
        table.border_subtitle = (
            "Enter opens a flag · a shows all" if self.only_open else "Enter opens a flag · a shows open only"
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_relation()

    def action_open_relation(self) -> None:
        row = self.query_one(DataTable).cursor_row
        if 0 <= row < len(self.relations):
            from factcheck.tui.screens.pair import PairScreen

            self.app.push_screen(PairScreen(self.relations[row]))
        else:
            self.say("No flag highlighted.", "warning")
