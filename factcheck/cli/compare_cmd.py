"""`factcheck compare` and `factcheck contradictions`: find relations between claims, and list them."""

from __future__ import annotations

import json
from typing import Any

import click

from factcheck.cli.common import format_option, open_engine

LISTED_TYPES = ("contradicts", "corroborates", "changed_over_time", "repeats", "different_scope")
# "all" means every relation an editor acts on; different_scope pairs are shown only when asked by name.
ALL_TYPES = ("contradicts", "corroborates", "changed_over_time", "repeats")
CLAIM_KEYS = (
    "document", "language", "sentence", "text", "value_low", "value_high", "approximate", "vague", "unit",
    "kind", "subject", "actor", "location", "source", "via", "as_of", "claim_key",
)  # fmt: skip


@click.command()
@click.option("--all", "recompute_all", is_flag=True, help="Recompute every relation from scratch.")
@click.option(
    "--with-scope",
    is_flag=True,
    help="Also store different_scope pairs (a place and a place inside it, or unlike subjects). Needs --all.",
)
@click.pass_context
def compare(ctx: click.Context, recompute_all: bool, with_scope: bool) -> None:
    """Compare stored claims across reports: contradictions, corroborations, repeats, changes.

    Without --all, compares the claims stored since the last comparison (ingest compares each new
    report by itself, so this is only needed after `ingest --no-compare` or an interrupted run).
    With --all, recomputes everything; editors' decisions (confirmed, dismissed) are kept.

    \b
    Examples:
      factcheck compare
      factcheck compare --all
      factcheck compare --all --with-scope
    """
    if with_scope and not recompute_all:
        raise click.UsageError("--with-scope needs --all (scope pairs are computed over the whole store)")
    from factcheck.compare import compare_all, compare_pending

    engine = open_engine(ctx)
    if recompute_all:
        click.echo(f"{compare_all(engine, with_scope=with_scope)} relations stored")
    else:
        from factcheck.pipeline import relations_change

        click.echo(relations_change(compare_pending(engine)))


def _number(value: float) -> int | float:
    return int(value) if value == int(value) and abs(value) < 1e15 else round(value, 6)


def _claim(view: Any) -> dict[str, Any]:
    record = {key: getattr(view, key) for key in CLAIM_KEYS}
    record["value_low"], record["value_high"] = _number(view.value_low), _number(view.value_high)
    record["via"] = list(view.via)
    return record


def relation_json(view: Any) -> dict[str, Any]:
    return {
        "type": view.type,
        "score": view.score,
        "status": view.status,
        "explanation": view.explanation,
        "relation_key": view.relation_key,
        "a": _claim(view.a),
        "b": _claim(view.b),
    }


def _short(view: Any) -> str:
    value = f"{_number(view.value_low)}" if view.value_low == view.value_high else (
        f"{_number(view.value_low)}-{_number(view.value_high)}")  # fmt: skip
    return f"{value} {view.unit} ({view.source or 'own voice'}, {view.as_of or '?'}, {view.document})"


@click.command()
@click.option(
    "--type",
    "relation_type",
    type=click.Choice((*LISTED_TYPES, "all")),
    default="contradicts",
    show_default=True,
    help="Relation type; 'all' lists every type except different_scope, which is shown only by name.",
)
@click.option("--kind", default=None, help="Only relations between claims of this kind, e.g. fighters.")
@click.option("--location", default=None, help="Only relations about this place (canonical name).")
@click.option(
    "--status", type=click.Choice(("open", "confirmed", "dismissed")), default=None, help="Editors' status."
)
@format_option("table", "jsonl")
@click.pass_context
def contradictions(
    ctx: click.Context,
    relation_type: str,
    kind: str | None,
    location: str | None,
    status: str | None,
    output_format: str,
) -> None:
    """List relations between claims, strongest first: contradictions unless --type says otherwise.

    \b
    Examples:
      factcheck contradictions
      factcheck contradictions --type all --kind fighters --location Raqqa
      factcheck contradictions --status open --format jsonl > flags.jsonl
    """
    from sqlalchemy.orm import Session

    from factcheck.store.queries import RelationFilter, iter_relations

    engine = open_engine(ctx)
    types = ALL_TYPES if relation_type == "all" else (relation_type,)
    relation_filter = RelationFilter(types=types, kind=kind, location=location, status=status)
    shown = 0
    with Session(engine) as session:
        for view in iter_relations(session, relation_filter):
            shown += 1
            if output_format == "jsonl":
                click.echo(json.dumps(relation_json(view), ensure_ascii=False))
                continue
            click.echo(f"{view.type:<17} {view.score:.2f}  {view.status:<9} {view.a.kind}, {view.a.location}")
            click.echo(f"  a: {_short(view.a)}")
            click.echo(f"  b: {_short(view.b)}")
            click.echo(f"  {view.explanation}")
    if shown == 0 and output_format == "table":
        click.echo("no relations match", err=True)
