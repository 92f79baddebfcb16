"""Freed memory goes back to the operating system after a comparison run (factcheck.memory)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.memory import release_free_memory


def _resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS line")


def test_freed_heap_pages_leave_the_resident_set() -> None:
    if not Path("/proc/self/status").exists() or not release_free_memory():
        pytest.skip("needs Linux with glibc's malloc_trim")
    # 200 MB in objects the C allocator serves (over pymalloc's 512 bytes), one in fifty kept alive so
    # the heap cannot shrink from its top by itself: what a comparison run leaves behind.
    blocks = [bytes(2000 + index % 7) for index in range(100_000)]
    kept = blocks[::50]
    del blocks
    before = _resident_mb()
    assert release_free_memory()
    after = _resident_mb()
    assert before - after > 100, (before, after)
    assert len(kept) == 2000


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_cyclic_garbage_left_with_the_collector_off_is_collected() -> None:
    import gc
    import weakref

    was_enabled = gc.isenabled()
    gc.disable()  # as during a comparison run
    try:
        first, second = _Node(), _Node()
        first.other, second.other = second, first
        alive = weakref.ref(first)
        del first, second
        assert alive() is not None  # only the cycle collector can free a cycle
        release_free_memory()
        assert alive() is None
    finally:
        if was_enabled:
            gc.enable()
