"""`factcheck ingest` on a corpus of bad inputs: each one is stored correctly or refused with one line.

The batch always goes on: one bad file never stops the good ones, never prints a traceback, and
the exit code is 1 when anything failed.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, select

from factcheck.cli import cli
from factcheck.store import models
from tests.badinputs import Case, long_line, write_corpus
from tests.badinputs.run import run_factcheck


def _ingest(db: Path, *args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "ingest", "-q", *args], input=stdin)


def _assert_clean(result: Result) -> None:
    """No traceback, no uncaught exception: a user sees one-line errors only."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr


def _stored(db: Path) -> dict[str, tuple[int, str]]:
    """origin -> (document id, stored text)."""
    engine = create_engine(f"sqlite:///{db}")
    table = models.Document.__table__
    with engine.connect() as connection:
        rows = connection.execute(select(table.c.origin, table.c.id, table.c.text)).all()
    engine.dispose()
    return {row.origin: (row.id, row.text) for row in rows}


def _claim_values(db: Path, document_id: int) -> list[tuple[float, float]]:
    engine = create_engine(f"sqlite:///{db}")
    table = models.Claim.__table__
    with engine.connect() as connection:
        rows = connection.execute(
            select(table.c.value_low, table.c.value_high).where(table.c.document_id == document_id)
        ).all()
    engine.dispose()
    return [(row.value_low, row.value_high) for row in rows]


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Case], Path, Path, Result]:
    base = tmp_path_factory.mktemp("badinputs")
    corpus_dir = base / "corpus"
    cases = write_corpus(corpus_dir)
    db = base / "bad.db"
    result = _ingest(db, str(corpus_dir))
    return cases, corpus_dir, db, result


def test_batch_exits_1_without_traceback(corpus_run: tuple[list[Case], Path, Path, Result]) -> None:
    _cases, _dir, _db, result = corpus_run
    _assert_clean(result)
    assert result.exit_code == 1, result.output
    # The summary still comes, on standard output.
    assert "new" in result.stdout and "failed" in result.stdout


def test_one_error_line_per_bad_item(corpus_run: tuple[list[Case], Path, Path, Result]) -> None:
    cases, corpus_dir, _db, result = corpus_run
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    expected = 0
    for case in cases:
        path = str(corpus_dir / case.name)
        mine = [line for line in lines if path in line]
        if case.outcome == "error":
            expected += 1
            assert len(mine) == 1, f"{case.name} ({case.why}): {mine}"
        for number in case.bad_lines:
            expected += 1
            assert sum(1 for line in mine if f"{path}:{number}:" in line) == 1, (case.name, number, mine)
        if case.outcome == "stored" and not case.bad_lines:
            assert mine == [], f"{case.name} should be stored ({case.why}), got {mine}"
    assert len(lines) == expected, lines


def test_bad_files_store_nothing_and_good_files_are_stored(
    corpus_run: tuple[list[Case], Path, Path, Result],
) -> None:
    cases, corpus_dir, db, _result = corpus_run
    stored = _stored(db)
    for case in cases:
        path = str(corpus_dir / case.name)
        if case.bad_lines:
            records = [origin for origin in stored if origin.startswith(("https://example.org/", f"{path}:"))]
            assert len(records) == case.good_records, (case.name, records)
            continue
        if case.outcome == "error":
            assert path not in stored, f"{case.name} ({case.why}) was stored"
            continue
        assert path in stored, f"{case.name} ({case.why}) was not stored"
        _id, text = stored[path]
        if case.check is not None:
            assert case.check(text), f"{case.name}: {case.why}; stored text starts {text[:200]!r}"


def test_stored_text_has_no_control_characters(corpus_run: tuple[list[Case], Path, Path, Result]) -> None:
    _cases, _dir, db, _result = corpus_run
    for origin, (_id, text) in _stored(db).items():
        bad = {hex(ord(ch)) for ch in text if (ord(ch) < 32 and ch not in "\t\n") or 0x7F <= ord(ch) <= 0x9F}
        assert not bad, (origin, bad)


def test_stored_metadata_has_no_control_characters(corpus_run: tuple[list[Case], Path, Path, Result]) -> None:
    _cases, _dir, db, _result = corpus_run
    engine = create_engine(f"sqlite:///{db}")
    table = models.Document.__table__
    with engine.connect() as connection:
        rows = connection.execute(select(table.c.origin, table.c.title, table.c.outlet)).all()
    engine.dispose()
    assert any(row.title and "ANSI in a title" in row.title for row in rows)
    for row in rows:
        for value in row:
            assert value is None or not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in value), row


def test_every_stored_value_is_finite(corpus_run: tuple[list[Case], Path, Path, Result]) -> None:
    """Absurd numbers ("10^400", 22 zeros) never become inf or NaN in the store (JSON cannot carry them)."""
    _cases, _dir, db, _result = corpus_run
    for origin, (document_id, _text) in _stored(db).items():
        for low, high in _claim_values(db, document_id):
            assert math.isfinite(low) and math.isfinite(high), (origin, low, high)
            assert low <= high, (origin, low, high)


def test_separators_are_read_by_language(corpus_run: tuple[list[Case], Path, Path, Result]) -> None:
    """ "1,500" is fifteen hundred in English; "1,5 miljoner" is one and a half million in Swedish."""
    cases, corpus_dir, db, _result = corpus_run
    stored = _stored(db)
    for case in cases:
        if not case.expect_values:
            continue
        document_id, _text = stored[str(corpus_dir / case.name)]
        values = {value for pair in _claim_values(db, document_id) for value in pair}
        for expected in case.expect_values:
            assert expected in values, (case.name, sorted(values))


def test_second_run_stores_nothing_twice(
    corpus_run: tuple[list[Case], Path, Path, Result], tmp_path: Path
) -> None:
    _cases, corpus_dir, db, _result = corpus_run
    before = _stored(db)
    again = _ingest(db, str(corpus_dir))
    _assert_clean(again)
    assert again.exit_code == 1  # the bad files are still bad
    assert _stored(db) == before


def test_stdin_bad_bytes_are_one_line(tmp_path: Path) -> None:
    result = _ingest(tmp_path / "stdin.db", "-", stdin=b"\x00\x01\x02\x03" * 100)
    _assert_clean(result)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "-:" in lines[0] and "binary" in lines[0], lines


def test_hostile_file_name_cannot_drive_the_terminal(tmp_path: Path) -> None:
    """A file named with escape sequences is reported without emitting them raw."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil\x1b[2J\x1b]0;pwned\x07.txt").write_bytes(b"")
    result = _ingest(tmp_path / "names.db", str(corpus))
    _assert_clean(result)
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr, repr(result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_a_1_mb_line_is_stored_in_time(tmp_path: Path) -> None:
    """A 1 MB paragraph with no newline (13,000 claims) is stored within a generous bound."""
    (tmp_path / "long_line.txt").write_bytes(long_line(1_000_000))
    completed = run_factcheck(
        ["--db", str(tmp_path / "long.db"), "ingest", "-q", str(tmp_path / "long_line.txt")], timeout=30
    )
    assert not completed.timed_out, "ingesting a 1 MB line took over 30 s"
    assert "Traceback" not in completed.stderr + completed.stdout
    assert completed.returncode == 0, completed.stderr
    assert "1 new" in completed.stdout


@pytest.mark.slow
def test_a_50_mb_text_file_is_refused_quickly_in_bounded_memory(tmp_path: Path) -> None:
    """Decision (measured): one report's text is limited (factcheck.read.MAX_REPORT_BYTES), so a 50 MB
    text file is refused with one line naming it, without being read into memory; a good file beside
    it is stored. A 50 MB JSON-lines feed is many reports and is read."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    paragraph = (
        "About 2,000 Islamic State fighters remain in Raqqa, according to the observatory. "
        + "The the of and in to a is that for it as was with be by on not he this are or. " * 4
        + "\n\n"
    )
    with (corpus / "huge.txt").open("w", encoding="utf-8") as out:
        written = 0
        while written < 50 * 1024 * 1024:
            out.write(paragraph * 100)
            written += len(paragraph) * 100
    (corpus / "good.txt").write_text(
        "Drygt 2 000 IS-krigare finns kvar i Raqqa, enligt observatoriet.", encoding="utf-8"
    )
    completed = run_factcheck(["--db", str(tmp_path / "big.db"), "ingest", "-q", str(corpus)], timeout=120)
    assert not completed.timed_out
    assert "Traceback" not in completed.stderr + completed.stdout
    assert completed.returncode == 1, completed.stderr
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1 and "huge.txt" in lines[0] and "too large" in lines[0], lines
    assert "1 new" in completed.stdout, completed.stdout
    assert completed.seconds < 60, completed.seconds
    assert completed.peak_mb < 400, completed.peak_mb
