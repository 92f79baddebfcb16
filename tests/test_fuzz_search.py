"""Any search input is a valid query: full-text operators, quotes, brackets and wildcards are plain text.

Runs against the seeds on SQLite (FTS5) and PostgreSQL (tsquery), through search_claim_ids and the CLI.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from tests.conftest import SEEDS

OPERATORS = [
    '"', "'", "(", ")", "*", "^", ":", "-", "+", "~", "!", "&", "|", "<", ">", "<->", "{", "}", "[", "]",
    "NEAR", "NEAR(", "AND", "OR", "NOT", "and", "or", "not", "%", "_", "\\", ";", "--", "/*", "*/", "\x00",
    "' OR '1'='1", "'; DROP TABLE claims; --", "claims_fts:", "text:", "rowid", "NEAR/2", ":*", "@@",
]  # fmt: skip
WORDS = ["Raqqa", "SOHR", "IS", "krigare", "2000", "människor", "manniskor", "fighters", "ÅÄÖ", "x", "ß"]
QUERIES = st.lists(
    st.one_of(st.sampled_from(OPERATORS), st.sampled_from(WORDS), st.text(max_size=6)), max_size=12
).map(lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts))
FUZZ = settings(
    max_examples=120,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def search_engine(
    request: pytest.FixtureRequest, seeds_db_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    from factcheck.pipeline import ingest
    from factcheck.read import read_paths
    from factcheck.store.engine import open_store

    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("search") / "seeds.db"
        shutil.copyfile(seeds_db_template, path)
        engine = open_store(f"sqlite:///{path}")
    else:
        server = request.getfixturevalue("postgres_server")
        engine = open_store(server.create_database(f"s_{uuid.uuid4().hex[:12]}"))
        ingest(engine, read_paths([str(SEEDS)]))
    yield engine
    engine.dispose()


def _search(engine: Engine, query: str) -> list[int]:
    from factcheck.store.engine import session_factory
    from factcheck.store.search import search_claim_ids

    with session_factory(engine)() as session:
        return search_claim_ids(session, query)


@FUZZ
@given(query=QUERIES)
def test_any_query_is_valid(search_engine: Engine, query: str) -> None:
    found = _search(search_engine, query)
    assert all(isinstance(claim_id, int) for claim_id in found)
    assert found == sorted(set(found), reverse=True)


@FUZZ
@given(
    word=st.sampled_from(["Raqqa", "SOHR", "fighters", "krigare", "Aleppo"]),
    before=st.sampled_from(OPERATORS),
    after=st.sampled_from(OPERATORS),
)
def test_operators_around_a_word_are_plain_text(
    search_engine: Engine, word: str, before: str, after: str
) -> None:
    """ "Raqqa*", '"Raqqa', "(Raqqa)", "NEAR Raqqa" find what "Raqqa" finds, plus at most what the other
    words add (an operator word such as NOT or AND is searched for as a word, never obeyed)."""
    plain = set(_search(search_engine, word))
    decorated = set(_search(search_engine, f"{before}{word}{after}"))
    spaced = set(_search(search_engine, f"{before} {word} {after}"))
    assert decorated <= plain or not plain
    assert spaced <= plain or not plain
    if not any(ch.isalnum() for ch in before + after):
        assert decorated == plain, (before, word, after)


def test_injection_attempts_change_nothing(search_engine: Engine) -> None:
    from sqlalchemy import func, select

    from factcheck.store import models

    def count() -> int:
        with search_engine.connect() as connection:
            return int(
                connection.execute(select(func.count()).select_from(models.Claim.__table__)).scalar_one()
            )

    before = count()
    for query in ["'; DROP TABLE claims; --", '") OR 1=1 --', "*", '"', "NEAR(", "claims_fts MATCH '*'", ""]:
        _search(search_engine, query)
    assert count() == before > 0


@pytest.mark.parametrize("query", ['"unbalanced', "(((", "a AND OR NOT b", "*", "NEAR(a b", "-", "'", ":*"])
def test_cli_search_with_operators_exits_cleanly(seeds_db: Path, query: str) -> None:
    from factcheck.cli import cli

    result = CliRunner().invoke(cli, ["--db", str(seeds_db), "search", "--", query])
    assert result.exit_code == 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
