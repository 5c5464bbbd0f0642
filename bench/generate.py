"""A seeded generator of synthetic corpora shaped like real ones.

About 3.5 assertions per claim; sources with grades and `via`; entities with aliases;
predicates with values, tolerances and single-value groups; implies, equivalent and
exclusive rules; periods with partial dates. Most claims are uncontested and a few percent
conflict, as in a newsroom's corpus. The same seed always gives the same bytes.

With `--tables` (`generate_tables`) the same corpus is written as Parquet tables
(claimcheck.tables) instead, directly, without YAML: every row says the YAML file, line
and column it would have come from, so the tables are what `claimcheck export parquet`
makes of the YAML, for 10M claims as for 10k.

    python bench/generate.py OUT_DIR --claims 100000 [--files 200] [--seed 1] [--tables]
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


class _Yaml:
    """Where the generated corpus goes: YAML files (the default), lines of text."""

    def __init__(self, out: Path) -> None:
        self.out = out
        out.mkdir(parents=True, exist_ok=True)

    def file(self, name: str, lines: list[str]) -> None:
        (self.out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def row(self, table: str, row: tuple) -> None:
        pass


class _Tables(_Yaml):
    """... or Parquet tables: each a folder of parts (as Spark writes them), a part for
    every batch of rows, so that memory holds one batch whatever the size."""

    BATCH = 500_000

    def __init__(self, out: Path) -> None:
        import duckdb

        from claimcheck.tables import TABLES

        self.out = out
        out.mkdir(parents=True, exist_ok=False)
        self.tables = TABLES
        self.con = duckdb.connect(config={"preserve_insertion_order": True})
        self.pending: dict[str, list[tuple]] = {name: [] for name in TABLES}
        self.parts: dict[str, int] = {name: 0 for name in TABLES}

    def file(self, name: str, lines: list[str]) -> None:
        pass

    named = ""

    def row(self, table: str, row: tuple) -> None:
        rows = self.pending[table]
        if self.named:
            row = (*row[:-3], self.named + row[-3], *row[-2:])
        rows.append(row)
        if len(rows) >= self.BATCH:
            self.flush(table)

    def flush(self, table: str, last: bool = False) -> None:
        rows = self.pending[table]
        if not rows and not (last and not self.parts[table]):
            return
        spec = self.tables[table]
        folder = self.out / f"{table}.parquet"
        folder.mkdir(exist_ok=True)
        part = folder / f"part-{self.parts[table]:05d}.parquet"
        self.parts[table] += 1
        columns = [c for c in spec.columns if not c.type.startswith("MAP")]
        data = [list(values) for values in zip(*rows)] if rows else [[] for _ in columns]
        select = ", ".join(f'unnest(${i + 1}::{c.type}[]) AS "{c.name}"' for i, c in enumerate(columns))
        maps = ", ".join(f'CAST(NULL AS {c.type}) AS "{c.name}"' for c in spec.columns if c.type.startswith("MAP"))
        names = ", ".join(f'"{c.name}"' for c in spec.columns)
        query = f"SELECT {select}" + (f", {maps}" if maps else "")
        self.con.execute(f"COPY (SELECT {names} FROM ({query})) TO '{part}' (FORMAT parquet, COMPRESSION zstd)", data)
        rows.clear()

    def close(self) -> None:
        for table in self.tables:
            self.flush(table, last=True)
        self.con.close()


def generate(out: Path, claims: int, files: int | None = None, seed: int = 1) -> dict:
    """The corpus as YAML files in `out`."""
    return _generate(_Yaml(out), claims, files, seed)


def generate_tables(out: Path, claims: int, files: int | None = None, seed: int = 1, named: str = "") -> dict:
    """The same corpus as Parquet tables in `out` (a new folder); each row's `file` is the
    YAML file's name after `named` (the folder the YAML would be read from, as named)."""
    sink = _Tables(out)
    sink.named = named
    stats = _generate(sink, claims, files, seed)
    sink.close()
    return stats


def _generate(sink: _Yaml, claims: int, files: int | None, seed: int) -> dict:
    rng = random.Random(seed)
    files = files or max(1, claims // 500)
    n_sources = max(20, claims // 200)
    n_entities = max(20, claims // 20)
    sources = [f"src-{i}" for i in range(n_sources)]
    entities = [f"ent-{i}" for i in range(n_entities)]
    predicates = [f"pred-{i}" for i in range(40)]
    first = "00-sources.yaml"

    lines = ["sources:"]
    for i, sid in enumerate(sources):
        at = len(lines) + 1
        lines.append(f"  - id: {sid}")
        name = f"Source {i} {rng.choice(WORDS).title()}"
        lines.append(f"    name: {name}")
        kind = rng.choice(KINDS)
        lines.append(f"    kind: {kind}")
        grade = rng.choice(RELIABILITY)
        lines.append(f"    reliability: {grade}")
        represents = None
        if rng.random() < 0.1:
            represents = [rng.choice(entities)]
            lines.append(f"    represents: [{represents[0]}]")
        sink.row("sources", (sid, name, kind, grade, represents, None, None, None, first, at, 5))
    lines.append("entities:")
    for i, eid in enumerate(entities):
        at = len(lines) + 1
        lines.append(f"  - id: {eid}")
        name = f"Entity {i} {rng.choice(WORDS).title()}"
        lines.append(f"    name: {name}")
        aliases = None
        if rng.random() < 0.3:
            aliases = [f"E{i}", f"{rng.choice(WORDS).title()} {i}"]
            lines.append(f"    aliases: [{aliases[0]}, {aliases[1]}]")
        sink.row("entities", (eid, name, aliases, None, first, at, 5))
    lines.append("predicates:")
    for i, pid in enumerate(predicates):
        at = len(lines) + 1
        lines.append(f"  - id: {pid}")
        if i < 10:
            lines.append("    single_value: true")
            lines.append("    value_type: number")
            lines.append("    tolerance: 5")
            sink.row("predicates", (pid, None, True, "number", "5", None, first, at, 5))
        elif i < 14:
            lines.append(f"    conflicts_with: [{predicates[i + 10]}]")
            sink.row("predicates", (pid, None, None, None, None, [predicates[i + 10]], first, at, 5))
        else:
            sink.row("predicates", (pid, None, None, None, None, None, first, at, 5))
    sink.file(first, lines)

    per_file = -(-claims // files)
    stats = {"claims": 0, "assertions": 0, "rules": 0, "files": files + 1}
    claim_ids = [f"claim-{i}" for i in range(claims)]
    for f in range(files):
        name = f"claims-{f:04d}.yaml"
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
            claim_at = len(lines) + 1
            lines.append(f"  - id: {cid}")
            text = f"Entity {subject} {words} {i}"
            lines.append(f"    text: {_quote(text)}")
            lines.append(f"    subject: {subject}")
            lines.append(f"    predicate: {predicate}")
            numeric = predicates.index(predicate) < 10
            value = None
            if numeric:  # one value per subject and predicate, unless contested below
                value = 1000 + zlib.crc32(f"{subject}/{predicate}".encode()) % 99000
                lines.append(f"    object: {value}")
            start = None
            if rng.random() < 0.3:
                start = _date(rng)
                lines.append(f"    period: {{start: {start}}}")
            tag = rng.choice(WORDS)
            lines.append(f"    tags: [{tag}]")
            lines.append("    assertions:")
            sink.row("claims", (cid, text, subject, predicate, "int" if numeric else None, str(value) if numeric else None,
                                None, None, None, None, start, None, None, None, [tag], name, claim_at, 5))
            for k in range(rng.choice((2, 3, 4, 5))):
                stance = "affirms"
                if contested and k == 1:
                    stance = rng.choice(("denies", "doubts"))
                source = rng.choice(sources)
                at = len(lines) + 1
                lines.append(f"      - source: {source}")
                lines.append(f"        stance: {stance}")
                date = _date(rng)
                lines.append(f"        date: {date}")
                via = []
                if rng.random() < 0.2:
                    origin = rng.choice(sources)
                    if origin != source:
                        via = [origin]
                        lines.append(f"        via: [{origin}]")
                given = None
                if numeric and contested and k == 2:
                    given = rng.randint(1000, 100000)
                    lines.append(f"        value: {given}")
                credibility = 6
                if rng.random() < 0.3:
                    credibility = rng.randint(1, 6)
                    lines.append(f"        credibility: {credibility}")
                quote = None
                if rng.random() < 0.3:
                    quote = " ".join(rng.choice(WORDS) for _ in range(8))
                    lines.append(f"        quote: {_quote(quote)}")
                sink.row("assertions", (
                    cid, k, source, stance, date, False, None, None,
                    "int" if given is not None else None, str(given) if given is not None else None, None, None, None, None,
                    None, credibility, via, quote, None, None, name, at, 9,
                ))
                stats["assertions"] += 1
            stats["claims"] += 1
            roll = rng.random()
            if roll < 0.02 and i > 0:
                rules.append((f"  - {{id: rule-{i}, kind: implies, if: {claim_ids[i - 1]}, then: {cid}}}",
                              f"rule-{i}", "implies", None, [("if", claim_ids[i - 1]), ("then", cid)]))
            elif roll < 0.03 and i > 1:
                rules.append((f"  - {{id: rule-{i}, kind: equivalent, claims: [{claim_ids[i - 2]}, {cid}], severity: warning}}",
                              f"rule-{i}", "equivalent", "warning", [("claims", claim_ids[i - 2]), ("claims", cid)]))
            elif roll < 0.04 and i > 2:
                rules.append((f"  - {{id: rule-{i}, kind: exclusive, claims: [{claim_ids[i - 3]}, {cid}]}}",
                              f"rule-{i}", "exclusive", None, [("claims", claim_ids[i - 3]), ("claims", cid)]))
        if rules:
            lines.append("rules:")
            for text, rid, kind, severity, members in rules:
                at = len(lines) + 1
                lines.append(text)
                sink.row("rules", (rid, kind, severity, None, name, at, 5))
                seen = 0
                positions = {"if": 0, "then": 0, "claims": 0}
                for role, claim in members:  # each claim id's column in the line, as YAML reads it
                    if not positions[role]:
                        seen = text.index(f"{role}:")
                    seen = text.index(claim, seen)
                    sink.row("rule_members", (rid, role, positions[role], claim, name, at, seen + 1))
                    positions[role] += 1
                    seen += len(claim)
            stats["rules"] += len(rules)
        sink.file(name, lines)
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tables", action="store_true", help="write Parquet tables instead of YAML")
    args = parser.parse_args()
    make = generate_tables if args.tables else generate
    print(make(args.out, args.claims, args.files, args.seed))


if __name__ == "__main__":
    main()
