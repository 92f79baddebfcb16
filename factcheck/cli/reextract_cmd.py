"""`factcheck reextract`: run a better extractor over stored reports, keeping reviews."""

from __future__ import annotations

import click

from factcheck.cli.common import open_engine


@click.command()
@click.option(
    "--all", "everything", is_flag=True, help="Every document, not only those from older extractors."
)
@click.option("--no-compare", is_flag=True, help="Do not compare the new claims.")
@click.pass_context
def reextract(ctx: click.Context, everything: bool, no_compare: bool) -> None:
    """Extract stored reports again with this version's extractor.

    Reviews stay attached to their claims; a review whose claim no longer exists is kept and
    listed by `factcheck review orphans`.

    \b
    Example:
      factcheck reextract
    """
    from factcheck.pipeline import reextract as run

    engine = open_engine(ctx)
    summary = run(engine, everything=everything, compare=not no_compare,
                  on_error=lambda message: click.echo(f"error: {message}", err=True))  # fmt: skip
    click.echo(f"{summary.existing} documents re-extracted, {summary.failed} failed; {summary.claims} claims")
    if summary.failed:
        ctx.exit(1)
