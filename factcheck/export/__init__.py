"""Report writers: one entry point, `export`, used by the CLI and the TUI.

Formats: md and html (discrepancy reports a person reads), csv and xlsx (one row per claim or
relation), json (the full data), claimreview (schema.org JSON-LD). Writers only read: they get
the filtered rows from factcheck.export.data and write them out, to a file atomically or to stdout.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from factcheck.export.data import Publisher
    from factcheck.store.queries import ClaimFilter

FORMATS = ("md", "html", "csv", "xlsx", "json", "claimreview")
ROWS = ("claims", "relations")
BINARY_FORMATS = frozenset({"xlsx"})
# format -> (module, writer function); modules load only when their format is asked for.
TEXT_WRITERS = {
    "md": ("factcheck.export.markdown", "write_markdown"),
    "html": ("factcheck.export.html", "write_html"),
    "csv": ("factcheck.export.tabular", "write_csv"),
    "json": ("factcheck.export.json_export", "write_json"),
    "claimreview": ("factcheck.export.claimreview", "write_claimreview"),
}
SUFFIXES = {
    "md": ".md",
    "html": ".html",
    "csv": ".csv",
    "xlsx": ".xlsx",
    "json": ".json",
    "claimreview": ".jsonld",
}


class ExportError(RuntimeError):
    """The export cannot be made; the message is one line for the user."""


def resolve_generated_at(generated_at: datetime | None = None) -> datetime:
    """The report's timestamp: as given, else SOURCE_DATE_EPOCH (reproducible builds), else now; UTC, whole seconds."""
    if generated_at is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch:
            try:
                generated_at = datetime.fromtimestamp(int(epoch), UTC)
            except (ValueError, OverflowError, OSError) as exc:
                raise ExportError(f"SOURCE_DATE_EPOCH is not a Unix time: {epoch!r}") from exc
        else:
            generated_at = datetime.now(UTC)
    if generated_at.tzinfo is None:
        generated_at = generated_at.replace(tzinfo=UTC)
    return generated_at.astimezone(UTC).replace(microsecond=0)


def _text_writer(fmt: str) -> Any:
    import importlib

    module_name, function = TEXT_WRITERS[fmt]
    return getattr(importlib.import_module(module_name), function)


@contextmanager
def _stdout() -> Iterator[TextIO]:
    """Standard output as UTF-8 with newlines exactly as written, whatever the locale."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        yield sys.stdout
        return
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
    try:
        yield stream
    finally:
        stream.flush()
        stream.detach()  # leave sys.stdout's buffer open for the caller


def export(
    engine: Engine,
    fmt: str,
    output: Path | None,
    claim_filter: ClaimFilter,
    rows: str = "claims",
    only_contradictions: bool = False,
    generated_at: datetime | None = None,
    publisher: Publisher | None = None,
) -> None:
    """Write the claims and relations matching `claim_filter` in format `fmt` to `output` (None: stdout).

    A file is written whole or not at all. Raises ExportError with a one-line message.
    """
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.orm import Session

    from factcheck.export.atomic import atomic_path, atomic_text
    from factcheck.export.data import ExportData, Publisher, ReportContext

    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if rows not in ROWS:
        raise ExportError(f"unknown rows {rows!r}; use one of {', '.join(ROWS)}")
    if fmt in BINARY_FORMATS and output is None:
        raise ExportError(f"{fmt} is a binary format: give an output file with -o")
    context = ReportContext(
        claim_filter=claim_filter,
        rows=rows,
        only_contradictions=only_contradictions,
        generated_at=resolve_generated_at(generated_at),
        publisher=publisher or Publisher(),
    )
    try:
        with Session(engine) as session:
            data = ExportData(session, claim_filter, only_contradictions)
            if fmt == "xlsx":
                from factcheck.export.tabular import write_xlsx

                assert output is not None
                with atomic_path(output) as temporary:
                    write_xlsx(data, context, temporary)
            elif output is None:
                with _stdout() as stream:
                    _text_writer(fmt)(data, context, stream)
            else:
                with atomic_text(output) as stream:
                    _text_writer(fmt)(data, context, stream)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise ExportError(f"cannot read the database: {reason}") from exc
    except BrokenPipeError:
        if output is None:
            raise  # the reader went away (`| head`); the caller ends quietly
        raise ExportError(f"cannot write {output}: broken pipe") from None
    except OSError as exc:
        target = output if output is not None else "standard output"
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
