-- §4.1 contradiction: a claim both supported and opposed, at overlapping times
-- (contradiction.py). Support may travel along rules (`travel`, closure.sql);
-- opposition (denies, doubts) applies to the claim itself. A pair whose opposing
-- assertion only doubts is at most a warning. Which assertions clash, and how badly,
-- is sides.sql's, shared with §4.2 and §4.4.

-- table: opposed
-- The claims some assertion denies or doubts: the only ones that can be contradicted.
SELECT DISTINCT claim FROM periods WHERE stance <> 'affirms'

-- table: contradiction_items
-- Side 0 "supports": the claim's affirmations (severity cap error) and those that reach
-- it along rules (capped by the chain's level). Side 1 "opposes": its denials (error)
-- and doubts (warning). `route_from`/`route_level`: where travelled support started.
SELECT 'contradiction:' || o.claim AS cid, o.claim AS about, 0 AS side, 'supports' AS label,
       p.aid, p.lo, p.hi, 2 AS severity, CAST(NULL AS VARCHAR) AS route_from, CAST(NULL AS INTEGER) AS route_level
FROM opposed o JOIN periods p ON p.claim = o.claim AND p.stance = 'affirms'
UNION ALL
SELECT 'contradiction:' || o.claim, o.claim, 0, 'supports', p.aid, p.lo, p.hi, t.level, t.from_claim, t.level
FROM opposed o
JOIN travel t ON t.to_claim = o.claim
JOIN periods p ON p.claim = t.from_claim AND p.stance = 'affirms'
UNION ALL
SELECT 'contradiction:' || p.claim, p.claim, 1, 'opposes', p.aid, p.lo, p.hi,
       CASE WHEN p.stance = 'doubts' THEN 1 ELSE 2 END, NULL, NULL
FROM periods p WHERE p.stance <> 'affirms'
