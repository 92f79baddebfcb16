"""Spans of text where digits are a calendar date, a year used as a date, a time of day or a code.

Such digits are not amounts: "i 2014", "Aug. 18", "2. november", "2017-09-02", "20:12:54", tracking numbers.

Every date holds digits, so the patterns are tried only where a run of digits starts: those that open with
the digits ("2017-09-02", "2. november") right there, and those that open with a word ("Aug. 18", "i 2014",
"kl. 20.30") where such a word ends just before the digits. Trying the whole pattern at every position of
the text costs several times more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.extract.numbers.lexicon import load_lexicon
from factcheck.extract.numbers.patterns import (
    NO_LETTER_AFTER,
    NO_LETTER_BEFORE,
    SPACE_CHARS_TAB,
    SPACES,
    Marks,
    Tails,
    can_end,
    may_end_in,
)

YEAR_MIN = 1800
YEAR_MAX = 2100

_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
# The longest word part of a date before its digits ("i början av ", "septiembre de ", "klockan ").
_LEAD_WINDOW = 40


@dataclass(frozen=True, slots=True)
class _DatePatterns:
    led_by_digits: re.Pattern[str]  # tried at the start of a digit run
    led_by_words: re.Pattern[str]  # tried where ``lead`` begins
    lead: re.Pattern[str]  # the word part of a date, ending exactly where the digits start
    lead_marks: Marks  # punctuation that may end ``lead`` (see patterns.can_end)
    lead_tails: Tails | None  # the words that may end ``lead`` (see patterns.may_end_in)


@cache
def _patterns(language: str) -> _DatePatterns:
    lexicon = load_lexicon(language)
    month = f"{NO_LETTER_BEFORE}(?:{lexicon.months_re}){NO_LETTER_AFTER}\\.?"
    cue = f"{NO_LETTER_BEFORE}(?:{lexicon.year_cues_re}){SPACES}+"
    time_cue = f"{NO_LETTER_BEFORE}(?:{lexicon.time_cues_re}){SPACES}*"
    month_lead = f"{month}{SPACES}*(?:(?:de|del){SPACES}+)?"
    day_suffix = r"(?:\.|st|nd|rd|th|er|e|º|:e|:a)?"
    by_digits = [
        # 2017-09-02, 02.09.2017, 2/9/2017, 9/2, 2017/18
        r"(?<![\d.,])\d{4}-\d{1,2}-\d{1,2}(?!\d)",
        r"(?<![\d.,])\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?![\d])",
        r"(?<![\d.,/])\d{1,2}/\d{1,2}(?![\d/])",
        r"(?<![\d.,])(?:19|20)\d\d/\d\d(?!\d)",
        # 20:12, 20:12:54
        r"(?<![\d.,:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])",
        # 2. november, 18 August 2017, 2 de noviembre de 2017, 1er novembre
        rf"(?<![\d.,]){_DAY}{day_suffix}{SPACES}*(?:(?:de|of){SPACES}+)?{month}(?:,?{SPACES}*(?:de{SPACES}+)?{_YEAR}(?!\d))?",
        # 2014-2017, 2014–15, 1990s, 1990-talet
        rf"(?<![\d.,]){_YEAR}{SPACES}*[\-\u2010\u2011\u2013\u2014/]{SPACES}*(?:{_YEAR}|\d\d)(?![\d.,]\d)",
        rf"(?<![\d.,]){_YEAR}(?:'?s|-?tal(?:et|let)?|er(?:-?jahren?)?|-luvulla){NO_LETTER_AFTER}",
    ]
    by_words = [
        # kl. 20.30
        rf"{time_cue}\d{{1,2}}[.:h]\d{{2}}(?:[.:]\d{{2}})?(?!\d)",
        # Aug. 18, 2017 / November 2 / mars 2017 / Mai 2014
        rf"{month_lead}(?:{_DAY}(?:st|nd|rd|th)?(?![\d.,]\d)(?:,?{SPACES}*{_YEAR}(?!\d))?|{_YEAR}(?!\d))",
        rf"\(\s*{_YEAR}\s*\)",
        # "i 2014", "in 2014", "seit 2015": the cue itself stays outside the span.
        rf"(?:{cue})(?P<y>{_YEAR})(?![\d.,]\d)(?!{SPACES}*%)",
    ]
    lead = rf"(?:{time_cue}|{month_lead}|{cue}|\(\s*)\Z"
    return _DatePatterns(
        led_by_digits=re.compile("|".join(by_digits), re.IGNORECASE),
        led_by_words=re.compile("|".join(by_words), re.IGNORECASE),
        lead=re.compile(lead, re.IGNORECASE),
        # "Aug." (a month, a letter before the dot), "(2014)".
        lead_marks=lexicon.date_lead_marks | {".": lexicon.date_lead_marks.get(".", frozenset()), "(": None},
        lead_tails=lexicon.date_lead_tails,
    )


_CODE_RE = re.compile(
    # Long unbroken digit strings (tracking and phone numbers), digits glued to letters ("A320", "G20"),
    # and numbers with a leading zero ("0701234567", "007").
    r"\d{10,}|(?<=[^\W\d_])\d+|(?<!\d[ \u00a0\u202f\u2009.,'])(?<![\d.,])0\d+(?![.,]\d)"
)
_DIGIT_RUN = re.compile(r"\d\d*")  # not "\d+": a first character class lets the engine skip ahead

_DIGITS = frozenset("0123456789")
_DIGIT_OR_MARK = _DIGITS | {".", ","}

_WINDOW = 40


def date_spans(text: str, language: str, near: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) spans of dates, years used as dates, times and codes in ``text``.

    With ``near`` (spans of digit numbers), only digit runs around them are looked at: dates always hold
    digits, and a date is shorter than the window, so the answer for those numbers is the same, faster.
    """
    patterns = _patterns(language)
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
    led_by_digits = patterns.led_by_digits.match
    led_by_words = patterns.led_by_words.match
    lead = patterns.lead.search
    lead_marks = patterns.lead_marks
    lead_tails = patterns.lead_tails
    code = _CODE_RE.match
    spans: list[tuple[int, int]] = []
    date_end = 0
    code_end = 0
    for low, high in windows:
        for run in _DIGIT_RUN.finditer(text, low, high):
            position, run_end = run.span()
            before = text[position - 1] if position else ""
            # Only a long run, a leading zero or a letter (or anything non-ASCII) before can make a code.
            if position >= code_end and (
                run_end - position >= 10 or text[position] == "0" or before.isalpha() or not before.isascii()
            ):
                found = code(text, position)
                if found is not None:
                    spans.append(found.span())
                    code_end = found.end()
            if position < date_end:
                continue
            match = None
            floor = max(date_end, position - _LEAD_WINDOW)
            # Most numbers follow a word that ends no lead ("the", "were"): no search for those (nor a call of
            # can_end, which is False for an empty window).
            if not may_end_in(text, position, floor, lead_tails):
                floor = position
            while match is None and floor < position and can_end(text, position, floor, lead_marks):
                word = lead(text, floor, position)
                if word is None:
                    break
                match = led_by_words(text, word.start())
                floor = word.start() + 1
            if match is not None:
                date_end = match.end()
                # A cue before a year ("i 2014") stays outside the span.
                spans.append(match.span("y") if match.start("y") >= 0 else match.span())
                continue
            # Every date led by digits opens where no digit, "." or "," stands before it, and goes on with
            # something other than a digit after its first digits and spaces ("1 1 1" holds no date).
            after = text[run_end : run_end + 2]
            match = (
                led_by_digits(text, position)
                if before not in _DIGIT_OR_MARK
                and after[:1] not in _DIGITS
                and not (after[:1] in SPACE_CHARS_TAB and after[1:] in _DIGITS)
                else None
            )
            if match is not None:
                date_end = match.end()
                spans.append(match.span())
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
