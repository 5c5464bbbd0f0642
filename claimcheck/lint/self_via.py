"""A source listed in its own `via`.

`via` lists where the assertion's source got the claim from, nearest first. A source
cannot have got it from itself, so its own id in its `via` is always a mistake: usually
a copy-paste from another assertion, or the source's id written where the origin's
should be.

How to fix: remove the source's own id from `via`. When the source is the origin
(nobody passed it on), leave `via` out altogether.

    claims:
      - id: cuba-no-military-support
        text: Cuba will give Venezuela no military support
        assertions:
          - {source: el-toque, stance: affirms, via: [el-toque]}   # E106
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from ..findings import Finding, assertion_key
from ..model import Corpus
from ._common import finding

CODE = "E106"
NAME = "self-in-via"
SEVERITY = "error"


def check(corpus: Corpus, options: dict) -> Iterator[Finding]:
    # assertions with other errors too: one run reports every mistake
    for assertion in chain(corpus.assertions(), corpus.unusable_assertions):
        if assertion.source in assertion.via:
            yield finding(
                CODE,
                f"source '{assertion.source}' is listed in its own via [{', '.join(assertion.via)}]; "
                f"via names where it got the claim from, so remove '{assertion.source}' "
                f"(leave via out when the source is the origin)",
                assertion.pos,
                ("claims", assertion.claim, "assertions", assertion_key(assertion.source, assertion.index), "via"),
            )
