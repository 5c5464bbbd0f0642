"""Conflicts told in plain one-line words, shared by the annotation formats (sarif, github, markdown)."""

from __future__ import annotations

from ..engine import Conflict
from ..plural import count
from ..engine.conflict import Entry, Side
from .data import json_value


def value_text(value) -> str:
    value = json_value(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def entry_words(entry: Entry, side: Side, conflict: Conflict) -> str:
    """'el-pais denies (2025-10-12)', with the claim and rule chain where they tell something.

    The claim is named only when it is not the side's label or the conflict's claim; a
    value conflict's sides are labelled by their value.
    """
    a = entry.assertion
    words = f"{a.source} {a.stance}"
    about = (conflict.subject or {}).get("claim")
    if a.claim not in (side.label, about):
        words += f" {a.claim}"
    if a.date:
        words += f" ({a.date.text})"
    if entry.chain:
        words += " via rule " + " → ".join(entry.chain)
    return words


def side_words(side: Side, conflict: Conflict) -> str:
    """'supports: nyt affirms (2025-10-10); herald affirms (2025-10-16)'."""
    return f"{side.label}: " + "; ".join(entry_words(e, side, conflict) for e in side.entries)


def conflict_lines(conflict: Conflict) -> list[str]:
    """The conflict's id, then one line per side that holds assertions."""
    return [conflict.id, *(side_words(side, conflict) for side in conflict.sides if side.entries)]


def first_entry(conflict: Conflict) -> Entry:
    """Where a conflict is shown: the first assertion of its first side that holds one."""
    for side in conflict.sides:
        if side.entries:
            return side.entries[0]
    raise ValueError(f"conflict {conflict.id} has no assertions")


def resolution_words(resolution) -> str:
    """'resolved by editor on 2025-10-20: north, per the atlas — note'."""
    if resolution is None:
        return ""
    words = resolution.status
    if resolution.by:
        words += f" by {resolution.by}"
    if resolution.date:
        words += f" on {resolution.date.text}"
    detail = " — ".join(" ".join(t.split()) for t in (resolution.verdict, resolution.note) if t)
    return f"{words}: {detail}" if detail else words


def describe(about: dict, claims, corpus, text=str, ident=str, bar: str = " | ") -> str:
    """What a conflict is about, in one line: the claim's text, the exclusive rule's
    members, or the subject and predicates. `text` renders free text (claim texts, rule
    notes) and `ident` ids, each in the caller's escaping; `bar` separates rule members."""
    if isinstance(about.get("claim"), str):
        claim = corpus.claims.get(about["claim"])
        return f"“{text(claim.text)}”" if claim else ""
    if "rule" in about:
        rule = corpus.rules.get(about["rule"])
        members = bar.join(ident(c) for c in claims)
        return f"at most one of: {members}" + (f" — {text(rule.note)}" if rule and rule.note else "")
    if "predicates" in about:
        p, q = about["predicates"]
        return f"{ident(about['subject'])} cannot be both {ident(p)} and {ident(q)} at once"
    if "predicate" in about:
        return f"{ident(about['subject'])} has one {ident(about['predicate'])} at a time"
    return ""


def summary_line(result, conflicts: list[Conflict]) -> str:
    open_ = [c for c in conflicts if c.status == "open"]
    counts = {name: sum(1 for c in open_ if c.severity_name == name) for name in ("error", "warning", "info")}
    detail = ", ".join(f"{n} {name}" for name, n in counts.items() if n)
    shown = count(len(conflicts), "conflict")
    if open_ and detail:
        shown += f" ({len(open_)} open: {detail})"
    corpus = result.corpus
    return f"{shown} in {count(len(corpus.claims), 'claim')} from {count(len(corpus.sources), 'source')}, {count(len(result.files), 'file')}"
