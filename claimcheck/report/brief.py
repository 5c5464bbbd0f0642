"""brief: one line per conflict, for a person triaging many of them.

Severity, status, the sides (the independent origins of each, `2:1`, then the side the
evidence leans to), then the conflict's id, in aligned columns: the id last, so a long one
never pushes the others out of line. No header row, the sides in one narrow column and
`acknowledged` written `ack`, so that the ids keep the room: the seed corpus's lines fit
in 80 columns; a line below says what the sides column means. Coloured as the tables
are, and only where they are (`color`).
"""

from __future__ import annotations

import re

from rich.text import Text

from ..engine import Conflict
from .concise import finding_line
from .escape import printable
from .table import SEVERITY_STYLE, by_severity, make_console

#: the status as this view writes it: short, so the ids keep the room
STATUS_WORD = {"open": "open", "acknowledged": "ack", "resolved": "resolved"}
#: the widest a leaning is shown: a side's label can be a long claim id (exclusive rules)
LEANING_WIDTH = 20
_PART = re.compile(r"[^-:/ ]+[-:/ ]?")


def origins_text(conflict: Conflict) -> str:
    """The independent origins of each side, in the order the table lists the sides: '5:1'."""
    return ":".join(str(side.independent_origins) for side in conflict.sides)


def leaning_words(assessment) -> str:
    """The leaning in a word or two: the side's label, 'none' when no side leads
    clearly, '–' when not assessed (--no-assess)."""
    if assessment is None:
        return "–"
    return printable(assessment.leaning) if assessment.leaning is not None else "none"


def shorten(label: str, width: int) -> str:
    """`label` within `width`, cut after a whole part ('gaza-rocket-…'), not inside a word."""
    if len(label) <= width:
        return label
    kept = ""
    for part in _PART.findall(label):
        if len(kept) + len(part) + 1 > width:
            break
        kept += part
    return (kept or label[: width - 1]) + "…"


def brief_rows(conflicts, assessments) -> list[tuple[Conflict, str, str, str, str, str]]:
    """(conflict, severity, status, origins, leaning, id) per conflict, errors first."""
    rows = []
    for conflict in by_severity(conflicts):
        assessment = assessments.get(conflict.id)
        rows.append((conflict, conflict.severity_name, STATUS_WORD[conflict.status], origins_text(conflict),
                     shorten(leaning_words(assessment), LEANING_WIDTH), conflict.id))
    return rows


def render_brief(result, conflicts, color: bool = False, width: int | None = None, command: str = "check", **_) -> str:
    console = make_console(color, width)
    findings = result.findings
    if command == "conflicts":  # as in tables: the problems, not every hint (check has them all)
        findings = [f for f in findings if f.severity != "info"]
    for finding in findings:
        console.print(Text(finding_line(finding)), soft_wrap=True)
    if findings:
        console.print()
    rows = brief_rows(conflicts, result.assessments)
    if not rows:
        console.print(Text("No conflicts.", style="green"))
        return console.file.getvalue()
    severity_width, status_width, origins_width, leaning_width = (max(len(row[k]) for row in rows) for k in range(1, 5))
    widths = (severity_width, status_width, origins_width + 1 + leaning_width)
    for conflict, severity, status, origins, leaning, ident in rows:
        line = Text()
        line.append(severity.ljust(widths[0]), style=SEVERITY_STYLE[severity])
        line.append("  ")
        line.append(status.ljust(widths[1]), style="" if status == "open" else "dim")
        line.append("  " + origins.ljust(origins_width) + " ")
        line.append(leaning.ljust(widths[2] - origins_width - 1), style="cyan" if leaning not in ("none", "–") else "dim")
        line.append("  ")
        line.append(ident, style="bold")
        console.print(line, soft_wrap=True)  # a long id runs on; the columns before it stay in line
    example = rows[0][3]
    if rows[0][4] == "–":
        legend = f"{example} = independent origins per side (– : not assessed)"
    else:
        legend = f"{example} {rows[0][4]} = independent origins per side, then the side the evidence leans to"
        if any(row[4] == "none" for row in rows):
            legend += " (none: no side clearly)"
    console.print(Text(legend, style="dim"))
    return console.file.getvalue()
