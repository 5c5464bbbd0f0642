"""§4.3 value: overlapping assertions that affirm a claim directly but give different values.

Each value is sorted into a class (number, date, datetime, boolean, entity, text) with a
key for comparing within its class and a canonical text for comparing across classes
(`claimcheck.values`). An assertion takes part when, among the assertions overlapping it,
some value differs from it: the largest low end and smallest high end of the overlapping
extents (or, for the other classes, the smallest and largest key) tell, so no pair is
ever enumerated.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Assertion, Corpus, ERROR, Predicate
from ..values import EXTENTS, canonical_text, classify, normalize_text, tolerance_in_units, value_key
from .conflict import Conflict, Entry, Side, build_conflict, entry_order
from .overlap import overlap_extremes
from .sides import interest

KIND = "value"
_ZERO = Decimal(0)


def value_of(assertion: Assertion, corpus: Corpus):
    """The value an affirming assertion gives: its own, else its claim's object."""
    if assertion.value is not None:
        return assertion.value
    return corpus.claims[assertion.claim].object


def groups(corpus: Corpus) -> dict[str, tuple[Predicate | None, list[Assertion], dict]]:
    """Conflict id → (predicate, affirming assertions with a value, subject info)."""
    out: dict[str, tuple[Predicate | None, list[Assertion], dict]] = {}
    for claim in corpus.claims.values():
        predicate = corpus.predicates.get(claim.predicate) if claim.predicate else None
        if claim.object is not None:  # (value_of, inlined: this runs for every assertion)
            valued = [a for a in claim.assertions if a.stance == "affirms"]
        else:
            valued = [a for a in claim.assertions if a.stance == "affirms" and a.value is not None]
        if not valued:
            continue
        if claim.subject and predicate is not None and predicate.single_value:
            cid = f"{KIND}:{claim.subject}/{claim.predicate}"
            entry = out.get(cid)  # the group's first claim makes it; the others join it
            if entry is None:
                entry = out[cid] = (predicate, [], {"subject": claim.subject, "predicate": claim.predicate})
            entry[1].extend(valued)
        elif len(valued) >= 2:
            out[f"{KIND}:{claim.id}"] = (predicate, valued, {"claim": claim.id})
    return out


def find(corpus: Corpus) -> Iterator[Conflict]:
    found = groups(corpus)
    # a corpus gives few values many times over (years, counts, temperatures): each is
    # classified once for all the groups, by value type and value
    classified: dict[tuple, tuple | None] = {}
    for cid in sorted(found):
        predicate, assertions, about = found[cid]
        if len(assertions) < 2:
            continue
        conflict = _group_conflict(corpus, cid, predicate, assertions, about, classified)
        if conflict is not None:
            yield conflict


def _group_conflict(corpus, cid, predicate, assertions, about, seen: dict) -> Conflict | None:
    """The group's conflict, if its values differ; `seen` keeps each value's (class,
    key, text key) by (value type, type, value), from group to group."""
    values = [value_of(a, corpus) for a in assertions]
    first = values[0]
    if all(type(v) is type(first) and v == first for v in values):
        return None  # one value, given again and again (the common case): nothing can differ
    value_type = predicate.value_type if predicate else None
    tolerance = predicate.tolerance if predicate and predicate.tolerance is not None else _ZERO
    rows = []  # (assertion, value, class, key, text key)
    for a, value in zip(assertions, values):
        same = value_key(value_type, value)
        known = seen.get(same, False)
        if known is False:
            classified = classify(value, value_type)
            known = seen[same] = None if classified is None else (*classified, normalize_text(canonical_text(value)))
        if known is not None:
            rows.append((a, value, *known))
    if len(rows) < 2:
        return None
    if len({(r[2], r[3]) for r in rows}) == 1:
        return None  # every value the same: nothing can differ
    held = _differing(rows, tolerance)
    if not any(held):
        return None
    kept = [row for row, keep in zip(rows, held) if keep]
    by_side: dict[tuple, list[Entry]] = {}
    for row, side in zip(kept, _side_keys(kept)):
        by_side.setdefault(side, []).append(Entry(row[0], None, *interest(corpus, row[0])))
    sides = []
    for key in sorted(by_side, key=lambda k: (k[0], _sortable(k[1]))):
        entries = sorted(by_side[key], key=entry_order)
        # one value may be written several ways (5 and 5.0): the smallest text labels it,
        # whatever the order of the assertions
        label = min(canonical_text(value_of(e.assertion, corpus)) for e in entries)
        sides.append(Side(label, tuple(entries)))
    return build_conflict(cid, KIND, ERROR, sides, (), about)


def _side_keys(rows) -> list[tuple]:
    """Each row's side: rows with one value (class and key) stand together, and so do
    values of different classes whose texts agree (5 and '5': across classes values
    compare as text), so that no source stands on two sides for saying the same thing
    twice. A side is keyed by its smallest (class, key)."""
    parent: dict[tuple, tuple] = {}

    def root(key):
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    by_text: dict[str, tuple] = {}
    for _, _, cls, key, text in rows:
        value = (cls, key)
        parent.setdefault(value, value)
        other = by_text.setdefault(text, value)
        if other[0] != cls:
            a, b = root(value), root(other)
            if a != b:
                low, high = sorted((a, b), key=lambda k: (k[0], _sortable(k[1])))
                parent[high] = low
    return [root((cls, key)) for _, _, cls, key, _ in rows]


def _differing(rows, tolerance) -> list[bool]:
    """For each row: does an overlapping row give a value that differs from it?"""
    held = [False] * len(rows)
    spans = [(r[0].period.lo, r[0].period.hi) for r in rows]
    classes = sorted({r[2] for r in rows})
    text_rank = {t: i for i, t in enumerate(sorted({r[4] for r in rows}))}
    for cls in classes:
        members = [i for i, r in enumerate(rows) if r[2] == cls]
        items_spans = [spans[i] for i in members]
        if cls in EXTENTS:
            # the latest low end among the overlapping, and the earliest high end: past
            # the tolerance above this extent, or below it
            limit = tolerance_in_units(cls, tolerance)
            lows = overlap_extremes([(lo, hi, rows[i][3][0]) for (lo, hi), i in zip(items_spans, members)], items_spans)
            highs = overlap_extremes([(lo, hi, rows[i][3][1]) for (lo, hi), i in zip(items_spans, members)], items_spans)
            for i, low, high in zip(members, lows, highs):
                first, last = rows[i][3]
                if (low is not None and low[1] - last > limit) or (high is not None and first - high[0] > limit):
                    held[i] = True
        else:
            rank = {k: n for n, k in enumerate(sorted({rows[i][3] for i in members}, key=_sortable))}
            extremes = overlap_extremes([(lo, hi, rank[rows[i][3]]) for (lo, hi), i in zip(items_spans, members)], items_spans)
            for i, ext in zip(members, extremes):
                own = rank[rows[i][3]]
                if ext is not None and (ext[0] != own or ext[1] != own):
                    held[i] = True
        if len(classes) > 1:
            # across classes values compare as canonical text
            others = [i for i, r in enumerate(rows) if r[2] != cls]
            extremes = overlap_extremes(
                [(lo, hi, text_rank[rows[i][4]]) for (lo, hi), i in zip(items_spans, members)],
                [spans[i] for i in others],
            )
            for i, ext in zip(others, extremes):
                own = text_rank[rows[i][4]]
                if ext is not None and (ext[0] != own or ext[1] != own):
                    held[i] = True
    return held


def _sortable(key):
    return (str(type(key)), key)
