"""Ranges with tolerances, and dates as spans: the numeric edges of agreement."""

from __future__ import annotations

import pytest

from factcheck.compare.quantity import describe, overlaps, rounding_place, widened
from factcheck.compare.timing import gap_days
from factcheck.dates import day_span


def agree(
    a: tuple[float, float, bool, bool], b: tuple[float, float, bool, bool], unit: str = "persons"
) -> bool:
    return overlaps(
        widened(a[0], a[1], approximate=a[2], vague=a[3], unit=unit),
        widened(b[0], b[1], approximate=b[2], vague=b[3], unit=unit),
    )


@pytest.mark.parametrize(
    ("value", "place"), [(2000, 1000), (2500, 100), (37, 1), (33.3, 0.1), (0, 1), (120000, 10000)]
)
def test_rounding_place(value: float, place: float) -> None:
    assert rounding_place(value) == pytest.approx(place)


def test_round_figure_is_looser_than_precise_one() -> None:
    assert agree((2000, 2000, False, False), (2150, 2150, False, False))  # 2,000 is rounded to the thousand
    assert not agree((2347, 2347, False, False), (2500, 2500, False, False))
    assert not agree((2000, 2000, False, False), (2300, 2300, False, False))


def test_hedge_widens_the_range() -> None:
    assert agree((2000, 2000, True, False), (2300, 2300, False, False))  # "about 2,000" vs 2,300
    assert not agree((2000, 2000, True, False), (3000, 3000, False, False))


def test_vague_words_keep_their_wide_range() -> None:
    thousands = (2000, 9999, False, True)
    assert agree(thousands, (5000, 5000, False, False))
    assert not agree(thousands, (25000, 25000, False, False))


def test_ranges_that_do_not_overlap_disagree() -> None:
    assert not agree((2500, 3500, False, False), (5000, 10000, False, False))
    assert agree((2500, 3500, False, False), (3400, 4000, False, False))


def test_shares_use_percentage_points() -> None:
    assert agree((37, 37, False, False), (37.5, 37.5, False, False), unit="percent")
    assert agree((33.3, 33.3, False, False), (33.33, 33.33, False, False), unit="percent")
    assert not agree((37, 37, False, False), (39, 39, False, False), unit="percent")
    assert agree((10, 10, True, False), (12, 12, False, False), unit="percent")  # "cirka 10 procent"
    assert not agree((50, 50, True, False), (45, 45, False, False), unit="percent")
    assert widened(96, 100, approximate=True, vague=False, unit="percent")[1] == 100.0


def test_describe_reads_like_an_editor_writes() -> None:
    assert describe(2500, 3500, "persons") == "2,500 to 3,500"
    assert describe(2000, 2000, "persons", approximate=True) == "about 2,000"
    assert describe(37, 37, "percent") == "37 percent"


def test_dates_are_spans_of_their_precision() -> None:
    year, month, day = day_span("2017"), day_span("2017-09"), day_span("2017-09-02")
    assert year and month and day
    assert year[1] - year[0] == 364 and month[1] - month[0] == 29 and day[0] == day[1]
    assert gap_days(*month, *day) == 0
    august = day_span("2017-08")
    assert august and gap_days(*august, *day_span("2017-11")) == 62  # type: ignore[misc]
    assert day_span("someday") is None and day_span(None) is None
