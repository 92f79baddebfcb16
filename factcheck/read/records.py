"""JSON and JSON-lines reports: records with at least `text`; malformed lines are errors of their own."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from factcheck.domain import Document
from factcheck.read.errors import ReadError
from factcheck.read.text import normalise_text

_DATE = re.compile(r"^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)")
_LANGUAGES = ("sv", "nb", "da", "en", "de", "fr", "es")


def _text_field(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    return value.strip() or None if isinstance(value, str) else None


def record_to_document(record: Any, origin: str) -> Document | ReadError:
    if not isinstance(record, dict):
        return ReadError(origin, "record is not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return ReadError(origin, "record has no 'text'")
    date = _text_field(record, "date") or _text_field(record, "published")
    match = _DATE.match(date) if date else None
    language = _text_field(record, "language")
    url = _text_field(record, "url")
    return Document(
        text=normalise_text(text),
        origin=url or origin,
        title=_text_field(record, "title"),
        outlet=_text_field(record, "outlet"),
        language=language.lower() if language and language.lower() in _LANGUAGES else None,
        published=match.group(1) if match else None,
    )


def parse_records(text: str, origin: str) -> Iterator[Document | ReadError]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except json.JSONDecodeError as exc:
            yield ReadError(origin, f"invalid JSON: {exc.msg} at line {exc.lineno}")
            return
        for index, record in enumerate(records if isinstance(records, list) else [records], start=1):
            yield record_to_document(record, f"{origin}#{index}")
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(f"{origin}:{number}", f"invalid JSON line: {exc.msg}")
            continue
        yield record_to_document(record, f"{origin}:{number}")
