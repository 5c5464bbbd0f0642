"""Baselines: `--write-baseline` records what is there, `--baseline` fails only on what is new."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from claimcheck.baseline import BaselineError, load_baseline, parse
from claimcheck.cli import app

from helpers import SHARED, write_corpus

ENV = {"NO_COLOR": "1", "COLUMNS": "100", "GITHUB_ACTIONS": None}

SOURCES = """\
sources:
  - {id: a, name: Source A}
  - {id: b, name: Source B}
"""

# an open error (deal), an open warning (talks: only doubted), and one schema error
CLAIMS = """\
claims:
  - id: talks
    text: Talks were held
    assertions:
      - {source: a, stance: affirms}
      - {source: b, stance: doubts}
  - id: deal
    text: A deal was struck
    assertions:
      - {source: a, stance: affirms}
      - {source: b, stance: denies, colour: red}
"""

NEW_CONFLICT = """\
claims:
  - id: war
    text: War was declared
    assertions:
      - {source: a, stance: affirms}
      - {source: b, stance: denies}
"""


def run(*args, env=None):
    result = CliRunner().invoke(app, [str(a) for a in args], env={**ENV, **(env or {})})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"claimcheck crashed: {args}\n{result.output}") from result.exception
    return result


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    """A corpus at the relative path `corpus`, as CI runs it from the repository root."""
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "corpus", SOURCES, "sources.yaml")
    write_corpus(tmp_path / "corpus", CLAIMS, "claims.yaml")
    return Path("corpus")


def write_baseline(corpus: Path, name: str = "baseline.json") -> dict:
    out = run("check", corpus, "--write-baseline", name)
    assert out.exit_code == 0, out.output  # writing a baseline accepts what is there
    assert f"Wrote baseline {name}: 2 open conflicts, 1 finding" in out.stderr
    return json.loads(Path(name).read_text(encoding="utf-8"))


def test_written_baseline_is_small_sorted_and_keyed_by_ids(corpus):
    assert run("check", corpus).exit_code == 1
    document = write_baseline(corpus)
    assert document == {
        "format": "claimcheck-baseline",
        "version": 1,
        "conflicts": [
            {"id": "contradiction:deal", "severity": "error"},
            {"id": "contradiction:talks", "severity": "warning"},
        ],
        "findings": [{"code": "S004", "file": "corpus/claims.yaml", "path": "claims/deal/assertions/by:b"}],
    }


def test_finding_files_are_relative_to_the_baseline_file(corpus, monkeypatch):
    """A baseline matches from any working directory: its files are relative to its own
    folder. A baseline written before that (files as shown from where it was written)
    still matches from there."""
    Path("ci").mkdir()
    write_baseline(corpus, "ci/baseline.json")
    assert json.loads(Path("ci/baseline.json").read_text())["findings"][0]["file"] == "../corpus/claims.yaml"
    assert run("check", corpus, "--baseline", "ci/baseline.json", "--fail-on", "info").exit_code == 0
    monkeypatch.chdir("corpus")
    assert run("check", ".", "--baseline", "../ci/baseline.json", "--fail-on", "info").exit_code == 0
    monkeypatch.chdir("..")
    legacy = json.loads(Path("ci/baseline.json").read_text())
    legacy["findings"][0]["file"] = "corpus/claims.yaml"  # as written from the repository root before
    Path("ci/old.json").write_text(json.dumps(legacy))
    assert run("check", corpus, "--baseline", "ci/old.json", "--fail-on", "info").exit_code == 0


def test_baselined_run_passes_and_shows_nothing_old(corpus):
    write_baseline(corpus)
    out = run("check", corpus, "--baseline", "baseline.json", "--format", "concise")
    assert out.exit_code == 0, out.output
    assert out.stdout == ""
    assert "baseline baseline.json: 0 new, 3 baselined (not shown; --show-baselined shows them)" in out.stderr
    shown = run("check", corpus, "--baseline", "baseline.json", "--format", "concise", "--show-baselined")
    assert shown.exit_code == 0
    assert len(shown.stdout.splitlines()) == 3  # both conflicts and the finding


def test_new_conflict_fails_and_is_the_only_one_shown(corpus):
    write_baseline(corpus)
    write_corpus(corpus, NEW_CONFLICT, "more.yaml")
    out = run("check", corpus, "--baseline", "baseline.json", "--format", "concise")
    assert out.exit_code == 1
    lines = out.stdout.splitlines()
    assert len(lines) == 1 and "contradiction:war" in lines[0]
    assert "1 new, 3 baselined" in out.stderr
    # a new finding fails too
    write_corpus(corpus, "claims:\n  - {id: x, text: x, assertions: [{source: zz, stance: affirms}]}\n", "more.yaml")
    out = run("check", corpus, "--baseline", "baseline.json", "--format", "concise")
    assert out.exit_code == 1
    assert [line.split(" ")[2] for line in out.stdout.splitlines()] == ["R001"]


def test_keys_survive_reordering_and_moved_lines(corpus):
    write_baseline(corpus)
    text = (corpus / "claims.yaml").read_text(encoding="utf-8")
    talks, deal = text.split("  - id: deal")
    write_corpus(corpus, "# a comment\n\n" + talks.replace("claims:\n", "claims:\n  - id: deal" + deal, 1), "claims.yaml")
    assert "id: deal" in (corpus / "claims.yaml").read_text().splitlines()[3]
    out = run("check", corpus, "--baseline", "baseline.json")
    assert out.exit_code == 0, out.output
    assert "0 new, 3 baselined" in out.stderr


def test_json_marks_baselined_items_and_summarizes(corpus):
    write_baseline(corpus)
    write_corpus(corpus, NEW_CONFLICT, "more.yaml")
    # fix the schema error and acknowledge the warning: both baseline entries are gone
    write_corpus(corpus, CLAIMS.replace(", colour: red", ""), "claims.yaml")
    write_corpus(corpus, "resolutions:\n  - {conflict: 'contradiction:talks', status: acknowledged}\n", "res.yaml")
    out = run("check", corpus, "--baseline", "baseline.json", "--format", "json")
    assert out.exit_code == 1
    doc = json.loads(out.stdout)
    marks = {c["id"]: c["baselined"] for c in doc["conflicts"]}
    assert marks == {"contradiction:deal": True, "contradiction:talks": False, "contradiction:war": False}
    assert doc["findings"] == []
    assert doc["summary"]["baseline"] == {
        "file": "baseline.json",
        "new": {"conflicts": ["contradiction:war"], "findings": []},
        "baselined": {"conflicts": ["contradiction:deal"], "findings": []},
        "gone": {
            "conflicts": ["contradiction:talks"],
            "findings": [{"code": "S004", "file": "corpus/claims.yaml", "path": "claims/deal/assertions/by:b"}],
        },
        "worse": {},
    }
    assert "2 baseline entries no longer occur (update the baseline with --write-baseline baseline.json):" in out.stderr
    assert "  conflict contradiction:talks" in out.stderr
    assert "  finding S004 corpus/claims.yaml claims/deal/assertions/by:b" in out.stderr
    lines = [json.loads(line) for line in run("check", corpus, "--baseline", "baseline.json", "--format", "jsonl").stdout.splitlines()]
    assert {line["id"]: line["baselined"] for line in lines} == marks


def test_a_conflict_that_gets_worse_is_new(corpus):
    write_baseline(corpus)
    write_corpus(corpus, CLAIMS.replace("stance: doubts", "stance: denies"), "claims.yaml")
    out = run("check", corpus, "--baseline", "baseline.json", "--format", "concise")
    assert out.exit_code == 1
    assert "contradiction:talks" in out.stdout
    assert "  contradiction:talks is error now, warning in the baseline" in out.stderr
    doc = json.loads(run("check", corpus, "--baseline", "baseline.json", "--format", "json").stdout)
    assert doc["summary"]["baseline"]["worse"] == {"contradiction:talks": {"baseline": "warning", "now": "error"}}
    # below --fail-on it is shown as new but does not fail
    assert run("check", corpus, "--baseline", "baseline.json", "--fail-on", "never").exit_code == 0


# findings with no item path, whose messages name a line: keyed by message, less the line
DUPLICATE_KEY = "sources:\n  - id: c\n    name: C\n    name: Sea\n"
BAD_YAML = "claims: [\n  {id: x\n"


def test_message_keys_leave_out_line_numbers(corpus):
    write_corpus(corpus, DUPLICATE_KEY, "more-sources.yaml")
    write_corpus(corpus, BAD_YAML, "broken.yaml")
    run("check", corpus, "--write-baseline", "baseline.json")
    keys = {f["code"]: f for f in json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]}
    assert keys["L004"] == {"code": "L004", "file": "corpus/more-sources.yaml", "message": "duplicate key 'name'; the second one is ignored"}
    assert keys["L003"]["message"] == "YAML syntax: did not find expected ',' or '}'"
    for name, text in (("more-sources.yaml", DUPLICATE_KEY), ("broken.yaml", BAD_YAML)):
        write_corpus(corpus, "# moved\n# down\n" + text, name)
    out = run("check", corpus, "--baseline", "baseline.json")
    assert out.exit_code == 0, out.output
    assert "0 new, 6 baselined" in out.stderr


def test_baselines_keyed_by_whole_messages_still_match(corpus):
    write_corpus(corpus, DUPLICATE_KEY, "more-sources.yaml")
    assert run("check", corpus, "--write-baseline", "baseline.json").exit_code == 0
    document = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    for entry in document["findings"]:
        if entry["code"] == "L004":  # as written before keys left line numbers out
            entry["message"] = "duplicate key 'name' (first at line 3); the second one is ignored"
    Path("baseline.json").write_text(json.dumps(document), encoding="utf-8")
    out = run("check", corpus, "--baseline", "baseline.json")
    assert out.exit_code == 0, out.output
    assert "0 new, 5 baselined" in out.stderr


def test_findings_on_one_item_count(corpus):
    write_corpus(corpus, CLAIMS.replace("colour: red", "colour: red, size: big"), "claims.yaml")
    run("check", corpus, "--write-baseline", "baseline.json")
    document = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert document["findings"] == [
        {"code": "S004", "file": "corpus/claims.yaml", "path": "claims/deal/assertions/by:b", "count": 2}
    ]
    write_corpus(corpus, CLAIMS.replace("colour: red", "colour: red, size: big, weight: 3"), "claims.yaml")
    out = run("check", corpus, "--baseline", "baseline.json", "--format", "concise")
    assert out.exit_code == 1
    assert len(out.stdout.splitlines()) == 1  # the third unknown field on that item is new


def test_sarif_and_github_under_a_baseline(corpus):
    write_baseline(corpus)
    write_corpus(corpus, NEW_CONFLICT, "more.yaml")
    out = run("check", corpus, "--baseline", "baseline.json", "--format", "sarif")
    log = json.loads(out.stdout)
    schema = json.loads((SHARED / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    states = {r["properties"].get("id", r["ruleId"]): r["baselineState"] for r in log["runs"][0]["results"]}
    assert states == {"contradiction:deal": "unchanged", "contradiction:talks": "unchanged", "contradiction:war": "new", "S004": "unchanged"}
    github = run("check", corpus, "--baseline", "baseline.json", "--format", "github")
    assert len(github.stdout.splitlines()) == 1 and "contradiction:war" in github.stdout


def sarif_states(*args) -> dict[str, str | None]:
    log = json.loads(run(*args, "--format", "sarif").stdout)
    schema = json.loads((SHARED / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    return {r["properties"].get("id", r["ruleId"]): r.get("baselineState") for r in log["runs"][0]["results"]}


def test_sarif_gives_every_result_a_baseline_state(corpus):
    write_corpus(corpus, "claims:\n  - id: old\n    text: Old news\n    assertions:\n"
                 "      - {source: a, stance: affirms}\n      - {source: b, stance: denies}\n", "old.yaml")
    write_corpus(corpus, "resolutions:\n  - {conflict: contradiction:old, status: acknowledged}\n", "resolutions.yaml")
    assert run("check", corpus, "--write-baseline", "baseline.json").exit_code == 0
    # right after writing the baseline nothing has changed, the settled conflict included
    assert sarif_states("check", corpus, "--baseline", "baseline.json") == {
        "contradiction:deal": "unchanged", "contradiction:old": "unchanged", "contradiction:talks": "unchanged", "S004": "unchanged",
    }
    write_corpus(corpus, CLAIMS.replace("stance: doubts", "stance: denies"), "claims.yaml")  # talks: warning -> error
    write_corpus(corpus, "resolutions:\n  - {conflict: contradiction:old, status: acknowledged}\n"
                 "  - {conflict: contradiction:deal, status: resolved, verdict: it was struck}\n", "resolutions.yaml")
    write_corpus(corpus, NEW_CONFLICT, "more.yaml")
    assert sarif_states("check", corpus, "--baseline", "baseline.json") == {
        "contradiction:deal": "updated",  # recorded open, resolved since
        "contradiction:old": "unchanged",  # settled before the baseline was written
        "contradiction:talks": "updated",  # recorded as a warning, an error now
        "contradiction:war": "new",
        "S004": "unchanged",
    }
    assert set(sarif_states("check", corpus).values()) == {None}  # no baseline, no state


def test_conflicts_writes_a_baseline_of_the_whole_corpus(corpus):
    out = run("conflicts", corpus, "--kind", "value", "--write-baseline", "b.json")
    assert out.exit_code == 0
    assert [c["id"] for c in json.loads(Path("b.json").read_text())["conflicts"]] == ["contradiction:deal", "contradiction:talks"]
    assert run("check", corpus, "--baseline", "b.json").exit_code == 0


@pytest.mark.parametrize(
    "text, message",
    [
        (None, "no such baseline file"),
        ("{oops", "not valid JSON"),
        ('{"schema_version": 1, "conflicts": [], "findings": []}', 'expected an object with "format": "claimcheck-baseline"'),
        ('{"format": "claimcheck-baseline", "version": 2}', "version 2 is not supported"),
        ('{"format": "claimcheck-baseline", "version": true}', "version True is not supported"),
        ('{"format": "claimcheck-baseline", "version": 1, "conflicts": [{"id": 3}]}', "conflicts[0] must be"),
        ('{"format": "claimcheck-baseline", "version": 1, "findings": [{"code": "S004"}]}', "findings[0] must be"),
        ('{"format": "claimcheck-baseline", "version": 1, "findings": "all"}', "'findings' must be a list"),
    ],
)
def test_missing_or_malformed_baseline_is_a_usage_error(corpus, text, message):
    if text is not None:
        Path("baseline.json").write_text(text, encoding="utf-8")
    out = run("check", corpus, "--baseline", "baseline.json")
    assert out.exit_code == 2
    assert out.stderr.startswith("claimcheck: error: baseline baseline.json")
    assert message in out.stderr
    assert "Traceback" not in out.output


def test_load_and_parse_round_trip(tmp_path):
    (tmp_path / "b.json").write_text(
        '{"format": "claimcheck-baseline", "version": 1, "conflicts": [{"id": "value:x", "severity": "info"}],'
        ' "findings": [{"code": "C001", "file": "c.yaml", "message": "stale", "count": 3}]}',
        encoding="utf-8",
    )
    baseline = load_baseline(tmp_path / "b.json")
    assert baseline.conflicts == {"value:x": "info"}
    assert sum(baseline.findings.values()) == 3
    with pytest.raises(ValueError):
        parse({"format": "claimcheck-baseline", "version": 1, "findings": [{"code": "C001", "file": "c", "path": "p", "count": 0}]})
    with pytest.raises(BaselineError):
        load_baseline(tmp_path / "missing.json")


@pytest.mark.parametrize("command", ["check", "conflicts"])
def test_write_baseline_to_standard_output_is_refused(corpus, command):
    out = run(command, corpus, "--write-baseline", "-")
    assert out.exit_code == 2
    assert "--write-baseline needs a file" in out.stderr
    assert out.stdout == ""
    assert not Path("-").exists()


def test_an_oversized_file_keeps_its_key_as_it_grows(corpus):
    # L001 names the file's size, which changes with every edit; the key does not
    Path(".claimcheck.yaml").write_text("limits: {max-file-bytes: 1000}\n", encoding="utf-8")
    big = corpus / "big.yaml"
    big.write_text("# " + "x" * 2000 + "\n", encoding="utf-8")
    run("check", corpus, "--write-baseline", "baseline.json")
    [key] = [f for f in json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"] if f["code"] == "L001"]
    assert key["message"] == "the file is above the limit of 1000 bytes"
    big.write_text("# " + "x" * 3000 + "\n", encoding="utf-8")
    out = run("check", corpus, "--baseline", "baseline.json")
    assert out.exit_code == 0, out.output


def test_markdown_says_what_the_baseline_accepted(corpus):
    # a comment posted in CI that said "no open conflicts" would hide the accepted ones
    write_baseline(corpus)
    quiet = run("check", corpus, "--baseline", "baseline.json", "--format", "markdown").stdout
    assert "No new open conflicts and no new findings." in quiet
    assert "Against the baseline `baseline.json`: **0 new**, 3 baselined (not shown)." in quiet
    write_corpus(corpus, NEW_CONFLICT, "more.yaml")
    one = run("check", corpus, "--baseline", "baseline.json", "--format", "markdown").stdout
    assert "**1 new open conflict**" in one and "**1 new**, 3 baselined" in one
    shown = run("check", corpus, "--baseline", "baseline.json", "--format", "markdown", "--show-baselined").stdout
    assert "(marked *baselined*)" in shown
    assert shown.count("· *baselined*") == 2 and "`contradiction:war` — error contradiction\n" in shown


def test_an_assertion_finding_keeps_its_key_when_an_assertion_is_added_above(corpus):
    write_baseline(corpus)  # the S004 in deal's assertion by b
    claims = (corpus / "claims.yaml").read_text(encoding="utf-8")
    edited = claims.replace("  - id: deal\n    text: A deal was struck\n    assertions:\n",
                            "  - id: deal\n    text: A deal was struck\n    assertions:\n      - {source: a, stance: doubts}\n")
    assert edited != claims
    (corpus / "claims.yaml").write_text(edited, encoding="utf-8")
    out = run("check", corpus, "--baseline", "baseline.json", "--format", "json")
    assert [f["baselined"] for f in json.loads(out.stdout)["findings"] if f["code"] == "S004"] == [True]
