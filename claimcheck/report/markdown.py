"""markdown: a pull-request comment (GitHub-flavoured): summary, a table per open conflict, findings.

Acknowledged and resolved conflicts are only listed, folded in a `<details>` block. Text
from the corpus is escaped so that it reads literally inside table cells, and so that its
`@name`s mention no one when the comment is posted.
"""

from __future__ import annotations

import re

from ..engine import KINDS, Conflict
from ..model import SEVERITY_NAMES
from .escape import printable
from .words import describe, resolution_words, value_text

SEVERITY_ORDER = tuple(reversed(SEVERITY_NAMES))  # error, warning, info
SELF_INTERESTED = "⚑"

# backslash-escaping every ASCII punctuation mark that can start markup in a cell keeps
# the text literal; `|` would otherwise end the cell
_MARKUP = re.compile(r"([\\`*_\[\]<>|~#!&])")
# GitHub turns `@name` in a comment into a mention, which notifies that user or team; a
# zero width space after the `@` keeps the text as it reads, but inert
_MENTION = re.compile(r"@(?=\w)")
ZERO_WIDTH_SPACE = "\u200b"


def cell(text) -> str:
    """Text made safe for one table cell: one line, markup and pipes escaped, no mentions."""
    text = printable(" ".join(str(text if text is not None else "").split()))
    return _MENTION.sub("@" + ZERO_WIDTH_SPACE, _MARKUP.sub(r"\\\1", text))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _counts(values, order) -> str:
    values = list(values)
    return ", ".join(f"{values.count(v)} {v}" for v in order if v in values)


def _summary(open_: list[Conflict], findings) -> list[str]:
    if not open_ and not findings:
        return ["No open conflicts and no findings."]
    parts = []
    if open_:
        parts.append(
            f"**{_plural(len(open_), 'open conflict')}** "
            f"({_counts((c.severity_name for c in open_), SEVERITY_ORDER)}; "
            f"{_counts((c.kind for c in open_), KINDS)})"
        )
    else:
        parts.append("**no open conflicts**")
    if findings:
        parts.append(f"**{_plural(len(findings), 'finding')}** ({_counts((f.severity for f in findings), SEVERITY_ORDER)})")
    else:
        parts.append("**no findings**")
    return [" · ".join(parts)]


def _conflict(conflict: Conflict, corpus) -> list[str]:
    lines = [f"### `{conflict.id}` — {conflict.severity_name} {conflict.kind}", ""]
    about = describe(conflict.subject or {}, conflict.claims, corpus, text=cell, ident=cell, bar=" \\| ")
    if about:
        lines += [about, ""]
    columns = ["side", "source", "stance", "date", "claim"]
    if conflict.kind == "value":
        columns.append("value")
    columns.append("quote")
    lines += ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
    interested = False
    for side in conflict.sides:
        for entry in side.entries:
            a = entry.assertion
            source = corpus.sources.get(a.source)
            who = cell(source.name if source else a.source)
            if entry.self_interested:
                who += f" {SELF_INTERESTED}"
                interested = True
            claim = cell(a.claim)
            if entry.chain:
                claim += " via rule " + " → ".join(cell(r) for r in entry.chain)
            row = [cell(side.label), who, a.stance, a.date.text if a.date else "", claim]
            if conflict.kind == "value":
                value = a.value if a.value is not None else getattr(corpus.claims.get(a.claim), "object", None)
                row.append(cell(value_text(value)) if value is not None else "")
            row.append(cell(a.quote))
            lines.append("| " + " | ".join(row) + " |")
    notes = []
    if interested:
        notes.append(f"{SELF_INTERESTED} self-interested: the source speaks for the claim's subject or object")
    if conflict.self_contradiction:
        kind = "reversal" if conflict.reversal else "self-contradiction"
        who = ", ".join(cell(s) for s in conflict.self_contradicting_sources)
        notes.append(f"{kind}: {who} stands on more than one side")
    if notes:
        lines += ["", *(f"*{note}*  " if n < len(notes) - 1 else f"*{note}*" for n, note in enumerate(notes))]
    return lines + [""]


def _findings(findings) -> list[str]:
    lines = ["### Findings", "", "| file:line | severity | code | message |", "| --- | --- | --- | --- |"]
    for f in findings:
        lines.append(f"| {cell(f'{f.file}:{f.line}')} | {f.severity} | {f.code} {f.name} | {cell(f.message)} |")
    return lines + [""]


def _settled(conflicts: list[Conflict], resolutions: dict) -> list[str]:
    lines = [
        "<details>",
        f"<summary>{_plural(len(conflicts), 'acknowledged or resolved conflict')}</summary>",
        "",
    ]
    for c in conflicts:
        words = resolution_words(resolutions.get(c.id)) or c.status
        lines.append(f"- `{c.id}` ({c.severity_name} {c.kind}) — {cell(words)}")
    return lines + ["", "</details>", ""]


def render_markdown(result, conflicts, **_) -> str:
    open_ = sorted((c for c in conflicts if c.status == "open"), key=lambda c: (-c.severity, c.id))
    settled = [c for c in conflicts if c.status != "open"]
    lines = ["## claimcheck", "", *_summary(open_, result.findings), ""]
    for conflict in open_:
        lines += _conflict(conflict, result.corpus)
    if result.findings:
        lines += _findings(result.findings)
    if settled:
        lines += _settled(settled, {r.conflict: r for r in result.corpus.resolutions})
    return "\n".join(lines).rstrip("\n") + "\n"
