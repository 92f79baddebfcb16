"""`factcheck sources`: list and inspect sources, teach the registry an alias, merge duplicates."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

import click

from factcheck.cli.common import open_engine

T = TypeVar("T")


def _in_transaction(ctx: click.Context, work: Callable[[Any], T]) -> T:
    """Run work(session) in one transaction; source errors become one line and exit 1."""
    from factcheck.store.engine import session_factory
    from factcheck.store.sources import SourceError

    engine = open_engine(ctx)
    try:
        with session_factory(engine)() as session, session.begin():
            return work(session)
    except SourceError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        engine.dispose()


def _cell(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@click.group()
def sources() -> None:
    """Sources the claims are attributed to: list, show, add an alias, merge two.

    Names may be written any way the registry knows (SOHR, "Syriska
    människorättslaboratoriet", "the Britain-based war monitor").

    \b
    Examples:
      factcheck sources list
      factcheck sources show SOHR
      factcheck sources add-alias SOHR "Syriska människorättslaboratoriet"
      factcheck sources merge "Syriska människorättslaboratoriet" SOHR
    """


@sources.command(name="list")
@click.option(
    "--format", "output_format", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
@click.pass_context
def list_sources(ctx: click.Context, output_format: str) -> None:
    """Every source with its type, claims, contradicted claims and aliases, most cited first.

    \b
    Examples:
      factcheck sources list
      factcheck --db newsroom.db sources list --format jsonl
    """
    from factcheck.store.sources import source_stats

    views = _in_transaction(ctx, source_stats)
    if output_format == "jsonl":
        for view in views:
            click.echo(
                json.dumps(
                    {
                        "name": view.name,
                        "type": view.type,
                        "parent": view.parent,
                        "claims": view.claims,
                        "contradicted": view.contradicted,
                        "aliases": list(view.aliases),
                        "user_aliases": list(view.user_aliases),
                        "merged_from": list(view.merged_from),
                    },
                    ensure_ascii=False,
                )
            )
        return
    if not views:
        click.echo("no sources yet: ingest reports first", err=True)
        return
    width = min(40, max(len(view.name) for view in views))
    click.echo(f"{'SOURCE':<{width}}  {'TYPE':<13}  {'CLAIMS':>6}  {'CONTRA':>6}  ALIASES")
    for view in views:
        aliases = ", ".join(view.aliases[:3]) + (
            f" (+{len(view.aliases) - 3})" if len(view.aliases) > 3 else ""
        )
        click.echo(
            f"{_cell(view.name, width):<{width}}  {_cell(view.type or '', 13):<13}  {view.claims:>6}  "
            f"{view.contradicted:>6}  {aliases}".rstrip()
        )


@sources.command()
@click.argument("name")
@click.pass_context
def show(ctx: click.Context, name: str) -> None:
    """One source: type, aliases, merged names, figures and its latest claims.

    \b
    Examples:
      factcheck sources show SOHR
      factcheck sources show "the Britain-based war monitor"
    """
    from factcheck.store.queries import ClaimFilter, claim_page
    from factcheck.store.sources import source_stats

    def work(session: Any) -> tuple[Any, list[Any]]:
        view = source_stats(session, name=name)[0]
        latest = claim_page(session, ClaimFilter(source=view.name), descending=True, limit=10)
        return view, latest

    view, latest = _in_transaction(ctx, work)
    click.echo(view.name)
    click.echo(f"  type          {view.type or '-'}")
    if view.parent:
        click.echo(f"  part of       {view.parent}")
    click.echo(f"  claims        {view.claims}")
    click.echo(f"  contradicted  {view.contradicted}")
    if view.merged_from:
        click.echo(f"  merged from   {', '.join(view.merged_from)}")
    if view.user_aliases:
        click.echo(f"  your aliases  {', '.join(view.user_aliases)}")
    click.echo(f"  aliases       {', '.join(view.aliases) or '-'}")
    if latest:
        click.echo("  latest claims")
        for claim in latest:
            click.echo(
                f"    {claim.as_of or claim.published or '':<10}  {_cell(claim.text, 30):<30}  {claim.document}"
            )


@sources.command(name="add-alias")
@click.argument("source")
@click.argument("alias")
@click.pass_context
def add_alias_command(ctx: click.Context, source: str, alias: str) -> None:
    """Teach the registry that ALIAS names SOURCE; later reports resolve it so.

    \b
    Examples:
      factcheck sources add-alias SOHR "Syriska människorättslaboratoriet"
      factcheck sources add-alias Reuters "nyhetsbyrån Reuters"
    """
    from factcheck.store.sources import add_alias

    canonical = _in_transaction(ctx, lambda session: add_alias(session, source, alias))
    click.echo(f"{alias!r} is now an alias of {canonical}")


@sources.command()
@click.argument("from_name", metavar="FROM")
@click.argument("into_name", metavar="INTO")
@click.pass_context
def merge(ctx: click.Context, from_name: str, into_name: str) -> None:
    """Merge source FROM into INTO: its claims move, its name becomes an alias of INTO.

    \b
    Examples:
      factcheck sources merge "Syriska människorättslaboratoriet" SOHR
      factcheck sources merge "Observatory" "Syrian Observatory for Human Rights"
    """
    from factcheck.store.sources import merge_sources

    result = _in_transaction(ctx, lambda session: merge_sources(session, from_name, into_name))
    click.echo(f"merged {result.source} into {result.into}: {result.claims_moved} claims moved")
