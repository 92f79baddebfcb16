"""Property-based tests of the number layer: written numbers read back, and no text makes it fail."""

from __future__ import annotations

import re
import string
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.domain import LANGUAGES
from factcheck.extract.numbers import find_numbers

GROUP_SEPARATORS = {
    "en": [",", " ", "\u202f", "\u00a0"],
    "sv": [" ", "\u00a0", "\u202f", "\u2009"],
    "nb": [" ", "\u00a0", "\u202f"],
    "da": [".", " ", "\u00a0"],
    "de": [".", " ", "\u202f"],
    "fr": [" ", "\u202f", "\u00a0"],
    "es": [".", " ", "\u00a0"],
}
DECIMAL = {"en": "."} | {lang: "," for lang in ("sv", "nb", "da", "de", "fr", "es")}

# Number words written the way each language writes them, built independently of the lexicons' grammar.
ONES = {
    "en": ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
    "sv": ["", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio"],
    "de": ["", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"],
    "es": ["", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"],
}
TENS = {
    "en": ["", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"],
    "sv": ["", "tio", "tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio"],
    "de": [
        "",
        "zehn",
        "zwanzig",
        "dreißig",
        "vierzig",
        "fünfzig",
        "sechzig",
        "siebzig",
        "achtzig",
        "neunzig",
    ],
    "es": [
        "",
        "diez",
        "veinte",
        "treinta",
        "cuarenta",
        "cincuenta",
        "sesenta",
        "setenta",
        "ochenta",
        "noventa",
    ],
}


def _group(value: int, separator: str) -> str:
    digits = str(value)
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(parts)


def _words_under_100(language: str, n: int) -> str:
    tens, ones = divmod(n, 10)
    if n == 0 or (10 < n < 20):
        raise ValueError(n)
    if tens == 0:
        return ONES[language][ones]
    if ones == 0:
        return TENS[language][tens]
    if language == "en":
        return f"{TENS['en'][tens]}-{ONES['en'][ones]}"
    if language == "sv":
        return TENS["sv"][tens] + ("en" if ones == 1 else ONES["sv"][ones])
    if language == "de":
        return f"{ONES['de'][ones]}und{TENS['de'][tens]}"
    if tens == 2:
        raise ValueError(n)  # Spanish writes 21..29 as one word ("veinticinco")
    return f"{TENS['es'][tens]} y {'un' if ones == 1 else ONES['es'][ones]}"


words_under_100 = st.integers(min_value=1, max_value=99).filter(lambda n: not 10 < n < 20 and not 20 < n < 30)


@given(
    language=st.sampled_from(sorted(GROUP_SEPARATORS)),
    value=st.integers(min_value=1000, max_value=10**12),
    data=st.data(),
)
def test_grouped_digits_read_back(language: str, value: int, data: st.DataObject) -> None:
    separator = data.draw(st.sampled_from(GROUP_SEPARATORS[language]))
    written = _group(value, separator)
    [q] = find_numbers(f"x {written} y", language, skip_dates=False)
    assert q.text == written
    assert q.value_low == q.value_high == value


@given(
    language=st.sampled_from(sorted(DECIMAL)),
    whole=st.integers(min_value=0, max_value=999),
    fraction=st.integers(min_value=1, max_value=99),
)
def test_decimals_read_back(language: str, whole: int, fraction: int) -> None:
    written = f"{whole}{DECIMAL[language]}{fraction:02d}"
    [q] = find_numbers(f"x {written} y", language, skip_dates=False)
    assert q.value_low == pytest.approx(whole + fraction / 100)


@given(language=st.sampled_from(sorted(ONES)), n=words_under_100)
def test_number_words_read_back(language: str, n: int) -> None:
    written = _words_under_100(language, n)
    found = find_numbers(f"x {written} y", language)
    if written in {"ett", "ein", "uno"}:
        return  # the indefinite article alone is not a number
    assert [q.value_low for q in found] == [n], (written, found)


@given(
    language=st.sampled_from(sorted(ONES)),
    hundreds=st.integers(min_value=2, max_value=9),
    rest=words_under_100,
)
def test_number_words_with_hundreds_and_thousands(language: str, hundreds: int, rest: int) -> None:
    hundred = {"en": " hundred ", "sv": "hundra", "de": "hundert", "es": ""}[language]
    thousand = {"en": " thousand", "sv": "tusen", "de": "tausend", "es": " mil"}[language]
    if language == "es":
        head = [
            "",
            "ciento",
            "doscientos",
            "trescientos",
            "cuatrocientos",
            "quinientos",
            "seiscientos",
            "setecientos",
            "ochocientos",
            "novecientos",
        ][hundreds] + " "
    else:
        head = ONES[language][hundreds] + hundred
    written = head + _words_under_100(language, rest) + thousand
    found = find_numbers(f"x {written} y", language)
    assert [q.value_low for q in found] == [(hundreds * 100 + rest) * 1000], (written, found)


RANGE_WORDS = {
    "sv": ("mellan", "och"),
    "nb": ("mellom", "og"),
    "da": ("mellem", "og"),
    "en": ("between", "and"),
    "de": ("zwischen", "und"),
    "fr": ("entre", "et"),
    "es": ("entre", "y"),
}


@given(
    language=st.sampled_from(sorted(RANGE_WORDS)),
    low=st.integers(min_value=1, max_value=10**6),
    span=st.integers(min_value=1, max_value=10**6),
    dash=st.booleans(),
)
def test_ranges_read_back(language: str, low: int, span: int, dash: bool) -> None:
    high = low + span
    separator = GROUP_SEPARATORS[language][0]
    a, b = _group(low, separator), _group(high, separator)
    opening, closing = RANGE_WORDS[language]
    written = f"{a}\u2013{b}" if dash else f"{opening} {a} {closing} {b}"
    found = find_numbers(f"x {written} y", language, skip_dates=False)
    assert [(q.text, q.value_low, q.value_high) for q in found] == [(written, low, high)]


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=200)
@given(language=st.sampled_from(LANGUAGES), text=st.text())
def test_never_raises_on_arbitrary_text(language: str, text: str) -> None:
    for q in find_numbers(text, language, skip_dates=False):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.value_low <= q.value_high


_ALPHABET = st.sampled_from(
    [*list("0123456789 ,.-–%\u202f\xa0"), "tusen", "hundred", "mil", "och", "and", "half", "en"]
)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=200)
@given(language=st.sampled_from(LANGUAGES), parts=st.lists(_ALPHABET, max_size=60))
def test_never_raises_on_number_like_text(language: str, parts: list[str]) -> None:
    text = "".join(parts)
    for q in find_numbers(text, language):
        assert text[q.start : q.end] == q.text


@pytest.mark.slow
@pytest.mark.parametrize(
    "pattern",
    ["1 ", "0,0", "9", "1–", "tusen och ", "mellan 1 och "],
)
def test_one_megabyte_of_pathological_input_finishes(pattern: str) -> None:
    text = pattern * (1_000_000 // len(pattern))
    began = time.perf_counter()
    find_numbers(text, "sv")
    # A generous sanity bound, not a speed target (those live in benchmarks/).
    assert time.perf_counter() - began < 60


def _ascii_words(language: str) -> list[str]:
    from factcheck.extract.numbers.lexicon import load_lexicon

    lexicon = load_lexicon(language)
    words = [*lexicon.morphemes, *lexicon.modifiers, *lexicon.units, *lexicon.word_joiners]
    return sorted({word for word in words if word.isascii()})


def _every_span(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [
        tuple(match.span(group) for group in range(pattern.groups + 1)) for match in pattern.finditer(text)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_ascii_text_is_scanned_alike_in_its_lower_case(language: str, data: st.DataObject) -> None:
    """The fast path for ASCII text (lexicon.ascii_variant on the lower case) finds the number words and
    modifiers the case-insensitive patterns find in the text itself, with every group at the same offsets."""
    from factcheck.extract.numbers.lexicon import ascii_variant, load_lexicon

    lexicon = load_lexicon(language)
    assert lexicon.ascii_lower_safe  # every supported lexicon takes the fast path; a new one must be checked
    pieces = st.one_of(
        st.sampled_from(_ascii_words(language)),
        st.text(alphabet=string.ascii_letters + string.digits + " .,;:-'()%\n", max_size=6),
    )
    words = data.draw(st.lists(pieces, max_size=12))
    separators = data.draw(st.lists(st.sampled_from([" ", "  ", "-", ", ", "\n", ""]), min_size=len(words),
                                    max_size=len(words)))  # fmt: skip
    text = "".join(word + separator for word, separator in zip(words, separators, strict=True))
    flips = data.draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    text = "".join(char.upper() if flip else char for char, flip in zip(text, flips, strict=True))
    for pattern in (lexicon.word_scanner, lexicon.modifier_re):
        assert _every_span(ascii_variant(pattern), text.lower()) == _every_span(pattern, text)
