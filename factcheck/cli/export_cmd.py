"""`factcheck export`: discrepancy reports and data exports."""

from __future__ import annotations

import os
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from factcheck.cli.common import open_engine

if TYPE_CHECKING:
    from sqlalchemy import Engine

FORMATS = ("md", "html", "csv", "xlsx", "json", "claimreview")
STATUSES = ("verified", "disputed", "needs_source", "unreviewed")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _date_bound(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not _DATE.match(value):
        raise click.BadParameter("use YYYY, YYYY-MM or YYYY-MM-DD", param=param)
    return value


def _timestamp(_ctx: click.Context, param: click.Parameter, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter("use an ISO 8601 time, e.g. 2024-05-01T12:00:00Z", param=param) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def resolve_source_name(engine: Engine, name: str) -> str:
    """The canonical name for any way of writing a source: its name, an alias, or a registry match."""
    from sqlalchemy.orm import Session

    from factcheck.store.sources import find_source

    with Session(engine) as session:
        found = find_source(session, name)
    return found[1] if found else name


@click.command()
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True, help="Output format."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write to FILE (atomically). Default: standard output (not for xlsx).",
)
@click.option(
    "--rows",
    type=click.Choice(("claims", "relations")),
    default="claims",
    show_default=True,
    help="csv/xlsx: one row per claim or per relation.",
)
@click.option("--kind", default=None, help="Only claims of this kind (fighters, civilians, ...).")
@click.option("--source", default=None, help="Only claims from this source (any name or alias).")
@click.option("--location", default=None, help="Only claims about this place.")
@click.option("--language", default=None, help="Only claims from reports in this language (sv, en, ...).")
@click.option("--since", default=None, callback=_date_bound, help="Claims as of this date or later.")
@click.option("--until", default=None, callback=_date_bound, help="Claims as of this date or earlier.")
@click.option("--status", type=click.Choice(STATUSES), default=None, help="Only claims with this verdict.")
@click.option(
    "--only-contradictions", is_flag=True, help="Only claims in a contradiction, and only contradictions."
)
@click.option(
    "--generated-at",
    default=None,
    callback=_timestamp,
    metavar="ISO_TIME",
    help="Timestamp written into the report (default: SOURCE_DATE_EPOCH, else now).",
)
@click.option(
    "--publisher",
    envvar="FACTCHECK_PUBLISHER",
    default="factcheck",
    show_default=True,
    help="claimreview: the fact-checking organisation (env FACTCHECK_PUBLISHER).",
)
@click.option(
    "--publisher-url",
    envvar="FACTCHECK_PUBLISHER_URL",
    default=None,
    help="claimreview: URL of the page where the reviews are published (env FACTCHECK_PUBLISHER_URL).",
)
@click.pass_context
def export(
    ctx: click.Context,
    fmt: str,
    output: Path | None,
    rows: str,
    kind: str | None,
    source: str | None,
    location: str | None,
    language: str | None,
    since: str | None,
    until: str | None,
    status: str | None,
    only_contradictions: bool,
    generated_at: datetime | None,
    publisher: str,
    publisher_url: str | None,
) -> None:
    """Export claims and relations as a discrepancy report or as data.

    md and html are reports a person reads (contradictions with both claims and the editors'
    decisions, corroborations, a summary by source; html adds a sortable table and charts).
    csv and xlsx give one row per claim or relation; json the full data; claimreview the
    schema.org ClaimReview JSON-LD for every claim with an editor's verdict.

    \b
    Examples:
      factcheck export --format html -o raqqa.html --location Raqqa
      factcheck export --format csv --rows relations --only-contradictions > contradictions.csv
      factcheck export --format claimreview --publisher "Faktakollen" -o reviews.jsonld
    """
    from factcheck.export import ExportError
    from factcheck.export import export as run_export
    from factcheck.export.data import Publisher
    from factcheck.store.queries import ClaimFilter

    if fmt == "xlsx" and output is None:
        raise click.UsageError("xlsx is a binary format: give an output file with -o FILE", ctx=ctx)
    if since and until and since > until:
        raise click.UsageError(f"--since {since} is after --until {until}", ctx=ctx)
    engine = open_engine(ctx)
    try:
        claim_filter = ClaimFilter(
            kind=kind,
            source=resolve_source_name(engine, source) if source else None,
            location=location,
            language=language,
            status=status,
            since=since,
            until=until,
        )
        run_export(
            engine,
            fmt,
            output,
            claim_filter,
            rows=rows,
            only_contradictions=only_contradictions,
            generated_at=generated_at,
            publisher=Publisher(name=publisher, url=publisher_url),
        )
    except ExportError as exc:
        raise click.ClickException(str(exc)) from exc
    except BrokenPipeError:
        # The reader closed the pipe early (`| head`): stop quietly, as Python's docs advise.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        ctx.exit(1)
    finally:
        engine.dispose()
