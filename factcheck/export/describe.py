"""Plain-text wording shared by the human-readable reports: values, quantities, sources, decisions."""

from __future__ import annotations

from factcheck.export.data import iso_time
from factcheck.store.queries import ClaimView
from factcheck.store.reviews import ReviewView

UNIT_SUFFIX = {
    "persons": "",
    "count": "",
    "percent": " %",
    "km": " km",
    "km2": " km²",
    "years": " years",
    "months": " months",
    "days": " days",
    "towns": " towns",
}
OWN_VOICE = "(the report itself)"


def number(value: float) -> str:
    """2000.0 -> "2 000", 37.5 -> "37.5": grouped digits, no locale surprises."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ")
    # Two decimals are enough for a reader (33.333333 % -> 33.33 %); the data formats keep every digit.
    whole, _, fraction = f"{value:.2f}".rstrip("0").partition(".")
    if not fraction:
        return f"{int(whole):,}".replace(",", " ")
    return f"{int(whole):,}".replace(",", " ") + "." + fraction


def value_text(claim: ClaimView) -> str:
    span = number(claim.value_low)
    if claim.value_high != claim.value_low:
        span += "–" + number(claim.value_high)
    text = ("≈" if claim.approximate else "") + span + UNIT_SUFFIX.get(claim.unit, f" {claim.unit}")
    return text + (" (vague)" if claim.vague else "")


def quantity_label(claim: ClaimView) -> str:
    """What is being counted: kind, whose, where."""
    label = claim.kind.replace("_", " ")
    if claim.actor:
        label += f" ({claim.actor})"
    if claim.location:
        label += f" in {claim.location}"
    return label


def source_text(claim: ClaimView) -> str:
    return claim.source or OWN_VOICE


def via_text(claim: ClaimView) -> str:
    return ", ".join(claim.via)


def decision_text(review: ReviewView | None, status: str) -> str:
    if review is None:
        return "not yet decided" if status == "open" else status
    when = (iso_time(review.created_at) or "")[:10]
    return f"{review.verdict} by {review.reviewer} on {when}"
