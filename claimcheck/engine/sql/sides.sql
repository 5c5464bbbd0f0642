-- Shared by the kinds whose assertions stand on sides (sides.py): which assertions
-- clash, and how badly.
--
-- Input: `sided_items(cid, about, side, label, aid, lo, hi, severity, route_from,
-- route_level)`, every assertion that may stand on a side of a conflict, with the
-- severity it can bring to a pair (contradiction.sql, exclusive.sql,
-- conflicts_with.sql). An assertion takes part when it overlaps one on another side;
-- a pair's severity is the lower of its two, and the conflict takes the highest over
-- its overlapping pairs (§4.1–4.2). As in overlap.py no pair of assertions is ever
-- made: for each distinct period of a conflict, the smallest and largest side index
-- among the assertions at each severity floor; an assertion overlaps one on another
-- side when, over the periods that overlap its own, either differs from its side.
-- Only pairs of distinct periods are joined (most conflicts have one or two).

-- table: sided_items
SELECT * FROM contradiction_items
UNION ALL SELECT * FROM exclusive_items
UNION ALL SELECT * FROM conflicts_with_items

-- table: sided_periods
SELECT cid, lo, hi,
       min(side) AS min0, max(side) AS max0,
       min(side) FILTER (WHERE severity >= 1) AS min1, max(side) FILTER (WHERE severity >= 1) AS max1,
       min(side) FILTER (WHERE severity >= 2) AS min2, max(side) FILTER (WHERE severity >= 2) AS max2
FROM sided_items
GROUP BY cid, lo, hi

-- table: sided_reach
-- For each period of a conflict: the extremes over every period that overlaps it.
SELECT p.cid, p.lo, p.hi,
       min(q.min0) AS min0, max(q.max0) AS max0,
       min(q.min1) AS min1, max(q.max1) AS max1,
       min(q.min2) AS min2, max(q.max2) AS max2
FROM sided_periods p
JOIN sided_periods q ON q.cid = p.cid AND q.lo <= p.hi AND p.lo <= q.hi
GROUP BY p.cid, p.lo, p.hi

-- table: sided_held
-- The assertions that take part (held0), and those that take part among the
-- assertions at or above each severity floor.
SELECT i.*,
       r.min0 <> i.side OR r.max0 <> i.side AS held0,
       coalesce(i.severity >= 1 AND (r.min1 <> i.side OR r.max1 <> i.side), false) AS held1,
       coalesce(i.severity >= 2 AND (r.min2 <> i.side OR r.max2 <> i.side), false) AS held2
FROM sided_items i
JOIN sided_reach r ON r.cid = i.cid AND r.lo = i.lo AND r.hi = i.hi

-- table: sided_conflicts
-- A conflict where any assertion takes part; its severity the highest floor at which
-- an overlapping pair remains.
SELECT cid, max(CASE WHEN held2 THEN 2 WHEN held1 THEN 1 ELSE 0 END) AS severity
FROM sided_held
WHERE held0
GROUP BY cid
