"""docs/tutorial.md runs as written: every `$ command` in its console blocks is run in
order, in one temporary folder holding a copy of the seed corpus, and its output must
still match what the page shows.

- `claimcheck ...` runs in-process, as at a terminal (standard output is a TTY, so the
  default format is `table`), with NO_COLOR=1 and COLUMNS=100; other commands (git, ls)
  and lines with pipes or redirections run in bash, where standard output is a pipe.
- A `# exit N` comment at the end of a command line is checked against its exit code.
- In expected output, trailing spaces do not count and a line `...` matches any lines.
- A ```yaml block whose first line is `# file: PATH` is written to PATH at that point.

Run `python tests/test_tutorial.py` to print what each command gives now.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
TUTORIAL = REPO / "docs" / "tutorial.md"
ENV = {"NO_COLOR": "1", "COLUMNS": "100", "GITHUB_ACTIONS": None, "CI": None, "FORCE_COLOR": None}
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Tutorial", "GIT_AUTHOR_EMAIL": "tutorial@example.org",
    "GIT_COMMITTER_NAME": "Tutorial", "GIT_COMMITTER_EMAIL": "tutorial@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}
SHELL_SYNTAX = re.compile(r"[|<>;&`$]")


@dataclass
class Step:
    line: int  # in the tutorial, for messages
    command: str = ""  # a command to run, or
    file: str = ""  # a file to write
    text: str = ""  # the file's text, or the command's expected output


def steps(markdown: str) -> list[Step]:
    out: list[Step] = []
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        fence = re.match(r"^```(\w*)\s*$", lines[index])
        if not fence:
            index += 1
            continue
        start = index + 1
        end = next(i for i in range(start, len(lines)) if lines[i].startswith("```"))
        body = lines[start:end]
        named = re.match(r"^# file: (\S+)", body[0]) if body else None
        if fence[1] == "yaml" and named:
            out.append(Step(start + 1, file=named[1], text="\n".join(body) + "\n"))
        elif fence[1] == "console":
            for number, line in enumerate(body, start + 1):
                if line.startswith("$ "):
                    out.append(Step(number, command=line[2:]))
                elif out and out[-1].command:
                    out[-1].text += line + "\n"
        index = end + 1
    return out


def matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line; a `...` line in `expected` matches any number of lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(matches(expected[1:], actual[skip:]) for skip in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and matches(expected[1:], actual[1:])


def normalise(text: str) -> list[str]:
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n").splitlines()


class TerminalRunner(CliRunner):
    """A CliRunner whose standard output says it is a terminal, as a reader's is."""

    @contextlib.contextmanager
    def isolation(self, *args, **kwargs):
        with super().isolation(*args, **kwargs) as streams:
            sys.stdout.isatty = lambda: True
            yield streams


def run_step(step: Step, work: Path) -> tuple[int, str]:
    """Run one command in `work` (the working directory); its exit code and output."""
    command = step.command
    words = shlex.split(command, comments=True)
    if words[0] == "claimcheck" and not SHELL_SYNTAX.search(command.split("#")[0]):
        from claimcheck.cli import app

        old = os.getcwd()
        os.chdir(work)
        try:
            result = TerminalRunner().invoke(app, words[1:], env={**ENV, **GIT_ENV})
        finally:
            os.chdir(old)
        return result.exit_code, result.output
    env = {**os.environ, **GIT_ENV, **{k: v for k, v in ENV.items() if v is not None}}
    for key in (k for k, v in ENV.items() if v is None):
        env.pop(key, None)
    env["PATH"] = f"{REPO / '.venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    done = subprocess.run(
        ["bash", "-c", command], cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, timeout=120,
    )
    return done.returncode, done.stdout


def expected_exit(command: str) -> int | None:
    found = re.search(r"#\s*exit (\d+)\s*$", command)
    return int(found[1]) if found else None


def prepare(work: Path) -> None:
    shutil.copytree(REPO / "corpus", work / "corpus")


def test_tutorial_runs_as_written(tmp_path):
    work = tmp_path / "tutorial"
    work.mkdir()
    prepare(work)
    all_steps = steps(TUTORIAL.read_text(encoding="utf-8"))
    assert sum(1 for s in all_steps if s.command) >= 10
    for step in all_steps:
        if step.file:
            target = work / step.file
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(step.text, encoding="utf-8")
            continue
        code, output = run_step(step, work)
        where = f"docs/tutorial.md:{step.line}: $ {step.command}"
        wanted = expected_exit(step.command)
        if wanted is not None:
            assert code == wanted, f"{where}\nexit {code}, the tutorial says {wanted}\n{output}"
        assert matches(normalise(step.text), normalise(output)), f"{where}\n--- the tutorial shows:\n{step.text}--- it gives:\n{output}"


def test_readme_links_the_tutorial():
    assert "docs/tutorial.md" in (REPO / "README.md").read_text(encoding="utf-8")


if __name__ == "__main__":  # print what every command gives now, to write the page
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        prepare(work)
        for step in steps(TUTORIAL.read_text(encoding="utf-8")):
            if step.file:
                (work / step.file).parent.mkdir(parents=True, exist_ok=True)
                (work / step.file).write_text(step.text, encoding="utf-8")
                continue
            code, output = run_step(step, work)
            print(f"$ {step.command}    [exit {code}]")
            print("\n".join(normalise(output)))
            print()
