"""CSV and XLSX: one row per claim or per relation, for spreadsheets.

Text cells that a spreadsheet would run as a formula are neutralised; numbers are written as
numbers. XLSX output is byte-for-byte reproducible: the workbook's dates are the generation time.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, TextIO

from factcheck.export.columns import Table, table_for
from factcheck.export.data import ExportData, ReportContext
from factcheck.export.safety import neutralise_cell


def number_text(value: float | int) -> str:
    """2000.0 -> "2000", 0.85 -> "0.85": what a person would type."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def csv_cell(kind: str, value: Any) -> str:
    if value is None:
        return ""
    if kind == "number":
        return number_text(value)
    if kind == "bool":
        return "true" if value else "false"
    return neutralise_cell(str(value))


def write_csv(data: ExportData, context: ReportContext, stream: TextIO) -> None:
    table = table_for(data, context.rows)
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow([column.name for column in table.columns])
    kinds = [column.type for column in table.columns]
    for row in table.rows:
        writer.writerow([csv_cell(kind, value) for kind, value in zip(kinds, row, strict=True)])


def _write_sheet(workbook: Any, table: Table, title: str) -> None:
    sheet = workbook.add_worksheet(title)
    bold = workbook.add_format({"bold": True})
    for column_index, column in enumerate(table.columns):
        sheet.write_string(0, column_index, column.name, bold)
    for row_index, row in enumerate(table.rows, 1):
        for column_index, (column, value) in enumerate(zip(table.columns, row, strict=True)):
            if value is None:
                continue
            if column.type == "number":
                sheet.write_number(row_index, column_index, float(value))
            elif column.type == "bool":
                sheet.write_boolean(row_index, column_index, bool(value))
            else:
                sheet.write_string(row_index, column_index, neutralise_cell(str(value)))
    sheet.freeze_panes(1, 0)


def write_xlsx(data: ExportData, context: ReportContext, path: Path) -> None:
    import xlsxwriter

    # constant_memory streams rows to disk in order instead of holding the sheet in memory.
    workbook = xlsxwriter.Workbook(
        str(path),
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
    )
    moment = context.generated_at.replace(tzinfo=None)
    workbook.set_properties({"title": "factcheck export", "author": "factcheck", "created": moment})
    _write_sheet(workbook, table_for(data, context.rows), context.rows)
    workbook.close()
