"""markdown: a pull-request comment (GitHub-flavoured): summary, a table per open conflict, findings.

Acknowledged and resolved conflicts are only listed, folded in a `<details>` block. Text
from the corpus is escaped so that it reads literally inside table cells, and so that its
`@name`s mention no one when the comment is posted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..engine import KINDS, Conflict
from ..engine.value import value_of
from ..model import SEVERITY_ORDER
from ..plural import count
from .escape import printable
from .words import INTEREST_LEGEND, describe, interest_mark, interest_of, origins_words, relay_words, resolution_words, value_text
#: GitHub refuses a comment (or job summary) above 65,536 characters; the rest is room for
#: the closing lines and the note that says what was left out
MAX_CHARS = 60_000

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


@dataclass(frozen=True, slots=True)
class Section:
    """Lines that open and close a list of items (conflicts, finding rows, settled conflicts),
    so that a comment cut short still opens and closes what it shows."""

    kind: str  # what an item is, for the note on what was left out
    head: list[str]
    items: list[tuple[str, list[str]]]  # (name, lines); a conflict's name is its id
    tail: list[str]


def _counts(values, order) -> str:
    values = list(values)
    return ", ".join(f"{values.count(v)} {v}" for v in order if v in values)


def _summary(open_: list[Conflict], findings, new: str = "") -> list[str]:
    """`new` ("new "): what is shown is only what a baseline does not cover."""
    if not open_ and not findings:
        return [f"No {new}open conflicts and no {new}findings."]
    parts = []
    if open_:
        parts.append(
            f"**{count(len(open_), new + 'open conflict')}** "
            f"({_counts((c.severity_name for c in open_), SEVERITY_ORDER)}; "
            f"{_counts((c.kind for c in open_), KINDS)})"
        )
    else:
        parts.append(f"**no {new}open conflicts**")
    if findings:
        parts.append(f"**{count(len(findings), new + 'finding')}** ({_counts((f.severity for f in findings), SEVERITY_ORDER)})")
    else:
        parts.append(f"**no {new}findings**")
    return [" · ".join(parts)]


def _against(baseline, marked: bool) -> list[str]:
    """What the baseline accepted, which a comment posted in CI must not pass over: only
    what is new is listed (or, with --show-baselined, the baselined ones are `marked`)."""
    words = f"**{baseline.new_count} new**, {baseline.baselined_count} baselined"
    words += " (marked *baselined*)" if marked else " (not shown)" if baseline.baselined_count else ""
    if baseline.gone_count:
        words += f", {count(baseline.gone_count, 'baseline entry')} no longer occurring"
    return [f"Against the baseline `{cell(baseline.file)}`: {words}.", ""]


def _conflict(conflict: Conflict, corpus, baselined: bool = False, assessment=None) -> list[str]:
    mark = " · *baselined*" if baselined else ""
    lines = [f"### `{conflict.id}` — {conflict.severity_name} {conflict.kind}{mark}", ""]
    about = describe(conflict.subject or {}, conflict.claims, corpus, text=cell, ident=cell, bar=" \\| ")
    if about:
        lines += [about, ""]
    columns = ["side", "source", "stance", "date", "claim"]
    if conflict.kind == "value":
        columns.append("value")
    columns.append("quote")
    lines += ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
    interests: set[str] = set()
    for side in conflict.sides:
        for entry in side.entries:
            a = entry.assertion
            source = corpus.sources.get(a.source)
            who = cell(source.name if source else a.source)
            kind = interest_of(entry)
            if kind:
                who += f" {interest_mark(entry)}"
                interests.add(kind)
            claim = cell(a.claim)
            if entry.chain:
                claim += " via rule " + " → ".join(cell(r) for r in entry.chain)
            if a.via:
                claim += " · " + cell(relay_words(a))
            if a.withdrawn:
                claim += f" · withdrawn {a.withdrawn.text}"
            row = [cell(side.label), who, a.stance, a.date.text if a.date else "", claim]
            if conflict.kind == "value":
                row.append(cell(value_text(value_of(a, corpus))))
            row.append(cell(a.quote))
            lines.append("| " + " | ".join(row) + " |")
    origins = " · ".join(f"{cell(side.label)}: {cell(origins_words(side, corpus, short=True))}" for side in conflict.sides)
    notes = [f"Independent origins: {origins}"]
    notes += [cell(INTEREST_LEGEND[kind]) for kind in INTEREST_LEGEND if kind in interests]
    if conflict.self_contradiction:
        kind = "reversal" if conflict.reversal else "self-contradiction"
        who = ", ".join(cell(s) for s in conflict.self_contradicting_sources)
        notes.append(f"{kind}: {who} stands on more than one side")
    lines += ["", *(f"*{note}*  " for note in notes)]
    if assessment is not None:
        lines.append(f"⚖ {cell(assessment.explanation)}")
    else:
        lines[-1] = lines[-1].rstrip()
    return lines + [""]


def _findings(findings) -> Section:
    head = ["### Findings", "", "| file:line | severity | code | message |", "| --- | --- | --- | --- |"]
    rows = [("", [f"| {cell(f'{f.file}:{f.line}')} | {f.severity} | {f.code} {f.name} | {cell(f.message)} |"]) for f in findings]
    return Section("finding", head, rows, [""])


def _settled(conflicts: list[Conflict], resolutions: dict) -> Section:
    head = [
        "<details>",
        f"<summary>{count(len(conflicts), 'acknowledged or resolved conflict')}</summary>",
        "",
    ]
    items = []
    for c in conflicts:
        words = resolution_words(resolutions.get(c.id)) or c.status
        items.append((c.id, [f"- `{c.id}` ({c.severity_name} {c.kind}) — {cell(words)}"]))
    return Section("acknowledged or resolved conflict", head, items, ["", "</details>", ""])


# --- the size of a comment ---------------------------------------------------------------


def _size(lines: list[str]) -> int:
    # in UTF-16 code units, as JavaScript counts: never less than the characters Python counts
    return sum(len(line.encode("utf-16-le")) // 2 + 1 for line in lines)


def _first_rows(conflict: list[str], room: int) -> list[str]:
    """A conflict's lines up to the last table row that fits in `room`; none when not one
    row fits (a table is cut at a row, never inside one)."""
    start = next((n for n, line in enumerate(conflict) if line.startswith("| ---")), len(conflict)) + 1
    lines = conflict[:start]
    used = _size(lines)
    for line in conflict[start:]:
        if not line.startswith("| ") or used + _size([line]) > room:
            break
        lines.append(line)
        used += _size([line])
    return lines + [""] if len(lines) > start else []


def _within(head: list[str], sections: list[Section], limit: int) -> list[str]:
    """The lines of the comment, cut at a row boundary to stay under `limit`, with a last
    line that says how much was left out and where to see all of it."""
    lines = head + [line for s in sections for line in (*s.head, *(x for _, item in s.items for x in item), *s.tail)]
    if _size(lines) <= limit:
        return lines
    room = limit - _size(head) - 500  # the note, with its counts and a conflict id
    out, left, cut, full = list(head), [], "", False
    for section in sections:
        shown: list[list[str]] = []
        if not full:
            available = room - _size(section.head) - _size(section.tail)
            for name, item in section.items:
                if _size(item) > available:
                    full = True
                    # a first conflict too long for a whole comment: its first rows
                    part = _first_rows(item, available) if section.kind == "open conflict" and not shown else []
                    if part:
                        shown.append(part)
                        cut = name
                    break
                shown.append(item)
                available -= _size(item)
            if shown:
                out += [*section.head, *(x for item in shown for x in item), *section.tail]
                room -= _size(section.head) + sum(map(_size, shown)) + _size(section.tail)
        more = len(section.items) - len(shown)
        if more:
            left.append(count(more, f"more {section.kind}"))
    if cut:
        left.insert(0, f"the other rows of `{cut}`")
    return out + [f"*… and {_and(left)} not shown: see the SARIF or JSON output (`--format sarif` or `--format json`).*"]


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def render_markdown(result, conflicts, baseline=None, **_) -> str:
    """With a `baseline.Comparison`, the comment says what the baseline accepted."""
    open_ = sorted((c for c in conflicts if c.status == "open"), key=lambda c: (-c.severity, c.id))
    settled = [c for c in conflicts if c.status != "open"]
    marked = baseline is not None and any(baseline.conflict_baselined(c.id) for c in open_)
    new = "new " if baseline is not None and not marked else ""
    head = ["## claimcheck", "", *_summary(open_, result.findings, new), ""]
    if result.as_of is not None:
        head += [f"As of **{result.as_of.text}**: the assertions made by then and not yet withdrawn.", ""]
    if baseline is not None:
        head += _against(baseline, marked)
    old = baseline.conflict_baselined if baseline is not None else lambda _: False
    sections = [Section(
        "open conflict", [],
        [(c.id, _conflict(c, result.corpus, old(c.id), result.assessments.get(c.id))) for c in open_], [],
    )]
    if result.findings:
        sections.append(_findings(result.findings))
    if settled:
        sections.append(_settled(settled, {r.conflict: r for r in result.corpus.resolutions}))
    return "\n".join(_within(head, sections, MAX_CHARS)).rstrip("\n") + "\n"
