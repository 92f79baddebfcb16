"""Spans of text where digits are a calendar date, a year used as a date, a time of day or a code.

Such digits are not amounts: "i 2014", "Aug. 18", "2. november", "2017-09-02", "20:12:54", tracking numbers.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.extract.numbers.lexicon import load_lexicon
from factcheck.extract.numbers.patterns import NO_LETTER_AFTER, NO_LETTER_BEFORE, SPACES

YEAR_MIN = 1800
YEAR_MAX = 2100

_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"


@cache
def _date_re(language: str) -> re.Pattern[str]:
    lexicon = load_lexicon(language)
    month = f"{NO_LETTER_BEFORE}(?:{lexicon.months_re}){NO_LETTER_AFTER}\\.?"
    cue = f"{NO_LETTER_BEFORE}(?:{lexicon.year_cues_re}){SPACES}+"
    time_cue = f"{NO_LETTER_BEFORE}(?:{lexicon.time_cues_re}){SPACES}*"
    day_suffix = r"(?:\.|st|nd|rd|th|er|e|º|:e|:a)?"
    parts = [
        # 2017-09-02, 02.09.2017, 2/9/2017, 9/2, 2017/18
        r"(?<![\d.,])\d{4}-\d{1,2}-\d{1,2}(?!\d)",
        r"(?<![\d.,])\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?![\d])",
        r"(?<![\d.,/])\d{1,2}/\d{1,2}(?![\d/])",
        r"(?<![\d.,])(?:19|20)\d\d/\d\d(?!\d)",
        # 20:12, 20:12:54, kl. 20.30
        r"(?<![\d.,:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])",
        rf"{time_cue}\d{{1,2}}[.:h]\d{{2}}(?:[.:]\d{{2}})?(?!\d)",
        # 2. november, 18 August 2017, el 2 de noviembre de 2017, 1er novembre
        rf"(?<![\d.,]){_DAY}{day_suffix}{SPACES}*(?:(?:de|of){SPACES}+)?{month}(?:,?{SPACES}*(?:de{SPACES}+)?{_YEAR}(?!\d))?",
        # Aug. 18, 2017 / November 2 / mars 2017 / Mai 2014
        rf"{month}{SPACES}*(?:(?:de|del){SPACES}+)?(?:{_DAY}(?:st|nd|rd|th)?(?![\d.,]\d)(?:,?{SPACES}*{_YEAR}(?!\d))?|{_YEAR}(?!\d))",
        # 2014-2017, 2014–15, 1990s, 1990-talet, the '90s
        rf"(?<![\d.,]){_YEAR}{SPACES}*[\-\u2010\u2011\u2013\u2014/]{SPACES}*(?:{_YEAR}|\d\d)(?![\d.,]\d)",
        rf"(?<![\d.,]){_YEAR}(?:'?s|-?tal(?:et|let)?|er(?:-?jahren?)?|-luvulla){NO_LETTER_AFTER}",
        rf"\(\s*{_YEAR}\s*\)",
    ]
    # "i 2014", "in 2014", "seit 2015": the cue itself stays outside the span.
    cue_year = rf"(?:{cue})(?P<y>{_YEAR})(?![\d.,]\d)(?!{SPACES}*%)"
    return re.compile("|".join([*parts, cue_year]), re.IGNORECASE)


_CODE_RE = re.compile(
    # Long unbroken digit strings (tracking and phone numbers), digits glued to letters ("A320", "G20"),
    # and numbers with a leading zero ("0701234567", "007").
    r"\d{10,}|(?<=[^\W\d_])\d+|(?<!\d[ \u00a0\u202f\u2009.,'])(?<![\d.,])0\d+(?![.,]\d)"
)


_WINDOW = 40


def date_spans(text: str, language: str, near: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) spans of dates, years used as dates, times and codes in ``text``.

    With ``near`` (spans of digit numbers), only the text around them is searched: dates always hold
    digits, and a date is shorter than the window, so the answer for those numbers is the same, faster.
    """
    date_re = _date_re(language)
    spans: list[tuple[int, int]] = []
    if near is None:
        windows = [(0, len(text))]
    else:
        windows = []
        for start, end in near:
            low, high = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
            if windows and low <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], high))
            else:
                windows.append((low, high))
    for low, high in windows:
        for match in date_re.finditer(text, low, high):
            spans.append(match.span("y") if match.group("y") is not None else match.span())
        spans.extend(m.span() for m in _CODE_RE.finditer(text, low, high))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def is_date_like(text: str, language: str) -> bool:
    """True when the whole of ``text`` (a short snippet) is a date, a year used as a date, a time or a code."""
    stripped = text.strip()
    if not stripped:
        return False
    offset = text.index(stripped)
    return any(s <= offset and e >= offset + len(stripped) for s, e in date_spans(text, language))
