"""Digit runs ("2 000", "1,5", "2.500", "1.234.567,89") split into numbers by the language's conventions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import accumulate

from factcheck.extract.numbers.patterns import SPACE_CHARS

_PARTS = re.compile(r"\d+|\D")
_SPACE_LIKE = frozenset(SPACE_CHARS + "'")
# Thousands groups after the first: five make 10^15, beyond any amount in the news. A longer run of groups
# ("1 000 000 000 000 000 000 …") is no number we read, so it is never joined into one long string.
MAX_GROUPS = 5


def split_digit_run(run: str, decimal_mark: str) -> Iterator[tuple[int, int, float, bool]]:
    """Numbers in a run of digit groups joined by single separators: (start, end, value, grouped) per number,
    one at a time (a run may hold hundreds of thousands).

    Offsets are relative to ``run``. ``grouped`` is True when the number has a thousands separator or a
    decimal part. A space only ever separates thousands; "." and "," follow the language unless the run
    itself settles it ("1.234,5" and "1,234.5" both have the decimal mark last; a repeated mark is never
    decimal).
    """
    parts: list[str] = _PARTS.findall(run)
    groups = parts[0::2]
    seps = parts[1::2]
    # Start offset of every part; the groups' are every other one.
    offsets = list(accumulate(map(len, parts), initial=0))[0::2]
    marks = {s for s in seps if s in ".,"}
    decimal = next(s for s in reversed(seps) if s in ".,") if len(marks) == 2 else decimal_mark
    thousands = "," if decimal == "." else "."
    mark_counts = {".": seps.count("."), ",": seps.count(",")}
    count = len(groups)
    last = count - 1
    i = 0
    while i < count:
        integer = groups[i]
        j = i
        group_sep: str | None = None
        if len(integer) <= 3 and not (integer.startswith("0") and len(integer) > 1):
            while j < last and len(groups[j + 1]) == 3:
                sep = seps[j]
                kind = " " if sep in _SPACE_LIKE else sep
                if group_sep is None:
                    repeated = j + 1 < last and seps[j + 1] == sep and len(groups[j + 2]) == 3
                    if not (kind == " " or sep == thousands or (sep == decimal and repeated)):
                        break
                elif kind != group_sep:
                    break
                j += 1
                group_sep = kind
            if j - i > MAX_GROUPS:
                # Too large to be news: the whole run of groups is passed over, read once, never joined.
                integer = ""
            elif j > i:
                integer = "".join(groups[i : j + 1])
        fraction = ""
        if j < last:
            sep = seps[j]
            if sep in ".," and sep != group_sep and mark_counts[sep] == 1:
                fraction = groups[j + 1]
                j += 1
        if integer:
            value = float(f"{integer}.{fraction}" if fraction else integer)
            end = offsets[j] + len(groups[j])
            yield offsets[i], end, value, group_sep is not None or bool(fraction)
        i = j + 1
