"""Every command's --help: a one-line purpose and two or three examples that really run
on the seed corpus (pipes into jq are run through jq when it is installed)."""

from __future__ import annotations

import shlex
import shutil
import subprocess

import pytest
import typer.main
from typer.testing import CliRunner

from claimcheck import __version__
from claimcheck.cli import app

from helpers import REPO

ENV = {"NO_COLOR": "1", "COLUMNS": "100", "GITHUB_ACTIONS": None, "CI": None}
GROUP = typer.main.get_command(app)


def _names(group, prefix: str = "") -> list[str]:
    """Every command as typed after `claimcheck` ("check", "import csv"); groups too."""
    out = []
    for name, command in sorted(group.commands.items()):
        out.append(prefix + name)
        if hasattr(command, "commands"):
            out += _names(command, f"{prefix}{name} ")
    return out


COMMANDS = _names(GROUP)
#: groups of commands need only a purpose: their commands carry the examples
GROUPS = {name for name in COMMANDS if hasattr(GROUP.commands[name.split()[0]], "commands") and " " not in name}
#: files that a command's examples read, which the seed corpus does not provide
INPUTS = {
    "import csv": {
        "claims.csv": "ObjectID,PropertyID,PropertyValue,SourceID\n"
                      "caracas,population,2245744,census\ncaracas,population,3000000,almanac\n",
    },
    "import claimreview": {
        "reviews.json": '[{"@context": "https://schema.org", "@type": "ClaimReview", '
                        '"claimReviewed": "Cuba sent troops to Venezuela", '
                        '"author": {"@type": "Organization", "name": "Example Checks"}, '
                        '"reviewRating": {"@type": "Rating", "alternateName": "False"}}]',
    },
}


def examples(help_text: str) -> list[str]:
    """The command lines under 'Example(s):' in a help text."""
    lines = help_text.split("Example", 1)[1].splitlines()[1:] if "Example" in help_text else []
    return [line.strip() for line in lines if line.strip().startswith("claimcheck ")]


def test_version():
    result = CliRunner().invoke(app, ["--version"], env=ENV)
    assert result.exit_code == 0 and result.stdout == f"claimcheck {__version__}\n"


def command_of(name: str):
    command = GROUP  # "" is claimcheck itself
    for word in name.split():
        command = command.commands[word]
    return command


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_help_has_a_purpose_and_examples(name):
    command = command_of(name)
    purpose = command.help.strip().splitlines()[0]
    assert purpose.endswith(".") and len(purpose) <= 120, purpose
    if name in GROUPS:
        return
    assert 2 <= len(examples(command.help)) <= 5, command.help
    result = CliRunner().invoke(app, [*name.split(), "--help"], env=ENV)
    assert result.exit_code == 0 and "Example" in result.stdout


@pytest.fixture(scope="module")
def seed_repo(tmp_path_factory):
    """A git repository holding a copy of the seed corpus, with HEAD~1 and origin/main."""
    root = tmp_path_factory.mktemp("seed")
    shutil.copytree(REPO / "corpus", root / "corpus")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "."], cwd=root, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "seed"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "again"], cwd=root, check=True)
    subprocess.run(["git", "update-ref", "refs/remotes/origin/main", "HEAD~1"], cwd=root, check=True)
    return root


#: commands whose examples write a new corpus, run in an empty folder
STARTS_EMPTY = {"init"}


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_examples_run_on_the_seed_corpus(seed_repo, tmp_path, monkeypatch, name):
    """A command's examples, in order, in one folder (a baseline written by one example
    is read by the next)."""
    work = tmp_path / "work"
    if name in STARTS_EMPTY:
        work.mkdir()
    else:
        shutil.copytree(seed_repo, work)
    for file, text in INPUTS.get(name, {}).items():
        (work / file).write_text(text, encoding="utf-8")
    monkeypatch.chdir(work)
    for line in examples(command_of(name).help):
        for step in line.split(" && "):
            words = shlex.split(step, comments=True)
            words, filters = _split(words, "|")
            words, target = _split(words, ">")
            assert words[0] == "claimcheck"
            result = CliRunner().invoke(app, words[1:], env=ENV)
            assert result.exit_code in (0, 1), (step, result.output)
            assert "error:" not in result.stderr, (step, result.stderr)
            if target:
                (work / target[0]).write_text(result.stdout, encoding="utf-8")
            # the output piped into jq must suit the filter (other programs, like dot, are
            # not run: only claimcheck's part of the line is the example's to keep right)
            if filters and filters[0] == "jq" and shutil.which("jq"):
                jq = subprocess.run(filters, input=result.stdout, capture_output=True, text=True, timeout=30)
                assert jq.returncode == 0, (step, jq.stderr)


def _split(words: list[str], token: str) -> tuple[list[str], list[str]]:
    if token in words:
        at = words.index(token)
        return words[:at], words[at + 1:]
    return words, []
