"""A source that no assertion uses.

A source is used when an assertion names it as its `source` or in its `via`.

Why it matters: an unused source is often a typo's other half (the assertion spells
the id differently and is reported as R001), or a source whose assertions were never
written. It does no harm otherwise; this is an info.

How to fix: record what the source says, point the misspelt assertion at it, or
delete it.

    sources:
      - {id: el-pais, name: El País}
      - {id: reuters, name: Reuters, kind: agency}      # I108: no assertion uses it
    claims:
      - id: chavismo-prefers-to-resist
        text: Chavismo prefers to resist US pressure
        assertions: [{source: el-pais, stance: affirms}]

A corpus without claims (a file of sources checked on its own, a corpus just begun)
is not reported: everything in it would be unused.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import Corpus
from ._common import claim_chunks, finding

CODE = "I108"
NAME = "unused-source"
SEVERITY = "info"


def check(corpus: Corpus, options: dict) -> Iterator[Finding]:
    if not corpus.claims:
        return  # a register checked on its own, or a corpus not yet written
    unused = set(corpus.sources) - corpus.mentioned  # named where something else is wrong
    for claims in claim_chunks(corpus):  # until every source is seen used: often early
        unused.difference_update([a.source for claim in claims for a in claim.assertions])
        unused.difference_update([s for claim in claims for a in claim.assertions for s in a.via])
        if not unused:
            return
    for source_id in sorted(unused):
        source = corpus.sources[source_id]
        yield finding(
            CODE,
            f"source '{source_id}' is not used: no assertion names it as its source or in its via",
            source.pos,
            ("sources", source_id),
        )
