"""`factcheck search` and `factcheck sources` from the command line, on both engines."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine

from factcheck import domain
from factcheck.cli import cli
from factcheck.extract.serialize import CLAIM_FIELDS
from factcheck.store.engine import session_factory
from factcheck.store.writes import SourceIds, store_document

SOHR = "Syrian Observatory for Human Rights"


@pytest.fixture
def filled(engine: Engine, db_url: str) -> str:
    rows = [
        ("sv", "Enligt Syriska människorättslaboratoriet finns runt 2 000 IS-krigare kvar i Raqqa.", "2 000", 2000,
         "Syriska människorättslaboratoriet"),
        ("en", "About 3,500 civilians are trapped in Raqqa, the Britain-based war monitor said.", "3,500", 3500, SOHR),
        ("en", "Reuters said 400 fighters remain in Raqqa.", "400", 400, "Reuters"),
    ]  # fmt: skip
    with session_factory(engine)() as session, session.begin():
        for index, (language, sentence, number, value, source) in enumerate(rows):
            text = f"Report {index}\n\n{sentence}"
            start = text.index(number)
            claim = domain.Claim(
                start=start, end=start + len(number), text=number, sentence=sentence, value_low=value,
                value_high=value, unit="persons", kind="fighters", location="Raqqa", source=source,
                source_mention=sentence.split(",")[-1], approximate=True, as_of="2017-08",
            )  # fmt: skip
            document = domain.Document(text=text, origin=f"https://news.example/{index}", language=language)
            store_document(session, document, [claim], "test", SourceIds())
    return db_url


def _run(db: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_has_the_extract_schema(filled: str) -> None:
    code, out, _ = _run(filled, "search", "Reuters", "--format", "jsonl")
    assert code == 0
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert tuple(record) == CLAIM_FIELDS
    assert record["document"] == "https://news.example/2"
    assert (record["value_low"], record["source"], record["language"]) == (400, "Reuters", "en")


def test_table_lists_matches_and_filters_apply(filled: str) -> None:
    code, out, _ = _run(filled, "search", "war monitor", "--language", "en")
    assert code == 0
    assert "3,500" in out and "2,000" not in out
    code, out, err = _run(filled, "search", "Raqqa", "--location", "Rakka", "--limit", "2")
    assert code == 0 and len(out.strip().splitlines()) == 3 and "first 2" in err


def test_a_merge_by_any_name_then_search_finds_both(filled: str) -> None:
    code, out, _ = _run(filled, "sources", "merge", "Syriska människorättslaboratoriet", "SOHR")
    # The registry already knows the Swedish name as SOHR: the stored duplicate is found by its own name first.
    assert code == 0, out
    assert "1 claims moved" in out
    code, out, _ = _run(filled, "search", "SOHR", "--format", "jsonl")
    assert sorted(json.loads(line)["value_low"] for line in out.splitlines()) == [2000, 3500]
    code, out, _ = _run(filled, "sources", "list")
    assert code == 0 and SOHR in out.splitlines()[1]


def test_sources_commands_report_errors_in_one_line(filled: str) -> None:
    code, _, err = _run(filled, "sources", "merge", "Nobody Known", "SOHR")
    assert code == 1 and len(err.strip().splitlines()) == 1 and "no source named" in err
    code, _, err = _run(filled, "sources", "show", "Nobody Known")
    assert code == 1 and len(err.strip().splitlines()) == 1


def test_add_alias_and_show(filled: str) -> None:
    code, out, _ = _run(filled, "sources", "add-alias", "Reuters", "Thomson Reuters-byrån")
    assert code == 0 and "alias of Reuters" in out
    code, out, _ = _run(filled, "sources", "show", "Thomson Reuters-byrån")
    assert code == 0 and out.startswith("Reuters") and "your aliases  Thomson Reuters-byrån" in out


def test_odd_queries_do_not_fail(filled: str) -> None:
    for query in ['"', "NEAR(", "*", "-", "'; DROP TABLE claims; --"]:
        code, _, err = _run(filled, "search", query)
        assert code == 0, err
    code, out, _ = _run(filled, "search", "Reuters", "--format", "jsonl")
    assert len(out.splitlines()) == 1


def test_help_has_examples() -> None:
    for args in (["search", "--help"], ["sources", "--help"], ["sources", "merge", "--help"],
                 ["sources", "add-alias", "--help"], ["sources", "list", "--help"], ["sources", "show", "--help"]):  # fmt: skip
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0 and "Example" in result.output
