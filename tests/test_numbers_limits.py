"""Limits that keep the number layer linear on pathological text, and the cheap pre-checks that must agree
with the regexes they spare."""

from __future__ import annotations

import gc

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.domain import LANGUAGES
from factcheck.extract.numbers import find_numbers
from factcheck.extract.numbers.dates import _patterns
from factcheck.extract.numbers.lexicon import load_lexicon
from factcheck.extract.numbers.patterns import can_end


def test_five_thousands_groups_are_read_six_are_not() -> None:
    assert [q.value_low for q in find_numbers("1 000 000 000 000 000 people", "sv")] == [1e15]
    assert [q.value_low for q in find_numbers("1,000,000,000,000,000 people", "en")] == [1e15]
    assert find_numbers("1 000 000 000 000 000 000 people", "sv") == []
    assert find_numbers("1.000.000.000.000.000.000,5 Menschen", "de") == []


def test_a_word_longer_than_any_number_word_is_no_number() -> None:
    assert find_numbers("tio" * 30 + " kronor", "sv") == []
    assert find_numbers("a" * 200, "en") == []
    assert [q.value_low for q in find_numbers("a" * 200 + " five", "en")] == [5.0]
    assert [q.value_low for q in find_numbers("tiotio kronor", "sv")] == [10.0, 10.0]


def test_the_collector_runs_again_after_a_large_text() -> None:
    assert gc.isenabled()
    find_numbers("1 " * 100_000, "en")
    assert gc.isenabled()


_PIECES = st.sampled_from(
    [
        *[
            "1",
            "2014",
            " ",
            "  ",
            "\u00a0",
            "\t",
            "\n",
            ".",
            ",",
            "-",
            "(",
            "'",
            "’",
            ">",
            "<",
            "=",
            "≥",
            "a",
        ],
        *[
            "ca.",
            "kl.",
            "Aug.",
            "mid-",
            "mi-",
            "approx.",
            "about",
            "cirka",
            "plus d'",
            "die",
            "de",
            "i",
            "in",
        ],
        *[
            "mehr als",
            "more than",
            "fr.o.m.",
            "t.o.m.",
            "up to",
            "environ",
            "ungefär",
            "etwa",
            "<=",
            "= <",
            "K",
        ],
    ]
)


@settings(max_examples=400, deadline=None)
@given(head=st.lists(_PIECES, max_size=8).map("".join), language=st.sampled_from(LANGUAGES))
def test_can_end_never_rules_out_a_match(head: str, language: str) -> None:
    """Where ``can_end`` says no phrase ends before a number, the regexes it spares find none either."""
    text = head + "5"
    position = len(head)
    lexicon = load_lexicon(language)
    floor = max(0, position - lexicon.modifier_reach)
    if lexicon.modifier_re.search(text, floor, position) is not None:
        assert can_end(text, position, floor, lexicon.modifier_marks)
    patterns = _patterns(language)
    floor = max(0, position - 40)
    if patterns.lead.search(text, floor, position) is not None:
        assert can_end(text, position, floor, patterns.lead_marks)
