"""The working record of the number layer: one number mention while it is being assembled."""

from __future__ import annotations

from dataclasses import dataclass

DIGITS = "digits"
WORDS = "words"


@dataclass(slots=True)
class Atom:
    start: int
    end: int
    low: float
    high: float
    source: str  # DIGITS or WORDS
    unit: str | None = None
    approximate: bool = False
    vague: bool = False
    multiplier: float = 1.0  # the largest multiplier word or abbreviation applied ("miljoner", "bn")
    grouped: bool = False  # digits written with a thousands separator or a decimal part
    date: bool = False  # a date, a year used as a date, a time or a code
    negated: bool = False
    bound: str | None = None  # "more" or "less" when a bound was written ("more than 20", "300 or less")
    # Ends in a number noun ("une dizaine", "millones", "dozens") that takes its unit through a link word
    # ("une dizaine de kilomètres", "dozens of miles").
    noun: bool = False
