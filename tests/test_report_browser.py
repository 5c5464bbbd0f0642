"""The HTML report in a real browser: headless chromium runs its script, then we read the DOM.

The page sets `data-ready="1"` on <body> once its script has checked that every conflict
has its card and every node and edge of the graph its drawing; `#select=<conflict id>`
applies the same highlight as a click. `.ci/run` installs chromium when it is missing;
where it still is, these tests skip and say why.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

from claimcheck.analysis import analyze
from claimcheck.graph import build_graph
from claimcheck.report.html import render_html

from helpers import REPO, write_corpus
from test_html_report import HOSTILE, HOSTILE_OTHER

pytestmark = pytest.mark.browser

TIMEOUT = 60  # seconds for one browser run; a run takes about one


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("chromium is not installed (.ci/run installs it: apt-get install chromium)")


def run_browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"  # fresh for each run
    command = [
        chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-extensions", "--hide-scrollbars", f"--user-data-dir={profile}", *args,
    ]
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"chromium did not finish within {TIMEOUT} s: {' '.join(command)}")


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))


def dump_dom(tmp_path: Path, page: Path, fragment: str = "") -> list[tuple[str, dict]]:
    done = run_browser(tmp_path, "--dump-dom", page.as_uri() + fragment)
    assert done.returncode == 0 and "<body" in done.stdout, done.stderr[-2000:]
    parser = Elements()
    parser.feed(done.stdout)
    return parser.elements


def body_of(elements):
    return next(attrs for tag, attrs in elements if tag == "body")


def classes(attrs: dict) -> set[str]:
    return set(attrs.get("class", "").split())


@pytest.fixture(scope="module")
def seed():
    return analyze([REPO / "corpus"])


@pytest.fixture
def seed_page(seed, tmp_path) -> Path:
    page = tmp_path / "report.html"
    page.write_text(render_html(seed), encoding="utf-8")
    return page


def test_every_card_and_node_is_rendered_after_the_script_ran(seed, seed_page, tmp_path):
    elements = dump_dom(tmp_path, seed_page)
    body = body_of(elements)
    assert body.get("data-ready") == "1", body
    cards = [attrs["data-conflict"] for tag, attrs in elements if tag == "article" and "data-conflict" in attrs]
    assert sorted(cards) == sorted(c.id for c in seed.conflicts)
    graph = build_graph(seed)
    in_svg, inside = [], False
    for tag, attrs in elements:  # the elements of the graph's <svg>
        if tag == "svg":
            inside = attrs.get("id") == "graph"
        elif inside and tag == "g" and "data-node" in attrs:
            in_svg.append(attrs["data-node"])
    assert sorted(in_svg) == sorted(n.id for n in graph.nodes)
    assert not [attrs for _, attrs in elements if "dim" in classes(attrs) or "hl" in classes(attrs)]


def test_selecting_a_conflict_highlights_its_part_of_the_graph(seed, seed_page, tmp_path):
    chosen = "contradiction:maduro-met-cuban-advisers"
    elements = dump_dom(tmp_path, seed_page, "#select=" + quote(chosen, safe=""))
    assert body_of(elements).get("data-ready") == "1"
    [card] = [attrs for tag, attrs in elements if attrs.get("data-conflict") == chosen]
    assert "selected" in classes(card) and card["aria-pressed"] == "true"
    others = [attrs for tag, attrs in elements if tag == "article" and attrs.get("data-conflict") != chosen]
    assert others and not [a for a in others if "selected" in classes(a)]
    graph = build_graph(seed)
    expected_nodes = {n.id for n in graph.nodes if chosen in n.conflicts}
    assert expected_nodes >= {"source:el-toque", "source:caracas-consulting", "source:sources-close-to-government",
                              "source:article-author", "claim:maduro-met-cuban-advisers"}
    nodes = {attrs["data-node"]: classes(attrs) for tag, attrs in elements if "data-node" in attrs}
    assert {n for n, c in nodes.items() if "hl" in c} == expected_nodes
    assert all("dim" in c for n, c in nodes.items() if n not in expected_nodes)
    expected_edges = {e.id for e in graph.edges if chosen in e.conflicts}
    lit = {attrs["data-edge"] for tag, attrs in elements if "data-edge" in attrs and "hl" in classes(attrs)}
    assert lit == expected_edges  # graph paths and timeline items share the edge ids
    assert "via:caracas-consulting/el-toque" in lit


def test_hostile_corpus_runs_no_script_of_its_own(tmp_path):
    root = write_corpus(tmp_path / "hostile", HOSTILE)
    write_corpus(root, HOSTILE_OTHER, "other.yaml")
    page = tmp_path / "hostile.html"
    page.write_text(render_html(analyze([root])), encoding="utf-8")
    elements = dump_dom(tmp_path, page, "#select=" + quote("exclusive:r1", safe=""))
    body = body_of(elements)
    assert body.get("data-ready") == "1", body
    assert [tag for tag, _ in elements].count("script") == 2
    assert not [tag for tag, _ in elements if tag in ("img", "iframe")]
    assert not [attrs for _, attrs in elements if any(name.startswith("on") for name in attrs)]
    [card] = [attrs for _, attrs in elements if attrs.get("data-conflict") == "exclusive:r1"]
    assert "selected" in classes(card)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_screenshot(seed_page, tmp_path):
    shot = tmp_path / "report.png"
    done = run_browser(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", seed_page.as_uri())
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    assert png_size(shot) == (1280, 2000)
    assert shot.stat().st_size > 50_000  # drawn, not a blank page


def test_an_empty_corpus_page_runs_its_script(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text(render_html(analyze([write_corpus(tmp_path / "empty", "claims: []\n")])), encoding="utf-8")
    assert body_of(dump_dom(tmp_path, page, "#select=nothing")).get("data-ready") == "1"


# --- layout, measured in the browser at 1400 and 800 px -------------------------------------

#: run after the page's own script: what overlaps or overflows, as JSON on <body data-layout>
MEASURE = r"""
<script>
(function () {
  var problems = [];
  var text = function (el) { var r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect(); };
  var name = function (el) { return (el.textContent || "").trim().slice(0, 40); };
  // a card's cells: their text stays inside them, and two cells' texts never touch
  document.querySelectorAll(".side tr").forEach(function (row) {
    var last = null;
    Array.prototype.forEach.call(row.children, function (cell) {
      var box = cell.getBoundingClientRect(), t = text(cell);
      if (!t.width) { return; }
      if (t.right > box.right + 0.5 || t.left < box.left - 0.5) { problems.push("overflows its cell: " + name(cell)); }
      if (last && t.left - last.right < 4) { problems.push("runs into the cell before it: " + name(cell)); }
      last = t;
    });
  });
  // the timeline: no two items of a row overlap, and each stays on its row's track
  var items = 0;
  document.querySelectorAll(".tl-track").forEach(function (track) {
    var area = track.getBoundingClientRect();
    var boxes = Array.prototype.map.call(track.querySelectorAll(".tl-item"), function (el) { items += 1; return [el, el.getBoundingClientRect()]; });
    boxes.forEach(function (a, i) {
      if (a[1].left < area.left - 1 || a[1].right > area.right + 1) { problems.push("off its track: " + name(a[0])); }
      boxes.slice(i + 1).forEach(function (b) {
        var x = Math.min(a[1].right, b[1].right) - Math.max(a[1].left, b[1].left);
        var y = Math.min(a[1].bottom, b[1].bottom) - Math.max(a[1].top, b[1].top);
        if (x > 0.5 && y > 0.5) { problems.push("overlap: " + name(a[0]) + " / " + name(b[0])); }
      });
    });
  });
  var ticks = Array.prototype.map.call(document.querySelectorAll(".tl-tick"), function (el) { return el.getBoundingClientRect(); });
  ticks.forEach(function (t, i) { if (i && t.left < ticks[i - 1].right + 4) { problems.push("axis labels meet"); } });
  var claims = Array.prototype.map.call(document.querySelectorAll(".tl-row[data-claim] .tl-claim"), function (el) {
    return el.getBoundingClientRect().height > 0 ? el.textContent.trim() : "";
  });
  if (document.documentElement.scrollWidth > window.innerWidth + 1) { problems.push("the page scrolls sideways"); }
  document.body.setAttribute("data-layout", JSON.stringify({problems: problems.slice(0, 20), items: items, ticks: ticks.length,
    claims: claims, width: window.innerWidth}));
})();
</script>
"""


@pytest.fixture(scope="module")
def crowded_result(tmp_path_factory):
    from test_html_report import crowded_corpus

    return analyze([write_corpus(tmp_path_factory.mktemp("crowded"), crowded_corpus())])


def measure(tmp_path: Path, result, width: int) -> dict:
    import json

    page = tmp_path / f"measured-{width}.html"
    page.write_text(render_html(result).replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    done = run_browser(tmp_path, f"--window-size={width},2000", "--dump-dom", page.as_uri())
    assert done.returncode == 0 and "<body" in done.stdout, done.stderr[-2000:]
    parser = Elements()
    parser.feed(done.stdout)
    body = body_of(parser.elements)
    assert body.get("data-ready") == "1", body
    return json.loads(body["data-layout"])


@pytest.mark.parametrize("width", [1400, 800])
def test_cards_and_timeline_lay_out_without_overlaps(crowded_result, tmp_path, width):
    layout = measure(tmp_path, crowded_result, width)
    assert layout["width"] == width
    assert layout["problems"] == [], layout["problems"]
    assert layout["items"] == 48  # every dated assertion drawn
    assert layout["ticks"] >= 2
    assert sorted(layout["claims"]) == ["gaza-rocket-misfire-hit-al-ahli-hospital", "israeli-strike-hit-al-ahli-hospital"]


@pytest.mark.parametrize("width", [1400, 800])
def test_the_seed_report_lays_out_without_overlaps(seed, tmp_path, width):
    layout = measure(tmp_path, seed, width)
    assert layout["problems"] == [], layout["problems"]
    assert layout["items"] == sum(1 for a in seed.corpus.assertions() if a.date is not None)


@pytest.mark.parametrize("width", [1400, 800])
def test_screenshots_at_both_widths(crowded_result, tmp_path, width):
    page = tmp_path / "crowded.html"
    page.write_text(render_html(crowded_result), encoding="utf-8")
    shot = tmp_path / f"crowded-{width}.png"
    done = run_browser(tmp_path, f"--screenshot={shot}", f"--window-size={width},2400", page.as_uri())
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    assert png_size(shot) == (width, 2400)
    assert shot.stat().st_size > 50_000  # drawn, not a blank page
