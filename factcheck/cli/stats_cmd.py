"""`factcheck stats`: what the database holds."""

from __future__ import annotations

import click

from factcheck.cli.common import open_engine


@click.command()
@click.pass_context
def stats(ctx: click.Context) -> None:
    """Count documents, claims, sources, relations and reviews, by language and kind.

    \b
    Example:
      factcheck --db newsroom.db stats
    """
    from factcheck.store.queries import store_stats

    engine = open_engine(ctx)
    figures = store_stats(engine)
    click.echo(f"documents  {figures['documents']}")
    for language, count in figures["languages"]:
        click.echo(f"  {language or '?':<4} {count}")
    click.echo(f"claims     {figures['claims']}")
    for kind, count in figures["kinds"]:
        click.echo(f"  {kind:<14} {count}")
    click.echo(f"sources    {figures['sources']}")
    click.echo(f"relations  {figures['relations']}")
    for type_, count in figures["relation_types"]:
        click.echo(f"  {type_:<18} {count}")
    click.echo(f"reviews    {figures['reviews']}")
