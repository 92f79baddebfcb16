"""``factcheck numbers``: the number layer on standard input, one case per line, one JSON object per line."""

from __future__ import annotations

import json
import sys

import click

from factcheck.domain import LANGUAGES

_FALLBACK_LANGUAGE = "en"


def _detect(text: str) -> str:
    try:
        from factcheck.read.language import detect_language
    except ImportError:  # pragma: no cover - the reader ships with the package
        return _FALLBACK_LANGUAGE
    return detect_language(text) or _FALLBACK_LANGUAGE


@click.command("numbers")
@click.option(
    "--language",
    "language",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of the input. Default: detected per line (English when a line has no words).",
)
@click.option(
    "--dates", "include_dates", is_flag=True, help="Also list dates, years used as dates, times and codes."
)
def numbers(language: str | None, include_dates: bool) -> None:
    """List every number mention in each line of standard input.

    Prints one JSON object per input line: {"line": N, "numbers": [{text, start, end, value_low,
    value_high, unit, approximate, vague}, ...]}, offsets in characters within the line.

    \b
    Example:
      echo "mellan 5 000 och 10 000 IS-krigare" | factcheck numbers --language sv
    """
    from factcheck.extract.numbers import find_numbers

    for number, raw in enumerate(sys.stdin, start=1):
        line = raw.rstrip("\r\n")
        lang = language or _detect(line)
        found = find_numbers(line, lang, skip_dates=not include_dates)
        record = {
            "line": number,
            "numbers": [
                {
                    "text": q.text,
                    "start": q.start,
                    "end": q.end,
                    "value_low": q.value_low,
                    "value_high": q.value_high,
                    "unit": q.unit,
                    "approximate": q.approximate,
                    "vague": q.vague,
                }
                for q in found
            ],
        }
        click.echo(json.dumps(record, ensure_ascii=False))
