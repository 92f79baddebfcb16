"""Every key, from the action registry: the current screen's first, then the rest."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from factcheck.tui.actions import GLOBAL, SCOPE_TITLES, specs
from factcheck.tui.screens.base import FactcheckModal

INTRO = (
    "factcheck shows the numbers news reports claim, who claimed them, and where they disagree.\n"
    "To work through disagreements: press 2 for Contradictions, Enter to open a flag, then c to confirm\n"
    "or x to dismiss it with a note. In Claims (1), v / d / n mark the highlighted claim verified,\n"
    "disputed or needing a source; u undoes. Ctrl+P opens the command palette."
)


def help_table(first_scope: str) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", min_width=10)
    table.add_column()
    order = [first_scope] + [scope for scope in SCOPE_TITLES if scope not in (first_scope, GLOBAL)] + [GLOBAL]
    for scope in dict.fromkeys(order):
        table.add_row(Text(SCOPE_TITLES[scope], style="bold underline"), "")
        for spec in specs(scope):
            table.add_row(Text(spec.key_display), Text(spec.help))
        table.add_row("", "")
    return table


class HelpScreen(FactcheckModal):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q,f1", "close", "Close")]

    def __init__(self, scope: str) -> None:
        super().__init__()
        self.scope = scope if scope in SCOPE_TITLES else GLOBAL

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static(Text(INTRO), id="help-intro")
            yield Static(help_table(self.scope))
            yield Static(Text("Escape closes this help.", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "Help"

    def action_close(self) -> None:
        self.dismiss(None)
