"""Test helpers: write a corpus from YAML text, analyze it, look at the result."""

from __future__ import annotations

import textwrap
from pathlib import Path

from claimcheck.analysis import analyze
from claimcheck.report.data import conflict_dict

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

SOURCES = """
sources:
  - {id: a, name: Source A}
  - {id: b, name: Source B}
  - {id: c, name: Source C}
"""


def write_corpus(root: Path, text: str, name: str = "corpus.yaml") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def conflicts_of(root: Path, text: str, with_sources: bool = True) -> dict[str, dict]:
    """Analyze a one-file corpus (plus sources a, b, c) and return its conflicts by id."""
    write_corpus(root, text)
    if with_sources:
        write_corpus(root, SOURCES, "sources.yaml")
    result = analyze([root])
    errors = [f for f in result.findings if f.severity == "error"]
    assert not errors, errors
    return {c.id: conflict_dict(c) for c in result.conflicts}


def side_members(conflict: dict) -> dict[str, set[tuple[str, str]]]:
    """label -> {(claim, source)} for a conflict dict."""
    return {s["label"]: {(a["claim"], a["source"]) for a in s["assertions"]} for s in conflict["sides"]}
