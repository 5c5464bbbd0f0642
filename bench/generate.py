"""A seeded generator of synthetic corpora shaped like real ones.

About 3.5 assertions per claim; sources with grades and `via`; entities with aliases;
predicates with values, tolerances and single-value groups; implies, equivalent and
exclusive rules; periods with partial dates. Most claims are uncontested and a few percent
conflict, as in a newsroom's corpus. The same seed always gives the same bytes.

    python bench/generate.py OUT_DIR --claims 100000 [--files 200] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import zlib
from pathlib import Path

WORDS = (
    "minister government army election oil talks border sanctions president court "
    "protest ceasefire embassy deal gold port airport report leak budget strike vote "
    "treaty summit rebel council mayor police bank loan debt senate decree exile "
).split()
RELIABILITY = "ABCDEF"
KINDS = ("newspaper", "broadcaster", "agency", "government", "analyst", "anonymous", "report")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _date(rng: random.Random) -> str:
    year = rng.randint(2015, 2025)
    form = rng.random()
    if form < 0.2:
        return str(year)
    if form < 0.5:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def generate(out: Path, claims: int, files: int | None = None, seed: int = 1) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    files = files or max(1, claims // 500)
    n_sources = max(20, claims // 200)
    n_entities = max(20, claims // 20)
    sources = [f"src-{i}" for i in range(n_sources)]
    entities = [f"ent-{i}" for i in range(n_entities)]
    predicates = [f"pred-{i}" for i in range(40)]

    lines = ["sources:"]
    for i, sid in enumerate(sources):
        lines.append(f"  - id: {sid}")
        lines.append(f"    name: Source {i} {rng.choice(WORDS).title()}")
        lines.append(f"    kind: {rng.choice(KINDS)}")
        lines.append(f"    reliability: {rng.choice(RELIABILITY)}")
        if rng.random() < 0.1:
            lines.append(f"    represents: [{rng.choice(entities)}]")
    lines.append("entities:")
    for i, eid in enumerate(entities):
        lines.append(f"  - id: {eid}")
        lines.append(f"    name: Entity {i} {rng.choice(WORDS).title()}")
        if rng.random() < 0.3:
            lines.append(f"    aliases: [E{i}, {rng.choice(WORDS).title()} {i}]")
    lines.append("predicates:")
    for i, pid in enumerate(predicates):
        lines.append(f"  - id: {pid}")
        if i < 10:
            lines.append("    single_value: true")
            lines.append("    value_type: number")
            lines.append("    tolerance: 5")
        elif i < 14:
            lines.append(f"    conflicts_with: [{predicates[i + 10]}]")
    (out / "00-sources.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    per_file = -(-claims // files)
    stats = {"claims": 0, "assertions": 0, "rules": 0, "files": files + 1}
    claim_ids = [f"claim-{i}" for i in range(claims)]
    for f in range(files):
        lines = ["claims:"]
        rules = []
        for i in range(f * per_file, min(claims, (f + 1) * per_file)):
            cid = claim_ids[i]
            subject = rng.choice(entities)
            contested = rng.random() < 0.03
            if contested and rng.random() < 0.3:
                predicate = predicates[rng.choice((10, 11, 12, 13, 20, 21, 22, 23))]
            else:
                predicate = rng.choice(predicates[:10] + predicates[14:20] + predicates[24:])
            words = " ".join(rng.choice(WORDS) for _ in range(6))
            lines.append(f"  - id: {cid}")
            lines.append(f"    text: {_quote(f'Entity {subject} {words} {i}')}")
            lines.append(f"    subject: {subject}")
            lines.append(f"    predicate: {predicate}")
            numeric = predicates.index(predicate) < 10
            if numeric:  # one value per subject and predicate, unless contested below
                value = 1000 + zlib.crc32(f"{subject}/{predicate}".encode()) % 99000
                lines.append(f"    object: {value}")
            if rng.random() < 0.3:
                lines.append(f"    period: {{start: {_date(rng)}}}")
            lines.append(f"    tags: [{rng.choice(WORDS)}]")
            lines.append("    assertions:")
            for k in range(rng.choice((2, 3, 4, 5))):
                stance = "affirms"
                if contested and k == 1:
                    stance = rng.choice(("denies", "doubts"))
                source = rng.choice(sources)
                lines.append(f"      - source: {source}")
                lines.append(f"        stance: {stance}")
                lines.append(f"        date: {_date(rng)}")
                if rng.random() < 0.2:
                    origin = rng.choice(sources)
                    if origin != source:
                        lines.append(f"        via: [{origin}]")
                if numeric and contested and k == 2:
                    lines.append(f"        value: {rng.randint(1000, 100000)}")
                if rng.random() < 0.3:
                    lines.append(f"        credibility: {rng.randint(1, 6)}")
                if rng.random() < 0.3:
                    lines.append(f"        quote: {_quote(' '.join(rng.choice(WORDS) for _ in range(8)))}")
                stats["assertions"] += 1
            stats["claims"] += 1
            roll = rng.random()
            if roll < 0.02 and i > 0:
                rules.append(f"  - {{id: rule-{i}, kind: implies, if: {claim_ids[i - 1]}, then: {cid}}}")
            elif roll < 0.03 and i > 1:
                rules.append(f"  - {{id: rule-{i}, kind: equivalent, claims: [{claim_ids[i - 2]}, {cid}], severity: warning}}")
            elif roll < 0.04 and i > 2:
                rules.append(f"  - {{id: rule-{i}, kind: exclusive, claims: [{claim_ids[i - 3]}, {cid}]}}")
        if rules:
            lines.append("rules:")
            lines.extend(rules)
            stats["rules"] += len(rules)
        (out / f"claims-{f:04d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(generate(args.out, args.claims, args.files, args.seed))


if __name__ == "__main__":
    main()
