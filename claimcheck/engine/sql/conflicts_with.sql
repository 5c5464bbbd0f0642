-- §4.4 conflicts-with: one subject affirmed, at overlapping times, with two predicates
-- that a `conflicts_with` declaration says it cannot hold together (conflicts_with.py).
-- Only affirmations made directly on a claim count. Severity: error.

-- table: incompatible
-- The pairs p < q of predicates that cannot be held together (either may list the other).
SELECT DISTINCT least(p.id, u.other) AS p, greatest(p.id, u.other) AS q
FROM predicates p CROSS JOIN unnest(p.conflicts_with) AS u(other)
WHERE u.other IS NOT NULL AND u.other <> p.id

-- table: conflicts_with_items
-- Side 0 holds the assertions of p, side 1 those of q, of each subject.
SELECT 'conflicts-with:' || c.subject || '/' || i.p || '+' || i.q AS cid, c.subject AS about,
       i.side, c.predicate AS label,
       a.aid, a.lo, a.hi, 2 AS severity, CAST(NULL AS VARCHAR) AS route_from, CAST(NULL AS INTEGER) AS route_level
FROM (SELECT p, q, p AS predicate, 0 AS side FROM incompatible
      UNION ALL SELECT p, q, q, 1 FROM incompatible) i
JOIN claims c ON c.predicate = i.predicate
JOIN periods a ON a.claim = c.id AND a.stance = 'affirms'
WHERE c.subject IS NOT NULL
