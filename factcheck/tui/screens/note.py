"""Ask the editor for one line of text: a review note, an alias."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from factcheck.tui.screens.base import FactcheckModal
from factcheck.tui.widgets.inputs import TextInput


class AskScreen(FactcheckModal):
    """Returns the text typed (possibly empty) on Enter, or None on Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, heading: Text, placeholder: str, *, required: bool = False) -> None:
        super().__init__()
        self.heading = heading
        self.placeholder = placeholder
        self.required = required

    def compose(self) -> ComposeResult:
        with Vertical(id="ask", classes="dialog"):
            yield Static(self.heading, id="ask-heading")
            yield TextInput(placeholder=self.placeholder, id="ask-input")
            yield Static(Text("Enter saves · Escape cancels", style="dim"), id="ask-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if self.required and not value:
            self.say("Type something first, or press Escape.", "warning")
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
