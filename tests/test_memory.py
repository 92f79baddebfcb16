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


def test_no_cyclic_gc_pauses_the_collector_and_restores_its_state() -> None:
    import gc

    from factcheck.memory import no_cyclic_gc

    was_enabled = gc.isenabled()
    try:
        gc.enable()
        with no_cyclic_gc():
            assert not gc.isenabled()
        assert gc.isenabled()
        gc.disable()  # a caller that had it off keeps it off
        with no_cyclic_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        (gc.enable if was_enabled else gc.disable)()


def test_fewer_young_collections_raises_the_threshold_and_restores_it() -> None:
    import gc

    from factcheck.memory import fewer_young_collections

    previous = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with pytest.raises(RuntimeError), fewer_young_collections(5000):
            assert gc.get_threshold() == (5000, 10, 10)
            raise RuntimeError("the block failed")
        assert gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(20_000, 10, 10)  # never more often than a caller asked for
        with fewer_young_collections(5000):
            assert gc.get_threshold() == (20_000, 10, 10)
        gc.set_threshold(0)  # nor switched back on where the caller turned automatic collection off
        with fewer_young_collections(5000):
            assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*previous)


def test_ingest_collects_young_objects_less_often_and_restores_the_threshold(tmp_path: Path) -> None:
    import gc

    from factcheck.memory import INGEST_YOUNG_THRESHOLD
    from factcheck.pipeline import ingest
    from factcheck.read import read_paths
    from factcheck.store.engine import open_store

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    store = open_store(f"sqlite:///{tmp_path / 'factcheck.db'}")
    previous = gc.get_threshold()
    seen: list[int] = []
    try:
        gc.set_threshold(700, 10, 10)
        summary = ingest(store, read_paths([str(seeds)]), on_item=lambda: seen.append(gc.get_threshold()[0]))
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*previous)
        store.dispose()
    assert summary.new == 5
    assert seen == [INGEST_YOUNG_THRESHOLD] * 5
