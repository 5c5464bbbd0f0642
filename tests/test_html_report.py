"""The HTML report (`claimcheck report`): one self-contained, escaped, deterministic page."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.analysis import analyze
from claimcheck.cli import app
from claimcheck.graph import build_graph
from claimcheck.report.html import GRAPH_LIMIT, render_html

from helpers import REPO, write_corpus

ENV = {"NO_COLOR": "1", "COLUMNS": "100", "GITHUB_ACTIONS": None, "FORCE_COLOR": None}

#: corpus text that would run script or break the page if it reached it unescaped
HOSTILE = """
sources:
  - id: evil
    name: "<img src=x onerror=alert(1)> & \\"quoted\\""
    kind: newspaper
    represents: [who]
  - {id: plain, name: Plain source}
entities:
  - {id: who, name: "</script><script>alert('entity')</script>"}
claims:
  - id: talks
    text: "<script>alert('claim')</script> talks were held"
    subject: who
    tags: [t1]
    assertions:
      - source: plain
        stance: affirms
        date: 2025-10-12
        quote: "</script><!--<script>alert('quote')</script>"
      - source: evil
        stance: denies
        date: 2025-10-13
rules:
  - {id: r1, kind: exclusive, claims: [talks, other], note: "<b onmouseover=alert(1)>note</b>"}
resolutions:
  - {conflict: "exclusive:r1", status: acknowledged, note: "</details><script>alert('resolution')</script>"}
"""

HOSTILE_OTHER = """
claims:
  - id: other
    text: "Other ]]> <svg onload=alert(1)>"
    assertions:
      - {source: plain, stance: affirms}
"""


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of <script> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    tags.close()
    return tags


@pytest.fixture(scope="module")
def seed():
    return analyze([REPO / "corpus"])


@pytest.fixture(scope="module")
def seed_page(seed):
    return render_html(seed)


def hostile_result(tmp_path):
    root = write_corpus(tmp_path / "hostile", HOSTILE)
    write_corpus(root, HOSTILE_OTHER, "other.yaml")
    result = analyze([root])
    assert not [f for f in result.findings if f.severity == "error"], result.findings
    assert {c.id for c in result.conflicts} == {"contradiction:talks", "exclusive:r1"}
    return result


def test_hostile_text_is_escaped_everywhere(tmp_path):
    page = render_html(hostile_result(tmp_path))
    tags = parse(page)
    # only the page's own two scripts, and no element or handler from the corpus
    assert [attrs for attrs, _ in tags.scripts] == [{"type": "application/json", "id": "claimcheck-data"}, {}]
    assert not [t for t, _ in tags.tags if t in ("img", "iframe", "object", "embed", "link")]
    assert not [a for _, attrs in tags.tags for a in attrs if a.startswith("on")]
    for raw in ("<script>alert", "<img src", "<b onmouseover", "<svg onload", "</script><!--"):
        assert page.count(raw) == 0, raw
    # the text is there, escaped, for a reader
    assert "&lt;script&gt;alert(&#x27;claim&#x27;)&lt;/script&gt; talks were held" in page
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;" in page
    assert "&lt;/details&gt;&lt;script&gt;alert(&#x27;resolution&#x27;)&lt;/script&gt;" in page


def test_data_block_cannot_close_its_script_and_reads_back(tmp_path):
    page = render_html(hostile_result(tmp_path))
    start = page.index('<script type="application/json" id="claimcheck-data">') + len('<script type="application/json" id="claimcheck-data">')
    block = page[start:page.index("</script>", start)]
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    claim_texts = {n["label"] for n in data["graph"]["nodes"] if n["kind"] == "claim"}
    assert "<script>alert('claim')</script> talks were held" in claim_texts
    quotes = [a["quote"] for c in data["report"]["conflicts"] for s in c["sides"] for a in s["assertions"] if a["quote"]]
    assert "</script><!--<script>alert('quote')</script>" in quotes


def test_page_is_self_contained(seed_page):
    tags = parse(seed_page)
    assert not [attrs for t, attrs in tags.tags if t in ("link", "img", "iframe")]
    assert not [attrs for _, attrs in tags.tags if "src" in attrs or "href" in attrs and not attrs["href"].startswith("#")]
    addresses = set(re.findall(r"https?://[^\s\"'<>)]+", seed_page))
    assert addresses <= {"http://www.w3.org/2000/svg"}  # the SVG namespace names, never fetches
    assert "@import" not in seed_page and "url(http" not in seed_page
    assert "@media print" in seed_page


def test_every_conflict_has_a_card_and_every_node_a_drawing(seed, seed_page):
    tags = parse(seed_page)
    cards = [attrs["data-conflict"] for t, attrs in tags.tags if t == "article"]
    assert sorted(cards) == sorted(c.id for c in seed.conflicts)
    assert cards[0] == "contradiction:venezuela-negotiating-with-us"  # errors first, as in the tables
    drawn_nodes = [attrs["data-node"] for t, attrs in tags.tags if t == "g" and "data-node" in attrs]
    graph = build_graph(seed)
    assert sorted(drawn_nodes) == sorted(n.id for n in graph.nodes)
    drawn_edges = {attrs["data-edge"] for t, attrs in tags.tags if t == "g" and "edge" in attrs.get("class", "").split()}
    assert drawn_edges == {e.id for e in graph.edges}


def test_cards_carry_what_the_tables_show(seed_page):
    start = seed_page.index('data-conflict="contradiction:venezuela-negotiating-with-us"')
    card = seed_page[start:seed_page.index("</article>", start)]
    for text in (
        "“Maduro&#x27;s government has been negotiating with the United States”",
        "2 independent origins: el-nuevo-herald, new-york-times",
        'class="stance affirms">affirms', 'class="stance denies">denies',
        "2025-10-16", "via rule exit-request-is-negotiating",
        "Venezuelan government <span class=\"flag\"",  # self-interested
        "⚖ Leans to &#x27;supports&#x27;",
        "acknowledged by seed-desk on 2025-10-17",
        'data-status="acknowledged"', 'data-severity="error"',
    ):
        assert text in card, text
    meeting = seed_page[seed_page.index('data-conflict="contradiction:maduro-met-cuban-advisers"'):]
    meeting = meeting[:meeting.index("</article>")]
    assert "through Caracas Consulting – weekly Political Risk Report ← Sources close to the Venezuelan government" in meeting
    assert 'class="stance doubts">doubts' in meeting


def test_summary_and_filters(seed_page):
    assert '<span class="chip kind-contradiction"><b>3</b> contradiction</span>' in seed_page
    assert '<span class="chip status-acknowledged"><b>1</b> acknowledged</span>' in seed_page
    tags = parse(seed_page)
    filters = {attrs["data-filter"] for t, attrs in tags.tags if t == "select"}
    assert filters == {"entity", "tag", "kind", "severity", "status"}
    options = [attrs.get("value") for t, attrs in tags.tags if t == "option"]
    assert "venezuelan-government" in options and "negotiations" in options


def test_self_contradiction_and_reversal_are_told(tmp_path):
    root = write_corpus(tmp_path / "rev", """
        sources:
          - {id: a, name: Source A}
        claims:
          - id: p
            text: P
            assertions:
              - {source: a, stance: affirms, date: 2025-01-01}
              - {source: a, stance: denies, date: 2025-02-01}
    """)
    page = render_html(analyze([root]))
    assert "<b>reversal</b>: a stands on more than one side" in page


def test_same_corpus_same_bytes(seed, seed_page):
    files = sorted((REPO / "corpus").glob("*.yaml"))
    assert render_html(analyze(list(reversed(files)))) == render_html(analyze(files))
    assert render_html(seed) == seed_page


def test_a_large_corpus_draws_the_contested_part(tmp_path):
    claims = "\n".join(
        f"  - id: c{i}\n    text: Claim {i}\n    assertions:\n      - {{source: a, stance: affirms}}" for i in range(GRAPH_LIMIT)
    )
    root = write_corpus(tmp_path / "big", f"""
sources:
  - {{id: a, name: A}}
  - {{id: b, name: B}}
claims:
{claims}
  - id: x
    text: X
    assertions:
      - {{source: a, stance: affirms}}
      - {{source: b, stance: denies}}
""")
    result = analyze([root])
    page = render_html(result)
    drawn = [attrs["data-node"] for t, attrs in parse(page).tags if t == "g" and "data-node" in attrs]
    assert sorted(drawn) == ["claim:x", "source:a", "source:b"]
    assert f"The corpus has {GRAPH_LIMIT + 3} sources and claims; the graph shows the 3" in page


def test_report_command(monkeypatch, tmp_path):
    monkeypatch.chdir(REPO)
    target = tmp_path / "report.html"
    out = CliRunner().invoke(app, ["report", "corpus", "--output", str(target)], env=ENV)
    assert out.exit_code == 0, out.output
    assert target.read_text(encoding="utf-8") == render_html(analyze([Path("corpus")]))
    assert f"Wrote {target}" in out.stderr
    assert CliRunner().invoke(app, ["report", "corpus", "-o", str(target), "--fail-on", "warning"], env=ENV).exit_code == 1
    assert CliRunner().invoke(app, ["report", "corpus", "-o", str(target), "--fail-on", "error"], env=ENV).exit_code == 0
    out = CliRunner().invoke(app, ["report", "corpus", "-o", "-", "-q"], env=ENV)
    assert out.exit_code == 0 and out.stdout.startswith("<!DOCTYPE html>") and out.stderr == ""


def test_report_default_output_name(monkeypatch, tmp_path):
    write_corpus(tmp_path / "corpus", "sources:\n  - {id: a, name: A}\n")
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(app, ["report", "-q"], env=ENV)
    assert out.exit_code == 0, out.output
    assert (tmp_path / "claimcheck-report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_an_empty_corpus_still_makes_a_page(tmp_path):
    page = render_html(analyze([write_corpus(tmp_path / "empty", "claims: []\n")]))
    assert '<p class="ok">No conflicts.</p>' in page
    assert "No assertion carries a date." in page
    assert page.endswith("</html>\n")


def test_bidirectional_overrides_and_control_characters_show_as_escapes(tmp_path):
    # U+202E would show the name reversed ("evil" reads as "live"); ESC is invisible
    root = write_corpus(tmp_path / "c", """
        sources:
          - {id: a, name: "Diario \\u202eevil"}
          - {id: b, name: B}
        claims:
          - id: talks
            text: "talks \\x1b[31m held"
            assertions:
              - {source: a, stance: affirms, quote: "said\\u2066 so"}
              - {source: b, stance: denies}
    """)
    page = render_html(analyze([root]))
    shown = re.sub(r'<script type="application/json"[^>]*>.*?</script>', "", page, flags=re.S)
    for raw in ("\u202e", "\u2066", "\x1b"):
        assert raw not in shown
    assert "Diario \\u202eevil" in shown
    assert "said\\u2066 so" in shown
    assert "talks \\e[31m held" in shown


# --- the timeline and the cards as a reader sees them ----------------------------------------

NAMES = ["Gaza Health Ministry", "Israel Defense Forces", "Associated Press", "Reuters", "Agence France-Presse",
         "The New York Times", "The Washington Post", "Wall Street Journal", "BBC News", "Al Jazeera English",
         "Human Rights Watch", "Amnesty International", "Forensic Architecture", "Channel 4 News", "CNN International",
         "The Guardian", "Le Monde", "Der Spiegel", "Haaretz", "Times of Israel", "US National Security Council",
         "French Military Intelligence Directorate", "Anonymous Telegram channel", "Palestinian Islamic Jihad"]


def crowded_corpus() -> str:
    """24 sources, two contested claims, and 48 assertions over three days: more than
    the 24 rows the timeline used to have room for."""
    sources = "".join(f"  - {{id: s{k}, name: \"{name}\", reliability: {'ABCDEF'[k % 6]}}}\n" for k, name in enumerate(NAMES))
    claims = []
    for c, claim in enumerate(("gaza-rocket-misfire-hit-al-ahli-hospital", "israeli-strike-hit-al-ahli-hospital")):
        lines = [f"  - id: {claim}\n    text: \"Claim {c}: what hit the Al-Ahli Arab Hospital\"\n    assertions:\n"]
        for k in range(len(NAMES)):
            stance = ("affirms", "denies", "doubts")[(k + c) % 3]
            quote = ', quote: "We have reviewed the available footage and satellite imagery of the site"' if k % 4 == 0 else ""
            lines.append(f"      - {{source: s{k}, stance: {stance}, date: 2023-10-{17 + k % 3}{quote}}}\n")
        claims.append("".join(lines))
    rules = "rules:\n  - {id: strike-or-rocket, kind: exclusive, claims: [gaza-rocket-misfire-hit-al-ahli-hospital, israeli-strike-hit-al-ahli-hospital]}\n"
    return "sources:\n" + sources + "claims:\n" + "".join(claims) + rules


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    return analyze([write_corpus(tmp_path_factory.mktemp("crowded"), crowded_corpus())])


def test_the_timeline_draws_every_dated_assertion_in_a_row_named_for_its_claim(crowded):
    page = render_html(crowded)
    timeline = page[page.index('<section id="timeline"'):page.index("</section>", page.index('<section id="timeline"'))]
    items = re.findall(r'class="tl-item [^"]*" data-edge="assertion:([^/"]+)/', timeline)
    assert len(items) == 48  # every one: the timeline used to stop at 24 rows
    assert "not drawn" not in timeline and "than fit" not in timeline
    rows = re.findall(r'<div class="tl-row" data-claim="([^"]+)"><div class="tl-claim"[^>]*><code>([^<]+)</code>', timeline)
    assert sorted(rows) == [(c, c) for c in ("gaza-rocket-misfire-hit-al-ahli-hospital", "israeli-strike-hit-al-ahli-hospital")]
    ticks = re.findall(r'class="tl-tick[^"]*"[^>]*>([^<]+)<', timeline)
    assert len(ticks) >= 2 and ticks == sorted(ticks)  # the axis had a single label
    assert 'title="2023-10-17 · Gaza Health Ministry affirms gaza-rocket-misfire-hit-al-ahli-hospital' in timeline


def test_axis_ticks_fit_any_span():
    import datetime as dt

    from claimcheck.report.html import _ticks

    def ordinal(text):
        return dt.date.fromisoformat(text).toordinal()

    for first, last in (("2023-10-15", "2023-11-02"), ("2023-10-17", "2023-10-19"), ("2020-01-01", "2025-06-30"),
                        ("1900-01-01", "2025-01-01"), ("2025-03-01", "2025-08-01")):
        ticks = _ticks(ordinal(first), ordinal(last))
        assert 2 <= len(ticks) <= 7, (first, last, ticks)
        assert all(ordinal(first) <= day <= ordinal(last) for day, _ in ticks) or len(ticks) == 2


def test_a_long_source_name_is_squeezed_or_cut_with_its_whole_name_as_tooltip(crowded):
    page = render_html(crowded)
    assert '<text class="name" x="8" y="16">Reuters</text>' in page
    assert 'lengthAdjust="spacingAndGlyphs">US National Security Council</text>' in page  # squeezed, whole
    assert "<title>French Military Intelligence Directorate</title>French Military Intelligence Di…</text>" in page


def test_card_columns_are_sized_for_what_they_hold(crowded):
    page = render_html(crowded)
    assert '<col class="c-date">' in page and ".side col.c-date { width: 6.8em; }" in page
    assert "width:11%" not in page  # the date column was 11% of a card: too narrow beside two cards
