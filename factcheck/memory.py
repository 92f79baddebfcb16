"""Give memory a finished step freed back to the operating system.

A comparison run builds hundreds of megabytes of short-lived objects and a roomy SQLite page cache.
Python and SQLite free them through the C allocator, and glibc keeps most freed heap pages mapped
for reuse, so a long ingest's resident size would stay at the high-water mark of its largest run.
glibc's malloc_trim returns the free pages; elsewhere (macOS, musl) there is nothing to call and
nothing happens.
"""

from __future__ import annotations

import ctypes
import gc
import sys
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _malloc_trim() -> Any | None:
    if not sys.platform.startswith("linux"):
        return None
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
