"""Near-duplicate claims: two claims whose texts say almost the same thing.

Texts are compared the way a reader would: after Unicode NFC normalisation, case
folding, removing punctuation and collapsing white space, and with word order ignored
(rapidfuzz's `token_sort_ratio`, 0–100). A pair scoring at least the
`near-duplicate-threshold` option (default 90) is reported once, at the claim whose id
sorts later, naming both. Claims whose texts are the same after normalisation are each
reported against the first of them by id.

Why it matters: two claims for one proposition split its evidence. A denial recorded on
one never meets the affirmations recorded on the other, so the contradiction is never
found, and each claim looks less supported than the proposition is.

How to fix: if they say the same, merge them (move the assertions to one claim and
delete the other), or keep both and add an `equivalent` rule. If they say different
things (a negation, another word for a place), reword one so the difference shows, or
relate them with a rule. A pair that a rule names together (any kind), or that implies chains link
both ways, is taken as known and not reported; so is a pair whose claims name different
subjects (they are about different entities, however alike their wording, as in
imported data: "population of Springfield, IL" and "... MA"). Texts that differ in their
numbers are told apart too, however alike the rest, as I103 tells names apart: "3 killed"
and "5 killed", "Population2004 of Abha" and "Population2006 of Abha" are different
claims (`116,000` and `116000` are one number: punctuation goes first).

    claims:
      - id: maduro-met-advisers
        text: Maduro met Cuban advisers in Caracas
        assertions: [{source: el-toque, stance: affirms}]
      - id: advisers-met-maduro           # W101: reads almost like maduro-met-advisers
        text: "Maduro met the Cuban advisers in Caracas."
        assertions: [{source: article-author, stance: doubts}]
    rules:                                # the fix, if both are to stay:
      - {id: same-meeting, kind: equivalent, claims: [advisers-met-maduro, maduro-met-advisers]}

The search is blocked (see `claimcheck/lint/_text.py`): 100,000 claims take seconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import attrgetter

from ..findings import Finding
from ..model import Claim, Corpus
from ._common import finding, related_claims
from ._text import similar_pairs, words_of

CODE = "W101"
NAME = "near-duplicate-claims"
SEVERITY = "warning"
OPTIONS = {"near-duplicate-threshold": 90}

_by_id = attrgetter("id")
_FIX = "if they say the same, merge them or add an `equivalent` rule; if not, reword one so the difference shows"


def check(corpus: Corpus, options: dict) -> Iterator[Finding]:
    threshold = options.get("near-duplicate-threshold", OPTIONS["near-duplicate-threshold"])
    claims = corpus.claims
    known: list = []

    def related(a: str, b: str) -> bool:  # built once, on the first pair that needs it
        if not known:
            known.append(related_claims(corpus))
        return known[0](a, b) or _different_subjects(corpus, a, b)

    if claims and all(c.subject for c in claims.values()):
        # every claim names its subject: only claims about one subject can be duplicates
        by_subject: dict[str, list[Claim]] = {}
        for claim in claims.values():
            same = by_subject.get(claim.subject)
            if same is None:
                by_subject[claim.subject] = [claim]
            else:
                same.append(claim)
        for subject in sorted(by_subject):
            yield from _pairs(corpus, sorted(by_subject[subject], key=_by_id), threshold, related)
        return
    yield from _pairs(corpus, sorted(claims.values(), key=_by_id), threshold, related)


#: a number in a normalised text (its punctuation gone: `116,000` is `116000`)
_NUMBER = re.compile(r"\d+")


def _numbers(text: str) -> list[str]:
    return sorted(_NUMBER.findall(text))


def _pairs(corpus: Corpus, claims: list[Claim], threshold: float, related) -> Iterator[Finding]:
    """Near-duplicates among these claims (by id); `related(a, b)` tells pairs known not to be."""
    by_text: dict[str, list[str]] = {}
    keyed: list[str] = []  # each distinct text's words, sorted: what token-sort compares
    for claim in claims:
        words = words_of(claim.text)
        if words:
            text = " ".join(words)
            same = by_text.get(text)
            if same is None:
                by_text[text] = [claim.id]
                words.sort()
                keyed.append(" ".join(words))
            else:
                same.append(claim.id)
    texts = list(by_text)
    groups = list(by_text.values())
    if len(groups) < len(claims):  # some texts are the same (or say nothing)
        for same in groups:
            if len(same) < 2:
                continue
            for n, later in enumerate(same[1:], 1):
                first = next((c for c in same[:n] if not related(c, later)), None)
                if first is not None:
                    yield _finding(corpus, first, later, f"has the same text as claim '{first}'")
    reported: set[str] = set()  # one finding per claim, however many it resembles
    hits = similar_pairs(texts, threshold, keyed=keyed)
    for i, j, score in sorted(hits, key=lambda hit: sorted((groups[hit[0]][0], groups[hit[1]][0]))):
        a, b = sorted((groups[i][0], groups[j][0]))
        if b not in reported and not related(a, b) and _numbers(texts[i]) == _numbers(texts[j]):
            reported.add(b)
            yield _finding(corpus, a, b, f"reads almost like claim '{a}' (similarity {score:.0f}%)")


def _different_subjects(corpus: Corpus, a: str, b: str) -> bool:
    first, second = corpus.claims[a].subject, corpus.claims[b].subject
    return bool(first and second and first != second)


def _finding(corpus: Corpus, first: str, later: str, what: str) -> Finding:
    claim = corpus.claims[later]
    return finding(
        CODE,
        f"claim '{later}' {what}, at {corpus.claims[first].pos}; {_FIX}",
        claim.pos,
        ("claims", later),
    )
