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
                entries.append(Entry(candidate.assertion, candidate.route, self_interested(corpus, candidate.assertion)))
            position += 1
        if entries:
            entries.sort(key=entry_order)
            out.append(Side(label, tuple(entries)))
    return out, severity


def self_interested(corpus: Corpus, assertion: Assertion) -> bool:
    """Does the source speak for the subject or object of the claim it asserts (§3 sources)?"""
    source = corpus.sources.get(assertion.source)
    if source is None or not source.represents:
        return False
    claim = corpus.claims[assertion.claim]
    parties = {claim.subject} if claim.subject else set()
    if isinstance(claim.object, str):
        parties.add(claim.object)
    return not parties.isdisjoint(source.represents)
