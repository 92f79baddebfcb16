"""How claim values, statuses and dates read on screen."""

from __future__ import annotations

from rich.text import Text

from factcheck.export.describe import number
from factcheck.store.queries import ClaimView
from factcheck.tui.widgets.safe import safe_text

STATUS_STYLES = {
    "verified": "bold green",
    "disputed": "bold red",
    "needs_source": "bold yellow",
    "unreviewed": "dim",
    "open": "bold yellow",
    "confirmed": "bold red",
    "dismissed": "dim",
}
STATUS_LABELS = {"needs_source": "needs source"}


def normalized(claim: ClaimView) -> str:
    value = number(claim.value_low)
    if claim.value_high != claim.value_low:
        value = f"{value}–{number(claim.value_high)}"
    prefix = "~" if claim.approximate else ""
    unit = "" if claim.unit in ("count",) else f" {claim.unit.replace('percent', '%')}"
    return f"{prefix}{value}{unit}".replace(" %", "%")


def status_text(status: str) -> Text:
    return Text(STATUS_LABELS.get(status, status), style=STATUS_STYLES.get(status, ""), end="")


def claim_date(claim: ClaimView) -> str:
    return claim.as_of or claim.published or ""


def source_text(claim: ClaimView) -> Text:
    if claim.source:
        return safe_text(claim.source)
    if claim.source_mention:
        return safe_text(f"{claim.source_mention}?", "italic")
    return Text("(report)", style="dim", end="")


def via_text(claim: ClaimView) -> Text:
    return safe_text(" → ".join(claim.via)) if claim.via else Text("", end="")
