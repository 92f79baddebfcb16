"""`factcheck extract`: JSON lines schema, table output, errors per file, usage errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.extract.serialize import CLAIM_FIELDS
from factcheck.read import Document, read_paths

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "001_7692b10716c32c8a.txt"

EXPECTED_FIELDS = [
    "document", "language", "sentence", "text", "start", "end", "value_low", "value_high", "approximate",
    "vague", "unit", "kind", "subject", "actor", "location", "source", "source_mention", "via", "as_of",
]  # fmt: skip


def _runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # Click 8.2 keeps stderr apart already
        return CliRunner()


def test_jsonl_has_exactly_the_schema_and_offsets_point_into_the_document() -> None:
    result = _runner().invoke(cli, ["extract", str(SEED)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records, "the seed has claims"
    document = next(item for item in read_paths([str(SEED)]) if isinstance(item, Document))
    for record in records:
        assert list(record) == EXPECTED_FIELDS == list(CLAIM_FIELDS)
        assert record["document"] == SEED.name
        assert record["language"] == "nb"
        assert document.text[record["start"] : record["end"]] == record["text"]
        assert record["text"] in record["sentence"]
        assert isinstance(record["via"], list)
        assert record["as_of"] == "2017-11"
    percent = next(r for r in records if r["text"] == "anslagsvis 37 prosent")
    assert (percent["value_low"], percent["unit"], percent["kind"], percent["approximate"]) == (
        37,
        "percent",
        "control_share",
        True,
    )


def test_table_format_is_aligned_with_a_header() -> None:
    result = _runner().invoke(cli, ["extract", "--format", "table", str(SEED)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["DOCUMENT", "VALUE", "UNIT"]
    assert len(lines) > 1
    row = next(line for line in lines if "~37" in line)
    assert row.index("~37") == lines[0].index("VALUE")
    kind_column = lines[0].index("KIND")
    assert all(line[kind_column - 2 : kind_column] == "  " for line in lines[1:])


def test_a_bad_file_is_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    missing = tmp_path / "missing.txt"
    result = _runner().invoke(cli, ["extract", str(empty), str(missing), str(SEED)])
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert "empty.txt" in errors[0] and "missing.txt" in errors[1]
    assert result.stdout.strip(), "claims of the good file are still printed"


def test_standard_input_with_a_language() -> None:
    text = "Enligt SOHR finns det runt 2 000 IS-krigare kvar i Raqqa.\n"
    result = _runner().invoke(cli, ["extract", "--language", "sv", "-"], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["document"] == "-"
    assert (record["value_low"], record["kind"], record["location"]) == (2000, "fighters", "Raqqa")


def test_usage_errors_exit_2() -> None:
    runner = _runner()
    assert runner.invoke(cli, ["extract"]).exit_code == 2
    assert runner.invoke(cli, ["extract", "--format", "xml", str(SEED)]).exit_code == 2
    assert runner.invoke(cli, ["extract", "--language", "fi", str(SEED)]).exit_code == 2
    assert runner.invoke(cli, ["eval"]).exit_code == 2
