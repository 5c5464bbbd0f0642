"""A declared predicate that no claim uses.

Declared predicates carry constraints (`single_value`, `value_type`, `tolerance`,
`conflicts_with`); they act only on claims whose `predicate` names them. A declared
predicate no claim names constrains nothing, which is usually a typo in the claims'
`predicate` (undeclared predicates are allowed, so the typo is not an error).

How to fix: correct the claims' `predicate`, or delete the declaration.

    predicates:
      - {id: holds-office, single_value: true}     # I110: the claim says holds_office
    claims:
      - id: maduro-president
        text: Maduro is president of Venezuela
        subject: maduro
        predicate: holds_office
        assertions: [{source: el-pais, stance: affirms}]

A corpus without claims (a file of predicates checked on its own, a corpus just begun)
is not reported: everything in it would be unused.
"""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz, process

from ..findings import Finding
from ..model import Corpus
from ._common import finding

CODE = "I110"
NAME = "unused-predicate"
SEVERITY = "info"


def check(corpus: Corpus, options: dict) -> Iterator[Finding]:
    if not corpus.claims:
        return  # a register checked on its own, or a corpus not yet written
    used = {claim.predicate for claim in corpus.claims.values() if claim.predicate}
    for predicate_id in sorted(corpus.predicates.keys() - used):
        predicate = corpus.predicates[predicate_id]
        near = process.extractOne(predicate_id, sorted(used - corpus.predicates.keys()), scorer=fuzz.ratio, score_cutoff=60)
        hint = f" (claims use '{near[0]}': a typo?)" if near else ""
        yield finding(
            CODE,
            f"predicate '{predicate_id}' is declared but no claim uses it{hint}; its constraints act on nothing",
            predicate.pos,
            ("predicates", predicate_id),
        )
