"""`factcheck tui` and bare `factcheck`: the CLI opens the store and hands it to the app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from factcheck.cli import cli


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    from factcheck.tui.app import FactcheckApp

    calls: list[dict[str, Any]] = []

    def fake_run(self: FactcheckApp, *args: Any, **kwargs: Any) -> None:
        calls.append({"reviewer": self.reviewer, "url": str(self.data.engine.url)})

    monkeypatch.setattr(FactcheckApp, "run", fake_run)
    return calls


def test_tui_command_passes_engine_and_reviewer(tmp_path: Path, launched: list[dict[str, Any]]) -> None:
    db = tmp_path / "news.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "tui", "--reviewer", "anna"])
    assert result.exit_code == 0, result.output
    assert launched == [{"reviewer": "anna", "url": f"sqlite:///{db.resolve()}"}]
    assert db.exists()  # the CLI created the store at head; the app opened nothing itself


def test_bare_factcheck_opens_the_tui_with_the_login_name(
    tmp_path: Path, launched: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("factcheck.cli.tui_cmd.default_reviewer", lambda: "login-name")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    assert [call["reviewer"] for call in launched] == ["login-name"]


def test_tui_help_names_the_reviewer_option() -> None:
    result = CliRunner().invoke(cli, ["tui", "--help"])
    assert result.exit_code == 0
    assert "--reviewer" in result.output
