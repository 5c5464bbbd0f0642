"""Support along rules (spec §4 terms, §4.1–4.2 severities).

An assertion that affirms X supports every claim C with X ⇒⁺ C through `implies` and
`equivalent` rules. A chain is as strong as its weakest rule, and where several chains
lead to C the strongest counts, so support is computed once per severity level on the
graph of the rules at or above that level: cycles are condensed into strongly connected
components and supporters flow down the condensation in topological order. Only the
part of the graph between affirmed claims and claims that can be in conflict is looked
at. The chain reported for a supporter is a shortest path at its best level, read for all
the supporters of a target off one search back from it.

An `equivalent` rule with n members is a hub node (n in-edges, n out-edges), not n²
edges, so a 3,000-member rule stays small.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from ..model import Assertion, Corpus, ERROR

LEVELS = (2, 1, 0)  # error, warning, info: strongest first
HUB = "\0"  # starts the node of an `equivalent` rule: cannot clash with a slug


def rule_edges(corpus: Corpus) -> Iterator[tuple[str, str, str | None, int]]:
    """The edges support travels along, as (from, to, rule id, rule severity), rule by
    rule in id order: `if` to each `then` of an implies rule; each member of an equivalent
    rule to its hub (HUB + the rule's id) and back. The edge out of a hub carries no rule
    id, so a chain names an equivalent rule once, where it enters."""
    for rule_id in sorted(corpus.rules):
        rule = corpus.rules[rule_id]
        if rule.kind == "implies":
            for then in rule.then:
                yield rule.if_, then, rule.id, rule.severity
        elif rule.kind == "equivalent":
            hub = HUB + rule.id
            for member in rule.claims:
                yield member, hub, rule.id, rule.severity
                yield hub, member, None, rule.severity


def by_stance(corpus: Corpus) -> tuple[dict[str, list[Assertion]], set[str]]:
    """Each claim's affirming assertions (for the claims with any), and the claims some
    assertion denies or doubts: both in one pass over every assertion."""
    affirming: dict[str, list[Assertion]] = {}
    opposed: set[str] = set()
    for claim in corpus.claims.values():
        found = [a for a in claim.assertions if a.stance == "affirms"]
        if found:
            affirming[claim.id] = found
        if len(found) != len(claim.assertions):
            opposed.add(claim.id)
    return affirming, opposed


class SupportGraph:
    def __init__(self, corpus: Corpus, targets: set[str], affirming: dict[str, list[Assertion]] | None = None) -> None:
        """`targets`: the claims whose support is asked for; `affirming`: `by_stance`'s
        first half, where the caller has it already."""
        self.corpus = corpus
        self.affirming = by_stance(corpus)[0] if affirming is None else affirming

        # nodes: the claims rules name, and one hub per equivalent rule
        self.node_of: dict[str, int] = {}
        self.name: list[str] = []

        def node(key: str) -> int:
            index = self.node_of.get(key)
            if index is None:
                index = self.node_of[key] = len(self.name)
                self.name.append(key)
            return index

        # (from, to, rule id or None, severity)
        edges = [(node(a), node(b), rule, severity) for a, b, rule, severity in rule_edges(corpus)]
        size = len(self.name)
        self.out: list[list[tuple[int, str | None, int]]] = [[] for _ in range(size)]
        self.into: list[list[tuple[int, int]]] = [[] for _ in range(size)]
        for a, b, rule, severity in edges:
            self.out[a].append((b, rule, severity))
            self.into[b].append((a, severity))
        for adjacency in self.out:  # deterministic chains whatever the file order
            adjacency.sort(key=lambda e: (e[1] or "", self.name[e[0]]))

        self.claim_node = [not key.startswith(HUB) for key in self.name]
        self.relevant = self._relevant({self.node_of[t] for t in targets if t in self.node_of})
        self.ancestors = {level: self._supporters(level) for level in LEVELS}
        self._toward: dict[tuple[int, int], Toward] = {}  # by (target, level)
        self._cache: dict[str, list] = {}

    # --- which part of the graph matters ----------------------------------------------

    def _relevant(self, target_nodes: set[int]) -> list[bool]:
        size = len(self.name)
        forward = [False] * size
        queue = deque(i for i in range(size) if self.claim_node[i] and self.name[i] in self.affirming)
        for i in queue:
            forward[i] = True
        while queue:
            for b, _, _ in self.out[queue.popleft()]:
                if not forward[b]:
                    forward[b] = True
                    queue.append(b)
        backward = [False] * size
        queue = deque(t for t in target_nodes if forward[t])
        for i in queue:
            backward[i] = True
        while queue:
            for a, _ in self.into[queue.popleft()]:
                if forward[a] and not backward[a]:
                    backward[a] = True
                    queue.append(a)
        return backward

    # --- supporters per level ---------------------------------------------------------

    def _supporters(self, level: int) -> dict[int, frozenset[int]]:
        """For each relevant node: the affirmed claim nodes that reach it at this level."""
        relevant = self.relevant
        out = self.out

        def successors(v: int):
            return [b for b, _, severity in out[v] if severity >= level and relevant[b]]

        components = strongly_connected([v for v in range(len(self.name)) if relevant[v]], successors)
        component_of: dict[int, int] = {}
        for index, members in enumerate(components):
            for v in members:
                component_of[v] = index
        parents: list[set[int]] = [set() for _ in components]
        for index, members in enumerate(components):
            for v in members:
                for b in successors(v):
                    other = component_of[b]
                    if other != index:
                        parents[other].add(index)
        empty: frozenset[int] = frozenset()
        reached: list[frozenset[int]] = [empty] * len(components)
        affirmed = self.affirming
        # Tarjan yields sinks first, so walk it backwards: every parent before its children
        for index in range(len(components) - 1, -1, -1):
            own = [v for v in components[index] if self.claim_node[v] and self.name[v] in affirmed]
            inherited = {id(s): s for s in (reached[p] for p in parents[index]) if s}
            if not own and len(inherited) <= 1:
                reached[index] = next(iter(inherited.values()), empty)  # shared, not copied
            else:
                merged = set(own)
                for s in inherited.values():
                    merged |= s
                reached[index] = frozenset(merged)
        return {v: reached[component_of[v]] for v in component_of}

    # --- what callers ask ---------------------------------------------------------------

    def support(self, claim_id: str) -> list[tuple[Assertion, "Route | None", int]]:
        """Every assertion that supports the claim: (assertion, route, chain severity).

        The route tells the rules its support travelled; a direct affirmation has no route
        (None) and no cap on its severity (error)."""
        cached = self._cache.get(claim_id)
        if cached is not None:
            return cached
        result: list = [(a, None, ERROR) for a in self.affirming.get(claim_id, ())]
        target = self.node_of.get(claim_id)
        if target is not None and self.relevant[target]:
            best: dict[int, int] = {}
            for level in LEVELS:
                for x in self.ancestors[level].get(target, ()):
                    if x != target and x not in best:
                        best[x] = level
            for x in sorted(best, key=lambda v: self.name[v]):
                level = best[x]
                route = Route(self, x, target, level)
                for a in self.affirming[self.name[x]]:
                    result.append((a, route, level))
        self._cache[claim_id] = result
        return result

    def _chain(self, start: int, target: int, level: int) -> tuple[tuple[str, str], ...]:
        """(rule id, claim reached) steps along a shortest path start ⇒⁺ target using
        rules at or above level: the one a breadth-first search from start over the
        sorted edges finds (the least in their order), but read off one search back from
        the target that all its supporters share (one search per supporter made a long
        cycle quadratic)."""
        toward = self._toward.get((target, level))
        if toward is None:
            toward = self._toward[(target, level)] = Toward(self, target, level)
        return toward.steps(start)


class Toward:
    """Every supporter's way to one target at one level: a breadth-first search back
    from the target over the reversed edges, taken only as far as the supporters asked
    for so far, and from each node the first of its sorted edges that leads one step
    nearer. Following those edges from a supporter is the path its own forward search
    would find: that search reaches each node first by the least shortest path in the
    edges' order, and the least path is the one that takes the least edge nearer at
    every node.

    The ways share their ends: a way that meets a node walked before ends as that
    node's way did, copied from it whole (not walked again), so the work is the output's
    size plus one step per node.

    `graph` is a SupportGraph, or anything with its lists by node number: `out` (sorted
    edges), `into`, `relevant`, `claim_node` and `name` (the SQL engine's rule graph)."""

    __slots__ = ("_graph", "_target", "_level", "_distance", "_queue", "_next", "_known")

    def __init__(self, graph: SupportGraph, target: int, level: int) -> None:
        self._graph, self._target, self._level = graph, target, level
        self._distance: dict[int, int] = {target: 0}
        self._queue = deque([target])
        # node -> (the next node, the step it adds: (rule id, claim) or None into a hub)
        self._next: dict[int, tuple[int, tuple[str, str] | None]] = {}
        # node -> (steps, offset): its own steps are steps[offset:]
        self._known: dict[int, tuple[tuple, int]] = {target: ((), 0)}

    def steps(self, start: int) -> tuple[tuple[str, str], ...]:
        if start not in self._distance:
            self._search(start)
        known, nexts = self._known, self._next
        walked: list[tuple[int, int]] = []  # (node, how many new steps come before its own)
        new: list[tuple[str, str]] = []
        v = start
        while v not in known:
            walked.append((v, len(new)))
            v, step = nexts.get(v) or self._step(v)
            if step is not None:
                new.append(step)
        rest, offset = known[v]
        steps = tuple(new) + rest[offset:] if new else rest[offset:]
        for node, before in walked:
            known[node] = (steps, before)
        return steps

    def _search(self, start: int) -> None:
        """Go on searching back until `start` is found: every node nearer than it is
        then found too, so the steps from it can be chosen."""
        graph, level, distance, queue = self._graph, self._level, self._distance, self._queue
        relevant, into = graph.relevant, graph.into
        while start not in distance:
            b = queue.popleft()  # never empty: start reaches the target by construction
            further = distance[b] + 1
            for a, severity in into[b]:
                if severity >= level and relevant[a] and a not in distance:
                    distance[a] = further
                    queue.append(a)

    def _step(self, v: int) -> tuple[int, tuple[str, str] | None]:
        graph, distance = self._graph, self._distance
        nearer = distance[v] - 1
        relevant, name = graph.relevant, graph.name
        for b, rule, severity in graph.out[v]:  # sorted: the least edge one step nearer
            if severity >= self._level and relevant[b] and distance.get(b) == nearer:
                if not graph.claim_node[b]:
                    found = (b, None)  # a hub is passed through: its rule names the next step
                else:  # out of a hub the edge has no rule of its own: the hub's is entered
                    found = (b, (rule if rule is not None else name[v][len(HUB):], name[b]))
                self._next[v] = found
                return found
        raise AssertionError("a node one step nearer the target is found by construction")  # pragma: no cover


class Route:
    """How support travelled from one claim to another; the steps are worked out only
    when asked for (a long chain reported for many assertions costs nothing until shown)."""

    __slots__ = ("_graph", "_start", "_target", "_level", "_steps")

    def __init__(self, graph: SupportGraph, start: int, target: int, level: int) -> None:
        self._graph, self._start, self._target, self._level = graph, start, target, level
        self._steps: tuple[tuple[str, str], ...] | None = None

    @property
    def level(self) -> int:
        """The severity of the chain: that of its weakest rule."""
        return self._level

    @property
    def steps(self) -> tuple[tuple[str, str], ...]:
        """(rule id, claim reached) pairs, from the asserted claim to the supported one."""
        if self._steps is None:
            self._steps = self._graph._chain(self._start, self._target, self._level)
        return self._steps


def strongly_connected(nodes: list, successors) -> list[list]:
    """Tarjan's algorithm without recursion; components come out sinks first. The lint
    rules use it too, on graphs of their own."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    components: list[list[int]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(successors(root)))]
        while work:
            v, pending = work[-1]
            descended = False
            for w in pending:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(successors(w))))
                    descended = True
                    break
                if w in on_stack and index[w] < low[v]:
                    low[v] = index[w]
            if descended:
                continue
            work.pop()
            if work:
                u = work[-1][0]
                if low[v] < low[u]:
                    low[u] = low[v]
            if low[v] == index[v]:
                members = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    members.append(w)
                    if w == v:
                        break
                components.append(members)
    return components
