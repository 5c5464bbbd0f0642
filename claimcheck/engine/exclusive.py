"""§4.2 exclusive: assertions that support different members of an exclusive rule overlap.

Side i holds the support of member i. One assertion that supports two members stands on
both sides and clashes with itself. Each pair is capped by the rule's severity.
"""

from __future__ import annotations

from typing import Iterator

from ..model import Corpus
from .conflict import Conflict, build_conflict
from .sides import Candidate, clash
from .support import SupportGraph

KIND = "exclusive"


def targets(corpus: Corpus) -> set[str]:
    return {m for r in corpus.rules.values() if r.kind == "exclusive" for m in r.claims}


def find(corpus: Corpus, graph: SupportGraph) -> Iterator[Conflict]:
    for rule_id in sorted(corpus.rules):
        rule = corpus.rules[rule_id]
        if rule.kind != "exclusive":
            continue
        sides = [
            [Candidate(a, route, min(level, rule.severity)) for a, route, level in graph.support(member)]
            for member in rule.claims
        ]
        if sum(1 for side in sides if side) < 2:
            continue  # a clash needs support on two sides
        found = clash(corpus, list(rule.claims), sides)
        if found:
            held, severity = found
            members = [side.label for side in held]
            yield build_conflict(f"{KIND}:{rule_id}", KIND, severity, held, members, {"rule": rule_id})
