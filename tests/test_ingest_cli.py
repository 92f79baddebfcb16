"""Issue 2's acceptance through the real command line: seeds in, idempotent, bad files reported."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import create_engine, text

from factcheck.cli import cli
from tests.conftest import SEEDS

EXPECTED = {
    "000_9a7654eb2d9e1b8a.txt": ("sv", "2017-08"),
    "001_7692b10716c32c8a.txt": ("nb", "2017-11"),
    "002_6d10de43ce5ee4b4.txt": ("sv", None),
    "003_3b034399dd8aab2e.txt": ("en", "2017-09-02"),
    "004_a38c816c79cc4183.txt": ("en", None),
}


def _documents(db: Path) -> dict[str, tuple[str | None, str | None]]:
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT name, language, published FROM documents")).all()
    engine.dispose()
    return {name: (language, published) for name, language, published in rows}


def test_ingest_seeds_twice(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["--db", str(db), "ingest", str(SEEDS)])
    assert first.exit_code == 0, first.output
    assert "5 new" in first.output
    assert _documents(db) == EXPECTED

    second = runner.invoke(cli, ["--db", str(db), "ingest", str(SEEDS)])
    assert second.exit_code == 0, second.output
    assert "nothing new" in second.output and "5 already stored" in second.output
    assert len(_documents(db)) == 5


def test_ingest_with_bad_files(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.bin").write_bytes(os.urandom(4096))
    db = tmp_path / "x.db"
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "--db", str(db), "ingest", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("empty.txt" in line for line in errors)
    assert any("noise.bin" in line for line in errors)
    assert "5 new" in result.stdout and "2 failed" in result.stdout
    assert len(_documents(db)) == 5


def test_db_current_shows_head(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "x.db")
    assert runner.invoke(cli, ["--db", db, "db", "upgrade"]).exit_code == 0
    current = runner.invoke(cli, ["--db", db, "db", "current"])
    assert current.exit_code == 0
    assert "(head)" in current.output
    history = runner.invoke(cli, ["--db", db, "db", "history"])
    assert "0001" in history.output


def test_usage_error_exit_code() -> None:
    result = CliRunner().invoke(cli, ["ingest"])
    assert result.exit_code == 2


def test_every_command_has_help_with_example() -> None:
    from factcheck.cli import COMMANDS

    runner = CliRunner()
    for name in sorted(COMMANDS):
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "Usage:" in result.output


def test_readme_names_every_command() -> None:
    from factcheck.cli import COMMANDS
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in COMMANDS if f"factcheck {name}" not in readme]
    assert missing == []
    assert "make run" in readme and "make test" in readme


def test_the_ingest_knows_its_total_only_when_every_file_is_one_report() -> None:
    from factcheck.cli.ingest_cmd import _reports_in

    assert _reports_in(["a.txt", "b.html", "c.md"]) == 3
    assert _reports_in(["a.txt", "feed.JSONL"]) is None
    assert _reports_in(["a.txt", "-"]) is None
    assert _reports_in([]) == 0
