"""`claimcheck diff REV`: conflicts at a git revision against the working tree."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.gitdiff import compare_conflicts

from helpers import write_corpus

ENV = {"NO_COLOR": "1", "COLUMNS": "100", "GITHUB_ACTIONS": None}

SOURCES = """\
sources:
  - {id: a, name: Source A}
  - {id: b, name: Source B}
  - {id: c, name: Source C}
"""

# before: talks only doubted (a warning), deal denied (an error)
BEFORE = """\
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
      - {source: b, stance: denies}
"""

# after: talks denied outright (worse: an error), deal gone, a new conflict on war
AFTER = """\
claims:
  - id: talks
    text: Talks were held
    assertions:
      - {source: a, stance: affirms}
      - {source: b, stance: denies}
  - id: deal
    text: A deal was struck
    assertions:
      - {source: a, stance: affirms}
  - id: war
    text: War was declared
    assertions:
      - {source: c, stance: affirms}
      - {source: b, stance: denies}
"""


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", "-c", "user.email=a@b", "-c", "user.name=t", "-c", "commit.gpgsign=false", *args],
        cwd=cwd, capture_output=True, text=True, check=True,
    )
    return done.stdout


def commit(repo: Path, message: str) -> None:
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", message, cwd=repo)


def run(*args, env=None):
    result = CliRunner().invoke(app, [str(a) for a in args], env={**ENV, **(env or {})})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"claimcheck crashed: {args}\n{result.output}") from result.exception
    return result


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A repository with two commits of a corpus; the working tree is the second."""
    root = tmp_path / "repo"
    root.mkdir()
    git("init", "-q", cwd=root)
    write_corpus(root / "corpus", SOURCES, "sources.yaml")
    write_corpus(root / "corpus", BEFORE, "claims.yaml")
    commit(root, "before")
    write_corpus(root / "corpus", AFTER, "claims.yaml")
    commit(root, "after")
    monkeypatch.chdir(root)
    return root


def test_json_new_removed_changed(repo):
    out = run("diff", "HEAD~1", "--format", "json")
    assert out.exit_code == 1, out.output  # a new error-level conflict, and one that got worse
    doc = json.loads(out.stdout)
    assert doc["schema_version"] == 1 and doc["base"] == "HEAD~1"
    assert [c["id"] for c in doc["new"]] == ["contradiction:war"]
    assert [c["id"] for c in doc["removed"]] == ["contradiction:deal"]
    [changed] = doc["changed"]
    assert changed["id"] == "contradiction:talks"
    assert changed["what"] == ["severity"]
    assert (changed["before"]["severity"], changed["after"]["severity"]) == ("warning", "error")
    # the old side's files are shown as the working tree's, so they line up
    removed_files = {a["file"] for s in doc["removed"][0]["sides"] for a in s["assertions"]}
    before_files = {a["file"] for s in changed["before"]["sides"] for a in s["assertions"]}
    assert removed_files == before_files == {"corpus/claims.yaml"}
    assert doc["summary"] == {"new": 1, "removed": 1, "changed": 1, "error_findings": {"before": 0, "after": 0}}
    assert "since HEAD~1: 1 new conflict, 1 changed, 1 removed" in out.stderr
    assert "2 new or worse at or above error: contradiction:talks, contradiction:war" in out.stderr


def test_working_tree_is_never_touched(repo):
    write_corpus(repo / "corpus", AFTER + "  # an uncommitted edit\n", "claims.yaml")
    before = git("status", "--porcelain", cwd=repo)
    files = {p: p.read_bytes() for p in (repo / "corpus").iterdir()}
    run("diff", "HEAD~1")
    assert git("status", "--porcelain", cwd=repo) == before
    assert {p: p.read_bytes() for p in (repo / "corpus").iterdir()} == files


def test_concise_and_table(repo):
    out = run("diff", "HEAD~1", "--format", "concise")
    lines = out.stdout.splitlines()
    assert lines[0].startswith("corpus/claims.yaml:") and "error contradiction contradiction:war (new) — supports: c; opposes: b" in lines[0]
    assert "contradiction:talks (changed: severity warning → error) — supports: a; opposes: b" in lines[1]
    assert "error contradiction contradiction:deal (removed) — supports: a; opposes: b" in lines[2]
    table = run("diff", "HEAD~1", "--format", "table").stdout
    assert "new      contradiction:war  ERROR  contradiction  open" in table
    assert "changed  contradiction:talks  WARNING → ERROR  contradiction  open" in table
    assert "removed  contradiction:deal  ERROR  contradiction  open" in table


def test_fail_on(repo):
    assert run("diff", "HEAD~1", "--fail-on", "never").exit_code == 0
    # against itself nothing changed
    out = run("diff", "HEAD", "--format", "table")
    assert out.exit_code == 0
    assert out.stdout.strip() == "No conflict changed since HEAD."


def test_only_worse_or_new_fails(repo):
    # back to the first version: the warning is a warning again and war is gone
    write_corpus(repo / "corpus", BEFORE, "claims.yaml")
    out = run("diff", "HEAD", "--format", "json")
    doc = json.loads(out.stdout)
    assert [c["id"] for c in doc["new"]] == ["contradiction:deal"]
    assert out.exit_code == 1  # deal is a new open error
    write_corpus(repo / "corpus", "resolutions:\n  - {conflict: 'contradiction:deal', status: acknowledged}\n", "res.yaml")
    out = run("diff", "HEAD")
    assert out.exit_code == 0, out.output  # new, but acknowledged; talks got better
    assert run("diff", "HEAD", "--fail-on", "warning").exit_code == 0


def test_sides_changes_are_seen(repo):
    write_corpus(repo / "corpus", AFTER.replace("{source: c, stance: affirms}", "{source: a, stance: affirms}"), "claims.yaml")
    doc = json.loads(run("diff", "HEAD", "--format", "json").stdout)
    assert [(c["id"], c["what"]) for c in doc["changed"]] == [("contradiction:war", ["sides"])]


def test_assertions_reordered_in_their_claim_are_no_change(repo):
    swapped = AFTER.replace(
        "      - {source: c, stance: affirms}\n      - {source: b, stance: denies}\n",
        "      - {source: b, stance: denies}\n      - {source: c, stance: affirms}\n",
    )
    assert swapped != AFTER
    write_corpus(repo / "corpus", swapped, "claims.yaml")
    doc = json.loads(run("diff", "HEAD", "--format", "json").stdout)
    assert doc["changed"] == [] and doc["new"] == [] and doc["removed"] == []


def test_from_a_subfolder_with_a_relative_path(repo, monkeypatch):
    (repo / "notes").mkdir()
    monkeypatch.chdir(repo / "notes")
    doc = json.loads(run("diff", "HEAD~1", "../corpus", "--format", "json").stdout)
    assert {a["file"] for s in doc["removed"][0]["sides"] for a in s["assertions"]} == {"../corpus/claims.yaml"}
    assert {a["file"] for s in doc["new"][0]["sides"] for a in s["assertions"]} == {"../corpus/claims.yaml"}


def test_a_corpus_that_did_not_exist_at_rev(repo):
    write_corpus(repo / "other", SOURCES + BEFORE, "all.yaml")
    commit(repo, "another corpus")
    doc = json.loads(run("diff", "HEAD~1", "other", "--format", "json").stdout)
    assert [c["id"] for c in doc["new"]] == ["contradiction:deal", "contradiction:talks"]
    assert doc["removed"] == [] and doc["changed"] == []
    # a single file as the corpus
    doc = json.loads(run("diff", "HEAD~2", "corpus/claims.yaml", "corpus/sources.yaml", "--format", "json").stdout)
    assert [c["id"] for c in doc["new"]] == ["contradiction:war"]


def test_errors_in_the_corpus_are_mentioned(repo):
    write_corpus(repo / "corpus", "claims:\n  - {id: x, text: x, assertions: [{source: zz, stance: affirms}]}\n", "bad.yaml")
    out = run("diff", "HEAD")
    assert "the corpus has 1 error finding now (see `claimcheck check`)" in out.stderr


def test_unknown_revision_and_no_repository(repo, tmp_path, monkeypatch):
    out = run("diff", "no-such-branch")
    assert out.exit_code == 2
    assert "claimcheck: error: unknown revision 'no-such-branch'" in out.stderr
    out = run("diff", "origin/main")
    assert out.exit_code == 2 and "once fetched" in out.stderr
    outside = tmp_path / "plain"
    write_corpus(outside / "corpus", SOURCES, "sources.yaml")
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    out = run("diff", "HEAD")
    assert out.exit_code == 2
    assert "not in a git repository" in out.stderr
    assert "Traceback" not in out.output


def test_path_outside_the_repository(repo, tmp_path):
    write_corpus(tmp_path / "elsewhere", SOURCES, "sources.yaml")
    out = run("diff", "HEAD", str(tmp_path / "elsewhere"))
    assert out.exit_code == 2
    assert "is outside the git repository" in out.stderr


def test_compare_conflicts_is_by_id():
    side = lambda label, *who: {"label": label, "assertions": [{"claim": "x", "index": i, "source": s} for i, s in enumerate(who)]}
    one = {"id": "contradiction:x", "severity": "error", "status": "open", "sides": [side("supports", "a"), side("opposes", "b")]}
    moved = {**one, "sides": [side("supports", "a"), side("opposes", "b")]}
    moved["sides"][0]["assertions"][0]["line"] = 99  # lines never count
    assert compare_conflicts("HEAD", [one], [moved]).changed == []
    turned = {**one, "status": "acknowledged", "sides": [side("supports", "b"), side("opposes", "a")]}
    [change] = compare_conflicts("HEAD", [one], [turned]).changed
    assert change["what"] == ["status", "sides"]


def test_a_shallow_checkout_says_to_fetch_more(repo, tmp_path, monkeypatch):
    # actions/checkout fetches one commit: HEAD^1 and the base branch are not there
    shallow = tmp_path / "shallow"
    git("clone", "-q", "--depth=1", repo.as_uri(), str(shallow), cwd=tmp_path)
    monkeypatch.chdir(shallow)
    for rev in ("HEAD^1", "origin/other"):
        out = run("diff", rev)
        assert out.exit_code == 2
        assert "this checkout is shallow" in out.stderr and "fetch-depth: 2" in out.stderr
    assert run("diff", "HEAD", "--format", "json").exit_code == 0


def _files(conflicts: list[dict]) -> set[str]:
    return {a["file"] for c in conflicts for s in c["sides"] for a in s["assertions"]}


def test_old_and_new_sides_name_files_alike(repo, monkeypatch):
    # removed conflicts were shown as './claims.yaml', new ones as 'claims.yaml'
    monkeypatch.chdir(repo / "corpus")
    doc = json.loads(run("diff", "HEAD~1", ".", "--format", "json").stdout)
    assert _files(doc["removed"]) == _files(doc["new"]) == {"claims.yaml"}
    concise = run("diff", "HEAD~1", ".", "--format", "concise").stdout
    assert "./" not in concise and all(line.startswith("claims.yaml:") for line in concise.splitlines())
    # an absolute PATH inside the working directory is shown relative to it on both sides
    monkeypatch.chdir(repo)
    doc = json.loads(run("diff", "HEAD~1", repo / "corpus", "--format", "json").stdout)
    assert _files(doc["removed"]) == _files(doc["new"]) == {"corpus/claims.yaml"}


def test_an_absolute_path_from_outside_the_repository(repo, tmp_path, monkeypatch):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # the working directory is in no repository
    out = run("diff", "HEAD~1", repo / "corpus", "--format", "json")
    assert out.exit_code == 1, out.output
    doc = json.loads(out.stdout)
    assert [c["id"] for c in doc["new"]] == ["contradiction:war"]
    assert _files(doc["removed"]) == _files(doc["new"]) == {(repo / "corpus" / "claims.yaml").as_posix()}
    # a PATH in no repository at all says which
    write_corpus(outside / "corpus", SOURCES, "sources.yaml")
    out = run("diff", "HEAD", outside / "corpus")
    assert out.exit_code == 2 and "is not in a git repository" in out.stderr and str(outside / "corpus") in out.stderr


def test_a_table_corpus_is_refused_not_read_as_all_new(repo):
    """diff reads YAML through git: tables, now or at REV, would make every conflict new."""
    assert run("export", "parquet", "corpus", "--out", "tables").exit_code == 0
    commit(repo, "tables")
    out = run("diff", "HEAD~1", "tables", "--format", "json")
    assert out.exit_code == 2 and out.stdout == ""
    assert "'tables' is a table corpus: diff compares YAML corpora" in out.stderr
    assert "claimcheck export parquet" in out.stderr
    # tables at REV, YAML now
    git("rm", "-q", "-r", "tables", cwd=repo)
    write_corpus(repo / "tables", SOURCES + AFTER, "all.yaml")
    out = run("diff", "HEAD", "tables", "--format", "json")
    assert out.exit_code == 2 and "'tables' was a table corpus at " in out.stderr


def test_yaml_beside_a_table_is_said_as_such(repo):
    (repo / "corpus" / "rules.parquet").write_bytes(b"PAR1")
    out = run("diff", "HEAD~1", "--format", "json")
    assert out.exit_code == 2
    assert "holds tables (rules.parquet) and YAML corpus files ('corpus/claims.yaml')" in out.stderr
