"""Pathological inputs for the number layer and the extractor, and a child-process timer for them.

Run as `python -m tests.badinputs.timing FUNCTION PATTERN SIZE...`: prints one JSON object with the
seconds each size took (imports excluded). A child process, so a catastrophic case is killed by the
parent's timeout instead of hanging the test run.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

# Each pattern makes a text of about `size` characters designed to stress one kind of scanner.
PATTERNS: dict[str, Callable[[int], str]] = {
    "space_groups": lambda size: "1" + " 000" * (size // 4),
    "comma_groups": lambda size: "1" + ",000" * (size // 4),
    "dot_groups": lambda size: "1" + ".000" * (size // 4),
    "ones": lambda size: "1 " * (size // 2),
    "space_run": lambda size: "2" + " " * (size - 5) + "000",
    "nested_brackets": lambda size: "(" * (size // 2 - 1) + "12" + ")" * (size // 2 - 1),
    "long_word": lambda size: "a" * size,
    "long_digits": lambda size: "9" * size,
    "hedges": lambda size: "about " * (size // 6) + "5 percent",
    "ranges": lambda size: "between 1 and " * (size // 14) + "2",
    "mixed_separators": lambda size: "1,5 000.2 " * (size // 10),
    "sentences": lambda size: (
        "Some 1,500 fighters were seen near Deir ez-Zor on Tuesday, the monitor said. " * (size // 78 + 1)
    )[:size],
}


def _function(name: str) -> Callable[[str], object]:
    if name == "find_numbers":
        from factcheck.extract.numbers import find_numbers

        return lambda text: find_numbers(text, "en")
    if name == "extract":
        from factcheck.extract import extract

        return lambda text: extract(text, "en", "2017-09-02")
    raise SystemExit(f"unknown function {name}")


def main(argv: list[str]) -> None:
    function = _function(argv[0])
    make = PATTERNS[argv[1]]
    function(make(1000))  # warm up: lexicons, compiled patterns, registry
    timings = {}
    for size in (int(value) for value in argv[2:]):
        text = make(size)
        started = time.perf_counter()
        function(text)
        timings[size] = time.perf_counter() - started
        print(json.dumps({"size": size, "seconds": timings[size]}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
