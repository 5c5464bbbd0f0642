-- Support along rules, per severity level (support.py's `_supporters`): which affirmed
-- claims reach which claims that can be in conflict, along rules at or above each level.
--
-- A chain is as strong as its weakest rule, and where several chains lead to a claim
-- the strongest counts: so reachability is found once per level (2 error, 1 warning,
-- 0 info) on the graph of the rules at or above it. Cycles are condensed first (their
-- strongly connected components, `components(level, nid, cid)`, found at ingest by the
-- memory engine's own `strongly_connected`), so a large implies cycle or equivalent rule
-- is one node and no n² closure arises. The walk then runs backwards from the targets'
-- components over the condensed graph, one round per step, as a loop of small
-- statements driven from Python (`sqlengine.closure`): `ancestors` grows by `frontier`
-- until a round adds nothing.

-- table: levels
SELECT level FROM (VALUES (0), (1), (2)) AS v(level)

-- table: node_components
-- Every node's component at every level (its own where it is in no cycle).
SELECT l.level, n.nid, coalesce(c.cid, n.nid) AS cid, n.affirmed, n.target
FROM levels l CROSS JOIN nodes n
LEFT JOIN components c ON c.level = l.level AND c.nid = n.nid

-- table: condensed_edges
SELECT DISTINCT l.level, s.cid AS src, d.cid AS dst
FROM levels l
JOIN edges e ON e.severity >= l.level
JOIN node_components s ON s.level = l.level AND s.nid = e.src
JOIN node_components d ON d.level = l.level AND d.nid = e.dst
WHERE s.cid <> d.cid

-- table: ancestors
-- (level, target component, component that reaches it): to start, each target's own.
SELECT DISTINCT level, cid AS target, cid AS ancestor FROM node_components WHERE target

-- table: frontier
SELECT level, target, ancestor FROM ancestors

-- table: step
-- One round: the components one edge before the frontier, not yet known.
SELECT DISTINCT f.level, f.target, e.src AS ancestor
FROM frontier f
JOIN condensed_edges e ON e.level = f.level AND e.dst = f.ancestor
LEFT JOIN ancestors a ON a.level = f.level AND a.target = f.target AND a.ancestor = e.src
WHERE a.ancestor IS NULL

-- table: travel
-- Support that travels: the affirmations of claim `from_claim` support claim
-- `to_claim` along rules at or above `level`, the best level at which it reaches it
-- (a claim's own affirmations are not travelled support, support.py's x != target).
SELECT x.name AS from_claim, t.name AS to_claim, max(a.level) AS level
FROM ancestors a
JOIN node_components xc ON xc.level = a.level AND xc.cid = a.ancestor AND xc.affirmed
JOIN node_components tc ON tc.level = a.level AND tc.cid = a.target AND tc.target
JOIN nodes x ON x.nid = xc.nid
JOIN nodes t ON t.nid = tc.nid
WHERE x.nid <> t.nid
GROUP BY x.name, t.name
