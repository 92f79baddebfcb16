"""The working record of the number layer: one number mention while it is being assembled."""

from __future__ import annotations

from dataclasses import dataclass

DIGITS = "digits"
WORDS = "words"


@dataclass(slots=True, init=False)  # __init__ written out: mypyc compiles it, not dataclass's generated one
class Atom:
    start: int
    end: int
    low: float
    high: float
    source: str  # DIGITS or WORDS
    unit: str | None
    approximate: bool
    vague: bool
    multiplier: float  # the largest multiplier word or abbreviation applied ("miljoner", "bn")
    grouped: bool  # digits written with a thousands separator or a decimal part
    date: bool  # a date, a year used as a date, a time or a code
    negated: bool
    bound: str | None  # "more" or "less" when a bound was written ("more than 20", "300 or less")
    # Ends in a number noun ("une dizaine", "millones", "dozens") that takes its unit through a link word
    # ("une dizaine de kilomètres", "dozens of miles").
    noun: bool

    def __init__(
        self,
        start: int,
        end: int,
        low: float,
        high: float,
        source: str,
        unit: str | None = None,
        approximate: bool = False,
        vague: bool = False,
        multiplier: float = 1.0,
        grouped: bool = False,
        date: bool = False,
        negated: bool = False,
        bound: str | None = None,
        noun: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.low = low
        self.high = high
        self.source = source
        self.unit = unit
        self.approximate = approximate
        self.vague = vague
        self.multiplier = multiplier
        self.grouped = grouped
        self.date = date
        self.negated = negated
        self.bound = bound
        self.noun = noun
