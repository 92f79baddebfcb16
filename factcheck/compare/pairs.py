"""Pairs within one block (same kind, location and actor), swept in date order.

Every pair within the same-moment window is classified (durations by the start date they imply). Across moments, a claim is linked only to
its previous moment (the latest earlier comparable claim) so that a quantity reported a hundred
times yields a chain of changes, not a hundred squared. With a focus set (an incremental run) only
pairs touching the focus are produced, plus the previous-moment links the new claims displaced.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection
from dataclasses import dataclass, field

from factcheck.compare.classify import (
    Verdict,
    began,
    changed,
    different_scope,
    same_moment,
    scope_difference,
    subject_similarity,
)
from factcheck.compare.records import Item
from factcheck.compare.timing import HORIZON_DAYS, SAME_MOMENT_DAYS


@dataclass(slots=True)
class Found:
    a: Item
    b: Item
    verdict: Verdict


@dataclass(slots=True)
class BlockResult:
    found: list[Found] = field(default_factory=list)
    # Previous-moment links an earlier run made that a new claim now sits between.
    stale: list[tuple[Item, Item]] = field(default_factory=list)


def sort_block(items: list[Item]) -> list[Item]:
    items.sort(key=lambda item: (item.start, item.id))
    return items


def _focus_within(starts: list[int], low: int, high: int) -> bool:
    """Whether any focus claim starts in [low, high] (starts sorted): a bisection, not a scan."""
    index = bisect_left(starts, low)
    return index < len(starts) and starts[index] <= high


def _later(a: Item, b: Item | None) -> bool:
    return b is None or a.end > b.end or (a.end == b.end and a.id > b.id)


def block_relations(
    items: list[Item], *, focus: Collection[int] | None = None, with_scope: bool = False
) -> BlockResult:
    """Relations inside one block; `items` must be sorted by sort_block."""
    result = BlockResult()
    found = result.found
    focus_starts = sorted(item.start for item in items if item.id in focus) if focus is not None else []
    for j, b in enumerate(items):
        b_focus = focus is None or b.id in focus
        if not b_focus and not _focus_within(focus_starts, b.start - HORIZON_DAYS, b.start):
            continue
        prev: Item | None = None
        prev_similarity: float | None = None
        prev_old: Item | None = None
        for i in range(j - 1, -1, -1):
            a = items[i]
            if b.start - a.start > HORIZON_DAYS:
                break
            if a.document_id == b.document_id and a.origin == b.origin:
                continue  # a report does not confirm or contradict itself
            touches = b_focus or a.id in focus  # type: ignore[operator]
            if a.subject and a.subject == b.subject and a.family == b.family:
                similarity: float | None = 100.0  # the common case, decided without fuzzy matching
            else:
                similarity = subject_similarity(a, b)
                reason = scope_difference(a, b, similarity)
                if reason is not None:
                    if with_scope and touches:
                        found.append(Found(a, b, different_scope(a, b, reason)))
                    continue
            if b.start - a.end <= SAME_MOMENT_DAYS and a.start - b.end <= SAME_MOMENT_DAYS:
                if touches:
                    moment = began(a, b, similarity) if a.is_duration else same_moment(a, b, similarity)
                    found.append(Found(a, b, moment))
                continue
            if prev is None or a.end > prev.end or (a.end == prev.end and a.id > prev.id):
                prev, prev_similarity = a, similarity
            if focus is not None and a.id not in focus and _later(a, prev_old):
                prev_old = a
        if prev is None:
            continue
        if b_focus or prev.id in focus:  # type: ignore[operator]
            # Durations at two moments still describe one start date; other figures may have changed.
            if prev.is_duration:
                verdict: Verdict | None = began(prev, b, prev_similarity)
            else:
                verdict = changed(prev, b, prev_similarity)
            if verdict is not None:
                found.append(Found(prev, b, verdict))
            if not b_focus and prev_old is not None and prev_old is not prev:
                result.stale.append((prev_old, b))
    return result


def scope_across(outer: list[Item], inner: list[Item]) -> list[Found]:
    """Claims about a place and about a place inside it, within the horizon: parts are not wholes."""
    found: list[Found] = []
    for b in inner:
        for a in outer:
            if a.family != b.family or (a.document_id == b.document_id and a.origin == b.origin):
                continue
            if max(b.start - a.end, a.start - b.end) > HORIZON_DAYS:
                continue
            reason = f"{b.location} lies within {a.location}: a part is not the whole"
            found.append(Found(a, b, different_scope(a, b, reason)))
    return found
