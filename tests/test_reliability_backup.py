"""`factcheck db backup` copies a live database consistently; `db restore` puts a backup back."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli
from tests.badinputs.reports import write_reports


def _db(db: Path, *args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "db", *args], input=stdin)


def _one_line_error(result: Result) -> str:
    assert result.exit_code == 1, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def _snapshot(db: Path) -> dict[str, int]:
    """origin -> claim count, read from a file opened read-only."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = connection.execute(
            "SELECT d.origin, count(c.id) FROM documents d LEFT JOIN claims c ON c.document_id = d.id GROUP BY d.id"
        ).fetchall()
    finally:
        connection.close()
    return dict(rows)


@pytest.mark.slow
def test_backups_taken_during_an_ingest_are_consistent(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    write_reports(reports, 600, seed=5)
    db = tmp_path / "live.db"
    ingest = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "--db", str(db), "ingest", "-q", "--no-compare", str(reports)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    backups: list[Path] = []
    try:
        while ingest.poll() is None and len(backups) < 4:
            if db.exists() and _count_documents(db) > 20 * (len(backups) + 1):
                target = tmp_path / f"backup{len(backups)}.db"
                result = _db(db, "backup", str(target))
                assert result.exit_code == 0, result.output
                assert "backed up to" in result.stdout
                backups.append(target)
            time.sleep(0.05)
        _out, err = ingest.communicate(timeout=120)
    finally:
        if ingest.poll() is None:
            ingest.kill()
    assert ingest.returncode == 0, err
    assert len(backups) >= 2, "the ingest ended before two backups were taken"
    final = _snapshot(db)
    assert len(final) == 600
    previous = 0
    for backup in backups:
        # One self-contained file: no write-ahead log beside it, not in WAL mode.
        assert not Path(f"{backup}-wal").exists()
        connection = sqlite3.connect(backup)
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        connection.close()
        copied = _snapshot(backup)
        # Whole reports only: every report in the backup has exactly its final claims.
        assert copied.items() <= final.items()
        assert len(copied) >= previous  # later backups hold at least as much
        previous = len(copied)
    assert 0 < len(_snapshot(backups[0])) < 600


def _count_documents(db: Path) -> int:
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.OperationalError:
        return 0


def test_restore_puts_the_backup_back(tmp_path: Path, seeds_db: Path) -> None:
    backup = tmp_path / "seeds-backup.db"
    assert _db(seeds_db, "backup", str(backup)).exit_code == 0
    before = _snapshot(seeds_db)
    # Change the live database after the backup.
    extra = tmp_path / "extra.txt"
    extra.write_text("Drygt 4 000 IS-krigare finns kvar i Raqqa, enligt SOHR.", encoding="utf-8")
    assert CliRunner().invoke(cli, ["--db", str(seeds_db), "ingest", "-q", str(extra)]).exit_code == 0
    assert len(_snapshot(seeds_db)) == len(before) + 1

    result = _db(seeds_db, "restore", str(backup), "--yes")
    assert result.exit_code == 0, result.output
    assert _snapshot(seeds_db) == before
    # The restored database opens and works as usual.
    stats = CliRunner().invoke(cli, ["--db", str(seeds_db), "stats"])
    assert stats.exit_code == 0, stats.output


def test_restore_asks_first_and_refuses_non_databases(tmp_path: Path, seeds_db: Path) -> None:
    before = _snapshot(seeds_db)
    backup = tmp_path / "b.db"
    assert _db(seeds_db, "backup", str(backup)).exit_code == 0
    declined = _db(seeds_db, "restore", str(backup), stdin="n\n")
    assert declined.exit_code == 1
    not_sqlite = tmp_path / "notes.txt"
    not_sqlite.write_text("not a database", encoding="utf-8")
    assert "not a readable SQLite database" in _one_line_error(
        _db(seeds_db, "restore", str(not_sqlite), "--yes")
    )
    empty_sqlite = tmp_path / "other.db"
    sqlite3.connect(empty_sqlite).execute("CREATE TABLE t (x)").connection.close()
    assert "not a factcheck database" in _one_line_error(_db(seeds_db, "restore", str(empty_sqlite), "--yes"))
    assert "no such file" in _one_line_error(_db(seeds_db, "restore", str(tmp_path / "missing.db"), "--yes"))
    assert _snapshot(seeds_db) == before


def test_backup_mistakes_are_one_line_errors(tmp_path: Path, seeds_db: Path) -> None:
    target = tmp_path / "b.db"
    assert _db(seeds_db, "backup", str(target)).exit_code == 0
    assert "--force" in _one_line_error(_db(seeds_db, "backup", str(target)))
    assert _db(seeds_db, "backup", str(target), "--force").exit_code == 0
    assert "directory" in _one_line_error(_db(seeds_db, "backup", str(tmp_path / "nowhere" / "b.db")))
    assert "no database" in _one_line_error(_db(tmp_path / "missing.db", "backup", str(tmp_path / "c.db")))
    assert not (tmp_path / "missing.db").exists()  # a backup never creates the database it copies
    assert "itself" in _one_line_error(_db(seeds_db, "backup", str(seeds_db), "--force"))
    # No half-written files are left behind by failures.
    assert not list(tmp_path.glob(".*.partial"))


def test_postgres_backup_without_pg_dump_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import factcheck.store.backup as backup_module

    monkeypatch.setattr(backup_module, "_pg_tool", lambda name: None)
    result = CliRunner().invoke(
        cli,
        ["--db", "postgresql+psycopg://nobody@localhost:1/none", "db", "backup", str(tmp_path / "x.dump")],
    )
    assert "pg_dump" in _one_line_error(result)
    restore = CliRunner().invoke(
        cli,
        [
            "--db",
            "postgresql+psycopg://nobody@localhost:1/none",
            "db",
            "restore",
            str(tmp_path / "x"),
            "--yes",
        ],
    )
    assert "pg_restore" in _one_line_error(restore)


@pytest.mark.postgres
def test_postgres_backup_with_pg_dump(postgres_url: str, tmp_path: Path) -> None:
    import shutil

    from factcheck.store.backup import _pg_tool
    from factcheck.store.engine import open_store

    if _pg_tool("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    open_store(postgres_url).dispose()
    target = tmp_path / "pg.dump"
    result = CliRunner().invoke(cli, ["--db", postgres_url, "db", "backup", str(target)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 0
    pg_restore = _pg_tool("pg_restore") or shutil.which("pg_restore")
    if pg_restore:
        listing = subprocess.run([pg_restore, "--list", str(target)], capture_output=True, text=True)
        assert listing.returncode == 0, listing.stderr
        assert "claims" in listing.stdout
