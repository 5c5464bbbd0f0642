"""The views (sources, claims, timeline, matrix) and the analysis switches of the CLI."""

from __future__ import annotations

import json
import re

import pytest

from typer.testing import CliRunner

from claimcheck.cli import app

from helpers import write_corpus

ENV = {"NO_COLOR": "1", "COLUMNS": "120", "GITHUB_ACTIONS": None}

CORPUS = """
sources:
  - {id: paper, name: The Paper, reliability: B}
  - {id: gov, name: Government, kind: government, represents: [ukraine]}
entities:
  - {id: ukraine, name: Ukraine, aliases: [Kyiv, the Ukrainian government]}
  - {id: chile, name: Chile}
claims:
  - id: talks
    text: Ukraine holds talks
    subject: ukraine
    tags: [diplomacy]
    assertions:
      - {source: paper, stance: affirms, date: 2025-10-01}
      - {source: gov, stance: denies, date: 2025-10-02}
      - {source: gov, stance: affirms, date: 2025-11-02}
  - id: copper
    text: Chile exports copper
    subject: chile
    assertions:
      - {source: paper, stance: affirms}
"""


def run(*args):
    return CliRunner().invoke(app, list(args), env=ENV)


def view(tmp_path, *args):
    root = write_corpus(tmp_path / "c", CORPUS)
    result = run(*args, str(root), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_sources_view_counts_and_leaning(tmp_path):
    rows = {r["id"]: r for r in view(tmp_path, "sources")["rows"]}
    assert rows["paper"]["assertions"] == 2 and rows["gov"]["assertions"] == 2
    assert rows["paper"]["conflicts"] == 1
    # the paper (B) against a self-interested government (F): leans to the paper's side
    assert rows["paper"]["with_leaning"] == 1 and rows["paper"]["leaning_conflicts"] == 1


@pytest.mark.parametrize("command", ["sources", "claims", "timeline", "matrix"])
def test_every_view_draws_its_table(tmp_path, command):
    root = write_corpus(tmp_path / "c", CORPUS)
    result = run(command, str(root))
    assert result.exit_code == 0, result.output
    assert "talks" in result.stdout or "The Paper" in result.stdout
    for text in ("claims: []\n", "sources: [{id: a, name: A}]\nclaims:\n  - {id: x, text: X, assertions: []}\n"):
        empty = write_corpus(tmp_path / "empty", text)
        result = run(command, str(empty))
        assert result.exit_code == 0 and "Traceback" not in result.output, result.output


def test_claims_about_matches_aliases_fuzzily(tmp_path):
    rows = view(tmp_path, "claims", "--about", "Kiev")["rows"]
    assert [r["id"] for r in rows] == ["talks"]
    assert rows[0]["conflicts"] == ["contradiction:talks"]
    assert [r["id"] for r in view(tmp_path, "claims", "--tag", "diplomacy")["rows"]] == ["talks"]


def test_timeline_orders_by_date_and_marks_reversals(tmp_path):
    rows = view(tmp_path, "timeline")["rows"]
    assert [r["date"] for r in rows] == ["2025-10-01", "2025-10-02", "2025-11-02", None]
    assert [r["reversal"] for r in rows] == [False, True, True, False]
    assert rows[1]["conflicts"] == ["contradiction:talks"]


def test_timeline_reversal_is_the_engines(tmp_path):
    # only a source on two sides of a conflict at different dates reversed itself (§4.5): not
    # one that said both on one day (a self-contradiction), nor one whose stances never overlap
    root = write_corpus(tmp_path / "c", """
sources:
  - {id: a, name: A}
claims:
  - id: same-day
    text: Same day
    assertions:
      - {source: a, stance: affirms, date: 2025-10-02}
      - {source: a, stance: denies, date: 2025-10-02}
  - id: in-turn
    text: In turn
    assertions:
      - {source: a, stance: affirms, period: {start: 2020, end: 2020}}
      - {source: a, stance: denies, period: {start: 2021, end: 2021}}
""")
    result = run("timeline", str(root), "--format", "json")
    assert result.exit_code == 0 and result.stderr == "", result.output
    rows = json.loads(result.stdout)["rows"]
    assert [(r["claim"], bool(r["conflicts"]), r["reversal"]) for r in rows] == [
        ("same-day", True, False), ("same-day", True, False), ("in-turn", False, False), ("in-turn", False, False),
    ]


def test_matrix_puts_contested_claims_first(tmp_path):
    matrix = view(tmp_path, "matrix")["matrix"]
    assert matrix["sources"] == ["gov", "paper"]
    assert [r["claim"] for r in matrix["claims"]] == ["talks", "copper"]
    assert matrix["claims"][0]["stances"] == {"paper": "affirms", "gov": "mixed"}
    table = run("matrix", str(tmp_path / "c")).stdout
    assert "±" in table and "1=gov" in table


def test_select_ignore_and_no_assess(tmp_path):
    root = write_corpus(tmp_path / "c", CORPUS)
    full = json.loads(run("check", str(root), "-f", "json").stdout)
    assert "assessment" in full["conflicts"][0]
    bare = json.loads(run("check", str(root), "-f", "json", "--no-assess", "--select", "W1").stdout)
    assert "assessment" not in bare["conflicts"][0]
    assert all(f["code"].startswith("W1") for f in bare["findings"])
    ignored = json.loads(run("check", str(root), "-f", "json", "--ignore", "I").stdout)
    assert not [f for f in ignored["findings"] if f["code"].startswith("I")]
    wrong = run("check", str(root), "--select", "near-duplicate-claimz")
    assert wrong.exit_code == 2 and "did you mean 'near-duplicate-claims'" in wrong.stderr


LONG = "maduro-asked-the-united-states-to-negotiate-his-exit-from-power"


def test_long_ids_break_between_their_parts_not_inside_words():
    from claimcheck.report.views import render_claims, render_timeline

    claims = render_claims(
        [{"id": LONG, "text": "t", "affirms": 1, "denies": 0, "doubts": 0, "conflicts": [f"contradiction:{LONG}"]}], width=80
    )
    timeline = render_timeline(
        [{"date": "2025-10", "source": "el-nuevo-herald-de-miami", "stance": "affirms", "reversal": False,
          "claim": LONG, "conflicts": [f"exclusive:{LONG}"]}], width=80
    )
    words = set(LONG.split("-")) | {"contradiction", "exclusive", "el", "nuevo", "herald", "de", "miami", "affirms", "t"}
    for screen in (claims, timeline):
        rows = screen.splitlines()[2:-2]  # below the header, above the footer
        shown = {w for line in rows for w in line.replace(":", "-").replace(" ", "-").split("-") if w.isalpha()}
        assert shown - words == set(), f"ids cut inside a word:\n{screen}"
        assert max(len(line) for line in screen.splitlines()) <= 80


def test_claim_text_is_shown_as_written_not_read_as_markup(tmp_path):
    root = write_corpus(tmp_path / "c", """
        sources: [{id: a, name: A}]
        claims:
          - {id: x, text: "Police said [sic] five died [/foo] [bold]loud[/bold]", assertions: [{source: a, stance: affirms}]}
    """)
    result = run("claims", str(root))
    assert result.exit_code == 0, result.output
    assert "[sic]" in result.stdout and "[/foo]" in result.stdout and "[bold]loud[/bold]" in result.stdout


def test_about_matches_the_word_not_text_inside_words(tmp_path):
    root = write_corpus(tmp_path / "c", """
        sources: [{id: a, name: A}]
        claims:
          - {id: woman, text: A woman was elected, assertions: [{source: a, stance: affirms}]}
          - {id: oman, text: Oman mediates, assertions: [{source: a, stance: affirms}]}
    """)
    rows = json.loads(run("claims", str(root), "--about", "Oman", "--format", "json").stdout)["rows"]
    assert [r["id"] for r in rows] == ["oman"]


def test_with_leaning_counts_a_conflict_once_for_a_source_on_both_sides(tmp_path):
    rows = {r["id"]: r for r in view(tmp_path, "sources")["rows"]}
    assert rows["gov"]["conflicts"] == 1 and rows["gov"]["leaning_conflicts"] == 1


def test_views_say_when_the_corpus_has_errors_and_when_a_tag_names_nothing(tmp_path):
    root = write_corpus(tmp_path / "c", CORPUS)
    write_corpus(root, "claims: [unclosed\n", "broken.yaml")
    for command in (["claims"], ["sources"], ["timeline"], ["matrix"], ["graph"], ["show", "talks"]):
        result = run(*command, str(root))
        assert "the corpus has 1 error; what it touches is not shown" in result.stderr, command
        assert "Traceback" not in result.output
    result = run("claims", str(root), "--tag", "diplomcy")
    assert "--tag 'diplomcy' names nothing in the corpus (did you mean 'diplomacy'?)" in result.stderr


def test_ids_stay_whole_when_the_table_has_room():
    # each id column was capped at a third of the width whatever the others needed
    from claimcheck.report.views import render_timeline

    screen = render_timeline(
        [{"date": "2025-10-01", "source": "a", "stance": "affirms", "reversal": False, "claim": "x",
          "conflicts": ["contradiction:talks-were-held-in-oslo"]}], width=80
    )
    assert "contradiction:talks-were-held-in-oslo" in screen


def _words_cut(screen: str, whole: set[str]) -> set[str]:
    """Pieces of ids on screen that are not whole parts of them (a word cut in two)."""
    shown = {w for line in screen.splitlines() for w in re.split(r"[-:/\s]+", line) if w.isalpha()}
    return shown - whole


def _crowded_rows(n: int = 8) -> list[dict]:
    stem = "nonconventional-defense-shows-weakness"
    return [{"id": f"{stem}-{k}", "text": "A misfired rocket launched from inside Gaza hit the hospital courtyard " * 2,
             "affirms": 12, "denies": 3, "doubts": 0, "conflicts": [f"contradiction:{stem}-{k}", "exclusive:strike-or-rocket"]}
            for k in range(n)]


@pytest.mark.parametrize("width", [60, 70, 80, 100, 120, 160, 200])
def test_claims_view_keeps_conflict_ids_whole_at_every_width(width):
    from claimcheck.report.views import render_claims

    rows = _crowded_rows()
    screen = render_claims(rows, width=width)
    whole = {"nonconventional", "defense", "shows", "weakness", "contradiction", "exclusive", "strike", "or", "rocket",
             "claim", "text", "conflicts", "claims", *"A misfired rocket launched from inside Gaza hit the hospital courtyard".split()}
    assert _words_cut(screen, whole) == set(), screen
    assert max(len(line) for line in screen.splitlines()) <= width


def test_timeline_uses_the_width_that_is_there():
    # each id column was capped at a third of what was left, so at 120 columns ids broke
    # while the table stopped 12 columns short
    from claimcheck.report.views import render_timeline

    rows = [{"date": "2023-10-17", "source": "ap", "stance": "affirms", "reversal": False,
             "claim": "gaza-rocket-misfire-hit-al-ahli-hospital", "conflicts": ["contradiction:gaza-rocket-misfire-hit-al-ahli-hospital"]}]
    screen = render_timeline(rows, width=115)
    assert "   gaza-rocket-misfire-hit-al-ahli-hospital   " in screen  # whole: the source needs two columns, not a third
    assert max(len(line) for line in screen.splitlines()) == 115


def _matrix(sources: int) -> dict:
    ids = [f"source-{k:02d}" for k in range(sources)]
    claims = ["gaza-rocket-misfire-hit-al-ahli-hospital", "israeli-strike-hit-al-ahli-hospital", "crater-consistent-with-air-strike"]
    return {"sources": ids, "claims": [
        {"claim": c, "text": c, "contested": n == 0, "stances": {s: ("affirms", "denies", "doubts")[(k + n) % 3] for k, s in enumerate(ids) if (k + n) % 2}}
        for n, c in enumerate(claims)
    ]}


@pytest.mark.parametrize("sources", [18, 24, 60])
def test_matrix_at_80_columns_pages_the_sources_and_keeps_claim_ids(sources):
    from claimcheck.report.views import render_matrix

    matrix = _matrix(sources)
    screen = render_matrix(matrix, width=80)
    lines = screen.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "…" not in screen
    for row in matrix["claims"]:  # every claim id whole, on every page
        assert sum(1 for line in lines if line.startswith(row["claim"] + " ")) >= 2
    headers = [line for line in lines if line.startswith("claim ")]
    numbers = [int(n) for line in headers for n in line.split()[1:]]
    assert numbers == list(range(1, sources + 1))  # each source's column once, in order
    for k, source in enumerate(matrix["sources"], 1):  # and the key names it
        assert re.search(rf"(^|\s){k}={source}(\s|$)", screen, re.M)
    stances = [line.split()[1:] for line in lines if line.startswith("gaza-rocket-misfire-hit-al-ahli-hospital ")]
    symbols = {"affirms": "+", "denies": "−", "doubts": "?", None: "·"}
    assert [s for page in stances for s in page] == [symbols[matrix["claims"][0]["stances"].get(s)] for s in matrix["sources"]]


def test_matrix_is_one_page_where_it_fits():
    from claimcheck.report.views import render_matrix

    screen = render_matrix(_matrix(22), width=200)
    assert sum(1 for line in screen.splitlines() if line.startswith("claim ")) == 1
    assert "sources 1–" not in screen
