"""github: GitHub Actions workflow commands, one annotation per open conflict and finding.

`::error file=F,line=L,col=C,title=T::message` lines, which the Actions runner turns into
annotations on the pull request's changed files. Escaping follows the runner: in the
message `%`, CR and LF; in property values also `:` and `,`. A multi-line message keeps
its lines as `%0A`.
"""

from __future__ import annotations

from ..engine import Conflict
from ..findings import Finding
from .escape import printable
from .words import conflict_lines, first_entry

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    # line breaks become the runner's escapes; other control characters visible escapes
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(severity: str, file: str, line: int, column: int, title: str, message: str) -> str:
    properties = {"file": file, "line": str(line), "col": str(column), "title": title}
    shown = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMAND[severity]} {shown}::{escape_data(message)}"


def conflict_annotation(conflict: Conflict) -> str:
    pos = first_entry(conflict).assertion.pos
    return annotation(
        conflict.severity_name, pos.file, pos.line, pos.column,
        f"claimcheck {conflict.kind}", "\n".join(conflict_lines(conflict)),
    )


def finding_annotation(finding: Finding) -> str:
    return annotation(
        finding.severity, finding.file, finding.line, finding.column,
        f"claimcheck {finding.code} {finding.name}", finding.message,
    )


def render_github(result, conflicts, **_) -> str:
    lines = [
        conflict_annotation(c)
        for c in conflicts
        if c.status == "open" and any(side.entries for side in c.sides)
    ]
    lines += [finding_annotation(f) for f in result.findings]
    return "".join(line + "\n" for line in lines)
