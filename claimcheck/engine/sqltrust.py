"""Learned trust on a SQL engine: trust.py's model, as joins and group-bys (sql/trust.sql).

The fact sets are made once; then each round is a handful of statements (votes, scores,
confidences, agreement, the false values learned per domain, the next trust), run until
no source's trust moves by more than the tolerance, or for `iterations` rounds, as
trust.py's `_iterate` runs them. Only the sources' trust comes back into Python (a few
thousand numbers); the agreement of each assertion's fact is fetched as conflicts ask
for it, a batch at a time. Sums run in another order than trust.py's: the figures agree
to about 1e-12, well within the 1e-9 the tests hold them to.
"""

from __future__ import annotations

from ..trust import FLOOR, CEILING, NEUTRAL_TRUST, PRIOR_TRUST, TrustParams

FILE = "engine/sql/trust.sql"
#: the statements of one round, in order (the rest of the file runs once, before them)
ROUND = ("trust_votes", "trust_scores", "trust_probs", "trust_agreement", "trust_pairs", "trust_relearn")
AFTER = ("trust_next", "trust_moved", "trust_final", "trust_of_assertions")


class SqlTrustModel:
    """What `assess_trust` reads of a trust.TrustModel: each source's learned trust, and
    the agreement of the fact each assertion gave (`_fact`, `_agreement`), fetched for
    the conflicts at hand."""

    def __init__(self, session, trust: dict, params: TrustParams, iterations: int, converged: bool) -> None:
        self._session = session
        self.trust = trust
        self.params = params
        self.iterations = iterations
        self.converged = converged
        self._agreement: dict[tuple[str, int], float] = {}

    def _fact(self, claim: str, index: int):
        key = (claim, index)
        return key if key in self._agreement else None

    def batch(self, conflicts) -> None:
        """The agreement of every assertion of these conflicts (those before let go)."""
        wanted = sorted({(e.assertion.claim, e.assertion.index) for c in conflicts if c.kind == "value"
                         for side in c.sides for e in side.entries})
        self._agreement.clear()
        for start in range(0, len(wanted), 5000):
            chunk = wanted[start:start + 5000]
            claims = ", ".join("'" + c.replace("'", "''") + "'" for c in sorted({c for c, _ in chunk}))
            for claim, index, agreement in self._session.rows(
                f"SELECT claim, idx, agreement FROM trust_of_assertions WHERE claim IN ({claims})"
            ):
                self._agreement[(claim, index)] = agreement


def learn(session, corpus, params: TrustParams = TrustParams()) -> SqlTrustModel:
    """Learn trust from the assertions that take part (`periods`), as trust.learn_trust."""
    from ..sqlfiles import queries
    from .sqlengine import VALUE_KEY_COLUMNS, value_keys

    if params.false_values is not None:  # pragma: no cover - the command line learns n
        raise NotImplementedError("a fixed number of false values is for trust.learn_trust")
    statements = dict(queries(FILE))
    once = [name for name, _ in queries(FILE) if name not in ROUND and name not in AFTER]
    for name in once:
        session.create(name, statements[name])
        if name == "trust_items":
            rows = session.all("SELECT DISTINCT vt, vkey, tolerance FROM trust_items")
            session.put("trust_keys", VALUE_KEY_COLUMNS, value_keys(rows))
    # every source, with its prior and the weight of that prior
    known = {ident: source.reliability for ident, source in corpus.sources.items()}
    names = set(known)
    names.update(s for (s,) in session.rows("SELECT DISTINCT source FROM periods UNION SELECT DISTINCT origin FROM periods"))
    unchecked = dict(session.rows("SELECT source, unchecked FROM trust_evidence"))
    ordered = sorted(names)
    priors = [min(CEILING, max(FLOOR, PRIOR_TRUST.get(known[s], NEUTRAL_TRUST) if s in known else NEUTRAL_TRUST))
              for s in ordered]
    strength = [params.prior_strength + unchecked.get(s, 0) for s in ordered]
    columns = [("source", "VARCHAR"), ("prior", "DOUBLE"), ("t", "DOUBLE"), ("strength", "DOUBLE")]
    session.put("trust_now", columns, [ordered, priors, list(priors), strength])
    session.create("trust_n", "SELECT sid, n FROM trust_first_n")
    rounds, converged = 0, False
    while True:
        for name in ROUND:
            session.create(name, statements[name])
        session.create("trust_n", "SELECT sid, n FROM trust_relearn")
        if converged or rounds >= params.iterations:
            break
        session.create("trust_next", statements["trust_next"])
        session.create("trust_moved", statements["trust_moved"])
        (moved,) = session.one("SELECT moved FROM trust_moved")
        session.create("trust_now", "SELECT source, prior, t, strength FROM trust_next")
        rounds += 1
        converged = moved <= params.tolerance
    for name in ("trust_final", "trust_of_assertions"):
        session.create(name, statements[name])
    trust = dict(session.rows("SELECT source, t FROM trust_now"))
    session.drop(*once, "trust_keys", *ROUND, "trust_n", "trust_next", "trust_moved", "trust_final")
    return SqlTrustModel(session, trust, params, rounds, converged)
