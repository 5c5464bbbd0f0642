"""table: a colored table per conflict, for a person at a terminal.

Rendered into a string by a console made for the call, so the renderer stays pure.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..engine import Conflict
from ..engine.value import value_of
from ..plural import count
from .escape import printable
from .words import describe, value_text

STANCE_STYLE = {"affirms": "green", "denies": "red", "doubts": "yellow"}
SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
SELF_INTERESTED = "⚑"
SOURCE_WIDTH = 24  # the source column's widest; names fold within it


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


def conflict_table(conflict: Conflict, corpus, assessment=None) -> Group:
    severity = conflict.severity_name
    title = Text()
    title.append(conflict.id, style="bold")
    title.append("  ")
    title.append(severity.upper(), style=SEVERITY_STYLE[severity])
    title.append(f"  {conflict.kind}  {conflict.status}", style="dim" if conflict.status != "open" else "")
    about = describe(conflict.subject or {}, conflict.claims, corpus, text=printable)

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    table.add_column("source", overflow="fold", min_width=10, max_width=SOURCE_WIDTH)
    table.add_column("stance", no_wrap=True)
    table.add_column("claim · " + ("value" if conflict.kind == "value" else "quote"), overflow="fold", min_width=16)
    any_interest = False
    # a long side label (an exclusive rule's sides are claim ids) would be cut mid-id in
    # the narrow source column: then every label of the conflict heads the wide column
    wide_labels = any(len(side.label) > SOURCE_WIDTH for side in conflict.sides)
    for side in conflict.sides:
        origins = side.independent_origins
        origins_text = Text(count(origins, "independent origin"), style="dim")
        label = Text(side.label, style="bold underline")
        if wide_labels:
            table.add_row("", "", Text.assemble(label, "\n", origins_text))
        else:
            table.add_row(label, "", origins_text)
        for entry in side.entries:
            a = entry.assertion
            source = corpus.sources.get(a.source)
            name = Text(printable(source.name) if source else a.source)
            name.append(f" [{source.reliability if source else '?'}]", style="dim")
            if entry.self_interested:
                name.append(f" {SELF_INTERESTED}", style="magenta")
                any_interest = True
            claim = Text(a.claim)
            if entry.chain:
                claim.append("\nvia rule " + _chain_text(entry.chain), style="dim")
            if conflict.kind == "value":
                claim.append(f"\n= {_short(value_text(value_of(a, corpus)))}", style="bold")
            if a.quote:
                claim.append(f"\n“{_short(a.quote)}”", style="italic")
            stance = Text(a.stance, style=STANCE_STYLE[a.stance])
            if a.date:
                stance.append(f"\n{a.date.text}", style="")
            table.add_row(name, stance, claim)
        table.add_section()
    notes = []
    if any_interest:
        notes.append(Text(f"{SELF_INTERESTED} self-interested: the source speaks for the claim's subject or object", style="magenta"))
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


def _chain_text(chain: tuple[str, ...], keep: int = 6) -> str:
    if len(chain) <= keep:
        return " → ".join(chain)
    return " → ".join(chain[:3]) + f" → … ({len(chain) - 5} more) → " + " → ".join(chain[-2:])


def _short(text: str, limit: int = 80) -> str:
    text = printable(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
    for conflict in by_severity(conflicts):
        console.print(conflict_table(conflict, result.corpus, result.assessments.get(conflict.id)))
    if not conflicts:
        console.print(Text("No conflicts.", style="green"))
    return console.file.getvalue()
