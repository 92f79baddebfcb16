"""Sources: aliases, how many claims, how often contradicted; add an alias or merge two."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header

from factcheck.store.sources import SourceView
from factcheck.tui.actions import bindings
from factcheck.tui.messages import QueryFailed, SourcesChanged, SourcesFetched
from factcheck.tui.screens.base import FactcheckScreen
from factcheck.tui.screens.choose import ChooseScreen
from factcheck.tui.screens.note import AskScreen
from factcheck.tui.widgets.safe import safe_text


class SourcesScreen(FactcheckScreen):
    SCOPE = "sources"
    BINDINGS = bindings("sources")

    def __init__(self) -> None:
        super().__init__()
        self.sources: list[SourceView] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="sources", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Sources"
        table = self.query_one(DataTable)
        for label, width in (
            ("Source", 34),
            ("Type", 14),
            ("Claims", 8),
            ("Contradicted", 12),
            ("Aliases", None),
        ):
            table.add_column(label, key=label, width=width)
        table.focus()

    def on_screen_resume(self) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="sources", exit_on_error=False)
    def load(self) -> None:
        try:
            self.post_message(SourcesFetched(self.data.sources()))
        except Exception as exc:
            self.post_message(QueryFailed("sources", str(exc).splitlines()[0]))

    def on_query_failed(self, message: QueryFailed) -> None:
        self.say(f"Could not {message.what}: {message.error}", "error")

    def on_sources_fetched(self, message: SourcesFetched) -> None:
        table = self.query_one(DataTable)
        keep = table.cursor_row
        self.sources = message.sources
        table.clear()
        for source in self.sources:
            table.add_row(
                safe_text(source.name, "bold"),
                safe_text(source.type or ""),
                Text(str(source.claims), justify="right", end=""),
                Text(
                    str(source.contradicted) if source.contradicted else "",
                    style="bold red",
                    justify="right",
                    end="",
                ),
                safe_text(", ".join(source.aliases), "dim"),
                key=str(source.id),
            )
        if self.sources:
            table.move_cursor(row=min(keep, len(self.sources) - 1), animate=False)
        table.border_title = f"{len(self.sources)} sources"
        table.border_subtitle = "Enter shows its claims · a adds an alias · m merges"

    def _highlighted(self) -> SourceView | None:
        row = self.query_one(DataTable).cursor_row
        return self.sources[row] if 0 <= row < len(self.sources) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_show_source_claims()

    def action_show_source_claims(self) -> None:
        source = self._highlighted()
        if source is not None:
            self.fc.show_source_claims(source.name)

    def action_add_alias(self) -> None:
        source = self._highlighted()
        if source is None:
            return
        heading = Text.assemble("New alias for ", safe_text(source.name, "bold"))

        def typed(alias: str | None) -> None:
            if alias:
                self.change("add alias", source.name, alias)

        self.app.push_screen(AskScreen(heading, "Alias as reports write it", required=True), typed)

    def action_merge(self) -> None:
        source = self._highlighted()
        if source is None:
            return
        others = [other.name for other in self.sources if other.id != source.id]
        if not others:
            self.say("There is no other source to merge into.", "warning")
            return
        heading = Text.assemble("Merge ", safe_text(source.name, "bold"), " into which source?")

        def chosen(target: str | None) -> None:
            if target:
                self.change("merge", source.name, target)

        self.app.push_screen(ChooseScreen(heading, others), chosen)

    @work(thread=True, group="sources-change", exit_on_error=False)
    def change(self, what: str, name: str, other: str) -> None:
        try:
            if what == "merge":
                self.data.merge_sources(name, other)
                summary = f"Merged {name} into {other}"
            else:
                self.data.add_alias(name, other)
                summary = f"Added alias {other!r} to {name}"
        except Exception as exc:  # the store refuses clashes (an alias already naming another source)
            self.post_message(QueryFailed(what, str(exc).splitlines()[0]))
            return
        self.post_message(SourcesChanged(summary))

    def on_sources_changed(self, message: SourcesChanged) -> None:
        self.say(message.summary, title="Sources")
        self.fc.sources_changed()
        self.load()
