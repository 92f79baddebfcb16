"""Forms the held-out corpus (tests/heldout/) found the number layer reading wrongly, in all seven languages.

Each case is what a reader takes from the phrase: (language, text, a word of the mention, expected
(value_low, value_high, unit, approximate)). The mention found is the first one holding that word.
"""

from __future__ import annotations

import pytest

from factcheck.domain import Quantity
from factcheck.extract.numbers import find_numbers

Expected = tuple[float, float, str | None, bool]

# "more than half": a bound on a share keeps its bound even with an article between ("mehr als die Hälfte").
MORE_THAN_HALF = [
    (
        "de",
        "Regierungstruppen kontrollieren mehr als die Hälfte der Provinz.",
        "Hälfte",
        (50, 100, "percent", True),
    ),
    ("es", "El régimen controla ya más de la mitad del país.", "mitad", (50, 100, "percent", True)),
    ("en", "Government forces now hold more than half of the province.", "half", (50, 100, "percent", True)),
    ("sv", "Regeringen kontrollerar mer än hälften av provinsen.", "hälften", (50, 100, "percent", True)),
    ("fr", "Le régime contrôle plus de la moitié du pays.", "moitié", (50, 100, "percent", True)),
    (
        "nb",
        "Regjeringen kontrollerer mer enn halvparten av provinsen.",
        "halvparten",
        (50, 100, "percent", True),
    ),
    (
        "da",
        "Regeringen kontrollerer mere end halvdelen af provinsen.",
        "halvdelen",
        (50, 100, "percent", True),
    ),
    # A hedge with an article, and a bound with a contracted article ("del" = "de el", "des" = "de les").
    ("de", "Die Miliz hält rund die Hälfte der Stadt.", "Hälfte", (50, 50, "percent", True)),
    ("es", "La guerrilla controla casi la mitad del territorio.", "mitad", (50, 50, "percent", True)),
    (
        "fr",
        "Les rebelles tiennent près des deux tiers de la ville.",
        "tiers",
        (66.67, 66.67, "percent", True),
    ),
]

# A bound word before a hedge is a preposition or a verb particle ("ruled over about half"); the bound
# phrases a language lists as keeping their meaning there stay bounds ("up to about 40 percent").
BOUND_BEFORE_HEDGE = [
    (
        "da",
        "For tre år siden rådede gruppen over omkring halvdelen af Syrien.",
        "halvdelen",
        (50, 50, "percent", True),
    ),
    (
        "sv",
        "För tre år sedan rådde gruppen över omkring hälften av Syrien.",
        "hälften",
        (50, 50, "percent", True),
    ),
    (
        "nb",
        "For tre år siden rådet gruppen over omkring halvparten av Syria.",
        "halvparten",
        (50, 50, "percent", True),
    ),
    ("en", "Three years ago the group ruled over about half of Syria.", "half", (50, 50, "percent", True)),
    (
        "de",
        "Vor drei Jahren herrschte die Gruppe über etwa die Hälfte Syriens.",
        "Hälfte",
        (50, 50, "percent", True),
    ),
    ("en", "Prices rose by up to about 40 percent.", "40", (0, 40, "percent", True)),
    ("sv", "Priserna steg med upp till cirka 40 procent.", "40", (0, 40, "percent", True)),
    ("nb", "Prisene steg med opptil cirka 40 prosent.", "40", (0, 40, "percent", True)),
    ("da", "Priserne steg med op til cirka 40 procent.", "40", (0, 40, "percent", True)),
    ("de", "Die Preise stiegen um bis zu etwa 40 Prozent.", "40", (0, 40, "percent", True)),
    ("fr", "Les prix ont augmenté de jusqu'à environ 40 %.", "40", (0, 40, "percent", True)),
    ("es", "Los precios subieron hasta aproximadamente el 40 %.", "40", (0, 40, "percent", True)),
    # Without a hedge the bound word is a bound as before.
    ("da", "Over 200 mennesker blev dræbt.", "200", (200, 200, None, True)),
    ("sv", "Över 200 människor dödades.", "200", (200, 200, None, True)),
]

# Approximate round numbers take their unit, through "de" where the language links a number noun to it.
ROUND_NUMBERS = [
    (
        "fr",
        "Ils vivent à une cinquantaine de kilomètres au nord de la ville.",
        "cinquantaine",
        (50, 50, "km", True),
    ),
    ("fr", "Le camp est à une dizaine de kilomètres de la frontière.", "dizaine", (10, 10, "km", True)),
    ("fr", "Le siège a duré une vingtaine de jours.", "vingtaine", (20, 20, "days", True)),
    ("fr", "La colonne a parcouru une centaine de kilomètres.", "centaine", (100, 100, "km", True)),
    ("es", "El campamento está a una decena de kilómetros de la frontera.", "decena", (10, 10, "km", True)),
    ("es", "El asedio duró una veintena de días.", "veintena", (20, 20, "days", True)),
    ("es", "La columna recorrió una centena de kilómetros.", "centena", (100, 100, "km", True)),
    ("es", "Viven a una cincuentena de kilómetros al norte.", "cincuentena", (50, 50, "km", True)),
    ("sv", "De bor ett femtiotal kilometer norr om staden.", "femtiotal", (50, 50, "km", True)),
    ("sv", "Belägringen varade ett tjugotal dagar.", "tjugotal", (20, 20, "days", True)),
    ("nb", "De bor et femtitall kilometer nord for byen.", "femtitall", (50, 50, "km", True)),
    ("nb", "Beleiringen varte et titall dager.", "titall", (10, 10, "days", True)),
    ("da", "Lejren ligger en snes kilometer fra grænsen.", "snes", (20, 20, "km", False)),
    (
        "de",
        "Das Lager liegt ein Dutzend Kilometer von der Grenze entfernt.",
        "Dutzend",
        (12, 12, "km", False),
    ),
    ("en", "The camp lies about a dozen kilometres from the border.", "dozen", (12, 12, "km", True)),
    # Indefinite number nouns take their unit the same way: dozens = 24 to 99, tens ("dizaines") = 20 to 99.
    ("en", "The front moved dozens of kilometres east.", "dozens", (24, 99, "km", False)),
    ("fr", "Le front a avancé de plusieurs dizaines de kilomètres.", "dizaines", (20, 99, "km", False)),
    ("es", "El frente avanzó decenas de kilómetros.", "decenas", (20, 99, "km", False)),
]

# Weeks are not a unit of the schema: they are read as days (weeks * 7); the mention keeps the text as written.
WEEKS = [
    ("sv", "Under de tre veckorna flydde tusentals.", "veckorna", (21, 21, "days", False)),
    ("sv", "Striderna pågick i tre veckor.", "veckor", (21, 21, "days", False)),
    ("nb", "Kampene varte i tre uker.", "uker", (21, 21, "days", False)),
    ("da", "Kampene varede i tre uger.", "uger", (21, 21, "days", False)),
    ("de", "Die Kämpfe dauerten drei Wochen.", "Wochen", (21, 21, "days", False)),
    ("en", "The fighting lasted three weeks.", "weeks", (21, 21, "days", False)),
    ("fr", "Les combats ont duré trois semaines.", "semaines", (21, 21, "days", False)),
    ("es", "Los combates duraron tres semanas.", "semanas", (21, 21, "days", False)),
    ("en", "The siege lasted about 2 weeks.", "weeks", (14, 14, "days", True)),
]

# Indefinite billions ("in die Milliarden gehen") are vague like thousands: 2e9 to just under 1e10.
BILLIONS = [
    ("de", "Die Schäden gehen in die Milliarden.", "Milliarden", (2e9, 9_999_999_999, None, False)),
    ("en", "The damage runs into the billions.", "billions", (2e9, 9_999_999_999, None, False)),
    ("sv", "Skadorna går på miljarder.", "miljarder", (2e9, 9_999_999_999, None, False)),
    ("nb", "Skadene beløper seg til milliarder.", "milliarder", (2e9, 9_999_999_999, None, False)),
    ("da", "Skaderne løber op i milliarder.", "milliarder", (2e9, 9_999_999_999, None, False)),
    ("fr", "Les dégâts se chiffrent en milliards.", "milliards", (2e9, 9_999_999_999, None, False)),
    ("es", "Los daños ascienden a miles de millones.", "millones", (2e9, 9_999_999_999, None, False)),
    ("de", "Die Opferzahlen gehen in die Tausende.", "Tausende", (2000, 9999, None, False)),
]

# A multiplier is the number itself with no unit; the claim layer makes it a ratio.
MULTIPLIERS = [
    ("de", "Das Gebiet ist fünfmal so groß wie Luxemburg.", "fünf", (5, 5, None, False)),
    ("de", "Die Zahl der Flüchtlinge ist zehnfach gestiegen.", "zehn", (10, 10, None, False)),
    ("en", "The area is five times the size of Luxembourg.", "five", (5, 5, None, False)),
    ("en", "Refugee numbers saw a tenfold rise.", "ten", (10, 10, None, False)),
    ("sv", "Området är fem gånger så stort som Luxemburg.", "fem", (5, 5, None, False)),
    ("sv", "Antalet flyktingar har tredubblats.", "tre", (3, 3, None, False)),
    ("nb", "Området er fem ganger så stort som Luxembourg.", "fem", (5, 5, None, False)),
    ("nb", "Antallet flyktninger er firedoblet.", "fire", (4, 4, None, False)),
    ("da", "Området er fem gange så stort som Luxembourg.", "fem", (5, 5, None, False)),
    ("da", "Antallet af flygtninge er firedoblet.", "fire", (4, 4, None, False)),
    ("fr", "La zone est cinq fois plus grande que le Luxembourg.", "cinq", (5, 5, None, False)),
    ("es", "La zona es cinco veces mayor que Luxemburgo.", "cinco", (5, 5, None, False)),
]

# "under N percent" gives 0 to N, approximate (gold README).
LESS_THAN_PERCENT = [
    ("es", "El grupo controla menos del 10 % del país.", "10", (0, 10, "percent", True)),
    ("es", "El grupo controla menos de un 10 % del país.", "10", (0, 10, "percent", True)),
    ("en", "The group holds less than 10 percent of the country.", "10", (0, 10, "percent", True)),
    ("sv", "Gruppen kontrollerar under 10 procent av landet.", "10", (0, 10, "percent", True)),
    ("nb", "Gruppen kontrollerer under 10 prosent av landet.", "10", (0, 10, "percent", True)),
    ("da", "Gruppen kontrollerer under 10 procent af landet.", "10", (0, 10, "percent", True)),
    ("de", "Die Gruppe kontrolliert weniger als 10 Prozent des Landes.", "10", (0, 10, "percent", True)),
    ("fr", "Le groupe contrôle moins de 10 % du pays.", "10", (0, 10, "percent", True)),
    ("es", "El grupo controla más del 60 % del país.", "60", (60, 100, "percent", True)),
]

CASES = (
    MORE_THAN_HALF + BOUND_BEFORE_HEDGE + ROUND_NUMBERS + WEEKS + BILLIONS + MULTIPLIERS + LESS_THAN_PERCENT
)


def _reading(quantity: Quantity) -> Expected:
    return (
        round(quantity.value_low, 2),
        round(quantity.value_high, 2),
        quantity.unit,
        quantity.approximate,
    )


@pytest.mark.parametrize(("language", "text", "word", "expected"), CASES)
def test_reading(language: str, text: str, word: str, expected: Expected) -> None:
    quantities = find_numbers(text, language)
    found = [q for q in quantities if word in q.text]
    assert found, [q.text for q in quantities]
    assert _reading(found[0]) == expected, found[0]


@pytest.mark.parametrize(("language", "text"), [(c[0], c[1]) for c in CASES])
def test_mention_is_the_text_as_written(language: str, text: str) -> None:
    for quantity in find_numbers(text, language):
        assert text[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize(
    ("language", "text", "mention"),
    [
        ("sv", "Striderna pågick i tre veckor.", "tre veckor"),
        ("de", "Das Gebiet ist fünfmal so groß wie Luxemburg.", "fünfmal"),
        ("en", "Refugee numbers saw a tenfold rise.", "tenfold"),
        ("da", "For tre år siden rådede gruppen over omkring halvdelen af Syrien.", "omkring halvdelen"),
        ("fr", "Le camp est à une dizaine de kilomètres de la frontière.", "une dizaine de kilomètres"),
        ("es", "El grupo controla menos del 10 % del país.", "menos del 10 %"),
    ],
)
def test_mention_span(language: str, text: str, mention: str) -> None:
    assert mention in [q.text for q in find_numbers(text, language)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # A link word joins only a number noun to its unit: "10 de kilómetros" is no distance.
        ("es", "Llegaron 10 de kilómetros lejanos."),
        # An article before a number that is no share ends the modifier's reach.
        ("de", "Es kamen mehr als die 200 Kämpfer vom Vorjahr."),
    ],
)
def test_no_unit_or_bound_across_a_link(language: str, text: str) -> None:
    quantity = next(q for q in find_numbers(text, language) if q.value_low in (10, 200))
    assert quantity.unit is None
    assert not quantity.approximate


@pytest.mark.parametrize(
    ("language", "text"),
    [("de", "Er kam einmal, es war ganz einfach."), ("de", "Die Sache ist nicht einfach.")],
)
def test_article_with_a_multiplicative_suffix_is_no_number(language: str, text: str) -> None:
    assert find_numbers(text, language) == []
