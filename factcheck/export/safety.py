"""Neutralising text that other programs would run: spreadsheet formulas and script-breaking JSON."""

from __future__ import annotations

# A spreadsheet reads a cell starting with one of these as a formula (or as the start of one).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def neutralise_cell(text: str) -> str:
    """Text a spreadsheet shows as written: a leading quote stops formula evaluation."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def script_safe_json(encoded: str) -> str:
    """JSON text that cannot close a <script> element or open an HTML comment when embedded.

    The replaced characters only ever occur inside JSON strings, where their \\u escapes
    decode to the same text.
    """
    for character, escape in _SCRIPT_ESCAPES.items():
        encoded = encoded.replace(character, escape)
    return encoded
