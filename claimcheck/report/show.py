"""show: one conflict, claim or source, told in words (with how support travelled)."""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..engine import Conflict
from ..engine.conflict import Entry
from ..plural import count
from .escape import printable
from .table import STANCE_STYLE, conflict_table, make_console
from .words import relay_words, value_text


def derivation(entry: Entry, corpus) -> str:
    """'NYT affirms A; rule r1: A implies B' — how an assertion came to stand on a side."""
    a = entry.assertion
    source = corpus.sources.get(a.source)
    who = printable(source.name) if source else a.source
    when = f" ({a.date.text})" if a.date else ""
    relayed = f", {relay_words(a)}" if a.via else ""
    withdrawn = f", withdrawn {a.withdrawn.text}" if a.withdrawn else ""
    words = [f"{who} {a.stance} {a.claim}{when}{relayed}{withdrawn}"]
    previous = a.claim
    for rule_id, reached in entry.steps:
        rule = corpus.rules.get(rule_id)
        relation = "is equivalent to" if rule and rule.kind == "equivalent" else "implies"
        words.append(f"rule {rule_id}: {previous} {relation} {reached}")
        previous = reached
    return "; ".join(words)


def _conflict(conflict: Conflict, result, width: int) -> list:
    # everything: quotes and values whole
    table = conflict_table(conflict, result.corpus, result.assessments.get(conflict.id), width=width, quote_lines=None)
    parts = [table, Text("How each assertion stands here:", style="bold")]
    for side in conflict.sides:
        for entry in side.entries:
            # padded, so a long derivation wraps under itself, not at column 0
            parts.append(Padding(Text(f"[{side.label}] {derivation(entry, result.corpus)}"), (0, 0, 0, 2)))
    resolution = next((r for r in result.corpus.resolutions if r.conflict == conflict.id), None)
    if resolution:
        parts.append(Text(f"Resolution: {resolution.status}" + (f" — {printable(resolution.verdict)}" if resolution.verdict else "")))
    return parts


def _claim(claim, result) -> list:
    corpus = result.corpus
    parts = [Text(claim.id, style="bold"), Text(f"“{printable(claim.text)}”", style="italic")]
    facts = [f"{name}: {value}" for name, value in (("subject", claim.subject), ("predicate", claim.predicate), ("object", claim.object)) if value is not None]
    if claim.tags:
        facts.append("tags: " + ", ".join(claim.tags))
    facts.append(f"at {claim.pos}")
    parts.append(Text(printable("  ".join(facts)), style="dim"))
    for a in claim.assertions:
        parts.append(assertion_line(a, corpus, with_claim=False))
    rules = [r for r in corpus.rules.values() if claim.id in (r.claims + r.then + ((r.if_,) if r.if_ else ()))]
    for rule in sorted(rules, key=lambda r: r.id):
        members = f"{rule.if_} ⇒ {', '.join(rule.then)}" if rule.kind == "implies" else ", ".join(rule.claims)
        parts.append(Text(f"  rule {rule.id} ({rule.kind}): {members}", style="dim"))
    involved = [c.id for c in result.conflicts if claim.id in c.claims]
    parts.append(_conflict_list(involved))
    return parts


def assertion_line(a, corpus, with_claim: bool = True) -> Padding:
    """'El País denies talks-held 2025-10-12 = 5 via wire → insider  “quote”', indented:
    the source first, then what it does to which claim (the claim left out under a
    claim's own heading), when, the value it gives, where it got it, and its words, whole."""
    source = corpus.sources.get(a.source)
    line = Text(f"{printable(source.name) if source else a.source} ")
    line.append(a.stance, style=STANCE_STYLE[a.stance])
    if with_claim:
        line.append(f" {a.claim}")
    if a.date:
        line.append(f" {a.date.text}")
    if a.value is not None:
        line.append(f" = {printable(value_text(a.value))}", style="bold")
    if a.via:
        line.append(" " + relay_words(a), style="dim")
    if a.withdrawn:
        line.append(f" withdrawn {a.withdrawn.text}", style="bold")
    if a.quote:
        line.append(f"  “{printable(a.quote)}”", style="italic")
    return Padding(line, (0, 0, 0, 2), expand=False)  # a long line wraps under itself


def _source(source, result) -> list:
    corpus = result.corpus
    parts = [Text(f"{printable(source.name)} ({source.id})", style="bold")]
    facts = [f"kind: {source.kind}", f"reliability: {source.reliability}"]
    if source.represents:
        facts.append("represents: " + ", ".join(source.represents))
    parts.append(Text(printable("  ".join(facts)), style="dim"))
    # what it said, in date order (undated last), and what it withdrew
    made = sorted((a for a in corpus.assertions() if a.source == source.id), key=_in_time)
    relayed = [a for a in corpus.assertions() if source.id in a.via]
    withdrawn = sum(1 for a in made if a.withdrawn)
    parts.append(Text(
        f"{count(len(made), 'assertion')}" + (f", {withdrawn} withdrawn" if withdrawn else "")
        + f"; relayed by others {count(len(relayed), 'time')}"
    ))
    for a in made:
        parts.append(assertion_line(a, corpus))
    if relayed:
        parts.append(Text("relayed by:"))
        for a in relayed:
            parts.append(assertion_line(a, corpus))
    involved = [c.id for c in result.conflicts if source.id in c.sources]
    parts.append(_conflict_list(involved))
    return parts


def _in_time(a) -> tuple:
    return (a.date is None, a.date.first if a.date else 0, a.claim, a.index)


def _conflict_list(ids: list[str]):
    """'conflicts: a, b', wrapping under the first id."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row("conflicts:", ", ".join(ids) if ids else "none")
    return grid


def render_show(result, ident: str, color: bool = False, width: int | None = None) -> str | None:
    corpus = result.corpus
    conflict = next((c for c in result.conflicts if c.id == ident), None)
    if conflict is not None:
        parts = _conflict(conflict, result, width or 100)
    elif ident in corpus.claims:
        parts = _claim(corpus.claims[ident], result)
    elif ident in corpus.sources:
        parts = _source(corpus.sources[ident], result)
    else:
        return None
    console = make_console(color, width)
    console.print(Group(*parts))
    return console.file.getvalue()
