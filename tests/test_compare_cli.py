"""`factcheck compare` and `factcheck contradictions` through Click's runner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.store.engine import open_store
from tests.test_compare_support import Report, Said, store_report


def _store(url: str) -> None:
    engine = open_store(url)
    store_report(engine, Report("2017-09", "sv", said=[Said(
        "Enligt SOHR finns 2 000 IS-krigare kvar i Raqqa.", "2 000 IS-krigare", 2000, source="SOHR",
        subject="IS fighters in Raqqa")]))  # fmt: skip
    store_report(engine, Report("2017-09", "en", said=[Said(
        "The coalition says 7,000 IS fighters remain in Raqqa.", "7,000 IS fighters", 7000,
        source="US-led coalition", subject="IS fighters remaining in Raqqa")]))  # fmt: skip
    store_report(engine, Report("2017-09", "de", said=[Said(
        "Laut AFP sind etwa 2.100 IS-Kämpfer in Rakka.", "etwa 2.100 IS-Kämpfer", 2100, approximate=True,
        source="AFP", subject="IS fighters in Raqqa")]))  # fmt: skip
    engine.dispose()


def test_help_has_examples() -> None:
    for command in ("compare", "contradictions"):
        result = CliRunner().invoke(cli, [command, "--help"])
        assert (
            result.exit_code == 0 and "Example" in result.output and f"factcheck {command}" in result.output
        )


def test_compare_then_list_as_jsonl(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    _store(url)
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", url, "compare", "--all"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "3 relations stored"
    result = runner.invoke(cli, ["--db", url, "contradictions", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert {r["type"] for r in records} == {"contradicts"} and len(records) == 2
    for record in records:
        assert record["status"] == "open" and 0 < record["score"] <= 1 and record["explanation"]
        for side in ("a", "b"):
            claim = record[side]
            for key in ("document", "sentence", "text", "value_low", "value_high", "kind", "location", "source",
                        "as_of"):  # fmt: skip
                assert key in claim
    result = runner.invoke(cli, ["--db", url, "contradictions", "--type", "all", "--kind", "fighters",
                                 "--location", "Raqqa", "--format", "jsonl"])  # fmt: skip
    assert sorted(json.loads(line)["type"] for line in result.output.splitlines()) == [
        "contradicts", "contradicts", "corroborates"]  # fmt: skip
    table = runner.invoke(cli, ["--db", url, "contradictions", "--type", "corroborates"])
    assert table.exit_code == 0 and "corroborates" in table.output and "SOHR" in table.output
    none = runner.invoke(cli, ["--db", url, "contradictions", "--status", "dismissed"])
    assert none.exit_code == 0 and "no relations match" in none.output


def test_compare_catches_up_on_claims_stored_since_the_last_run(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    _store(url)
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", url, "compare"]).output.strip() == "3 relations added"
    engine = open_store(url)
    store_report(engine, Report("2017-09", said=[Said("AP: 2,050 fighters in Raqqa.", "2,050 fighters", 2050,
                                                      source="AP", subject="IS fighters in Raqqa")]))  # fmt: skip
    engine.dispose()
    assert runner.invoke(cli, ["--db", url, "compare"]).output.strip() == "3 relations added"


def test_user_and_usage_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    usage = runner.invoke(cli, ["--db", f"sqlite:///{tmp_path / 'x.db'}", "compare", "--with-scope"])
    assert usage.exit_code == 2 and "--with-scope needs --all" in usage.output
    bad = runner.invoke(cli, ["--db", "nosuchdialect://x", "contradictions"])
    assert (
        bad.exit_code == 1 and bad.output.startswith("Error:") and len(bad.output.strip().splitlines()) == 1
    )
    wrong = runner.invoke(cli, ["--db", f"sqlite:///{tmp_path / 'x.db'}", "contradictions", "--type", "nope"])
    assert wrong.exit_code == 2
