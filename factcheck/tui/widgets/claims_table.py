"""The claims table: a window of rows paged from the database, never the whole result.

The screen feeds it pages; the table keeps at most MAX_ROWS rows and remembers where its
window starts in the result, so scrolling through a million claims costs the same as ten.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from factcheck.store.queries import ClaimView
from factcheck.tui.widgets.format import claim_date, normalized, source_text, status_text, via_text
from factcheck.tui.widgets.safe import safe_text

PAGE = 100
MAX_ROWS = 5 * PAGE
EDGE = PAGE // 4  # rows from the window's edge at which the next page is asked for

# (key, label, sort key in the store or None when the column cannot be sorted in SQL)
# The columns an editor scans first come first; the rest are a horizontal scroll away.
COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("value", "As written", None),
    ("normalized", "Value", "value"),
    ("kind", "Kind", "kind"),
    ("source", "Source", None),
    ("location", "Location", "location"),
    ("date", "Date", "as_of"),
    ("status", "Review", None),
    ("flags", "Flags", None),
    ("subject", "Subject", None),
    ("actor", "Actor", "actor"),
    ("via", "Via", None),
    ("report", "Report", "document"),
    ("language", "Lang", None),
)
SORTS: tuple[str, ...] = ("id", *(sort for _, _, sort in COLUMNS if sort))
WIDTHS = {
    "value": 18,
    "normalized": 18,
    "kind": 13,
    "source": 20,
    "location": 14,
    "date": 10,
    "status": 12,
    "flags": 5,
    "subject": 16,
    "actor": 12,
    "via": 14,
    "report": 18,
    "language": 4,
}


def _clip(text: Text, width: int | None) -> Text:
    if width is not None and len(text) > width:
        text.truncate(width - 1)
        text.append("…")
    return text


def claim_cells(claim: ClaimView) -> list[Text]:
    cells = {
        "value": safe_text(claim.text, "bold"),
        "normalized": Text(normalized(claim), justify="right", end=""),
        "kind": safe_text(claim.kind),
        "subject": safe_text(claim.subject or ""),
        "actor": safe_text(claim.actor or ""),
        "location": safe_text(claim.location or ""),
        "source": source_text(claim),
        "via": via_text(claim),
        "report": safe_text(claim.document, "dim"),
        "language": safe_text(claim.language or ""),
        "date": safe_text(claim_date(claim)),
        "status": status_text(claim.status),
        "flags": Text(str(claim.flags) if claim.flags else "", style="bold red", justify="right", end=""),
    }
    return [_clip(cells[key], WIDTHS.get(key)) for key, _, _ in COLUMNS]


class ClaimsTable(DataTable[Text]):
    """Shows a window of claims; `first_index` is the window's position in the whole result."""

    @dataclass
    class NearEdge(Message):
        """The editor moved close to the end (next) or start (previous) of the loaded window."""

        direction: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.window: list[ClaimView] = []
        self.first_index = 0
        self.complete_below = False
        # A rebuild clears the table, which scrolls to the top and highlights row 0 on the way:
        # those are not the editor asking for the previous page.
        self._rebuilding = False

    def on_mount(self) -> None:
        for key, label, _sort in COLUMNS:
            self.add_column(label, key=key, width=WIDTHS.get(key))

    def _check_edges(self, row: int) -> None:
        if not self.window or self._rebuilding:
            return
        if row >= len(self.window) - EDGE and not self.complete_below:
            self.post_message(self.NearEdge("next"))
        elif row < EDGE and self.first_index > 0:
            self.post_message(self.NearEdge("previous"))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._check_edges(self.cursor_row)  # where the cursor is now, not where it passed

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        # The mouse wheel scrolls without moving the cursor; page by the visible rows too.
        if new_value > old_value and new_value >= self.max_scroll_y - 2:
            self._check_edges(len(self.window) - 1)
        elif new_value < old_value and new_value <= 2:
            self._check_edges(0)

    @property
    def highlighted(self) -> ClaimView | None:
        if not self.window or not 0 <= self.cursor_row < len(self.window):
            return None
        return self.window[self.cursor_row]

    def set_sort_marker(self, sort: str, descending: bool) -> None:
        arrow = " ▼" if descending else " ▲"
        for key, label, column_sort in COLUMNS:
            column = self.columns.get(key)  # type: ignore[call-overload]
            if column is not None:
                column.label = Text(label + (arrow if column_sort == sort else ""), end="")
        self._require_update_dimensions = True
        self.refresh()

    def show(self, rows: list[ClaimView], *, complete: bool) -> None:
        self.window = list(rows)
        self.first_index = 0
        self.complete_below = complete
        self._rebuild(0)

    def extend_below(self, rows: list[ClaimView], *, complete: bool) -> None:
        cursor = self.cursor_row
        self.window.extend(rows)
        self.complete_below = complete
        drop = max(0, len(self.window) - MAX_ROWS)
        if drop:
            # Keep memory flat: forget rows far above the cursor; they can be paged back.
            self.window = self.window[drop:]
            self.first_index += drop
            self._rebuild(cursor - drop)
        else:
            for claim in rows:
                self.add_row(*claim_cells(claim), key=str(claim.id))

    def extend_above(self, rows: list[ClaimView]) -> None:
        cursor = self.cursor_row + len(rows)
        self.window = rows + self.window
        self.first_index = max(0, self.first_index - len(rows))
        overflow = max(0, len(self.window) - MAX_ROWS)
        if overflow:
            self.window = self.window[: len(self.window) - overflow]
            self.complete_below = False
        self._rebuild(cursor)

    def replace_claim(self, claim: ClaimView) -> None:
        for index, shown in enumerate(self.window):
            if shown.id == claim.id:
                self.window[index] = claim
                for (key, _, _), cell in zip(COLUMNS, claim_cells(claim), strict=True):
                    self.update_cell(str(claim.id), key, cell)

    def _rebuild(self, cursor: int) -> None:
        self._rebuilding = True
        self.clear()
        for claim in self.window:
            self.add_row(*claim_cells(claim), key=str(claim.id))
        if self.window:
            self.move_cursor(row=max(0, min(cursor, len(self.window) - 1)), animate=False)
        self.call_after_refresh(self._rebuilt)

    def _rebuilt(self) -> None:
        self._rebuilding = False
