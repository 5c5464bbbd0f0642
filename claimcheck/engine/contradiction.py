"""§4.1 contradiction: a claim both supported and opposed, at overlapping times.

Support may travel along rules; opposition (denies, doubts) applies to the claim itself.
A pair whose opposing assertion only doubts is at most a warning.
"""

from __future__ import annotations

from typing import Iterator

from ..model import Corpus, ERROR, WARNING
from .conflict import Conflict, build_conflict
from .sides import Candidate, clash
from .support import SupportGraph

KIND = "contradiction"


def targets(corpus: Corpus) -> set[str]:
    """The claims some assertion denies or doubts: the only ones that can be contradicted."""
    return {c.id for c in corpus.claims.values() if any(a.stance != "affirms" for a in c.assertions)}


def find(corpus: Corpus, graph: SupportGraph, opposed: set[str] | None = None) -> Iterator[Conflict]:
    """`opposed`: `targets(corpus)`, where the caller has it already."""
    for claim_id in sorted(targets(corpus) if opposed is None else opposed):
        claim = corpus.claims[claim_id]
        supports = [Candidate(a, route, level) for a, route, level in graph.support(claim_id)]
        if not supports:
            continue
        opposes = [
            Candidate(a, None, WARNING if a.stance == "doubts" else ERROR)
            for a in claim.assertions
            if a.stance != "affirms"
        ]
        found = clash(corpus, ["supports", "opposes"], [supports, opposes])
        if found:
            sides, severity = found
            yield build_conflict(f"{KIND}:{claim_id}", KIND, severity, sides, (claim_id,), {"claim": claim_id})
