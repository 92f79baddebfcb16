"""Every key, from the action registry: the current screen's first, then the rest."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from factcheck.tui.actions import GLOBAL, SCOPE_TITLES, specs
from factcheck.tui.screens.base import FactcheckModal

INTRO = (
    "factcheck shows the numbers news reports claim, who claimed them, and where they disagree. "
    "To work through disagreements press 2 for Contradictions, Enter to open a flag, then c to confirm "
    "or x to dismiss it with a note. In Claims (1) the keys v, d and n mark the highlighted claim "
    "verified, disputed or needing a source; u undoes. Ctrl+P opens the command palette."
)


def help_text(first_scope: str) -> Text:
    """Every key by screen, the current screen's first and the keys that work everywhere last."""
    text = Text(end="")
    order = [first_scope, *(scope for scope in SCOPE_TITLES if scope not in (first_scope, GLOBAL)), GLOBAL]
    for scope in dict.fromkeys(order):
        text.append(f"{SCOPE_TITLES[scope]}\n", style="bold underline")
        for spec in specs(scope):
            text.append(f"  {spec.key_display:<8}", style="bold")
            text.append(f"{spec.help}\n")
        text.append("\n")
    return text


class HelpScreen(FactcheckModal):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q,f1", "close", "Close")]

    def __init__(self, scope: str) -> None:
        super().__init__()
        self.scope = scope if scope in SCOPE_TITLES else GLOBAL

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static(Text(INTRO), id="help-intro")
            yield Static(help_text(self.scope))
            yield Static(Text("Escape closes this help.", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "Help"

    def action_close(self) -> None:
        self.dismiss(None)
