"""An assertion dated in the future.

An assertion's `date` says when the source said it, so it cannot be later than today.
A date is in the future when its first day is after today (`2025-10` is in the future
only before 1 October 2025). Usually it is a typo in the year, or a period's date
written in `date` (the time the claim is about belongs in `period`).

"Today" is the day of the run; the `today` option (YYYY-MM-DD) pins it, for tests and
for reproducible reports.

How to fix: correct the date; if it is when the claim holds, move it to `period`.

    claims:
      - id: maduro-asked-us-to-negotiate-exit
        text: Maduro asked the Trump administration to negotiate his withdrawal
        assertions:
          - {source: el-nuevo-herald, stance: affirms, date: 2052-10-16}   # W111
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, assertion_key
from ..model import Corpus
from ._common import finding, today

CODE = "W111"
NAME = "future-assertion"
SEVERITY = "warning"
OPTIONS = {"today": None}


def check(corpus: Corpus, options: dict) -> Iterator[Finding]:
    day = today(options)
    limit = day.toordinal()
    for claim in corpus.claims.values():
        for assertion in claim.assertions:
            if assertion.date is not None and assertion.date.first > limit:
                yield finding(
                    CODE,
                    f"assertion by '{assertion.source}' is dated {assertion.date.text}, after today "
                    f"({day.isoformat()}); date is when the source said it: a typo in the year? "
                    f"(when the claim holds belongs in period)",
                    assertion.pos,
                    ("claims", assertion.claim, "assertions", assertion_key(assertion.source, assertion.index), "date"),
                )
