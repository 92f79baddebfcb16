"""`factcheck numbers`: standard input, one case per line, one JSON object per line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from factcheck.cli import cli


def test_numbers_command_lists_every_mention_per_line() -> None:
    lines = "mellan 5 000 och 10 000 IS-krigare\nhalva landet, cirka fem mil bort\n\ninga tal här, i 2014\n"
    result = CliRunner().invoke(cli, ["numbers", "--language", "sv"], input=lines)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["line"] for r in records] == [1, 2, 3, 4]
    first = records[0]["numbers"]
    assert first == [
        {
            "text": "mellan 5 000 och 10 000",
            "start": 0,
            "end": 23,
            "value_low": 5000.0,
            "value_high": 10000.0,
            "unit": None,
            "approximate": False,
            "vague": False,
        }
    ]
    second = records[1]["numbers"]
    assert [(n["text"], n["value_low"], n["unit"], n["approximate"]) for n in second] == [
        ("halva", 50.0, "percent", False),
        ("cirka fem mil", 50.0, "km", True),
    ]
    assert records[2]["numbers"] == []
    assert records[3]["numbers"] == []


def test_numbers_command_can_include_dates() -> None:
    result = CliRunner().invoke(cli, ["numbers", "--language", "en", "--dates"], input="since 2015\n")
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.output.splitlines()]
    assert [n["value_low"] for n in record["numbers"]] == [2015.0]


def test_numbers_command_detects_the_language() -> None:
    text = "Die Miliz hat zwischen 20 und 30 Prozent des Gebietes verloren, sagen Beobachter.\n"
    result = CliRunner().invoke(cli, ["numbers"], input=text)
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.output.splitlines()]
    assert [(n["value_low"], n["value_high"], n["unit"]) for n in record["numbers"]] == [
        (20.0, 30.0, "percent")
    ]
