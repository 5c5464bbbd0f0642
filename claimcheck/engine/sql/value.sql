-- §4.3 value: overlapping assertions that affirm a claim directly but give different
-- values (value.py).
--
-- Values are compared by what the ingest step computed for each distinct value, with
-- the memory engine's own `classify`, `canonical_text` and `normalize_text` (values.py,
-- `value_keys`): its class (number, date, datetime, boolean, entity, text); `vorder`,
-- its rank in the order of (class, key), so equal values share it; `tkey`, the rank of
-- its normalized text (across classes values compare as text); `canon`, its canonical
-- text. Numbers, dates and date-times are extents, a low and a high end (a range runs
-- between its bounds, an open one reaches infinitely far): for numbers the ranks of
-- both ends and of the low end less and the high end plus the tolerance, all in one
-- exactly sorted order of decimals (so `a > b + tolerance` is a comparison of two
-- integers, exact whatever the digits); for dates and date-times the ends as days or
-- seconds and the tolerance in whole days or seconds. SQL only joins, groups and
-- compares those keys.

-- table: value_items
-- Each affirmation made directly on a claim with the value it gives (its own, else the
-- claim's object), in its group: the claim, or for a claim with a subject and a
-- single_value predicate, every claim of that subject and predicate.
SELECT CASE WHEN c.subject IS NOT NULL AND p.single_value THEN 'value:' || c.subject || '/' || c.predicate
            ELSE 'value:' || c.id END AS cid,
       a.aid, a.claim, a.idx, a.lo, a.hi,
       p.value_type AS vt, coalesce(p.tolerance, '0') AS tolerance, a.own_value AS own,
       a.value_kind AS kind, a.value
FROM periods a
JOIN claims c ON c.id = a.claim
LEFT JOIN predicates p ON p.id = c.predicate
WHERE a.value_kind IS NOT NULL

-- table: value_candidates
-- The groups that give more than one value (one value given again and again, the
-- common case, cannot differ; a value's kind and canonical text tell it): only their
-- values are classified.
SELECT i.cid, i.aid, i.claim, i.idx, i.lo, i.hi, i.vt, i.tolerance,
       CASE WHEN i.own THEN vkey(x.value_kind, x.value, x.value_min_kind, x.value_min, x.value_max_kind, x.value_max)
            ELSE vkey(c.object_kind, c.object, c.object_min_kind, c.object_min, c.object_max_kind, c.object_max) END AS vkey
FROM value_items i
JOIN (SELECT cid FROM value_items GROUP BY cid
      HAVING min(kind || chr(31) || coalesce(value, '')) <> max(kind || chr(31) || coalesce(value, ''))) g ON g.cid = i.cid
JOIN assertions x ON x.aid = i.aid
JOIN claims c ON c.id = i.claim

-- table: value_rows
SELECT i.cid, i.aid, i.claim, i.idx, i.lo, i.hi, k.cls, k.vorder, k.tkey, k.canon,
       k.nlo, k.nhi, k.nlo_tol, k.nhi_tol, k.dfirst, k.dlast, k.dtol
FROM value_candidates i
JOIN value_keys k ON k.vkey = i.vkey AND k.tolerance = i.tolerance AND coalesce(k.vt, '') = coalesce(i.vt, '')
WHERE k.cls IS NOT NULL

-- table: value_periods
-- For each distinct period of a group and each class: the extremes of what its values
-- hold (overlap.py's min and max key of the overlapping items).
SELECT cid, lo, hi, cls,
       max(nlo) AS max_nlo, min(nhi) AS min_nhi, max(dfirst) AS max_first, min(dlast) AS min_last,
       min(vorder) AS min_v, max(vorder) AS max_v, min(tkey) AS min_t, max(tkey) AS max_t
FROM value_rows
GROUP BY cid, lo, hi, cls

-- table: value_reach
-- ... over every period that overlaps it.
SELECT p.cid, p.lo, p.hi, q.cls,
       max(q.max_nlo) AS max_nlo, min(q.min_nhi) AS min_nhi, max(q.max_first) AS max_first, min(q.min_last) AS min_last,
       min(q.min_v) AS min_v, max(q.max_v) AS max_v, min(q.min_t) AS min_t, max(q.max_t) AS max_t
FROM (SELECT DISTINCT cid, lo, hi FROM value_periods) p
JOIN value_periods q ON q.cid = p.cid AND q.lo <= p.hi AND p.lo <= q.hi
GROUP BY p.cid, p.lo, p.hi, q.cls

-- table: value_held
-- The assertions that take part: some overlapping value of the same class lies beyond
-- the tolerance (numbers: the gap between the two exceeds it; dates: their spans are
-- more than that many days apart) or differs (the other classes), or some overlapping
-- value of another class differs as text (value.py's `_differing`).
SELECT r.cid, r.aid, r.claim, r.idx, r.cls, r.vorder, r.tkey, r.canon
FROM value_rows r
JOIN value_reach o ON o.cid = r.cid AND o.lo = r.lo AND o.hi = r.hi
GROUP BY r.cid, r.aid, r.claim, r.idx, r.cls, r.vorder, r.tkey, r.canon
HAVING bool_or(CASE
    WHEN o.cls <> r.cls THEN o.min_t <> r.tkey OR o.max_t <> r.tkey
    WHEN r.cls = 'number' THEN o.max_nlo > r.nhi_tol OR o.min_nhi < r.nlo_tol
    WHEN r.cls IN ('date', 'datetime') THEN o.max_first - r.dlast > r.dtol OR r.dfirst - o.min_last > r.dtol
    ELSE o.min_v <> r.vorder OR o.max_v <> r.vorder END)

-- table: value_links
-- Sides (value.py's `_side_keys`): one per value, where values of different classes
-- whose texts agree stand together. Each value (vorder) of a group that has more than
-- one class, linked to its texts; `sqlengine` joins them by labelling each value with
-- the smallest value it is linked to through shared texts, a round at a time.
SELECT DISTINCT h.cid, h.vorder, h.tkey
FROM value_held h
JOIN (SELECT cid FROM value_held GROUP BY cid HAVING min(cls) <> max(cls)) g ON g.cid = h.cid

-- table: value_labels
SELECT DISTINCT cid, vorder, vorder AS label FROM value_links

-- table: value_relabel
-- One round: each value takes the smallest label of a value that shares a text with it.
SELECT l.cid, l.vorder, min(t.label) AS label
FROM value_links l
JOIN (SELECT k.cid, k.tkey, min(n.label) AS label
      FROM value_links k JOIN value_labels n ON n.cid = k.cid AND n.vorder = k.vorder
      GROUP BY k.cid, k.tkey) t ON t.cid = l.cid AND t.tkey = l.tkey
GROUP BY l.cid, l.vorder

-- table: value_entries
-- Every assertion that takes part, on its side: sides in the order of their smallest
-- value; a side is labelled with the smallest canonical text of its values (one value
-- may be written several ways: 5 and 5.0).
SELECT cid, 'value' AS kind, DENSE_RANK() OVER (PARTITION BY cid ORDER BY root) - 1 AS side,
       min(canon) OVER (PARTITION BY cid, root) AS label,
       aid, CAST(NULL AS VARCHAR) AS route_from, CAST(NULL AS INTEGER) AS route_level, CAST(NULL AS VARCHAR) AS route_to
FROM (SELECT h.*, coalesce(l.label, h.vorder) AS root
      FROM value_held h LEFT JOIN value_labels l ON l.cid = h.cid AND l.vorder = h.vorder) v
