"""The public test suites of two other projects, run through the number layer.

- Microsoft Recognizers-Text: Specs/Number/<Language>/{NumberModel,PercentModel,NumberRangeModel}.json
- quantulum3: tests/quantities.json (English)

For each suite and language the share of expected values that find_numbers also finds is reported (run with
``-s`` to see the table) and held to a floor. Where a suite's convention differs from ours, the case or the
expected value is skipped by a rule below, never by case number:

- ordinals are not amounts;
- IP addresses are codes, not numbers;
- exponent notation ("1e10", "1.1^23", "2.48×10−5") is not newsroom writing;
- fractions written with a slash or a vulgar-fraction sign ("3/4", "½") are dates or ratios to us;
- ratios spelled out with a division word ("one over three", "1 delat med 3") are left to the claim layer;
- Indian numbering (lakh, crore) and a lone indefinite article read as 1 ("en", "a penny") are not numbers to us;
- quantulum3's bare four-digit years ("1979") are dates to us, and its "1 dozen" is our 12;
- spelled-out fractions other than shares ("two thirds") and mixed numbers with halves and quarters
  ("three and a quarter") are arithmetic ("one hundred thirty fifths", "three twenty-firsts");
- a fraction of a whole is a percentage to us ("two thirds" -> 66.67 percent), so an expected fraction v is
  also found when we return 100 * v percent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from factcheck.domain import Quantity
from factcheck.extract.numbers import find_numbers
from factcheck.extract.numbers.lexicon import ART, load_lexicon

PEER = Path(__file__).resolve().parents[1].parent / "shared" / "peer"
RECOGNIZERS = PEER / "recognizers-text" / "Specs" / "Number"
QUANTULUM = PEER / "quantulum3" / "tests" / "quantities.json"

LANGUAGES = {"English": "en", "Swedish": "sv", "German": "de", "French": "fr", "Spanish": "es"}
FLOORS = {"NumberModel": 0.9, "PercentModel": 0.9, "NumberRangeModel": 0.0}
QUANTULUM_FLOOR = 0.9

pytestmark = pytest.mark.skipif(not PEER.is_dir(), reason="peer suites not present")

_IP = re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b")
_EXPONENT = re.compile(r"\d\s*[eE][+-]?\d|\^|[×x]\s*10|10\s*[−-]\d")
_SLASH_FRACTION = re.compile(r"\d\s*/\s*\d|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]")
_INDIAN = re.compile(r"\b(?:lakh|crore)s?\b|\d,\d\d,\d{3}", re.IGNORECASE)
# Words that name a fraction's denominator ("fifths", "femtedelar", "Drittel", "cinquièmes", "veintiunavos").
_FRACTION_WORDS = {
    "en": r"(?:ths?|firsts?|seconds?|thirds?|halves|quarters?|fourths?)\b",
    "sv": r"(?:del|delar|delarna|dels|kvarts)\b",
    "de": r"(?:tel|halbe[ns]?)\b",
    "fr": r"(?:i[eè]mes?|tiers|quarts?|demie?)\b",
    "es": r"(?:avos?|[eé]sim[oa]s?|tercios?|quint[oa]s?|cuartos?|medios?|octavos?|s[eé]ptimos?|novenos?|d[eé]cimos?)\b",
}
# Halves and quarters: the fractions we read inside mixed numbers ("two and a half", "fem och en kvarts").
_HALF_WORDS = r"(?:half|halv|halvt|demie?|medio|media|halb|quarter|fourth|kvarts?|quart|cuarto|viertel)\b"
# The percent word written before its number ("percent of 10") reads as a share of 10 in news, not 10 %.
_PERCENT_FIRST = re.compile(
    r"^\s*(?:percent|per cent|percents|pourcent|pourcentage|por ciento|procent|prozent)", re.I
)
_RATIO_WORDS = {
    "en": r"\b(?:over|out of|in)\b",
    "sv": r"\b(?:genom|delat med|delat på|av)\b",
    "de": r"\b(?:durch|von|geteilt durch)\b",
    "fr": r"\b(?:sur|divisé par)\b",
    "es": r"\b(?:sobre|entre|de cada|dividido por)\b",
}
_YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d|2100)$")


@dataclass
class Tally:
    expected: int = 0
    found: int = 0
    skipped: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.found / self.expected if self.expected else 1.0


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _value_found(value: float, percent: bool, found: list[Quantity], used: set[tuple[int, int]]) -> bool:
    """An expected value is found at either end of a mention; each end counts once."""
    for index, q in enumerate(found):
        if percent and q.unit != "percent":
            continue
        for end, number in enumerate((q.value_low, q.value_high)):
            if (index, end) in used:
                continue
            hit = _close(number, value)
            if not hit and not percent and q.unit == "percent":
                # Our convention: a fraction of a whole is a percentage.
                hit = _close(number, value * 100)
            if hit:
                used.update({(index, end)} if q.value_low != q.value_high else {(index, 0), (index, 1)})
                return True
    return False


def _articles(language: str) -> set[str]:
    lexicon = load_lexicon(language)
    return {word for word, m in lexicon.morphemes.items() if m.kind == ART}


def _math_fraction(language: str, text: str, value: float | None) -> bool:
    """A spelled-out fraction that is arithmetic rather than a share: we read "two thirds" (a share, k/d with
    k < d <= 10) and whole numbers with halves and quarters ("three and a quarter"), not "one hundred thirty
    fifths" or "three twenty-firsts"."""
    if value is None or not re.search(_FRACTION_WORDS[language], text.lower()):
        return False
    magnitude = abs(value)
    if magnitude < 1:
        return not any(
            _close(magnitude * d, round(magnitude * d)) and round(magnitude * d) >= 1 for d in range(2, 11)
        )
    return not (_close(magnitude * 4, round(magnitude * 4)) and re.search(_HALF_WORDS, text.lower()))


def _skip_result(language: str, text: str, type_name: str, value: float | None = None) -> bool:
    lowered = text.strip().lower()
    return bool(
        type_name == "ordinal"
        or _math_fraction(language, text, value)
        or _PERCENT_FIRST.match(text)
        or _EXPONENT.search(text)
        or _SLASH_FRACTION.search(text)
        or _INDIAN.search(text)
        or re.search(_RATIO_WORDS[language], lowered)
        or lowered in _articles(language)
    )


def _recognizers_cases(folder: str, model: str) -> Iterable[dict]:
    path = RECOGNIZERS / folder / f"{model}.json"
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8-sig"))


def _number(raw: str) -> float | None:
    raw = raw.strip().rstrip("%")
    if not raw or raw == "null":
        return None
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        return None


def score_recognizers(folder: str, model: str) -> Tally:
    language = LANGUAGES[folder]
    tally = Tally()
    for case in _recognizers_cases(folder, model):
        text = case["Input"]
        if _IP.search(text):
            tally.skipped += len(case["Results"])
            continue
        found = find_numbers(text, language, skip_dates=False)
        used: set[tuple[int, int]] = set()
        for result in case["Results"]:
            resolution = result.get("Resolution") or {}
            expected = _number(str(resolution.get("value", ""))) if model != "NumberRangeModel" else None
            if _skip_result(language, result.get("Text", ""), result.get("TypeName", ""), expected):
                tally.skipped += 1
                continue
            raw = str(resolution.get("value", ""))
            if model == "NumberRangeModel":
                ok = _range_found(raw, found, used)
                if ok is None:
                    tally.skipped += 1
                    continue
            else:
                value = _number(raw)
                if value is None:
                    tally.skipped += 1
                    continue
                ok = _value_found(value, model == "PercentModel", found, used)
            tally.expected += 1
            if ok:
                tally.found += 1
            else:
                tally.misses.append(f"{text[:70]!r} -> {result.get('Text')!r} = {raw}")
    return tally


_INTERVAL = re.compile(r"^([\[(])\s*([^,]*?)\s*,\s*([^,]*?)\s*([\])])$")


def _range_found(raw: str, found: list[Quantity], used: set[tuple[int, int]]) -> bool | None:
    """Closed ranges must match both ends; an open bound ("more than 20" = "(20,)") must be approximate."""
    match = _INTERVAL.match(raw.strip())
    if match is None:
        return None
    low = _number(match.group(2))
    high = _number(match.group(3))
    for index, q in enumerate(found):
        if (index, 0) in used:
            continue
        if low is not None and high is not None:
            ok = _close(q.value_low, low) and _close(q.value_high, high)
        elif low is not None:
            ok = q.approximate and _close(q.value_low, low)
        elif high is not None:
            ok = q.approximate and _close(q.value_high, high)
        else:
            return None
        if ok:
            used.update({(index, 0), (index, 1)})
            return True
    return False


def score_quantulum() -> Tally:
    tally = Tally()
    for case in json.loads(QUANTULUM.read_text(encoding="utf-8")):
        text = case["req"]
        found = find_numbers(text, "en", skip_dates=False)
        used: set[int] = set()
        for quantity in case["res"]:
            surface = quantity["surface"]
            value = float(quantity["value"])
            uncertainty = float(quantity.get("uncertainty") or 0.0)
            first_word = surface.strip().split()[0].lower() if surface.strip() else ""
            if (
                _EXPONENT.search(surface)
                or _SLASH_FRACTION.search(surface)
                or _YEAR.match(surface.strip())
                or first_word in ("a", "an")
            ):
                tally.skipped += 1
                continue
            if quantity["unit"] == "dozen":
                value *= 12
            tally.expected += 1
            low, high = value - uncertainty, value + uncertainty
            if _quantulum_found(low, high, quantity["unit"], found, used):
                tally.found += 1
            else:
                tally.misses.append(f"{text[:70]!r} -> {surface!r} = {low}..{high}")
    return tally


_CONVERSIONS = {"mile": 1.609344, "square mile": 2.589988}


def _quantulum_found(low: float, high: float, unit: str, found: list[Quantity], used: set[int]) -> bool:
    factor = _CONVERSIONS.get(unit, 1.0)
    for index, q in enumerate(found):
        if index in used:
            continue
        for scale in {1.0, factor, 100.0}:
            if scale == 100.0 and q.unit != "percent":
                continue
            if _close(q.value_low, low * scale) and _close(q.value_high, high * scale):
                used.add(index)
                return True
    return False


def _report(rows: list[tuple[str, str, Tally]]) -> None:
    print()
    print(f"{'suite':<34}{'language':<10}{'expected':>9}{'found':>7}{'skipped':>9}{'share':>8}")
    for suite, language, tally in rows:
        print(
            f"{suite:<34}{language:<10}{tally.expected:>9}{tally.found:>7}{tally.skipped:>9}{tally.share:>8.3f}"
        )


@pytest.mark.parametrize("model", ["NumberModel", "PercentModel", "NumberRangeModel"])
def test_recognizers_text_specs(model: str) -> None:
    rows = []
    for folder in LANGUAGES:
        if not (RECOGNIZERS / folder / f"{model}.json").exists():
            continue
        rows.append((f"recognizers-text {model}", LANGUAGES[folder], score_recognizers(folder, model)))
    _report(rows)
    for _, language, tally in rows:
        assert tally.expected > 0
        assert tally.share >= FLOORS[model], (language, tally.share, tally.misses[:40])


def test_quantulum3_values() -> None:
    tally = score_quantulum()
    _report([("quantulum3 quantities", "en", tally)])
    assert tally.expected > 50
    assert tally.share >= QUANTULUM_FLOOR, tally.misses
