"""Read reports from files, directories and standard input into Documents.

Every item comes back as a Document or a ReadError, so one bad file never stops a batch.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from factcheck.domain import Document
from factcheck.read.decode import DecodeError, decode_bytes
from factcheck.read.errors import ReadError

__all__ = ["Document", "ReadError", "read_bytes", "read_paths"]

MAX_BYTES = 200 * 1024 * 1024
# One report's text. A long news report is about 100 KB; a 50 MB "report" is a dump, and extraction
# time and memory grow with it, so it is refused up front (measured: see tests/test_reliability_badinput.py).
# JSON-lines feeds may be up to MAX_BYTES, each record up to this.
MAX_REPORT_BYTES = 5 * 1024 * 1024
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".jsonl", ".json", ".ndjson"}


def _sniff_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _has_controls(value: str | None) -> bool:
    return value is not None and _CONTROL_CHARACTER.search(value) is not None


def _finish(document: Document) -> Document | ReadError:
    if not document.text.strip():
        return ReadError(document.origin, "no text in it")
    if any(_has_controls(value) for value in (document.title, document.outlet, document.origin)):
        # Metadata from JSON records or HTML entities: as clean as the text (PostgreSQL refuses NUL).
        from factcheck.read.text import normalise_text

        document = dataclasses.replace(
            document,
            title=normalise_text(document.title).strip() or None if document.title else None,
            outlet=normalise_text(document.outlet).strip() or None if document.outlet else None,
            origin=normalise_text(document.origin),
        )
    if len(document.text) > MAX_REPORT_BYTES:
        return ReadError(
            document.origin,
            f"report too long ({len(document.text):,} characters; the limit is {MAX_REPORT_BYTES:,})",
        )
    if document.language is None:
        from factcheck.read.language import detect_language

        document = dataclasses.replace(document, language=detect_language(document.text))
    return document


def read_bytes(data: bytes, origin: str, suffix: str = "") -> Iterator[Document | ReadError]:
    """Turn one file's bytes into Documents (several for JSON lines) or ReadErrors."""
    if not data.strip():
        yield ReadError(origin, "empty file")
        return
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        yield ReadError(origin, str(exc))
        return
    suffix = suffix.lower()
    if suffix in RECORD_SUFFIXES:
        from factcheck.read.records import parse_records

        for item in parse_records(text, origin):
            yield item if isinstance(item, ReadError) else _finish(item)
        return
    if suffix in _HTML_SUFFIXES or (suffix not in {".txt", ".text", ".md"} and _sniff_html(text)):
        from factcheck.read.html import parse_html

        yield _finish(parse_html(text, origin))
        return
    from factcheck.read.text import parse_text

    yield _finish(parse_text(text, origin))


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                yield child
    else:
        yield path


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


def _size_error(origin: str, size: int, suffix: str) -> ReadError | None:
    if size > MAX_BYTES:
        return ReadError(origin, f"file too large ({_megabytes(size)}; the limit is {_megabytes(MAX_BYTES)})")
    if size > MAX_REPORT_BYTES and suffix.lower() not in RECORD_SUFFIXES:
        return ReadError(
            origin,
            f"file too large for one report ({_megabytes(size)}; the limit is "
            f"{_megabytes(MAX_REPORT_BYTES)}; split it, or give many reports as JSON lines)",
        )
    return None


def _read_file(path: Path) -> Iterator[Document | ReadError]:
    origin = str(path)
    try:
        too_large = _size_error(origin, path.stat().st_size, path.suffix)
        if too_large is not None:
            yield too_large
            return
        data = path.read_bytes()
    except FileNotFoundError:
        yield ReadError(origin, "no such file")
        return
    except IsADirectoryError:
        yield ReadError(origin, "is a directory")
        return
    except OSError as exc:
        yield ReadError(origin, exc.strerror or "cannot read file")
        return
    yield from read_bytes(data, origin, path.suffix)


def read_paths(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Document | ReadError]:
    """Yield a Document or ReadError for every report under the given paths ("-" is standard input)."""
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(MAX_BYTES + 1)  # never more than the limit in memory
            if len(data) > MAX_BYTES:
                yield ReadError("-", f"input too large (over {_megabytes(MAX_BYTES)})")
                continue
            yield from read_bytes(data, "-")
            continue
        path = Path(raw)
        if not path.exists():
            yield ReadError(raw, "no such file or directory")
            continue
        for file in _files(path):
            yield from _read_file(file)
