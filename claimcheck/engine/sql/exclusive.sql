-- §4.2 exclusive: assertions that support different members of an exclusive rule
-- overlap (exclusive.py). Side i holds the support of member i; one assertion that
-- supports two members stands on both sides and clashes with itself. Each pair is
-- capped by the rule's severity.

-- table: exclusive_items
SELECT 'exclusive:' || r.id AS cid, r.id AS about, m.position AS side, m.claim AS label,
       p.aid, p.lo, p.hi, r.severity, CAST(NULL AS VARCHAR) AS route_from, CAST(NULL AS INTEGER) AS route_level
FROM rules r
JOIN members m ON m.rule = r.id
JOIN periods p ON p.claim = m.claim AND p.stance = 'affirms'
WHERE r.kind = 'exclusive'
UNION ALL
SELECT 'exclusive:' || r.id, r.id, m.position, m.claim, p.aid, p.lo, p.hi, least(t.level, r.severity), t.from_claim, t.level
FROM rules r
JOIN members m ON m.rule = r.id
JOIN travel t ON t.to_claim = m.claim
JOIN periods p ON p.claim = t.from_claim AND p.stance = 'affirms'
WHERE r.kind = 'exclusive'
