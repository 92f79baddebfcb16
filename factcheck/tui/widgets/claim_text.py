"""Rich Text renderings of a claim: in its report, its attribution, a review history."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from factcheck.store.queries import ClaimView
from factcheck.store.reviews import ReviewView
from factcheck.tui.data import ClaimContext
from factcheck.tui.widgets.format import claim_date, normalized, number, status_text
from factcheck.tui.widgets.safe import dash, safe_text, visible

HIGHLIGHT = "bold reverse"
SENTENCE = "underline"


def in_context(context: ClaimContext) -> Text:
    """The report around the claim: its sentence underlined, the claim itself highlighted."""
    claim = context.claim
    before = context.before.lstrip()  # blank lines around a window are noise
    body = before + claim.text + context.after.rstrip()
    text = Text("…" if context.clipped_start else "", style="dim", end="")
    offset = len(text) - (len(context.before) - len(before))
    text.append(visible(body))
    start = offset + len(context.before)
    sentence_start = offset + max(0, context.sentence_offset)
    text.stylize(SENTENCE, sentence_start, sentence_start + context.sentence_length)
    text.stylize(HIGHLIGHT, start, start + len(claim.text))
    if context.clipped_end:
        text.append("…", style="dim")
    return text


def _row(text: Text, label: str, value: Text | str) -> None:
    text.append(f"{label:<16}", style="bold")
    text.append_text(value if isinstance(value, Text) else safe_text(value))
    text.append("\n")


def summary(claim: ClaimView) -> Text:
    text = Text(end="")
    text.append_text(safe_text(claim.text, "bold"))
    text.append("   ")
    text.append(normalized(claim), style="bold cyan")
    text.append(f"   {claim.kind}   ")
    text.append_text(status_text(claim.status))
    if claim.flags:
        text.append(f"   {claim.flags} flag{'s' if claim.flags != 1 else ''}", style="bold red")
    text.append("\n")
    text.append_text(
        safe_text(f"{claim.document} · {claim.language or '?'} · {claim.published or 'undated'}", "dim")
    )
    return text


def attribution(claim: ClaimView) -> Text:
    text = Text(end="")
    _row(text, "Source", dash(claim.source) if claim.source else "— (the report's own voice)")
    _row(text, "Source type", dash(claim.source_type))
    _row(text, "As written", dash(claim.source_mention))
    chain = [*(claim.via or ()), claim.document]
    _row(text, "Via", " → ".join([claim.source or claim.source_mention or "report", *chain]))
    score = "—" if claim.source_score is None else f"{claim.source_score:.0f} / 100"
    _row(text, "Source score", score)
    return text


def resolution(claim: ClaimView) -> Text:
    text = Text(end="")
    value = number(claim.value_low)
    if claim.value_high != claim.value_low:
        value += f" to {number(claim.value_high)}"
    _row(text, "Value", f"{value} {claim.unit}")
    flags = [word for word, on in (("approximate", claim.approximate), ("vague", claim.vague)) if on]
    _row(text, "Precision", ", ".join(flags) or "exact")
    _row(text, "Subject", dash(claim.subject))
    _row(text, "Actor", dash(claim.actor))
    _row(text, "Location", dash(claim.location))
    _row(text, "Date", dash(claim_date(claim)) + ("" if claim.as_of else " (report's date)"))
    return text


def reviews_text(current: ReviewView | None, history: Iterable[ReviewView], noun: str = "claim") -> Text:
    text = Text(end="")
    if current is None:
        text.append(f"No standing decision on this {noun}.", style="dim")
    else:
        text.append("Standing decision: ", style="bold")
        text.append_text(status_text(current.verdict))
        text.append_text(safe_text(f" by {current.reviewer}"))
        if current.note:
            text.append(" — ")
            text.append_text(safe_text(current.note, "italic"))
    past = [review for review in history if current is None or review.id != current.id]
    for review in reversed(past):
        text.append("\n")
        when = review.created_at.strftime("%Y-%m-%d %H:%M") if review.created_at else ""
        line = f"{when} {review.reviewer}: {review.verdict}{' (withdrawn)' if review.withdrawn else ''}"
        text.append_text(safe_text(line, "dim"))
        if review.note:
            text.append_text(safe_text(f" — {review.note}", "dim italic"))
    return text
