"""`factcheck export` on the command line: help, stdout, files, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine

from factcheck.cli import cli
from factcheck.store.engine import open_store
from tests.test_export_helpers import GENERATED, build_report_store


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "report.db"
    engine: Engine = open_store(f"sqlite:///{path}")
    build_report_store(engine)
    engine.dispose()
    return str(path)


def invoke(db: str, *args: str, env: dict[str, str] | None = None) -> object:
    return CliRunner().invoke(cli, ["--db", db, "export", *args], env=env, catch_exceptions=False)


def test_help_shows_an_example() -> None:
    result = CliRunner().invoke(cli, ["export", "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output and "factcheck export --format html -o" in result.output
    for option in ("--rows", "--kind", "--source", "--location", "--since", "--until", "--status",
                   "--only-contradictions", "--generated-at"):  # fmt: skip
        assert option in result.output


def test_writes_csv_to_stdout_with_a_source_alias(db: str) -> None:
    result = invoke(db, "--format", "csv", "--source", "Syrian Observatory for Human Rights")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    rows = list(csv.DictReader(io.StringIO(result.output, newline="")))  # type: ignore[attr-defined]
    assert {row["source"] for row in rows} == {"SOHR"} and len(rows) == 3


def test_writes_a_file_with_a_pinned_timestamp(db: str, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = invoke(
        db, "--format", "json", "-o", str(target), "--generated-at", GENERATED, "--kind", "fighters"
    )
    assert result.exit_code == 0 and result.output == ""  # type: ignore[attr-defined]
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["generated_at"] == GENERATED and len(data["claims"]) == 3


def test_source_date_epoch_pins_the_timestamp(db: str) -> None:
    result = invoke(db, "--format", "md", env={"SOURCE_DATE_EPOCH": "1714564800"})
    assert f"Generated {GENERATED}." in result.output  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "xlsx"],
        ["--format", "pdf"],
        ["--since", "last week"],
        ["--since", "2017-10", "--until", "2017-09"],
        ["--status", "maybe"],
        ["--generated-at", "yesterday"],
    ],
)
def test_usage_errors_exit_2(db: str, args: list[str]) -> None:
    result = invoke(db, *args)
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]


def test_an_unwritable_target_exits_1_with_one_line(db: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", db, "export", "-o", str(tmp_path / "no" / "r.md")])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot write") and "Traceback" not in result.output
