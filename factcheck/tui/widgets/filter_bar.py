"""Search box and filters above the claims table; tells the screen what the editor asked for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Checkbox, Input, Select

from factcheck.tui.data import FilterOptions
from factcheck.tui.widgets.inputs import TextInput
from factcheck.tui.widgets.safe import safe_text

STATUS_CHOICES = (
    ("unreviewed", "unreviewed"),
    ("verified", "verified"),
    ("disputed", "disputed"),
    ("needs source", "needs_source"),
)
SEARCH_DELAY = 0.3  # seconds of quiet typing before a search runs


@dataclass(frozen=True, slots=True)
class FilterState:
    search: str = ""
    kind: str | None = None
    source: str | None = None
    location: str | None = None
    language: str | None = None
    status: str | None = None
    only_flagged: bool = False


def _options(values: tuple[str, ...]) -> list[tuple[Text, str]]:
    return [(safe_text(value), value) for value in values]


class FilterBar(Horizontal):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "done", "Table", show=True)]

    @dataclass
    class Changed(Message):
        state: FilterState

    class Done(Message):
        """The editor is finished with the filters (Escape, or Enter in the search box)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._search_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield TextInput(placeholder="Search (/)", id="search")
        yield Select[str]([], prompt="Kind", id="kind")
        yield Select[str]([], prompt="Source", id="source")
        yield Select[str]([], prompt="Location", id="location")
        yield Select[str]([], prompt="Language", id="language")
        yield Select[str](
            [(Text(label), value) for label, value in STATUS_CHOICES], prompt="Review", id="status"
        )
        yield Checkbox("Only flagged", id="flagged")

    def set_options(self, options: FilterOptions) -> None:
        """Fill the choices, keeping whatever the editor has already picked."""
        for name, values in (
            ("kind", options.kinds),
            ("source", options.sources),
            ("location", options.locations),
            ("language", options.languages),
        ):
            select: Select[str] = self.query_one(f"#{name}", Select)
            chosen = select.value
            with select.prevent(Select.Changed):
                select.set_options(_options(values))
                if isinstance(chosen, str):
                    if chosen not in values:  # picked elsewhere (the sources screen): keep it
                        select.set_options([*_options(values), (safe_text(chosen), chosen)])
                    select.value = chosen

    def _value(self, name: str) -> str | None:
        value = self.query_one(f"#{name}", Select).value
        return value if isinstance(value, str) else None

    @property
    def state(self) -> FilterState:
        return FilterState(
            search=self.query_one("#search", Input).value.strip(),
            kind=self._value("kind"),
            source=self._value("source"),
            location=self._value("location"),
            language=self._value("language"),
            status=self._value("status"),
            only_flagged=self.query_one("#flagged", Checkbox).value,
        )

    def set_value(self, name: str, value: str | None) -> None:
        select: Select[str] = self.query_one(f"#{name}", Select)
        if value is None:
            select.clear()
        else:
            # A value from elsewhere (the sources screen) may not be among the loaded choices yet.
            known = [(prompt, v) for prompt, v in select._options if isinstance(v, str)]
            if value not in {v for _, v in known}:
                select.set_options([*known, (safe_text(value), value)])
            select.value = value

    def clear(self) -> None:
        self.query_one("#search", Input).value = ""
        for name in ("kind", "source", "location", "language", "status"):
            self.query_one(f"#{name}", Select).clear()
        self.query_one("#flagged", Checkbox).value = False
        self._announce()

    def _announce(self) -> None:
        self.post_message(self.Changed(self.state))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._announce()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self._announce()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self._announce)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._search_timer is not None:
            self._search_timer.stop()
        self._announce()
        self.post_message(self.Done())

    def action_done(self) -> None:
        self.post_message(self.Done())
