"""Learned source trust: which value the evidence favours once each source's record counts.

The Admiralty assessment (`claimcheck.assess`) weighs each side by the grades someone gave
the sources. This module learns trust from the corpus itself, in the family of truth
discovery methods (TruthFinder, Investment, CRH, Accu); it is closest to Accu (Dong,
Berti-Equille and Srivastava, 2009): a source whose claims keep being borne out by
independent sources earns trust, and its word then counts for more where it disagrees.

**What is iterated.** Evidence is cut into *fact sets*, each a set of alternatives of
which one holds:
- the values of a value group, grouped as the value-conflict engine groups them (per
  claim, or per subject+predicate for `single_value` predicates), split into runs of
  overlapping periods (values that hold at different times do not compete; assertions
  whose periods chain into one another form one run);
- for a claim none of whose affirmations gives a value, its stances: `affirms` against
  `opposes` (`denies` or `doubts`), also per run of overlapping periods.
Values are compared as the engine compares them (`classify`, `canonical_text`): one
*fact* per distinct value; values within the predicate's tolerance (numbers, dates), and
values of different classes with the same canonical text, are *compatible*: each one's
votes also count for the other (TruthFinder's implication, at full weight within the
tolerance and none beyond it).

Two steps alternate until they agree:
1. *Confidence.* In a fact set, an origin with trust t votes ln(n·t/(1−t)) for the value
   it gives, where n is the number of false values the set's domain admits (1 for
   stances). A value's score is the sum of the votes for it and for the values
   compatible with it; its confidence is exp(score) / (Σ exp(scores) + one for each of
   the n+1−k values nobody gave). Read as Accu reads it: the probability that this value
   is the true one when each source is right with probability t and otherwise picks one
   of the n false values.
2. *Trust.* A source's trust is the mean, over the distinct facts it gave (itself or as
   the origin others copied), of the probability that the truth is compatible with what
   it said, shrunk towards its prior as if it had also given `prior_strength` (2) facts
   at the prior's accuracy. A fact set where one origin gives one value is *unchecked*:
   no one else bears it out, so it counts at the source's prior, not at its own trust (a
   source cannot vouch for itself). Trust stays within [0.01, 0.99].
Unless `false_values` is given, n is learned per predicate alongside: under the model,
two sources that are both wrong agree with probability 1/n, so n is the expected number
of pairs of wrong sources over the expected number of those pairs that agree (with the
confidences as the expectation), plus a prior of 100 pairs to one. Where wrong values are
often shared (stale figures, copied mistakes), agreement then counts for less.

**Seeds.** Admiralty reliability gives each source's prior and starting trust: A 0.95,
B 0.85, C 0.7, D 0.5, E 0.3; F, no grade and undeclared sources get the neutral 0.6,
midway between C and D (as `assess` puts F midway).

**Copying.** Assertions that share an origin (the last of `via`, else the source) are
one vote per value in a fact set, weighed by the origin's trust; an origin that gives
several values in one set splits its vote among them. Ten outlets repeating one agency
are one voice. Sources that repeat a value are credited with it as well as its origin.

**Stopping.** When no source's trust moves by more than `tolerance` (1e-6) in a round,
or after `iterations` (100) rounds; `TrustModel.converged` says which. Every loop runs in
a fixed order (sorted ids, then claim order), so one corpus always gives the same
floats. Time and memory grow linearly with the assertions (plus a sort per fact set).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from decimal import Decimal

from .assess import Assessment, source_name
from .engine import Conflict
from .engine.value import KIND as VALUE_KIND, groups, value_of
from .values import EXTENTS, canonical_text, classify, normalize_text, tolerance_in_units, value_key
from .model import Corpus
from .plural import count

PRIOR_TRUST = {"A": 0.95, "B": 0.85, "C": 0.7, "D": 0.5, "E": 0.3}
NEUTRAL_TRUST = 0.6  # F, no grade, or a source the corpus does not declare
FLOOR, CEILING = 0.01, 0.99
PRIOR_FALSE_VALUES = 100.0  # n before the data says otherwise (Accu's choice)
STANCE_KIND = "stance"
OPPOSES = "opposes"


@dataclass(frozen=True, slots=True)
class TrustParams:
    iterations: int = 100
    tolerance: float = 1e-6
    prior_strength: float = 2.0
    false_values: float | None = None  # None: learned per predicate


@dataclass(slots=True)
class _FactSet:
    group: str  # "value:…" (the value conflict's id) or "stance:<claim>"
    kind: str  # value | stance
    domain: str  # predicate id ("" for none): where n is learned
    start: int  # its facts are start … end-1
    end: int
    blocks: list  # tolerance windows: [(members, order_a, order_b, cut_a, cut_b)], set-relative
    cross: list  # [(i, j)]: compatible across classes (same canonical text), set-relative
    n: float = 1.0  # false values
    checked: bool = True  # False: one origin gives one value (see the docstring)


class TrustModel:
    """What `learn_trust` learned: trust per source, confidence per value (or stance)."""

    def __init__(self, corpus: Corpus, params: TrustParams):
        self.params = params
        self.trust: dict[str, float] = {}  # source id -> learned trust
        self.prior: dict[str, float] = {}  # source id -> prior (Admiralty) trust
        self.false_values: dict[str, float] = {}  # predicate id -> n used
        self.iterations = 0
        self.converged = False
        self._corpus = corpus
        self._sources: list[str] = []
        self._sets: list[_FactSet] = []
        self._by_group: dict[str, list[int]] = {}  # group id -> fact set indexes
        self._facts_of_claim: dict[str, list[int]] = {}  # claim -> fact per assertion index (-1: none)
        self._fact_key: list = []  # fact -> (class, key), or the stance
        self._fact_label: list[str] = []  # fact -> canonical text of its first assertion's value
        self._voices: list[list[tuple[int, float]]] = []  # fact -> [(origin, share of its vote)]
        self._credited: list[list[int]] = []  # fact -> sources credited with it
        self._confidence: list[float] = []  # fact -> P(this value is the truth)
        self._agreement: list[float] = []  # fact -> P(the truth is compatible with it)

    def value_confidence(self, group: str, value=None):
        """The confidence of each value of a group (`value:<claim>`,
        `value:<subject>/<predicate>` or `stance:<claim>`): label -> probability that the
        truth agrees with it (the highest over the group's period runs). Given `value`,
        that value's confidence alone, the value compared as the engine compares values
        (0.0 when no source gave it)."""
        by_label: dict[str, float] = {}
        by_key: dict = {}
        for s in self._by_group.get(group, ()):
            fs = self._sets[s]
            for f in range(fs.start, fs.end):
                label, key, p = self._fact_label[f], self._fact_key[f], self._agreement[f]
                by_label[label] = max(by_label.get(label, 0.0), p)
                by_key[key] = max(by_key.get(key, 0.0), p)
        if value is None:
            return dict(sorted(by_label.items()))
        if group.startswith(STANCE_KIND + ":"):
            return by_label.get(value, 0.0)
        return by_key.get(self._classify_in(group, value), 0.0)

    def groups(self) -> list[str]:
        """Every group the model holds confidences for, sorted."""
        return sorted(self._by_group)

    def leaning(self, group: str) -> str | None:
        """The label of the group's most confident value, None on a tie."""
        ranked = sorted(self.value_confidence(group).items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked:
            return None
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] <= 1e-9:
            return None
        return ranked[0][0]

    def _fact(self, claim: str, index: int) -> int | None:
        facts = self._facts_of_claim.get(claim)
        if facts is None or index >= len(facts) or facts[index] < 0:
            return None
        return facts[index]

    def _classify_in(self, group: str, value):
        about = group.split(":", 1)[1]
        if "/" in about:
            predicate = self._corpus.predicates.get(about.split("/", 1)[1])
        else:
            claim = self._corpus.claims.get(about)
            predicate = self._corpus.predicates.get(claim.predicate) if claim and claim.predicate else None
        try:
            return classify(value, predicate.value_type if predicate else None)
        except ArithmeticError:  # not a number where the predicate wants one
            return None


def prior_of(corpus: Corpus, source_id: str) -> float:
    """A source's prior trust from its Admiralty reliability grade."""
    source = corpus.sources.get(source_id)
    return PRIOR_TRUST.get(source.reliability, NEUTRAL_TRUST) if source else NEUTRAL_TRUST


def learn_trust(
    corpus: Corpus,
    iterations: int = 100,
    tolerance: float = 1e-6,
    prior_strength: float = 2.0,
    false_values: float | None = None,
) -> TrustModel:
    """Learn each source's trust and each value's confidence from a validated corpus
    (`analyze(...).corpus`). `false_values` fixes n for every value fact set instead of
    learning it per predicate."""
    if iterations < 0 or tolerance < 0 or prior_strength < 0:
        raise ValueError("iterations, tolerance and prior_strength must be at least 0")
    if false_values is not None and false_values < 1:
        raise ValueError("false_values must be at least 1")
    model = TrustModel(corpus, TrustParams(iterations, tolerance, prior_strength, false_values))
    _build(model, corpus)
    _iterate(model)
    return model


# --- fact sets --------------------------------------------------------------------------------


def _build(model: TrustModel, corpus: Corpus) -> None:
    names = set(corpus.sources)
    for a in corpus.assertions():
        names.add(a.source)
        names.update(a.via)
    model._sources = sorted(names)
    index = {s: i for i, s in enumerate(model._sources)}
    model.prior = {s: prior_of(corpus, s) for s in model._sources}
    for claim_id, claim in corpus.claims.items():
        # by the assertion's index as written: an invalid assertion before it takes no part
        model._facts_of_claim[claim_id] = [-1] * (max((a.index for a in claim.assertions), default=-1) + 1)

    found = groups(corpus)
    # the engine leaves out claims with one valued assertion (nothing to conflict with);
    # here they are unchecked facts, which count towards their source's trust
    for claim_id in sorted(corpus.claims):
        claim = corpus.claims[claim_id]
        gid = f"{VALUE_KIND}:{claim_id}"
        if gid in found or (claim.subject and claim.predicate in corpus.predicates and corpus.predicates[claim.predicate].single_value):
            continue
        valued = [a for a in claim.assertions if a.stance == "affirms" and value_of(a, corpus) is not None]
        if valued:
            found[gid] = (corpus.predicates.get(claim.predicate) if claim.predicate else None, valued, {})
    seen: dict[tuple, tuple | None] = {}
    for gid in sorted(found):
        predicate, assertions, _ = found[gid]
        value_type = predicate.value_type if predicate else None
        tolerance = predicate.tolerance if predicate and predicate.tolerance is not None else Decimal(0)
        rows = []
        for a in assertions:
            value = value_of(a, corpus)
            same = value_key(value_type, value)  # each value classified once, as the engine does
            known = seen.get(same, False)
            if known is False:
                try:
                    classified = classify(value, value_type)
                except ArithmeticError:
                    classified = None
                known = seen[same] = None if classified is None else (classified, canonical_text(value))
            if known is not None:
                rows.append((a, *known))
        if predicate is not None:
            domain = predicate.id
        else:  # an undeclared predicate still names a domain of values
            domain = corpus.claims[gid.split(":", 1)[1]].predicate or ""
        for run in _runs(rows):
            _add_value_set(model, index, gid, domain, run, tolerance)

    for claim_id in sorted(corpus.claims):
        claim = corpus.claims[claim_id]
        if not claim.assertions or any(a.stance == "affirms" and value_of(a, corpus) is not None for a in claim.assertions):
            continue
        rows = []
        for a in claim.assertions:
            stance = "affirms" if a.stance == "affirms" else OPPOSES
            rows.append((a, stance, stance))
        for run in _runs(rows):
            _add_set(model, index, _FactSet(f"{STANCE_KIND}:{claim_id}", STANCE_KIND, "", 0, 0, [], []), run, sorted({r[1] for r in run}))


def _runs(rows: list) -> list[list]:
    """Rows split into runs whose periods chain into one another (overlap transitively),
    each in claim order."""
    if not rows:
        return []
    ordered = sorted(rows, key=lambda r: (r[0].period.lo, r[0].period.hi, r[0].claim, r[0].index))
    runs = [[ordered[0]]]
    reach = ordered[0][0].period.hi
    for row in ordered[1:]:
        if row[0].period.lo <= reach:
            runs[-1].append(row)
            reach = max(reach, row[0].period.hi)
        else:
            runs.append([row])
            reach = row[0].period.hi
    for run in runs:
        run.sort(key=lambda r: (r[0].claim, r[0].index))
    return runs


def _add_value_set(model: TrustModel, index: dict, gid: str, domain: str, run: list, tolerance) -> None:
    keys = sorted({r[1] for r in run}, key=_fact_order)
    blocks = []
    for cls in EXTENTS:
        members = [i for i, k in enumerate(keys) if k[0] == cls]
        if len(members) < 2:
            continue
        spans = [keys[i][1] for i in members]
        if tolerance == 0 and all(low == high for low, high in spans):
            continue  # distinct single numbers agree only within a tolerance
        # whole days and seconds: the gaps between dates and date-times are whole too
        tol = tolerance if cls == "number" else int(tolerance_in_units(cls, tolerance))
        # fact m agrees with j when first_j ≤ last_m + tol and last_j ≥ first_m − tol: a
        # prefix in order of first minus a prefix in order of last (the two never overlap)
        order_a = sorted(range(len(members)), key=lambda m: (spans[m][0], m))
        order_b = sorted(range(len(members)), key=lambda m: (spans[m][1], m))
        firsts = [spans[m][0] for m in order_a]
        lasts = [spans[m][1] for m in order_b]
        cut_a = [bisect_right(firsts, spans[m][1] + tol) for m in range(len(members))]
        cut_b = [bisect_left(lasts, spans[m][0] - tol) for m in range(len(members))]
        if any(a - b > 1 for a, b in zip(cut_a, cut_b)):
            blocks.append((members, order_a, order_b, cut_a, cut_b))
    cross = []
    if len({k[0] for k in keys}) > 1:  # across classes, values compare as canonical text
        position = {k: i for i, k in enumerate(keys)}
        by_text: dict[str, list[int]] = {}
        for _, key, text in run:
            slot = by_text.setdefault(normalize_text(text), [])
            if position[key] not in slot:
                slot.append(position[key])
        for text in sorted(by_text):
            same = sorted(by_text[text])
            cross.extend((x, y) for x in same for y in same if keys[x][0] != keys[y][0])
    _add_set(model, index, _FactSet(gid, VALUE_KIND, domain, 0, 0, blocks, cross), run, keys)


def _fact_order(key) -> tuple:
    cls, value = key
    return (cls, type(value).__name__, value)


def _add_set(model: TrustModel, index: dict, fs: _FactSet, run: list, keys: list) -> None:
    fs.start = len(model._fact_key)
    fs.end = fs.start + len(keys)
    position = {k: fs.start + i for i, k in enumerate(keys)}
    gives: dict[int, dict[int, None]] = {}  # origin -> the facts it gives, in order
    credited: dict[int, dict[int, None]] = {}  # fact -> sources credited with it
    labels: dict[int, str] = {}
    for a, key, text in run:
        f = position[key]
        labels.setdefault(f, text)
        model._facts_of_claim[a.claim][a.index] = f
        origin = index[a.origin]
        gives.setdefault(origin, {})[f] = None
        credit = credited.setdefault(f, {})
        credit[index[a.source]] = None
        credit[origin] = None
    for k in keys:
        f = position[k]
        model._fact_key.append(k)
        model._fact_label.append(labels[f])
        model._voices.append([])
        model._credited.append(sorted(credited[f]))
    for origin in sorted(gives):
        share = 1.0 / len(gives[origin])
        for f in gives[origin]:
            model._voices[f].append((origin, share))
    fs.checked = not (len(keys) == 1 and len(gives) == 1)
    model._by_group.setdefault(fs.group, []).append(len(model._sets))
    model._sets.append(fs)


# --- the iteration ------------------------------------------------------------------------------


def _iterate(model: TrustModel) -> None:
    p = model.params
    sources = len(model._sources)
    facts = len(model._fact_key)
    prior = [min(CEILING, max(FLOOR, model.prior[s])) for s in model._sources]
    checked = [fs for fs in model._sets if fs.checked]
    # evidence per source: facts in checked sets (`count`), and unchecked facts, which
    # count at the prior and so simply add to the prior's weight (`strength`)
    count = [0] * sources
    strength = [p.prior_strength] * sources
    credit_fact: list[int] = []  # flat (fact, source) credits of checked sets
    credit_source: list[int] = []
    for fs in model._sets:
        for f in range(fs.start, fs.end):
            for s in model._credited[f]:
                if fs.checked:
                    count[s] += 1
                    credit_fact.append(f)
                    credit_source.append(s)
                else:
                    strength[s] += 1
    voice_fact: list[int] = []  # flat voices of checked sets
    voice_origin: list[int] = []
    voice_share: list[float] = []
    heads = [0.0] * facts  # fact -> number of origins voting for it (shares summed)
    for fs in checked:
        for f in range(fs.start, fs.end):
            for o, share in model._voices[f]:
                voice_fact.append(f)
                voice_origin.append(o)
                voice_share.append(share)
                heads[f] += share
    learn_n = p.false_values is None
    for fs in model._sets:
        if fs.kind == VALUE_KIND:
            fs.n = PRIOR_FALSE_VALUES if learn_n else float(p.false_values)
    model._confidence = [0.0] * facts
    model._agreement = [0.0] * facts
    trust = list(prior)
    rounds = 0
    converged = False
    while True:
        logit = [math.log(t / (1.0 - t)) for t in trust]
        trusted = [0.0] * facts  # fact -> Σ share × logit(trust of origin)
        for f, o, share in zip(voice_fact, voice_origin, voice_share):
            trusted[f] += share * logit[o]
        pairs = _confidences(model, checked, heads, trusted, learn_n)
        if learn_n:
            model.false_values = {d: (w + PRIOR_FALSE_VALUES) / (a + 1.0) for d, (w, a) in sorted(pairs.items())}
            for fs in checked:
                if fs.kind == VALUE_KIND:
                    fs.n = max(1.0, model.false_values.get(fs.domain, PRIOR_FALSE_VALUES))
        if converged or rounds >= p.iterations:
            break
        earned = [0.0] * sources
        agreement = model._agreement
        for f, s in zip(credit_fact, credit_source):
            earned[s] += agreement[f]
        moved = 0.0
        for s in range(sources):
            weight = strength[s] + count[s]
            new = (strength[s] * prior[s] + earned[s]) / weight if weight > 0 else prior[s]
            new = min(CEILING, max(FLOOR, new))
            moved = max(moved, abs(new - trust[s]))
            trust[s] = new
        rounds += 1
        converged = moved <= p.tolerance  # one more round of confidences, with this trust
    for fs in model._sets:
        if not fs.checked:  # one origin's word alone: as likely as that origin is right
            origin = model._voices[fs.start][0][0]
            model._confidence[fs.start] = model._agreement[fs.start] = trust[origin]
    if not learn_n:
        model.false_values = {d: float(p.false_values) for d in sorted({fs.domain for fs in model._sets if fs.kind == VALUE_KIND})}
    model.iterations = rounds
    model.converged = converged
    model.trust = {s: trust[i] for i, s in enumerate(model._sources)}


def _confidences(model: TrustModel, checked: list[_FactSet], heads: list[float], trusted: list[float], learn_n: bool) -> dict:
    """Each checked fact's confidence and agreement, given per fact the number of origins
    voting for it (`heads`) and the sum of their logit(trust) (`trusted`); with learn_n,
    per domain the expected [pairs of wrong sources, of those the pairs that agree]."""
    confidence = model._confidence
    agreement = model._agreement
    pairs: dict[str, list[float]] = {}
    exp = math.exp
    for fs in checked:
        base = math.log(fs.n)
        start, end = fs.start, fs.end
        votes = [base * h + t for h, t in zip(heads[start:end], trusted[start:end])]
        scores = _spread(fs, votes)
        top = max(scores)
        exps = [exp(x - top) for x in scores]
        unseen = max(fs.n + 1 - len(scores), 0.0) * exp(-top)
        total = sum(exps) + unseen
        probs = [e / total for e in exps]
        confidence[start:end] = probs
        if fs.blocks or fs.cross:
            agreement[start:end] = [min(1.0, a) for a in _spread(fs, probs)]
        else:
            agreement[start:end] = probs
        if learn_n and fs.kind == VALUE_KIND:
            counts = heads[start:end]
            everyone = sum(counts)
            agreeing = [c * (c - 1) / 2 for c in counts]
            all_agreeing = sum(agreeing)
            p_unseen = unseen / total  # the truth is a value nobody gave: everyone is wrong
            wrong = p_unseen * everyone * (everyone - 1) / 2
            agree_wrong = p_unseen * all_agreeing
            for p, c, a in zip(probs, counts, agreeing):
                rest = everyone - c
                wrong += p * rest * (rest - 1) / 2
                agree_wrong += p * (all_agreeing - a)
            acc = pairs.setdefault(fs.domain, [0.0, 0.0])
            acc[0] += wrong
            acc[1] += agree_wrong
    return pairs


def _spread(fs: _FactSet, x: list[float]) -> list[float]:
    """For each fact of a set: its own x plus the x of every fact compatible with it."""
    if not fs.blocks and not fs.cross:
        return x
    out = list(x)
    for members, order_a, order_b, cut_a, cut_b in fs.blocks:
        sums_a = [0.0]
        for m in order_a:
            sums_a.append(sums_a[-1] + x[members[m]])
        sums_b = [0.0]
        for m in order_b:
            sums_b.append(sums_b[-1] + x[members[m]])
        for m, i in enumerate(members):
            out[i] = sums_a[cut_a[m]] - sums_b[cut_b[m]]
    for i, j in fs.cross:
        out[i] += x[j]
    return out


# --- assessing a conflict ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrustAssessment(Assessment):
    """An `Assessment` made with learned trust. `value` is the leaning of a value conflict
    (a side label, None for the other kinds); `trust` the learned trust of every origin
    on its sides."""

    value: str | None = None
    trust: dict[str, float] = field(default_factory=dict)

    def as_json(self) -> dict:
        out = Assessment.as_json(self)
        out["method"] = "trust"
        out["value"] = self.value
        out["trust"] = {source: round(t, 4) for source, t in sorted(self.trust.items())}
        return out


def assess_trust(conflict: Conflict, corpus: Corpus, model: TrustModel) -> TrustAssessment:
    """Which side learned trust favours. In a value conflict each side scores the model's
    confidence that the truth agrees with its value; in the other kinds each side's
    independent origins vote with their learned trust (as in step 1 of the method, with
    the sides as the alternatives) and the scores are the shares of belief."""
    origins = {side.label: sorted({e.assertion.origin for e in side.entries}) for side in conflict.sides}
    if conflict.kind == VALUE_KIND:
        scores = {}
        for side in conflict.sides:
            facts = {model._fact(e.assertion.claim, e.assertion.index) for e in side.entries}
            scores[side.label] = max((model._agreement[f] for f in facts if f is not None), default=0.0)
    else:
        scores = _side_vote(conflict, model)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    top_label, top = ranked[0]
    margin = top - (ranked[1][1] if len(ranked) > 1 else 0.0)
    leaning = top_label if margin > 1e-9 else None
    trust = {o: model.trust.get(o, NEUTRAL_TRUST) for label in origins for o in origins[label]}
    return TrustAssessment(
        scores, leaning, margin, _explain(conflict, corpus, model, scores, origins, leaning), None, origins,
        leaning if conflict.kind == VALUE_KIND else None, dict(sorted(trust.items())),
    )


def _side_vote(conflict: Conflict, model: TrustModel) -> dict[str, float]:
    alternatives = max(len(conflict.sides) - 1, 1)
    votes = {}
    for side in conflict.sides:
        total = 0.0
        for origin in sorted({e.assertion.origin for e in side.entries}):
            t = min(CEILING, max(FLOOR, model.trust.get(origin, NEUTRAL_TRUST)))
            total += math.log(alternatives * t / (1.0 - t))
        votes[side.label] = total
    top = max(votes.values())
    exps = {label: math.exp(v - top) for label, v in votes.items()}
    whole = sum(exps.values())
    return {label: e / whole for label, e in exps.items()}


def _explain(conflict, corpus, model, scores, origins, leaning) -> str:
    what = "confidence" if conflict.kind == VALUE_KIND else "share of belief"

    def side_words(label: str) -> str:
        ranked = sorted(origins[label], key=lambda o: (-model.trust.get(o, NEUTRAL_TRUST), o))
        named = [f"{source_name(corpus, o)} {model.trust.get(o, NEUTRAL_TRUST):.2f}" for o in ranked]
        shown = ", ".join(named[:4]) + (f" and {len(named) - 4} more" if len(named) > 4 else "")
        return f"'{label}' {what} {scores[label]:.2f} from {count(len(named), 'independent origin')} (learned trust {shown})"

    text = "; ".join(side_words(label) for label in sorted(scores, key=lambda k: (-scores[k], k))) + "."
    if leaning:
        return f"Learned trust leans to '{leaning}': {text}"
    return f"No leaning by learned trust (the sides score the same): {text}"
