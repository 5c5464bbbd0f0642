"""Table corpora and the SQL engine: the same answers as the memory engine, and what
tables can get wrong said as findings or usage errors, never a traceback.

The differential compares the whole `--format json` document (conflicts byte for byte,
with their assessments; the summary) of the memory engine reading YAML with DuckDB
reading the same corpus exported to Parquet: on many generated corpora at once (their
ids prefixed, `table_corpora.merged`), with and without `--as-of`, on generated corpora
one by one (hypothesis shrinks what fails), and on bench/'s synthetic corpora.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from typer.testing import CliRunner

from claimcheck import jsontext
from claimcheck.analysis import analyze
from claimcheck.dates import parse_date
from claimcheck.loader import Limits
from claimcheck.report.data import document
from claimcheck.cli import app

from corpus_strategies import corpus_to_yaml
from helpers import REPO, write_corpus
from table_corpora import as_of_examples, comparable, drawn, first_difference, in_folder, merged, write_yaml

ENV = {"NO_COLOR": "1", "COLUMNS": "100"}


def run(*args: str):
    return CliRunner().invoke(app, list(args), env=ENV)


def both(folder: Path, as_of: str | None = None, method: str = "prior") -> tuple[bytes, bytes]:
    """The json documents of the YAML corpus in folder/y: the memory engine's, and
    DuckDB's of the same corpus as tables (lint rules off: they run on memory only)."""
    from claimcheck.tabular import EngineOptions, analyze as on_tables, close_all

    span = parse_date(as_of) if as_of else None
    with in_folder(folder):
        memory = analyze([Path("y")], select=set(), as_of=span, method=method)
        tables = on_tables([Path("y")], EngineOptions("duckdb"), Limits(), select=set(), as_of=span, method=method)
        try:
            return (jsontext.encode(document(memory, memory.conflicts)),
                    jsontext.encode(document(tables, tables.conflicts)))
        finally:
            close_all()


def assert_same(memory: bytes, tables: bytes) -> None:
    assert comparable(memory) == comparable(tables), first_difference(memory, tables)
    # and byte for byte, as written
    assert json.dumps(comparable(memory)) == json.dumps(comparable(tables))


# --- the differential ----------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("as_of", [None, "2020-06", "2023-10-15"])
def test_duckdb_gives_the_memory_engines_conflicts_on_many_generated_corpora(tmp_path, as_of):
    corpus = merged(drawn(400))
    write_yaml(tmp_path / "y", corpus)
    memory, tables = both(tmp_path, as_of)
    assert json.loads(memory)["conflicts"], "the generated corpora give conflicts"
    assert_same(memory, tables)


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(as_of_examples())
def test_duckdb_gives_the_memory_engines_conflicts_corpus_by_corpus(tmp_path_factory, example):
    corpus, as_of = example
    text = corpus_to_yaml(corpus)
    note(f"--as-of {as_of}\n{text}")
    folder = tmp_path_factory.mktemp("c")
    (folder / "y").mkdir()
    (folder / "y" / "corpus.yaml").write_text(text, encoding="utf-8")
    assert_same(*both(folder, as_of))


@pytest.mark.slow
@pytest.mark.parametrize("size", [3000])
def test_duckdb_gives_the_memory_engines_conflicts_on_a_bench_corpus(tmp_path, size):
    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate

    generate(tmp_path / "y", size, seed=7)
    memory, tables = both(tmp_path)
    assert len(json.loads(memory)["conflicts"]) > 20
    assert_same(memory, tables)


def test_the_seed_corpus_through_the_command_line(tmp_path):
    """`check` on a table corpus streams json and jsonl that are the memory engine's."""
    write_corpus(tmp_path, "")
    out = tmp_path / "tables"
    exported = run("export", "parquet", str(REPO / "corpus"), "--out", str(out))
    assert exported.exit_code == 0, exported.stderr
    assert "Wrote 12 sources" in exported.stderr
    for fmt in ("json", "jsonl"):
        yaml = run("check", str(REPO / "corpus"), "--format", fmt, "--select", "S", "--no-cache")
        tables = run("check", str(out), "--format", fmt, "--select", "S")
        assert tables.exit_code == yaml.exit_code
        expected = yaml.stdout.replace('"files": 6', '"files": 8')  # the tables are the files read
        assert tables.stdout == expected
        # the summary line, streamed, says what the memory engine's says
        assert tables.stderr.splitlines()[-1] == yaml.stderr.splitlines()[-1].replace("6 files", "8 files")
    table = run("conflicts", str(out), "--format", "table")
    assert table.exit_code == 0 and "contradiction:venezuela-negotiating-with-us" in table.stdout
    assert "Ministry" in table.stdout or "venezuelan-government" in table.stdout


def test_a_table_corpus_on_the_memory_engine_is_the_yaml_corpus(tmp_path):
    out = tmp_path / "tables"
    assert run("export", "parquet", str(REPO / "corpus"), "--out", str(out)).exit_code == 0
    yaml = run("check", str(REPO / "corpus"), "--format", "json", "--no-cache")
    tables = run("check", str(out), "--format", "json", "--engine", "memory")
    expected = yaml.stdout.replace('"files": 6', '"files": 8')
    assert json.loads(tables.stdout)["conflicts"] == json.loads(expected)["conflicts"]
    assert [f["code"] for f in json.loads(tables.stdout)["findings"]] == [f["code"] for f in json.loads(expected)["findings"]]


def test_lint_rules_skipped_on_duckdb_are_named_in_one_line(tmp_path):
    out = tmp_path / "tables"
    run("export", "parquet", str(REPO / "corpus"), "--out", str(out))
    result = run("check", str(out), "--format", "jsonl")
    skipped = [line for line in result.stderr.splitlines() if "lint rules skipped" in line]
    assert len(skipped) == 1 and "W101" in skipped[0] and "--engine memory" in skipped[0]
    assert "lint rules skipped" not in run("check", str(out), "--format", "jsonl", "--select", "S").stderr


def test_exact_decimals_and_the_tolerance(tmp_path):
    """Numbers compare exactly in decimal, whatever a float would say (§4.3)."""
    write_corpus(tmp_path / "y", """
sources: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}]
predicates:
  - {id: n, single_value: true, tolerance: 0.1}
  - {id: m, single_value: true}
entities: [{id: x, name: X}]
claims:
  - {id: one, text: one, subject: x, predicate: n, assertions: [{source: a, stance: affirms, value: 1.0}, {source: b, stance: affirms, value: 1.1}]}
  - {id: two, text: two, subject: x, predicate: n, assertions: [{source: c, stance: affirms, value: 1.2000000000000001}]}
  - {id: big, text: big, subject: x, predicate: m, assertions: [{source: a, stance: affirms, value: 10000000000000001}, {source: b, stance: affirms, value: 1e16}]}
""")
    memory, tables = both(tmp_path)
    ids = [c["id"] for c in json.loads(tables)["conflicts"]]
    assert ids == ["value:x/m", "value:x/n"]
    assert_same(memory, tables)


def test_a_large_implies_cycle_is_one_node(tmp_path, monkeypatch):
    """A cycle of 300 implies rules condenses to one node: the closure takes one round,
    not 300, and no pair of its claims is ever made. The 299 supporters' chains come
    from one search back from the target, as in the memory engine (one search forward
    per supporter took 15.7 s and 3.4 GB for a cycle of 5,000): counted, not timed."""
    from claimcheck.sessions import DuckDBSession
    from claimcheck.engine import sqlengine
    from claimcheck.engine.sqlengine import SqlEngine
    from claimcheck.export import export_parquet
    from claimcheck.tablecheck import open_tables

    looked_at = [0]

    class Counted(list):
        def __iter__(self):
            looked_at[0] += len(self)
            return super().__iter__()

    real_init = sqlengine.RuleGraph.__init__

    def counting_init(self, session):
        real_init(self, session)
        self.out = [Counted(edges) for edges in self.out]
        self.into = [Counted(edges) for edges in self.into]

    monkeypatch.setattr(sqlengine.RuleGraph, "__init__", counting_init)

    n = 300
    lines = ["sources: [{id: a, name: A}, {id: b, name: B}]", "claims:"]
    for i in range(n):
        stance = "denies" if i == 0 else "affirms"
        lines.append(f"  - {{id: c{i}, text: c{i}, assertions: [{{source: {'b' if i == 0 else 'a'}, stance: {stance}}}]}}")
    lines.append("rules:")
    for i in range(n):
        lines.append(f"  - {{id: r{i}, kind: implies, if: c{i}, then: c{(i + 1) % n}}}")
    write_corpus(tmp_path / "y", "\n".join(lines) + "\n")
    memory, tables = both(tmp_path)
    assert_same(memory, tables)
    export_parquet([tmp_path / "y"], tmp_path / "t")
    session = DuckDBSession()
    try:
        open_tables(session, tmp_path / "t")
        engine = SqlEngine(session)
        engine.run()
        assert engine.rounds["closure"] <= 1
        assert engine.sizes["ancestors"] <= 3  # (level, target, ancestor): the cycle, at each level
        assert sum(len(chain) for chain in engine._chains.values()) == n * (n - 1) // 2
        assert 0 < looked_at[0] < 30 * n, looked_at[0]  # one search per supporter: about n * n
    finally:
        session.close()


# --- tables that are not right ----------------------------------------------------------------


@pytest.fixture
def tables(tmp_path) -> Path:
    """The seed corpus as tables, to break."""
    out = tmp_path / "tables"
    assert run("export", "parquet", str(REPO / "corpus"), "--out", str(out)).exit_code == 0
    return out


def rewrite(table: Path, query: str) -> None:
    """Replace a table by a query over it (DuckDB's dialect; `t` is the table)."""
    import duckdb

    moved = table.with_suffix(".old")
    table.rename(moved)
    con = duckdb.connect()
    con.execute(f"COPY (WITH t AS (SELECT * FROM read_parquet('{moved}')) {query}) TO '{table}' (FORMAT parquet)")
    con.close()
    moved.unlink()


def check_lines(folder: Path, *more: str) -> tuple[int, list[str], str]:
    result = run("check", str(folder), "--format", "concise", "--select", "S", *more)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout.splitlines(), result.stderr


def test_a_missing_table_is_a_finding(tables):
    (tables / "claims.parquet").unlink()
    code, lines, _ = check_lines(tables)
    assert code == 1
    assert any(line.startswith(f"{tables}/claims.parquet:1:1: error L001 ") and "no claims table" in line for line in lines)


def test_a_corrupt_table_is_a_finding(tables):
    (tables / "sources.parquet").write_bytes(b"PAR1 this is not parquet at all")
    code, lines, _ = check_lines(tables)
    assert code == 1
    assert any("L001" in line and "cannot read the sources table" in line for line in lines)
    # its sources unknown, every assertion names an unknown source: said, not a crash
    assert any("R001" in line for line in lines)


def test_a_column_of_the_wrong_type_is_a_finding(tables):
    rewrite(tables / "assertions.parquet", "SELECT * REPLACE (CAST(credibility AS VARCHAR) || 'x' AS credibility) FROM t")
    code, lines, _ = check_lines(tables)
    assert any("S002" in line and "column 'credibility' of the assertions table is VARCHAR; expected INTEGER" in line
               for line in lines)
    assert code == 1


def test_a_missing_required_column_is_a_finding(tables):
    rewrite(tables / "assertions.parquet", "SELECT * EXCLUDE (stance) FROM t")
    code, lines, _ = check_lines(tables)
    assert code == 1
    assert any("S003" in line and "has no column 'stance'" in line for line in lines)


def test_nulls_in_required_columns_name_the_table_and_row(tables):
    rewrite(tables / "assertions.parquet",
            "SELECT * REPLACE (CASE WHEN claim = 'venezuela-negotiating-with-us' AND \"index\" = 0 THEN NULL ELSE source END AS source, "
            "CAST(NULL AS VARCHAR) AS file, CAST(NULL AS INTEGER) AS line, CAST(NULL AS INTEGER) AS \"column\") FROM t")
    code, lines, _ = check_lines(tables)
    assert code == 1
    needs = [line for line in lines if "S003" in line]
    assert len(needs) == 1
    assert needs[0].startswith(f"{tables}/assertions.parquet:") and "assertions row " in needs[0]
    assert "an assertion needs 'source'" in needs[0]


def test_findings_of_rows_from_yaml_point_at_the_yaml(tables):
    rewrite(tables / "assertions.parquet", "SELECT * REPLACE (CASE WHEN source = 'el-pais' THEN 'el-pias' ELSE source END AS source) FROM t")
    code, lines, _ = check_lines(tables)
    assert code == 1
    unknown = [line for line in lines if "R001" in line]
    assert unknown and all(line.startswith("corpus/") for line in unknown)
    assert "unknown source 'el-pias'" in unknown[0] and "assertions row " in unknown[0]


def test_duplicate_ids_and_unknown_claims(tables):
    rewrite(tables / "claims.parquet", "SELECT * FROM t UNION ALL SELECT * FROM t WHERE id = 'maduro-offered-oil-to-stay'")
    code, lines, _ = check_lines(tables)
    assert code == 1
    assert any("S010" in line and "duplicate claim id 'maduro-offered-oil-to-stay'" in line for line in lines)


def split_into_parts(table: Path, names: list[str], query: str = "SELECT * FROM t") -> None:
    """Replace a table by a folder of parts (as Spark writes them): the query's rows in
    turn, as many to each part, the parts named `names` (read in name order)."""
    import duckdb

    moved = table.with_suffix(".old")
    table.rename(moved)
    table.mkdir()
    con = duckdb.connect()
    con.execute(f"CREATE TABLE r AS WITH t AS (SELECT * FROM read_parquet('{moved}')) "
                f"SELECT *, row_number() OVER () AS n FROM ({query})")
    (count,) = con.execute("SELECT count(*) FROM r").fetchone()
    share = -(-count // len(names))
    for k, name in enumerate(sorted(names)):
        con.execute(f"COPY (SELECT * EXCLUDE (n) FROM r WHERE n > {k * share} AND n <= {(k + 1) * share} ORDER BY n) "
                    f"TO '{table / name}' (FORMAT parquet)")
    con.close()
    moved.unlink()


def test_a_table_in_parts_reads_as_one_table_in_part_order(tables, tmp_path):
    """The parts of a folder are read in name order, each row after those of the parts
    before it: the same conflicts as from one file, and of two rows with one id the one
    in the earlier part counts (the later one is the duplicate, named by its row)."""
    whole = run("check", str(tables), "--format", "json")
    split_into_parts(tables / "assertions.parquet", ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"])
    split_into_parts(tables / "sources.parquet", ["b.parquet", "a.parquet"],
                     "SELECT * FROM t UNION ALL SELECT * REPLACE ('Another name' AS name) FROM t WHERE id = 'el-pais'")
    parts = run("check", str(tables), "--format", "json")
    assert json.loads(parts.stdout)["conflicts"] == json.loads(whole.stdout)["conflicts"]
    code, lines, _ = check_lines(tables)
    [duplicate] = [line for line in lines if "S010" in line]
    # 13 rows: 7 in a.parquet, 6 in b.parquet, the copy last (its place the YAML's, as exported)
    assert "sources row 6: duplicate source id 'el-pais'" in duplicate and "this one is ignored" in duplicate


@pytest.mark.parametrize("column", ["file_row_number", "file_index"])
def test_a_column_named_as_duckdb_names_a_rows_place_is_a_finding(tables, column):
    """DuckDB reads such a column in place of the row's place in its file, which decides
    which of two rows with one id counts: not read, said."""
    rewrite(tables / "claims.parquet", f"SELECT *, 7 AS {column} FROM t")
    code, lines, _ = check_lines(tables)
    assert code == 1
    assert any("L001" in line and f"a column named '{column}'" in line and "rename it" in line for line in lines)


def test_tables_beside_other_paths_are_a_usage_error(tables):
    result = run("check", str(tables), str(REPO / "corpus"))
    assert result.exit_code == 2 and "only PATH" in result.stderr


def test_spark_without_pyspark_says_how_to_install_it(tables, monkeypatch):
    from claimcheck import sessions

    monkeypatch.setattr(sessions, "spark_available", lambda: False)
    result = run("check", str(tables), "--engine", "spark", "--format", "json")
    assert result.exit_code == 2
    assert "pip install 'claimcheck[spark]'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_engine_options_that_do_not_go_together(tables):
    assert run("check", str(tables), "--spark-conf", "a=b").exit_code == 2
    assert run("check", str(tables), "--engine", "spark", "--spark-conf", "nokey").exit_code == 2
    assert run("check", str(REPO / "corpus"), "--engine", "memory", "--memory-limit", "1GB").exit_code == 2
    for fmt in ("json", "table"):  # a YAML corpus is read by the memory engine: no cap to keep
        idle = run("check", str(REPO / "corpus"), "--memory-limit", "1GB", "--format", fmt)
        assert idle.exit_code == 2 and "add --engine duckdb" in idle.stderr
    assert run("check", str(REPO / "corpus"), "--engine", "duckdb", "--memory-limit", "1GB", "--format", "json").exit_code == 0
    bad = run("check", str(tables), "--memory-limit", "lots")
    assert bad.exit_code == 2 and "DuckDB" in bad.stderr


# --- export, import, schema -----------------------------------------------------------------


def test_export_never_overwrites(tmp_path):
    out = tmp_path / "tables"
    (out / "x").mkdir(parents=True)
    result = run("export", "parquet", str(REPO / "corpus"), "--out", str(out))
    assert result.exit_code == 2 and "not empty" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["x"]
    assert run("export", "parquet", str(REPO / "corpus"), "--out", str(REPO / "corpus" / "t")).exit_code == 2


def test_export_of_a_corpus_with_errors_says_what_is_left_out(tmp_path):
    write_corpus(tmp_path / "y", """
sources: [{id: a, name: A}]
claims:
  - {id: c, text: c, assertions: [{source: a, stance: affirms, stnace: x}]}
""")
    result = run("export", "parquet", str(tmp_path / "y"), "--out", str(tmp_path / "t"))
    assert result.exit_code == 1
    assert "S004" in result.stderr and "is not in the tables" in result.stderr


def test_schema_tables_lists_every_table_and_column():
    from claimcheck.tables import TABLES

    result = run("schema", "tables")
    assert result.exit_code == 0
    printed = json.loads(result.stdout)["tables"]
    assert list(printed) == list(TABLES)
    assert printed["assertions"]["columns"]["claim"] == {"type": "VARCHAR", "required": True, "description": "claim id"}
    assert {"file", "line", "column", "withdrawn", "value_min"} <= set(printed["assertions"]["columns"])


def test_readme_documents_every_table():
    """The README's table of tables names every table, and each required column in bold."""
    from claimcheck.tables import TABLES

    rows = {line.split(" | ")[0].strip("| `"): line for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines()
            if line.startswith("| `")}
    for table in TABLES.values():
        assert table.name in rows, table.name
        for column in table.columns:
            if column.required:
                assert f"**{column.name}**" in rows[table.name], (table.name, column.name)


def test_import_csv_to_parquet_gives_the_conflicts_of_import_to_yaml(tmp_path):
    csv = tmp_path / "claims.csv"
    csv.write_text("object,property,value,source\nCaracas,population,100,a\nCaracas,population,120,b\n"
                   "Lima,population,5,a\nLima,population,5,b\nLima,area,x,a\nLima,area,X,c\n", encoding="utf-8")
    columns = ["--object", "object", "--property", "property", "--value", "value", "--source", "source"]
    assert run("import", "csv", str(csv), *columns, "--out", str(tmp_path / "y")).exit_code == 0
    result = run("import", "csv", str(csv), *columns, "--to", "parquet", "--out", str(tmp_path / "t"))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == sorted(f"{t}.parquet" for t in
        ("sources", "entities", "predicates", "claims", "assertions", "rules", "rule_members", "resolutions"))
    yaml = json.loads(run("conflicts", str(tmp_path / "y"), "--format", "json").stdout)["conflicts"]
    tables = json.loads(run("conflicts", str(tmp_path / "t"), "--format", "json").stdout)["conflicts"]

    def shape(conflicts):  # the CSV's rows were never YAML: their places differ
        return [(c["id"], [(s["label"], [(a["claim"], a["source"], a["value"]) for a in s["assertions"]]) for s in c["sides"]])
                for c in conflicts]

    assert shape(tables) == shape(yaml) and [c["id"] for c in tables] == ["value:caracas/population"]
    assert tables[0]["sides"][0]["assertions"][0]["file"].endswith("assertions.parquet")


# --- what a YAML corpus does not load --------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "concise"])
def test_a_yaml_check_imports_no_table_engine(fmt):
    """DuckDB, SQLGlot, PyArrow and PySpark are for tables: a YAML corpus never loads them."""
    report_modules = (
        "import os, runpy, sys\n"
        "leave = os._exit\n"
        "def report(code):\n"
        "    print(*sorted(sys.modules), file=sys.stderr)\n"
        "    leave(code)\n"
        "os._exit = report\n"
        "sys.argv = ['claimcheck', *sys.argv[1:]]\n"
        "runpy.run_module('claimcheck', run_name='__main__')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", report_modules, "check", str(REPO / "corpus"), "--format", fmt, "--no-cache"],
        capture_output=True, text=True,
    )
    assert out.returncode == 0, out.stderr
    imported = set(out.stderr.splitlines()[-1].split())
    assert "claimcheck.cli" in imported
    assert not {name for name in imported if name.split(".")[0] in ("duckdb", "sqlglot", "pyarrow", "pyspark")}


# --- learned trust ---------------------------------------------------------------------------


def trust_of_both(folder: Path):
    from claimcheck.tabular import EngineOptions, analyze as on_tables, close_all

    with in_folder(folder):
        memory = analyze([Path("y")], select=set(), method="trust")
        tables = on_tables([Path("y")], EngineOptions("duckdb"), Limits(), select=set(), method="trust")
        close_all()
    return memory, tables


def assert_same_trust(memory, tables) -> None:
    """The same figures to 1e-9 (sums run in another order), the same leanings and ids."""
    assert memory.trust.iterations == tables.trust.iterations
    assert memory.trust.converged == tables.trust.converged
    for source, trust in memory.trust.trust.items():
        assert abs(trust - tables.trust.trust[source]) < 1e-9, source
    assert [c.id for c in memory.conflicts] == [c.id for c in tables.conflicts]
    for conflict in memory.conflicts:
        mine, theirs = memory.assessments[conflict.id], tables.assessments[conflict.id]
        assert mine.scores.keys() == theirs.scores.keys(), conflict.id
        for label, score in mine.scores.items():
            assert abs(score - theirs.scores[label]) < 1e-9, (conflict.id, label)
        assert abs(mine.margin - theirs.margin) < 1e-9 and mine.leaning == theirs.leaning, conflict.id
        assert mine.value == theirs.value and mine.trust.keys() == theirs.trust.keys(), conflict.id


@pytest.mark.slow
def test_learned_trust_on_duckdb_is_the_memory_engines(tmp_path):
    write_yaml(tmp_path / "y", merged(drawn(300)))
    assert_same_trust(*trust_of_both(tmp_path))


@pytest.mark.slow
def test_learned_trust_on_duckdb_on_a_bench_corpus(tmp_path):
    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate

    generate(tmp_path / "y", 2000, seed=3)
    memory, tables = trust_of_both(tmp_path)
    assert memory.trust.converged and memory.conflicts
    assert_same_trust(memory, tables)


def test_every_command_reads_a_table_corpus(tables):
    """show, the views, graph and report read a table corpus through the model."""
    for args in (["show", "contradiction:venezuela-negotiating-with-us"], ["sources"], ["timeline"],
                 ["graph", "--format", "json"], ["report", "--output", "-"]):
        result = run(*args, str(tables))
        assert result.exit_code == 0, (args, result.stderr)
        assert result.stdout


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_helper_process_renders_the_later_conflicts_alike(tables, monkeypatch, fmt):
    """On DuckDB a second process finishes and renders the later conflicts: the output is
    what one process writes."""
    from claimcheck import tabular

    alone = run("check", str(tables), "--format", fmt, "--select", "S")
    monkeypatch.setattr(tabular, "HELP_FROM", 1)
    helped = run("check", str(tables), "--format", fmt, "--select", "S")
    assert helped.exit_code == alone.exit_code
    assert helped.stdout == alone.stdout and len(json.loads(alone.stdout)["conflicts"] if fmt == "json" else alone.stdout.splitlines()) >= 4
    assert helped.stderr.splitlines()[-1] == alone.stderr.splitlines()[-1]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_helper_that_fails_leaves_its_conflicts_to_this_process(tables, monkeypatch, fmt):
    """A helper killed (out of memory, a signal) costs time, not conflicts: this process
    renders what it would have."""
    import subprocess

    from claimcheck import tabular

    alone = run("check", str(tables), "--format", fmt, "--select", "S")
    monkeypatch.setattr(tabular, "HELP_FROM", 1)
    real_popen = subprocess.Popen
    monkeypatch.setattr(subprocess, "Popen", lambda args, **kw: real_popen([sys.executable, "-c", "raise SystemExit(9)"]))
    helped = run("check", str(tables), "--format", fmt, "--select", "S")
    assert helped.exit_code == alone.exit_code and helped.stdout == alone.stdout


def test_a_temporary_folder_with_a_quote_in_its_name(tables, monkeypatch, tmp_path):
    """The helper's files are named in SQL: a quote in TMPDIR is text, not the end of it."""
    import tempfile

    from claimcheck import tabular

    alone = run("check", str(tables), "--format", "json", "--select", "S")
    quoted = tmp_path / "it's here"
    quoted.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(quoted))
    monkeypatch.setattr(tabular, "HELP_FROM", 1)
    helped = run("check", str(tables), "--format", "json", "--select", "S")
    assert helped.exit_code == alone.exit_code and helped.stdout == alone.stdout
    tabular.close_all()  # as the process does when it leaves
    assert not any(quoted.iterdir())  # nothing left there


# --- where reports are written ----------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["check", "--format", "json", "--output", "claims.parquet"],
    ["check", "--format", "sarif", "--output", "claims.parquet"],
    ["check", "--format", "jsonl", "--output", "report.jsonl"],
    ["check", "--write-baseline", "baseline.json"],
    ["report", "--output", "sources.parquet"],
    ["conflicts", "--format", "json", "--output", "assertions.parquet/part-0.parquet"],
])
def test_no_report_is_written_into_the_table_corpus_being_read(tables, args):
    if "assertions.parquet/" in args[-1]:  # a table as a folder of parts, as Spark writes it
        (tables / "assertions.parquet").rename(tables / "part-0.parquet")
        (tables / "assertions.parquet").mkdir()
        (tables / "part-0.parquet").rename(tables / "assertions.parquet" / "part-0.parquet")
    before = {p.relative_to(tables): p.read_bytes() for p in tables.rglob("*") if p.is_file()}
    *command, option, name = args
    result = run(command[0], str(tables), *command[1:], option, str(tables / name))
    assert result.exit_code == 2, result.output
    assert "inside the table corpus being read" in result.stderr
    assert {p.relative_to(tables): p.read_bytes() for p in tables.rglob("*") if p.is_file()} == before


def test_a_streamed_report_writes_into_a_named_pipe(tables, tmp_path):
    """json on DuckDB is written as it comes: into a pipe (or /dev/null), never over it."""
    import os
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("check", str(tables), "--format", "json", "--select", "S", "--output", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code in (0, 1), result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received and json.loads(received[0])["conflicts"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe", "tables"]  # no temporary file left


def test_a_streamed_report_writes_through_a_symlink_with_the_files_mode(tables, tmp_path):
    import os

    real = tmp_path / "real.jsonl"
    real.write_text("old")
    real.chmod(0o644)
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    result = run("check", str(tables), "--format", "jsonl", "--select", "S", "--output", str(link))
    assert result.exit_code in (0, 1), result.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text().startswith('{"type": "conflict"')
    assert real.stat().st_mode & 0o777 == 0o644
    fresh = tmp_path / "fresh.json"
    assert run("check", str(tables), "--format", "json", "--select", "S", "--output", str(fresh)).exit_code in (0, 1)
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask  # as open() makes it, not mkstemp's 0600


# --- tables and YAML in one folder ---------------------------------------------------------------


@pytest.mark.parametrize("args", [["check", "--format", "concise"], ["check", "--format", "json"], ["sources"],
                                  ["conflicts", "--engine", "duckdb", "--format", "jsonl"]])
def test_yaml_beside_tables_is_a_usage_error_not_skipped(tables, tmp_path, args):
    """A YAML corpus with one stray table in it once read as tables alone, every YAML
    file skipped unsaid."""
    import shutil

    yaml = tmp_path / "yaml"
    shutil.copytree(REPO / "corpus", yaml)
    shutil.copy(tables / "rules.parquet", yaml / "rules.parquet")
    result = run(args[0], str(yaml), *args[1:])
    assert result.exit_code == 2, result.output
    assert "holds tables (rules.parquet) and YAML corpus files" in result.stderr
    assert "tables and YAML are read separately" in result.stderr and ".yaml'" in result.stderr
    assert result.stdout == ""


def test_yaml_below_a_table_corpus_is_named(tables):
    (tables / "notes").mkdir()
    (tables / "notes" / "extra.yml").write_text("sources: []\n", encoding="utf-8")
    (tables / ".claimcheck.yaml").write_text("format: concise\n", encoding="utf-8")  # hidden: discovery skips it
    result = run("check", str(tables))
    assert result.exit_code == 2
    assert f"'{tables / 'notes' / 'extra.yml'}'" in result.stderr
    (tables / "notes" / "extra.yml").unlink()
    assert run("check", str(tables), "--select", "S").exit_code in (0, 1)


def test_export_of_tables_with_yaml_is_a_usage_error(tables, tmp_path):
    result = run("export", "parquet", str(tables), str(REPO / "corpus"), "--out", str(tmp_path / "again"))
    assert result.exit_code == 2, result.output
    assert "only PATH" in result.stderr and "internal error" not in result.stderr
    assert not (tmp_path / "again").exists()


# --- --memory-limit ------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["check", str(REPO / "corpus"), "--engine", "duckdb", "--format", "json"],
    ["check", str(REPO / "corpus"), "--engine", "duckdb", "--format", "concise"],
    ["conflicts", str(REPO / "corpus"), "--engine", "duckdb"],
    ["export", "parquet", str(REPO / "corpus"), "--out", "{out}"],
])
@pytest.mark.parametrize("size", ["garbage", "150%", "100"])
def test_a_memory_limit_duckdb_cannot_read_is_a_usage_error(tmp_path, monkeypatch, args, size):
    import tempfile

    spill = tmp_path / "tmp"
    spill.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spill))
    result = run(*[a.replace("{out}", str(tmp_path / "out")) for a in args], "--memory-limit", size)
    assert result.exit_code == 2, result.output
    assert f"--memory-limit '{size}' is not a size DuckDB reads" in result.stderr
    assert "internal error" not in result.stderr
    assert list(spill.iterdir()) == [] and not (tmp_path / "out").exists()


def test_the_sizes_duckdb_reads_are_taken(tables):
    for size in ("500MB", "1.5GiB", "80%", "1 GB"):
        result = run("check", str(tables), "--select", "S", "--format", "concise", "--memory-limit", size)
        assert result.exit_code in (0, 1), (size, result.stderr)


def test_an_export_whose_duckdb_will_not_start_leaves_no_folder(tmp_path, monkeypatch):
    import tempfile

    from claimcheck.export import ExportError, _Tables

    spill = tmp_path / "tmp"
    spill.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spill))
    with pytest.raises(ExportError, match="DuckDB: .*Memory must have a number"):
        _Tables(tmp_path / "out", "garbage")
    assert list(spill.iterdir()) == []


@pytest.mark.parametrize("args", [
    ["check", "{tables}", "--format", "json", "--output", "{tmp}/out.json"],
    ["check", "{tables}", "--format", "concise"],
    ["check", str(REPO / "corpus"), "--engine", "duckdb", "--format", "jsonl"],
    ["export", "parquet", str(REPO / "corpus"), "--out", "{tmp}/again"],
])
def test_too_small_a_memory_limit_says_so(tables, tmp_path, args):
    """DuckDB out of memory under --memory-limit is the user's setting, not a bug."""
    result = run(*[a.format(tables=tables, tmp=tmp_path) for a in args], "--memory-limit", "2MB")
    assert result.exit_code == 2, result.output
    assert "DuckDB ran out of memory under --memory-limit 2MB; raise it or leave it unset" in result.stderr
    assert "internal error" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tables"]  # no report, no tables, no temporary file


@pytest.mark.parametrize("fmt", ["json", "concise"])
def test_spark_missing_is_said_before_any_work(monkeypatch, fmt):
    """A YAML corpus was turned into tables whole before the missing PySpark was noticed."""
    from claimcheck import export, sessions

    exported = []
    monkeypatch.setattr(sessions, "spark_available", lambda: False)
    monkeypatch.setattr(export, "export_parquet", lambda *args, **kwargs: exported.append(args))
    result = run("check", str(REPO / "corpus"), "--engine", "spark", "--format", fmt)
    assert result.exit_code == 2
    assert sessions.SPARK_MISSING in result.stderr
    assert exported == []


@pytest.mark.parametrize("fmt", ["json", "concise"])
def test_an_empty_yaml_folder_on_duckdb_has_no_files(tmp_path, fmt):
    (tmp_path / "empty").mkdir()
    result = run("check", str(tmp_path / "empty"), "--engine", "duckdb", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "0 conflicts in 0 claims from 0 sources, 0 files" in result.stderr
    assert "no corpus files (*.yaml, *.yml) found" in result.stderr
    if fmt == "json":
        assert json.loads(result.stdout)["summary"]["files"] == 0
