"""The files other tools read: the pre-commit hook and the example GitHub workflow."""

from __future__ import annotations

import yaml

from helpers import REPO


def test_pre_commit_hook():
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "claimcheck"
    assert hook["entry"] == "claimcheck check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert hook["files"] == r"\.(ya?ml)$"


def test_example_github_workflow_parses_and_does_what_the_readme_says():
    workflow = yaml.safe_load((REPO / "examples" / "github-workflow.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"push", "pull_request"}
    [job] = workflow["jobs"].values()
    steps = job["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    uses = [step.get("uses", "") for step in steps]
    assert "pip install" in runs
    assert "claimcheck check\n" in runs + "\n"
    assert "claimcheck check --format sarif --output claimcheck.sarif" in runs
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    assert job["permissions"]["security-events"] == "write"
    [diff_step] = [s for s in steps if "claimcheck diff" in s.get("run", "")]
    assert "pull_request" in diff_step["if"]
    # the merge commit against its first parent: checkout must fetch both
    assert diff_step["run"].strip() == "claimcheck diff HEAD^1"
    [checkout] = [s for s in steps if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["fetch-depth"] >= 2
    # a fork's pull request may not upload: the step is skipped, not failed
    [upload] = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert "github.event.pull_request.head.repo.fork" in upload["if"]
