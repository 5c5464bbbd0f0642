"""`via` chains that go round in a circle.

Each assertion's `via` is a chain: its source got the claim from the first source
listed, which got it from the next, and so on to the origin. Taken over the whole
corpus these links form a graph, and it should not loop: if A's assertions say A got a
claim from B and B's say B got one from A, then (for those claims at least) one of the
two has the direction wrong, or the chains confuse who relayed whom. A loop is reported
once, at the first assertion (by file and line) whose `via` makes one of its links,
with the links that close it. (A source in its own `via` is E106, not this.)

How to fix: check each link against the text the assertion quotes: `via` names where
the source got the claim from, nearest first, origin last. If two sources really
reported on each other for different claims, this warning can be ignored for them.

    claims:
      - id: meeting-took-place
        assertions:
          - {source: el-toque, stance: affirms, via: [caracas-consulting]}
      - id: advisers-refused-aid
        assertions:
          - {source: caracas-consulting, stance: affirms, via: [el-toque]}   # W107
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator

from ..findings import Finding
from ..model import Assertion, Corpus
from ._common import components, finding

CODE = "W107"
NAME = "via-cycle"
SEVERITY = "warning"
SHOWN = 4  # links named in the message


def check(corpus: Corpus, options: dict) -> Iterator[Finding]:
    # source -> the sources it names next -> the first assertion (by place) that does
    graph: dict[str, dict[str, Assertion]] = {}
    for claim in corpus.claims.values():
        for assertion in claim.assertions:
            via = assertion.via
            if not via or assertion.source in via:
                continue  # the latter is E106
            here = assertion.source
            for there in via:
                if here != there:
                    links = graph.get(here)
                    if links is None:
                        links = graph[here] = {}
                    known = links.get(there)
                    if known is None:
                        links[there] = assertion
                        graph.setdefault(there, {})
                    else:  # the first by place (file, line, column) makes the link
                        p, q = assertion.pos, known.pos
                        if (p.file, p.line, p.column) < (q.file, q.line, q.column):
                            links[there] = assertion
                here = there
    for members in components(graph):
        if len(members) < 2:
            continue
        inside = set(members)
        # each link by place, then by its ends (never by `by`: a link is made once)
        links = [
            (by.pos.file, by.pos.line, by.pos.column, a, b, by)
            for a in members for b in graph[a] if b in inside for by in (graph[a][b],)
        ]
        shown_links = heapq.nsmallest(SHOWN, links)  # the first few: a loop can hold thousands
        first = shown_links[0][-1]
        shown = "; ".join(
            f"{a} → {b} ({_where_text(by)})" for *_, a, b, by in shown_links
        ) + ("; ..." if len(links) > SHOWN else "")
        ring = sorted(members)
        through = ", ".join(ring) if len(ring) <= 2 * SHOWN else ", ".join(ring[:SHOWN]) + f", ... ({len(ring)} sources)"
        yield finding(
            CODE,
            f"via chains go round in a circle through {through}: {shown}; "
            f"via names where a source got the claim from, nearest first, so one of these has the direction wrong",
            first.pos,
            ("sources", min(members)),
        )


def _where_text(assertion: Assertion) -> str:
    return f"claim '{assertion.claim}', {assertion.pos}"
