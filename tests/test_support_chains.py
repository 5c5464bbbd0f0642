"""The chain reported for travelled support (engine/support.py): read off one search back
from the target, it is exactly the path a breadth-first search forward from the
supporter over the sorted edges finds (what the engine did before, one search per
supporter), on generated corpora and on graphs built to have many shortest paths."""

from __future__ import annotations

from collections import deque

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.engine.support import LEVELS, SupportGraph
from claimcheck.loader import load_text
from claimcheck.validate import validate

from corpus_strategies import corpora, corpus_to_yaml


def forward_chain(graph: SupportGraph, start: int, target: int, level: int) -> tuple[tuple[str, str], ...]:
    """The chain as one forward breadth-first search from `start` finds it."""
    parent: dict[int, tuple[int, str | None]] = {}
    queue = deque([start])
    while queue:
        v = queue.popleft()
        for b, rule, severity in graph.out[v]:
            if severity >= level and graph.relevant[b] and b not in parent:
                parent[b] = (v, rule)
                queue.append(b)
    edges = []
    v = target
    while True:
        previous, rule = parent[v]
        edges.append((rule, v))
        if previous == start:
            break
        v = previous
    steps, entering = [], None
    for rule, v in reversed(edges):
        entering = rule if rule is not None else entering
        if graph.claim_node[v]:
            steps.append((entering, graph.name[v]))
    return tuple(steps)


def same_chains(text: str) -> int:
    """Assert every route's steps are the forward search's; how many routes there were."""
    loaded = load_text(text, "corpus.yaml")
    corpus, _ = validate([loaded])
    graph = SupportGraph(corpus, set(corpus.claims))
    routes = 0
    for claim in sorted(corpus.claims):
        for _, route, level in graph.support(claim):
            if route is not None:
                assert route.level in LEVELS
                assert route.steps == forward_chain(graph, route._start, route._target, level), text
                routes += 1
    return routes


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(corpora())
def test_generated_corpora(corpus):
    same_chains(corpus_to_yaml(corpus))


SEVERITY = st.sampled_from(["error", "warning", "info"])


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_graphs_dense_with_ties(data):
    """Many claims affirmed, rules of mixed severity in both directions, equivalent rules
    (hubs) and several rules between one pair: many shortest paths tie, and each must be
    broken as the forward search breaks it."""
    draw = data.draw
    n = draw(st.integers(2, 9))
    claims = [f"c{i}" for i in range(n)]
    affirmed = draw(st.lists(st.sampled_from(claims), min_size=1, unique=True))
    lines = ["sources:\n  - {id: s, name: S}\nclaims:\n"]
    for c in claims:
        stance = "[{source: s, stance: affirms}]" if c in affirmed else "[]"
        lines.append(f"  - {{id: {c}, text: T, assertions: {stance}}}\n")
    lines.append("rules:\n")
    for index in range(draw(st.integers(1, 3 * n))):
        rule = f"r{draw(st.integers(0, 99)):02d}-{index}"
        severity = draw(SEVERITY)
        if draw(st.integers(0, 4)):
            a, b = draw(st.sampled_from(claims)), draw(st.sampled_from(claims))
            if a != b:
                lines.append(f"  - {{id: {rule}, kind: implies, if: {a}, then: [{b}], severity: {severity}}}\n")
        else:
            members = draw(st.lists(st.sampled_from(claims), min_size=2, max_size=4, unique=True))
            lines.append(f"  - {{id: {rule}, kind: equivalent, claims: [{', '.join(members)}], severity: {severity}}}\n")
    same_chains("".join(lines))


def test_a_cycle_with_every_claim_affirmed():
    n = 60
    claims = "".join(f"  - {{id: c{i}, text: T, assertions: [{{source: s, stance: affirms}}]}}\n" for i in range(n))
    rules = "".join(f"  - {{id: r{i}, kind: implies, if: c{i}, then: c{(i + 1) % n}}}\n" for i in range(n))
    shortcut = "  - {id: shortcut, kind: equivalent, claims: [c5, c40, c41], severity: warning}\n"
    assert same_chains(f"sources:\n  - {{id: s, name: S}}\nclaims:\n{claims}rules:\n{rules}{shortcut}") == n * (n - 1)
