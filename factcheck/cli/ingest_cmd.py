"""`factcheck ingest`: read, extract, resolve, store and compare reports."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click

from factcheck.cli.common import open_engine


def printable(message: str) -> str:
    """One line with no live control characters: a file name holding escapes cannot drive the terminal."""
    return "".join(
        ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in message.replace("\n", " ")
    )


def _expand(paths: tuple[str, ...]) -> list[str]:
    files: list[str] = []
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            files.extend(
                str(child)
                for child in sorted(path.rglob("*"))
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts)
            )
        else:
            files.append(raw)
    return files


def _reports_in(files: list[str]) -> int | None:
    """How many reports the files hold when that is known without reading them: one a file, unless some are
    JSON lines (many a file) or standard input."""
    from factcheck.read import RECORD_SUFFIXES

    if any(name == "-" or Path(name).suffix.lower() in RECORD_SUFFIXES for name in files):
        return None
    return len(files)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--no-compare", is_flag=True, help="Store only; compare later with `factcheck compare --all`.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], no_compare: bool, quiet: bool) -> None:
    """Store reports (.txt, .html, .jsonl/.json, directories, - for stdin) with their claims.

    The same content ingested twice is stored once. Each report is stored with its claims in
    one transaction. Bad files are reported one line each and the batch goes on; the exit
    code is 1 when any failed.

    \b
    Examples:
      factcheck ingest seeds/
      factcheck --db newsroom.db ingest reports/*.html
      cat feed.jsonl | factcheck ingest -
    """
    from factcheck.pipeline import ingest as run_ingest
    from factcheck.read import read_paths

    engine = open_engine(ctx)
    files = _expand(paths)
    show_bar = not quiet and sys.stderr.isatty() and len(files) > 20

    def report(message: str) -> None:
        click.echo(f"error: {printable(message)}", err=True)

    with (
        click.progressbar(length=len(files), label="ingesting", file=sys.stderr)
        if show_bar
        else _no_bar() as bar
    ):

        def items() -> Iterator[object]:
            for file in files:
                yield from read_paths([file])
                bar.update(1)

        summary = run_ingest(
            engine,
            items(),  # type: ignore[arg-type]
            on_error=report,
            compare=not no_compare,
            expected=_reports_in(files),
        )
    if summary.new == 0 and summary.failed == 0 and summary.existing:
        click.echo(f"nothing new: {summary.existing} already stored")
    else:
        click.echo(summary.line())
    engine.dispose()
    if summary.failed or summary.compare_failed:
        ctx.exit(1)


class _no_bar:
    def __enter__(self) -> _no_bar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, _steps: int) -> None:
        return None
