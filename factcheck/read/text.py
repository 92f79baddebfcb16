"""Plain-text reports: an optional ` date YYYY-MM` header, a title line, dates and outlets the text gives."""

from __future__ import annotations

import re

from factcheck.domain import Document

_DATE_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b[ \t]*")
# A dateline such as "Source: Xinhua| 2017-09-02 20:12:54|" in the first lines of the report.
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_SOURCE_LINE = re.compile(r"^\s*Source:\s*([^|\n]{2,60}?)\s*(?:\||$)", re.MULTILINE)
_HEAD_CHARS = 600


# Terminal escape sequences (colours, cursor moves, titles) pasted from a console: drop them whole,
# so neither "[31m" debris nor a live escape reaches the store.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]{0,1000}(?:\x07|\x1b\\)|[@-Z\\-_])")
# Carriage returns, form feeds, NEL and the Unicode line/paragraph separators all break lines.
_LINE_BREAKS = str.maketrans({"\r": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"})
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Anything the two steps below would change: one scan tells whether a report needs them at all.
_BREAKS_OR_CONTROLS = re.compile("[" + "".join(map(chr, _LINE_BREAKS)) + _CONTROLS.pattern[1:])


def _clean_controls(text: str) -> str:
    # NUL, other C0 controls (except tab/newline) and C1 controls carry no meaning in a report; drop them.
    text = _ANSI.sub("", text) if "\x1b" in text else text
    if _BREAKS_OR_CONTROLS.search(text) is None:
        return text  # most reports: one C-level scan instead of a translate and a substitution
    text = text.replace("\r\n", "\n").translate(_LINE_BREAKS)
    return _CONTROLS.sub("", text)


def normalise_text(text: str) -> str:
    return _clean_controls(text).strip("\ufeff")


def _valid_date(year: str, month: str, day: str | None = None) -> bool:
    if not (1900 <= int(year) <= 2100 and 1 <= int(month) <= 12):
        return False
    return day is None or 1 <= int(day) <= 31


def parse_text(text: str, origin: str) -> Document:
    text = normalise_text(text)
    published: str | None = None
    header = _DATE_HEADER.match(text)
    if header:
        published = header.group(1)
        text = text[header.end() :]
    head = text[:_HEAD_CHARS]
    if published is None:
        found = _ISO_DATE.search(head)
        if found and _valid_date(*found.groups()):
            published = found.group(0)
    outlet_match = _SOURCE_LINE.search(head)
    outlet = outlet_match.group(1).strip() if outlet_match else None
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    title = first_line[:200] if first_line else None
    return Document(text=text, origin=origin, title=title, outlet=outlet, published=published)
