"""What a person sees of a story walked back (format version 2, issue #23 item 7): every
renderer shows where a relayed assertion came from, marks self-serving and against-
interest assertions apart, names the origin that several sources share, and shows what
was withdrawn; the markdown comment carries origins and the leaning."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from claimcheck.cli import app

from helpers import write_corpus

STORY = """
sources:
  - {id: ministry, name: Health Ministry, kind: government, represents: [north]}
  - {id: army, name: Southern Army, kind: government, represents: [south]}
  - {id: wire, name: Wire Service, kind: agency, reliability: B}
  - {id: daily, name: The Daily, kind: newspaper, reliability: B}
  - {id: intel, name: Intelligence officials, kind: official, reliability: C}
entities:
  - {id: hospital, name: City Hospital, kind: place}
  - {id: north, name: The North, kind: country}
  - {id: south, name: The South, kind: country}
predicates:
  - {id: death-toll, single_value: true, value_type: number, tolerance: 30}
claims:
  - id: toll
    text: The number of people killed at City Hospital
    subject: hospital
    predicate: death-toll
    assertions:
      - {source: ministry, stance: affirms, date: 2023-10-17, value: 500, withdrawn: 2023-10-18}
      - {source: ministry, stance: affirms, date: 2023-10-18, value: 471}
      - {source: wire, stance: affirms, date: 2023-10-18, value: 471, via: [ministry]}
      - {source: intel, stance: affirms, date: 2023-10-18, value: {min: 100, max: 300}}
  - id: southern-strike
    text: A Southern air strike hit City Hospital
    subject: hospital
    favours: [north]
    harms: [south]
    assertions:
      - {source: ministry, stance: affirms, date: 2023-10-17}
      - {source: army, stance: denies, date: 2023-10-17}
      - {source: daily, stance: affirms, date: 2023-10-17, withdrawn: 2023-10-20}
  - id: southern-admission
    text: A Southern unit fired near City Hospital
    subject: hospital
    harms: [south]
    assertions:
      - {source: army, stance: affirms, date: 2023-10-19}
      - {source: daily, stance: denies, date: 2023-10-19}
  - id: misfired-rocket
    text: A misfired Northern rocket hit City Hospital
    subject: hospital
    favours: [south]
    harms: [north]
    assertions:
      - {source: army, stance: affirms, date: 2023-10-18}
      - {source: intel, stance: affirms, date: 2023-10-18}
  - id: unrelated
    text: The hospital had a generator
    subject: hospital
    assertions:
      - {source: daily, stance: affirms}
rules:
  - {id: strike-or-rocket, kind: exclusive, claims: [southern-strike, misfired-rocket, unrelated]}
"""


def run(*args):
    color = ["--color", "never"] if args[0] != "report" else []
    result = CliRunner().invoke(app, [*args, *color], env={"NO_COLOR": "1", "COLUMNS": "120"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def test_the_table_shows_relays_marks_and_the_shared_origin(tmp_path):
    write_corpus(tmp_path / "c", STORY)
    out = run("conflicts", str(tmp_path / "c"), "--format", "table").stdout
    assert "2 sources, 1 independent origin: Health Ministry" in out  # the wire relayed the ministry
    assert "via ministry" in out
    assert "Southern Army [F] ⚑" in out and "Southern Army [F] ⚐" in out  # denies what harms it; admits
    assert "⚑ self-serving:" in out and "⚐ against interest:" in out
    # the exclusive rule's header lists its members, not only those with a side
    assert "at most one of: southern-strike | misfired-rocket | unrelated" in out


def test_as_of_an_earlier_date_shows_what_stood_then_and_says_so(tmp_path):
    write_corpus(tmp_path / "c", STORY)
    out = run("conflicts", str(tmp_path / "c"), "--format", "table", "--as-of", "2023-10-17").stdout
    assert out.startswith("As of 2023-10-17: the assertions made by then and not yet withdrawn.")
    assert "withdrawn 2023-10-20" in out  # the Daily's report stands as of then, and says it will go
    assert "misfired-rocket" not in out.split("contradiction:southern-strike", 1)[1].split("\n\n")[0]


def test_markdown_carries_origins_relays_and_the_leaning(tmp_path):
    write_corpus(tmp_path / "c", STORY)
    out = run("conflicts", str(tmp_path / "c"), "--format", "markdown").stdout
    assert "*Independent origins: 100..300: 1 · 471: 1 (2 sources, from Health Ministry)*" in out
    assert "toll · via ministry" in out
    assert out.count("⚖ ") == 4  # each open conflict's leaning, with its reasons
    assert "*⚐ against interest:" in out


def test_the_timeline_has_a_row_for_each_withdrawal_and_the_figures_given(tmp_path):
    write_corpus(tmp_path / "c", STORY)
    rows = json.loads(run("timeline", str(tmp_path / "c"), "--format", "json").stdout)["rows"]
    toll = [(r["date"], r["event"], r["value"], r["withdrawn"]) for r in rows if r["claim"] == "toll"]
    assert toll == [
        ("2023-10-17", "said", 500, "2023-10-18"),
        ("2023-10-18", "said", 471, None),
        ("2023-10-18", "said", 471, None),
        ("2023-10-18", "said", {"min": 100, "max": 300}, None),
        ("2023-10-18", "withdrew", 500, "2023-10-18"),
    ]
    table = run("timeline", str(tmp_path / "c")).stdout
    assert "affirms ⊘" in table and "withdrew (affirms)" in table and "100..300" in table
    assert "⊘ withdrawn later" in table
    # as of a date: what came after it is not there yet, and withdrawals after it not made
    before = json.loads(run("timeline", str(tmp_path / "c"), "--format", "json", "--as-of", "2023-10-17").stdout)["rows"]
    assert {r["date"] for r in before} == {"2023-10-17", None}
    assert not [r for r in before if r["withdrawn"]]


def test_show_source_lists_what_it_said_and_withdrew_in_date_order(tmp_path):
    write_corpus(tmp_path / "c", STORY)
    out = run("show", "ministry", str(tmp_path / "c")).stdout.splitlines()
    assert out[2] == "3 assertions, 1 withdrawn; relayed by others 1 time"
    assert [line.strip() for line in out[3:6]] == [  # by date, then claim
        "Health Ministry affirms southern-strike 2023-10-17",
        "Health Ministry affirms toll 2023-10-17 = 500 withdrawn 2023-10-18",
        "Health Ministry affirms toll 2023-10-18 = 471",
    ]
    assert "Wire Service affirms toll 2023-10-18 = 471 via ministry" in "\n".join(out)


def test_views_count_the_stances_that_stand(tmp_path):
    write_corpus(tmp_path / "c", STORY)
    claims = {r["id"]: r for r in json.loads(run("claims", str(tmp_path / "c"), "--format", "json").stdout)["rows"]}
    assert (claims["southern-strike"]["affirms"], claims["southern-strike"]["withdrawn"]) == (1, 1)
    then = {r["id"]: r for r in json.loads(run("claims", str(tmp_path / "c"), "--format", "json", "--as-of", "2023-10-17").stdout)["rows"]}
    assert (then["southern-strike"]["affirms"], then["southern-strike"]["withdrawn"]) == (2, 0)
    assert then["misfired-rocket"]["affirms"] == 0  # not said yet
    matrix = json.loads(run("matrix", str(tmp_path / "c"), "--format", "json").stdout)["matrix"]
    strike = next(row for row in matrix["claims"] if row["claim"] == "southern-strike")
    assert "daily" not in strike["stances"]
    sources = {r["id"]: r for r in json.loads(run("sources", str(tmp_path / "c"), "--format", "json").stdout)["rows"]}
    assert (sources["ministry"]["assertions"], sources["ministry"]["withdrawn"]) == (3, 1)


def test_the_html_report_marks_interest_and_withdrawals(tmp_path):
    write_corpus(tmp_path / "c", STORY)
    page = run("report", str(tmp_path / "c"), "-o", "-", "--as-of", "2023-10-19").stdout
    assert "against interest: the source speaks for a party the claim harms" in page
    assert "withdrawn 2023-10-20" in page
    assert "⚐" in page
