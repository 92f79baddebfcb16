"""Pairs within one block (same kind, location and actor), swept in date order.

Within the same-moment window a claim is linked to the earliest earlier claim of each distinct
figure (a widened range; for durations the start it implies), and, when that claim is not
independent of it (one origin, or a relay), to the earliest independent claim of that figure too.
A figure the press repeats a hundred times in a month so yields a hundred links, not five
thousand, and an editor sees one flag per pair of disagreeing figures, each against the figure's
first report. Across moments, a claim is linked only to its previous moment (the latest earlier
comparable claim), so a quantity reported a hundred times yields a chain of changes.

With a focus set (an incremental run) only pairs touching the focus are produced, plus the links
of other claims that a new claim displaced (a back-dated report can become a figure's earliest
claim, or a claim's previous moment).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from itertools import accumulate

from factcheck.compare.classify import (
    Verdict,
    began,
    changed,
    different_scope,
    independent,
    overlap,
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
    # Links an earlier run made that a new claim has displaced (same moment or previous moment).
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


class _Figures:
    """The same-moment partners of one claim: per figure, the earliest claim, and the earliest one
    independent of the claim when the earliest is not. Offers come earliest first, so the first one
    wins, and a figure whose two partners are known costs two lookups, not an independence test."""

    __slots__ = ("earliest", "independent")

    def __init__(self) -> None:
        self.earliest: dict[int, tuple[Item, float | None]] = {}  # keyed by figure_id
        self.independent: dict[int, tuple[Item, float | None]] = {}

    def offer(self, a: Item, b: Item, similarity: float | None) -> None:
        figure = a.figure_id
        if figure not in self.earliest:
            self.earliest[figure] = (a, similarity)
        elif figure in self.independent:
            return
        if independent(a, b):
            self.independent[figure] = (a, similarity)

    def partners(self) -> list[tuple[Item, float | None]]:
        chosen = list(self.earliest.values())
        for figure, (a, similarity) in self.independent.items():
            if self.earliest[figure][0] is not a:
                chosen.append((a, similarity))
        return chosen


def block_relations(
    items: list[Item], *, focus: Collection[int] | None = None, with_scope: bool = False
) -> BlockResult:
    """Relations inside one block; `items` must be sorted by sort_block."""
    result = BlockResult()
    found = result.found
    focus_starts = sorted(item.start for item in items if item.id in focus) if focus is not None else []
    # reach[i]: the latest end among items[0..i], and reach_id[i] the highest id among those ending then
    # (a previous moment is the latest by end, then id). Once reach falls short of what the sweep still
    # looks for (a same-moment partner, a later previous moment), nothing further back can matter.
    reach, reach_id = _reach(items)
    _number_figures(items)
    # focus_reach[i]: the latest end among the focus claims in items[0..i] (an incremental run).
    focus_reach = [] if focus is None else list(accumulate((_focus_end(item, focus) for item in items), max))
    for j, b in enumerate(items):
        b_focus = focus is None or b.id in focus
        if not b_focus and not _focus_within(focus_starts, b.start - HORIZON_DAYS, b.start):
            continue
        moment_floor = b.start - SAME_MOMENT_DAYS  # an earlier claim ending before this is another moment
        # No new claim is at b's moment: b's same-moment partners stay as they were; only its previous
        # moment may change, and not once a claim ending later than every new claim is found.
        quiet = not b_focus and j > 0 and focus_reach[j - 1] < moment_floor
        latest_new = focus_reach[j - 1] if quiet else 0
        prev: Item | None = None
        prev_similarity: float | None = None
        prev_old: Item | None = None
        figures = None if quiet else _Figures()
        old_figures = None if b_focus or quiet else _Figures()  # b's partners before this run's claims came
        window: list[Item] = []  # b's same-moment candidates, latest first
        window_similarity: list[float | None] = []
        for i in range(j - 1, -1, -1):
            a = items[i]
            if b.start - a.start > HORIZON_DAYS:
                break
            if (
                not with_scope
                and reach[i] < moment_floor
                and _settled(reach[i], reach_id[i], prev, prev_old, b_focus, focus)
            ):
                break
            if quiet and a.end >= moment_floor:
                continue
            if a.document_id == b.document_id and a.origin == b.origin:
                continue  # a report does not confirm or contradict itself
            if a.subject and a.subject == b.subject and a.family == b.family:
                similarity: float | None = 100.0  # the common case, decided without fuzzy matching
            else:
                similarity = subject_similarity(a, b)
                reason = scope_difference(a, b, similarity)
                if reason is not None:
                    if with_scope and (b_focus or a.id in focus):  # type: ignore[operator]
                        found.append(Found(a, b, different_scope(a, b, reason)))
                    continue
            if a.end >= moment_floor:  # not quiet: see above
                window.append(a)
                window_similarity.append(similarity)
                continue
            if prev is None or a.end > prev.end or (a.end == prev.end and a.id > prev.id):
                prev, prev_similarity = a, similarity
            if focus is not None and a.id not in focus and _later(a, prev_old):
                prev_old = a
            if quiet and prev is not None and prev is prev_old and prev.end > latest_new:
                prev = None  # no new claim can become b's previous moment: b is untouched
                break
        if figures is not None:
            for k in range(len(window) - 1, -1, -1):
                a = window[k]
                figures.offer(a, b, window_similarity[k])
                if old_figures is not None and a.id not in focus:  # type: ignore[operator]
                    old_figures.offer(a, b, window_similarity[k])
            _same_moment_links(result, b, figures, old_figures, focus)
        if prev is None:
            continue
        if b_focus or prev.id in focus:  # type: ignore[operator]
            verdict = _across_moments(prev, b, prev_similarity)
            if verdict is not None:
                found.append(Found(prev, b, verdict))
            if not b_focus and prev_old is not None and prev_old is not prev and _linked_across(prev_old, b):
                result.stale.append((prev_old, b))
    return result


def _focus_end(item: Item, focus: Collection[int]) -> int:
    return item.end if item.id in focus else -1  # day ordinals start at 1


def _number_figures(items: list[Item]) -> None:
    """Give each distinct figure a small number: the sweep's lookups hash an int, not a float pair."""
    numbers: dict[tuple[float, float], int] = {}
    for item in items:
        number = numbers.get(item.figure)
        if number is None:
            number = numbers[item.figure] = len(numbers)
        item.figure_id = number


def _reach(items: list[Item]) -> tuple[list[int], list[int]]:
    """Per position, the latest (end, id) among items[0..i], compared as end first, then id."""
    ends: list[int] = []
    ids: list[int] = []
    end, top = -1, -1
    for item in items:
        if item.end > end or (item.end == end and item.id > top):
            end, top = item.end, item.id
        ends.append(end)
        ids.append(top)
    return ends, ids


def _beaten(reach: int, reach_id: int, claim: Item) -> bool:
    """Whether no claim up to this point is later (by end, then id) than `claim`."""
    return reach < claim.end or (reach == claim.end and reach_id < claim.id)


def _settled(
    reach: int,
    reach_id: int,
    prev: Item | None,
    prev_old: Item | None,
    b_focus: bool,
    focus: Collection[int] | None,
) -> bool:
    """Whether no claim up to (reach, reach_id) can become the previous moment (nor, for a claim
    outside the focus, its previous moment before this run)."""
    if prev is None or not _beaten(reach, reach_id, prev):
        return False
    return (
        b_focus
        or prev.id not in focus  # type: ignore[operator]
        or (prev_old is not None and _beaten(reach, reach_id, prev_old))
    )


def _same_moment_links(
    result: BlockResult,
    b: Item,
    figures: _Figures,
    old_figures: _Figures | None,
    focus: Collection[int] | None,
) -> None:
    """b's same-moment links that touch the focus, and the ones a focus claim displaced."""
    partners = figures.partners()
    for a, similarity in partners:
        if focus is None or b.id in focus or a.id in focus:
            result.found.append(Found(a, b, _at_one_moment(a, b, similarity)))
    if old_figures is not None:
        now = {a.id for a, _similarity in partners}
        result.stale.extend((a, b) for a, _similarity in old_figures.partners() if a.id not in now)


def reviewed_partners(relation_keys: Collection[str]) -> dict[str, set[str]]:
    """Claim key -> the claim keys it has a reviewed relation with (relation keys are "key|key")."""
    partners: dict[str, set[str]] = {}
    for relation_key in relation_keys:
        first, _bar, second = relation_key.partition("|")
        partners.setdefault(first, set()).add(second)
        partners.setdefault(second, set()).add(first)
    return partners


def reviewed_relations(
    items: list[Item], partners: Mapping[str, Collection[str]], focus: Collection[int] | None = None
) -> list[Found]:
    """The pairs of this block an editor has reviewed, judged as the sweep judges any pair, whether or
    not the sweep links them: an editor's decision stays on view while its two claims still measure one
    quantity within the horizon, even after a back-dated report became that figure's first report."""
    if not partners:
        return []
    position = {item.key: index for index, item in enumerate(items) if item.key in partners}
    found: list[Found] = []
    for key, j in position.items():
        b = items[j]
        for other in partners[key]:
            i = position.get(other, -1)
            if not 0 <= i < j or (focus is not None and b.id not in focus and items[i].id not in focus):
                continue
            verdict = _judge(items[i], b)
            if verdict is not None:
                found.append(Found(items[i], b, verdict))
    return found


def _judge(a: Item, b: Item) -> Verdict | None:
    """The relation of one pair (a sorted before b) on its own, or None when the sweep would make none."""
    if b.start - a.start > HORIZON_DAYS or (a.document_id == b.document_id and a.origin == b.origin):
        return None
    similarity = subject_similarity(a, b)
    if scope_difference(a, b, similarity) is not None:
        return None
    if a.end >= b.start - SAME_MOMENT_DAYS:
        return _at_one_moment(a, b, similarity)
    return _across_moments(a, b, similarity)


def _at_one_moment(a: Item, b: Item, similarity: float | None) -> Verdict:
    return began(a, b, similarity) if a.is_duration else same_moment(a, b, similarity)


def _linked_across(earlier: Item, later: Item) -> bool:
    """Whether _across_moments makes a relation of the pair (without writing its explanation): a link
    the sweep never made needs no delete."""
    return earlier.is_duration or not overlap(earlier, later)


def _across_moments(earlier: Item, later: Item, similarity: float | None) -> Verdict | None:
    """Durations at two moments still describe one start date; other figures may have changed."""
    return began(earlier, later, similarity) if earlier.is_duration else changed(earlier, later, similarity)


def scope_across(outer: list[Item], inner: list[Item]) -> list[Found]:
    """Claims about a place and claims about a place inside it, within the horizon: parts are not wholes."""
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
