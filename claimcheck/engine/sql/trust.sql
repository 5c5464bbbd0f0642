-- Learned trust (`--assess trust`, trust.py) as joins and group-bys: the fact sets once,
-- then rounds of the iteration, driven from Python (`sqltrust.learn`) until no source's
-- trust moves by more than the tolerance.
--
-- Input: `periods` (the assertions that take part, support.sql), the clean tables, and
-- from the ingest step `trust_keys` (value.sql's keys of every value given, read by the
-- memory engine's `classify`) and `trust_now(source, t)`: each source's trust this
-- round (its prior to start). trust.py's docstring says what is iterated and why.

-- table: trust_items
-- Each affirmation made directly on a claim with a value (its own, else the claim's
-- object): in the value conflict's group (value.sql), here every claim's, even with one
-- valued assertion (an unchecked fact, which still counts for its source's trust).
SELECT CASE WHEN c.subject IS NOT NULL AND p.single_value THEN 'value:' || c.subject || '/' || c.predicate
            ELSE 'value:' || c.id END AS gid,
       CASE WHEN p.id IS NOT NULL THEN p.id ELSE coalesce(c.predicate, '') END AS domain,
       a.aid, a.claim, a.idx, a.source, a.origin, a.lo, a.hi,
       p.value_type AS vt, coalesce(p.tolerance, '0') AS tolerance,
       CASE WHEN x.value_kind IS NOT NULL
            THEN vkey(x.value_kind, x.value, x.value_min_kind, x.value_min, x.value_max_kind, x.value_max)
            ELSE vkey(c.object_kind, c.object, c.object_min_kind, c.object_min, c.object_max_kind, c.object_max) END AS vkey
FROM periods a
JOIN assertions x ON x.aid = a.aid
JOIN claims c ON c.id = a.claim
LEFT JOIN predicates p ON p.id = c.predicate
WHERE a.stance = 'affirms' AND coalesce(x.value_kind, c.object_kind) IS NOT NULL

-- table: trust_alternatives
-- Every assertion in a fact set's making: a value (its class and key from the ingest
-- step) or, for a claim none of whose affirmations gives a value, its stance (affirms
-- against opposes).
SELECT i.gid, i.domain, 'value' AS kind, i.aid, i.claim, i.idx, i.source, i.origin, i.lo, i.hi,
       k.cls, k.vorder, k.tkey, k.nlo, k.nhi, k.nlo_tol, k.nhi_tol, k.dfirst, k.dlast, k.dtol
FROM trust_items i
JOIN trust_keys k ON k.vkey = i.vkey AND k.tolerance = i.tolerance AND coalesce(k.vt, '') = coalesce(i.vt, '')
WHERE k.cls IS NOT NULL
UNION ALL
SELECT 'stance:' || a.claim, '', 'stance', a.aid, a.claim, a.idx, a.source, a.origin, a.lo, a.hi,
       CASE WHEN a.stance = 'affirms' THEN 'affirms' ELSE 'opposes' END,
       CASE WHEN a.stance = 'affirms' THEN 0 ELSE 1 END, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM periods a
LEFT JOIN (SELECT DISTINCT claim FROM trust_items) v ON v.claim = a.claim
WHERE v.claim IS NULL

-- table: trust_rows
-- ... cut into runs whose periods chain into one another (values that hold at different
-- times do not compete): a run ends where the next period starts after every one so far
-- has ended. A run is a fact set (`sid`).
SELECT r.*, r.gid || '#' || CAST(sum(CASE WHEN r.reach IS NULL OR r.lo > r.reach THEN 1 ELSE 0 END)
           OVER (PARTITION BY r.gid ORDER BY r.lo, r.hi, r.claim, r.idx ROWS UNBOUNDED PRECEDING) AS VARCHAR) AS sid
FROM (SELECT t.*, max(t.hi) OVER (PARTITION BY t.gid ORDER BY t.lo, t.hi, t.claim, t.idx
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
      FROM trust_alternatives t) r

-- table: trust_facts
-- One fact per distinct value (or stance) of a set, numbered. (One value may be written
-- several ways, 5 and 5.0: its texts are `trust_fact_texts`.)
SELECT DENSE_RANK() OVER (ORDER BY sid, vorder) AS fid, sid, gid, domain, kind, cls, vorder,
       nlo, nhi, nlo_tol, nhi_tol, dfirst, dlast, dtol
FROM (SELECT DISTINCT sid, gid, domain, kind, cls, vorder, nlo, nhi, nlo_tol, nhi_tol, dfirst, dlast, dtol
      FROM trust_rows) f

-- table: trust_row_facts
-- Each assertion's fact.
SELECT r.aid, r.claim, r.idx, r.source, r.origin, f.fid, f.sid
FROM trust_rows r JOIN trust_facts f ON f.sid = r.sid AND f.vorder = r.vorder

-- table: trust_fact_texts
-- The texts each value fact is written in (values of two classes compare as text).
SELECT DISTINCT f.fid, f.sid, f.cls, r.tkey
FROM trust_rows r JOIN trust_facts f ON f.sid = r.sid AND f.vorder = r.vorder
WHERE r.kind = 'value'

-- table: trust_voices
-- An origin votes once in a set, its vote split among the facts it gives.
SELECT v.fid, v.origin, 1.0 / g.given AS share
FROM (SELECT DISTINCT fid, sid, origin FROM trust_row_facts) v
JOIN (SELECT sid, origin, count(DISTINCT fid) AS given FROM trust_row_facts GROUP BY sid, origin) g
  ON g.sid = v.sid AND g.origin = v.origin

-- table: trust_sets
-- Each fact set: its facts, and whether it is checked (more than one value, or more than
-- one origin: one origin giving one value bears out nothing).
SELECT f.sid, min(f.kind) AS kind, min(f.domain) AS domain, count(DISTINCT f.fid) AS facts,
       count(DISTINCT f.fid) > 1 OR min(o.origins) > 1 AS checked
FROM trust_facts f
JOIN (SELECT sid, count(DISTINCT origin) AS origins FROM trust_row_facts GROUP BY sid) o ON o.sid = f.sid
GROUP BY f.sid

-- table: trust_heads
-- Per fact: how many origins vote for it (their shares summed).
SELECT f.fid, f.sid, coalesce(sum(v.share), 0.0) AS heads
FROM trust_facts f LEFT JOIN trust_voices v ON v.fid = f.fid
GROUP BY f.fid, f.sid

-- table: trust_credits
-- The sources credited with each fact: those that gave it and the origins they had it from.
SELECT DISTINCT fid, source FROM (SELECT fid, source FROM trust_row_facts UNION ALL SELECT fid, origin FROM trust_row_facts) c

-- table: trust_compatible
-- Which facts of a set count for each other (trust.py's `_spread`): each itself; numbers,
-- dates and date-times of one class within the tolerance of each other (their extents
-- less than the tolerance apart); values of two classes with the same text.
SELECT m.fid, j.fid AS other
FROM trust_facts m
JOIN trust_facts j ON j.sid = m.sid
WHERE m.fid = j.fid
   OR (m.cls = j.cls AND m.cls = 'number' AND j.nlo <= m.nhi_tol AND j.nhi >= m.nlo_tol)
   OR (m.cls = j.cls AND m.cls IN ('date', 'datetime') AND j.dfirst <= m.dlast + m.dtol AND j.dlast >= m.dfirst - m.dtol)
UNION
SELECT m.fid, j.fid
FROM trust_fact_texts m JOIN trust_fact_texts j ON j.sid = m.sid AND j.tkey = m.tkey AND j.cls <> m.cls

-- table: trust_evidence
-- Per source: its credits in checked sets (`count`), and in unchecked ones, which count
-- at its prior and so add to the prior's weight (`strength`, from prior_strength).
SELECT c.source, count(*) FILTER (WHERE s.checked) AS count, count(*) FILTER (WHERE NOT s.checked) AS unchecked
FROM trust_credits c JOIN trust_facts f ON f.fid = c.fid JOIN trust_sets s ON s.sid = f.sid
GROUP BY c.source

-- table: trust_first_n
-- n to start with: 100 false values for a value set (Accu's choice), 1 for a stance set.
SELECT sid, CASE WHEN kind = 'stance' THEN 1.0 ELSE 100.0 END AS n FROM trust_sets WHERE checked

-- table: trust_votes
-- One round, step 1: each checked fact's vote, ln(n)·heads + Σ share·logit(trust of the
-- origin); `trust_n` holds the sets that are checked, with their n.
SELECT h.fid, h.sid, ln(n.n) * h.heads + coalesce(v.trusted, 0.0) AS vote
FROM trust_heads h
JOIN trust_n n ON n.sid = h.sid
LEFT JOIN (SELECT v.fid, sum(v.share * ln(t.t / (1.0 - t.t))) AS trusted
           FROM trust_voices v JOIN trust_now t ON t.source = v.origin GROUP BY v.fid) v ON v.fid = h.fid

-- table: trust_scores
-- ... a fact's score: its vote and the votes of the facts compatible with it.
SELECT c.fid, min(v.sid) AS sid, sum(o.vote) AS score
FROM trust_compatible c JOIN trust_votes v ON v.fid = c.fid JOIN trust_votes o ON o.fid = c.other
GROUP BY c.fid

-- table: trust_probs
-- ... its confidence: exp(score) over the sum of every fact's, plus one for each of the
-- n + 1 - k values nobody gave; `unseen`, the chance that the truth is one of those.
SELECT s.fid, s.sid, exp(s.score - t.top) / t.total AS p, t.unseen / t.total AS p_unseen
FROM trust_scores s
JOIN (SELECT x.sid, x.top, sum(exp(x.score - x.top)) + greatest(n.n + 1 - count(*), 0.0) * exp(-x.top) AS total,
             greatest(n.n + 1 - count(*), 0.0) * exp(-x.top) AS unseen
      FROM (SELECT sid, score, max(score) OVER (PARTITION BY sid) AS top FROM trust_scores) x
      JOIN trust_n n ON n.sid = x.sid
      GROUP BY x.sid, x.top, n.n) t ON t.sid = s.sid

-- table: trust_agreement
-- ... and the chance that the truth is compatible with it (at most 1).
SELECT c.fid, least(1.0, sum(p.p)) AS agreement
FROM trust_compatible c JOIN trust_probs p ON p.fid = c.other
GROUP BY c.fid

-- table: trust_pairs
-- Per domain, for learning n: the expected pairs of wrong origins, and of those the pairs
-- that agree (trust.py's `_confidences`): everyone is wrong when the truth is a value
-- nobody gave; else all but those who gave it.
SELECT s.domain, sum(x.wrong) AS wrong, sum(x.agree_wrong) AS agree_wrong
FROM (
    SELECT p.sid,
           min(p.p_unseen) * min(t.everyone) * (min(t.everyone) - 1) / 2
               + sum(p.p * (t.everyone - h.heads) * (t.everyone - h.heads - 1) / 2) AS wrong,
           min(p.p_unseen) * min(t.all_agreeing) + sum(p.p * (t.all_agreeing - h.heads * (h.heads - 1) / 2)) AS agree_wrong
    FROM trust_probs p
    JOIN trust_heads h ON h.fid = p.fid
    JOIN (SELECT sid, sum(heads) AS everyone, sum(heads * (heads - 1) / 2) AS all_agreeing FROM trust_heads GROUP BY sid) t
      ON t.sid = p.sid
    GROUP BY p.sid
) x
JOIN trust_sets s ON s.sid = x.sid
WHERE s.kind = 'value'
GROUP BY s.domain

-- table: trust_relearn
-- ... and n for each checked value set from them (stance sets have n = 1).
SELECT s.sid, CASE WHEN s.kind = 'stance' THEN 1.0
                   ELSE greatest(1.0, coalesce((p.wrong + 100.0) / (p.agree_wrong + 1.0), 100.0)) END AS n
FROM trust_sets s LEFT JOIN trust_pairs p ON p.domain = s.domain
WHERE s.checked

-- table: trust_next
-- Step 2: each source's trust, the mean of what its credited facts' agreement earned,
-- shrunk towards its prior as if it had given prior_strength facts at the prior.
SELECT t.source, t.prior,
       least(0.99, greatest(0.01, CASE WHEN t.strength + coalesce(e.count, 0) > 0
           THEN (t.strength * t.prior + coalesce(g.earned, 0.0)) / (t.strength + coalesce(e.count, 0)) ELSE t.prior END)) AS t,
       t.strength
FROM trust_now t
LEFT JOIN trust_evidence e ON e.source = t.source
LEFT JOIN (SELECT c.source, sum(a.agreement) AS earned
           FROM trust_credits c JOIN trust_agreement a ON a.fid = c.fid GROUP BY c.source) g ON g.source = t.source

-- table: trust_moved
SELECT coalesce(max(abs(n.t - o.t)), 0.0) AS moved FROM trust_next n JOIN trust_now o ON o.source = n.source

-- table: trust_final
-- What the model holds in the end: each fact's agreement; a fact of an unchecked set (one
-- origin's word alone) is as likely as that origin is right.
SELECT fid, agreement FROM trust_agreement
UNION ALL
SELECT f.fid, t.t
FROM trust_facts f
JOIN trust_sets s ON s.sid = f.sid AND NOT s.checked
JOIN (SELECT DISTINCT fid, origin FROM trust_voices) v ON v.fid = f.fid
JOIN trust_now t ON t.source = v.origin

-- table: trust_of_assertions
SELECT r.aid, r.claim, r.idx, f.agreement
FROM trust_row_facts r JOIN trust_final f ON f.fid = r.fid
