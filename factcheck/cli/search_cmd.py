"""`factcheck search`: find stored claims by source (any alias, any language, fuzzily) or by words."""

from __future__ import annotations

import json
import re
from typing import Any

import click

from factcheck.cli.common import open_engine
from factcheck.domain import KINDS, LANGUAGES

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _date_bound(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not _DATE.match(value):
        raise click.BadParameter("use YYYY, YYYY-MM or YYYY-MM-DD", param=param)
    return value


def claim_record(view: Any) -> dict[str, Any]:
    """A stored claim in the JSON shape of `factcheck extract --format jsonl`."""
    from factcheck.domain import Claim
    from factcheck.extract.serialize import claim_to_json

    claim = Claim(
        start=view.start,
        end=view.end,
        text=view.text,
        sentence=view.sentence,
        value_low=view.value_low,
        value_high=view.value_high,
        unit=view.unit,
        kind=view.kind,
        approximate=view.approximate,
        vague=view.vague,
        subject=view.subject,
        actor=view.actor,
        location=view.location,
        as_of=view.as_of,
        source=view.source,
        source_mention=view.source_mention,
        source_type=view.source_type,
        source_score=view.source_score,
        via=tuple(view.via),
        sentence_start=view.sentence_start,
    )
    return claim_to_json(claim, view.document, view.language)


def _canonical_place(name: str) -> str:
    from factcheck.resolve import get_registry

    resolved = get_registry().resolve_place(name)
    return resolved.canonical if resolved is not None else name


@click.command()
@click.argument("query")
@click.option("--kind", type=click.Choice(KINDS), help="Only claims of this kind.")
@click.option("--location", metavar="PLACE", help="Only claims about this place (any spelling).")
@click.option("--language", type=click.Choice(LANGUAGES), help="Only claims from reports in this language.")
@click.option(
    "--since", callback=_date_bound, metavar="DATE", help="Claims dated on or after YYYY[-MM[-DD]]."
)
@click.option(
    "--until", callback=_date_bound, metavar="DATE", help="Claims dated on or before YYYY[-MM[-DD]]."
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="table: aligned for reading; jsonl: one claim per line, as `factcheck extract` prints it.",
)
@click.option(
    "--limit", type=click.IntRange(1, 100_000), default=100, show_default=True, help="At most N claims."
)
@click.pass_context
def search(
    ctx: click.Context,
    query: str,
    kind: str | None,
    location: str | None,
    language: str | None,
    since: str | None,
    until: str | None,
    output_format: str,
    limit: int,
) -> None:
    """Find claims by who made them or by words in them, newest first.

    QUERY may name a source in any language or spelling (SOHR, "Syriska
    människorättslaboratoriet", "the Britain-based war monitor", a misspelling): the
    claims attributed to that source are found. Other words must all occur in the
    claim, its sentence, source mention, subject, place or actor. Any text is a valid
    query; quotes and operators are searched as plain words.

    \b
    Examples:
      factcheck search SOHR
      factcheck search "SOHR Raqqa" --kind fighters --since 2017-06
      factcheck search Reuters --language sv --format jsonl > reuters.jsonl
    """
    from factcheck.store.engine import session_factory
    from factcheck.store.queries import ClaimFilter, get_claims
    from factcheck.store.search import search_claim_ids

    claim_filter = ClaimFilter(
        kind=kind,
        location=_canonical_place(location) if location else None,
        language=language,
        since=since,
        until=until,
    )
    engine = open_engine(ctx)
    try:
        with session_factory(engine)() as session:
            ids = search_claim_ids(session, query, claim_filter=claim_filter, limit=limit)
            views = get_claims(session, ids)
    finally:
        engine.dispose()
    records = [claim_record(views[claim_id]) for claim_id in ids if claim_id in views]
    if output_format == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    if not records:
        click.echo(f"no claims match {query!r}", err=True)
        return
    from factcheck.cli.extract_cmd import format_table

    for line in format_table(records):
        click.echo(line)
    if len(records) == limit:
        click.echo(f"(first {limit}; use --limit for more)", err=True)
