"""Helpers the lint rules share: findings at an item, "today", and what flows along rules."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Iterator

from ..engine.support import HUB, rule_edges, strongly_connected
from ..findings import Finding
from ..model import Claim, Corpus, Pos


def finding(code: str, message: str, pos: Pos, path: tuple[str, ...]) -> Finding:
    return Finding(code, message, pos.file, pos.line, pos.column, path=path)


def today(options: dict) -> _dt.date:
    """The day the rules take as today: the `today` option (a date or YYYY-MM-DD) so that
    tests and reproducible runs can pin it, else the real date."""
    value = options.get("today")
    if value is None:
        return _dt.date.today()
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value))


#: claims a chunk: small enough that a rule which can stop early (every source seen used)
#: does not read the whole corpus, large enough to be read in comprehensions
CHUNK = 4096


def claim_chunks(corpus: Corpus) -> Iterator[list[Claim]]:
    """The corpus's claims in order, a list of up to CHUNK at a time."""
    claims = list(corpus.claims.values())
    for start in range(0, len(claims), CHUNK):
        yield claims[start : start + CHUNK]


def rule_graph(corpus: Corpus) -> dict[str, list[str]]:
    """Claim ids (and one hub per `equivalent` rule) → the nodes their support goes to:
    the engine's rule graph (`rule_edges`) without its rule ids and severities."""
    out: dict[str, list[str]] = {}
    for a, b, _, _ in rule_edges(corpus):
        out.setdefault(a, []).append(b)
        out.setdefault(b, [])
    return out


def claims_in_rules(corpus: Corpus) -> set[str]:
    """The claims implies/equivalent rules connect: support flows into or out of these
    only (`RuleFlow.along` leaves the seed of any other claim as it is)."""
    linked: set[str] = set()
    for rule in corpus.rules.values():
        if rule.kind == "implies":
            linked.add(rule.if_)
            linked.update(rule.then)
        elif rule.kind == "equivalent":
            linked.update(rule.claims)
    return linked


def components(graph: dict[str, Iterable[str]]) -> list[list[str]]:
    """Strongly connected components, sinks first."""
    return strongly_connected(sorted(graph), lambda v: graph[v])


class RuleFlow:
    """The corpus's implies/equivalent rules as a graph of strongly connected components,
    made once for a rule that lets several kinds of seed flow along it."""

    def __init__(self, corpus: Corpus) -> None:
        self.graph = rule_graph(corpus)
        self.parts = components(self.graph) if self.graph else []
        self.component_of = {v: n for n, members in enumerate(self.parts) for v in members}

    def along(self, seeds: dict[str, frozenset], cap: int) -> dict[str, frozenset]:
        """For every claim: the union of the seeds of the claims whose support reaches it
        (itself, and every X with X ⇒⁺ C through implies/equivalent rules), cut to at most
        `cap` elements. Cutting keeps "has at least `cap` elements" exact, so bounded sets
        flow through a large rule graph in linear time."""
        graph, parts, component_of = self.graph, self.parts, self.component_of
        result = {claim: seed if len(seed) <= cap else _cut(seed, cap) for claim, seed in seeds.items()}
        if not graph:
            return result
        reached: list[frozenset] = [frozenset()] * len(parts)
        # sinks come first, so walk backwards: a component before everything it reaches
        pushed: list[set] = [set() for _ in parts]
        for n in range(len(parts) - 1, -1, -1):
            gathered = set(pushed[n])
            for v in parts[n]:
                gathered |= seeds.get(v, frozenset())
            value = _cut(gathered, cap)
            reached[n] = value
            for v in parts[n]:
                for w in graph[v]:
                    m = component_of[w]
                    if m != n and len(pushed[m]) < cap:
                        pushed[m] |= value
                        if len(pushed[m]) > cap:
                            pushed[m] = set(_cut(pushed[m], cap))
        for v, n in component_of.items():
            if not v.startswith(HUB):
                result[v] = reached[n]
        return result


def _cut(values, cap: int) -> frozenset:
    if len(values) <= cap:
        return frozenset(values)
    return frozenset(sorted(values)[:cap])


def related_claims(corpus: Corpus) -> Callable[[str, str], bool]:
    """Whether the corpus already relates two claims: a rule names both, or an implies
    chain (equivalent rules included) runs both ways between them."""
    component_of = RuleFlow(corpus).component_of
    rules_of: dict[str, set[str]] = {}
    for rule in corpus.rules.values():
        members = (rule.if_, *rule.then) if rule.kind == "implies" else rule.claims
        for claim in members:
            rules_of.setdefault(claim, set()).add(rule.id)

    def related(a: str, b: str) -> bool:
        ca, cb = component_of.get(a), component_of.get(b)
        if ca is not None and ca == cb:
            return True
        return not rules_of.get(a, set()).isdisjoint(rules_of.get(b, ()))

    return related
