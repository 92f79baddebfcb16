"""The discrepancy report as Markdown: contradictions, corroborations, then a summary by source.

Report text is escaped so no Markdown renderer turns a sentence into markup, links or HTML.
"""

from __future__ import annotations

import re
from typing import TextIO

from factcheck.export.data import ExportData, RelationEntry, ReportContext, iso_time
from factcheck.export.describe import (
    decision_text,
    number,
    quantity_label,
    source_text,
    value_text,
    via_text,
)
from factcheck.export.filters import describe_filter
from factcheck.export.summary import summarise_sources
from factcheck.store.queries import ClaimView

# Brackets are escaped, so parentheses can never form a link; line starts are always ours.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def escape(text: str | None) -> str:
    """Literal text inside Markdown: one line, every character that could start markup escaped."""
    flat = " ".join((text or "").split())
    return _SPECIAL.sub(r"\\\1", flat)


def _claim_lines(label: str, claim: ClaimView) -> list[str]:
    source = escape(source_text(claim))
    if claim.via:
        source += f" (via {escape(via_text(claim))})"
    report = escape(claim.document)
    if claim.published:
        report += f", published {escape(claim.published)}"
    lines = [
        f"- **{label}:** {escape(value_text(claim))} — {source}",
        f"  - Report: {report}",
    ]
    if claim.as_of:
        lines.append(f"  - As of: {escape(claim.as_of)}")
    lines.append(f"  - Claim status: {escape(claim.status.replace('_', ' '))}")
    lines.append(f"  - Sentence: “{escape(claim.sentence)}”")
    return lines


def _decision_lines(entry: RelationEntry) -> list[str]:
    lines = [f"- **Editor's decision:** {escape(decision_text(entry.decision, entry.relation.status))}"]
    if entry.decision and entry.decision.note:
        lines.append(f"- **Editor's note:** {escape(entry.decision.note)}")
    return lines


def _relation_block(number_: int, entry: RelationEntry) -> list[str]:
    relation = entry.relation
    return [
        f"### {number_}. {escape(quantity_label(relation.a))}",
        "",
        *_claim_lines("Claim A", relation.a),
        *_claim_lines("Claim B", relation.b),
        f"- **Explanation:** {escape(relation.explanation)} (score {number(round(relation.score, 2))})",
        *_decision_lines(entry),
        "",
    ]


def _section(stream: TextIO, title: str, entries: list[RelationEntry], empty: str) -> None:
    stream.write(f"## {title} ({len(entries)})\n\n")
    if not entries:
        stream.write(f"{empty}\n\n")
    for index, entry in enumerate(entries, 1):
        stream.write("\n".join(_relation_block(index, entry)) + "\n")


def write_markdown(data: ExportData, context: ReportContext, stream: TextIO) -> None:
    relations = list(data.relations(("contradicts", "corroborates")))
    contradictions = [
        e for e in relations if e.relation.type == "contradicts" and e.relation.status != "dismissed"
    ]
    dismissed = [
        e for e in relations if e.relation.type == "contradicts" and e.relation.status == "dismissed"
    ]
    corroborations = [e for e in relations if e.relation.type == "corroborates"]
    summary = summarise_sources(data.claims(), data.corroborated_ids())

    stream.write("# Discrepancy report\n\n")
    stream.write(
        f"Generated {iso_time(context.generated_at)}. Filter: {escape(describe_filter(context))}.\n\n"
    )
    claims_total = sum(line.claims for line in summary)
    stream.write(
        f"{claims_total} claims from {len(summary)} sources; {len(contradictions)} contradictions, "
        f"{len(corroborations)} corroborations.\n\n"
    )
    _section(stream, "Contradictions", contradictions, "No contradictions found.")
    if dismissed:
        _section(stream, "Contradictions dismissed by editors", dismissed, "")
    if not context.only_contradictions:
        _section(stream, "Corroborations", corroborations, "No corroborations found.")
    stream.write("## Summary by source\n\n")
    if not summary:
        stream.write("No claims match the filter.\n")
        return
    stream.write("| Source | Claims | Contradicted | Corroborated |\n|---|---:|---:|---:|\n")
    for line in summary:
        stream.write(
            f"| {escape(line.source)} | {line.claims} | {line.contradicted} | {line.corroborated} |\n"
        )
