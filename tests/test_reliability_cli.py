"""A user mistake never ends in a traceback: one line saying what is wrong, exit 1 (failed) or 2 (usage).

Run through the real entry point in a child process, as a user would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.badinputs.run import Completed, run_factcheck


def _check(completed: Completed, code: int, *needles: str) -> None:
    both = completed.stdout + completed.stderr
    assert not completed.timed_out
    assert "Traceback" not in both, both
    assert completed.returncode == code, (completed.returncode, both)
    error_lines = [
        line for line in completed.stderr.splitlines() if line.lower().startswith(("error", "factcheck"))
    ]
    assert len(error_lines) == 1, completed.stderr
    for needle in needles:
        assert needle in error_lines[0], (needle, error_lines[0])


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    _check(run_factcheck(["--db", str(tmp_path / "a.db"), "ingest", str(missing)]), 1, str(missing))


def test_missing_file_among_good_ones(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("About 2,000 fighters remain in Raqqa, the observatory said.", encoding="utf-8")
    completed = run_factcheck(
        ["--db", str(tmp_path / "a.db"), "ingest", str(tmp_path / "nope.txt"), str(good)]
    )
    _check(completed, 1, "nope.txt")
    assert "1 new" in completed.stdout


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://nobody@127.0.0.1:1/none",  # nothing listens on port 1
        "bogus://somewhere/x",
        "sqlite:////proc/no/such/dir/x.db",
        "postgresql+nosuchdriver://localhost/x",
    ],
)
def test_bad_db_url(url: str) -> None:
    _check(run_factcheck(["--db", url, "stats"], timeout=60), 1, "database")


def test_db_is_a_directory(tmp_path: Path) -> None:
    _check(run_factcheck(["--db", str(tmp_path), "stats"]), 1, "database")


@pytest.mark.parametrize(
    "content",
    [b"not a database, just notes\n", b"\x00" * 4096, b"SQLite format 3\x00garbage"],
    ids=["text", "zeros", "bad-header"],
)
def test_db_is_a_file_that_is_not_a_database(tmp_path: Path, content: bytes) -> None:
    notes = tmp_path / "notes.db"
    notes.write_bytes(content)
    _check(run_factcheck(["--db", str(notes), "stats"]), 1, "database")
    assert notes.read_bytes() == content  # and it is left as it was


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "docx"],
        ["extract", "--format", "yaml", "x.txt"],
        ["nosuchcommand"],
        ["ingest"],
        ["ingest", "--no-such-option", "x.txt"],
        ["search"],
        ["db", "upgrade", "--bogus"],
    ],
)
def test_usage_mistakes_exit_2(tmp_path: Path, args: list[str]) -> None:
    completed = run_factcheck(["--db", str(tmp_path / "a.db"), *args])
    assert completed.returncode == 2, completed.stderr
    assert "Traceback" not in completed.stdout + completed.stderr
    assert sum(1 for line in completed.stderr.splitlines() if line.startswith("Error")) == 1, completed.stderr


def test_unknown_revision(tmp_path: Path) -> None:
    _check(run_factcheck(["--db", str(tmp_path / "a.db"), "db", "upgrade", "zzzz"]), 1, "zzzz")


def test_export_to_a_missing_directory(seeds_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "dir" / "out.csv"
    _check(
        run_factcheck(["--db", str(seeds_db), "export", "--format", "csv", "-o", str(target)]), 1, "out.csv"
    )


def test_extract_missing_file(tmp_path: Path) -> None:
    _check(run_factcheck(["extract", str(tmp_path / "gone.txt")]), 1, "gone.txt")


def test_read_only_database_file(seeds_db: Path) -> None:
    """Reading a database one may not write works; writing to it is one line, not a traceback.

    Opened read-only through SQLite's URI (file permissions do not stop root, who runs CI).
    """
    read_only = f"sqlite:///file:{seeds_db}?mode=ro&uri=true"
    listing = run_factcheck(["--db", read_only, "stats"])
    assert listing.returncode == 0, listing.stderr
    completed = run_factcheck(["--db", read_only, "review", "claim", "1", "verified"])
    assert "Traceback" not in completed.stdout + completed.stderr
    assert completed.returncode == 1
    assert len(completed.stderr.strip().splitlines()) == 1
    assert "read" in completed.stderr.lower()
