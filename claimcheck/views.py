"""Views of a corpus beyond its conflicts: sources, claims, a timeline, a claims × sources
matrix. Each returns plain rows (dicts) that the json renderer prints as they are and the
table renderer draws; nothing here knows about terminals."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from rapidfuzz import fuzz, process

from .analysis import Result
from .model import Corpus
from .values import json_value


def about_entities(corpus: Corpus, name: str, cutoff: float = 75) -> list[str]:
    """Entity ids whose name or an alias matches `name` (fuzzily: 'Kiev' finds 'Kyiv')."""
    labels: list[str] = []
    owners: list[str] = []
    for entity in corpus.entities.values():
        for label in (entity.id, entity.name, *entity.aliases):
            labels.append(label.casefold())
            owners.append(entity.id)
    matches = process.extract(name.casefold(), labels, scorer=fuzz.WRatio, score_cutoff=cutoff, limit=None)
    return sorted({owners[index] for _, _, index in matches})


def _about_claims(corpus: Corpus, about: str | None) -> set[str] | None:
    if not about:
        return None
    entities = set(about_entities(corpus, about))
    # the word, not any text that holds it: "Oman" is not in "woman", nor "US" in "refusal"
    word = re.compile(rf"(?<!\w){re.escape(about.casefold())}(?!\w)")
    return {
        c.id for c in corpus.claims.values()
        if c.subject in entities or (isinstance(c.object, str) and c.object in entities) or word.search(c.text.casefold())
    }


def sources_view(result: Result) -> list[dict]:
    """Per source: grade, kind, assertions, conflicts it stands in, how often with the leaning."""
    corpus = result.corpus
    made = Counter(a.source for a in corpus.assertions())
    withdrawn = Counter(a.source for a in corpus.assertions() if _withdrawn_by(a, result))
    relayed = Counter(v for a in corpus.assertions() for v in a.via)
    involved: dict[str, int] = Counter()
    leaned: dict[str, list[bool]] = defaultdict(list)
    for conflict in result.conflicts:
        assessment = result.assessments.get(conflict.id)
        for source in conflict.sources:
            involved[source] += 1
        if assessment is None or assessment.leaning is None:
            continue
        with_it: dict[str, bool] = {}  # once per conflict, even for a source on two sides
        for side in conflict.sides:
            for source in {e.assertion.source for e in side.entries}:
                with_it[source] = with_it.get(source, False) or side.label == assessment.leaning
        for source, agrees in with_it.items():
            leaned[source].append(agrees)
    rows = []
    for source in sorted(corpus.sources.values(), key=lambda s: s.id):
        votes = leaned.get(source.id, [])
        rows.append({
            "id": source.id,
            "name": source.name,
            "kind": source.kind,
            "reliability": source.reliability,
            "represents": list(source.represents),
            "assertions": made[source.id],
            "withdrawn": withdrawn[source.id],
            "relayed": relayed[source.id],
            "conflicts": involved[source.id],
            "with_leaning": sum(votes),
            "leaning_conflicts": len(votes),
            **({"trust": round(result.trust.trust.get(source.id, 0.0), 4)} if result.trust is not None else {}),
        })
    return rows


def _withdrawn_by(assertion, result: Result) -> bool:
    """Withdrawn by then: now, or as of the date asked for."""
    w = assertion.withdrawn
    return w is not None and (result.as_of is None or w.first <= result.as_of.last)


def claims_view(result: Result, about: str | None = None, tag: str | None = None) -> list[dict]:
    corpus = result.corpus
    active = result.active or corpus
    chosen = _about_claims(corpus, about)
    conflicts_of: dict[str, list[str]] = defaultdict(list)
    for conflict in result.conflicts:
        for claim in conflict.claims:
            conflicts_of[claim].append(conflict.id)
    rows = []
    for claim in sorted(corpus.claims.values(), key=lambda c: c.id):
        if chosen is not None and claim.id not in chosen:
            continue
        if tag and tag not in claim.tags:
            continue
        # stances as they stand (as of the date asked for): withdrawn ones left out
        taking_part = active.claims[claim.id].assertions
        stances = Counter(a.stance for a in taking_part)
        rows.append({
            "id": claim.id,
            "text": claim.text,
            "subject": claim.subject,
            "predicate": claim.predicate,
            "tags": list(claim.tags),
            "affirms": stances["affirms"],
            "denies": stances["denies"],
            "doubts": stances["doubts"],
            "withdrawn": sum(1 for a in claim.assertions if _withdrawn_by(a, result)),
            "conflicts": conflicts_of.get(claim.id, []),
            "file": claim.pos.file,
            "line": claim.pos.line,
        })
    return rows


def timeline_view(result: Result, about: str | None = None) -> list[dict]:
    """What was said and withdrawn, in date order (undated last): a row per assertion
    (`event` "said", with the figure it gave and when it was withdrawn, if it was) and a
    row per withdrawal (`event` "withdrew", at its date), with their conflicts and
    reversals: an assertion is marked when its source stands on two sides of one of its
    conflicts at different dates (the engine's `Conflict.reversal`, §4.5). As of a date,
    what came after it is left out."""
    corpus = result.corpus
    chosen = _about_claims(corpus, about)
    conflicts_of: dict[tuple[str, int], list[str]] = defaultdict(list)
    in_reversal: set[tuple[str, int]] = set()
    for conflict in result.conflicts:
        reversing = conflict.reversing_sources
        for side in conflict.sides:
            for entry in side.entries:
                key = (entry.assertion.claim, entry.assertion.index)
                if conflict.id not in conflicts_of[key]:
                    conflicts_of[key].append(conflict.id)
                if entry.assertion.source in reversing:
                    in_reversal.add(key)
    until = result.as_of.last if result.as_of is not None else None
    rows = []
    for a in corpus.assertions():
        if chosen is not None and a.claim not in chosen:
            continue
        if until is not None and a.date is not None and a.date.first > until:
            continue  # not yet said
        withdrawn = a.withdrawn if a.withdrawn is not None and (until is None or a.withdrawn.first <= until) else None
        common = {
            "source": a.source,
            "stance": a.stance,
            "claim": a.claim,
            "text": corpus.claims[a.claim].text,
            "value": json_value(a.value),
        }
        rows.append({
            "date": a.date.text if a.date else None,
            "event": "said",
            **common,
            "withdrawn": withdrawn.text if withdrawn else None,
            "conflicts": sorted(conflicts_of.get((a.claim, a.index), [])),
            "reversal": (a.claim, a.index) in in_reversal,
            "file": a.pos.file,
            "line": a.pos.line,
            "_order": (a.date is None, a.date.first if a.date else 0, 0, a.claim, a.index),
        })
        if withdrawn:
            rows.append({
                "date": withdrawn.text,
                "event": "withdrew",
                **common,
                "withdrawn": withdrawn.text,
                "conflicts": [],
                "reversal": False,
                "file": a.pos.file,
                "line": a.pos.line,
                "_order": (False, withdrawn.first, 1, a.claim, a.index),
            })
    rows.sort(key=lambda r: r.pop("_order"))
    return rows


def matrix_view(result: Result, about: str | None = None, tag: str | None = None) -> dict:
    """An analysis-of-competing-hypotheses grid: claims (contested first) × sources, with
    the stances as they stand (withdrawn ones left out; as of a date, as they stood)."""
    corpus = result.active or result.corpus
    chosen = _about_claims(corpus, about)
    contested = {claim for c in result.conflicts for claim in c.claims}
    claims = [
        c for c in corpus.claims.values()
        if (chosen is None or c.id in chosen) and (not tag or tag in c.tags)
    ]
    claims.sort(key=lambda c: (c.id not in contested, c.id))
    sources = sorted({a.source for c in claims for a in c.assertions})
    rows = []
    for claim in claims:
        cells: dict[str, str] = {}
        for a in claim.assertions:
            previous = cells.get(a.source)
            cells[a.source] = a.stance if previous in (None, a.stance) else "mixed"
        rows.append({"claim": claim.id, "text": claim.text, "contested": claim.id in contested, "stances": cells})
    return {"sources": sources, "claims": rows}
