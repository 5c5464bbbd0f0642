"""A claim whose support, from several sources, all comes from one origin.

An assertion's *origin* is where the information started: the last source of its
`via`, else the source itself. A claim is reported when the assertions that support it
(affirming it, or affirming a claim that implies it through `implies`/`equivalent`
rules) come from at least `single-origin-min-sources` distinct sources (default 2) but
share a single origin.

Why it matters: three outlets repeating one report look like three confirmations but
are one account. Counting them as independent overstates the claim (circular
reporting).

What to do: nothing has to change in the corpus; weigh the claim as single-sourced and
look for an independent origin. If a source in fact had its own access, remove the
`via` that says otherwise. Set `single-origin-min-sources` to 1 to list every claim that
rests on one origin, single-sourced or not.

    claims:
      - id: advisers-refused-aid            # I105: three sources, one origin
        text: The Cuban advisers refused Maduro military aid
        assertions:
          - {source: el-toque, stance: affirms, via: [caracas-consulting]}
          - {source: cibercuba, stance: affirms, via: [el-toque, caracas-consulting]}
          - {source: caracas-consulting, stance: affirms}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import Claim, Corpus
from ._common import RuleFlow, claims_in_rules, finding

CODE = "I105"
NAME = "single-origin"
SEVERITY = "info"
OPTIONS = {"single-origin-min-sources": 2}


def check(corpus: Corpus, options: dict) -> Iterator[Finding]:
    least = options.get("single-origin-min-sources", OPTIONS["single-origin-min-sources"])
    origins: dict[str, frozenset[str]] = {}
    sources: dict[str, frozenset[str]] = {}

    def seed(claim: Claim) -> None:
        affirming = [a for a in claim.assertions if a.stance == "affirms"]
        if affirming:
            origins[claim.id] = frozenset([a.via[-1] if a.via else a.source for a in affirming])
            sources[claim.id] = frozenset([a.source for a in affirming])

    # A claim of several origins that no rule connects is never reported and passes
    # nothing on: the seeds are the claims of one origin, and the claims rules connect.
    # (Assertion.origin is inlined: this visits every assertion.)
    for claim in corpus.claims.values():
        if len({a.via[-1] if a.via else a.source for a in claim.assertions if a.stance == "affirms"}) == 1:
            seed(claim)
    for claim_id in claims_in_rules(corpus):
        if claim_id not in origins and claim_id in corpus.claims:
            seed(corpus.claims[claim_id])
    flow = RuleFlow(corpus)
    origin_reach = flow.along(origins, 2)
    source_reach = flow.along(sources, max(least, 4))  # 4: "more than three"
    for claim_id in sorted(origin_reach):
        found = origin_reach[claim_id]
        by = source_reach.get(claim_id, frozenset())
        if len(found) != 1 or len(by) < least:
            continue
        (origin,) = found
        claim = corpus.claims[claim_id]
        if len(by) == 1:
            said = f"rests on one source, '{next(iter(by))}'"
        else:
            shown = sorted(by)
            listed = ", ".join(f"'{s}'" for s in shown[:3]) + (", ..." if len(shown) > 3 else "")
            said = f"is supported by {'several' if len(shown) > 3 else len(shown)} sources ({listed})"
        yield finding(
            CODE,
            f"claim '{claim_id}' {said}, all from one origin, '{origin}': one account, not "
            f"independent confirmation; look for an independent origin",
            claim.pos,
            ("claims", claim_id),
        )
