"""Pick one of a list of names (a source to merge into)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from factcheck.tui.screens.base import FactcheckModal
from factcheck.tui.widgets.safe import safe_text


class ChooseScreen(FactcheckModal):
    """Returns the chosen name on Enter, or None on Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, heading: Text, names: list[str]) -> None:
        super().__init__()
        self.heading = heading
        self.names = names

    def compose(self) -> ComposeResult:
        with Vertical(id="choose", classes="dialog"):
            yield Static(self.heading)
            yield OptionList(*[Option(safe_text(name), id=str(i)) for i, name in enumerate(self.names)])
            yield Static(Text("Enter chooses · Escape cancels", style="dim"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.names[int(event.option_id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
