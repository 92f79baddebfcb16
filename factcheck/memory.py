"""Give memory a finished step freed back to the operating system, and keep the cycle collector out
of the way of work that allocates in bulk.

A comparison run builds hundreds of megabytes of short-lived objects and a roomy SQLite page cache.
Python and SQLite free them through the C allocator, and glibc keeps most freed heap pages mapped
for reuse, so a long ingest's resident size would stay at the high-water mark of its largest run.
glibc's malloc_trim returns the free pages; elsewhere (macOS, musl) there is nothing to call and
nothing happens.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

# Container allocations between two young collections during an ingest. Python's default, 700, runs
# one every few hundred allocations: about 2% of an ingest's CPU time on 3,000 synthetic reports
# (0.045 ms a report in 200 collections), against 0.01 ms in six collections at 10,000. Young
# objects wait a little longer for the collector; an ingest's objects rarely form cycles.
INGEST_YOUNG_THRESHOLD = 10_000


@lru_cache(maxsize=1)
def _malloc_trim() -> Any | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # here, not at import: the extractor imports this module for no_cyclic_gc

    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library the interpreter itself runs on
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_free_memory() -> bool:
    """Return the C heap's free pages to the operating system; False where the C library cannot.

    Cyclic garbage is collected first: a comparison runs with the cycle collector off, and what it left
    in cycles would otherwise hold its memory until the collector next runs."""
    gc.collect()
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """The cycle collector off for the block: for work that builds millions of acyclic objects, which the
    collector would rescan again and again and find nothing in. It runs as before afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def fewer_young_collections(threshold: int = INGEST_YOUNG_THRESHOLD) -> Iterator[None]:
    """Young collections every `threshold` container allocations for the block (never more often than
    they already run), then the previous thresholds again."""
    previous = gc.get_threshold()
    if previous[0] == 0 or previous[0] >= threshold:
        yield
        return
    gc.set_threshold(threshold, *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)
