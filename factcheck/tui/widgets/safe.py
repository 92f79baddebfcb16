"""Report text is data: it becomes Rich Text (never markup), with control characters made visible."""

from __future__ import annotations

import re

from rich.style import Style, StyleType
from rich.text import Text

# C0 controls (but tab and newline), DEL and C1 controls: a terminal would act on them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture", e.g. ␛ for ESC
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"  # C1 controls: one visible character each, so highlight offsets stay true


def visible(value: object) -> str:
    """The string with every control character replaced by a visible stand-in."""
    return _CONTROL.sub(_visible, "" if value is None else str(value))


def one_line(value: object) -> str:
    return " ".join(visible(value).replace("\t", " ").split("\n"))


def safe_text(value: object, style: StyleType = "", *, single_line: bool = True) -> Text:
    """A Text showing the value literally: markup stays markup-looking characters."""
    return Text(one_line(value) if single_line else visible(value), style=style or Style(), end="")


def dash(value: object) -> str:
    return "—" if value in (None, "", ()) else str(value)
