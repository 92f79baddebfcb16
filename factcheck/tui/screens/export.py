"""Choose a format and a file for exporting the claims the table currently shows."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Select, Static

from factcheck.tui.screens.base import FactcheckModal
from factcheck.tui.widgets.inputs import TextInput


class ExportScreen(FactcheckModal):
    """Returns (format, path) on Enter, or None on Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, formats: dict[str, str]) -> None:
        super().__init__()
        self.formats = formats  # format -> file suffix

    def compose(self) -> ComposeResult:
        first = next(iter(self.formats))
        with Vertical(id="export", classes="dialog"):
            yield Static(Text("Export the claims matching the current filters", style="bold"))
            yield Select[str](
                [(Text(fmt), fmt) for fmt in self.formats], value=first, allow_blank=False, id="format"
            )
            yield TextInput(value=f"factcheck-export{self.formats[first]}", id="path")
            yield Static(Text("Enter in the file name exports · Escape cancels", style="dim"))

    def on_mount(self) -> None:
        path_input = self.query_one("#path", Input)
        path_input.focus()
        path_input.cursor_position = len(path_input.value)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if not isinstance(event.value, str):
            return
        path_input = self.query_one("#path", Input)
        path = Path(path_input.value or "factcheck-export")
        stem = path.name.split(".", 1)[0] or "factcheck-export"
        path_input.value = str(path.with_name(f"{stem}{self.formats.get(event.value, '')}"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        fmt = self.query_one("#format", Select).value
        path = event.value.strip()
        if not path or not isinstance(fmt, str):
            self.say("Choose a format and type a file name.", "warning")
            return
        self.dismiss((fmt, str(Path(path).expanduser())))

    def action_cancel(self) -> None:
        self.dismiss(None)
