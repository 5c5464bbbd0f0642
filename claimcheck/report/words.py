"""Conflicts told in plain one-line words, shared by the annotation formats (sarif, github, markdown)."""

from __future__ import annotations

from ..engine import Conflict
from ..engine.conflict import Entry, Side
from ..model import Range
from ..plural import count
from ..values import canonical_text
from .data import json_value


def value_text(value) -> str:
    """A value as a person reads it: its canonical text (a range `100..300`)."""
    if type(value) is Range:
        return canonical_text(value)
    value = json_value(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


#: marks of an assertion's interest (§4.5), and what each means, for legends
SELF_SERVING_MARK = "⚑"
AGAINST_INTEREST_MARK = "⚐"
INTEREST_LEGEND = {
    "self-serving": f"{SELF_SERVING_MARK} self-serving: the source speaks for a party the claim favours and affirms it, or for one it harms and denies it; discounted",
    "self-interested": f"{SELF_SERVING_MARK} self-interested: the source speaks for the claim's subject or object; discounted",
    "against-interest": f"{AGAINST_INTEREST_MARK} against interest: the source speaks for a party the claim harms and affirms it, or for one it favours and denies it; weighed up",
}


def interest_of(entry: Entry) -> str | None:
    """Which legend line an assertion on a side needs: self-serving, (undirected)
    self-interested, against interest, or None."""
    if entry.interest:
        return entry.interest
    return "self-interested" if entry.self_interested else None


def interest_mark(entry: Entry) -> str:
    kind = interest_of(entry)
    return "" if kind is None else AGAINST_INTEREST_MARK if kind == "against-interest" else SELF_SERVING_MARK


def relay_words(assertion) -> str:
    """Where a relayed assertion came from, nearest first: 'via el-toque ← caracas-consulting'
    (the last is its origin); '' for one in its source's own voice."""
    return "via " + " ← ".join(assertion.via) if assertion.via else ""


def origins_words(side: Side, corpus, names: int = 3, short: bool = False) -> str:
    """'1 independent origin', and where several sources stand on one origin, which:
    '5 sources, 1 independent origin: Gaza Health Ministry' — the point of counting.
    `short`: '1' and '1 (5 sources, from Gaza Health Ministry)'."""
    origins = sorted({e.assertion.origin for e in side.entries})
    sources = {e.assertion.source for e in side.entries}
    words = str(len(origins)) if short else count(len(origins), "independent origin")
    if len(sources) <= len(origins):
        return words
    shown = [corpus.sources[o].name if o in corpus.sources else o for o in origins[:names]]
    more = f" and {len(origins) - names} more" if len(origins) > names else ""
    if short:
        return f"{words} ({count(len(sources), 'source')}, from {', '.join(shown)}{more})"
    return f"{count(len(sources), 'source')}, {words}: {', '.join(shown)}{more}"


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
        members = bar.join(ident(c) for c in (rule.claims if rule else claims))
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
