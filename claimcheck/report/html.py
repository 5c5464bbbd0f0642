"""html: one self-contained page that pictures the evidence (`claimcheck report`).

Everything is inline: the style sheet, the script and the drawings (SVG), so the page
works offline, can be mailed or archived as one file, and prints (a print style sheet
drops the controls). It holds the summary counts, a card per conflict with what the
tables show, the evidence graph laid out by `claimcheck.graph`, and a timeline of the
dated assertions. The script only adds interaction: clicking a card highlights its part
of the graph and the timeline (and `#select=<conflict id>` does it on load), and the
filters narrow the cards by entity, tag, kind, severity and status.

Corpus text is untrusted: every piece of it goes through `html.escape`, and the data
block is JSON with `<`, `>` and `&` written as `\\u003c`-escapes so it cannot close its
`<script>` element. The page carries no date or random id: the same corpus gives the
same bytes.
"""

from __future__ import annotations

import json
from html import escape

from .. import __version__
from ..analysis import Result
from ..engine import KINDS
from ..graph import Graph, Node, build_graph
from ..model import SEVERITY_NAMES, SEVERITY_ORDER, SEVERITY_RANK
from ..plural import count, noun
from .data import document, json_value
from .escape import printable
from .graph import RULE_COLOR, STANCE_COLOR, VIA_COLOR, plain, wrap
from .words import AGAINST_INTEREST_MARK, INTEREST_LEGEND, SELF_SERVING_MARK, describe

SELF_INTERESTED = SELF_SERVING_MARK
SEVERITY_COLOR = {"error": "#cf222e", "warning": "#9a6700", "info": "#0969da"}
STATUSES = ("open", "acknowledged", "resolved")


def esc(value) -> str:
    """HTML-escaped, with control characters and bidirectional overrides shown as escapes
    (a page, too, can be made to show text in another order than it is written)."""
    return escape(printable(str(value), spaces=True), quote=True)


#: above this many sources and claims, the graph shows only what takes part in conflicts
GRAPH_LIMIT = 150


def render_html(result: Result) -> str:
    whole = len(result.corpus.sources) + len(result.corpus.claims)
    graph = build_graph(result, only_conflicts=whole > GRAPH_LIMIT)
    doc = document(result)
    conflicts = sorted(doc["conflicts"], key=lambda c: (-SEVERITY_RANK[c["severity"]], c["id"]))
    corpus = result.corpus
    facets = {c["id"]: _facets(c, corpus) for c in conflicts}
    parts = [
        _HEAD.format(title=esc(_title(doc)), version=esc(__version__), style=_STYLE),
        '<header class="top"><h1>claimcheck report</h1>',
        f'<p class="lede">{esc(_lede(doc))}</p></header>',
        _summary(doc),
        _filters(conflicts, facets, corpus),
        _graph_section(graph, corpus, result.conflicts, whole),
        _timeline_section(result, graph),
        _cards(conflicts, facets, corpus),
        _findings(doc),
        f'<footer>Made by claimcheck {esc(__version__)}. This page fetches nothing from the network; '
        "its data is in the <code>claimcheck-data</code> block (JSON).</footer>",
        '<script type="application/json" id="claimcheck-data">' + _json_for_script({"report": doc, "graph": graph.as_json()}) + "</script>",
        "<script>" + _SCRIPT + "</script>",
        "</body>\n</html>\n",
    ]
    return "\n".join(parts)


def _json_for_script(data) -> str:
    """JSON that cannot end its <script> element nor open a comment in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _title(doc: dict) -> str:
    n = doc["summary"]["conflicts"]
    return f"claimcheck report: {count(n, 'conflict')}"


def _lede(doc: dict) -> str:
    s = doc["summary"]
    open_ = s["open_conflicts"]
    detail = ", ".join(f"{n} {name}" for name, n in sorted(s["open_conflicts_by_severity"].items(), key=lambda kv: -SEVERITY_RANK[kv[0]]))
    line = count(s["conflicts"], "conflict")
    if open_:
        line += f" ({open_} open: {detail})"
    return (
        f"{line} among {count(s['claims'], 'claim')} and {count(s['assertions'], 'assertion')} from {count(s['sources'], 'source')}, "
        f"{count(s['rules'], 'rule')}, {count(s['files'], 'file')}; {count(s['findings'], 'finding')}."
    )


# --- summary and filters -------------------------------------------------------------------


def _summary(doc: dict) -> str:
    s = doc["summary"]

    def group(title: str, counts: dict, names, css: str) -> str:
        chips = "".join(
            f'<span class="chip {css}-{esc(name)}{"" if counts.get(name) else " zero"}"><b>{counts.get(name, 0)}</b> {esc(name)}</span>'
            for name in names
        )
        return f'<div class="group"><h2>{esc(title)}</h2>{chips}</div>'

    severities = SEVERITY_ORDER
    return (
        '<section class="summary" aria-label="Summary">'
        + group("Open conflicts by severity", s["open_conflicts_by_severity"], severities, "sev")
        + group("Conflicts by kind", s["conflicts_by_kind"], KINDS, "kind")
        + group("Conflicts by status", s["conflicts_by_status"], STATUSES, "status")
        + group("Findings", s["findings_by_severity"], severities, "sev")
        + "</section>"
    )


def _facets(conflict: dict, corpus) -> dict:
    """What the filters look at: the entities and tags of the conflict's claims."""
    entities, tags = set(), set()
    for claim_id in conflict["claims"]:
        claim = corpus.claims.get(claim_id)
        if claim is None:
            continue
        tags.update(claim.tags)
        for party in (claim.subject, claim.object):
            if isinstance(party, str) and party in corpus.entities:
                entities.add(party)
    if isinstance(conflict.get("subject"), str) and conflict["subject"] in corpus.entities:
        entities.add(conflict["subject"])
    return {"entities": sorted(entities), "tags": sorted(tags)}


def _filters(conflicts: list[dict], facets: dict, corpus) -> str:
    entities = sorted({e for f in facets.values() for e in f["entities"]})
    tags = sorted({t for f in facets.values() for t in f["tags"]})

    def select(name: str, label: str, options: list[tuple[str, str]]) -> str:
        items = '<option value="">any</option>' + "".join(f'<option value="{esc(v)}">{esc(t)}</option>' for v, t in options)
        return f'<label>{esc(label)} <select data-filter="{name}">{items}</select></label>'

    return (
        '<nav class="filters" aria-label="Filters">'
        + select("entity", "Entity", [(e, corpus.entities[e].name) for e in entities])
        + select("tag", "Tag", [(t, t) for t in tags])
        + select("kind", "Kind", [(k, k) for k in KINDS])
        + select("severity", "Severity", [(s, s) for s in SEVERITY_ORDER])
        + select("status", "Status", [(s, s) for s in STATUSES])
        + f'<span id="shown" class="muted">{len(conflicts)} of {count(len(conflicts), "conflict")} shown</span>'
        + '<button type="button" id="clear">Clear</button>'
        + "</nav>"
    )


# --- the graph -----------------------------------------------------------------------------


def _graph_section(graph: Graph, corpus, conflicts, whole: int) -> str:
    legend = (
        '<p class="legend">'
        f'<span><i class="ln" style="background:{STANCE_COLOR["affirms"]}"></i>affirms</span>'
        f'<span><i class="ln" style="background:{STANCE_COLOR["denies"]}"></i>denies</span>'
        f'<span><i class="ln" style="background:{STANCE_COLOR["doubts"]}"></i>doubts</span>'
        f'<span><i class="ln dotted" style="color:{VIA_COLOR}"></i>via (informant → reporter)</span>'
        f'<span><i class="ln" style="background:{RULE_COLOR["implies"]}"></i>implies</span>'
        f'<span><i class="ln" style="background:{RULE_COLOR["equivalent"]}"></i>equivalent</span>'
        f'<span><i class="ln dashed" style="color:{RULE_COLOR["exclusive"]}"></i>exclusive</span>'
        '<span><i class="box hot"></i>claim in an open conflict</span>'
        '<span><i class="box settled"></i>only in settled conflicts</span>'
        "</p>"
    )
    if len(graph.nodes) < whole:
        legend += (
            f'<p class="muted">The corpus has {whole} sources and claims; the graph shows the {len(graph.nodes)} '
            "that take part in conflicts (<code>claimcheck graph</code> prints the whole graph).</p>"
        )
    return (
        '<section id="evidence" class="panel"><div class="panel-head"><h2>Evidence graph</h2>'
        '<p id="selection" class="muted" aria-live="polite">Click a conflict card (or a claim) to highlight its sources, claims and links.</p></div>'
        + legend
        + '<div class="graph-wrap">'
        + render_graph_svg(graph, corpus, conflicts)
        + "</div></section>"
    )


def render_graph_svg(graph: Graph, corpus, conflicts=()) -> str:
    """The evidence graph as an SVG element, at the layout's coordinates; claims in open
    `conflicts` are outlined in the colour of the worst one's severity."""
    by_id = {n.id: n for n in graph.nodes}
    severity_of = _worst_open_severity(graph, conflicts)
    out = [
        f'<svg id="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {graph.width} {graph.height}" '
        f'width="{graph.width}" height="{graph.height}" role="img" aria-label="Evidence graph: sources, claims, stances and rules">',
        "<defs>",
    ]
    markers = {**{f"arrow-{k}": v for k, v in STANCE_COLOR.items()}, "arrow-via": VIA_COLOR,
               "arrow-implies": RULE_COLOR["implies"], "arrow-equivalent": RULE_COLOR["equivalent"]}
    for name, color in markers.items():
        out.append(
            f'<marker id="{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{color}"/></marker>'
        )
    out.append("</defs>")
    out.append('<g class="edges">')
    for edge in graph.edges:
        tail, head = by_id[edge.tail], by_id[edge.head]
        classes = ["edge", edge.kind]
        if edge.stance:
            classes.append(edge.stance)
        if edge.conflicts:
            classes.append("in-conflict")
        if edge.kind == "stance":
            marker = f' marker-end="url(#arrow-{edge.stance})"'
        elif edge.kind in ("via", "implies"):
            marker = f' marker-end="url(#arrow-{edge.kind})"'
        elif edge.kind == "equivalent":
            marker = ' marker-end="url(#arrow-equivalent)" marker-start="url(#arrow-equivalent)"'
        else:
            marker = ""
        path, middle = _edge_path(tail, head)
        title = _edge_title(edge, tail, head, corpus)
        out.append(f'<g class="{" ".join(classes)}" data-edge="{esc(edge.id)}"><title>{esc(title)}</title><path d="{path}"{marker}/>')
        if edge.rule:
            out.append(f'<text class="edge-label" x="{middle[0]:g}" y="{middle[1] - 4:g}">{esc(_cut(edge.rule, 30))}</text>')
        out.append("</g>")
    out.append("</g>")
    out.append('<g class="nodes">')
    for node in graph.nodes:
        classes = ["node", node.kind]
        severity = severity_of.get(node.id)
        if node.kind == "claim" and node.conflicts:
            classes.append(f"hot sev-{severity}" if severity else "settled")
        out.append(
            f'<g class="{" ".join(classes)}" data-node="{esc(node.id)}" transform="translate({node.x} {node.y})">'
            f"<title>{esc(_node_title(node, corpus))}</title>"
            f'<rect width="{node.width}" height="{node.height}" rx="6"/>'
        )
        for k, (line, css) in enumerate(_node_lines(node)):
            if css == "name":
                out.append(_source_name(node, line, 16 + 14 * k))
            else:
                out.append(f'<text class="{css}" x="8" y="{16 + 14 * k}">{esc(line)}</text>')
        out.append("</g>")
    out.append("</g></svg>")
    return "\n".join(out)


def _worst_open_severity(graph: Graph, conflicts) -> dict[str, str]:
    """node id -> the severity of its worst open conflict."""
    level = {c.id: c.severity for c in conflicts if c.status == "open"}
    out = {}
    for node in graph.nodes:
        levels = [level[cid] for cid in node.conflicts if cid in level]
        if levels:
            out[node.id] = SEVERITY_NAMES[max(levels)]
    return out


#: a source's name in its box: up to NAME_FITS characters as they are, up to NAME_SQUEEZED
#: squeezed to the box's width, longer ones cut, with the whole name as the text's tooltip
NAME_FITS = 23
NAME_SQUEEZED = 32


def _source_name(node: Node, name: str, y: int) -> str:
    if len(name) <= NAME_FITS:
        return f'<text class="name" x="8" y="{y}">{esc(name)}</text>'
    shown = name if len(name) <= NAME_SQUEEZED else name[: NAME_SQUEEZED - 1].rstrip() + "…"
    squeeze = f' textLength="{node.width - 16}" lengthAdjust="spacingAndGlyphs"'
    tip = f"<title>{esc(name)}</title>" if shown != name else ""
    return f'<text class="name" x="8" y="{y}"{squeeze}>{tip}{esc(shown)}</text>'


def _node_lines(node: Node) -> list[tuple[str, str]]:
    if node.kind == "source":
        return [(plain(node.label) if node.label.strip() else node.ref, "name"), (f"{node.reliability} · {node.source_kind}", "meta")]
    lines = wrap(node.label, 40, 2) or [node.ref]
    return [(line, "text") for line in lines]


def _node_title(node: Node, corpus) -> str:
    if node.kind == "source":
        source = corpus.sources[node.ref]
        extra = f"; speaks for {', '.join(source.represents)}" if source.represents else ""
        return f"{plain(node.label)} ({node.ref}): {node.source_kind}, reliability {node.reliability}{extra}"
    claim = corpus.claims[node.ref]
    tags = f" [{', '.join(claim.tags)}]" if claim.tags else ""
    conflicts = f"\nconflicts: {', '.join(node.conflicts)}" if node.conflicts else ""
    return f"{node.ref}: {plain(node.label)}{tags}{conflicts}"


def _edge_title(edge, tail: Node, head: Node, corpus) -> str:
    if edge.kind == "stance":
        claim_id = head.ref
        words = f"{plain(tail.label)} {edge.stance} {claim_id}"
        if edge.date:
            words += f" ({edge.date})"
        if edge.self_interested:
            words += f" {SELF_INTERESTED} self-interested"
        return words
    if edge.kind == "via":
        return f"{plain(head.label)} got it via {plain(tail.label)}"
    words = {"implies": "implies", "equivalent": "is equivalent to", "exclusive": "excludes"}[edge.kind]
    return f"rule {edge.rule} ({edge.severity}): {tail.ref} {words} {head.ref}"


def _edge_path(tail: Node, head: Node) -> tuple[str, tuple[float, float]]:
    """A cubic curve from the right of the tail to the left of the head; between nodes of
    one column (or backwards), an arc out to the right of the column."""
    (_, ty), (_, hy) = tail.center, head.center
    if head.x > tail.x + tail.width:
        x1, x2 = tail.x + tail.width, head.x
        bend = max(30.0, (x2 - x1) / 2)
        path = f"M{x1:g},{ty:g} C{x1 + bend:g},{ty:g} {x2 - bend:g},{hy:g} {x2:g},{hy:g}"
        return path, ((x1 + x2) / 2, (ty + hy) / 2)
    x1, x2 = tail.x + tail.width, head.x + head.width
    reach = max(x1, x2) + 16 + min(abs(hy - ty) * 0.15, 60)  # within graph.ARC_ROOM
    path = f"M{x1:g},{ty:g} C{reach:g},{ty:g} {reach:g},{hy:g} {x2:g},{hy:g}"
    return path, (reach - 6, (ty + hy) / 2)


def _cut(text: str, limit: int) -> str:
    text = plain(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- the timeline --------------------------------------------------------------------------

#: lanes are packed for a track this wide (px): what an 800 px window leaves beside the
#: claim labels. Wider windows spread the items further apart, so labels never meet there.
TRACK_WIDTH = 540
LANE_HEIGHT = 22
CHAR_WIDTH = 6.6  # px per character of an item's label (11 px system-ui), a little generous
#: the most dated assertions drawn; above it, those that take part in conflicts (the note says so)
TIMELINE_LIMIT = 600


def _timeline_section(result: Result, graph: Graph) -> str:
    """A row per claim, named on the left, its dated assertions placed by date along the
    row (as many lanes as they need: none is ever left out unsaid), one axis with a
    label at each day, week, month or year start that fits."""
    corpus = result.corpus
    dated = sorted(
        (a for a in corpus.assertions() if a.date is not None and a.source in corpus.sources),
        key=lambda a: (a.date.first, a.date.last, a.claim, a.index),
    )
    undated = sum(1 for _ in corpus.assertions()) - len(dated)
    head = '<section id="timeline" class="panel"><h2>Timeline of assertions</h2>'
    if not dated:
        return head + '<p class="muted">No assertion carries a date.</p></section>'
    in_conflict = {e.id for e in graph.edges if e.conflicts}
    if not in_conflict and graph.nodes:  # the graph shows only part of a large corpus: ask the conflicts
        in_conflict = {f"assertion:{e.assertion.claim}/{e.assertion.index}" for c in result.conflicts for side in c.sides for e in side.entries}
    notes = []
    if len(dated) > TIMELINE_LIMIT:  # a page of thousands of rows helps no one: say what is left out
        hot = [a for a in dated if f"assertion:{a.claim}/{a.index}" in in_conflict]
        which = f"the {len(hot)}" if len(hot) <= TIMELINE_LIMIT else f"the first {TIMELINE_LIMIT} by date of the {len(hot)}"
        notes.append(f"The corpus has {count(len(dated), 'dated assertion')}: the timeline shows {which} that take part "
                     "in conflicts (<code>claimcheck timeline</code> lists every one)")
        dated = hot[:TIMELINE_LIMIT]
    if undated:
        notes.append(f"{count(undated, 'undated assertion')} not shown")
    lo, hi = min(a.date.first for a in dated), max(a.date.last for a in dated)
    span = max(hi - lo + 1, 20)
    pad = max(2, span // 20)
    lo, span = lo - pad, span + 2 * pad

    def at(day: int) -> float:  # percent of the track
        return round((day - lo) / span * 100, 2)

    rows: dict[str, list] = {}
    for a in dated:
        rows.setdefault(a.claim, []).append(a)
    out = ['<div class="tl" role="img" aria-label="Timeline of dated assertions, a row per claim">',
           '<div class="tl-lines" aria-hidden="true">']
    ticks = _ticks(lo, lo + span - 1, most=int(TRACK_WIDTH // (CHAR_WIDTH * 10 + 24)))  # a date's label and a gap each
    out += [f'<i style="left:{at(day)}%"></i>' for day, _ in ticks]
    out.append('</div><div class="tl-row tl-axis"><div class="tl-claim muted">claim</div><div class="tl-track">')
    # a label starts at its line; one that would run off the end is left out (its line stays),
    # unless the axis would then have fewer than two labels: then it ends at its line
    fits = [at(day) / 100 * TRACK_WIDTH + 3 + CHAR_WIDTH * len(text) <= TRACK_WIDTH for day, text in ticks]
    for (day, text), fit in zip(ticks, fits):
        if fit or sum(fits) < 2 and (day, text) == ticks[-1]:
            out.append(f'<span class="tl-tick{"" if fit else " end"}" style="left:{at(day)}%">{esc(text)}</span>')
    out.append("</div></div>")
    for claim_id in sorted(rows, key=lambda c: (rows[c][0].date.first, c)):  # in order of first mention
        out.append(_timeline_row(corpus, claim_id, rows[claim_id], at, in_conflict))
    out.append("</div>")
    note = f'<p class="muted">{"; ".join(notes)}.</p>' if notes else ""
    return head + _TIMELINE_LEGEND + '<div class="graph-wrap">' + "".join(out) + "</div>" + note + "</section>"


_TIMELINE_LEGEND = (
    '<p class="legend"><span><i class="ln" style="background:var(--affirms)"></i>affirms</span>'
    '<span><i class="ln" style="background:var(--denies)"></i>denies</span>'
    '<span><i class="ln" style="background:var(--doubts)"></i>doubts</span>'
    "<span><b>bold</b>: takes part in a conflict</span><span>a wide, pale bar: a date given as a month or a year</span></p>"
)


def _timeline_row(corpus, claim_id: str, assertions: list, at, in_conflict: set[str]) -> str:
    """One claim's row: its id on the left (the text as its tooltip), its assertions in
    lanes packed so that no two labels meet at TRACK_WIDTH or wider."""
    claim = corpus.claims[claim_id]
    scale = TRACK_WIDTH / 100
    lanes: list[float] = []  # where each lane is free from (px at TRACK_WIDTH)
    items = []
    for a in assertions:
        source = corpus.sources[a.source]
        label = f"{plain(source.name)} {a.stance}"
        left, right = at(a.date.first), at(a.date.last + 1)
        bar = max((right - left) * scale, 6)
        words = CHAR_WIDTH * len(label)
        inside = bar >= words + 10  # a long span (a month, a year) holds its label
        size = bar if inside else bar + 4 + words
        # near the right end the label goes left of the bar, if it has room there
        flip = not inside and left * scale + size > TRACK_WIDTH and left * scale + bar - size >= 0
        start = left * scale + bar - size if flip else left * scale
        lane = next((k for k, free in enumerate(lanes) if free <= start), None)
        if lane is None:
            lanes.append(0.0)
            lane = len(lanes) - 1
        lanes[lane] = start + size + 8
        edge_id = f"assertion:{a.claim}/{a.index}"
        classes = ["tl-item", a.stance] + (["in-conflict"] if edge_id in in_conflict else []) + (["span"] if a.date.last > a.date.first else [])
        classes += ["flip"] if flip else ["inside"] if inside else []
        title = f"{a.date.text} · {plain(source.name)} {a.stance} {a.claim}"
        if a.quote:
            title += f" — “{plain(a.quote)}”"
        place = f"right:{round(100 - right, 2)}%" if flip else f"left:{left}%"
        width = f"max(6px,{round(right - left, 2)}cqw)"
        if inside:  # the item is the bar, its label over it
            items.append(f'<div class="{" ".join(classes)}" data-edge="{esc(edge_id)}" title="{esc(title)}" '
                         f'style="{place};top:{lane * LANE_HEIGHT}px;width:{width}"><i></i><span>{esc(label)}</span></div>')
        else:
            items.append(f'<div class="{" ".join(classes)}" data-edge="{esc(edge_id)}" title="{esc(title)}" '
                         f'style="{place};top:{lane * LANE_HEIGHT}px"><i style="width:{width}"></i><span>{esc(label)}</span></div>')
    return (
        f'<div class="tl-row" data-claim="{esc(claim_id)}"><div class="tl-claim" title="{esc(claim_id + ": " + plain(claim.text))}">'
        f'<code>{esc(claim_id)}</code></div><div class="tl-track" style="height:{len(lanes) * LANE_HEIGHT + 2}px">'
        + "".join(items) + "</div></div>"
    )


def _ticks(first: int, last: int, most: int = 7) -> list[tuple[int, str]]:
    """Tick days and labels between two day ordinals: day, week, month or year starts,
    the finest step that gives at most `most` of them, and never fewer than two."""
    import datetime as dt

    start, end = dt.date.fromordinal(max(first, 1)), dt.date.fromordinal(max(last, 1))

    def days(step: int) -> list[tuple[int, str]]:
        begin = first + (-(first - 1) % step if step == 7 else 0)  # weeks start on Mondays (ordinal 1 is one)
        return [(d, dt.date.fromordinal(d).isoformat()) for d in range(begin, last + 1, step)]

    def months(step: int) -> list[tuple[int, str]]:
        out, y, m = [], start.year, start.month
        while (y, m) <= (end.year, end.month):
            day = dt.date(y, m, 1).toordinal()
            if first <= day and (m - 1) % step == 0:
                out.append((day, f"{y}-{m:02d}"))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def years(step: int) -> list[tuple[int, str]]:
        return [(dt.date(y, 1, 1).toordinal(), str(y)) for y in range(start.year + 1, end.year + 1) if y % step == 0]

    choices = [lambda: days(1), lambda: days(2), lambda: days(7), lambda: days(14),
               *(lambda k=k: months(k) for k in (1, 2, 3, 6)), *(lambda k=k: years(k) for k in (1, 2, 5, 10, 20, 50, 100, 500))]
    fewest: list[tuple[int, str]] = []
    for choice in choices:
        ticks = choice()
        if 2 <= len(ticks) <= most:
            return ticks
        if len(ticks) >= 2:
            fewest = ticks
    if len(fewest) >= 2:  # even the coarsest step gives too many: every other one of them
        return fewest[:: max(1, -(-len(fewest) // most))]
    return [(first, start.isoformat()), (last, end.isoformat())]


# --- conflict cards ------------------------------------------------------------------------


def _cards(conflicts: list[dict], facets: dict, corpus) -> str:
    out = ['<section id="conflicts"><h2>Conflicts</h2>']
    if not conflicts:
        out.append('<p class="ok">No conflicts.</p>')
    for conflict in conflicts:
        out.append(_card(conflict, facets[conflict["id"]], corpus))
    out.append("</section>")
    return "\n".join(out)


#: the card table's columns: grade, stance and date as wide as what they hold (in em, so
#: a date never runs into the claim beside it); source a share; claim, value and quote the rest
_COLUMNS = ('<colgroup><col class="c-source"><col class="c-grade"><col class="c-stance"><col class="c-date">'
            '<col class="c-claim"><col class="c-quote"></colgroup>')
_COLUMNS_WITH_VALUE = _COLUMNS.replace('<col class="c-quote">', '<col class="c-value"><col class="c-quote">')


def _card(c: dict, facet: dict, corpus) -> str:
    severity, status = c["severity"], c["status"]
    attrs = (
        f'class="card sev-{esc(severity)} status-{esc(status)}" data-conflict="{esc(c["id"])}" '
        f'data-kind="{esc(c["kind"])}" data-severity="{esc(severity)}" data-status="{esc(status)}" '
        f'data-entities="{esc(" ".join(facet["entities"]))}" data-tags="{esc(" ".join(facet["tags"]))}" '
        'tabindex="0" aria-pressed="false"'
    )
    out = [
        f"<article {attrs}>",
        '<header class="card-head">',
        f'<h3><code>{esc(c["id"])}</code></h3>',
        f'<span class="badge sev-{esc(severity)}">{esc(severity)}</span>',
        f'<span class="badge">{esc(c["kind"])}</span>',
        f'<span class="badge status-{esc(status)}">{esc(status)}</span>',
        '<button type="button" class="to-graph" title="Highlight in the graph and show it">show in graph ↑</button>',
        "</header>",
    ]
    about = describe(c, c["claims"], corpus, text=plain)
    if about:
        out.append(f'<p class="about">{esc(about)}</p>')
    interests: set[str] = set()
    value_kind = c["kind"] == "value"
    for side in c["sides"]:
        origins = sorted({a["origin"] for a in side["assertions"]})
        n = side["independent_origins"]
        out.append(
            f'<div class="side"><h4>{esc(side["label"])} '
            f'<span class="origins">{count(n, "independent origin")}'
            + (f": {esc(', '.join(origins))}" if origins else "")
            + "</span></h4>"
        )
        if not side["assertions"]:
            out.append('<p class="muted">no assertion</p></div>')
            continue
        out.append(
            "<table>" + (_COLUMNS_WITH_VALUE if value_kind else _COLUMNS)
            + "<thead><tr><th>source</th><th title=\"Admiralty grade: source reliability (A–F) and information credibility (1–6)\">grade</th>"
            "<th>stance</th><th>date</th><th>claim</th>"
            + ("<th>value</th>" if value_kind else "")
            + "<th>quote</th></tr></thead><tbody>"
        )
        for a in side["assertions"]:
            source = corpus.sources.get(a["source"])
            name = source.name if source else a["source"]
            reliability = source.reliability if source else "?"
            flag = ""
            kind = a["interest"] or ("self-interested" if a["self_interested"] else None)
            if kind:
                interests.add(kind)
                mark = AGAINST_INTEREST_MARK if kind == "against-interest" else SELF_SERVING_MARK
                flag = f' <span class="flag" title="{esc(INTEREST_LEGEND[kind][2:])}">{mark}</span>'
            claim_cell = f'<code>{esc(a["claim"])}</code>'
            if a["chain"]:
                claim_cell += f'<div class="chain">via rule {esc(" → ".join(a["chain"]))}</div>'
            if a["via"]:
                via_names = [corpus.sources[v].name if v in corpus.sources else v for v in a["via"]]
                claim_cell += f'<div class="via">through {esc(" ← ".join(via_names))} (origin: {esc(a["origin"])})</div>'
            if a["withdrawn"]:
                claim_cell += f'<div class="muted">withdrawn {esc(a["withdrawn"])}</div>'
            period = a["period"]
            if period:
                claim_cell += f'<div class="muted">holds {esc(period.get("start", "…"))} – {esc(period.get("end", "…"))}</div>'
            row = (
                f'<tr data-assertion="{esc(a["claim"] + "/" + str(a["index"]))}">'
                f'<td title="{esc(a["source"])}">{esc(name)}{flag}</td>'
                f'<td class="grade" title="reliability {esc(reliability)}, credibility {esc(a["credibility"])}">{esc(reliability)}{esc(a["credibility"])}</td>'
                f'<td class="stance {esc(a["stance"])}">{esc(a["stance"])}</td>'
                f'<td class="date">{esc(a["date"] or "")}</td>'
                f"<td>{claim_cell}</td>"
            )
            if value_kind:
                shown = a["value"]
                if shown is None and a["claim"] in corpus.claims:
                    shown = json_value(corpus.claims[a["claim"]].object)
                if isinstance(shown, dict):  # a range, as its side's label reads it
                    shown = f"{'' if shown['min'] is None else shown['min']}..{'' if shown['max'] is None else shown['max']}"
                row += f'<td class="value">{esc("" if shown is None else shown)}</td>'
            row += f'<td class="quote">{"“" + esc(a["quote"]) + "”" if a["quote"] else ""}</td></tr>'
            out.append(row)
        out.append("</tbody></table></div>")
    notes = [f'<p class="note flag">{esc(INTEREST_LEGEND[kind])}</p>' for kind in INTEREST_LEGEND if kind in interests]
    if c["self_contradiction"]:
        kind = "reversal" if c["reversal"] else "self-contradiction"
        who = ", ".join(c["self_contradicting_sources"])
        notes.append(f'<p class="note warn"><b>{kind}</b>: {esc(who)} {noun(len(c["self_contradicting_sources"]), "stands", "stand")} on more than one side</p>')
    assessment = c.get("assessment")
    if assessment:
        explanation = assessment.get("explanation") or (f"leans to '{assessment['leaning']}'" if assessment.get("leaning") else "no clear leaning")
        notes.append(f'<p class="note assess{" leaning" if assessment.get("leaning") else ""}">⚖ {esc(explanation)}</p>')
        s = assessment.get("sensitivity")
        if s:
            then = f"'{s['leaning_then']}'" if s.get("leaning_then") else "no clear leaning"
            notes.append(f'<p class="note muted">re-grading {esc(s["source"])} from {esc(s["from"])} to {esc(s["to"])} would give {esc(then)}</p>')
    resolution = c.get("resolution")
    if resolution:
        words = resolution["status"]
        if resolution.get("by"):
            words += f" by {resolution['by']}"
        if resolution.get("date"):
            words += f" on {resolution['date']}"
        detail = " — ".join(" ".join(str(t).split()) for t in (resolution.get("verdict"), resolution.get("note")) if t)
        notes.append(f'<p class="note settled">{esc(words)}{": " + esc(detail) if detail else ""}</p>')
    out.extend(notes)
    out.append("</article>")
    return "\n".join(out)


# --- findings ------------------------------------------------------------------------------


def _findings(doc: dict) -> str:
    findings = doc["findings"]
    if not findings:
        return '<section id="findings"><h2>Findings</h2><p class="ok">No findings.</p></section>'
    rows = "".join(
        f'<tr><td class="loc">{esc(f["file"])}:{f["line"]}:{f["column"]}</td>'
        f'<td><span class="badge sev-{esc(f["severity"])}">{esc(f["severity"])}</span></td>'
        f'<td><code>{esc(f["code"])}</code></td><td>{esc(f["message"])}</td></tr>'
        for f in findings
    )
    n = len(findings)
    return (
        f'<section id="findings"><details><summary><h2>Findings ({n})</h2></summary>'
        f"<table><thead><tr><th>where</th><th>severity</th><th>code</th><th>message</th></tr></thead><tbody>{rows}</tbody></table>"
        "</details></section>"
    )


_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="claimcheck {version}">
<title>{title}</title>
<style>{style}</style>
</head>
<body>"""

_STYLE = """
:root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#ffffff; --panel:#f6f8fa;
  --affirms:#1a7f37; --denies:#cf222e; --doubts:#9a6700; --error:#cf222e; --warning:#9a6700; --info:#0969da; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1400px; padding: 16px 24px 40px; color: var(--fg); background: var(--bg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 22px; margin: 0 0 2px; } h2 { font-size: 16px; margin: 0 0 6px; } h3 { font-size: 14px; margin: 0; }
h4 { font-size: 13px; margin: 8px 0 4px; }
code { font: 12px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.muted { color: var(--muted); } .ok { color: var(--affirms); }
.lede { margin: 0 0 12px; color: var(--muted); }
.summary { display: flex; flex-wrap: wrap; gap: 10px 28px; margin-bottom: 12px; }
.summary h2 { font-size: 12px; color: var(--muted); font-weight: 600; text-transform: uppercase; letter-spacing: .03em; margin-bottom: 4px; }
.chip { display: inline-block; padding: 1px 8px; margin: 0 6px 4px 0; border: 1px solid var(--line); border-radius: 12px; font-size: 13px; }
.chip.zero { opacity: .45; }
.chip.sev-error, .badge.sev-error { border-color: var(--error); color: var(--error); }
.chip.sev-warning, .badge.sev-warning { border-color: var(--warning); color: var(--warning); }
.chip.sev-info, .badge.sev-info { border-color: var(--info); color: var(--info); }
.filters { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; align-items: center; gap: 6px 14px;
  padding: 8px 10px; margin: 0 0 14px; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
.filters select { font: inherit; padding: 1px 4px; max-width: 220px; }
button { font: inherit; font-size: 12px; padding: 2px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
.panel { margin-bottom: 18px; }
.panel-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 16px; }
.panel-head p { margin: 0; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 2px 0 6px; font-size: 12px; color: var(--muted); }
.legend i { display: inline-block; vertical-align: middle; margin-right: 5px; }
.legend .ln { width: 22px; height: 3px; }
.legend .ln.dotted { border-top: 3px dotted; height: 0; }
.legend .ln.dashed { border-top: 3px dashed; height: 0; }
.legend .box { width: 14px; height: 10px; border: 2px solid var(--error); border-radius: 3px; }
.legend .box.settled { border: 2px dashed #8c959f; }
.graph-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.graph-wrap svg { display: block; max-width: 100%; height: auto; }
#graph .node rect { fill: #fff; stroke: #8c959f; stroke-width: 1; }
#graph .node.source rect { fill: #ddf4ff; stroke: #54aeff; }
#graph .node.hot rect { stroke-width: 2.5; fill: #fff8f8; }
#graph .node.hot.sev-error rect { stroke: var(--error); }
#graph .node.hot.sev-warning rect { stroke: var(--warning); fill: #fffbf0; }
#graph .node.hot.sev-info rect { stroke: var(--info); fill: #f5faff; }
#graph .node.settled rect { stroke: #8c959f; stroke-width: 2; stroke-dasharray: 5 3; }
#graph .node text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--fg); }
#graph .node text.name { font-weight: 600; }
#graph .node text.meta { fill: var(--muted); font-size: 10px; }
#graph .node.claim { cursor: pointer; }
#graph .edge path { fill: none; stroke-width: 1.3; opacity: .75; }
#graph .edge.in-conflict path { stroke-width: 2.4; opacity: 1; }
#graph .edge.affirms path { stroke: var(--affirms); } #graph .edge.denies path { stroke: var(--denies); }
#graph .edge.doubts path { stroke: var(--doubts); }
#graph .edge.via path { stroke: #8250df; stroke-dasharray: 2 3; stroke-width: 1.8; }
#graph .edge.implies path { stroke: #24292f; stroke-width: 1.8; }
#graph .edge.equivalent path { stroke: #0969da; stroke-width: 1.8; }
#graph .edge.exclusive path { stroke: #bc4c00; stroke-dasharray: 7 4; stroke-width: 1.8; }
#graph .edge-label { display: none; font: 10px system-ui, sans-serif; fill: var(--muted); text-anchor: middle; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg .dim { opacity: .12; transition: opacity .15s; }
#graph .hl path { opacity: 1; stroke-width: 3; }
#graph .edge.hl .edge-label { display: inline; }
#graph .node.hl rect { stroke: #0550ae; stroke-width: 3; }
.tl { position: relative; min-width: 560px; font: 11px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.tl-row { display: grid; grid-template-columns: 15em 1fr; border-top: 1px solid #eaeef2; }
.tl-row.tl-axis { border-top: none; }
.tl-claim { padding: 4px 8px; overflow-wrap: anywhere; }
.tl-claim code { font-size: 11px; }
.tl-track { position: relative; container-type: inline-size; margin: 3px 10px 3px 0; }
.tl-axis .tl-track { height: 16px; }
.tl-tick { position: absolute; top: 3px; padding-left: 3px; color: var(--muted); white-space: nowrap; }
.tl-tick.end { transform: translateX(-100%); padding: 0 3px 0 0; }
.tl-lines { position: absolute; top: 0; bottom: 0; left: 15em; right: 10px; pointer-events: none; }
.tl-lines i { position: absolute; top: 0; bottom: 0; border-left: 1px solid #eaeef2; }
.tl-item { position: absolute; display: flex; align-items: center; gap: 4px; height: 18px; white-space: nowrap; }
.tl-item.flip { flex-direction: row-reverse; }
.tl-item.inside i { position: absolute; left: 0; right: 0; top: 2px; }
.tl-item.inside span { position: relative; padding-left: 5px; }
.tl-item i { display: block; flex: none; height: 14px; border-radius: 3px; opacity: .85; }
.tl-item.span i { opacity: .28; }
.tl-item.affirms i { background: var(--affirms); } .tl-item.denies i { background: var(--denies); }
.tl-item.doubts i { background: var(--doubts); }
.tl-item.in-conflict span { font-weight: 600; }
.tl-item.hl i { outline: 2px solid #0550ae; opacity: 1; }
.tl .dim { opacity: .12; transition: opacity .15s; }
#conflicts { display: grid; grid-template-columns: repeat(auto-fill, minmax(620px, 1fr)); gap: 14px; }
#conflicts > h2, #conflicts > p { grid-column: 1 / -1; margin-bottom: 0; }
.card { border: 1px solid var(--line); border-left: 5px solid var(--info); border-radius: 6px; padding: 10px 12px; background: #fff; cursor: pointer; min-width: 0; }
.card.sev-error { border-left-color: var(--error); } .card.sev-warning { border-left-color: var(--warning); }
.card.status-acknowledged, .card.status-resolved { border-left-style: dashed; }
.card:hover { box-shadow: 0 1px 6px rgba(31,35,40,.12); }
.card.selected { outline: 3px solid #0550ae; outline-offset: 1px; }
.card:focus-visible { outline: 3px solid #54aeff; }
.card-head { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.card-head h3 { margin-right: 4px; overflow-wrap: anywhere; }
.card-head .to-graph { margin-left: auto; }
.badge { display: inline-block; font-size: 11px; padding: 0 7px; border: 1px solid var(--line); border-radius: 10px; color: var(--muted); }
.badge.status-open { color: var(--fg); }
.about { margin: 6px 0 2px; font-style: italic; }
.origins { font-weight: normal; color: var(--muted); margin-left: 6px; }
.side table { width: 100%; border-collapse: collapse; font-size: 13px; table-layout: fixed; }
.side th { text-align: left; font-weight: 600; color: var(--muted); font-size: 11px; border-bottom: 1px solid var(--line); padding: 2px 6px 2px 0; }
.side td { vertical-align: top; padding: 3px 6px 3px 0; border-bottom: 1px solid #eaeef2; overflow-wrap: anywhere; }
td.stance { font-weight: 600; white-space: nowrap; }
td.stance.affirms { color: var(--affirms); } td.stance.denies { color: var(--denies); } td.stance.doubts { color: var(--doubts); }
td.date, td.grade { white-space: nowrap; font-variant-numeric: tabular-nums; }
.side col.c-source { width: 20%; } .side col.c-grade { width: 3.8em; } .side col.c-stance { width: 5.6em; }
.side col.c-date { width: 6.8em; } .side col.c-value { width: 14%; }
.side th { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
td.quote { font-style: italic; color: #3d444d; }
.chain, .via { font-size: 12px; color: var(--muted); }
.flag { color: #8250df; }
.note { margin: 6px 0 0; font-size: 13px; }
.note.warn { color: var(--warning); } .note.assess { color: var(--muted); } .note.assess.leaning { color: #0550ae; } .note.settled { color: var(--muted); }
#findings { margin-top: 22px; }
#findings summary { cursor: pointer; } #findings summary h2 { display: inline; }
#findings table { border-collapse: collapse; font-size: 12px; margin-top: 6px; }
#findings td, #findings th { text-align: left; padding: 2px 10px 2px 0; vertical-align: top; border-bottom: 1px solid #eaeef2; }
.loc { white-space: nowrap; font-family: ui-monospace, Menlo, Consolas, monospace; }
footer { margin-top: 24px; font-size: 12px; color: var(--muted); }
[hidden] { display: none !important; }
@media print {
  @page { margin: 12mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  .filters, .to-graph, #selection { display: none !important; }
  .graph-wrap { overflow: visible; border: none; }
  svg .dim { opacity: 1; }
  #conflicts { display: block; }
  .side table { table-layout: auto; }
  .card { break-inside: avoid; margin-bottom: 10px; cursor: auto; box-shadow: none; outline: none !important; }
  #findings details > table { display: table; }
  .panel { break-inside: avoid; }
}
"""

_SCRIPT = r"""
(function () {
  "use strict";
  var body = document.body;
  try {
    var data = JSON.parse(document.getElementById("claimcheck-data").textContent);
    var graphSvg = document.getElementById("graph");
    var status = document.getElementById("selection");
    var statusText = status ? status.textContent : "";
    var index = function (attr) {
      var out = {};
      document.querySelectorAll("[" + attr + "]").forEach(function (el) {
        var key = el.getAttribute(attr);
        (out[key] = out[key] || []).push(el);
      });
      return out;
    };
    var byNode = index("data-node"), byEdge = index("data-edge"), cards = {};
    document.querySelectorAll("[data-conflict]").forEach(function (el) { cards[el.getAttribute("data-conflict")] = el; });
    var parts = {}, nodeConflicts = {};
    var add = function (cid, els) { (parts[cid] = parts[cid] || []).push.apply(parts[cid], els || []); };
    data.graph.nodes.forEach(function (n) {
      nodeConflicts[n.id] = n.conflicts;
      n.conflicts.forEach(function (cid) { add(cid, byNode[n.id]); });
    });
    data.graph.edges.forEach(function (e) { e.conflicts.forEach(function (cid) { add(cid, byEdge[e.id]); }); });
    var drawn = document.querySelectorAll("svg [data-node], svg [data-edge], .tl [data-edge]");
    var selected = null;

    var setHash = function (value) {
      try { history.replaceState(null, "", value ? "#select=" + encodeURIComponent(value) : location.pathname + location.search); } catch (err) { /* file: URLs in some browsers */ }
    };
    var clear = function (keepHash) {
      if (selected && cards[selected]) { cards[selected].classList.remove("selected"); cards[selected].setAttribute("aria-pressed", "false"); }
      selected = null;
      document.querySelectorAll(".hl").forEach(function (el) { el.classList.remove("hl"); });
      drawn.forEach(function (el) { el.classList.remove("dim"); });
      if (status) { status.textContent = statusText; }
      if (!keepHash) { setHash(null); }
      applyFilters();
    };
    var select = function (cid) {
      if (!Object.prototype.hasOwnProperty.call(cards, cid)) { return false; }
      clear(true);
      selected = cid;
      cards[cid].classList.add("selected");
      cards[cid].setAttribute("aria-pressed", "true");
      var mine = parts[cid] || [];
      mine.forEach(function (el) { el.classList.add("hl"); });
      drawn.forEach(function (el) { if (!el.classList.contains("hl")) { el.classList.add("dim"); } });
      if (status) { status.textContent = "Selected " + cid + " (click it again, or press Escape, to clear)"; }
      setHash(cid);
      return true;
    };
    var toggle = function (cid) { if (selected === cid) { clear(); } else { select(cid); } };

    var filters = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
    var shown = document.getElementById("shown");
    function applyFilters() {
      var want = {}, active = false, count = 0, total = 0, visible = {};
      filters.forEach(function (f) { want[f.getAttribute("data-filter")] = f.value; if (f.value) { active = true; } });
      Object.keys(cards).forEach(function (cid) {
        var card = cards[cid];
        var has = function (attr, value) { return !value || (card.getAttribute(attr) || "").split(" ").indexOf(value) >= 0; };
        var ok = has("data-entities", want.entity) && has("data-tags", want.tag) && has("data-kind", want.kind)
          && has("data-severity", want.severity) && has("data-status", want.status);
        card.hidden = !ok;
        total += 1;
        if (ok) { count += 1; visible[cid] = true; }
      });
      if (shown) { shown.textContent = count + " of " + total + (total === 1 ? " conflict" : " conflicts") + " shown"; }
      if (selected) { return; }
      drawn.forEach(function (el) { el.classList.remove("dim"); });
      if (active) {
        var keep = new Set();
        Object.keys(visible).forEach(function (cid) { (parts[cid] || []).forEach(function (el) { keep.add(el); }); });
        drawn.forEach(function (el) { if (!keep.has(el)) { el.classList.add("dim"); } });
      }
    }
    filters.forEach(function (f) { f.addEventListener("change", function () { if (selected && cards[selected] && cards[selected].hidden) { clear(); } applyFilters(); }); });
    var clearButton = document.getElementById("clear");
    if (clearButton) {
      clearButton.addEventListener("click", function () { filters.forEach(function (f) { f.value = ""; }); clear(); });
    }

    Object.keys(cards).forEach(function (cid) {
      var card = cards[cid];
      card.addEventListener("click", function (event) {
        if (event.target.closest("a, button, summary") || String(window.getSelection() || "")) { return; }
        toggle(cid);
      });
      card.addEventListener("keydown", function (event) {
        if (event.target === card && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); toggle(cid); }
      });
      var button = card.querySelector(".to-graph");
      if (button) {
        button.addEventListener("click", function () {
          select(cid);
          if (graphSvg) { graphSvg.scrollIntoView({ behavior: "smooth", block: "start" }); }
        });
      }
    });
    if (graphSvg) {
      graphSvg.addEventListener("click", function (event) {
        var node = event.target.closest("[data-node]");
        var list = node ? (nodeConflicts[node.getAttribute("data-node")] || []).filter(function (cid) { return cards[cid] && !cards[cid].hidden; }) : [];
        if (!list.length) { if (selected) { clear(); } return; }
        var next = list[(list.indexOf(selected) + 1) % list.length];
        if (next === selected) { clear(); } else { select(next); }
      });
    }
    document.addEventListener("keydown", function (event) { if (event.key === "Escape" && selected) { clear(); } });

    var fromHash = function () {
      var match = /^#select=(.+)$/.exec(location.hash);
      if (!match) { return; }
      var cid;
      try { cid = decodeURIComponent(match[1]); } catch (err) { return; }
      if (cid !== selected) { select(cid); }
    };
    window.addEventListener("hashchange", fromHash);
    applyFilters();
    fromHash();

    // The page checks itself: every conflict has its card, every node and edge its drawing.
    var missing = [];
    data.report.conflicts.forEach(function (c) { if (!cards[c.id]) { missing.push("card " + c.id); } });
    data.graph.nodes.forEach(function (n) { if (!byNode[n.id]) { missing.push("node " + n.id); } });
    data.graph.edges.forEach(function (e) { if (!byEdge[e.id]) { missing.push("edge " + e.id); } });
    body.setAttribute("data-ready", missing.length ? "incomplete" : "1");
    if (missing.length) { body.setAttribute("data-missing", missing.slice(0, 20).join("; ")); }
  } catch (err) {
    body.setAttribute("data-ready", "error");
    body.setAttribute("data-error", String(err && err.message || err));
  }
})();
"""
