"""Pieces every command shares: opening the store with one-line errors, output formats."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from factcheck.config import Settings

if TYPE_CHECKING:
    from sqlalchemy import Engine


def settings(ctx: click.Context) -> Settings:
    obj = ctx.find_root().obj
    if isinstance(obj, Settings):
        return obj
    return Settings.from_cli(None)


def open_engine(ctx: click.Context, *, upgrade_schema: bool = True) -> Engine:
    """Open the chosen database (upgrading it to head), or stop with a one-line error."""
    from factcheck.store.engine import StoreError, open_store

    try:
        return open_store(settings(ctx).db_url, upgrade_schema=upgrade_schema)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def format_option(*choices: str, default: str = "table") -> Any:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Output format.",
    )
