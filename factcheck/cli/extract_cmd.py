"""`factcheck extract`: print the claims found in reports, without a database."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import click

from factcheck.domain import LANGUAGES

# Columns of the table format: (heading, JSON field, width)
_TABLE_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("DOCUMENT", "document", 24),
    ("VALUE", "value", 17),
    ("UNIT", "unit", 7),
    ("KIND", "kind", 13),
    ("CLAIM", "text", 28),
    ("ACTOR", "actor", 24),
    ("LOCATION", "location", 20),
    ("SOURCE", "source", 28),
    ("AS OF", "as_of", 10),
)


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _value(record: dict[str, Any]) -> str:
    low, high = record["value_low"], record["value_high"]
    text = _number(low) if low == high else f"{_number(low)}–{_number(high)}"
    if record["approximate"]:
        text = "~" + text
    return text


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(records: Sequence[dict[str, Any]]) -> list[str]:
    """A readable aligned table, one claim a line; columns shrink to their widest cell."""
    rows = []
    for record in records:
        row = dict(record, value=_value(record))
        rows.append([_cell(row.get(field), width) for _, field, width in _TABLE_COLUMNS])
    headings = [heading for heading, _, _ in _TABLE_COLUMNS]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headings)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headings, widths, strict=True)).rstrip()]
    lines.extend("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows)
    return lines


def extract_records(
    paths: Iterable[str], language: str | None, on_error: Any
) -> tuple[list[dict[str, Any]], int, list[str]]:
    """(claims as JSON records, failed file count, names of documents read)."""
    from factcheck.extract import extract
    from factcheck.extract.serialize import claim_to_json
    from factcheck.read import ReadError, read_paths
    from factcheck.resolve import get_registry

    registry = None
    records: list[dict[str, Any]] = []
    names: list[str] = []
    failed = 0
    for item in read_paths(paths):
        if isinstance(item, ReadError):
            on_error(f"{item.origin}: {item.message}")
            failed += 1
            continue
        chosen = language or item.language
        try:
            if registry is None:
                registry = get_registry()
            claims = extract(item.text, chosen, item.published, registry=registry)
        except Exception as exc:  # one bad document must not stop the batch
            on_error(f"{item.origin}: extraction failed ({type(exc).__name__}: {exc})")
            failed += 1
            continue
        names.append(item.name)
        records.extend(claim_to_json(claim, item.name, chosen) for claim in claims)
    return records, failed, names


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one JSON object per claim; table: an aligned table for reading.",
)
@click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of the reports (default: detected per report).",
)
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], output_format: str, language: str | None) -> None:
    """Print the quantitative claims in reports (.txt, .html, .jsonl, directories, - for stdin).

    No database is used. Bad files are reported one line each on standard error and the rest
    go on; the exit code is 1 when any failed.

    \b
    Examples:
      factcheck extract seeds/001_7692b10716c32c8a.txt
      factcheck extract --format table seeds/
      cat report.txt | factcheck extract --language sv -
    """

    def report(message: str) -> None:
        click.echo(f"error: {message}", err=True)

    records, failed, _ = extract_records(paths, language, report)
    if output_format == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    else:
        for line in format_table(records):
            click.echo(line)
    if failed:
        ctx.exit(1)
