"""The number layer: every number mention in a text, claim or not, in sv, nb, da, en, de, fr and es.

    from factcheck.extract.numbers import find_numbers
    find_numbers("Anslagsvis 37 prosent av provinsen", "nb")
    -> [Quantity(text="Anslagsvis 37 prosent", start=0, end=21, value_low=37.0, value_high=37.0,
                 unit="percent", approximate=True)]

Conventions (see ../shared/gold/README.md): percent as 37, not 0.37; fractions of a whole are percent
("en tredjedel" -> 33.3, "halva landet" -> 50); "fem mil" -> 50 km; ranges give both ends; hedges and bounds
set ``approximate`` and extend the mention; bounds on a percentage open towards 0 or 100; indefinite number
words ("tusentals", "dozens") are ``vague`` with fixed ranges. The number layer sets only units written in the
text: percent, km, km2, years, months, days (or None). Weeks are no unit of the claim schema: "tre veckor" is
read as 21 days (lexicon ``scaled_units``), the mention keeping the text as written. A multiplier ("fünfmal",
"five times") is the bare number with no unit; the claim layer makes it a ratio.

Dates, years used as dates, times of day and codes (tracking numbers, "A320") are left out unless
``skip_dates=False``; ``date_spans`` and ``is_date_like`` expose that judgement.
"""

from __future__ import annotations

from dataclasses import fields

from factcheck.domain import Quantity
from factcheck.extract.numbers.dates import date_spans, is_date_like
from factcheck.extract.numbers.grammar import (
    apply_minus_signs,
    apply_modifiers,
    attach_units,
    join_bounds,
    join_ranges,
    mark_dates,
    scan,
)
from factcheck.extract.numbers.lexicon import load_lexicon
from factcheck.memory import no_cyclic_gc

__all__ = ["date_spans", "find_numbers", "is_date_like"]

# Quantity is built positionally below (see _find_numbers): its fields must stay in this order.
_QUANTITY_FIELDS = ("text", "start", "end", "value_low", "value_high", "unit", "approximate", "vague")
if (
    tuple(f.name for f in fields(Quantity)) != _QUANTITY_FIELDS
):  # pragma: no cover - guards a change to Quantity
    raise ImportError(
        "factcheck.domain.Quantity's fields changed: update numbers._QUANTITY_FIELDS and _find_numbers"
    )


def find_numbers(text: str, language: str, skip_dates: bool = True) -> list[Quantity]:
    """Every number mention in ``text`` written in ``language``, sorted by start offset.

    Never raises on any string; values that overflow a float are left out.
    """
    if len(text) <= _LARGE_TEXT:
        return _find_numbers(text, language, skip_dates)
    # The collector would pass again and again over the hundreds of thousands of records being built
    # (about a third of the time), and they form no reference cycles for it to find.
    with no_cyclic_gc():
        return _find_numbers(text, language, skip_dates)


# Above this many characters a text may hold hundreds of thousands of mentions ("1 1 1 …").
_LARGE_TEXT = 100_000


def _find_numbers(text: str, language: str, skip_dates: bool) -> list[Quantity]:
    lexicon = load_lexicon(language)
    atoms = scan(text, lexicon)
    if not atoms:
        return []
    mark_dates(text, language, atoms)
    if skip_dates:
        atoms = [a for a in atoms if not a.date]
    atoms = attach_units(text, lexicon, atoms)
    atoms = join_ranges(text, lexicon, atoms)
    apply_minus_signs(text, atoms)
    apply_modifiers(text, lexicon, atoms)
    atoms = join_bounds(text, lexicon, atoms)
    # Positional: a keyword call of Quantity's frozen __init__ costs more, and every mention makes one.
    return [
        Quantity(text[a.start : a.end], a.start, a.end, a.low, a.high, a.unit, a.approximate, a.vague)
        for a in atoms
    ]
