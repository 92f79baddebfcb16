"""The command line: one Click group whose subcommands load lazily.

Each command lives in its own module under ``factcheck.cli`` so that
``factcheck extract`` does not pay for importing the TUI or the store.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from factcheck import __version__

# name -> "module:attribute"; a module that is not there yet simply hides its command.
COMMANDS: dict[str, str] = {
    "ingest": "factcheck.cli.ingest_cmd:ingest",
    "extract": "factcheck.cli.extract_cmd:extract",
    "numbers": "factcheck.cli.numbers_cmd:numbers",
    "eval": "factcheck.cli.eval_cmd:eval_command",
    "search": "factcheck.cli.search_cmd:search",
    "sources": "factcheck.cli.sources_cmd:sources",
    "compare": "factcheck.cli.compare_cmd:compare",
    "contradictions": "factcheck.cli.compare_cmd:contradictions",
    "review": "factcheck.cli.review_cmd:review",
    "reextract": "factcheck.cli.reextract_cmd:reextract",
    "export": "factcheck.cli.export_cmd:export",
    "stats": "factcheck.cli.stats_cmd:stats",
    "db": "factcheck.cli.db_cmd:db",
    "tui": "factcheck.cli.tui_cmd:tui",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._load(name) is not None)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._load(cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            # A database refusing a write (read-only, locked too long, server gone) is the user's
            # situation to fix, not a crash: one line and exit 1.
            message = _database_error(exc)
            if message is None:
                raise
            raise click.ClickException(message) from exc

    def _load(self, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None
            raise
        command = getattr(module, attr, None)
        return command if isinstance(command, click.Command) else None


def _database_error(exc: Exception) -> str | None:
    if "sqlalchemy" not in sys.modules:
        return None
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    if not isinstance(exc, SQLAlchemyError):
        return None
    reason = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    first = (str(reason).strip().splitlines() or [type(exc).__name__])[0]
    return f"database error: {first}"


@click.group(
    cls=LazyGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.option(
    "--db",
    "db",
    envvar="FACTCHECK_DB",
    default=None,
    metavar="PATH|URL",
    help="SQLite file path, or a SQLAlchemy URL (sqlite:///..., postgresql+psycopg://...). "
    "Env FACTCHECK_DB. Default: factcheck.db in the user data directory.",
)
@click.version_option(__version__, prog_name="factcheck")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """factcheck: find, attribute and compare the numbers news reports claim.

    With no command, opens the editors' terminal UI on the database.

    \b
    Examples:
      factcheck ingest seeds/
      factcheck contradictions --type all
      factcheck --db newsroom.db search SOHR
    """
    from factcheck.config import Settings

    ctx.obj = Settings.from_cli(db)
    if ctx.invoked_subcommand is None:
        tui_command = ctx.command.get_command(ctx, "tui") if isinstance(ctx.command, click.Group) else None
        if tui_command is None:
            click.echo(ctx.get_help())
            return
        ctx.invoke(tui_command)


def main(argv: list[str] | None = None) -> Any:
    """Console entry point: user errors end as one line and a non-zero exit, never a traceback."""
    try:
        return cli.main(args=argv, prog_name="factcheck", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("factcheck: interrupted", err=True)
        sys.exit(130)
