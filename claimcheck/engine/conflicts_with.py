"""§4.4 conflicts-with: one subject affirmed, at overlapping times, with two predicates
that a `conflicts_with` declaration says it cannot hold together."""

from __future__ import annotations

from typing import Iterator

from ..model import Corpus, ERROR
from .conflict import Conflict, build_conflict
from .sides import Candidate, clash

KIND = "conflicts-with"


def find(corpus: Corpus) -> Iterator[Conflict]:
    incompatible: dict[str, set[str]] = {}
    for predicate in corpus.predicates.values():
        for other in predicate.conflicts_with:
            incompatible.setdefault(predicate.id, set()).add(other)
            incompatible.setdefault(other, set()).add(predicate.id)
    if not incompatible:
        return
    # subject -> predicate -> affirming assertions made directly on claims with that pair
    held: dict[str, dict[str, list[Candidate]]] = {}
    for claim in corpus.claims.values():
        if not claim.subject or claim.predicate not in incompatible:
            continue
        affirming = [Candidate(a, None, ERROR) for a in claim.assertions if a.stance == "affirms"]
        if affirming:
            held.setdefault(claim.subject, {}).setdefault(claim.predicate, []).extend(affirming)
    found = []
    for subject, by_predicate in held.items():
        for p in by_predicate:
            for q in incompatible[p]:
                if p < q and q in by_predicate:
                    result = clash(corpus, [p, q], [by_predicate[p], by_predicate[q]])
                    if result:
                        sides, _ = result
                        cid = f"{KIND}:{subject}/{p}+{q}"
                        found.append(build_conflict(cid, KIND, ERROR, sides, (), {"subject": subject, "predicates": [p, q]}))
    yield from sorted(found, key=lambda c: c.id)
