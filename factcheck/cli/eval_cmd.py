"""`factcheck eval`: score the extractor against gold annotations."""

from __future__ import annotations

import json
from typing import Any

import click

from factcheck.domain import LANGUAGES


def _describe(record: Any) -> str:
    low, high = record.get("value_low"), record.get("value_high")
    value = f"{low:g}" if low == high else f"{low:g}–{high:g}"
    where = record.get("anchor") or record.get("text") or ""
    return f"{record.get('document')}: {value} {record.get('unit') or ''} «{' '.join(str(where).split())}»"


def report_lines(scores: Any, verbose: bool = True) -> list[str]:
    """Human-readable lines; the last ones summarise P/R/F1 and the field accuracies."""
    lines: list[str] = []
    if verbose:
        for index in scores.unmatched_gold:
            lines.append(f"missed     {_describe(scores.gold[index])}")
        for index in scores.unmatched_predictions:
            lines.append(f"extra      {_describe(scores.predictions[index])}")
        for name, g_index, p_index in scores.field_errors:
            gold, predicted = scores.gold[g_index], scores.predictions[p_index]
            lines.append(
                f"wrong {name:<8} {_describe(gold)}: predicted {predicted.get(name)!r}, gold {gold.get(name)!r}"
            )
        if lines:
            lines.append("")
    lines.append(
        f"claims: {scores.gold_count} gold, {scores.prediction_count} predicted, {len(scores.matches)} matched"
    )
    accuracies = ", ".join(
        f"{name} {score.accuracy:.3f} ({score.correct}/{score.total})"
        for name, score in scores.fields.items()
    )
    lines.append(f"accuracy on matched: {accuracies}")
    lines.append(f"values: precision {scores.precision:.3f}  recall {scores.recall:.3f}  F1 {scores.f1:.3f}")
    return lines


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--quiet", "-q", is_flag=True, help="Only the summary lines, not each miss.")
@click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of the reports (default: detected).",
)
@click.pass_context
def eval_command(
    ctx: click.Context, gold: str, paths: tuple[str, ...], as_json: bool, quiet: bool, language: str | None
) -> None:
    """Score extraction of PATHS against GOLD.jsonl (matching as in the gold README).

    Gold claims of documents not among PATHS are left out. Reports precision, recall and F1 on
    values, and accuracy of kind, unit, location, actor, approximate, vague, source and via on
    matched claims.

    \b
    Example:
      factcheck eval ../shared/gold/seeds.jsonl seeds/
    """
    from factcheck.cli.extract_cmd import extract_records
    from factcheck.evaluate import load_gold, score

    try:
        gold_claims = load_gold(gold)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc

    def report(message: str) -> None:
        click.echo(f"error: {message}", err=True)

    records, failed, names = extract_records(paths, language, report)
    scores = score(gold_claims, records, documents=names)
    if as_json:
        click.echo(json.dumps(scores.as_dict(), ensure_ascii=False))
    else:
        for line in report_lines(scores, verbose=not quiet):
            click.echo(line)
    if failed:
        ctx.exit(1)
