"""What every factcheck screen shares: the data service, the reviewer, plain-text notices."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen

from factcheck.tui.data import DataService

if TYPE_CHECKING:
    from factcheck.tui.app import FactcheckApp


class AppAccess:
    """Mixin: typed access to the app's service and settings."""

    app: Any

    @property
    def fc(self) -> FactcheckApp:
        return self.app  # type: ignore[no-any-return]

    @property
    def data(self) -> DataService:
        return self.fc.data

    @property
    def reviewer(self) -> str:
        return self.fc.reviewer

    def say(self, message: str, severity: SeverityLevel = "information", title: str = "") -> None:
        # markup=False: messages quote report text, source names and other people's notes.
        self.app.notify(message, severity=severity, title=title, markup=False)

    def ask_note(self, heading: Text, then: Callable[[str], object]) -> None:
        """Ask for an optional note; `then` gets it on Enter, nothing happens on Escape."""
        from factcheck.tui.screens.note import AskScreen

        def decided(note: str | None) -> None:
            if note is not None:
                then(note)

        self.app.push_screen(AskScreen(heading, "Note (optional), then Enter"), decided)


class ClaimVerdicts:
    """The verified / disputed / needs-source actions, for screens that know which claim is meant."""

    def _ask_verdict(self, verdict: str) -> None:
        raise NotImplementedError

    def action_verify(self) -> None:
        self._ask_verdict("verified")

    def action_dispute(self) -> None:
        self._ask_verdict("disputed")

    def action_needs_source(self) -> None:
        self._ask_verdict("needs_source")


class FactcheckScreen(AppAccess, Screen[None]):
    SCOPE: ClassVar[str] = "global"


class FactcheckModal(AppAccess, ModalScreen[Any]):
    SCOPE: ClassVar[str] = "global"
