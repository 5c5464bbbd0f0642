"""The command line as cli.md defines it: commands, formats, exit codes, streams."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

from helpers import REPO, write_corpus

ENV = {"NO_COLOR": "1", "COLUMNS": "100"}

CONTRADICTION = """
sources:
  - {id: a, name: Source A, reliability: B}
  - {id: b, name: Source B}
claims:
  - id: talks
    text: Talks were held
    tags: [diplomacy]
    assertions:
      - {source: a, stance: affirms, date: 2025-10-12, quote: "They met twice"}
      - {source: b, stance: doubts}
  - id: deal
    text: A deal was struck
    assertions:
      - {source: a, stance: affirms}
      - {source: b, stance: denies}
"""


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(app, list(args), env={**ENV, **(env or {})})


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "c", CONTRADICTION)


def test_conflicts_json_contract(corpus):
    result = run("conflicts", str(corpus), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["schema_version"] == 1
    assert [c["id"] for c in doc["conflicts"]] == ["contradiction:deal", "contradiction:talks"]
    talks = doc["conflicts"][1]
    assert talks["severity"] == "warning" and talks["status"] == "open"
    first = talks["sides"][0]["assertions"][0]
    assert first["file"] == f"{corpus}/corpus.yaml" and first["line"] == 10 and first["column"] == 9
    assert first["date"] == "2025-10-12" and first["quote"] == "They met twice"
    assert doc["findings"] == []
    assert "conflicts" in result.stderr  # the summary goes to standard error


def test_jsonl_one_object_a_line(corpus):
    write_corpus(corpus, "claims:\n  - {id: x, text: x, assertions: [{source: a, stnace: affirms}]}\n", "more.yaml")
    result = run("conflicts", str(corpus), "--format", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["type"] for line in lines] == ["conflict", "conflict", "finding", "finding"]
    assert any("did you mean 'stance'" in line.get("message", "") for line in lines)


def test_check_exit_codes_follow_fail_on(corpus):
    assert run("check", str(corpus)).exit_code == 1  # an error-level contradiction is open
    assert run("check", str(corpus), "--fail-on", "never").exit_code == 0
    assert run("conflicts", str(corpus)).exit_code == 0  # conflicts defaults to never
    assert run("conflicts", str(corpus), "--fail-on", "warning").exit_code == 1
    write_corpus(corpus, "resolutions:\n  - {conflict: 'contradiction:deal', status: acknowledged}\n", "res.yaml")
    # acknowledged conflicts never fail a run; the open warning stays below `error`
    assert run("check", str(corpus)).exit_code == 0
    assert run("check", str(corpus), "--fail-on", "warning").exit_code == 1


def test_check_concise_lines(corpus):
    write_corpus(corpus, "claims:\n  - id: Bad Id\n    text: x\n    assertions: []\n", "bad.yaml")
    result = run("check", str(corpus), "--format", "concise")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f"{corpus}/bad.yaml:2:9: error S006 'id' 'Bad Id' is not a slug" in lines[0]
    assert any(line.endswith("opposes: b") and " error contradiction contradiction:deal" in line for line in lines)


def test_unreadable_corpus_is_findings_and_exit_1(tmp_path):
    root = write_corpus(tmp_path / "c", "claims: [unclosed\n")
    result = run("check", str(root))
    assert result.exit_code == 1
    assert "L003" in result.stdout and "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ("check", "does-not-exist"),
        ("check", "-"),  # standard input is no corpus
        ("conflicts", "--no-such-option"),
        ("conflicts", "--format", "yaml"),
        ("conflicts", "--kind", "contradicton"),
        ("check", "a" * 5000),  # a name too long to look up: not "cannot write the output"
        ("check", "--config", "a" * 5000),
    ],
)
def test_usage_errors_exit_2(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stderr.startswith("claimcheck: error:") or "Usage:" in result.stderr, result.stderr


def test_default_path_is_corpus_folder(tmp_path, monkeypatch):
    write_corpus(tmp_path / "corpus", CONTRADICTION)
    monkeypatch.chdir(tmp_path)
    result = run("conflicts", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["conflicts"][0]["sides"][0]["assertions"][0]["file"] == "corpus/corpus.yaml"


def test_file_paths_are_relative_to_the_working_directory(tmp_path, monkeypatch):
    """An absolute PATH inside the working directory is shown relative to it (cli.md:
    "file paths are relative to the working directory"); one outside it stays absolute."""
    write_corpus(tmp_path / "work" / "corpus", CONTRADICTION)
    (tmp_path / "elsewhere").mkdir()

    def files(path):
        doc = json.loads(run("conflicts", str(path), "--format", "json").stdout)
        return {a["file"] for c in doc["conflicts"] for side in c["sides"] for a in side["assertions"]}

    monkeypatch.chdir(tmp_path / "work")
    assert files(tmp_path / "work" / "corpus") == {"corpus/corpus.yaml"}
    assert files("corpus") == {"corpus/corpus.yaml"}
    monkeypatch.chdir(tmp_path / "work" / "corpus")
    assert files(tmp_path / "work" / "corpus") == {"corpus.yaml"}
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert files(tmp_path / "work" / "corpus") == {f"{tmp_path}/work/corpus/corpus.yaml"}
    assert files("../work/corpus") == {"../work/corpus/corpus.yaml"}


def test_a_filter_naming_nothing_says_so(corpus):
    result = run("conflicts", str(corpus), "-f", "json", "--claim", "dael", "--tag", "diplomcy")
    assert result.exit_code == 0 and json.loads(result.stdout)["conflicts"] == []
    assert "--claim 'dael' names nothing in the corpus (did you mean 'deal'?)" in result.stderr
    assert "--tag 'diplomcy' names nothing in the corpus (did you mean 'diplomacy'?)" in result.stderr
    assert "names nothing" not in run("conflicts", str(corpus), "-f", "json", "--claim", "deal").stderr


def test_filters(corpus):
    def ids(*extra):
        return [c["id"] for c in json.loads(run("conflicts", str(corpus), "-f", "json", *extra).stdout)["conflicts"]]

    assert ids("--severity", "warning") == ["contradiction:talks"]
    assert ids("--claim", "deal") == ["contradiction:deal"]
    assert ids("--tag", "diplomacy") == ["contradiction:talks"]
    assert ids("--source", "a") == ["contradiction:deal", "contradiction:talks"]
    assert ids("--kind", "exclusive") == []
    write_corpus(corpus, "resolutions:\n  - {conflict: 'contradiction:deal', status: resolved}\n", "res.yaml")
    table = run("conflicts", str(corpus), "--format", "table").stdout
    assert "contradiction:deal" not in table  # resolved: hidden unless --all
    assert "contradiction:deal" in run("conflicts", str(corpus), "--format", "table", "--all").stdout
    assert ids("--status", "resolved") == ["contradiction:deal"]


def test_table_shows_what_a_reader_needs(corpus):
    out = run("conflicts", str(corpus), "--format", "table").stdout
    for expected in ("contradiction:deal", "ERROR", "supports", "opposes", "Source A [B]", "denies", "doubts",
                     "2025-10-12", "They met twice", "independent origin"):
        assert expected in out
    assert out.index("contradiction:deal") < out.index("contradiction:talks")  # errors first
    assert "\x1b[" not in out  # NO_COLOR
    colored = run("conflicts", str(corpus), "--format", "table", "--color", "always").stdout
    assert "\x1b[" in colored


def test_output_file_is_written_and_stdout_stays_empty(corpus, tmp_path):
    target = tmp_path / "report.json"
    result = run("check", str(corpus), "--format", "json", "--output", str(target))
    assert result.stdout == ""
    assert json.loads(target.read_text())["schema_version"] == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".report.json")]  # no temp left


@pytest.mark.parametrize(
    "args",
    [
        ("check", "c", "--format", "json"),
        ("conflicts", "c", "--format", "markdown"),
        ("graph", "c"),
        ("schema", "corpus"),
        ("sources", "c", "--format", "json"),
        ("export", "claimreview", "c"),
        ("report", "c"),
    ],
)
def test_output_dash_is_standard_output_for_every_command(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "c", CONTRADICTION)
    result = run(*args, "--output", "-")
    assert result.exit_code in (0, 1), result.output
    assert not (tmp_path / "-").exists()
    if args[0] == "report":  # writes claimcheck-report.html when no --output is given
        assert result.stdout.startswith("<!DOCTYPE html>") and "Wrote" not in result.stderr
    else:
        assert result.stdout and result.stdout == run(*args).stdout


def test_show_conflict_claim_source_and_unknown(tmp_path):
    root = write_corpus(tmp_path / "c", CONTRADICTION + """
  - id: meeting
    text: They met
    assertions: [{source: b, stance: denies}]
rules:
  - {id: deal-needs-meeting, kind: implies, if: deal, then: meeting}
""")
    out = run("show", "contradiction:meeting", str(root)).stdout
    assert "Source A affirms deal; rule deal-needs-meeting: deal implies meeting" in out
    assert "Talks were held" in run("show", "talks", str(root)).stdout
    assert "reliability: B" in run("show", "a", str(root)).stdout
    missing = run("show", "contradiction:meetng", str(root))
    assert missing.exit_code == 2 and "did you mean 'contradiction:meeting'" in missing.stderr


def test_init_writes_valid_corpus_and_never_overwrites(tmp_path):
    target = tmp_path / "starter"
    assert run("init", str(target)).exit_code == 0
    check = run("check", str(target), "--format", "json", "--fail-on", "never")
    doc = json.loads(check.stdout)
    # lint infos (anonymous support, one origin) are what the starter shows; nothing worse
    assert [f for f in doc["findings"] if f["severity"] != "info"] == [] and doc["conflicts"]
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    again = run("init", str(target))
    assert again.exit_code == 2 and "never overwrites" in again.stderr
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before


def test_init_leaves_a_folder_that_already_holds_a_corpus_alone(tmp_path):
    mine = write_corpus(tmp_path / "mine", "sources: [{id: a, name: A}]\n", "my-sources.yaml")
    result = run("init", str(mine))
    assert result.exit_code == 2 and "already holds a corpus" in result.stderr
    assert sorted(p.name for p in mine.iterdir()) == ["my-sources.yaml"]
    assert run("init", str(tmp_path / "fresh")).exit_code == 0  # an empty or new folder is fine


def test_commands_never_change_the_corpus(corpus):
    def digest():
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus.iterdir()}

    before = digest()
    for args in (("check",), ("conflicts",), ("conflicts", "-f", "json"), ("show", "talks")):
        run(*args, str(corpus)) if args[0] != "show" else run(*args, str(corpus))
    assert digest() == before


def test_seed_corpus_is_clean_and_shows_the_articles_contradictions():
    result = run("check", str(REPO / "corpus"), "--format", "json")
    doc = json.loads(result.stdout)
    assert result.exit_code == 0, result.stdout
    assert [f for f in doc["findings"] if f["severity"] != "info"] == []  # lint infos are fine
    found = {c["id"]: c for c in doc["conflicts"]}
    negotiating = found["contradiction:venezuela-negotiating-with-us"]
    assert {"el-nuevo-herald", "new-york-times", "venezuelan-government"} <= set(negotiating["sources"])
    assert found["contradiction:chavismo-considering-negotiated-exit"]["sources"] == ["el-nuevo-herald", "el-pais"]
    assert "contradiction:maduro-met-cuban-advisers" in found
    assert "exclusive:withdraw-or-stay" in found


def test_python_dash_m_and_version():
    out = subprocess.run([sys.executable, "-m", "claimcheck", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("claimcheck ")


def test_a_machine_format_starts_without_rich_pydantic_or_pyyaml():
    """Start-up is most of a small check (a pre-commit hook): a machine format imports
    no terminal library, typer builds no pydantic adapters (see pyproject.toml), and
    PyYAML waits for a file the plain-block reader leaves (the seed corpus has none)."""
    report_modules = (
        "import os, runpy, sys\n"
        "leave = os._exit\n"
        "def report(code):\n"
        "    print(*sorted(sys.modules), file=sys.stderr)\n"
        "    leave(code)\n"
        "os._exit = report\n"
        "sys.argv = ['claimcheck', *sys.argv[1:]]\n"
        "runpy.run_module('claimcheck', run_name='__main__')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", report_modules, "check", str(REPO / "corpus"), "--format", "json", "--no-cache"],
        capture_output=True, text=True,
    )
    assert out.returncode == 0, out.stderr
    imported = set(out.stderr.splitlines()[-1].split())
    assert "claimcheck.report.machine" in imported
    assert not {name for name in imported if name.split(".")[0] in ("rich", "pydantic", "yaml")}


def test_control_characters_in_corpus_text_never_reach_the_terminal(tmp_path):
    root = write_corpus(tmp_path / "c", r"""
sources:
  - {id: a, name: "Evil\e[2J name"}
  - {id: b, name: B}
claims:
  - id: x
    text: "clear\e[2Jscreen\nand a new line"
    assertions:
      - {source: a, stance: affirms, quote: "bell\a"}
      - {source: b, stance: denies}
    "bad\nkey": 1
""")
    for fmt in ("concise", "table", "github"):
        out = run("check", str(root), "--format", fmt).stdout
        assert "\x1b" not in out and "\x07" not in out, fmt
    concise = run("check", str(root), "--format", "concise").stdout
    assert all(line.startswith(str(root)) for line in concise.splitlines())  # one line each
    assert "\\e[2J" in run("show", "x", str(root)).stdout


def test_a_file_written_from_a_terminal_gets_lines_not_a_table(monkeypatch):
    # the terminal's width and colours are no business of a file
    from claimcheck import cli
    from claimcheck.config import Config

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setattr(cli.sys.stdout, "isatty", lambda: True, raising=False)
    assert cli._default_format(None, Config(), None) is cli.Format.table
    assert cli._default_format(None, Config(), Path("-")) is cli.Format.table
    assert cli._default_format(None, Config(), Path("report.txt")) is cli.Format.concise


def test_a_folder_without_corpus_files_is_said_on_stderr(tmp_path):
    (tmp_path / "notes.txt").write_text("not a corpus", encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.exit_code == 0 and result.stdout == ""
    assert f"warning: no corpus files (*.yaml, *.yml) found in '{tmp_path}'" in result.stderr
    assert "warning: no corpus files" not in run("check", str(tmp_path), "--quiet").stderr


def test_choices_are_case_insensitive_like_format():
    assert run("check", str(REPO / "corpus"), "--fail-on", "NEVER", "--format", "JSON").exit_code == 0
    assert run("check", str(REPO / "corpus"), "--fail-on", "Warning").exit_code == 1


def test_conflicts_says_when_only_hidden_info_findings_fail_the_run(tmp_path):
    write_corpus(tmp_path, """
        sources: [{id: a, name: A}, {id: b, name: B}]
        claims:
          - {id: x, text: x, assertions: [{source: a, stance: affirms}]}
    """)  # b is never used: an info finding, which conflicts' lines leave out
    result = run("conflicts", str(tmp_path), "--fail-on", "info", "--format", "concise")
    assert result.exit_code == 1 and result.stdout == ""
    assert "exit 1 for 1 info finding (--fail-on info)" in result.stderr
    assert "exit 1 for" not in run("conflicts", str(tmp_path), "--fail-on", "info", "--format", "json").stderr


def test_a_closed_standard_error_does_not_stop_the_report():
    # `2>&-`: nowhere to say a summary, but the report itself still goes out
    command = f'"{sys.executable}" -m claimcheck check "{REPO / "corpus"}" --format json --no-cache 2>&-'
    out = subprocess.run(["bash", "-c", command], capture_output=True, text=True)
    assert out.returncode == 0
    assert json.loads(out.stdout)["summary"]["conflicts"] > 0
    closed = subprocess.run(["bash", "-c", command.replace("2>&-", ">&-")], capture_output=True, text=True)
    assert closed.returncode == 2 and "standard output is closed" in closed.stderr


def test_an_empty_path_is_a_usage_error_not_the_working_folder(tmp_path):
    # `claimcheck check "$CORPUS"` with CORPUS unset must not quietly read the working folder
    write_corpus(tmp_path, "sources: [{id: a, name: A}]\n")
    empty = subprocess.run([sys.executable, "-m", "claimcheck", "check", ""], cwd=tmp_path, capture_output=True, text=True)
    assert empty.returncode == 2 and "a PATH is empty" in empty.stderr
    dot = subprocess.run([sys.executable, "-m", "claimcheck", "check", ".", "--no-cache"], cwd=tmp_path, capture_output=True, text=True)
    assert dot.returncode == 0, dot.stderr
