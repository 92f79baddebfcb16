"""Exports are written whole or not at all; a failure leaves the previous file as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import Engine

from factcheck.export import ExportError, export
from factcheck.export.atomic import atomic_path, atomic_text
from factcheck.store.queries import ClaimFilter


def test_atomic_text_replaces_the_file_on_success(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    with atomic_text(target) as stream:
        stream.write("new\r\n")
        assert target.read_text(encoding="utf-8") == "old"  # readers still see the old report
    assert target.read_bytes() == b"new\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_failure_removes_the_temporary_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_text(target) as stream:
        stream.write("half a rep")
        raise RuntimeError("writer failed")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_new_files_get_ordinary_permissions_and_existing_ones_keep_theirs(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        with atomic_path(tmp_path / "new.csv") as temporary:
            temporary.write_text("x", encoding="utf-8")
        assert (tmp_path / "new.csv").stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.csv"
        kept.write_text("x", encoding="utf-8")
        kept.chmod(0o600)
        with atomic_path(kept) as temporary:
            temporary.write_text("y", encoding="utf-8")
        assert kept.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(umask)


def test_an_export_that_fails_midway_leaves_the_previous_report(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_export_helpers import build_report_store

    build_report_store(engine)
    target = tmp_path / "claims.csv"
    target.write_text("previous export", encoding="utf-8")

    import factcheck.export.tabular as tabular

    def exploding(value: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tabular, "number_text", exploding)
    with pytest.raises(ExportError, match="No space left on device"):
        export(engine, "csv", target, ClaimFilter())
    assert target.read_text(encoding="utf-8") == "previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_to_a_missing_directory_is_a_one_line_error(engine: Engine, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"^cannot write .*missing.*No such file or directory$"):
        export(engine, "md", tmp_path / "missing" / "r.md", ClaimFilter())
