"""Values as ranges with tolerances, so that loose and hedged figures can be compared fairly.

A claim's written value is widened before comparison: an exact figure by its rounding (a round
"2,000" is looser than "2,347"), an approximate one ("about", "more than") by a wider margin, a vague
one ("thousands") a little beyond the range its convention already gives. Two claims agree when
their widened ranges overlap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Units measured on one scale: durations compare in years whichever unit the report used.
UNIT_SCALES: dict[str, tuple[str, float]] = {
    "years": ("years", 1.0),
    "months": ("years", 1.0 / 12.0),
    "days": ("years", 1.0 / 365.25),
}
POINT_UNITS = frozenset({"percent"})  # shares: tolerances in percentage points, not relative


@dataclass(frozen=True, slots=True)
class Tolerances:
    exact_relative: float = 0.02  # an unhedged figure may still be rounded this much
    rounding_share: float = 0.25  # of the place value of the last non-zero digit (2,000 -> 250)
    rounding_cap: float = 0.10  # ... but never more than this share of the value
    approximate_relative: float = 0.15  # "about", "more than", "anslagsvis"
    vague_relative: float = 0.10  # beyond the fixed range a vague word already spans
    exact_points: float = 0.5  # percentage points for an unhedged share (33.3 vs 33.33)
    approximate_points: float = 3.0  # percentage points for a hedged share


DEFAULT_TOLERANCES = Tolerances()


def unit_scale(unit: str) -> tuple[str, float]:
    """The unit family a value is compared in, and the factor that converts into it."""
    return UNIT_SCALES.get(unit, (unit, 1.0))


def rounding_place(value: float) -> float:
    """Place value of the last non-zero digit: 2000 -> 1000, 2500 -> 100, 37 -> 1, 33.3 -> 0.1."""
    value = abs(value)
    if value == 0:
        return 1.0
    if value != math.floor(value):
        for decimals in range(1, 7):
            if abs(round(value, decimals) - value) < 1e-9:
                return 10.0**-decimals
        return 1e-6
    place = 1.0
    while value % (place * 10) == 0:
        place *= 10
    return place


def tolerance(value: float, *, approximate: bool, vague: bool, points: bool, tol: Tolerances) -> float:
    """How far one end of a written value may be from the truth and still be honest."""
    if points:
        return tol.approximate_points if approximate or vague else tol.exact_points
    magnitude = abs(value)
    rounding = min(tol.rounding_share * rounding_place(value), tol.rounding_cap * magnitude)
    margin = max(tol.exact_relative * magnitude, rounding)
    if vague:
        margin = max(margin, tol.vague_relative * magnitude)
    if approximate:
        margin = max(margin, tol.approximate_relative * magnitude)
    return margin


def widened(
    low: float,
    high: float,
    *,
    approximate: bool,
    vague: bool,
    unit: str,
    tol: Tolerances = DEFAULT_TOLERANCES,
) -> tuple[float, float]:
    """The range of true values a claim is consistent with, in the written unit."""
    points = unit in POINT_UNITS
    low, high = min(low, high), max(low, high)
    lo = low - tolerance(low, approximate=approximate, vague=vague, points=points, tol=tol)
    hi = high + tolerance(high, approximate=approximate, vague=vague, points=points, tol=tol)
    if points:
        lo, hi = max(lo, 0.0), min(hi, 100.0)
    return lo, hi


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def separation(a_low: float, a_high: float, b_low: float, b_high: float) -> float:
    """How far apart two written ranges are, relative to their size (0 when they touch)."""
    gap = max(b_low - a_high, a_low - b_high, 0.0)
    scale = max(abs(a_high), abs(b_high), abs(a_low), abs(b_low), 1e-9)
    return gap / scale


def format_number(value: float) -> str:
    """2000 -> "2,000"; 33.3 -> "33.3"; 0.0833 -> "0.083"."""
    if value == math.floor(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


UNIT_WORDS: dict[str, str] = {
    "percent": "percent",
    "km": "km",
    "km2": "square km",
    "years": "years",
    "months": "months",
    "days": "days",
    "towns": "towns",
}


def describe(low: float, high: float, unit: str, *, approximate: bool = False, vague: bool = False) -> str:
    """A value as an editor reads it: "about 2,000", "2,500 to 3,500", "37 percent"."""
    number = format_number(low) if low == high else f"{format_number(low)} to {format_number(high)}"
    if vague:
        number = f"roughly {number}"
    elif approximate:
        number = f"about {number}"
    word = UNIT_WORDS.get(unit)
    return f"{number} {word}" if word else number
