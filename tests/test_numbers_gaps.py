"""Number-layer gaps found by the held-out corpus (tests/heldout/), for the owner of factcheck/extract/numbers/.

Each case is what a reader takes from the phrase; they are expected to fail until the number layer handles them.
"""

from __future__ import annotations

import pytest

from factcheck.extract.numbers import find_numbers

GAPS = [
    # "more than half" on a share: value 50 to 100, approximate (the hedge is dropped today).
    (
        "de",
        "Regierungstruppen kontrollieren mehr als die Hälfte der Provinz.",
        "Hälfte",
        (50, 100, "percent"),
    ),
    ("es", "El régimen controla ya más de la mitad del país.", "mitad", (50, 100, "percent")),
    # "rådede over" is "ruled over": the "over" is the verb's particle, not "more than".
    (
        "da",
        "For tre år siden rådede gruppen over omkring halvdelen af Syrien.",
        "halvdelen",
        (50, 50, "percent"),
    ),
    # An approximate round number before a unit word: "une cinquantaine de kilomètres" is about 50 km.
    (
        "fr",
        "Ils vivent à une cinquantaine de kilomètres au nord de la ville.",
        "cinquantaine",
        (50, 50, "km"),
    ),
    ("fr", "Le camp est à une dizaine de kilomètres de la frontière.", "dizaine", (10, 10, "km")),
]


@pytest.mark.xfail(strict=True, reason="number-layer gap reported from the held-out corpus")
@pytest.mark.parametrize(("language", "text", "word", "expected"), GAPS)
def test_number_layer_gap(language: str, text: str, word: str, expected: tuple[float, float, str]) -> None:
    found = [q for q in find_numbers(text, language) if word in q.text]
    assert found, [q.text for q in find_numbers(text, language)]
    quantity = found[0]
    assert (quantity.value_low, quantity.value_high, quantity.unit) == expected
