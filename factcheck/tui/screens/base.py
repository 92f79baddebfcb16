"""What every factcheck screen shares: the data service, the reviewer, plain-text notices."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

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


class FactcheckScreen(AppAccess, Screen[None]):
    SCOPE: ClassVar[str] = "global"


class FactcheckModal(AppAccess, ModalScreen[Any]):
    SCOPE: ClassVar[str] = "global"
