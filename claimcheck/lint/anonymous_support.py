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
from ..model import Corpus
from ._common import along_rules, finding

CODE = "I104"
NAME = "anonymous-support"
SEVERITY = "info"


def check(corpus: Corpus, options: dict) -> Iterator[Finding]:
    anonymous: dict[str, set[str]] = {}  # claim -> anonymous origins of its affirmations
    named: dict[str, set[str]] = {}  # claim -> named origins of its affirmations
    for claim in corpus.claims.values():
        for a in claim.assertions:
            if a.stance != "affirms":
                continue
            source = corpus.sources.get(a.origin)
            side = anonymous if source is not None and source.kind == "anonymous" else named
            side.setdefault(claim.id, set()).add(a.origin)
    if not anonymous:
        return
    anonymous_reach = along_rules(corpus, {c: frozenset(s) for c, s in anonymous.items()}, 3)
    named_reach = along_rules(corpus, {c: frozenset(s) for c, s in named.items()}, 1)
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
