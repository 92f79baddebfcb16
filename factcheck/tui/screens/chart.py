"""A chart for one quantity (a kind of number in a place): who claimed what, when."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Select

from factcheck.tui.actions import bindings
from factcheck.tui.data import QuantityChoice
from factcheck.tui.messages import QuantitiesFetched, QueryFailed, SeriesFetched
from factcheck.tui.screens.base import FactcheckScreen
from factcheck.tui.widgets.chart import QuantityChart
from factcheck.tui.widgets.format import number
from factcheck.tui.widgets.safe import safe_text


class ChartScreen(FactcheckScreen):
    SCOPE = "chart"
    BINDINGS = bindings("chart")

    def __init__(self) -> None:
        super().__init__()
        self.choices: list[QuantityChoice] = []
        self.current: QuantityChoice | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Select[int]([], prompt="Quantity (kind in place)", id="quantity")
        with Horizontal(id="chart-body"):
            yield QuantityChart(id="chart")
            yield DataTable(id="points", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Chart"
        points = self.query_one("#points", DataTable)
        points.border_title = "Claimed values"
        for label in ("Date", "Value", "Source"):
            points.add_column(label, key=label)
        self.query_one("#quantity", Select).focus()

    def on_screen_resume(self) -> None:
        request = self.fc.take_chart_request()
        if request is not None:
            self.current = QuantityChoice(request[0], request[1], 0)
            self.load_series(self.current)
        self.action_reload()

    def action_reload(self) -> None:
        self.load_choices()
        if self.current is not None:
            self.load_series(self.current)

    @work(thread=True, exclusive=True, group="chart-choices", exit_on_error=False)
    def load_choices(self) -> None:
        try:
            self.post_message(QuantitiesFetched(self.data.quantities()))
        except Exception as exc:
            self.post_message(QueryFailed("quantities", str(exc).splitlines()[0]))

    @work(thread=True, exclusive=True, group="chart-series", exit_on_error=False)
    def load_series(self, choice: QuantityChoice) -> None:
        try:
            self.post_message(SeriesFetched(choice, self.data.series(choice.kind, choice.location)))
        except Exception as exc:
            self.post_message(QueryFailed("the chart", str(exc).splitlines()[0]))

    def on_query_failed(self, message: QueryFailed) -> None:
        self.say(f"Could not load {message.what}: {message.error}", "error")

    def on_quantities_fetched(self, message: QuantitiesFetched) -> None:
        self.choices = list(message.choices)
        if self.current is not None and not any(
            (c.kind, c.location) == (self.current.kind, self.current.location) for c in self.choices
        ):
            self.choices.append(self.current)
        select: Select[int] = self.query_one("#quantity", Select)
        select.set_options([(safe_text(choice.label), index) for index, choice in enumerate(self.choices)])
        if self.current is None and self.choices:
            self.current = self.choices[0]
            self.load_series(self.current)
        for index, choice in enumerate(self.choices):
            if self.current and (choice.kind, choice.location) == (self.current.kind, self.current.location):
                with select.prevent(Select.Changed):
                    select.value = index

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if isinstance(event.value, int) and 0 <= event.value < len(self.choices):
            self.current = self.choices[event.value]
            self.load_series(self.current)

    def on_series_fetched(self, message: SeriesFetched) -> None:
        choice = message.choice
        title = f"{choice.kind} in {choice.location}"
        self.query_one(QuantityChart).draw(title, message.points)
        table = self.query_one("#points", DataTable)
        table.clear()
        for point in message.points:
            value = number(point.value_low)
            if point.value_high != point.value_low:
                value += f"–{number(point.value_high)}"
            table.add_row(
                safe_text(point.as_of), Text(value, justify="right", end=""), safe_text(point.source)
            )
        table.border_subtitle = f"{len(message.points)} claims"
