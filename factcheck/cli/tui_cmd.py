"""`factcheck tui` (and `factcheck` with no command): the editors' terminal UI."""

from __future__ import annotations

import click

from factcheck.cli.common import open_engine
from factcheck.config import default_reviewer


@click.command()
@click.option(
    "--reviewer",
    default=None,
    metavar="NAME",
    help="Name stored with every review decision. Default: your login name.",
)
@click.pass_context
def tui(ctx: click.Context, reviewer: str | None) -> None:
    """Open the editors' terminal UI on the database: claims, flags, reviews, sources, charts.

    \b
    Examples:
      factcheck
      factcheck --db newsroom.db tui --reviewer anna
    """
    from factcheck.tui.app import FactcheckApp

    engine = open_engine(ctx)
    try:
        FactcheckApp(engine, reviewer or default_reviewer()).run()
    finally:
        engine.dispose()
