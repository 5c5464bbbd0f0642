"""An entity that nothing refers to.

An entity is used when a claim names it as `subject` or `object`, an assertion gives
it as its `value`, or a source `represents` it. A mention in a claim's text is not a
use (see I112).

Why it matters: an unused entity is often the other half of a typo, or an entity whose
claims were never linked to it: the claims then take no part in the value and
conflicts-with checks, and self-interest goes unseen. Harmless otherwise; an info.

How to fix: make it the subject or object of the claims that are about it, or delete
it.

    entities:
      - {id: maduro, name: Nicolás Maduro}
      - {id: mehdi-hasan, name: Mehdi Hasan}    # I109: no claim, value or source uses it
    claims:
      - id: maduro-sought-aid
        text: Maduro sought military aid from Cuba
        subject: maduro
        assertions: [{source: el-toque, stance: affirms}]

A corpus without claims (a file of entities checked on its own, a corpus just begun)
is not reported: everything in it would be unused.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import Corpus
from ._common import claim_chunks, finding

CODE = "I109"
NAME = "unused-entity"
SEVERITY = "info"


def check(corpus: Corpus, options: dict) -> Iterator[Finding]:
    if not corpus.claims:
        return  # a register checked on its own, or a corpus not yet written
    unused = set(corpus.entities) - corpus.mentioned  # named where something else is wrong
    for source in corpus.sources.values():
        unused.difference_update(source.represents)
    for claims in claim_chunks(corpus):  # until every entity is seen used: often early
        if not unused:
            return
        unused.difference_update([claim.subject for claim in claims])
        unused.difference_update([entity for claim in claims for entity in claim.favours + claim.harms])
        unused.difference_update([claim.object for claim in claims if isinstance(claim.object, str)])
        unused.difference_update([a.value for claim in claims for a in claim.assertions if isinstance(a.value, str)])
    for entity_id in sorted(unused):
        entity = corpus.entities[entity_id]
        yield finding(
            CODE,
            f"entity '{entity_id}' is not used: no claim has it as subject, object, in favours or "
            f"harms, no assertion as value, and no source represents it",
            entity.pos,
            ("entities", entity_id),
        )
