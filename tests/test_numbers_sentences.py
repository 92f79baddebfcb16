"""Sentences written for the number layer, in all seven languages, covering every form it reads."""

from __future__ import annotations

import pytest

from factcheck.extract.numbers import date_spans, find_numbers, is_date_like

NBSP = "\u00a0"
NNBSP = "\u202f"
THIN = "\u2009"

# (language, sentence, expected mention text, low, high, unit, approximate, vague)
CASES: list[tuple[str, str, str, float, float, str | None, bool, bool]] = [
    # Swedish
    ("sv", "där 2 000 milismän ännu håller ut", "2 000", 2000, 2000, None, False, False),
    ("sv", f"uppges hålla 25{NBSP}000 civila", f"25{NBSP}000", 25000, 25000, None, False, False),
    ("sv", f"runt 2{NNBSP}000 IS-män kvar", f"runt 2{NNBSP}000", 2000, 2000, None, True, False),
    ("sv", f"cirka 3{THIN}500 soldater", f"cirka 3{THIN}500", 3500, 3500, None, True, False),
    ("sv", "Staden ligger cirka fem mil nordväst om Palmyra", "cirka fem mil", 50, 50, "km", True, False),
    ("sv", "belägrat i tre år", "tre år", 3, 3, "years", False, False),
    (
        "sv",
        "IS kontrollerade en tredjedel av landet",
        "en tredjedel",
        100 / 3,
        100 / 3,
        "percent",
        False,
        False,
    ),
    ("sv", "från att ha kontrollerat halva landet", "halva", 50, 50, "percent", False, False),
    ("sv", "stängde in hundratusentals människor", "hundratusentals", 200000, 999999, None, False, True),
    ("sv", "tusentals flydde", "tusentals", 2000, 9999, None, False, True),
    ("sv", "dussintals byar", "dussintals", 24, 99, None, False, True),
    (
        "sv",
        "mellan 5 000 och 10 000 till antalet",
        "mellan 5 000 och 10 000",
        5000,
        10000,
        None,
        False,
        False,
    ),
    ("sv", "1,5 miljoner människor", "1,5 miljoner", 1_500_000, 1_500_000, None, False, False),
    ("sv", "tjugofem soldater", "tjugofem", 25, 25, None, False, False),
    ("sv", "tvåhundrafemtiotusen invånare", "tvåhundrafemtiotusen", 250000, 250000, None, False, False),
    ("sv", "regimen har nu ca 50 procent av Syrien", "ca 50 procent", 50, 50, "percent", True, False),
    ("sv", "drygt 40 procent", "drygt 40 procent", 40, 40, "percent", True, False),
    ("sv", "mer än 96 procent av området", "mer än 96 procent", 96, 100, "percent", True, False),
    ("sv", "under 10 procent", "under 10 procent", 0, 10, "percent", True, False),
    ("sv", "minst 300 döda", "minst 300", 300, 300, None, True, False),
    ("sv", "upp till 400 krigare", "upp till 400", 400, 400, None, True, False),
    ("sv", "anslagsvis 37 procent", "anslagsvis 37 procent", 37, 37, "percent", True, False),
    ("sv", "ett område på 2 000 kvadratkilometer", "2 000 kvadratkilometer", 2000, 2000, "km2", False, False),
    ("sv", "ett tjugotal byar", "ett tjugotal", 20, 20, None, True, False),
    ("sv", "i sex månader", "sex månader", 6, 6, "months", False, False),
    ("sv", "5–10 procent", "5–10 procent", 5, 10, "percent", False, False),
    # Norwegian bokmål
    ("nb", "mellom 2500 og 3500 IS-krigere", "mellom 2500 og 3500", 2500, 3500, None, False, False),
    ("nb", "kontrollerer nå anslagsvis 37 prosent", "anslagsvis 37 prosent", 37, 37, "percent", True, False),
    ("nb", "IS har mistet mer enn 96 prosent", "mer enn 96 prosent", 96, 100, "percent", True, False),
    ("nb", "tjuefem soldater", "tjuefem", 25, 25, None, False, False),
    ("nb", "to hundre og femti", "to hundre og femti", 250, 250, None, False, False),
    ("nb", "halvparten av landet", "halvparten", 50, 50, "percent", False, False),
    ("nb", "tusenvis av sivile", "tusenvis", 2000, 9999, None, False, True),
    ("nb", "hundretusenvis av mennesker", "hundretusenvis", 200000, 999999, None, False, True),
    ("nb", "rundt 1,5 millioner", "rundt 1,5 millioner", 1_500_000, 1_500_000, None, True, False),
    ("nb", "ti mil unna", "ti mil", 100, 100, "km", False, False),
    ("nb", "i tre dager", "tre dager", 3, 3, "days", False, False),
    ("nb", "opptil 40 prosent", "opptil 40 prosent", 0, 40, "percent", True, False),
    ("nb", "en tredjedel av provinsen", "en tredjedel", 100 / 3, 100 / 3, "percent", False, False),
    # Danish
    ("da", "femogtyve soldater", "femogtyve", 25, 25, None, False, False),
    ("da", "halvtreds mennesker", "halvtreds", 50, 50, None, False, False),
    ("da", "omkring 2.500 krigere", "omkring 2.500", 2500, 2500, None, True, False),
    ("da", "mellem 20 og 30 procent", "mellem 20 og 30 procent", 20, 30, "percent", False, False),
    ("da", "mere end 40 procent", "mere end 40 procent", 40, 100, "percent", True, False),
    ("da", "tusindvis af flygtninge", "tusindvis", 2000, 9999, None, False, True),
    ("da", "halvdelen af byen", "halvdelen", 50, 50, "percent", False, False),
    ("da", "1,5 mio. indbyggere", "1,5 mio.", 1_500_000, 1_500_000, None, False, False),
    ("da", "et område på 500 km²", "500 km²", 500, 500, "km2", False, False),
    ("da", "i syv måneder", "syv måneder", 7, 7, "months", False, False),
    # English
    ("en", "between 2,500 and 3,500 fighters", "between 2,500 and 3,500", 2500, 3500, None, False, False),
    ("en", "2,500–3,500 fighters", "2,500–3,500", 2500, 3500, None, False, False),
    ("en", "about 2,000 square km", "about 2,000 square km", 2000, 2000, "km2", True, False),
    ("en", "seized dozens of hills", "dozens", 24, 99, None, False, True),
    ("en", "captured four other towns", "four", 4, 4, None, False, False),
    ("en", "control of 90 percent of the old quarter", "90 percent", 90, 90, "percent", False, False),
    ("en", "some 1.5 million people", "some 1.5 million", 1_500_000, 1_500_000, None, True, False),
    ("en", "twenty-five fighters", "twenty-five", 25, 25, None, False, False),
    ("en", "two hundred and fifty", "two hundred and fifty", 250, 250, None, False, False),
    ("en", "a third of the country", "a third", 100 / 3, 100 / 3, "percent", False, False),
    ("en", "half the city", "half", 50, 50, "percent", False, False),
    ("en", "hundreds of thousands of people", "hundreds of thousands", 200000, 999999, None, False, True),
    ("en", "tens of thousands fled", "tens of thousands", 20000, 99999, None, False, True),
    ("en", "more than 300 civilians", "more than 300", 300, 300, None, True, False),
    ("en", "nearly 40 per cent", "nearly 40 per cent", 40, 40, "percent", True, False),
    ("en", "at least 12 people", "at least 12", 12, 12, None, True, False),
    ("en", "roughly 10%", "roughly 10%", 10, 10, "percent", True, False),
    ("en", "a three-year siege", "three-year", 3, 3, "years", False, False),
    ("en", "50 km east of Raqqa", "50 km", 50, 50, "km", False, False),
    ("en", "two and a half million", "two and a half million", 2_500_000, 2_500_000, None, False, False),
    ("en", "$2bn in aid", "2bn", 2e9, 2e9, None, False, False),
    ("en", "fewer than 5 percent", "fewer than 5 percent", 0, 5, "percent", True, False),
    # German
    ("de", "fünfundzwanzig Kämpfer", "fünfundzwanzig", 25, 25, None, False, False),
    ("de", "zwei Millionen Menschen", "zwei Millionen", 2_000_000, 2_000_000, None, False, False),
    ("de", "mehr als 2.500 Kämpfer", "mehr als 2.500", 2500, 2500, None, True, False),
    ("de", "rund 1,5 Millionen", "rund 1,5 Millionen", 1_500_000, 1_500_000, None, True, False),
    ("de", "zwischen 20 und 30 Prozent", "zwischen 20 und 30 Prozent", 20, 30, "percent", False, False),
    ("de", "ein Drittel des Landes", "ein Drittel", 100 / 3, 100 / 3, "percent", False, False),
    ("de", "die Hälfte der Stadt", "Hälfte", 50, 50, "percent", False, False),
    ("de", "Tausende flohen", "Tausende", 2000, 9999, None, False, True),
    ("de", "Hunderttausende Menschen", "Hunderttausende", 200000, 999999, None, False, True),
    ("de", "etwa 300 Quadratkilometer", "etwa 300 Quadratkilometer", 300, 300, "km2", True, False),
    ("de", "seit drei Jahren", "drei Jahren", 3, 3, "years", False, False),
    ("de", "zweieinhalb Millionen", "zweieinhalb Millionen", 2_500_000, 2_500_000, None, False, False),
    ("de", "bis zu 40 Prozent", "bis zu 40 Prozent", 0, 40, "percent", True, False),
    # French
    ("fr", "vingt-cinq combattants", "vingt-cinq", 25, 25, None, False, False),
    ("fr", "quatre-vingt-dix-sept morts", "quatre-vingt-dix-sept", 97, 97, None, False, False),
    ("fr", "soixante et onze villages", "soixante et onze", 71, 71, None, False, False),
    ("fr", "deux millions de personnes", "deux millions", 2_000_000, 2_000_000, None, False, False),
    ("fr", "un tiers du territoire", "un tiers", 100 / 3, 100 / 3, "percent", False, False),
    ("fr", "la moitié du pays", "moitié", 50, 50, "percent", False, False),
    ("fr", "plus de 2 000 combattants", "plus de 2 000", 2000, 2000, None, True, False),
    ("fr", "entre 20 000 et 50 000", "entre 20 000 et 50 000", 20000, 50000, None, False, False),
    ("fr", "des milliers de civils", "milliers", 2000, 9999, None, False, True),
    ("fr", "environ 37 pour cent", "environ 37 pour cent", 37, 37, "percent", True, False),
    ("fr", "près de 1,5 million", "près de 1,5 million", 1_500_000, 1_500_000, None, True, False),
    ("fr", "une vingtaine de villages", "une vingtaine", 20, 20, None, True, False),
    ("fr", "depuis trois ans", "trois ans", 3, 3, "years", False, False),
    ("fr", "à 40 kilomètres", "40 kilomètres", 40, 40, "km", False, False),
    # Spanish
    ("es", "veinticinco combatientes", "veinticinco", 25, 25, None, False, False),
    ("es", "treinta y cinco muertos", "treinta y cinco", 35, 35, None, False, False),
    ("es", "dos millones de personas", "dos millones", 2_000_000, 2_000_000, None, False, False),
    ("es", "un tercio del país", "un tercio", 100 / 3, 100 / 3, "percent", False, False),
    ("es", "la mitad de la ciudad", "mitad", 50, 50, "percent", False, False),
    ("es", "más de 2.500 combatientes", "más de 2.500", 2500, 2500, None, True, False),
    ("es", "entre 20.000 y 50.000", "entre 20.000 y 50.000", 20000, 50000, None, False, False),
    ("es", "miles de desplazados", "miles", 2000, 9999, None, False, True),
    ("es", "unos 300 soldados", "unos 300", 300, 300, None, True, False),
    ("es", "cerca de 40 por ciento", "cerca de 40 por ciento", 40, 40, "percent", True, False),
    ("es", "alrededor de 1,5 millones", "alrededor de 1,5 millones", 1_500_000, 1_500_000, None, True, False),
    ("es", "doscientos mil habitantes", "doscientos mil", 200000, 200000, None, False, False),
    ("es", "durante tres años", "tres años", 3, 3, "years", False, False),
    ("es", "a 60 kilómetros cuadrados", "60 kilómetros cuadrados", 60, 60, "km2", False, False),
    # Bounds written after the number, and two bounds that make a range
    ("en", "300 or more civilians", "300 or more", 300, 300, None, True, False),
    ("sv", "500 eller färre", "500 eller färre", 500, 500, None, True, False),
    (
        "fr",
        "supérieur à 100 et inférieur à 300",
        "supérieur à 100 et inférieur à 300",
        100,
        300,
        None,
        True,
        False,
    ),
    ("es", "mayor que 10 y menor que 20", "mayor que 10 y menor que 20", 10, 20, None, True, False),
    ("de", "über 20 und unter 30 Prozent", "über 20 und unter 30 Prozent", 20, 30, "percent", True, False),
    ("nb", "mer enn halvparten", "mer enn halvparten", 50, 100, "percent", True, False),
    ("da", "op mod 40 procent", "op mod 40 procent", 0, 40, "percent", True, False),
    ("en", "readings >= 30", ">= 30", 30, 30, None, True, False),
]


@pytest.mark.parametrize(
    ("language", "sentence", "text", "low", "high", "unit", "approximate", "vague"), CASES
)
def test_sentence(
    language: str,
    sentence: str,
    text: str,
    low: float,
    high: float,
    unit: str | None,
    approximate: bool,
    vague: bool,
) -> None:
    found = find_numbers(sentence, language)
    matching = [q for q in found if q.text == text]
    assert matching, (text, found)
    q = matching[0]
    assert sentence[q.start : q.end] == q.text
    assert q.value_low == pytest.approx(low)
    assert q.value_high == pytest.approx(high)
    assert q.unit == unit
    assert q.approximate is approximate
    assert q.vague is vague


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("sv", "IS intog staden i 2014 och förlorade den den 2 november 2017 kl. 20.30."),
        ("nb", "Det skjedde 2. november 2017 klokken 20:12:54."),
        ("da", "Byen faldt i 2014, den 17. oktober 2017."),
        ("en", "The group has held it since 2015; on Aug. 18, 2017 at 20:12:54 the news came."),
        ("en", "Tracking number 010020070750000000000000011103261365773551"),
        ("de", "Am 2. November 2017 um 20:30 Uhr, seit 2014."),
        ("fr", "Le 1er novembre 2017, depuis 2014, à 20h30."),
        ("es", "El 2 de noviembre de 2017, desde 2014."),
        ("en", "Reported on 2017-09-02 and 02.09.2017."),
    ],
)
def test_dates_times_and_codes_are_not_numbers(language: str, sentence: str) -> None:
    assert find_numbers(sentence, language) == []
    assert find_numbers(sentence, language, skip_dates=False)


def test_date_helpers() -> None:
    assert is_date_like("2017-09-02", "en")
    assert is_date_like("20:12:54", "sv")
    assert not is_date_like("2 000", "sv")
    assert date_spans("i 2014 och 2 000 man", "sv") == [(2, 6)]


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("en", "1,500", 1500),
        ("en", "1.5", 1.5),
        ("en", "1,234,567.89", 1234567.89),
        ("sv", "1,5", 1.5),
        ("de", "2.500", 2500),
        ("da", "2.500", 2500),
        ("es", "2.500", 2500),
        ("de", "1.234.567,89", 1234567.89),
        ("fr", f"1{NNBSP}234{NNBSP}567,89", 1234567.89),
        ("nb", "2500", 2500),
    ],
)
def test_separator_conventions(language: str, text: str, value: float) -> None:
    [q] = find_numbers(f"x {text} y", language)
    assert q.value_low == pytest.approx(value)
    assert q.text == text


def test_mentions_are_sorted_and_within_text() -> None:
    text = "Mellan 5 000 och 10 000 krigare, cirka 37 procent och tusentals civila."
    found = find_numbers(text, "sv")
    assert [q.start for q in found] == sorted(q.start for q in found)
    assert [q.text for q in found] == ["Mellan 5 000 och 10 000", "cirka 37 procent", "tusentals"]


@pytest.mark.parametrize("text", ["1 000 000 000 000 000 000 000", "10^400", "9" * 5000, "1e400", ","])
def test_absurd_input_gives_finite_values(text: str) -> None:
    for q in find_numbers(text, "en", skip_dates=False):
        assert q.value_low == q.value_low and abs(q.value_low) != float("inf")
        assert abs(q.value_high) != float("inf")
