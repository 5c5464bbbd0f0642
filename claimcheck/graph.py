"""The evidence graph and its layout: who says what, through whom, and how claims are linked.

Nodes are the sources and the claims. Edges are of three families:

- `stance`: one per assertion, source → claim, coloured by its stance;
- `via`: provenance, informant → reporter, for each step of an assertion's `via` chain
  (the origin first: `sources-close` → `caracas-consulting` → `el-toque`), once per pair;
- rules between claims: `implies` (if → then), `equivalent` and `exclusive`. A rule of
  many members draws every pair up to `PAIRWISE_MAX` members, a chain in the rule's
  order beyond that, so that a 3,000-member rule stays small.

Each node and edge knows the conflicts it takes part in: the assertions on the sides,
the sources they came through and the rule chains their support travelled.

The layout is computed here, in plain Python, so that every renderer (the HTML report,
DOT, Mermaid, JSON) draws the same picture and the same corpus always gives the same
coordinates. It is layered, left to right:

1. Columns. Sources that assert stand in one column; a source that only relays for
   others stands as many columns to their left as it is `via` steps away from them. The
   claims follow, in columns by rule depth (the longest `implies` path leading to them;
   a cycle is broken where a depth-first walk in id order closes it).
2. Order within a column. The claims start in corpus order (file, line) and the sources
   in the same way; then barycenter sweeps put each node at the mean position of its
   neighbours, and the order with the fewest edge crossings between columns is kept.
3. Coordinates. The tallest column is packed from the top; every other node is placed at
   the mean height of its neighbours, then pushed apart to keep the column's order and
   spacing and to stay within the picture.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .analysis import Result
from .engine.sides import interest
from .model import SEVERITY_NAMES

PAIRWISE_MAX = 6  # equivalent and exclusive rules up to this many members draw every pair

SOURCE_WIDTH = 170
CLAIM_WIDTH = 250
NODE_HEIGHT = 40
ROW_GAP = 12
COLUMN_GAP = 50
MAIN_GAP = 120  # between the sources and the claims, where the stance edges fan out
MARGIN = 20
ARC_ROOM = 80  # to the right of the last column, for links between claims of one column
SWEEPS = 6


@dataclass(frozen=True, slots=True)
class Node:
    id: str  # "source:<id>" or "claim:<id>"
    kind: str  # source | claim
    ref: str  # the source's or claim's id in the corpus
    label: str  # the source's name, the claim's text
    column: int
    x: int  # top left corner
    y: int
    width: int
    height: int
    conflicts: tuple[str, ...] = ()  # ids of the conflicts it takes part in
    reliability: str | None = None  # sources
    source_kind: str | None = None  # sources
    tags: tuple[str, ...] = ()  # claims
    entities: tuple[str, ...] = ()  # claims: subject and object, where they are entities

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2


@dataclass(frozen=True, slots=True)
class Edge:
    id: str
    kind: str  # stance | via | implies | equivalent | exclusive
    tail: str  # node id the edge starts at
    head: str  # node id it points to
    label: str
    stance: str | None = None  # stance edges
    date: str | None = None  # stance edges: when the source said it
    self_interested: bool = False  # stance edges
    rule: str | None = None  # rule edges
    severity: str | None = None  # rule edges: the rule's severity
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Graph:
    nodes: tuple[Node, ...]  # by column, then top to bottom
    edges: tuple[Edge, ...]  # by id
    width: int
    height: int

    def as_json(self) -> dict:
        return {
            "width": self.width,
            "height": self.height,
            "nodes": [
                {
                    "id": n.id, "kind": n.kind, "ref": n.ref, "label": n.label, "column": n.column,
                    "x": n.x, "y": n.y, "width": n.width, "height": n.height,
                    "conflicts": list(n.conflicts),
                    **({"reliability": n.reliability, "source_kind": n.source_kind} if n.kind == "source" else {}),
                    **({"tags": list(n.tags), "entities": list(n.entities)} if n.kind == "claim" else {}),
                }
                for n in self.nodes
            ],
            "edges": [
                {
                    "id": e.id, "kind": e.kind, "tail": e.tail, "head": e.head, "label": e.label,
                    **({"stance": e.stance, "date": e.date, "self_interested": e.self_interested} if e.kind == "stance" else {}),
                    **({"rule": e.rule, "severity": e.severity} if e.rule else {}),
                    "conflicts": list(e.conflicts),
                }
                for e in self.edges
            ],
        }


def source_node_id(source: str) -> str:
    return f"source:{source}"


def claim_node_id(claim: str) -> str:
    return f"claim:{claim}"


def stance_edge_id(claim: str, index: int) -> str:
    return f"assertion:{claim}/{index}"


def via_edge_id(informant: str, reporter: str) -> str:
    return f"via:{informant}/{reporter}"


def rule_edge_id(rule: str, tail: str, head: str) -> str:
    return f"rule:{rule}/{tail}/{head}"


# --- building ------------------------------------------------------------------------------


def build_graph(result: Result, only_conflicts: bool = False) -> Graph:
    """The evidence graph of an analyzed corpus, laid out. With only_conflicts, just the
    nodes and edges that take part in a conflict (the picture of a large corpus). Stances
    are those that stand (withdrawn ones left out; as of a date, as they stood then)."""
    corpus = result.active or result.corpus
    edges: dict[str, dict] = {}

    for claim_id in sorted(corpus.claims):
        claim = corpus.claims[claim_id]
        for a in claim.assertions:
            if a.source not in corpus.sources:
                continue
            label = a.stance + (f" {a.date.text}" if a.date else "")
            edges[stance_edge_id(a.claim, a.index)] = dict(
                kind="stance", tail=source_node_id(a.source), head=claim_node_id(a.claim), label=label,
                stance=a.stance, date=a.date.text if a.date else None,
                self_interested=interest(corpus, a)[0],
            )
            for informant, reporter in _via_pairs(a):
                if informant in corpus.sources and reporter in corpus.sources and informant != reporter:
                    edges.setdefault(via_edge_id(informant, reporter), dict(
                        kind="via", tail=source_node_id(informant), head=source_node_id(reporter), label="via",
                    ))

    rule_pairs: dict[str, list[tuple[str, str]]] = {}
    for rule_id in sorted(corpus.rules):
        rule = corpus.rules[rule_id]
        pairs = _rule_pairs(rule)
        rule_pairs[rule_id] = pairs
        for tail, head in pairs:
            edges[rule_edge_id(rule_id, tail, head)] = dict(
                kind=rule.kind, tail=claim_node_id(tail), head=claim_node_id(head), label=rule_id,
                rule=rule_id, severity=SEVERITY_NAMES[rule.severity],
            )

    node_conflicts, edge_conflicts = _membership(result, rule_pairs, edges)

    node_ids = [source_node_id(s) for s in sorted(corpus.sources)] + [claim_node_id(c) for c in sorted(corpus.claims)]
    if only_conflicts:
        node_ids = [n for n in node_ids if node_conflicts.get(n)]
        edges = {k: v for k, v in edges.items() if edge_conflicts.get(k)}
    first_seen = {source_node_id(s.id): (s.pos.file, s.pos.line, s.id) for s in corpus.sources.values()}
    first_seen.update({claim_node_id(c.id): (c.pos.file, c.pos.line, c.id) for c in corpus.claims.values()})
    placed = _layout(node_ids, first_seen, [(e["tail"], e["head"], e["kind"]) for _, e in sorted(edges.items())])

    nodes = []
    for node_id, (column, x, y, width) in placed.items():
        kind, _, ref = node_id.partition(":")
        conflicts = tuple(sorted(node_conflicts.get(node_id, ())))
        if kind == "source":
            s = corpus.sources[ref]
            nodes.append(Node(node_id, kind, ref, s.name, column, x, y, width, NODE_HEIGHT, conflicts,
                              reliability=s.reliability, source_kind=s.kind))
        else:
            c = corpus.claims[ref]
            parties = [p for p in (c.subject, c.object) if isinstance(p, str) and p in corpus.entities]
            nodes.append(Node(node_id, kind, ref, c.text, column, x, y, width, NODE_HEIGHT, conflicts,
                              tags=tuple(c.tags), entities=tuple(dict.fromkeys(parties))))
    nodes.sort(key=lambda n: (n.column, n.y, n.id))
    column = {n.id: n.column for n in nodes}
    last = max(column.values(), default=0)
    arcs = any(column[e["tail"]] == last for e in edges.values())  # links out of the last column arc to its right
    width = max((n.x + n.width for n in nodes), default=0) + MARGIN + (ARC_ROOM if arcs else 0)
    height = max((n.y + n.height for n in nodes), default=0) + MARGIN
    return Graph(
        tuple(nodes),
        tuple(Edge(edge_id, **fields, conflicts=tuple(sorted(edge_conflicts.get(edge_id, ())))) for edge_id, fields in sorted(edges.items())),
        max(width, 2 * MARGIN),
        max(height, 2 * MARGIN),
    )


def _via_pairs(assertion) -> list[tuple[str, str]]:
    """(informant, reporter) for each step of the chain: via is nearest first."""
    chain = (assertion.source, *assertion.via)
    return [(chain[i + 1], chain[i]) for i in range(len(assertion.via))]


def _rule_pairs(rule) -> list[tuple[str, str]]:
    if rule.kind == "implies":
        return [(rule.if_, then) for then in rule.then if then != rule.if_]
    members = list(dict.fromkeys(rule.claims))
    if len(members) <= PAIRWISE_MAX:
        return [(a, b) for i, a in enumerate(members) for b in members[i + 1:]]
    return list(zip(members, members[1:]))


def _rule_edges_between(rule_id: str, pairs: list[tuple[str, str]], a: str, b: str) -> list[str]:
    """The drawn edges of a rule that link claims a and b (a stretch of the chain when the
    rule is drawn as one)."""
    for tail, head in pairs:
        if {tail, head} == {a, b}:
            return [rule_edge_id(rule_id, tail, head)]
    order = [pairs[0][0], *(head for _, head in pairs)] if pairs else []
    if a in order and b in order:
        i, j = sorted((order.index(a), order.index(b)))
        return [rule_edge_id(rule_id, order[k], order[k + 1]) for k in range(i, j)]
    return []


def _membership(result: Result, rule_pairs, edges) -> tuple[dict[str, set], dict[str, set]]:
    """Which nodes and edges each conflict takes part in."""
    nodes: dict[str, set] = defaultdict(set)
    links: dict[str, set] = defaultdict(set)
    for conflict in result.conflicts:
        cid = conflict.id
        for claim in conflict.claims:
            nodes[claim_node_id(claim)].add(cid)
        for source in conflict.sources:
            nodes[source_node_id(source)].add(cid)
        for side in conflict.sides:
            for entry in side.entries:
                a = entry.assertion
                links[stance_edge_id(a.claim, a.index)].add(cid)
                for informant, reporter in _via_pairs(a):
                    nodes[source_node_id(informant)].add(cid)
                    links[via_edge_id(informant, reporter)].add(cid)
                previous = a.claim
                for rule, reached in entry.steps:
                    nodes[claim_node_id(reached)].add(cid)
                    for edge_id in _rule_edges_between(rule, rule_pairs.get(rule, []), previous, reached):
                        links[edge_id].add(cid)
                    previous = reached
        rule = (conflict.subject or {}).get("rule")
        if rule in rule_pairs:  # an exclusive conflict: the rule's links between its claims
            involved = [c for c in dict.fromkeys(result.corpus.rules[rule].claims) if c in conflict.claims]
            pairwise = len(result.corpus.rules[rule].claims) <= PAIRWISE_MAX
            for i, a in enumerate(involved):
                for b in involved[i + 1:] if pairwise else involved[i + 1:i + 2]:
                    for edge_id in _rule_edges_between(rule, rule_pairs[rule], a, b):
                        links[edge_id].add(cid)
    links = {k: v for k, v in links.items() if k in edges}
    for edge_id, conflicts in links.items():  # a conflict holds both ends of each of its edges
        for end in (edges[edge_id]["tail"], edges[edge_id]["head"]):
            nodes[end] |= conflicts
    return nodes, links


# --- layout --------------------------------------------------------------------------------


def _layout(node_ids: list[str], first_seen: dict[str, tuple], edges: list[tuple[str, str, str]]) -> dict[str, tuple[int, int, int, int]]:
    """node id -> (column, x, y, width), deterministic for the same nodes and edges."""
    if not node_ids:
        return {}
    sources = [n for n in node_ids if n.startswith("source:")]
    claims = [n for n in node_ids if n.startswith("claim:")]

    # 1. columns
    informants = defaultdict(list)  # reporter -> informants (via edges)
    implied = defaultdict(list)  # if -> then (implies edges)
    asserting = set()
    for tail, head, kind in edges:
        if kind == "via":
            informants[head].append(tail)
        elif kind == "implies":
            implied[tail].append(head)
        elif kind == "stance":
            asserting.add(tail)
    relay = _relay_distance(sources, asserting, informants)
    depth = _longest_path_levels(claims, implied)
    last_source_column = max(relay.values(), default=-1)  # -1: no source column at all
    column_of = {n: last_source_column - relay[n] for n in sources}
    column_of.update({n: last_source_column + 1 + depth[n] for n in claims})
    column_count = max(column_of.values(), default=-1) + 1
    columns: list[list[str]] = [[] for _ in range(column_count)]
    for n in sorted(node_ids, key=lambda n: first_seen[n]):
        columns[column_of[n]].append(n)

    # 2. order and height: sweeps outward from the tallest column sort each column by the
    #    mean height of its neighbours, then place it; the sweep with fewest crossings wins
    neighbours: dict[str, list[str]] = defaultdict(list)
    for tail, head, _ in edges:
        if column_of[tail] != column_of[head]:
            neighbours[tail].append(head)
            neighbours[head].append(tail)
    linked = [(tail, head) for tail, head, _ in edges if column_of[tail] != column_of[head]]
    step = NODE_HEIGHT + ROW_GAP
    rows = max((len(c) for c in columns), default=0)
    top, bottom = MARGIN, MARGIN + max(rows - 1, 0) * step
    tallest = max(range(column_count), key=lambda i: (len(columns[i]), -i)) if columns else 0
    outward = sorted(range(column_count), key=lambda i: (abs(i - tallest), i))[1:]
    y: dict[str, float] = {}
    for column in columns:  # start compact and centred
        offset = top + (rows - len(column)) * step / 2
        for k, n in enumerate(column):
            y[n] = offset + k * step

    def wanted(n: str) -> float:
        around = neighbours[n]
        return sum(y[m] for m in around) / len(around) if around else y[n]

    def place(i: int) -> None:
        column = columns[i]
        spread = [top + k * step for k in range(len(column))] if i == tallest else _spread([wanted(n) for n in column], step, top, bottom)
        for n, value in zip(column, spread):
            y[n] = value

    best, fewest = ([list(c) for c in columns], dict(y)), _crossings(columns, linked)
    for _ in range(SWEEPS):
        for i in [tallest, *outward]:
            columns[i] = [n for _, _, n in sorted((wanted(n), k, n) for k, n in enumerate(columns[i]))]
            place(i)
        count = _crossings(columns, linked)
        if count < fewest:
            best, fewest = ([list(c) for c in columns], dict(y)), count
    columns, y = best
    for _ in range(2):  # settle the heights for the order kept
        for i in outward:
            place(i)

    # 3. coordinates
    widths = [SOURCE_WIDTH if i <= last_source_column else CLAIM_WIDTH for i in range(column_count)]
    xs, x = [], MARGIN
    for i, width in enumerate(widths):
        xs.append(x)
        x += width + (MAIN_GAP if i == last_source_column else COLUMN_GAP)
    return {n: (column_of[n], xs[column_of[n]], round(y[n]), widths[column_of[n]]) for n in node_ids}


def _relay_distance(sources: list[str], asserting: set[str], informants) -> dict[str, int]:
    """How many `via` steps a source stands from one that asserts: 0 for those that assert
    (and for those linked to none), 1 for their informants, and so on (breadth first, so
    cycles and dense webs of relays stay a few columns wide)."""
    distance = {n: 0 for n in sources if n in asserting}
    frontier = sorted(distance)
    while frontier:
        following = []
        for reporter in frontier:
            for informant in sorted(informants.get(reporter, ())):
                if informant not in distance:
                    distance[informant] = distance[reporter] + 1
                    following.append(informant)
        frontier = following
    return {n: distance.get(n, 0) for n in sources}


def _longest_path_levels(nodes: list[str], successors) -> dict[str, int]:
    """Level of each node: the longest path reaching it from a node nothing points to.
    Edges that close a cycle in a depth-first walk (in sorted order) are left out."""
    order = sorted(nodes)
    members = set(nodes)
    succ = {n: sorted({m for m in successors.get(n, ()) if m in members and m != n}) for n in order}
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    kept: dict[str, list[str]] = {n: [] for n in order}
    finished: list[str] = []
    for root in order:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(succ[root]))]
        while stack:
            node, children = stack[-1]
            for child in children:
                if state.get(child) == 1:
                    continue  # a back edge: it closes a cycle
                kept[node].append(child)
                if child not in state:
                    state[child] = 1
                    stack.append((child, iter(succ[child])))
                    break
            else:
                state[node] = 2
                finished.append(node)
                stack.pop()
    level = {n: 0 for n in order}
    for node in reversed(finished):  # reverse post-order is topological on the kept edges
        for child in kept[node]:
            level[child] = max(level[child], level[node] + 1)
    return level


def _crossings(columns: list[list[str]], linked: list[tuple[str, str]]) -> int:
    """Crossings between edges that join the same two columns (inversions, counted with a
    Fenwick tree)."""
    place = {n: (i, k) for i, c in enumerate(columns) for k, n in enumerate(c)}
    groups: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for tail, head in linked:
        (ct, kt), (ch, kh) = place[tail], place[head]
        if ct > ch:
            (ct, kt), (ch, kh) = (ch, kh), (ct, kt)
        groups[(ct, ch)].append((kt, kh))
    total = 0
    for (_, right), pairs in groups.items():
        size = len(columns[right])
        tree = [0] * (size + 1)  # counts of the right ends seen so far
        for seen, (_, k) in enumerate(sorted(pairs)):
            at_most_k, j = 0, k + 1
            while j > 0:
                at_most_k += tree[j]
                j -= j & -j
            total += seen - at_most_k  # earlier edges that end below this one cross it
            j = k + 1
            while j <= size:
                tree[j] += 1
                j += j & -j
    return total


def _spread(desired: list[float], step: float, top: float, bottom: float) -> list[float]:
    """Positions as near the desired ones as order and spacing allow, within [top, bottom]."""
    out: list[float] = []
    for value in desired:
        out.append(max(value, top, out[-1] + step if out else top))
    limit = bottom
    for k in range(len(out) - 1, -1, -1):
        out[k] = min(out[k], limit)
        limit = out[k] - step
    return out
