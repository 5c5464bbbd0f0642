"""The §4 engine as SQL (`engine/sql/`, one file per conflict kind), run by DuckDB or Spark.

The memory engine (one Python module per conflict kind) and this one mean the same
thing. What SQL cannot reproduce exactly is computed once, at ingest, in Python, by the
memory engine's own functions, and handed to the engine as small tables keyed by
distinct values: dates as day spans (`parse_date`), each value's class, order, text and
bounds (`classify`, `canonical_text`, `normalize_text`, exact decimals), the strongly
connected components of the rule graph (`strongly_connected`). The SQL then only joins,
groups and compares keys. Two fixed points run as loops of small statements driven
from here: support along rules (closure.sql), and the joining of value sides whose
texts agree (value.sql).

Conflicts come out in id order, one at a time (`conflicts()`): each is finished by the
memory engine's own code (`build_conflict`, so §4.5's claims, sources, independent
origins, self-contradiction and reversal are computed as there), so its JSON is the
memory engine's, byte for byte. The chain of rules travelled support took is found,
for the assertions that take part, by the memory engine's own search (support.Toward:
the same order of edges, so the same one of several shortest chains).
"""

from __future__ import annotations

import decimal
import math
import time
from collections.abc import Iterator
from decimal import Decimal

from ..findings import Finding, suggest
from ..model import DateSpan, ERROR, Period, Pos
from . import SUGGEST_UP_TO
from .conflict import Conflict, Entry, Side, build_conflict
from .support import HUB, Toward, strongly_connected
from ..tables import decode_value, place as _pos

FILES = ("support.sql", "closure.sql", "contradiction.sql", "exclusive.sql", "conflicts_with.sql", "sides.sql",
         "value.sql", "output.sql")
#: the tables that stay once the conflicts are found: what comes out is read from them
KEPT = {"periods", "nodes", "edges", "entries", "conflicts", "stale", "conflict_rows", "spans", "moment"}
#: the queries run in loops, not in file order
LOOPED = {"step", "value_relabel"}
#: a date tolerance beyond any span of dates (and within a BIGINT)
_FAR = 10**8
#: decimal arithmetic without rounding: a sum of two decimals is exact at any size
_EXACT = decimal.Context(prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)


class FixedRoute:
    """support.Route for a conflict read from SQL: the chain's level and its steps."""

    __slots__ = ("level", "steps")

    def __init__(self, level: int, steps: tuple[tuple[str, str], ...]) -> None:
        self.level = level
        self.steps = steps


class SqlEngine:
    """The conflicts of a table corpus whose clean tables are in `session` (tablecheck)."""

    def __init__(self, session, as_of: DateSpan | None = None) -> None:
        self.session = session
        self.as_of = as_of
        self.timings: dict[str, float] = {}
        self.rounds: dict[str, int] = {}
        self.sizes: dict[str, int] = {}  # of the tables that grow in loops, for tests
        self._chains: dict[tuple[str, str, int], tuple] = {}
        self._spans: dict[str, DateSpan] = {}

    # --- running the SQL ----------------------------------------------------------------

    def run(self) -> None:
        from ..sqlfiles import queries

        clock = time.perf_counter()
        s = self.session
        s.create("spans", "SELECT DISTINCT text, first, last FROM dates WHERE text IS NOT NULL")
        s.put("moment", [("last", "BIGINT")], [[self.as_of.last] if self.as_of is not None else []])
        for file in FILES:
            for name, query in queries(f"engine/sql/{file}"):
                if name in LOOPED:
                    continue
                s.create(name, query)
                if name == "edges":
                    self._components()
                elif name == "frontier":
                    self._closure()
                elif name == "value_candidates":
                    self._value_keys()
                elif name == "value_labels":
                    self._join_sides()
        self._find_chains()
        # the working tables go: at scale, their memory is wanted by what follows
        s.drop(*(name for file in FILES for name, _ in queries(f"engine/sql/{file}") if name not in KEPT),
               "components", "value_keys")
        self.timings["engine"] = time.perf_counter() - clock

    def _components(self) -> None:
        """The strongly connected components of the rule graph at each level, by the
        memory engine's Tarjan: cycles become one node before the closure runs. Only the
        nodes with edges both in and out can be in a cycle, and a cycle at a level is
        within one at the levels below: most corpora need one look at a small graph."""
        rows: list[tuple[int, int, int]] = []
        edges = self.session.all(
            "SELECT e.src, e.dst, e.severity FROM edges e "
            "WHERE e.src IN (SELECT dst FROM edges) AND e.dst IN (SELECT src FROM edges)")
        within = None  # the nodes in a cycle at the level below
        for level in (0, 1, 2):
            successors: dict[int, list[int]] = {}
            for src, dst, severity in edges:
                if severity >= level and (within is None or (src in within and dst in within)):
                    successors.setdefault(src, []).append(dst)
                    successors.setdefault(dst, [])
            within = set()
            for members in strongly_connected(sorted(successors), lambda v: successors[v]):
                if len(members) > 1:
                    cid = min(members)
                    rows.extend((level, nid, cid) for nid in members)
                    within.update(members)
            if not within:
                break
        columns = [list(c) for c in zip(*rows)] if rows else [[], [], []]
        self.session.put("components", [("level", "INTEGER"), ("nid", "BIGINT"), ("cid", "BIGINT")], columns)

    def _closure(self) -> None:
        """Backwards from the targets, one step a round, until a round adds nothing."""
        from ..sqlfiles import query

        s = self.session
        step = query("engine/sql/closure.sql", "step")
        rounds = 0
        while True:
            s.create("step", step)
            (found,) = s.one("SELECT count(*) FROM step")
            if not found:
                break
            rounds += 1
            s.append("ancestors", "SELECT level, target, ancestor FROM step")
            s.create("frontier", "SELECT level, target, ancestor FROM step")
        self.rounds["closure"] = rounds
        (self.sizes["ancestors"],) = s.one("SELECT count(*) FROM ancestors")

    def _join_sides(self) -> None:
        """Values linked through shared texts take the smallest label among them."""
        from ..sqlfiles import query

        s = self.session
        relabel = query("engine/sql/value.sql", "value_relabel")
        rounds = 0
        while True:
            s.create("value_relabel", relabel)
            (changed,) = s.one(
                "SELECT count(*) FROM value_relabel r JOIN value_labels l ON l.cid = r.cid AND l.vorder = r.vorder "
                "WHERE r.label < l.label")
            if not changed:
                break
            rounds += 1
            s.create("value_labels", "SELECT cid, vorder, label FROM value_relabel")
        self.rounds["sides"] = rounds

    def _value_keys(self) -> None:
        """Each distinct value of the groups that may conflict, read by value.py."""
        rows = self.session.all("SELECT DISTINCT vt, vkey, tolerance FROM value_candidates")
        columns = value_keys(rows)
        self.session.put("value_keys", VALUE_KEY_COLUMNS, columns)

    def _find_chains(self) -> None:
        needed = self.session.all(
            "SELECT DISTINCT route_from, route_to, route_level FROM entries WHERE route_from IS NOT NULL")
        if needed:
            self._chains = chains(self.session, needed)

    # --- what comes out ---------------------------------------------------------------------

    def stale(self) -> list[Finding]:
        """C001 for the resolutions whose conflict does not exist (engine/__init__.py's);
        as of a date none is stale: it may be about a later state of the corpus (§3)."""
        if self.as_of is not None:
            return []
        rows = self.session.all("SELECT conflict, file, line, col, _file, _row FROM stale")
        if not rows:
            return []
        candidates = []
        if len(rows) <= SUGGEST_UP_TO:
            candidates = [cid for (cid,) in self.session.all(
                "SELECT c.cid FROM conflicts c LEFT JOIN resolutions r ON r.conflict = c.cid "
                "WHERE r.conflict IS NULL ORDER BY c.cid")]
        out = []
        for conflict, file, line, col, part, row in rows:
            p = _pos(file, line, col, part, row)
            out.append(Finding(
                "C001",
                f"resolution of '{conflict}', but no such conflict exists (any more)"
                f"{suggest(conflict, candidates)}; remove it or fix the id",
                p.file, p.line, p.column, path=("resolutions", conflict),
            ))
        return out

    def counts(self) -> dict[str, int]:
        return dict(self.session.all("SELECT 'conflicts', count(*) FROM conflicts"))

    def conflicts(self, statuses: dict[str, str], claims=None, batch: int = 2000, before: str | None = None,
                  since: str | None = None) -> Iterator[Conflict]:
        """Every conflict in id order, each finished as the memory engine finishes it;
        `statuses`: conflict id -> the status its resolution gives. `claims`, where
        given, is handed the claims of each batch of conflicts (model.Claim, without
        their assertions) before they are handed out: what assessing and rendering them
        reads (`tabular._Claims.hold`).
        `before`: only the conflicts whose ids sort before it (another process does the
        rest); `since`: only those from it on."""
        pending: list[Conflict] = []
        held: dict = {}
        for conflict, made in self._conflicts(statuses, before, since):
            pending.append(conflict)
            held.update(made)
            if len(pending) >= batch:
                if claims is not None:
                    claims.hold(held, pending)
                yield from pending
                pending, held = [], {}
        if claims is not None and pending:
            claims.hold(held, pending)
        yield from pending

    def _conflicts(self, statuses: dict[str, str], before: str | None = None,
                   since: str | None = None) -> Iterator[tuple[Conflict, dict]]:
        from ..model import Assertion
        from ..tablecheck import make_claim
        from .sides import AGAINST_INTEREST, SELF_SERVING

        places: dict = {}  # a file's name, held once

        def place(file, line, col, part, row) -> Pos:
            if file is not None:
                file = places.setdefault(file, file)
                return Pos(file, line or 1, col or 1)
            return Pos(places.setdefault(part, part), row, 1)

        interests = {"none": (False, None), "undirected": (True, None), "self-serving": (True, SELF_SERVING),
                     "against-interest": (False, AGAINST_INTEREST)}
        from ..sessions import sql_literal

        limits = ([f"cid < {sql_literal(before)}"] if before is not None else []) + \
            ([f"cid >= {sql_literal(since)}"] if since is not None else [])
        where = " WHERE " + " AND ".join(limits) if limits else ""
        rows = self.session.rows(f"SELECT * FROM conflict_rows{where} ORDER BY cid, side, claim, idx")
        # the claims of each conflict, in step with its rows (a cursor of their own)
        claim_rows = self.session.rows(
            f"SELECT c.cid, {CLAIM_COLUMNS} FROM (SELECT DISTINCT cid, claim FROM conflict_rows{where}) c "
            "JOIN claims cl ON cl.id = c.claim ORDER BY c.cid, cl.id")
        pending_claim = next(claim_rows, None)

        def claims_of(cid: str) -> dict:
            nonlocal pending_claim
            made = {}
            while pending_claim is not None and pending_claim[0] == cid:
                claim = make_claim(pending_claim[1:])
                made[claim.id] = claim
                pending_claim = next(claim_rows, None)
            return made

        span = self._span
        current = None
        sides: list[Side] = []
        entries: list[Entry] = []
        label = side_index = kind = severity = None
        for row in rows:
            (cid, row_kind, row_severity, side, side_label, route_from, route_level, route_to,
             claim, index, source, stance, date, start, end) = row[:15]
            value = decode_value(*row[15:21])
            withdrawn, credibility, via, quote, url, note, file, line, col, part, number, interest = row[21:]
            if cid != current:
                if current is not None:
                    sides.append(Side(label, tuple(entries)))
                    yield _finish(current, kind, severity, sides, statuses), claims_of(current)
                current, kind, severity, sides, entries, label, side_index = cid, row_kind, row_severity, [], [], side_label, side
            elif side != side_index:
                sides.append(Side(label, tuple(entries)))
                entries, label, side_index = [], side_label, side
            assertion = Assertion(
                claim, index, source, stance, place(file, line, col, part, number),
                Period(span(start), span(end)), span(date), value,
                credibility or 6, tuple(via or ()), quote, url, note, span(withdrawn),
            )
            route = None
            if route_from is not None:
                route = FixedRoute(route_level, self._chains[(route_from, route_to, route_level)])
            entries.append(Entry(assertion, route, *interests[interest]))
        if current is not None:
            sides.append(Side(label, tuple(entries)))
            yield _finish(current, kind, severity, sides, statuses), claims_of(current)

    def _span(self, text: str | None) -> DateSpan | None:
        if text is None:
            return None
        known = self._spans.get(text)
        if known is None:
            from ..dates import parse_date

            known = self._spans[text] = parse_date(text)
        return known


def outside_ratings(conflict: Conflict, resolution) -> list[Finding]:
    """C002: ratings of claims that take no part in their conflict (engine/__init__.py's
    `_outside_ratings`, for one conflict as it comes)."""
    from . import _outside_ratings

    class _One:  # the one resolution, as _outside_ratings reads a corpus
        resolutions = [resolution]

    return _outside_ratings(_One, {conflict.id: conflict})


def _finish(cid: str, kind: str, severity: int, sides: list[Side], statuses: dict[str, str]) -> Conflict:
    """The conflict as the memory engine's kind modules build it."""
    about: dict
    extra: tuple = ()
    rest = cid.split(":", 1)[1]
    if kind == "contradiction":
        about, extra = {"claim": rest}, (rest,)
    elif kind == "exclusive":
        about, extra = {"rule": rest}, tuple(side.label for side in sides)
    elif kind == "value":
        if "/" in rest:
            subject, predicate = rest.split("/", 1)
            about = {"subject": subject, "predicate": predicate}
        else:
            about = {"claim": rest}
        severity = ERROR
    else:
        subject, pair = rest.split("/", 1)
        p, q = pair.split("+", 1)
        about = {"subject": subject, "predicates": [p, q]}
        severity = ERROR
    conflict = build_conflict(cid, kind, severity, sides, extra, about)
    status = statuses.get(cid)
    return conflict.with_status(status) if status else conflict


# --- the ingest step: values ------------------------------------------------------------------

VALUE_KEY_COLUMNS = [
    ("vt", "VARCHAR"), ("vkey", "VARCHAR"), ("tolerance", "VARCHAR"), ("cls", "VARCHAR"),
    ("vorder", "BIGINT"), ("tkey", "BIGINT"), ("canon", "VARCHAR"), ("nlo", "BIGINT"), ("nhi", "BIGINT"),
    ("nlo_tol", "BIGINT"), ("nhi_tol", "BIGINT"), ("dfirst", "BIGINT"), ("dlast", "BIGINT"), ("dtol", "BIGINT"),
]
#: the columns of a claim, as tablecheck.make_claim reads them (from `claims cl`)
CLAIM_COLUMNS = (
    "cl.id, cl.text, cl.subject, cl.predicate, cl.object_kind, cl.object, cl.object_min_kind, cl.object_min, "
    "cl.object_max_kind, cl.object_max, cl.period_start, cl.period_end, cl.tags, cl.favours, cl.harms, "
    "cl.file, cl.line, cl.col, cl._file, cl._row"
)
#: an open end of a date or date-time range, as a whole number SQL can subtract from
_EARLIEST, _LATEST = -(2**62), 2**62


def value_keys(rows: list[tuple]) -> list[list]:
    """For each (value type, value, tolerance): the keys value.sql compares, as the memory
    engine reads the value (values.py's `classify`, `canonical_text`, `normalize_text`)."""
    from ..values import canonical_text, classify, normalize_text, tolerance_in_units
    from .value import _sortable

    read = []
    for vt, vkey, tolerance in rows:
        value = decode_value(*[None if part == "\x1e" else part for part in vkey.split("\x1f")])
        try:
            classified = classify(value, vt)
        except ArithmeticError:
            classified = None
        read.append((value, classified, Decimal(tolerance)))
    values = sorted({c for _, c, _ in read if c is not None}, key=lambda c: (c[0], _sortable(c[1])))
    vorder = {c: n for n, c in enumerate(values)}
    texts = sorted({normalize_text(canonical_text(v)) for v, c, _ in read if c is not None})
    tkey = {t: n for n, t in enumerate(texts)}
    decimals = set()
    for _, c, tol in read:
        if c is not None and c[0] == "number":
            low, high = c[1]
            decimals.update((low, high, _EXACT.subtract(low, tol), _EXACT.add(high, tol)))
    rank = {d: n for n, d in enumerate(sorted(decimals))}
    out: list[list] = [[] for _ in VALUE_KEY_COLUMNS]
    for (vt, vkey, tolerance), (value, c, tol) in zip(rows, read):
        row = [vt, vkey, tolerance] + [None] * 11
        if c is not None:
            cls, key = c
            row[3:7] = [cls, vorder[c], tkey[normalize_text(canonical_text(value))], canonical_text(value)]
            if cls == "number":
                low, high = key
                row[7:11] = [rank[low], rank[high], rank[_EXACT.subtract(low, tol)], rank[_EXACT.add(high, tol)]]
            elif cls in ("date", "datetime"):
                low, high = key
                limit = tolerance_in_units(cls, tol)
                row[11:14] = [_whole(low), _whole(high), min(int(limit), _LATEST)]
        for column, cell in zip(out, row):
            column.append(cell)
    return out


def _whole(end) -> int:
    """A date's or date-time's end as a whole number; an open end far beyond any."""
    if end == -math.inf:
        return _EARLIEST
    if end == math.inf:
        return _LATEST
    return int(end)


# --- chains -------------------------------------------------------------------------------------


def chains(session, needed: list[tuple[str, str, int]]) -> dict[tuple[str, str, int], tuple]:
    """The chain of (rule, claim) steps for each (from claim, to claim, level): the one
    the memory engine reports, found by its own search (support.py's `Toward`: one
    search back from each target serves all its supporters, in the same order of edges)."""
    graph = RuleGraph(session)
    found: dict[tuple[str, str, int], tuple] = {}
    toward: dict[tuple[int, int], Toward] = {}
    for start_name, target_name, level in needed:
        start, target = graph.node_of[start_name], graph.node_of[target_name]
        search = toward.get((target, level))
        if search is None:
            search = toward[(target, level)] = Toward(graph, target, level)
        found[(start_name, target_name, level)] = search.steps(start)
    return found


class RuleGraph:
    """The rule graph of support.sql's `nodes` and `edges`, laid out as support.py's
    SupportGraph lays out its own, for `Toward`: lists by node number (nid, from 1),
    each node's edges in the order support.py walks them, hubs named as there."""

    __slots__ = ("name", "node_of", "claim_node", "relevant", "out", "into")

    def __init__(self, session) -> None:
        (size,) = session.one("SELECT count(*) FROM nodes")
        self.name: list[str] = [""] * (size + 1)
        self.node_of: dict[str, int] = {}
        for nid, name in session.rows("SELECT nid, name FROM nodes"):
            self.node_of[name] = nid
            self.name[nid] = HUB + name[1:] if name.startswith("#") else name  # '#' in SQL
        self.claim_node = [not name.startswith(HUB) for name in self.name]
        self.relevant = [True] * (size + 1)  # a way from a supporter to its target passes only nodes SupportGraph keeps
        self.out: list[list[tuple[int, str | None, int]]] = [[] for _ in range(size + 1)]
        self.into: list[list[tuple[int, int]]] = [[] for _ in range(size + 1)]
        for src, dst, rule, severity in session.rows("SELECT src, dst, rule, severity FROM edges ORDER BY src, rank"):
            self.out[src].append((dst, rule, severity))
            self.into[dst].append((src, severity))
