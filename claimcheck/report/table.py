"""table: a colored table per conflict, for a person at a terminal.

Rendered into a string by a console made for the call, so the renderer stays pure.
"""

from __future__ import annotations

import io
import textwrap

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..engine import Conflict
from ..engine.value import value_of
from ..plural import count
from .escape import printable
from .words import INTEREST_LEGEND, describe, interest_mark, interest_of, origins_words, relay_words, value_text

STANCE_STYLE = {"affirms": "green", "denies": "red", "doubts": "yellow"}
SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
SOURCE_WIDTH = 24  # the source column's widest up to 120 columns; wider terminals give it a fifth
STANCE_WIDTH = 10  # 'affirms' over its date, 2025-10-12
QUOTE_LINES = 3  # a quote or value in a table takes at most this many lines; `show` gives it whole


def make_console(color: bool, width: int | None) -> Console:
    return Console(
        file=io.StringIO(),
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        width=width or 100,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )


def by_severity(conflicts: list[Conflict]) -> list[Conflict]:
    """Errors first, then warnings, then info; by id within each."""
    return sorted(conflicts, key=lambda c: (-c.severity, c.id))


def conflict_table(conflict: Conflict, corpus, assessment=None, width: int | None = None,
                   quote_lines: int | None = QUOTE_LINES) -> Group:
    """The conflict's title, what it is about, a row per assertion under its side, and
    the notes (self-interest, self-contradiction, the assessment). Columns use the
    `width` there is: the source column grows with it, and quotes and values fill
    `quote_lines` lines of what is left (all of them where None)."""
    severity = conflict.severity_name
    title = Text()
    title.append(conflict.id, style="bold")
    title.append("  ")
    title.append(severity.upper(), style=SEVERITY_STYLE[severity])
    title.append(f"  {conflict.kind}  {conflict.status}", style="dim" if conflict.status != "open" else "")
    about = describe(conflict.subject or {}, conflict.claims, corpus, text=printable)

    width = width or 100
    names = {e.assertion.source: _source_name(e.assertion.source, corpus, interest_mark(e)) for side in conflict.sides for e in side.entries}
    source_width = min(max((len(n.plain) for n in names.values()), default=10), max(SOURCE_WIDTH, width // 5))
    source_width = max(source_width, 10)
    claim_width = max(16, width - source_width - STANCE_WIDTH - 6)  # the gaps between three columns: 6
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    table.add_column("source", overflow="fold", min_width=10, max_width=source_width)
    table.add_column("stance", no_wrap=True)
    table.add_column("claim · " + ("value" if conflict.kind == "value" else "quote"), overflow="fold", min_width=16)
    interests: set[str] = set()
    # a long side label (an exclusive rule's sides are claim ids) would be cut mid-id in
    # the narrow source column: then every label of the conflict heads the wide column
    wide_labels = any(len(side.label) > source_width for side in conflict.sides)
    for side in conflict.sides:
        origins_text = Text(origins_words(side, corpus), style="dim")
        label = Text(side.label, style="bold underline")
        if wide_labels:
            table.add_row("", "", Text.assemble(label, "\n", origins_text))
        else:
            table.add_row(label, "", origins_text)
        for entry in side.entries:
            a = entry.assertion
            name = _source_name(a.source, corpus, interest_mark(entry))
            kind = interest_of(entry)
            if kind:
                interests.add(kind)
            claim = Text(a.claim)
            if entry.chain:
                claim.append("\nvia rule " + _chain_text(entry.chain), style="dim")
            if a.via:  # relayed: where it came from, so that a reader sees who saw it
                claim.append("\n" + _lines(relay_words(a), claim_width, quote_lines), style="dim")
            if a.withdrawn:  # only as of an earlier date does a withdrawn one stand here
                claim.append(f"\nwithdrawn {a.withdrawn.text}", style="dim")
            if conflict.kind == "value":
                claim.append("\n" + _lines(f"= {value_text(value_of(a, corpus))}", claim_width, quote_lines), style="bold")
            if a.quote:
                claim.append("\n" + _lines(f"“{a.quote}”", claim_width, quote_lines), style="italic")
            stance = Text(a.stance, style=STANCE_STYLE[a.stance])
            if a.date:
                stance.append(f"\n{a.date.text}", style="")
            table.add_row(name, stance, claim)
        table.add_section()
    notes = [Text(INTEREST_LEGEND[kind], style="magenta") for kind in INTEREST_LEGEND if kind in interests]
    if conflict.self_contradiction:
        who = ", ".join(conflict.self_contradicting_sources)
        kind = "reversal" if conflict.reversal else "self-contradiction"
        notes.append(Text(f"{kind}: {who} stands on more than one side", style="yellow"))
    if assessment is not None:
        # a grid, so the explanation wraps under itself and not under the ⚖
        weighing = Table.grid(padding=(0, 1, 0, 0))
        weighing.add_column(no_wrap=True)
        weighing.add_column()
        weighing.add_row("⚖", Text(printable(assessment.explanation), style="cyan" if assessment.leaning else "dim"))
        if assessment.sensitivity:
            s = assessment.sensitivity
            then = f"'{s['leaning_then']}'" if s["leaning_then"] else "no clear leaning"
            weighing.add_row("", Text(f"re-grading {s['source']} from {s['from']} to {s['to']} would give {then}", style="dim"))
        notes.append(weighing)
    parts = [title]
    if about:
        parts.append(Text(about, style="italic"))
    parts += [table, *notes, Text("")]
    return Group(*parts)


def as_of_words(as_of) -> str:
    return f"As of {as_of.text}: the assertions made by then and not yet withdrawn."


def _chain_text(chain: tuple[str, ...], keep: int = 6) -> str:
    if len(chain) <= keep:
        return " → ".join(chain)
    return " → ".join(chain[:3]) + f" → … ({len(chain) - 5} more) → " + " → ".join(chain[-2:])


def _source_name(source_id: str, corpus, mark: str = "") -> Text:
    """'El País [B]', with the assertion's interest mark (⚑ self-serving or
    self-interested, ⚐ against interest) where it has one."""
    source = corpus.sources.get(source_id)
    name = Text(printable(source.name) if source else source_id)
    name.append(f" [{source.reliability if source else '?'}]", style="dim")
    if mark:
        name.append(f" {mark}", style="magenta")
    return name


def _lines(text: str, width: int, lines: int | None) -> str:
    """`text` on one line, white space collapsed, cut with '…' where it would take more
    than `lines` lines of `width` (words wrap as the table wraps them); whole where None."""
    text = printable(" ".join(text.split()))
    if lines is None:
        return text
    wrapped = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False)
    if len(wrapped) <= lines:
        return text
    kept = wrapped[:lines]
    last = kept[-1]
    if len(last) + 1 > width:  # room for the '…': drop the last word (or character)
        last = last.rsplit(" ", 1)[0] if " " in last else last[: width - 1]
    kept[-1] = last + "…"
    return " ".join(kept)


def render_table(result, conflicts, color: bool = False, width: int | None = None, command: str = "check", **_) -> str:
    console = make_console(color, width)
    findings = result.findings
    if command == "conflicts":  # a reader of conflicts wants the problems, not every hint
        findings = [f for f in findings if f.severity != "info"]
    for finding in findings:
        style = SEVERITY_STYLE.get(finding.severity, "")
        line = Text(f"{finding.file}:{finding.line}:{finding.column}: ")
        line.append(finding.severity, style=style)
        line.append(f" {finding.code} {printable(finding.message)}")
        console.print(line, overflow="fold")
    if findings:
        console.print()
    if result.as_of is not None:
        console.print(Text(as_of_words(result.as_of), style="bold"))
        console.print()
    for conflict in by_severity(conflicts):
        console.print(conflict_table(conflict, result.corpus, result.assessments.get(conflict.id), width=width or 100))
    if not conflicts:
        console.print(Text("No conflicts.", style="green"))
    return console.file.getvalue()
