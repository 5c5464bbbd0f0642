"""`claimcheck explain`: every finding code and conflict kind has an entry, and every
runnable example really gives its code or kind when analyzed."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from claimcheck import explain, lint
from claimcheck.analysis import analyze
from claimcheck.cli import app
from claimcheck.engine import KINDS
from claimcheck.findings import CODES
from claimcheck.model import SEVERITY_RANK

from helpers import REPO

ENV = {"NO_COLOR": "1", "COLUMNS": "100"}
ENTRIES = {entry.key: entry for entry in explain.entries()}
#: the examples that a corpus file alone cannot show; keep this list short
NOT_RUNNABLE = {"L001", "L002", "L009"}


def run(*args: str):
    return CliRunner().invoke(app, list(args), env=ENV)


def test_every_code_and_kind_has_an_entry():
    assert list(ENTRIES) == [*CODES, *KINDS]
    for key, entry in ENTRIES.items():
        assert entry.doc.strip() and entry.example.strip() and entry.summary, key
        if entry.category == "lint rule":
            # the rule module's docstring is its documentation, and says what to do
            assert entry.doc == lint.RULES[key].__doc__.strip()
            assert re.search(r"How to fix|What to do", entry.doc), key
        else:
            assert entry.fix.strip(), key


def test_readme_code_table_matches_the_codes():
    rows = [line.split(" | ") for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines()
            if re.match(r"\| [A-Z]\d{3} \|", line)]
    assert [(code.lstrip("| "), name, severity) for code, name, severity, _ in rows] == [
        (c.code, c.name, c.severity) for c in CODES.values()
    ]
    # a file above max-file-bytes is L001 (test_loader.test_file_size_limit), not L006
    meaning = {code.lstrip("| "): text for code, _, _, text in rows}
    assert "too large" in meaning["L001"] and "64 MiB" in meaning["L001"]
    assert "file size" not in meaning["L006"]
    assert "max-file-bytes" in ENTRIES["L001"].doc and "max-file-bytes" not in ENTRIES["L006"].doc


def test_only_the_few_known_examples_are_not_runnable():
    assert {key for key, entry in ENTRIES.items() if entry.not_runnable} == NOT_RUNNABLE


@pytest.mark.parametrize("key", [k for k in ENTRIES if k not in NOT_RUNNABLE])
def test_example_gives_its_code_or_kind(tmp_path, key):
    entry = ENTRIES[key]
    (tmp_path / "example.yaml").write_text(entry.example, encoding="utf-8")
    result = analyze([tmp_path])
    if key in KINDS:
        found = [c for c in result.conflicts if c.kind == key]
        assert found, f"the example of {key} gives no {key} conflict"
        # the resolution shown in "How to resolve" names the example's conflict
        assert any(c.id in entry.fix for c in found)
        others = [f for f in result.findings if SEVERITY_RANK[f.severity] > SEVERITY_RANK["info"]]
        assert not others, others
        return
    found = [f for f in result.findings if f.code == key]
    assert found, f"the example of {key} does not give {key}: {result.findings}"
    # the example marks the line where the finding is reported with a comment naming it
    marked = {n for n, line in enumerate(entry.example.splitlines(), 1) if re.search(rf"#.*\b{key}\b", line)}
    assert marked & {f.line for f in found}, (key, marked, [f.line for f in found])
    # and it shows nothing else that matters: at most an info the mistake brings along
    others = [f for f in result.findings if f.code != key and f.severity != "info"]
    assert not others, others


@pytest.mark.parametrize("word", ["S004", "s004", "unknown-field", "near-duplicate-claims", "W101", "value", "conflicts-with", "exclusive:withdraw-or-stay"])
def test_lookup_by_code_name_kind_or_conflict_id(word):
    entry = explain.lookup(word)
    assert entry is not None and word.lower().split(":")[0] in (entry.key.lower(), entry.name)


def test_explain_a_code():
    result = run("explain", "unknown-field")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("S004 unknown-field (schema, error)\n")
    assert "knd: newspaper" in out and "How to fix:" in out


def test_explain_a_lint_rule_shows_its_docstring():
    out = run("explain", "I104").stdout
    assert lint.RULES["I104"].__doc__.strip().splitlines()[0] in out


def test_explain_a_kind_shows_how_to_resolve():
    out = run("explain", "contradiction").stdout
    assert "How to resolve:" in out and "status: acknowledged" in out


def test_explain_without_argument_lists_everything():
    result = run("explain")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    for code, info in CODES.items():
        assert any(line.split()[:3] == [code, info.name, info.severity] for line in lines), code
    for kind in KINDS:
        assert any(line.split()[:1] == [kind] for line in lines), kind


def test_example_option_prints_the_yaml_alone(tmp_path):
    result = run("explain", "exclusive", "--example")
    assert result.stdout == ENTRIES["exclusive"].example


def test_unknown_word_exits_2_with_a_suggestion():
    result = run("explain", "unknwn-field")
    assert result.exit_code == 2
    assert "did you mean 'unknown-field'?" in result.stderr and result.stdout == ""
    assert "did you mean 'contradiction'?" in run("explain", "contradictoin").stderr
