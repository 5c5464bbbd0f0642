"""The rule engine: a validated corpus in, every conflict of spec §4 out, sorted by id.

One module per conflict kind; `support` computes how affirmation travels along rules.
"""

from __future__ import annotations

from ..findings import Finding, suggest
from ..model import Corpus
from . import conflicts_with, contradiction, exclusive, value
from .conflict import Conflict, Entry, Side
from .support import SupportGraph, by_stance

#: stale resolutions up to this many get a did-you-mean (each searches every conflict id)
SUGGEST_UP_TO = 50

KINDS = (contradiction.KIND, exclusive.KIND, value.KIND, conflicts_with.KIND)

__all__ = ["Conflict", "Entry", "Side", "KINDS", "find_conflicts"]


def find_conflicts(corpus: Corpus, dated: bool = False) -> tuple[list[Conflict], list[Finding]]:
    """All conflicts with their statuses, and findings about stale resolutions and ratings
    of claims outside their conflict. `corpus` holds the assertions that take part
    (`asof.as_of`); `dated`: found as of a date, when a resolution whose conflict does not
    exist then may be about a later state of the corpus, and is not stale (§3)."""
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
    stale = [] if dated else [r for r in corpus.resolutions if r.conflict not in known]
    # a few stale ids are likely typos, worth a suggestion; many are a corpus that changed,
    # and each suggestion searches every conflict id
    candidates = _unresolved(known, corpus) if len(stale) <= SUGGEST_UP_TO else []
    for resolution in stale:
        p = resolution.pos
        findings.append(Finding(
            "C001",
            f"resolution of '{resolution.conflict}', but no such conflict exists (any more)"
            f"{suggest(resolution.conflict, candidates)}; remove it or fix the id",
            p.file, p.line, p.column, path=("resolutions", resolution.conflict),
        ))
    findings.extend(_outside_ratings(corpus, {c.id: c for c in conflicts}))
    if status_of:
        conflicts = [c.with_status(status_of[c.id]) if c.id in status_of else c for c in conflicts]
    return conflicts, findings


def _outside_ratings(corpus: Corpus, by_id: dict[str, Conflict]) -> list[Finding]:
    """A rating of a claim that takes no part in its conflict: a verdict that would be
    published for a claim the conflict is not about (§3 resolutions)."""
    out = []
    for resolution in corpus.resolutions:
        conflict = by_id.get(resolution.conflict)
        if conflict is None:
            continue
        for rating in resolution.ratings:
            if rating.claim not in conflict.claims:
                p = rating.pos
                out.append(Finding(
                    "C002",
                    f"rating of claim '{rating.claim}', which takes no part in {conflict.id} "
                    f"(its claims: {', '.join(conflict.claims)}); rate those, or move the rating to a resolution of a conflict about it",
                    p.file, p.line, p.column, path=("resolutions", resolution.conflict, "ratings", rating.claim),
                ))
    return out


def _unresolved(known: set[str], corpus: Corpus) -> list[str]:
    """The conflict ids no resolution names: what a stale one most likely meant."""
    named = {r.conflict for r in corpus.resolutions}
    return sorted(known - named)
