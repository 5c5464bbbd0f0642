"""The rule engine: a validated corpus in, every conflict of spec §4 out, sorted by id.

One module per conflict kind; `support` computes how affirmation travels along rules.
"""

from __future__ import annotations

from ..findings import Finding
from ..model import Corpus
from . import conflicts_with, contradiction, exclusive, value
from .conflict import Conflict, Entry, Side
from .support import SupportGraph, by_stance

KINDS = (contradiction.KIND, exclusive.KIND, value.KIND, conflicts_with.KIND)

__all__ = ["Conflict", "Entry", "Side", "KINDS", "find_conflicts"]


def find_conflicts(corpus: Corpus) -> tuple[list[Conflict], list[Finding]]:
    """All conflicts with their statuses, and findings about stale resolutions."""
    affirming, opposed = by_stance(corpus)  # (opposed: contradiction.targets)
    graph = SupportGraph(corpus, opposed | exclusive.targets(corpus), affirming)
    conflicts = [
        *contradiction.find(corpus, graph, opposed),
        *exclusive.find(corpus, graph),
        *value.find(corpus),
        *conflicts_with.find(corpus),
    ]
    conflicts.sort(key=lambda c: c.id)
    status_of = {r.conflict: r.status for r in corpus.resolutions}
    findings = []
    known = {c.id for c in conflicts}
    for resolution in corpus.resolutions:
        if resolution.conflict not in known:
            p = resolution.pos
            findings.append(Finding(
                "C001",
                f"resolution of '{resolution.conflict}', but no such conflict exists (any more); remove it or fix the id",
                p.file, p.line, p.column, path=("resolutions", resolution.conflict),
            ))
    if status_of:
        conflicts = [c.with_status(status_of[c.id]) if c.id in status_of else c for c in conflicts]
    return conflicts, findings
