-- Validation of a table corpus (spec §2–§3), as set operations: the checks that YAML
-- does one record at a time (fields, words, slugs, dates) and those it does across files
-- (duplicate ids, unknown sources, claims and entities, values that do not fit a
-- predicate's type, rules of the wrong shape) are here anti-joins and group-bys.
--
-- Input: raw_<table> (every declared column, cast, named as below, with _file and _row:
-- where the row is, and _ord: its order, by file, line and column, else as stored),
-- dates(raw, text, first, last, problem) and value_checks(vt, vkey, code, message) from
-- the ingest step (Python, the memory engine's own
-- parsing). Output: the clean tables (sources, entities, predicates, claims,
-- assertions, rules, members, resolutions), the rows that take part with what is valid
-- of them, as validation builds the model; and `findings`.
--
-- Semantics follow validate.py: a row missing a required field, or with one that is
-- invalid, takes no part; an invalid optional field is reported and left out; the second
-- of two rows with one id is ignored; a reference to nothing is an error (a via with one
-- is left out whole; an assertion whose source or value is wrong takes no part; a rule
-- with any error takes no part).

-- table: twice_sources
SELECT id FROM raw_sources WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1

-- table: rank_sources
SELECT r._ord, ROW_NUMBER() OVER (PARTITION BY r.id ORDER BY r._ord) AS id_rank
FROM raw_sources r JOIN twice_sources t ON t.id = r.id

-- view: id_sources
-- A row's id problems, and its rank among the rows with its id (1: the first, in the
-- table's order, which counts; the others are duplicates: ranked only where an id is
-- given twice, the rare case, so no sort of every row).
SELECT r.*,
       is_slug(r.id) AS id_ok,
       CASE WHEN is_slug(r.id) THEN coalesce(k.id_rank, 1) END AS id_rank
FROM raw_sources r LEFT JOIN rank_sources k ON k._ord = r._ord

-- table: twice_entities
SELECT id FROM raw_entities WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1

-- table: rank_entities
SELECT r._ord, ROW_NUMBER() OVER (PARTITION BY r.id ORDER BY r._ord) AS id_rank
FROM raw_entities r JOIN twice_entities t ON t.id = r.id

-- view: id_entities
SELECT r.*,
       is_slug(r.id) AS id_ok,
       CASE WHEN is_slug(r.id) THEN coalesce(k.id_rank, 1) END AS id_rank
FROM raw_entities r LEFT JOIN rank_entities k ON k._ord = r._ord

-- table: twice_predicates
SELECT id FROM raw_predicates WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1

-- table: rank_predicates
SELECT r._ord, ROW_NUMBER() OVER (PARTITION BY r.id ORDER BY r._ord) AS id_rank
FROM raw_predicates r JOIN twice_predicates t ON t.id = r.id

-- view: id_predicates
SELECT r.*,
       is_slug(r.id) AS id_ok,
       CASE WHEN is_slug(r.id) THEN coalesce(k.id_rank, 1) END AS id_rank
FROM raw_predicates r LEFT JOIN rank_predicates k ON k._ord = r._ord

-- table: twice_claims
SELECT id FROM raw_claims WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1

-- table: rank_claims
SELECT r._ord, ROW_NUMBER() OVER (PARTITION BY r.id ORDER BY r._ord) AS id_rank
FROM raw_claims r JOIN twice_claims t ON t.id = r.id

-- view: id_claims
SELECT r.*,
       is_slug(r.id) AS id_ok,
       CASE WHEN is_slug(r.id) THEN coalesce(k.id_rank, 1) END AS id_rank
FROM raw_claims r LEFT JOIN rank_claims k ON k._ord = r._ord

-- table: twice_rules
SELECT id FROM raw_rules WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1

-- table: rank_rules
SELECT r._ord, ROW_NUMBER() OVER (PARTITION BY r.id ORDER BY r._ord) AS id_rank
FROM raw_rules r JOIN twice_rules t ON t.id = r.id

-- view: id_rules
SELECT r.*,
       is_slug(r.id) AS id_ok,
       CASE WHEN is_slug(r.id) THEN coalesce(k.id_rank, 1) END AS id_rank
FROM raw_rules r LEFT JOIN rank_rules k ON k._ord = r._ord

-- table: entities
SELECT id, name, aliases,
       CASE WHEN kind IN ('person', 'organization', 'country', 'place', 'event', 'other') THEN kind END AS kind,
       file, line, col, _file, _row, _ord
FROM id_entities
WHERE id_rank = 1 AND name IS NOT NULL

-- table: represented
-- Each entity a source says it represents.
SELECT s.id AS source, s._ord, s.file, s.line, s.col, s._file, s._row, u.entity
FROM id_sources s CROSS JOIN unnest(s.represents) AS u(entity)
WHERE s.id_rank = 1 AND s.name IS NOT NULL AND u.entity IS NOT NULL

-- table: source_represents
-- ... and whether it is known.
SELECT r.*, e.id IS NOT NULL AS known
FROM represented r LEFT JOIN entities e ON e.id = r.entity

-- table: sources
SELECT s.id, s.name,
       CASE WHEN s.kind IN ('newspaper', 'broadcaster', 'agency', 'magazine', 'government', 'official', 'report',
                            'think-tank', 'analyst', 'social-media', 'anonymous', 'other') THEN s.kind END AS kind,
       CASE WHEN s.reliability IN ('A', 'B', 'C', 'D', 'E', 'F') THEN s.reliability END AS reliability,
       CASE WHEN s.represents IS NULL OR k.unknown IS NULL OR k.unknown = 0 THEN s.represents
            ELSE list_filter(s.represents, lambda x: list_contains(k.known, x)) END AS represents,
       s.url, s.country, s.note, s.file, s.line, s.col, s._file, s._row, s._ord
FROM id_sources s
LEFT JOIN (
    SELECT source, list(entity) FILTER (WHERE known) AS known, count(*) FILTER (WHERE NOT known) AS unknown
    FROM source_represents GROUP BY source
) k ON k.source = s.id
WHERE s.id_rank = 1 AND s.name IS NOT NULL

-- table: predicates
SELECT p.id, p.description, coalesce(p.single_value, false) AS single_value,
       CASE WHEN p.value_type IN ('text', 'number', 'date', 'datetime', 'entity', 'boolean') THEN p.value_type END AS value_type,
       CASE WHEN t.ok THEN t.text END AS tolerance,
       list_filter(p.conflicts_with, lambda x: is_slug(x) AND x <> p.id) AS conflicts_with,
       p.file, p.line, p.col, p._file, p._row, p._ord
FROM id_predicates p LEFT JOIN tolerances t ON t.raw = p.tolerance
WHERE p.id_rank = 1

-- table: value_uses
-- Every value given (a claim's object, an assertion's value), with the value_type of
-- its claim's predicate: the ingest step checks each once (`value_checks`: does it fit,
-- is a range well made), with validation's own `fits`.
SELECT DISTINCT p.value_type AS vt, c.object_kind AS kind, c.object AS value, c.object_min_kind AS min_kind,
       c.object_min AS low, c.object_max_kind AS max_kind, c.object_max AS high
FROM raw_claims c LEFT JOIN predicates p ON p.id = c.predicate
WHERE c.object IS NOT NULL OR c.object_kind = 'range'
UNION
SELECT DISTINCT p.value_type, a.value_kind, a.value, a.value_min_kind, a.value_min, a.value_max_kind, a.value_max
FROM raw_assertions a
LEFT JOIN raw_claims c ON c.id = a.claim
LEFT JOIN predicates p ON p.id = c.predicate
WHERE a.value IS NOT NULL OR a.value_kind = 'range'

-- table: claims_checked
-- Each claim that takes part, with its optional fields checked: a subject that is no
-- known entity, a predicate that is no slug, an object that does not fit, a period
-- with a bad bound or that starts after it ends are left out.
SELECT c.id, c.text,
       c.subject AS given_subject,
       se.id AS subject,
       CASE WHEN is_slug(c.predicate) THEN c.predicate END AS predicate,
       c.predicate AS given_predicate,
       c.object_kind, c.object, c.object_min_kind, c.object_min, c.object_max_kind, c.object_max,
       c.object IS NOT NULL OR coalesce(c.object_kind = 'range', false) AS has_object,
       v.code AS object_code, v.message AS object_problem,
       p.value_type,
       p.value_type IS DISTINCT FROM 'entity' OR oe.id IS NOT NULL AS object_known,
       ds.problem AS start_problem, de.problem AS end_problem,
       ds.text AS period_start, ds.first AS start_first, de.text AS period_end, de.last AS end_last,
       c.favours, c.harms, c.tags,
       c.file, c.line, c.col, c._file, c._row, c._ord
FROM id_claims c
LEFT JOIN entities se ON se.id = c.subject
LEFT JOIN predicates p ON p.id = c.predicate
LEFT JOIN value_checks v ON v.vt IS NOT DISTINCT FROM p.value_type
      AND v.vkey = vkey(c.object_kind, c.object, c.object_min_kind, c.object_min, c.object_max_kind, c.object_max)
LEFT JOIN entities oe ON oe.id = c.object
LEFT JOIN dates ds ON ds.raw = c.period_start
LEFT JOIN dates de ON de.raw = c.period_end
WHERE c.id_rank = 1 AND c.text IS NOT NULL

-- table: interest_rows
-- The entities each claim favours and harms (§3, format version 2): known ones only,
-- and none in both lists (which way the claim cuts for it is then unknown).
SELECT x.*, e.id IS NOT NULL AS known
FROM (
    SELECT c.id AS claim, 'favours' AS list, u.entity, coalesce(list_contains(c.harms, u.entity), false) AS both_lists,
           c.file, c.line, c.col, c._file, c._row
    FROM claims_checked c CROSS JOIN unnest(c.favours) AS u(entity)
    UNION ALL
    SELECT c.id, 'harms', u.entity, coalesce(list_contains(c.favours, u.entity), false),
           c.file, c.line, c.col, c._file, c._row
    FROM claims_checked c CROSS JOIN unnest(c.harms) AS u(entity)
) x LEFT JOIN entities e ON e.id = x.entity

-- table: claims
SELECT c.id, c.text, c.subject, c.predicate,
       CASE WHEN object_ok THEN object_kind END AS object_kind,
       CASE WHEN object_ok THEN object END AS object,
       CASE WHEN object_ok THEN object_min_kind END AS object_min_kind,
       CASE WHEN object_ok THEN object_min END AS object_min,
       CASE WHEN object_ok THEN object_max_kind END AS object_max_kind,
       CASE WHEN object_ok THEN object_max END AS object_max,
       CASE WHEN period_ok THEN period_start END AS period_start,
       CASE WHEN period_ok THEN period_end END AS period_end,
       CASE WHEN b.bad IS NULL THEN c.favours ELSE list_filter(c.favours, lambda x: NOT list_contains(b.bad, x)) END AS favours,
       CASE WHEN b.bad IS NULL THEN c.harms ELSE list_filter(c.harms, lambda x: NOT list_contains(b.bad, x)) END AS harms,
       list_filter(c.tags, lambda x: is_slug(x)) AS tags,
       c.file, c.line, c.col, c._file, c._row, c._ord
FROM (
    SELECT *,
           start_problem IS NULL AND end_problem IS NULL
           AND (start_first IS NULL OR end_last IS NULL OR start_first <= end_last) AS period_ok,
           has_object AND object_code IS NULL AND object_known AS object_ok
    FROM claims_checked
) c
LEFT JOIN (SELECT claim, list(entity) AS bad FROM interest_rows WHERE NOT known OR both_lists GROUP BY claim) b
       ON b.claim = c.id

-- table: via_elements
-- Each source an assertion names in its via.
SELECT a._ord, u.via_source
FROM raw_assertions a CROSS JOIN unnest(a.via) AS u(via_source)

-- table: via_unknown
-- The assertions whose via names a source that is not known (the whole via is left out).
SELECT v._ord, count(*) AS unknown
FROM via_elements v LEFT JOIN sources s ON s.id = v.via_source
WHERE s.id IS NULL
GROUP BY v._ord

-- table: index_twice
-- Two rows of one claim with one index: the later ones are ignored (ranked only where
-- it happens, so no sort of every row).
SELECT a._ord, ROW_NUMBER() OVER (PARTITION BY a.claim, a.idx ORDER BY a._ord) AS index_rank
FROM raw_assertions a
JOIN (SELECT claim, idx FROM raw_assertions WHERE claim IS NOT NULL AND idx IS NOT NULL
      GROUP BY claim, idx HAVING count(*) > 1) t ON t.claim = a.claim AND t.idx = a.idx

-- table: assertion_values
-- The assertions that give a value, with what the ingest step found of it.
SELECT a._ord, v.code AS value_code, v.message AS value_problem,
       c.value_type IS DISTINCT FROM 'entity' OR e.id IS NOT NULL AS value_known
FROM raw_assertions a
JOIN (SELECT c.id, p.value_type FROM claims c LEFT JOIN predicates p ON p.id = c.predicate) c ON c.id = a.claim
LEFT JOIN value_checks v ON v.vt IS NOT DISTINCT FROM c.value_type
      AND v.vkey = vkey(a.value_kind, a.value, a.value_min_kind, a.value_min, a.value_max_kind, a.value_max)
LEFT JOIN entities e ON e.id = a.value
WHERE a.value IS NOT NULL OR coalesce(a.value_kind = 'range', false)

-- table: assertions_checked
-- Every assertion row with what its checks found, and what of it takes part (what is
-- only shown stays in the table as read, `raw_assertions`, joined by `_ord`).
SELECT a._ord, a.claim, a.idx, a.source, a.stance,
       c.id IS NOT NULL AS claim_known,
       coalesce(k.index_rank, 1) AS index_rank,
       s.id IS NOT NULL AS source_known,
       ds.problem AS date_problem, ds.text AS date_text, ds.first AS date_first,
       dw.problem AS withdrawn_problem, dw.text AS withdrawn_text, dw.last AS withdrawn_last,
       ps.problem AS start_problem, ps.text AS start_text, ps.first AS start_first,
       pe.problem AS end_problem, pe.text AS end_text, pe.last AS end_last,
       v._ord IS NOT NULL AS has_value, v.value_code, v.value_problem, coalesce(v.value_known, true) AS value_known,
       coalesce(vu.unknown, 0) AS via_unknown,
       coalesce(a.has_period, false) AND ps.problem IS NULL AND pe.problem IS NULL
           AND (ps.first IS NULL OR pe.last IS NULL OR ps.first <= pe.last) AS own_period,
       a.value_kind, a.value, a.value_min_kind, a.value_min, a.value_max_kind, a.value_max, a.credibility, a.via
FROM raw_assertions a
LEFT JOIN claims c ON c.id = a.claim
LEFT JOIN index_twice k ON k._ord = a._ord
LEFT JOIN sources s ON s.id = a.source
LEFT JOIN dates ds ON ds.raw = a.date
LEFT JOIN dates dw ON dw.raw = a.withdrawn
LEFT JOIN dates ps ON ps.raw = a.period_start
LEFT JOIN dates pe ON pe.raw = a.period_end
LEFT JOIN assertion_values v ON v._ord = a._ord
LEFT JOIN via_unknown vu ON vu._ord = a._ord

-- table: assertion_rows
-- The assertion rows with a problem (a few, or none: found in one pass), with the fields
-- findings show; `claim_named`: its claim is in the table, if with errors of its own.
SELECT k.*, a.file, a.line, a.col, a._file, a._row, n.id IS NOT NULL AS claim_named
FROM (SELECT * FROM assertions_checked
      WHERE NOT claim_known OR claim IS NULL OR idx IS NULL OR source IS NULL OR stance IS NULL
         OR stance NOT IN ('affirms', 'denies', 'doubts') OR credibility NOT BETWEEN 1 AND 6 OR idx < 0
         OR index_rank > 1 OR NOT source_known OR date_problem IS NOT NULL OR withdrawn_problem IS NOT NULL
         OR start_problem IS NOT NULL OR end_problem IS NOT NULL OR start_first > end_last
         OR value_code IS NOT NULL OR NOT value_known OR withdrawn_last < date_first OR via_unknown > 0) k
JOIN raw_assertions a ON a._ord = k._ord
LEFT JOIN (SELECT DISTINCT r.id FROM raw_claims r JOIN (SELECT DISTINCT claim FROM assertions_checked WHERE NOT claim_known) u
           ON u.claim = r.id) n ON n.id = k.claim

-- view: assertions
-- The assertions that take part (validate.py's `assertions`), with what is valid of
-- them; `aid` names each (its row). A value that cannot be read is left out (the
-- claim's object stands for it); one that does not fit its predicate's type leaves its
-- assertion out (validate.py: else the claim's object would stand for what the source
-- never gave). A withdrawal before the assertion was said is ignored (S018). What is only
-- shown (quote, url, note, where it came from) stays in `raw_assertions`.
SELECT k._ord AS aid, k.claim, k.idx, k.source, k.stance,
       CASE WHEN k.date_problem IS NULL THEN k.date_text END AS date,
       k.own_period AS has_period,
       CASE WHEN k.own_period THEN k.start_text END AS period_start,
       CASE WHEN k.own_period THEN k.end_text END AS period_end,
       CASE WHEN k.value_code IS NULL AND k.has_value THEN k.value_kind END AS value_kind,
       CASE WHEN k.value_code IS NULL AND k.has_value THEN k.value END AS value,
       CASE WHEN k.value_code IS NULL AND k.has_value THEN k.value_min_kind END AS value_min_kind,
       CASE WHEN k.value_code IS NULL AND k.has_value THEN k.value_min END AS value_min,
       CASE WHEN k.value_code IS NULL AND k.has_value THEN k.value_max_kind END AS value_max_kind,
       CASE WHEN k.value_code IS NULL AND k.has_value THEN k.value_max END AS value_max,
       CASE WHEN k.withdrawn_problem IS NULL AND NOT coalesce(k.withdrawn_last < k.date_first, false) THEN k.withdrawn_text END AS withdrawn,
       CASE WHEN k.credibility BETWEEN 1 AND 6 THEN k.credibility END AS credibility,
       CASE WHEN k.via_unknown = 0 THEN k.via END AS via
FROM assertions_checked k
WHERE k.claim_known AND k.index_rank = 1 AND k.idx >= 0 AND k.source_known
  AND k.stance IN ('affirms', 'denies', 'doubts')
  AND (NOT k.has_value OR k.value_code = 'S002' OR (k.value_code IS NULL AND k.value_known))

-- table: rating_rows
-- The ratings of each resolution (format version 2): claim id → its verdict.
SELECT r._ord, r.conflict, e.entry.key AS claim, e.entry.value AS rating, r.file, r.line, r.col, r._file, r._row
FROM raw_resolutions r CROSS JOIN unnest(map_entries(r.ratings)) AS e(entry)
WHERE r.conflict IS NOT NULL

-- table: member_rows
SELECT m.*,
       c.id IS NOT NULL AS claim_known,
       ROW_NUMBER() OVER (PARTITION BY m.rule, m.role, m.claim ORDER BY m._ord) AS claim_rank
FROM raw_members m LEFT JOIN claims c ON c.id = m.claim

-- table: rule_shape
-- What is wrong with each rule's shape (validate.py's `rule`): members in the wrong
-- role for its kind, too few claims, a claim listed twice, an unknown claim.
SELECT r.id, r._ord,
       count(m.rule) FILTER (WHERE m.role = 'if') AS ifs,
       count(m.rule) FILTER (WHERE m.role = 'then') AS thens,
       count(m.rule) FILTER (WHERE m.role = 'claims') AS listed,
       count(DISTINCT m.claim) FILTER (WHERE m.role = 'claims') AS distinct_listed,
       count(m.rule) FILTER (WHERE m.role NOT IN ('if', 'then', 'claims')) AS bad_roles,
       count(m.rule) FILTER (WHERE m.claim_rank > 1 AND m.role IN ('then', 'claims')) AS twice,
       count(m.rule) FILTER (WHERE NOT m.claim_known) AS unknown
FROM id_rules r LEFT JOIN member_rows m ON m.rule = r.id
WHERE r.id_rank = 1
GROUP BY r.id, r._ord

-- table: rules
SELECT r.id, r.kind,
       CASE coalesce(r.severity, 'error') WHEN 'error' THEN 2 WHEN 'warning' THEN 1 WHEN 'info' THEN 0 END AS severity,
       r.note, r.file, r.line, r.col, r._file, r._row, r._ord
FROM id_rules r JOIN rule_shape s ON s.id = r.id
WHERE r.id_rank = 1 AND r.kind IN ('exclusive', 'implies', 'equivalent')
  AND coalesce(r.severity, 'error') IN ('error', 'warning', 'info')
  AND s.bad_roles = 0 AND s.twice = 0 AND s.unknown = 0
  AND CASE WHEN r.kind = 'implies' THEN s.ifs = 1 AND s.thens >= 1 AND s.listed = 0
           ELSE s.ifs = 0 AND s.thens = 0 AND s.distinct_listed >= 2 END

-- table: members
SELECT m.rule, m.role, m.position, m.claim
FROM member_rows m JOIN rules r ON r.id = m.rule

-- table: resolutions_checked
SELECT r.*, d.problem AS date_problem, d.text AS date_text,
       ROW_NUMBER() OVER (PARTITION BY r.conflict ORDER BY r._ord) AS conflict_rank,
       ROW_NUMBER() OVER (PARTITION BY r.conflict ORDER BY CASE WHEN r.status = 'resolved' THEN 0 ELSE 1 END, r._ord) AS status_rank
FROM raw_resolutions r LEFT JOIN dates d ON d.raw = r.date
WHERE r.conflict IS NOT NULL AND r.status IN ('acknowledged', 'resolved')

-- table: resolutions
-- One per conflict: the first, or where a later one says resolved and the first does
-- not, the first that does (two resolutions of one conflict: resolved wins).
SELECT conflict, status, verdict, note, resolved_by,
       CASE WHEN date_problem IS NULL THEN date_text END AS date,
       file, line, col, _file, _row, _ord
FROM resolutions_checked
WHERE status_rank = 1

-- table: ratings
-- The ratings of the resolutions that count (one per conflict): known claims, a verdict each.
SELECT r.conflict, g.claim, g.rating
FROM resolutions r
JOIN rating_rows g ON g._ord = r._ord
JOIN claims c ON c.id = g.claim
WHERE g.rating IS NOT NULL AND trim(g.rating) <> ''

-- table: findings
-- Every problem, one row each: code, table, row, where (the YAML's place, if the row
-- came from YAML) and what is wrong.
SELECT 'S003' AS code, 'sources' AS tbl, _file, _row, file, line, col,
       'a source needs ' || CASE WHEN id IS NULL THEN '''id''' ELSE '''name''' END AS message
FROM raw_sources WHERE id IS NULL OR name IS NULL
UNION ALL
SELECT 'S003', 'entities', _file, _row, file, line, col,
       'an entity needs ' || CASE WHEN id IS NULL THEN '''id''' ELSE '''name''' END
FROM raw_entities WHERE id IS NULL OR name IS NULL
UNION ALL
SELECT 'S003', 'predicates', _file, _row, file, line, col, 'a predicate needs ''id'''
FROM raw_predicates WHERE id IS NULL
UNION ALL
SELECT 'S003', 'claims', _file, _row, file, line, col,
       'a claim needs ' || CASE WHEN id IS NULL THEN '''id''' ELSE '''text''' END
FROM raw_claims WHERE id IS NULL OR text IS NULL
UNION ALL
SELECT 'S003', 'assertions', _file, _row, file, line, col,
       'an assertion needs ''' || CASE WHEN claim IS NULL THEN 'claim' WHEN idx IS NULL THEN 'index'
                                       WHEN source IS NULL THEN 'source' ELSE 'stance' END || ''''
FROM assertion_rows WHERE claim IS NULL OR idx IS NULL OR source IS NULL OR stance IS NULL
UNION ALL
SELECT 'S003', 'rules', _file, _row, file, line, col,
       'a rule needs ' || CASE WHEN id IS NULL THEN '''id''' ELSE '''kind''' END
FROM raw_rules WHERE id IS NULL OR kind IS NULL
UNION ALL
SELECT 'S003', 'rule_members', _file, _row, file, line, col,
       'a rule member needs ''' || CASE WHEN rule IS NULL THEN 'rule' WHEN role IS NULL THEN 'role'
                                        WHEN position IS NULL THEN 'position' ELSE 'claim' END || ''''
FROM raw_members WHERE rule IS NULL OR role IS NULL OR position IS NULL OR claim IS NULL
UNION ALL
SELECT 'S003', 'resolutions', _file, _row, file, line, col,
       'a resolution needs ' || CASE WHEN conflict IS NULL THEN '''conflict''' ELSE '''status''' END
FROM raw_resolutions WHERE conflict IS NULL OR status IS NULL
UNION ALL
-- ids that are no slugs
SELECT 'S006', t, _file, _row, file, line, col,
       '''id'' ''' || id || ''' is not a slug: use lowercase letters, digits, ''.'', ''_'' and ''-'', starting with a letter or digit (at most 128 characters)'
FROM (SELECT 'sources' AS t, id, id_ok, _file, _row, file, line, col FROM id_sources
      UNION ALL SELECT 'entities', id, id_ok, _file, _row, file, line, col FROM id_entities
      UNION ALL SELECT 'predicates', id, id_ok, _file, _row, file, line, col FROM id_predicates
      UNION ALL SELECT 'claims', id, id_ok, _file, _row, file, line, col FROM id_claims
      UNION ALL SELECT 'rules', id, id_ok, _file, _row, file, line, col FROM id_rules) x
WHERE id IS NOT NULL AND NOT id_ok
UNION ALL
-- duplicate ids: the later rows are ignored
SELECT 'S010', d.t, d._file, d._row, d.file, d.line, d.col,
       'duplicate ' || d.w || ' id ''' || d.id || ''' (first at ' || place(f.file, f.line, f.col, f._file, f._row) || '); this one is ignored'
FROM (
    SELECT 'sources' AS t, 'source' AS w, id, _file, _row, file, line, col, id_rank FROM id_sources
    UNION ALL SELECT 'entities', 'entity', id, _file, _row, file, line, col, id_rank FROM id_entities
    UNION ALL SELECT 'predicates', 'predicate', id, _file, _row, file, line, col, id_rank FROM id_predicates
    UNION ALL SELECT 'claims', 'claim', id, _file, _row, file, line, col, id_rank FROM id_claims
    UNION ALL SELECT 'rules', 'rule', id, _file, _row, file, line, col, id_rank FROM id_rules
) d JOIN (
    SELECT 'sources' AS t, id, _file, _row, file, line, col FROM id_sources WHERE id_rank = 1
    UNION ALL SELECT 'entities', id, _file, _row, file, line, col FROM id_entities WHERE id_rank = 1
    UNION ALL SELECT 'predicates', id, _file, _row, file, line, col FROM id_predicates WHERE id_rank = 1
    UNION ALL SELECT 'claims', id, _file, _row, file, line, col FROM id_claims WHERE id_rank = 1
    UNION ALL SELECT 'rules', id, _file, _row, file, line, col FROM id_rules WHERE id_rank = 1
) f ON f.t = d.t AND f.id = d.id
WHERE d.id_rank > 1
UNION ALL
-- words outside their list
SELECT 'S005', 'sources', _file, _row, file, line, col,
       '''' || kind || ''' is not a valid kind; expected one of newspaper, broadcaster, agency, magazine, government, official, report, think-tank, analyst, social-media, anonymous, other'
FROM id_sources WHERE id_rank = 1 AND kind IS NOT NULL AND kind NOT IN ('newspaper', 'broadcaster', 'agency', 'magazine', 'government', 'official', 'report',
                            'think-tank', 'analyst', 'social-media', 'anonymous', 'other')
UNION ALL
SELECT 'S005', 'sources', _file, _row, file, line, col,
       '''' || reliability || ''' is not a valid reliability; expected one of A, B, C, D, E, F'
FROM id_sources WHERE id_rank = 1 AND reliability IS NOT NULL AND reliability NOT IN ('A', 'B', 'C', 'D', 'E', 'F')
UNION ALL
SELECT 'S005', 'entities', _file, _row, file, line, col,
       '''' || kind || ''' is not a valid kind; expected one of person, organization, country, place, event, other'
FROM id_entities WHERE id_rank = 1 AND kind IS NOT NULL AND kind NOT IN ('person', 'organization', 'country', 'place', 'event', 'other')
UNION ALL
SELECT 'S005', 'predicates', _file, _row, file, line, col,
       '''' || value_type || ''' is not a valid value_type; expected one of text, number, date, datetime, entity, boolean'
FROM id_predicates WHERE id_rank = 1 AND value_type IS NOT NULL AND value_type NOT IN ('text', 'number', 'date', 'datetime', 'entity', 'boolean')
UNION ALL
SELECT 'S005', 'assertions', _file, _row, file, line, col,
       '''' || stance || ''' is not a valid stance; expected one of affirms, denies, doubts'
FROM assertion_rows WHERE stance IS NOT NULL AND stance NOT IN ('affirms', 'denies', 'doubts')
UNION ALL
SELECT 'S005', 'rules', _file, _row, file, line, col,
       '''' || kind || ''' is not a valid kind; expected one of exclusive, implies, equivalent'
FROM id_rules WHERE id_rank = 1 AND kind IS NOT NULL AND kind NOT IN ('exclusive', 'implies', 'equivalent')
UNION ALL
SELECT 'S005', 'rules', _file, _row, file, line, col,
       '''' || severity || ''' is not a valid severity; expected one of error, warning, info'
FROM id_rules WHERE id_rank = 1 AND severity IS NOT NULL AND severity NOT IN ('error', 'warning', 'info')
UNION ALL
SELECT 'S005', 'resolutions', _file, _row, file, line, col,
       '''' || status || ''' is not a valid status; expected one of acknowledged, resolved'
FROM raw_resolutions WHERE status IS NOT NULL AND status NOT IN ('acknowledged', 'resolved')
UNION ALL
SELECT 'S005', 'rule_members', _file, _row, file, line, col,
       '''' || role || ''' is not a valid role; expected one of if, then, claims'
FROM raw_members WHERE role IS NOT NULL AND role NOT IN ('if', 'then', 'claims')
UNION ALL
-- numbers out of range
SELECT 'S002', 'predicates', p._file, p._row, p.file, p.line, p.col,
       '''tolerance'' must be a number of at least 0, not ''' || p.tolerance || ''''
FROM id_predicates p JOIN tolerances t ON t.raw = p.tolerance
WHERE p.id_rank = 1 AND NOT t.ok
UNION ALL
SELECT 'S002', 'assertions', _file, _row, file, line, col,
       '''credibility'' must be a whole number from 1 to 6, not ' || CAST(credibility AS VARCHAR)
FROM assertion_rows WHERE credibility IS NOT NULL AND credibility NOT BETWEEN 1 AND 6
UNION ALL
SELECT 'S002', 'assertions', _file, _row, file, line, col,
       '''index'' must be a whole number of at least 0, not ' || CAST(idx AS VARCHAR)
FROM assertion_rows WHERE idx < 0
UNION ALL
-- list elements that are no slugs, or name the predicate itself
SELECT 'S013', 'predicates', _file, _row, file, line, col,
       'predicate ''' || id || ''' lists itself in conflicts_with'
FROM id_predicates WHERE id_rank = 1 AND list_contains(conflicts_with, id)
UNION ALL
SELECT 'S006', 'claims', _file, _row, file, line, col,
       '''predicate'' ''' || given_predicate || ''' is not a slug: use lowercase letters, digits, ''.'', ''_'' and ''-'', starting with a letter or digit (at most 128 characters)'
FROM claims_checked
WHERE given_predicate IS NOT NULL AND predicate IS NULL
UNION ALL
-- dates
SELECT 'S007', 'claims', _file, _row, file, line, col, '''start'': ' || start_problem
FROM claims_checked WHERE start_problem IS NOT NULL
UNION ALL
SELECT 'S007', 'claims', _file, _row, file, line, col, '''end'': ' || end_problem
FROM claims_checked WHERE end_problem IS NOT NULL
UNION ALL
SELECT 'S008', 'claims', _file, _row, file, line, col,
       'the period starts (' || period_start || ') after it ends (' || period_end || ')'
FROM claims_checked WHERE start_problem IS NULL AND end_problem IS NULL AND start_first > end_last
UNION ALL
SELECT 'S007', 'assertions', _file, _row, file, line, col, '''date'': ' || date_problem
FROM assertion_rows WHERE date_problem IS NOT NULL
UNION ALL
SELECT 'S007', 'assertions', _file, _row, file, line, col, '''withdrawn'': ' || withdrawn_problem
FROM assertion_rows WHERE withdrawn_problem IS NOT NULL
UNION ALL
SELECT 'S007', 'assertions', _file, _row, file, line, col, '''start'': ' || start_problem
FROM assertion_rows WHERE start_problem IS NOT NULL
UNION ALL
SELECT 'S007', 'assertions', _file, _row, file, line, col, '''end'': ' || end_problem
FROM assertion_rows WHERE end_problem IS NOT NULL
UNION ALL
SELECT 'S008', 'assertions', _file, _row, file, line, col,
       'the period starts (' || start_text || ') after it ends (' || end_text || ')'
FROM assertion_rows WHERE start_problem IS NULL AND end_problem IS NULL AND start_first > end_last
UNION ALL
SELECT 'S007', 'resolutions', _file, _row, file, line, col, '''date'': ' || date_problem
FROM resolutions_checked WHERE date_problem IS NOT NULL AND conflict_rank = 1
UNION ALL
-- values
SELECT object_code, 'claims', _file, _row, file, line, col, '''object'': ' || object_problem
FROM claims_checked WHERE has_object AND object_code IS NOT NULL
UNION ALL
SELECT value_code, 'assertions', _file, _row, file, line, col, '''value'': ' || value_problem
FROM assertion_rows WHERE claim_known AND has_value AND value_code IS NOT NULL
UNION ALL
SELECT 'S018', 'assertions', _file, _row, file, line, col,
       'withdrawn on ' || withdrawn_text || ', before it was said (' || date_text || '); fix either date (this withdrawal is ignored until then)'
FROM assertion_rows WHERE claim_known AND withdrawn_last < date_first
UNION ALL
SELECT 'S017', 'claims', _file, _row, file, line, col,
       'entity ''' || entity || ''' is both favoured and harmed by claim ''' || claim || '''; a claim serves or hurts a party''s interest, not both: remove it from one list'
FROM interest_rows WHERE list = 'harms' AND both_lists AND known
UNION ALL
SELECT 'R002', 'claims', _file, _row, file, line, col, 'unknown entity ''' || entity || ''' in ' || list
FROM interest_rows WHERE NOT known
UNION ALL
SELECT CASE WHEN NOT is_slug(r.claim) THEN 'S006' WHEN c.id IS NULL THEN 'R003' ELSE 'S002' END,
       'resolutions', r._file, r._row, r.file, r.line, r.col,
       CASE WHEN NOT is_slug(r.claim) THEN '''ratings'' ''' || r.claim || ''' is not a claim id (a slug)'
            WHEN c.id IS NULL THEN 'unknown claim ''' || r.claim || ''' in ratings'
            ELSE 'the rating of ''' || r.claim || ''' is empty; write the verdict, or leave the claim out' END
FROM rating_rows r LEFT JOIN claims c ON c.id = r.claim
WHERE NOT coalesce(is_slug(r.claim), false) OR c.id IS NULL OR r.rating IS NULL OR trim(r.rating) = ''
UNION ALL
-- references to nothing
SELECT 'R002', 'sources', _file, _row, file, line, col, 'unknown entity ''' || entity || ''' in represents'
FROM source_represents WHERE NOT known
UNION ALL
SELECT 'R002', 'claims', _file, _row, file, line, col, 'unknown entity ''' || given_subject || ''' (subject)'
FROM claims_checked WHERE given_subject IS NOT NULL AND subject IS NULL
UNION ALL
SELECT 'R002', 'claims', _file, _row, file, line, col, 'unknown entity ''' || object || ''' (object)'
FROM claims_checked WHERE has_object AND object_code IS NULL AND NOT object_known
UNION ALL
SELECT 'R002', 'assertions', _file, _row, file, line, col, 'unknown entity ''' || value || ''' (value)'
FROM assertion_rows WHERE claim_known AND has_value AND value_code IS NULL AND NOT value_known
UNION ALL
SELECT 'R003', 'assertions', _file, _row, file, line, col, 'assertion of unknown claim ''' || claim || ''''
FROM assertion_rows WHERE claim IS NOT NULL AND NOT claim_named
UNION ALL
SELECT 'S010', 'assertions', _file, _row, file, line, col,
       'claim ''' || claim || ''' has two assertions with index ' || CAST(idx AS VARCHAR) || '; this one is ignored'
FROM assertion_rows WHERE claim_known AND index_rank > 1
UNION ALL
SELECT 'R001', 'assertions', _file, _row, file, line, col, 'unknown source ''' || source || ''''
FROM assertion_rows WHERE claim_known AND source IS NOT NULL AND NOT source_known
UNION ALL
SELECT 'R001', 'assertions', a._file, a._row, a.file, a.line, a.col,
       'unknown source ''' || coalesce(u.via_source, 'null') || ''' in via (the whole via is left out)'
FROM assertion_rows a
JOIN via_elements u ON u._ord = a._ord
LEFT JOIN sources s ON s.id = u.via_source
WHERE a.claim_known AND a.via_unknown > 0 AND s.id IS NULL
UNION ALL
SELECT 'S011', 'claims', c._file, c._row, c.file, c.line, c.col,
       'claim ''' || c.id || ''' has no assertions: nobody affirms, denies or doubts it'
FROM claims c LEFT JOIN (SELECT DISTINCT claim FROM raw_assertions) a ON a.claim = c.id
WHERE a.claim IS NULL
UNION ALL
-- rules
SELECT 'S012', 'rules', r._file, r._row, r.file, r.line, r.col,
       CASE WHEN r.kind = 'implies' AND (s.ifs <> 1 OR s.thens < 1) THEN 'an implies rule needs one ''if'' and at least one ''then'' claim'
            WHEN r.kind = 'implies' AND s.listed > 0 THEN 'an implies rule uses ''if'' and ''then'', not ''claims'''
            WHEN r.kind <> 'implies' AND s.ifs + s.thens > 0 THEN 'an ' || r.kind || ' rule uses ''claims'', not ''if''/''then'''
            WHEN r.kind <> 'implies' AND s.distinct_listed < 2 THEN 'an ' || r.kind || ' rule needs at least two claims'
            ELSE 'rule ''' || r.id || ''' lists a claim twice' END
FROM id_rules r JOIN rule_shape s ON s.id = r.id
WHERE r.id_rank = 1 AND r.kind IN ('exclusive', 'implies', 'equivalent') AND s.bad_roles = 0
  AND (s.twice > 0
       OR CASE WHEN r.kind = 'implies' THEN NOT (s.ifs = 1 AND s.thens >= 1 AND s.listed = 0)
               ELSE NOT (s.ifs = 0 AND s.thens = 0 AND s.distinct_listed >= 2) END)
UNION ALL
SELECT 'R003', 'rule_members', _file, _row, file, line, col, 'unknown claim ''' || claim || ''' in rule ''' || rule || ''''
FROM member_rows WHERE claim IS NOT NULL AND NOT claim_known
UNION ALL
SELECT 'R003', 'rule_members', m._file, m._row, m.file, m.line, m.col, 'member of unknown rule ''' || m.rule || ''''
FROM raw_members m LEFT JOIN (SELECT DISTINCT id FROM id_rules) r ON r.id = m.rule
WHERE m.rule IS NOT NULL AND r.id IS NULL
UNION ALL
-- resolutions
SELECT 'S015', 'resolutions', r._file, r._row, r.file, r.line, r.col,
       'conflict ''' || r.conflict || ''' is resolved twice (first at ' || f.first_at || '); it counts as ' || f.counts
FROM resolutions_checked r JOIN (
    SELECT conflict, max(CASE WHEN conflict_rank = 1 THEN place(file, line, col, _file, _row) END) AS first_at,
           max(CASE WHEN status = 'resolved' THEN 'resolved' ELSE 'acknowledged' END) AS counts
    FROM resolutions_checked GROUP BY conflict
) f ON f.conflict = r.conflict
WHERE r.conflict_rank > 1
