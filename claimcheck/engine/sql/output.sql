-- What every conflict carries (§4.5): its entries, side by side, with what each
-- assertion says, ready to be finished by the memory engine's own code (conflict.py's
-- `build_conflict`, report/data.py's `conflict_dict`), conflict by conflict, in id order.

-- table: entries
-- Every assertion that takes part in a conflict, on its side. `route_to` is the claim
-- travelled support reached (the contradicted claim, the exclusive rule's member).
SELECT i.cid, CASE WHEN i.cid LIKE 'contradiction:%' THEN 'contradiction'
                   WHEN i.cid LIKE 'exclusive:%' THEN 'exclusive' ELSE 'conflicts-with' END AS kind,
       i.side, i.label, i.aid, i.route_from, i.route_level,
       CASE WHEN i.route_from IS NULL THEN NULL WHEN i.cid LIKE 'exclusive:%' THEN i.label ELSE i.about END AS route_to
FROM sided_held i
WHERE i.held0
UNION ALL
SELECT cid, kind, side, label, aid, route_from, route_level, route_to FROM value_entries

-- table: conflicts
SELECT cid, severity FROM sided_conflicts
UNION ALL
SELECT DISTINCT cid, 2 FROM value_entries

-- table: stale
-- Resolutions whose conflict does not exist.
SELECT r.conflict, r.file, r.line, r.col, r._file, r._row
FROM resolutions r LEFT JOIN conflicts c ON c.cid = r.conflict
WHERE c.cid IS NULL

-- table: conflict_rows
-- The entries with their assertions (the period each holds for: its own, else its
-- claim's) and their interest (§4.5, engine/sides.py's `interest`): from the claim
-- each is made on and the parties its source represents. Where the claim names whom it
-- favours or harms, self-serving (affirms what favours a party, or denies or doubts what
-- harms one) or else against interest (the reverse); where it names neither,
-- undirected self-interest when the source represents the claim's subject or object.
SELECT e.cid, e.kind, c.severity, e.side, e.label, e.route_from, e.route_level, e.route_to,
       a.claim, a.idx, a.source, a.stance, a.date,
       CASE WHEN a.has_period THEN a.period_start ELSE cl.period_start END AS period_start,
       CASE WHEN a.has_period THEN a.period_end ELSE cl.period_end END AS period_end,
       a.value_kind, a.value, a.value_min_kind, a.value_min, a.value_max_kind, a.value_max,
       a.withdrawn, a.credibility, a.via, r.quote, r.url, r.note,
       r.file, r.line, r.col, r._file, r._row,
       CASE WHEN s.represents IS NULL OR array_length(s.represents) = 0 THEN 'none'
            WHEN array_length(cl.favours) > 0 OR array_length(cl.harms) > 0 THEN
                CASE WHEN (a.stance = 'affirms' AND array_length(array_intersect(cl.favours, s.represents)) > 0)
                       OR (a.stance <> 'affirms' AND array_length(array_intersect(cl.harms, s.represents)) > 0)
                     THEN 'self-serving'
                     WHEN (a.stance = 'affirms' AND array_length(array_intersect(cl.harms, s.represents)) > 0)
                       OR (a.stance <> 'affirms' AND array_length(array_intersect(cl.favours, s.represents)) > 0)
                     THEN 'against-interest'
                     ELSE 'none' END
            WHEN coalesce(list_contains(s.represents, cl.subject), false)
              OR (cl.object_kind = 'text' AND coalesce(list_contains(s.represents, cl.object), false))
            THEN 'undirected'
            ELSE 'none' END AS interest
FROM entries e
JOIN conflicts c ON c.cid = e.cid
JOIN assertions a ON a.aid = e.aid
JOIN raw_assertions r ON r._ord = a.aid
JOIN claims cl ON cl.id = a.claim
LEFT JOIN sources s ON s.id = a.source
