"""Backups and restores that are consistent while other processes write.

SQLite: the SQLite online backup API copies one consistent snapshot (a read transaction; in WAL
mode writers go on meanwhile) into a temporary file beside the target, which is checked
(integrity_check), switched out of WAL mode so it is one self-contained file, flushed to disk and
renamed into place: a backup file is either complete or absent, never half-written.

PostgreSQL: pg_dump is the tool (it reads one snapshot too); `backup` runs it when it is installed.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

_COUNTS = {
    "documents": "SELECT count(*) FROM documents",
    "claims": "SELECT count(*) FROM claims",
    "reviews": "SELECT count(*) FROM reviews",
}


class BackupError(RuntimeError):
    """A backup or restore that cannot be made; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    size: int
    revision: str | None
    documents: int | None
    claims: int | None
    reviews: int | None


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL, or None when the URL is not a SQLite file."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _read_only(path: Path) -> sqlite3.Connection:
    # mode=ro: a backup never creates, migrates or writes the live database.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)


def _check(connection: sqlite3.Connection, what: str) -> None:
    try:
        result = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{what} is not a readable SQLite database: {exc}") from exc
    if result != [("ok",)]:
        raise BackupError(f"{what} fails its integrity check: {result[0][0]}")


def _summary(path: Path) -> BackupResult:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

        revision = (
            connection.execute("SELECT version_num FROM alembic_version").fetchone()
            if "alembic_version" in tables
            else None
        )
        counts = {
            table: connection.execute(query).fetchone()[0] if table in tables else None
            for table, query in _COUNTS.items()
        }
    finally:
        connection.close()
    return BackupResult(
        path=path,
        size=path.stat().st_size,
        revision=revision[0] if revision else None,
        documents=counts["documents"],
        claims=counts["claims"],
        reviews=counts["reviews"],
    )


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):  # not every filesystem lets a directory be opened
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def backup_sqlite(database: Path, target: Path, *, overwrite: bool = False) -> BackupResult:
    """Copy a live SQLite database to `target` as one consistent, self-contained file."""
    if not database.is_file():
        raise BackupError(f"no database at {database}")
    target = target.expanduser()
    if target.exists() and target.resolve() == database.resolve():
        raise BackupError("the backup file cannot be the database itself")
    if target.is_dir():
        raise BackupError(f"{target} is a directory; give a file name")
    if target.exists() and not overwrite:
        raise BackupError(f"{target} exists; use --force to replace it")
    if not target.parent.is_dir():
        raise BackupError(f"no such directory: {target.parent}")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(handle)
    scratch = Path(temporary)
    try:
        source = _read_only(database)
        try:
            _check(source, str(database))
            copy = sqlite3.connect(scratch)
            try:
                source.backup(copy)  # all pages in one step: one snapshot, whatever writers do meanwhile
                copy.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal beside it
                _check(copy, "the backup")
                copy.commit()
            finally:
                copy.close()
        finally:
            source.close()
        with scratch.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(scratch, target)
        _fsync_dir(target.parent)
    except sqlite3.Error as exc:
        raise BackupError(f"backup failed: {exc}") from exc
    finally:
        scratch.unlink(missing_ok=True)
    return _summary(target)


def restore_sqlite(backup: Path, database: Path) -> BackupResult:
    """Replace the live database's content with a backup's, in one transaction.

    The backup API writes into the live file under SQLite's own locking, so other connections see
    either the old content or the restored one, never a mix; they wait (busy timeout) meanwhile.
    """
    if not backup.is_file():
        raise BackupError(f"no such file: {backup}")
    if database.exists() and backup.resolve() == database.resolve():
        raise BackupError("the backup file is the database itself")
    source = _read_only(backup)
    try:
        _check(source, str(backup))
        has_version = source.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if not has_version:
            raise BackupError(f"{backup} is not a factcheck database (no schema revision in it)")
        database.parent.mkdir(parents=True, exist_ok=True)
        live = sqlite3.connect(database, timeout=30)
        try:
            source.backup(live)
            _check(live, "the restored database")
        finally:
            live.close()
    except sqlite3.Error as exc:
        raise BackupError(f"restore failed: {exc}") from exc
    finally:
        source.close()
    return _summary(database)


def _pg_tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def backup_postgres(url: str, target: Path, *, overwrite: bool = False) -> Path:
    """pg_dump in its custom format (restore with pg_restore); the password travels in the environment."""
    pg_dump = _pg_tool("pg_dump")
    if pg_dump is None:
        raise BackupError(
            "PostgreSQL databases are backed up with pg_dump, which is not installed: "
            "pg_dump --format=custom --file FILE DBNAME"
        )
    if target.exists() and not overwrite:
        raise BackupError(f"{target} exists; use --force to replace it")
    parsed = make_url(url)
    environment = dict(os.environ)
    if parsed.password:
        environment["PGPASSWORD"] = str(parsed.password)
    for variable, value in (
        ("PGHOST", parsed.host),
        ("PGPORT", parsed.port),
        ("PGUSER", parsed.username),
        ("PGDATABASE", parsed.database),
    ):
        if value:
            environment[variable] = str(value)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(handle)
    scratch = Path(temporary)
    try:
        completed = subprocess.run(
            [pg_dump, "--format=custom", "--no-password", "--file", str(scratch)],
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            reason = (completed.stderr.strip().splitlines() or ["failed"])[-1]
            raise BackupError(f"pg_dump failed: {reason}")
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)
    return target
