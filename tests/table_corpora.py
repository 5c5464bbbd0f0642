"""Corpora for the differential of the engines on tables: many generated corpora made
one (`merged`), and both engines' documents of a corpus (`documents`).

A run of the SQL engine has a fixed cost (dozens of statements, each planned), so the
differential runs it once on a corpus made of many small generated ones rather than
once per corpus: each corpus's ids get a prefix of their own (`k3-c1`), everything
that names an id follows, and the corpora never touch. Which corpora: those that
hypothesis draws from `corpus_strategies.corpora` with a fixed seed, so a run is
reproducible and a failure names the corpus (its prefix) that shows it.
"""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_strategies import corpora, corpus_to_yaml


@functools.cache
def drawn(count: int, version: int = 2) -> list[dict]:
    """`count` corpora drawn with a fixed seed (the same ones on every run); drawn once
    per run (do not change them)."""
    found: list[dict] = []

    @settings(max_examples=count, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(corpora(version))
    def draw(corpus):
        found.append(corpus)

    draw()
    return found[:count]


def merged(many: list[dict]) -> dict:
    """One valid corpus holding every corpus of `many`, each under its own prefix."""
    out: dict[str, list] = {name: [] for name in ("sources", "entities", "predicates", "claims", "rules", "resolutions")}
    for n, corpus in enumerate(many):
        for name, items in _prefixed(corpus, f"k{n}-").items():
            out[name].extend(items)
    return {name: items for name, items in out.items() if items}


def _prefixed(corpus: dict, prefix: str) -> dict:
    def p(ident):
        return prefix + ident

    value_type = {pr["id"]: pr.get("value_type") for pr in corpus.get("predicates") or []}
    out: dict[str, list] = {}
    out["sources"] = [
        {**s, "id": p(s["id"]), **({"represents": [p(e) for e in s["represents"]]} if "represents" in s else {})}
        for s in corpus.get("sources") or []
    ]
    out["entities"] = [{**e, "id": p(e["id"])} for e in corpus.get("entities") or []]
    out["predicates"] = [
        {**pr, "id": p(pr["id"]), **({"conflicts_with": [p(q) for q in pr["conflicts_with"]]} if "conflicts_with" in pr else {})}
        for pr in corpus.get("predicates") or []
    ]
    claims = []
    for claim in corpus.get("claims") or []:
        entity_values = value_type.get(claim.get("predicate")) == "entity"
        made = {**claim, "id": p(claim["id"])}
        if "subject" in claim:
            made["subject"] = p(claim["subject"])
        if "predicate" in claim:
            made["predicate"] = p(claim["predicate"])
        if entity_values and isinstance(claim.get("object"), str):
            made["object"] = p(claim["object"])
        for name in ("favours", "harms"):
            if name in claim:
                made[name] = [p(e) for e in claim[name]]
        assertions = []
        for a in claim["assertions"]:
            a = {**a, "source": p(a["source"])}
            if "via" in a:
                a["via"] = [p(s) for s in a["via"]]
            if entity_values and isinstance(a.get("value"), str):
                a["value"] = p(a["value"])
            assertions.append(a)
        made["assertions"] = assertions
        claims.append(made)
    out["claims"] = claims
    rules = []
    for rule in corpus.get("rules") or []:
        made = {**rule, "id": p(rule["id"])}
        if "claims" in rule:
            made["claims"] = [p(c) for c in rule["claims"]]
        if "if" in rule:
            made["if"] = p(rule["if"])
        if "then" in rule:
            made["then"] = [p(c) for c in rule["then"]] if isinstance(rule["then"], list) else p(rule["then"])
        rules.append(made)
    out["rules"] = rules
    out["resolutions"] = [
        {**r, "conflict": _conflict_id(r["conflict"], prefix),
         **({"ratings": {p(c): v for c, v in r["ratings"].items()}} if r.get("ratings") else {})}
        for r in corpus.get("resolutions") or []
    ]
    return out


def _conflict_id(cid: str, prefix: str) -> str:
    kind, _, rest = cid.partition(":")
    return f"{kind}:" + re.sub(r"[^/+]+", lambda m: prefix + m.group(0), rest)


def write_yaml(root: Path, corpus: dict) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "corpus.yaml").write_text(corpus_to_yaml(corpus), encoding="utf-8")
    return root


def comparable(document: bytes) -> dict:
    """A JSON document less what the engines need not share: findings (lint rules run on
    the memory engine only, and a table's findings name its rows) and their counts."""
    data = json.loads(document)
    data.pop("findings")
    for key in ("findings", "findings_by_severity"):
        data["summary"].pop(key)
    return data


def first_difference(memory: bytes, tables: bytes) -> str:
    """Where two documents first differ, for a failing assertion's message."""
    a, b = json.loads(memory), json.loads(tables)
    for one, other in zip(a["conflicts"], b["conflicts"]):
        if one != other:
            return f"\nmemory: {json.dumps(one)}\ntables: {json.dumps(other)}"
    ids = ([c["id"] for c in a["conflicts"]], [c["id"] for c in b["conflicts"]])
    return f"\nconflict ids: {ids}" if ids[0] != ids[1] else f"\n{a.get('summary')}\n{b.get('summary')}"


def in_folder(folder: Path):
    """Run in `folder` (file paths in reports are relative to it), then back."""

    class _In:
        def __enter__(self):
            self.back = os.getcwd()
            os.chdir(folder)

        def __exit__(self, *_):
            os.chdir(self.back)

    return _In()


def as_of_examples():
    from corpus_strategies import as_of_dates

    return corpora().flatmap(lambda c: st.tuples(st.just(c), st.one_of(st.none(), as_of_dates(c))))
