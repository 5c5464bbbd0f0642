"""A claim supported only by anonymous sources.

A claim is reported when it has support (an assertion affirms it, or affirms a claim
that implies it through `implies`/`equivalent` rules) and every supporting assertion
starts at a source of `kind: anonymous`. Where a claim started is its *origin*: the
last source of the assertion's `via`, else the source itself. So a newspaper that
relays "sources close to the government" counts as anonymous, while an unnamed source
quoting a named one does not.

This is an info, not a warning: anonymous sourcing is part of the record of how a
story is known, not a mistake in the corpus, and no edit of the corpus can fix it.
It flags the claims whose standing rests entirely on people nobody can check.

What to do: look for a named source that confirms or denies the claim; meanwhile,
grade the assertion's `credibility` to match (3 possibly true, 6 cannot be judged).

    sources:
      - {id: insiders, name: Sources close to the government, kind: anonymous}
      - {id: el-toque, name: El Toque, kind: newspaper}
    claims:
      - id: maduro-sought-aid               # I104: its only origin is 'insiders'
        text: Maduro sought military aid from Cuba
        assertions:
          - {source: el-toque, stance: affirms, via: [insiders]}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import Claim, Corpus
from ._common import RuleFlow, claims_in_rules, finding

CODE = "I104"
NAME = "anonymous-support"
SEVERITY = "info"


_NAMED = frozenset({"named"})  # what flows of named support: only whether any reaches a claim counts


def check(corpus: Corpus, options: dict) -> Iterator[Finding]:
    anonymous_sources = {s.id for s in corpus.sources.values() if s.kind == "anonymous"}
    if not anonymous_sources:
        return
    anonymous: dict[str, frozenset[str]] = {}  # claim -> anonymous origins of its affirmations
    named: list[str] = []  # claims with an affirmation of named origin that rules pass on

    def origins_of(claim: Claim) -> set[str]:
        # Assertion.origin, inlined: this visits every assertion
        return {a.via[-1] if a.via else a.source for a in claim.assertions if a.stance == "affirms"}

    for claim in corpus.claims.values():
        origins = origins_of(claim)
        if origins and origins <= anonymous_sources:
            anonymous[claim.id] = frozenset(origins)
    # support flows along rules: there, anonymous support passes on even beside named,
    # and named support can reach a claim that has none of its own
    for claim_id in claims_in_rules(corpus):
        claim = corpus.claims.get(claim_id)
        if claim is not None:
            origins = origins_of(claim)
            if origins & anonymous_sources:
                anonymous[claim_id] = frozenset(origins & anonymous_sources)
            if origins - anonymous_sources:
                named.append(claim_id)
    if not anonymous:
        return
    flow = RuleFlow(corpus)
    anonymous_reach = flow.along(anonymous, 3)
    named_reach = flow.along(dict.fromkeys(named, _NAMED), 1)
    for claim_id in sorted(anonymous_reach):
        origins = anonymous_reach[claim_id]
        if not origins or named_reach.get(claim_id):
            continue
        claim = corpus.claims[claim_id]
        listed = ", ".join(f"'{o}'" for o in sorted(origins))
        yield finding(
            CODE,
            f"claim '{claim_id}' is supported only by anonymous sources: all of its support "
            f"starts at {listed}; look for a named source, and grade the credibility to match",
            claim.pos,
            ("claims", claim_id),
        )
