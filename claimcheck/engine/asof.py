"""Which assertions take part in conflicts, as of a moment (spec §4).

By default (now) every assertion takes part but those withdrawn. As of a date D, an
assertion takes part when it had been made by then (no `date`, or its date starts on or
before D's last day) and had not yet been withdrawn (no `withdrawn`, or its withdrawal
starts after D's last day). One that takes no part is as if it were not in the corpus;
its claim, its source and everything else stay. A view of the corpus is made with the
claims' assertion tuples filtered: the same Assertion objects, so what reports show of
them (place, index in their claim) is what the files say.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Assertion, Corpus, DateSpan


def takes_part(assertion: Assertion, as_of: DateSpan | None) -> bool:
    if as_of is None:
        return assertion.withdrawn is None
    date, withdrawn = assertion.date, assertion.withdrawn
    return (date is None or date.first <= as_of.last) and (withdrawn is None or withdrawn.first > as_of.last)


def as_of(corpus: Corpus, moment: DateSpan | None) -> Corpus:
    """The corpus as it stood then: the same corpus where nothing is left out."""
    claims = None
    # as of now only withdrawals leave assertions out, and the validation noted where
    # they are (most corpora have none: nothing to look at)
    looked_at = corpus.claims if moment is not None else {c: corpus.claims[c] for c in sorted(corpus.with_withdrawals) if c in corpus.claims}
    for claim_id, claim in looked_at.items():
        assertions = claim.assertions
        kept = tuple(a for a in assertions if takes_part(a, moment))
        if len(kept) == len(assertions):
            continue
        if claims is None:
            claims = dict(corpus.claims)
        claims[claim_id] = replace(claim, assertions=kept)
    if claims is None:
        return corpus
    return Corpus(
        corpus.sources, corpus.entities, corpus.predicates, claims, corpus.rules, corpus.resolutions,
        corpus.unusable_assertions, corpus.mentioned, corpus.with_withdrawals,
    )
