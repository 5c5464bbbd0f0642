"""The renderers of `claimcheck diff`: json, concise (one line per changed conflict) and table.

Each takes a `gitdiff.Diff`, whose conflicts are the dicts of the JSON document.
"""

from __future__ import annotations


from rich.table import Table
from rich.text import Text

from .. import jsontext
from .table import SEVERITY_STYLE, make_console

CHANGE_STYLE = {"new": "bold red", "changed": "bold yellow", "removed": "green"}


def render_diff_json(diff, **_) -> str:
    return jsontext.dumps(diff.as_json())


def _rows(diff) -> list[tuple[str, dict, dict | None, list[str]]]:
    """(change, conflict as it is now or was, conflict before for changes, what changed)."""
    rows = [("new", c, None, []) for c in diff.new]
    rows += [("changed", ch["after"], ch["before"], ch["what"]) for ch in diff.changed]
    rows += [("removed", c, None, []) for c in diff.removed]
    return rows


def _where(conflict: dict) -> str:
    for side in conflict["sides"]:
        for a in side["assertions"]:
            return f"{a['file']}:{a['line']}:{a['column']}"
    return ""


def _sides(conflict: dict) -> str:
    return "; ".join(
        f"{side['label']}: " + ", ".join(sorted({a["source"] for a in side["assertions"]}))
        for side in conflict["sides"]
        if side["assertions"]
    )


def _changes(before: dict, after: dict, what: list[str]) -> str:
    words = []
    for key in what:
        words.append(f"{key} {before[key]} → {after[key]}" if key != "sides" else "sides")
    return ", ".join(words)


def render_diff_concise(diff, **_) -> str:
    """`file:line:col: severity kind id (new|changed: ...|removed) — sides`, new first."""
    lines = []
    for change, conflict, before, what in _rows(diff):
        status = "" if conflict["status"] == "open" else f", {conflict['status']}"
        label = f"changed: {_changes(before, conflict, what)}" if change == "changed" else change + status
        lines.append(f"{_where(conflict)}: {conflict['severity']} {conflict['kind']} {conflict['id']} ({label}) — {_sides(conflict)}")
    return "".join(line + "\n" for line in lines)


def render_diff_table(diff, color: bool = False, width: int | None = None, **_) -> str:
    """Per changed conflict: what changed and its id on one line, its sides below."""
    console = make_console(color, width)
    rows = _rows(diff)
    if not rows:
        console.print(Text(f"No conflict changed since {diff.base}.", style="green"))
        return console.file.getvalue()
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, min_width=7)
    grid.add_column(overflow="fold")
    for change, conflict, before, what in rows:
        head = Text(conflict["id"], style="bold")
        head.append("  ")
        if before is not None and "severity" in what:
            head.append(before["severity"].upper(), style=SEVERITY_STYLE[before["severity"]])
            head.append(" → ")
        head.append(conflict["severity"].upper(), style=SEVERITY_STYLE[conflict["severity"]])
        head.append(f"  {conflict['kind']}  ")
        if before is not None and "status" in what:
            head.append(f"{before['status']} → ")
        head.append(conflict["status"], style="" if conflict["status"] == "open" else "dim")
        body = Text(_sides(conflict), style="dim" if change == "removed" else "")
        if before is not None and "sides" in what:
            body.append(f"\nbefore: {_sides(before)}", style="dim")
        grid.add_row(Text(change, style=CHANGE_STYLE[change]), Text.assemble(head, "\n", body))
    console.print(grid)
    return console.file.getvalue()
