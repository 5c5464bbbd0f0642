"""concise: one line per finding or conflict, `file:line:col: severity CODE message`."""

from __future__ import annotations

from ..engine import Conflict
from .escape import printable


def conflict_line(conflict: Conflict) -> tuple[tuple, str]:
    first = conflict.sides[0].entries[0].assertion.pos
    parts = [
        f"{side.label}: " + ", ".join(sorted({e.assertion.source for e in side.entries}))
        for side in conflict.sides
    ]
    status = "" if conflict.status == "open" else f" ({conflict.status})"
    message = f"{conflict.id}{status} — " + "; ".join(parts)
    key = (first.file, first.line, first.column, conflict.kind, conflict.id)
    return key, f"{first}: {conflict.severity_name} {conflict.kind} {message}"


def finding_line(f) -> str:
    """`file:line:col: severity CODE message`, as ruff and yamllint write them."""
    return printable(f"{f.file}:{f.line}:{f.column}: {f.severity} {f.code} {f.message}")


def render_concise(result, conflicts, command: str = "check", **_) -> str:
    findings = result.findings
    if command == "conflicts":  # as in tables: the problems, not every hint (check has them all)
        findings = [f for f in findings if f.severity != "info"]
    lines = [((f.file, f.line, f.column, f.code, f.message), finding_line(f)) for f in findings]
    lines += [(key, printable(text)) for key, text in map(conflict_line, conflicts)]
    lines.sort(key=lambda pair: pair[0])
    return "".join(text + "\n" for _, text in lines)
