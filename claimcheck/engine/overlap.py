"""Which assertions overlap in time with which: one sweep, never all pairs.

`overlap_extremes` answers, for each query interval, the smallest and largest key among
the items whose closed intervals intersect it. Every conflict kind reduces to it: an
assertion takes part when some overlapping assertion sits on another side (its side
index differs from the min or the max) or gives a value too far away (the min or max
value lies beyond the tolerance). Items are inserted in order of their start while the
queries run in order of their end, into a Fenwick tree over the items' ends: O(n log n).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Sequence


def overlap_extremes(items: Sequence[tuple[int, int, object]], queries: Sequence[tuple[int, int]]):
    """For each query (lo, hi): (min key, max key) over items (lo, hi, key) that overlap it,
    or None when none does. Intervals are closed; keys must be mutually comparable."""
    if not items:
        return [None] * len(queries)
    first_lo = items[0][0]
    first_hi = items[0][1]
    if all(lo == first_lo and hi == first_hi for lo, hi, _ in items):
        # common case: one period for all (often unbounded): overlap is all or nothing
        keys = [k for _, _, k in items]
        whole = (min(keys), max(keys))
        return [whole if lo <= first_hi and first_lo <= hi else None for lo, hi in queries]

    ends = sorted({hi for _, hi, _ in items})
    size = len(ends)
    # Fenwick tree over end ranks, reversed so a prefix holds the items with the latest ends
    tree_min: list = [None] * (size + 1)
    tree_max: list = [None] * (size + 1)

    def insert(hi: int, key) -> None:
        i = size - bisect_left(ends, hi)  # 1-based rank counted from the latest end
        while i <= size:
            current = tree_min[i]
            if current is None or key < current:
                tree_min[i] = key
            current = tree_max[i]
            if current is None or key > current:
                tree_max[i] = key
            i += i & -i

    def query(lo: int):
        # items whose end >= lo: ranks 1 .. size - bisect_left(ends, lo)
        i = size - bisect_left(ends, lo)
        low = high = None
        while i > 0:
            current = tree_min[i]
            if current is not None and (low is None or current < low):
                low = current
            current = tree_max[i]
            if current is not None and (high is None or current > high):
                high = current
            i -= i & -i
        return None if low is None else (low, high)

    by_start = sorted(range(len(items)), key=lambda i: items[i][0])
    by_end = sorted(range(len(queries)), key=lambda q: queries[q][1])
    out: list = [None] * len(queries)
    next_item = 0
    for q in by_end:
        lo, hi = queries[q]
        while next_item < len(by_start) and items[by_start[next_item]][0] <= hi:
            item_lo, item_hi, key = items[by_start[next_item]]
            insert(item_hi, key)
            next_item += 1
        out[q] = query(lo)
    return out


def cross_side(entries: Sequence[tuple[int, int, int]]) -> list[bool]:
    """For entries (lo, hi, side): does each overlap an entry on another side?"""
    extremes = overlap_extremes(entries, [(lo, hi) for lo, hi, _ in entries])
    return [ext is not None and (ext[0] != side or ext[1] != side) for (_, _, side), ext in zip(entries, extremes)]
