"""Which side of a conflict the evidence leans to, and why — never which side is true.

Each assertion on a side weighs its source's Admiralty reliability (A–F) times its
information credibility (1–6); where the assertion came `via` others, the reliability of
its origin counts, since the origin is who saw it. Self-interested assertions are
discounted, support that travelled along weaker rules counts less, and each independent
origin counts once per side (its strongest assertion there): ten outlets repeating one
anonymous source are one voice. An assertion against the interest of the party its
source speaks for is weighed up: a party rarely says what hurts it unless it is so. In a
value conflict a side counts every origin whose value agrees with the side's within the
tolerance, so a source's revised figures (500, then 471) are not split against each
other. Withdrawn assertions are not on any side, and weigh nothing. A side is the leaning only when it clearly outweighs
every other (by `clear_ratio`). The weights below are the defaults; configuration
(`assess:` in .claimcheck.yaml or [tool.claimcheck]) overrides any of them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .engine import Conflict
from .engine.sides import AGAINST_INTEREST
from .engine.value import KIND as VALUE_KIND, value_of
from .model import Corpus, SEVERITY_NAMES
from .plural import count
from .values import EXTENTS, canonical_text, classify, gap, tolerance_in_units

DEFAULT_WEIGHTS = {
    # Admiralty source reliability: A completely reliable … E unreliable; F cannot be judged
    "reliability": {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.5},
    # Admiralty information credibility: 1 confirmed … 5 improbable; 6 cannot be judged
    "credibility": {"1": 1.0, "2": 0.8, "3": 0.6, "4": 0.4, "5": 0.2, "6": 0.5},
    # factor for a self-serving assertion (or, where the claim names no favours/harms, one
    # by a source that speaks for the claim's subject or object)
    "self_interest": 0.5,
    # factor for an assertion against the interest of its source's party: an admission
    "against_interest": 1.5,
    # factor for support that travelled along rules, by the chain's weakest rule
    "chain": {"error": 1.0, "warning": 0.7, "info": 0.4},
    # the leading side must weigh at least this many times the next one
    "clear_ratio": 1.5,
}


class WeightsError(ValueError):
    """An `assess` configuration that cannot be used."""


def weights_from(config: dict | None) -> dict:
    """The default weights with the configuration's overrides, checked."""
    weights = {k: (dict(v) if isinstance(v, dict) else v) for k, v in DEFAULT_WEIGHTS.items()}
    for key, value in (config or {}).items():
        if key not in weights:
            raise WeightsError(f"unknown key 'assess.{key}'; known: {', '.join(weights)}")
        if isinstance(weights[key], dict):
            if not isinstance(value, dict):
                raise WeightsError(f"'assess.{key}' must be a mapping")
            for grade, number in value.items():
                grade = str(grade)
                if grade not in weights[key]:
                    raise WeightsError(f"unknown grade 'assess.{key}.{grade}'; known: {', '.join(weights[key])}")
                weights[key][grade] = _number(f"assess.{key}.{grade}", number)
        else:  # below a clear_ratio of 1, a lighter side would "lean"
            weights[key] = _number(f"assess.{key}", value, least=1 if key == "clear_ratio" else 0)
    return weights


def _number(name: str, value, least: float = 0) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < least:
        raise WeightsError(f"'{name}' must be a finite number of at least {least}, not {value!r}")
    return float(value)


@dataclass(frozen=True, slots=True)
class Assessment:
    scores: dict[str, float]  # side label -> weight
    leaning: str | None
    margin: float
    explanation: str
    sensitivity: dict | None = None
    origins: dict[str, list[str]] = field(default_factory=dict)  # side label -> origins counted

    def as_json(self) -> dict:
        return {
            "method": "prior",
            "scores": {k: round(v, 4) for k, v in self.scores.items()},
            "leaning": self.leaning,
            "margin": round(self.margin, 4),
            "explanation": self.explanation,
            "sensitivity": self.sensitivity,
        }


def assertion_weight(entry, corpus: Corpus, weights: dict, grade_of=None) -> float:
    a = entry.assertion
    grade = (grade_of or _reliability(corpus))(a.origin)
    weight = weights["reliability"][grade] * weights["credibility"][str(a.credibility)]
    if entry.self_interested:
        weight *= weights["self_interest"]
    elif entry.interest == AGAINST_INTEREST:
        weight *= weights["against_interest"]
    if entry.route is not None:  # travelled support: as strong as its weakest rule
        weight *= weights["chain"][SEVERITY_NAMES[entry.route.level]]
    return weight


def _reliability(corpus: Corpus):
    def grade(source_id: str) -> str:
        source = corpus.sources.get(source_id)
        return source.reliability if source else "F"

    return grade


def side_scores(conflict: Conflict, corpus: Corpus, weights: dict) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Per side: the sum over its independent origins of each origin's strongest assertion,
    and those strongest weights by origin. In a value conflict a side's origins are those
    of every assertion whose value agrees with the side's (`agreeing`)."""
    scores: dict[str, float] = {}
    best_by_side: dict[str, dict[str, float]] = {}
    grade = _reliability(corpus)
    if conflict.kind == VALUE_KIND:
        counted = [list(side.entries) + borrowed for side, borrowed in zip(conflict.sides, agreeing(conflict, corpus))]
    else:
        counted = [side.entries for side in conflict.sides]
    for side, entries in zip(conflict.sides, counted):
        best: dict[str, float] = {}
        for entry in entries:
            origin = entry.assertion.origin
            weight = assertion_weight(entry, corpus, weights, grade)
            if weight > best.get(origin, -1.0):
                best[origin] = weight
        scores[side.label] = sum(best.values())
        best_by_side[side.label] = best
    return scores, best_by_side


def agreeing(conflict: Conflict, corpus: Corpus) -> list[list]:
    """For each side of a value conflict, the entries of the other sides whose value agrees
    with the side's own by §4.3 (within the tolerance): a figure revised within the
    tolerance, or a range that takes in the side's value, stands with it too. Only
    numbers, dates and date-times agree without being one value (other values that agree
    stand on one side already), so sides are compared by their extents, in order of their
    low ends: each side meets only the sides within its reach, never every other."""
    predicate = _predicate_of(conflict, corpus)
    value_type = predicate.value_type if predicate else None
    tolerance = predicate.tolerance if predicate and predicate.tolerance is not None else 0
    extents: dict[str, list] = {}  # class -> [(low, high, side index)]
    for index, side in enumerate(conflict.sides):
        seen = set()
        for entry in side.entries:
            classified = classify(value_of(entry.assertion, corpus), value_type)
            if classified is not None and classified[0] in EXTENTS and classified not in seen:
                seen.add(classified)
                extents.setdefault(classified[0], []).append((*classified[1], index))
    within: list[set[int]] = [set() for _ in conflict.sides]
    for cls, rows in extents.items():
        limit = tolerance_in_units(cls, tolerance)
        rows.sort(key=lambda r: (r[0], r[1], r[2]))
        for n, (low, high, i) in enumerate(rows):
            # rows further on start later: they agree until one starts beyond reach
            for other_low, other_high, j in rows[n + 1:]:
                if other_low - high > limit:
                    break
                if j != i and gap((low, high), (other_low, other_high)) <= limit:
                    within[i].add(j)
                    within[j].add(i)
    return [[e for j in sorted(others) for e in conflict.sides[j].entries] for others in within]


def _predicate_of(conflict: Conflict, corpus: Corpus):
    about = conflict.subject or {}
    if "predicate" in about:
        return corpus.predicates.get(about["predicate"])
    claim = corpus.claims.get(about.get("claim", ""))
    return corpus.predicates.get(claim.predicate) if claim and claim.predicate else None


def leaning_of(scores: dict[str, float], clear_ratio: float) -> tuple[str | None, float]:
    """The side the weight leans to (None when none weighs clear_ratio times the next),
    and its margin over the next. Ranked by weight, then label; read in one pass, not
    sorted (the sensitivity analysis asks this hundreds of thousands of times)."""
    return _leaning(scores.items(), clear_ratio)


def _leaning(scores, clear_ratio: float) -> tuple[str | None, float]:
    """`leaning_of` for (label, weight) pairs."""
    top_label = top = second = None
    for label, score in scores:
        if top_label is None:
            top_label, top = label, score
        elif score > top or (score == top and label < top_label):
            top_label, top, second = label, score, top  # the old top outweighs every other
        elif second is None or score > second:
            second = score
    if second is None:
        second = 0.0
    margin = top - second
    if top > 0 and top >= clear_ratio * second and margin > 0:
        return top_label, margin
    return None, margin


def assess(conflict: Conflict, corpus: Corpus, weights: dict | None = None) -> Assessment:
    weights = weights or DEFAULT_WEIGHTS
    scores, best = side_scores(conflict, corpus, weights)
    origins = {label: sorted(by_origin) for label, by_origin in best.items()}
    leaning, margin = leaning_of(scores, weights["clear_ratio"])
    return Assessment(
        scores, leaning, margin, _explain(conflict, corpus, scores, origins, leaning, weights),
        _sensitivity(corpus, weights, scores, best, leaning), origins,
    )


def _sensitivity(corpus: Corpus, weights: dict, scores: dict, best: dict, leaning: str | None) -> dict | None:
    """The single source whose re-grading (to A or to E) would change the leaning, if any:
    the one that flips it with the smallest change of grade.

    An origin's grade scales every one of its assertions alike, so re-grading it scales its
    strongest weight on each side by the same ratio: no side needs weighing again."""
    grade_of = _reliability(corpus)
    grades = "ABCDE"
    reliability = weights["reliability"]
    # Re-grading one origin changes only the sides it is on, and a leaning is read from
    # the two heaviest sides: so those sides, with the two heaviest of the others, are all
    # that need weighing (a value conflict can have dozens of sides and origins).
    ranked = sorted(scores, key=lambda label: (-scores[label], label))
    sides_of: dict[str, list[str]] = {}
    for label, by_origin in best.items():
        for origin in by_origin:
            sides_of.setdefault(origin, []).append(label)
    candidates = []
    clear_ratio = weights["clear_ratio"]
    for source_id in sorted(sides_of):
        current = grade_of(source_id)
        if not reliability[current]:
            continue
        labels = sides_of[source_id]
        others = [(label, scores[label]) for label in ranked[: len(labels) + 2] if label not in labels][:2]
        for target in ("A", "E"):
            if target == current:
                continue
            change = reliability[target] / reliability[current] - 1
            then, _ = _leaning([(label, scores[label] + best[label][source_id] * change) for label in labels] + others, clear_ratio)
            if then != leaning:
                distance = abs(grades.index(target) - grades.index(current)) if current in grades else 3
                candidates.append((distance, source_id, current, target, then))
    if not candidates:
        return None
    distance, source_id, current, target, then = min(candidates)
    return {"source": source_id, "from": current, "to": target, "leaning_then": then}


def _agreement_words(conflict: Conflict, corpus: Corpus) -> str:
    """Which origins a value also counts because their value agrees with it: '471' also
    counts Gaza Health Ministry (500), within the tolerance of 30."""
    parts = []
    for side, borrowed in zip(conflict.sides, agreeing(conflict, corpus)):
        own = {e.assertion.origin for e in side.entries}
        lent: dict[str, list[str]] = {}
        for entry in borrowed:
            origin = entry.assertion.origin
            if origin not in own:
                text = canonical_text(value_of(entry.assertion, corpus))
                given = lent.setdefault(origin, [])
                if text not in given:
                    given.append(text)
        if lent:
            names = [f"{source_name(corpus, o)} ({', '.join(lent[o])})" for o in sorted(lent)]
            parts.append(f"'{side.label}' also counts {', '.join(names)}")
    if not parts:
        return ""
    predicate = _predicate_of(conflict, corpus)
    tolerance = predicate.tolerance if predicate and predicate.tolerance else 0
    within = f" within the tolerance of {tolerance}" if tolerance else ""
    return f" Values that agree{within} count for each other: {'; '.join(parts)}."


def source_name(corpus: Corpus, source_id: str) -> str:
    """A source's name for a sentence; its id where the corpus does not know it."""
    source = corpus.sources.get(source_id)
    return source.name if source else source_id


def _explain(conflict, corpus, scores, origins, leaning, weights) -> str:
    def side_words(label: str) -> str:
        names = [source_name(corpus, o) for o in origins[label]]
        shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
        return f"'{label}' weighs {scores[label]:.2f} from {count(len(names), 'independent origin')} ({shown})"

    interested = sorted({e.assertion.source for side in conflict.sides for e in side.entries if e.self_interested})
    against = sorted({e.assertion.source for side in conflict.sides for e in side.entries if e.interest == AGAINST_INTEREST})
    parts = [side_words(label) for label in sorted(scores, key=lambda k: (-scores[k], k))]
    text = "; ".join(parts) + "."
    if conflict.kind == VALUE_KIND:
        text += _agreement_words(conflict, corpus)
    if interested:
        text += f" Self-interested, so discounted: {', '.join(interested)}."
    if against:
        text += f" Against their own side's interest, so weighed up: {', '.join(against)}."
    if leaning:
        return f"Leans to '{leaning}': {text}"
    return f"No clear leaning (no side weighs {weights['clear_ratio']:g}× the next): {text}"
