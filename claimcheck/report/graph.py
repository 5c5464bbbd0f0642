"""The evidence graph as text for other tools: DOT (Graphviz), a Mermaid flowchart, JSON.

Each renderer is a pure `render(graph) -> str` of a `claimcheck.graph.Graph`. Corpus text
is untrusted, so every label is escaped for its format: DOT quoted strings escape `\\` and
`"`; Mermaid labels are quoted with every character that means something to Mermaid or
to HTML written as an entity code (`#quot;`, `#lt;`, `#35;`); node ids are derived from
the corpus ids (slugs) so that they are stable across runs and safe in each format.
"""

from __future__ import annotations

import re

from .. import __version__, jsontext
from ..graph import Edge, Graph, Node
from .escape import printable

STANCE_COLOR = {"affirms": "#1a7f37", "denies": "#cf222e", "doubts": "#9a6700"}
VIA_COLOR = "#8250df"
RULE_COLOR = {"implies": "#24292f", "equivalent": "#0969da", "exclusive": "#bc4c00"}
SOURCE_FILL = "#ddf4ff"
CLAIM_FILL = "#ffffff"
CONFLICT_COLOR = "#cf222e"


def plain(text: str) -> str:
    """One line: runs of white space (line breaks too) become single spaces, and the other
    control characters, bidirectional overrides among them, show as escapes (`\\u202e`)."""
    return printable(" ".join(str(text).split()))


def wrap(text: str, width: int = 34, lines: int = 3) -> list[str]:
    """At most `lines` lines of about `width` characters, the last cut with an ellipsis."""
    words, out, line = plain(text).split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1] + "…"
    return [o if len(o) <= width + 12 else o[: width + 11] + "…" for o in out]


def _cut(text: str, limit: int) -> str:
    text = plain(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def node_caption(node: Node) -> list[str]:
    if node.kind == "source":
        return [*wrap(node.label, 28, 2), f"[{node.reliability}] {node.source_kind}"]
    return wrap(node.label)


# --- DOT ---------------------------------------------------------------------------------


def dot_string(text: str) -> str:
    """A DOT quoted string: only `"` and `\\` need escaping; `\\` escaped also keeps
    Graphviz's own escapes (`\\N`, `\\G`) from being read in corpus text."""
    return '"' + plain(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot_label(lines: list[str]) -> str:
    return '"' + "\\n".join(plain(line).replace("\\", "\\\\").replace('"', '\\"') for line in lines) + '"'


def _dot_attrs(attrs: dict) -> str:
    return "[" + ", ".join(f"{k}={v}" for k, v in attrs.items()) + "]"


def render_dot(graph: Graph) -> str:
    lines = [
        "// claimcheck evidence graph: sources -> claims (stances), informant -> reporter (via),",
        "// rules between claims. `dot -Tsvg` lays it out itself; `neato -n -Tsvg` keeps",
        "// claimcheck's own layout (pos, in points).",
        "digraph claimcheck {",
        '  graph [rankdir=LR, fontname="Helvetica", nodesep=0.15, ranksep=1.1];',
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10, color="#6e7781"];',
        '  edge [fontname="Helvetica", fontsize=8];',
    ]
    columns: dict[int, list[str]] = {}
    for node in graph.nodes:
        columns.setdefault(node.column, []).append(node.id)
    for column in sorted(columns):
        lines.append("  { rank=same; " + " ".join(dot_string(n) + ";" for n in columns[column]) + " }")
    for node in graph.nodes:
        cx, cy = node.center
        attrs = {
            "label": dot_label(node_caption(node)),
            "tooltip": dot_string(node.label if node.kind == "claim" else f"{node.label} ({node.ref})"),
            "fillcolor": dot_string(SOURCE_FILL if node.kind == "source" else CLAIM_FILL),
            "pos": dot_string(f"{cx:g},{graph.height - cy:g}!"),
        }
        if node.kind == "claim" and node.conflicts:
            attrs.update(color=dot_string(CONFLICT_COLOR), penwidth="2")
        lines.append(f"  {dot_string(node.id)} {_dot_attrs(attrs)};")
    for edge in graph.edges:
        attrs = {"id": dot_string(edge.id), "label": dot_string(_edge_label(edge)), "color": dot_string(_edge_color(edge))}
        if edge.kind == "via":
            attrs["style"] = "dotted"
        elif edge.kind == "implies":
            attrs["penwidth"] = "1.5"
        elif edge.kind == "equivalent":
            attrs["dir"] = "both"
        elif edge.kind == "exclusive":
            attrs.update(dir="none", style="dashed")
        if edge.conflicts:
            attrs["penwidth"] = "2.5"
        lines.append(f"  {dot_string(edge.tail)} -> {dot_string(edge.head)} {_dot_attrs(attrs)};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _edge_label(edge: Edge) -> str:
    if edge.kind == "stance":
        return edge.label + (" ⚑" if edge.self_interested else "")
    if edge.kind == "via":
        return "via"
    return f"{edge.kind}: {edge.label}" if edge.kind != "implies" else edge.label


def _edge_color(edge: Edge) -> str:
    if edge.kind == "stance":
        return STANCE_COLOR[edge.stance]
    if edge.kind == "via":
        return VIA_COLOR
    return RULE_COLOR[edge.kind]


# --- Mermaid -----------------------------------------------------------------------------

_MERMAID_SAFE = re.compile(r"[ .,:!?'()\[\]/+=_-]")
_MERMAID_NAMED = {'"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;"}
_ID_CODES = {"-": "_", "_": "U", ".": "D"}


def mermaid_text(text: str) -> str:
    """Text for inside a quoted Mermaid label: letters, digits and plain punctuation as
    they are; everything else (quotes, `#`, `|`, `<`, `&`, backticks, …) as an entity code."""
    return "".join(
        c if c.isalnum() or _MERMAID_SAFE.fullmatch(c) else _MERMAID_NAMED.get(c, f"#{ord(c)};")
        for c in plain(text)
    )


def mermaid_id(node_id: str) -> str:
    """`source:el-pais` -> `s_el_pais`. Slugs are lower-case, so upper-case letters can
    spell the other characters and the mapping stays one-to-one."""
    kind, _, ref = node_id.partition(":")
    body = "".join(
        c if (c.isascii() and c.isalnum() and not c.isupper()) else _ID_CODES.get(c, f"X{ord(c):x}Y")
        for c in ref
    )
    return f"{kind[0]}_{body}"


def render_mermaid(graph: Graph) -> str:
    lines = ["%% claimcheck evidence graph: sources -> claims (stances), informant -> reporter (via), rules between claims", "flowchart LR"]
    for node in graph.nodes:  # Mermaid wraps labels itself
        if node.kind == "source":
            shape = f'["{mermaid_text(node.label)} [{node.reliability}]"]'
        else:
            shape = f'("{mermaid_text(_cut(node.label, 120))}")'
        lines.append(f"  {mermaid_id(node.id)}{shape}")
    styles: dict[str, list[int]] = {}
    for index, edge in enumerate(graph.edges):
        arrow = {"stance": "-->", "via": "-.->", "implies": "==>", "equivalent": "<-->", "exclusive": "-.-"}[edge.kind]
        label = mermaid_text(_edge_label(edge))
        lines.append(f'  {mermaid_id(edge.tail)} {arrow}|"{label}"| {mermaid_id(edge.head)}')
        style = f"stroke:{_edge_color(edge)}"
        if edge.kind == "exclusive":
            style += ",stroke-dasharray:6 4"
        if edge.conflicts:
            style += ",stroke-width:3px"
        styles.setdefault(style, []).append(index)
    for style, indexes in sorted(styles.items()):
        lines.append(f"  linkStyle {','.join(map(str, indexes))} {style}")
    lines.append(f"  classDef source fill:{SOURCE_FILL},stroke:#6e7781")
    lines.append(f"  classDef claim fill:{CLAIM_FILL},stroke:#6e7781")
    lines.append(f"  classDef conflicted fill:#fff5f5,stroke:{CONFLICT_COLOR},stroke-width:3px")
    for cls, members in (
        ("source", [n for n in graph.nodes if n.kind == "source"]),
        ("claim", [n for n in graph.nodes if n.kind == "claim" and not n.conflicts]),
        ("conflicted", [n for n in graph.nodes if n.kind == "claim" and n.conflicts]),
    ):
        if members:
            lines.append(f"  class {','.join(mermaid_id(n.id) for n in members)} {cls}")
    return "\n".join(lines) + "\n"


# --- JSON --------------------------------------------------------------------------------


def render_graph_json(graph: Graph) -> str:
    document = {
        "schema_version": 1,
        "tool": {"name": "claimcheck", "version": __version__},
        **graph.as_json(),
    }
    return jsontext.dumps(document)


RENDERERS = {"dot": render_dot, "mermaid": render_mermaid, "json": render_graph_json}
