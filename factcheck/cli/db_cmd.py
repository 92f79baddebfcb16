"""`factcheck db`: schema migrations (and backups)."""

from __future__ import annotations

import click

from factcheck.cli.common import open_engine


@click.group()
def db() -> None:
    """Manage the database: schema upgrade, downgrade, current, history; backup and restore."""


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


def _describe(result: object) -> str:
    documents = getattr(result, "documents", None)
    claims = getattr(result, "claims", None)
    reviews = getattr(result, "reviews", None)
    revision = getattr(result, "revision", None)
    size = getattr(result, "size", 0)
    return (
        f"{documents if documents is not None else '?'} documents, {claims if claims is not None else '?'} claims, "
        f"{reviews if reviews is not None else '?'} reviews; revision {revision or 'none'}; {size / 1024:.0f} KB"
    )


@db.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@click.pass_context
def backup(ctx: click.Context, file: str, force: bool) -> None:
    """Copy the database to FILE, consistently, even while others write to it.

    SQLite: the SQLite backup API copies one snapshot into a single self-contained file
    (checked, then renamed into place, so FILE is never half-written). PostgreSQL: runs
    pg_dump --format=custom (restore it with pg_restore).

    \b
    Examples:
      factcheck --db newsroom.db db backup backups/newsroom-2024-05-01.db
      factcheck --db postgresql+psycopg://host/newsroom db backup newsroom.dump
    """
    from pathlib import Path

    from factcheck.cli.common import settings
    from factcheck.store.backup import BackupError, backup_postgres, backup_sqlite, sqlite_path

    url = settings(ctx).db_url
    target = Path(file).expanduser()
    try:
        database = sqlite_path(url)
        if database is not None:
            result = backup_sqlite(database, target, overwrite=force)
            click.echo(f"backed up to {result.path}: {_describe(result)}")
        elif url.startswith("postgresql"):
            backup_postgres(url, target, overwrite=force)
            click.echo(f"backed up to {target} with pg_dump (restore with pg_restore)")
        else:
            raise BackupError(f"cannot back up this database: {url.split(':', 1)[0]}")
    except BackupError as exc:
        raise click.ClickException(str(exc)) from exc


@db.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--yes", is_flag=True, help="Do not ask before replacing the database's content.")
@click.pass_context
def restore(ctx: click.Context, file: str, yes: bool) -> None:
    """Replace the SQLite database's content with the backup in FILE (in one transaction).

    FILE is checked first (integrity, a factcheck schema). Other processes using the database
    wait meanwhile and then see the restored content. A backup from an older schema is upgraded
    the next time the database is opened. PostgreSQL: use pg_restore.

    \b
    Example:
      factcheck --db newsroom.db db restore backups/newsroom-2024-05-01.db --yes
    """
    from pathlib import Path

    from factcheck.cli.common import settings
    from factcheck.store.backup import BackupError, restore_sqlite, sqlite_path

    url = settings(ctx).db_url
    database = sqlite_path(url)
    if database is None:
        raise click.ClickException(
            "restore works on SQLite files; restore a PostgreSQL dump with pg_restore --clean"
        )
    if not yes and not click.confirm(f"Replace everything in {database} with {file}?", err=True):
        raise click.ClickException("not restored")
    try:
        result = restore_sqlite(Path(file).expanduser(), database)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"restored {database} from {file}: {_describe(result)}")
