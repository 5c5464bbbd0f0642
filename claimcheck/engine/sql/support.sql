-- Terms of spec §4, as support.py computes them: every assertion with the period it
-- holds for, and the graph that support travels along.
--
-- Input: the clean tables of tablecheck.sql; `spans(text, first, last)`: each date as
-- proleptic day ordinals, read by the memory engine's own parse_date at ingest; and
-- `moment(last)`: the last day of the date conflicts are found as of (`--as-of`), or
-- no row for now. Open bounds are 0 (before 0001-01-01) and 10^7 (after 9999-12-31),
-- model.py's OPEN_START and OPEN_END.

-- table: periods
-- Each assertion that takes part (engine/asof.py: as of now, those not withdrawn; as of
-- a date, those said by its last day and not withdrawn by then), with its period as
-- closed day intervals: its own where it gives one (§3: it replaces the claim's whole),
-- else its claim's, else unbounded. `origin` is the last of `via`, else the source; an
-- affirmation's value (kind and text) is its own, else its claim's object (§4.3).
SELECT a.aid, a.claim, a.idx, a.source, a.stance,
       coalesce(CASE WHEN a.has_period THEN ps.first ELSE cs.first END, 0) AS lo,
       coalesce(CASE WHEN a.has_period THEN pe.last ELSE ce.last END, 10000000) AS hi,
       CASE WHEN array_length(a.via) > 0 THEN a.via[array_length(a.via)] ELSE a.source END AS origin,
       a.value_kind IS NOT NULL AS own_value,
       CASE WHEN a.stance = 'affirms' THEN coalesce(a.value_kind, c.object_kind) END AS value_kind,
       CASE WHEN a.stance = 'affirms' THEN (CASE WHEN a.value_kind IS NOT NULL THEN a.value ELSE c.object END) END AS value
FROM assertions a
JOIN claims c ON c.id = a.claim
LEFT JOIN spans ps ON ps.text = a.period_start
LEFT JOIN spans pe ON pe.text = a.period_end
LEFT JOIN spans cs ON cs.text = c.period_start
LEFT JOIN spans ce ON ce.text = c.period_end
LEFT JOIN spans d ON d.text = a.date
LEFT JOIN spans w ON w.text = a.withdrawn
LEFT JOIN moment m ON true
WHERE CASE WHEN m.last IS NULL THEN a.withdrawn IS NULL
           ELSE (d.first IS NULL OR d.first <= m.last) AND (w.first IS NULL OR w.first > m.last) END

-- table: affirmed
-- The claims some assertion affirms (support starts there).
SELECT DISTINCT claim FROM periods WHERE stance = 'affirms'

-- table: targets
-- The claims whose support is asked for: those some assertion denies or doubts
-- (§4.1), and the members of exclusive rules (§4.2).
SELECT DISTINCT claim FROM periods WHERE stance <> 'affirms'
UNION
SELECT m.claim FROM members m JOIN rules r ON r.id = m.rule WHERE r.kind = 'exclusive'

-- table: rule_edges
-- The edges support travels along (support.py's `rule_edges`): `if` to each `then` of
-- an implies rule; each member of an equivalent rule to the rule's hub node and back
-- (n in, n out: never n² edges). The hub is '#' and the rule id ('#' is in no slug);
-- the edge out of a hub names no rule, so a chain names an equivalent rule once.
SELECT i.claim AS src, t.claim AS dst, r.id AS rule, r.severity
FROM rules r
JOIN members i ON i.rule = r.id AND i.role = 'if'
JOIN members t ON t.rule = r.id AND t.role = 'then'
WHERE r.kind = 'implies'
UNION ALL
SELECT m.claim, '#' || r.id, r.id, r.severity
FROM rules r JOIN members m ON m.rule = r.id
WHERE r.kind = 'equivalent'
UNION ALL
SELECT '#' || r.id, m.claim, NULL, r.severity
FROM rules r JOIN members m ON m.rule = r.id
WHERE r.kind = 'equivalent'

-- table: nodes
-- The graph's nodes, numbered.
SELECT ROW_NUMBER() OVER (ORDER BY name) AS nid, name,
       name IN (SELECT claim FROM affirmed) AS affirmed,
       name IN (SELECT claim FROM targets) AS target
FROM (SELECT src AS name FROM rule_edges UNION SELECT dst FROM rule_edges) n

-- table: edges
-- The edges by node number, each with its place among its node's edges in the order
-- support.py walks them (by rule id, then the node it leads to), which decides which
-- of several shortest chains is reported.
SELECT s.nid AS src, d.nid AS dst, e.rule, e.severity,
       ROW_NUMBER() OVER (PARTITION BY s.nid ORDER BY coalesce(e.rule, ''), e.dst) AS rank
FROM rule_edges e
JOIN nodes s ON s.name = e.src
JOIN nodes d ON d.name = e.dst
