"""Shared by the kinds whose assertions stand on sides: which assertions clash, how badly."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Assertion, Corpus
from .conflict import Entry, Side, entry_order
from .overlap import cross_side


@dataclass(frozen=True, slots=True)
class Candidate:
    """An assertion that may stand on a side, with the severity it can bring to a pair."""

    assertion: Assertion
    route: object  # support.Route, or None when asserted directly
    severity: int


def clash(corpus: Corpus, labels: list[str], sides: list[list[Candidate]]) -> tuple[list[Side], int] | None:
    """The sides' assertions that overlap one on another side, and the conflict's severity.

    A pair's severity is the lower of its two candidates'; the conflict takes the highest
    over its overlapping pairs (§4.1–4.2), found by asking level by level, strongest first,
    whether any cross-side overlap remains among the candidates at or above it."""
    flat = [(c.assertion.period.lo, c.assertion.period.hi, i) for i, side in enumerate(sides) for c in side]
    held = cross_side(flat)
    if not any(held):
        return None
    candidates = [c for side in sides for c in side]
    severity = 0
    for level in (2, 1):
        if all(c.severity >= level for c in candidates):
            severity = level
            break
        subset = [f for f, c in zip(flat, candidates) if c.severity >= level]
        if any(cross_side(subset)):
            severity = level
            break
    out: list[Side] = []
    position = 0
    for label, side in zip(labels, sides):
        entries = []
        for candidate in side:
            if held[position]:
                entries.append(Entry(candidate.assertion, candidate.route, *interest(corpus, candidate.assertion)))
            position += 1
        if entries:
            entries.sort(key=entry_order)
            out.append(Side(label, tuple(entries)))
    return out, severity


SELF_SERVING = "self-serving"
AGAINST_INTEREST = "against-interest"


def interest(corpus: Corpus, assertion: Assertion) -> tuple[bool, str | None]:
    """(self_interested, direction) of an assertion (§4.5 Interest): from the claim it is
    made on and the parties its source `represents`. Where the claim names whom it
    `favours` or `harms`, an assertion is self-serving or against interest; where it names
    neither, self-interested (undirected) when the source speaks for the claim's subject
    or object."""
    source = corpus.sources.get(assertion.source)
    if source is None or not source.represents:
        return False, None
    claim = corpus.claims[assertion.claim]
    if claim.favours or claim.harms:
        parties = source.represents
        favoured = not set(claim.favours).isdisjoint(parties)
        harmed = not set(claim.harms).isdisjoint(parties)
        affirms = assertion.stance == "affirms"
        if (favoured and affirms) or (harmed and not affirms):
            return True, SELF_SERVING
        if (harmed and affirms) or (favoured and not affirms):
            return False, AGAINST_INTEREST
        return False, None
    parties = {claim.subject} if claim.subject else set()
    if isinstance(claim.object, str):
        parties.add(claim.object)
    return not parties.isdisjoint(source.represents), None
