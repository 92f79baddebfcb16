"""Multipliers glued to a number word ("fünfmal", "tenfold", "firedoblet") are ratios, like separate ones."""

from __future__ import annotations

import pytest

from factcheck.extract import extract

# (language, sentence, mention, value)
GLUED = [
    ("de", "Das umkämpfte Gebiet ist inzwischen fünfmal so groß wie Aleppo.", "fünfmal", 5),
    ("de", "Die Zahl der Flüchtlinge ist dreifach so hoch wie im Vorjahr.", "dreifach", 3),
    ("en", "The number of displaced people rose tenfold within a year.", "tenfold", 10),
    ("sv", "Området är tiofaldigt större än staden.", "tiofaldigt", 10),
    ("nb", "Antallet flyktninger er firedoblet siden i fjor.", "firedoblet", 4),
    ("da", "Antallet af flygtninge er firedoblet siden sidste år.", "firedoblet", 4),
]


@pytest.mark.parametrize(("language", "text", "mention", "value"), GLUED)
def test_glued_multiplier_is_a_ratio(language: str, text: str, mention: str, value: float) -> None:
    claims = [c for c in extract(text, language, "2017-09-02") if c.text == mention]
    assert len(claims) == 1, [(c.text, c.kind) for c in extract(text, language, "2017-09-02")]
    claim = claims[0]
    assert (claim.kind, claim.unit, claim.value_low) == ("ratio", "count", value)


# The same numbers standing alone are counts, not ratios: the ending, not the number word, makes the ratio.
@pytest.mark.parametrize(
    ("language", "text", "mention"),
    [
        ("de", "Die Armee eroberte fünf Dörfer bei Hama.", "fünf"),
        ("en", "The army captured ten villages near Hama.", "ten"),
        ("nb", "Hæren tok fire landsbyer nær Hama.", "fire"),
    ],
)
def test_plain_number_word_is_no_ratio(language: str, text: str, mention: str) -> None:
    claim = next(c for c in extract(text, language, "2017-09-02") if c.text == mention)
    assert claim.kind != "ratio"
