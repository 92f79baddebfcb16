"""Hostile report text (formulas, <script>, attribute breakouts) exports safely in every format."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlalchemy import Engine

from factcheck.export.safety import FORMULA_TRIGGERS, neutralise_cell, script_safe_json
from tests.test_export_helpers import (
    FORMULA,
    IMG,
    PAYLOADS,
    SCRIPT,
    ReportStore,
    build_report_store,
    run_export,
)


@pytest.fixture
def hostile(engine: Engine) -> ReportStore:
    return build_report_store(engine, hostile=True)


@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS)
def test_cells_starting_like_a_formula_get_a_leading_quote(trigger: str) -> None:
    assert neutralise_cell(f"{trigger}1+1") == f"'{trigger}1+1"


def test_ordinary_text_is_left_alone() -> None:
    assert neutralise_cell("SOHR") == "SOHR"
    assert neutralise_cell("2 000 = many") == "2 000 = many"
    assert neutralise_cell("") == ""


def test_script_safe_json_cannot_close_a_script_or_open_a_comment() -> None:
    encoded = script_safe_json(json.dumps({"a": "</script><!-- & \u2028"}, ensure_ascii=False))
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded and "\u2028" not in encoded
    assert json.loads(encoded) == {"a": "</script><!-- & \u2028"}


def _no_formula_cells(cells: list[str]) -> None:
    for cell in cells:
        assert not cell.startswith(FORMULA_TRIGGERS), cell


def test_csv_neutralises_formulas(engine: Engine, hostile: ReportStore, tmp_path: Path) -> None:
    for rows in ("claims", "relations"):
        text = run_export(engine, "csv", tmp_path / f"{rows}.csv", rows=rows).read_text(encoding="utf-8")
        records = list(csv.reader(io.StringIO(text, newline="")))
        _no_formula_cells([cell for record in records for cell in record])
        flat = [cell for record in records for cell in record]
        assert "'" + FORMULA in flat  # the McGurk source, kept readable
        assert SCRIPT in flat and IMG in flat  # plain text, not formulas: left as written


def test_xlsx_writes_hostile_text_as_neutralised_strings(
    engine: Engine, hostile: ReportStore, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    path = run_export(engine, "xlsx", tmp_path / "c.xlsx")
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml  # no cell is a formula
    values = [v for row in load_workbook(path).active.iter_rows(values_only=True) for v in row]  # type: ignore[union-attr]
    _no_formula_cells([v for v in values if isinstance(v, str)])
    assert "'" + FORMULA in values
    assert any(isinstance(v, float | int) and v == 2000 for v in values)  # numbers stay numbers


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.script_bodies: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_bodies.append(data)


def test_html_shows_hostile_text_as_text(engine: Engine, hostile: ReportStore, tmp_path: Path) -> None:
    text = run_export(engine, "html", tmp_path / "r.html").read_text(encoding="utf-8")
    parsed = _Elements()
    parsed.feed(text)
    assert [tag for tag, _ in parsed.elements].count("script") == 2
    assert "img" not in [tag for tag, _ in parsed.elements]
    for _tag, attrs in parsed.elements:
        assert not any(name.startswith("on") for name in attrs), attrs
    assert SCRIPT not in text and "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in text
    meta = parsed.script_bodies[0]
    assert "</" not in meta and "<!--" not in meta
    assert "alert(1)" not in parsed.script_bodies[1]  # the page's own script is only the sorter


def test_markdown_escapes_markup(engine: Engine, hostile: ReportStore, tmp_path: Path) -> None:
    text = run_export(engine, "md", tmp_path / "r.md").read_text(encoding="utf-8")
    assert re.search(r"(?<!\\)<", text) is None  # every < is escaped: no raw HTML for a renderer
    assert r"\<script\>alert(1)\</script\>" in text
    assert r'"\>\<img src=x onerror=alert(1)\>' in text


@pytest.mark.parametrize("fmt", ["json", "claimreview"])
def test_json_formats_round_trip_hostile_text_and_are_safe_to_embed(
    engine: Engine, hostile: ReportStore, fmt: str, tmp_path: Path
) -> None:
    raw = run_export(engine, fmt, tmp_path / f"r.{fmt}").read_text(encoding="utf-8")
    assert "<" not in raw and ">" not in raw
    data = json.loads(raw)
    strings = _strings(data)
    for payload in PAYLOADS:
        assert any(payload in s for s in strings), payload


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []
