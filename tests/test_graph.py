"""The evidence graph (claimcheck.graph) and its text formats: DOT, Mermaid, JSON."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from claimcheck.analysis import analyze
from claimcheck.cli import app
from claimcheck.graph import NODE_HEIGHT, ROW_GAP, _crossings, _longest_path_levels, build_graph
from claimcheck.report.graph import mermaid_id, mermaid_text, render_dot, render_graph_json, render_mermaid

from helpers import REPO, write_corpus

ENV = {"NO_COLOR": "1", "COLUMNS": "100", "GITHUB_ACTIONS": None, "FORCE_COLOR": None}

HOSTILE = r'''
sources:
  - {id: a, name: "Quote \" back\\slash \\N <b>bold</b> # | ` end", kind: newspaper}
  - {id: b, name: "<script>alert(1)</script>", represents: [x]}
entities:
  - {id: x, name: X}
claims:
  - id: end
    text: "Line one\nline two with \"quotes\", <script>alert('x')</script> & #35; %% |pipe|"
    subject: x
    assertions:
      - {source: a, stance: affirms, date: 2025-10-12}
      - {source: b, stance: denies, date: 2025-10-13}
  - id: a--b
    text: dashes
    assertions:
      - {source: a, stance: affirms}
  - id: a-_b
    text: dash underscore
    assertions:
      - {source: b, stance: doubts}
rules:
  - {id: r.1, kind: implies, if: a--b, then: end}
  - {id: r_2, kind: exclusive, claims: [a--b, a-_b]}
'''


@pytest.fixture(scope="module")
def seed():
    return analyze([REPO / "corpus"])


@pytest.fixture(scope="module")
def seed_graph(seed):
    return build_graph(seed)


def hostile_graph(tmp_path):
    root = write_corpus(tmp_path / "hostile", HOSTILE)
    result = analyze([root])
    assert not [f for f in result.findings if f.severity == "error"], result.findings
    return build_graph(result)


# --- the graph of the seed corpus ---------------------------------------------------------


def test_seed_graph_has_every_source_and_claim(seed, seed_graph):
    ids = [n.id for n in seed_graph.nodes]
    assert len(ids) == len(set(ids))
    assert set(ids) == {f"source:{s}" for s in seed.corpus.sources} | {f"claim:{c}" for c in seed.corpus.claims}
    assert len(ids) == 12 + 21


def test_seed_graph_edges(seed_graph):
    by_kind: dict[str, list] = {}
    for edge in seed_graph.edges:
        by_kind.setdefault(edge.kind, []).append(edge)
    assert len(by_kind["stance"]) == 24  # one per assertion
    assert {(e.tail, e.head) for e in by_kind["via"]} == {
        ("source:sources-close-to-government", "source:caracas-consulting"),
        ("source:caracas-consulting", "source:el-toque"),
    }
    assert {(e.rule, e.tail, e.head) for e in by_kind["implies"]} == {
        ("exit-request-is-negotiating", "claim:maduro-asked-us-to-negotiate-exit", "claim:venezuela-negotiating-with-us"),
        ("oil-offer-is-negotiating", "claim:maduro-offered-oil-to-stay", "claim:venezuela-negotiating-with-us"),
        ("exit-request-means-chavismo-exit", "claim:maduro-asked-us-to-negotiate-exit", "claim:chavismo-considering-negotiated-exit"),
    }
    [exclusive] = by_kind["exclusive"]
    assert (exclusive.rule, exclusive.severity) == ("withdraw-or-stay", "warning")
    denial = next(e for e in by_kind["stance"] if e.id == "assertion:venezuela-negotiating-with-us/0")
    assert (denial.stance, denial.self_interested, denial.tail) == ("denies", True, "source:venezuelan-government")
    doubt = next(e for e in by_kind["stance"] if e.id == "assertion:maduro-met-cuban-advisers/1")
    assert doubt.stance == "doubts"
    edge_nodes = {n for e in seed_graph.edges for n in (e.tail, e.head)}
    assert edge_nodes <= {n.id for n in seed_graph.nodes}


def test_seed_graph_knows_which_conflicts_each_part_takes_part_in(seed, seed_graph):
    node = {n.id: n for n in seed_graph.nodes}
    edge = {e.id: e for e in seed_graph.edges}
    meeting = "contradiction:maduro-met-cuban-advisers"
    # the meeting story travelled sources-close -> caracas-consulting -> el-toque
    for source in ("sources-close-to-government", "caracas-consulting", "el-toque", "article-author"):
        assert meeting in node[f"source:{source}"].conflicts
    assert meeting in edge["via:caracas-consulting/el-toque"].conflicts
    assert meeting in edge["via:sources-close-to-government/caracas-consulting"].conflicts
    # support travelled along the rules to the denied claim
    talks = "contradiction:venezuela-negotiating-with-us"
    assert talks in edge["rule:exit-request-is-negotiating/maduro-asked-us-to-negotiate-exit/venezuela-negotiating-with-us"].conflicts
    assert talks in edge["rule:oil-offer-is-negotiating/maduro-offered-oil-to-stay/venezuela-negotiating-with-us"].conflicts
    assert edge["rule:withdraw-or-stay/maduro-asked-us-to-negotiate-exit/maduro-offered-oil-to-stay"].conflicts == ("exclusive:withdraw-or-stay",)
    assert node["claim:cuba-will-not-go-to-war-with-us"].conflicts == ()
    every = {c.id for c in seed.conflicts}
    assert every == {cid for n in seed_graph.nodes for cid in n.conflicts}


def test_seed_layout_columns_and_spacing(seed_graph):
    node = {n.id: n for n in seed_graph.nodes}
    # relays stand left of those they relay to; claims right of the sources; rule depth
    assert node["source:sources-close-to-government"].column == 0
    assert node["source:caracas-consulting"].column == 1
    assert {node[f"source:{s}"].column for s in ("el-toque", "el-pais", "new-york-times")} == {2}
    assert node["claim:maduro-asked-us-to-negotiate-exit"].column == 3
    assert node["claim:venezuela-negotiating-with-us"].column == 4
    assert node["claim:chavismo-considering-negotiated-exit"].column == 4
    for column in {n.column for n in seed_graph.nodes}:
        ys = sorted(n.y for n in seed_graph.nodes if n.column == column)
        assert all(b - a >= NODE_HEIGHT + ROW_GAP - 1 for a, b in zip(ys, ys[1:])), column
        xs = {n.x for n in seed_graph.nodes if n.column == column}
        assert len(xs) == 1
    for n in seed_graph.nodes:
        assert 0 <= n.x and n.x + n.width <= seed_graph.width
        assert 0 <= n.y and n.y + n.height <= seed_graph.height


def test_layout_cuts_crossings(seed_graph):
    """The barycenter sweeps keep the order with fewest crossings: far fewer than in id order."""
    by_column: dict[int, list] = {}
    for n in seed_graph.nodes:
        by_column.setdefault(n.column, []).append(n)
    laid_out = [[n.id for n in sorted(c, key=lambda n: n.y)] for _, c in sorted(by_column.items())]
    by_id = [[n.id for n in sorted(c, key=lambda n: n.id)] for _, c in sorted(by_column.items())]
    column = {n.id: n.column for n in seed_graph.nodes}
    linked = [(e.tail, e.head) for e in seed_graph.edges if column[e.tail] != column[e.head]]
    assert _crossings(by_id, linked) > 50
    assert _crossings(laid_out, linked) <= 8  # 6 today; a guard against a worse layout


def test_crossings_counts_inversions():
    columns = [["a", "b"], ["x", "y"]]
    assert _crossings(columns, [("a", "x"), ("b", "y")]) == 0
    assert _crossings(columns, [("a", "y"), ("b", "x")]) == 1
    assert _crossings(columns, [("a", "x"), ("a", "y"), ("b", "x")]) == 1


def test_cycles_are_broken():
    levels = _longest_path_levels(["a", "b", "c"], {"a": ["b"], "b": ["c"], "c": ["a"]})
    assert sorted(levels.values()) == [0, 1, 2]


def test_cycles_in_rules_and_via_still_lay_out(tmp_path):
    root = write_corpus(tmp_path / "c", """
        sources:
          - {id: a, name: A}
          - {id: b, name: B}
        claims:
          - id: p
            text: P
            assertions:
              - {source: a, stance: affirms, via: [b]}
          - id: q
            text: Q
            assertions:
              - {source: b, stance: denies, via: [a]}
        rules:
          - {id: p-q, kind: implies, if: p, then: q}
          - {id: q-p, kind: implies, if: q, then: p}
    """)
    graph = build_graph(analyze([root]))
    assert {n.id for n in graph.nodes} == {"source:a", "source:b", "claim:p", "claim:q"}
    assert {e.id for e in graph.edges if e.kind == "via"} == {"via:a/b", "via:b/a"}
    assert all(n.x >= 0 and n.y >= 0 for n in graph.nodes)


def test_empty_and_uncontested_corpora(tmp_path):
    empty = build_graph(analyze([write_corpus(tmp_path / "empty", "claims: []\n")]))
    assert empty.nodes == () and empty.edges == () and empty.width > 0
    calm = analyze([write_corpus(tmp_path / "calm", """
        claims:
          - {id: p, text: P, assertions: []}
    """)])
    assert [n.id for n in build_graph(calm).nodes] == ["claim:p"]
    assert build_graph(calm).nodes[0].x == 20  # no empty source column before it
    assert build_graph(calm, only_conflicts=True).nodes == ()


def test_a_long_equivalent_rule_is_drawn_as_a_chain(tmp_path):
    members = [f"m{i}" for i in range(8)]
    claims = "\n".join(f"  - {{id: {m}, text: {m.upper()}, assertions: []}}" for m in members)
    root = write_corpus(tmp_path / "chain", f"""
sources:
  - {{id: a, name: A}}
  - {{id: b, name: B}}
claims:
{claims}
  - id: start
    text: Start
    assertions:
      - {{source: a, stance: affirms}}
  - id: end
    text: End
    assertions:
      - {{source: b, stance: denies}}
rules:
  - {{id: same, kind: equivalent, claims: [{", ".join(members)}]}}
  - {{id: in, kind: implies, if: start, then: m0}}
  - {{id: out, kind: implies, if: m7, then: end}}
""")
    result = analyze([root])
    assert not [f for f in result.findings if f.severity == "error"], result.findings
    graph = build_graph(result)
    assert sum(e.rule == "same" for e in graph.edges) == len(members) - 1
    lit = {e.id for e in graph.edges if "contradiction:end" in e.conflicts}
    assert {f"rule:same/m{i}/m{i + 1}" for i in range(7)} <= lit
    contested = build_graph(result, only_conflicts=True)  # every end of a lit edge is kept
    assert {f"claim:{m}" for m in members} <= {n.id for n in contested.nodes}


def test_same_corpus_same_graph_whatever_the_order_of_files(tmp_path, seed_graph):
    files = sorted((REPO / "corpus").glob("*.yaml"))
    forward = build_graph(analyze(files))
    backward = build_graph(analyze(list(reversed(files))))
    assert render_graph_json(forward) == render_graph_json(backward)
    assert render_dot(forward) == render_dot(backward)
    assert render_mermaid(build_graph(analyze([REPO / "corpus"]))) == render_mermaid(seed_graph)


def test_only_conflicts_keeps_the_contested_part(seed):
    graph = build_graph(seed, only_conflicts=True)
    assert graph.nodes and all(n.conflicts for n in graph.nodes)
    assert graph.edges and all(e.conflicts for e in graph.edges)
    assert {end for e in graph.edges for end in (e.tail, e.head)} <= {n.id for n in graph.nodes}
    assert "claim:cuba-will-not-go-to-war-with-us" not in {n.id for n in graph.nodes}


# --- DOT ---------------------------------------------------------------------------------

_DOT_STRING = r'"(?:[^"\\]|\\.)*"'
_DOT_STATEMENT = re.compile(rf"^  ({_DOT_STRING})( -> {_DOT_STRING})? \[[a-z]+=(?:{_DOT_STRING}|[\w.]+)(?:, [a-z]+=(?:{_DOT_STRING}|[\w.]+))*\];$")


def check_dot(text: str) -> None:
    """A simple parse: the header, one statement per line, quoted strings closed."""
    lines = text.splitlines()
    body = [line for line in lines if not line.startswith("//")]
    assert body[0] == "digraph claimcheck {" and body[-1] == "}"
    for line in body[1:-1]:
        if line.startswith(("  graph [", "  node [", "  edge [")):
            continue
        if line.startswith("  { rank=same; "):
            assert re.fullmatch(rf"  \{{ rank=same; (?:{_DOT_STRING}; )+\}}", line), line
            continue
        assert _DOT_STATEMENT.match(line), line


def test_dot_of_the_seed_corpus_parses(seed_graph):
    text = render_dot(seed_graph)
    check_dot(text)
    assert '"source:el-pais" -> "claim:chavismo-considering-negotiated-exit"' in text
    assert sum(" -> " in line for line in text.splitlines() if not line.startswith("//")) == len(seed_graph.edges)


def test_dot_escapes_hostile_labels(tmp_path):
    text = render_dot(hostile_graph(tmp_path))
    check_dot(text)
    assert r'Quote \" back\\slash \\N <b>bold</b>' in text  # \N would be the node's name to Graphviz
    assert "Line one line two" in text  # no raw line break inside a string


def test_bidi_overrides_and_control_characters_show_as_escapes(tmp_path):
    # a right-to-left override would make a viewer show the label in another order (Trojan Source)
    root = write_corpus(tmp_path / "bidi", (
        'sources:\n  - {id: a, name: "Evil \\u202Eelif\\u202C name"}\n'
        'claims:\n  - id: c\n    text: "One \\u2066two\\u2069 \\e[31mred\\nthree"\n'
        '    assertions: [{source: a, stance: affirms}]\n'
    ))
    graph = build_graph(analyze([root]))
    dot, mermaid = render_dot(graph), render_mermaid(graph)
    for text in (dot, mermaid):
        assert not re.search("[\x1b\u202a-\u202e\u2066-\u2069]", text)
        assert "#8238;" not in text  # not as an entity a viewer would turn back into U+202E
    assert r"Evil \\u202eelif\\u202c name" in dot and r"One \\u2066two\\u2069 \\e[31mred three" in dot
    assert "Evil #92;u202eelif#92;u202c name" in mermaid


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")
def test_graphviz_reads_the_dot(tmp_path, seed_graph):
    for graph in (seed_graph, hostile_graph(tmp_path)):
        done = subprocess.run(["dot", "-Tsvg"], input=render_dot(graph), capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert "<svg" in done.stdout


# --- Mermaid -----------------------------------------------------------------------------


def test_mermaid_ids_are_safe_and_one_to_one():
    slugs = ["a-b", "a_b", "a.b", "a--b", "a-_b", "a_-b", "end", "x1", "0-start"]
    ids = [mermaid_id(f"claim:{s}") for s in slugs]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[a-z]_[A-Za-z0-9_]+", i) for i in ids)
    assert mermaid_id("source:el-pais") == "s_el_pais"
    assert mermaid_id("claim:end") == "c_end"  # never the bare keyword


def test_mermaid_text_leaves_nothing_mermaid_or_html_would_read():
    text = mermaid_text('a "b" <script> & # | ` %% ; [x] (y)\nz')
    assert not re.search(r'["<>&|`%;\n]', text.replace("#quot;", "").replace("#lt;", "").replace("#gt;", "")
                         .replace("#amp;", "").replace("#35;", "").replace("#124;", "").replace("#96;", "")
                         .replace("#37;", "").replace("#59;", ""))
    assert "#quot;b#quot;" in text and "#lt;script#gt;" in text and "[x] (y) z" in text


def test_mermaid_of_the_seed_and_of_hostile_text(tmp_path, seed_graph):
    for graph in (seed_graph, hostile_graph(tmp_path)):
        text = render_mermaid(graph)
        lines = text.splitlines()
        assert lines[1] == "flowchart LR"
        ids = {mermaid_id(n.id) for n in graph.nodes}
        for line in lines[2:]:
            statement = line.strip()
            node = re.fullmatch(r'([A-Za-z0-9_]+)(?:\["[^"]*"\]|\("[^"]*"\))', statement)
            link = re.fullmatch(r'([A-Za-z0-9_]+) (-->|-\.->|==>|<-->|-\.-)\|"[^"|]*"\| ([A-Za-z0-9_]+)', statement)
            if node:
                assert node[1] in ids
            elif link:
                assert link[1] in ids and link[3] in ids
            else:
                assert re.fullmatch(r"(linkStyle [\d,]+ [\w:#,. -]+|classDef \w+ \S+|class [A-Za-z0-9_,]+ \w+)", statement), statement
            assert "<script" not in statement
        assert sum(1 for line in lines if "|" in line and "linkStyle" not in line) == len(graph.edges)


# --- JSON and the command ------------------------------------------------------------------


def test_graph_json(seed_graph):
    doc = json.loads(render_graph_json(seed_graph))
    assert doc["schema_version"] == 1
    ids = [n["id"] for n in doc["nodes"]]
    assert len(ids) == len(set(ids)) == len(seed_graph.nodes)
    assert {e["tail"] for e in doc["edges"]} | {e["head"] for e in doc["edges"]} <= set(ids)
    assert all(isinstance(n[k], int) for n in doc["nodes"] for k in ("x", "y", "width", "height"))
    el_pais = next(n for n in doc["nodes"] if n["id"] == "source:el-pais")
    assert el_pais["reliability"] == "F" and el_pais["source_kind"] == "newspaper"


@pytest.mark.parametrize("fmt", ["dot", "mermaid", "json"])
def test_graph_command(fmt, monkeypatch, tmp_path):
    monkeypatch.chdir(REPO)
    out = CliRunner().invoke(app, ["graph", "corpus", "--format", fmt], env=ENV)
    assert out.exit_code == 0, out.output
    expected = {"dot": render_dot, "mermaid": render_mermaid, "json": render_graph_json}[fmt](build_graph(analyze([REPO / "corpus"])))
    assert out.stdout == expected
    target = tmp_path / f"graph.{fmt}"
    out = CliRunner().invoke(app, ["graph", "corpus", "--format", fmt, "--output", str(target)], env=ENV)
    assert out.exit_code == 0 and target.read_text(encoding="utf-8") == expected
