"""`factcheck db`: schema migrations (and backups)."""

from __future__ import annotations

import click

from factcheck.cli.common import open_engine


@click.group()
def db() -> None:
    """Manage the database schema: upgrade, downgrade, current, history."""


@db.command()
@click.argument("revision", default="head")
@click.pass_context
def upgrade(ctx: click.Context, revision: str) -> None:
    """Upgrade the schema to REVISION (default: head).

    \b
    Example:
      factcheck --db newsroom.db db upgrade
    """
    from factcheck.store.engine import upgrade as run_upgrade

    engine = open_engine(ctx, upgrade_schema=False)
    try:
        run_upgrade(engine, revision)
    except Exception as exc:  # alembic reports unknown revisions with its own exception types
        raise click.ClickException(f"cannot upgrade to {revision}: {str(exc).splitlines()[0]}") from exc
    click.echo(f"database at {revision}")


@db.command()
@click.argument("revision")
@click.pass_context
def downgrade(ctx: click.Context, revision: str) -> None:
    """Downgrade the schema to REVISION ("base" empties the schema; data in dropped tables is lost).

    \b
    Example:
      factcheck --db test.db db downgrade base
    """
    from factcheck.store.engine import downgrade as run_downgrade

    engine = open_engine(ctx, upgrade_schema=False)
    try:
        run_downgrade(engine, revision)
    except Exception as exc:
        raise click.ClickException(f"cannot downgrade to {revision}: {str(exc).splitlines()[0]}") from exc
    click.echo(f"database at {revision}")


@db.command()
@click.pass_context
def current(ctx: click.Context) -> None:
    """Show the database's revision and whether it is the head.

    \b
    Example:
      factcheck db current
    """
    from factcheck.store.engine import current_revision, head_revision

    engine = open_engine(ctx, upgrade_schema=False)
    revision = current_revision(engine)
    head = head_revision()
    click.echo(f"{revision or 'base (empty)'}{' (head)' if revision == head else ''}")


@db.command()
def history() -> None:
    """List the schema revisions, newest first.

    \b
    Example:
      factcheck db history
    """
    from alembic.script import ScriptDirectory

    from factcheck.store.engine import alembic_config

    for script in ScriptDirectory.from_config(alembic_config()).walk_revisions():
        click.echo(f"{script.revision}  {script.doc}  (from {script.down_revision or 'base'})")
