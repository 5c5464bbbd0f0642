"""Tables and JSON for the views (sources, claims, timeline, matrix)."""

from __future__ import annotations


from rich import box
from rich.table import Table
from rich.text import Text

from .. import jsontext
from .escape import printable
from .table import STANCE_STYLE, make_console

SYMBOL = {"affirms": ("+", "green"), "denies": ("−", "red"), "doubts": ("?", "yellow"), "mixed": ("±", "magenta")}


def render_view_json(name: str, data) -> str:
    key = "rows" if isinstance(data, list) else "matrix"
    return jsontext.dumps({"schema_version": 1, "view": name, key: data})


def _table(*columns: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _done(table, color: bool, width: int | None, footer: str = "") -> str:
    console = make_console(color, width)
    console.print(table)
    if footer:
        console.print(Text(footer, style="dim"))
    return console.file.getvalue()


def render_sources(rows: list[dict], color: bool = False, width: int | None = None) -> str:
    learned = bool(rows) and "trust" in rows[0]
    table = _table("source", "kind", "rel", *(["trust"] if learned else []), "assertions", "relayed", "conflicts", "with leaning")
    for row in rows:
        name = Text(printable(row["name"]))
        name.append(f"  {row['id']}", style="dim")
        leaning = f"{row['with_leaning']}/{row['leaning_conflicts']}" if row["leaning_conflicts"] else "–"
        trust = [f"{row['trust']:.2f}"] if learned else []
        table.add_row(name, row["kind"], row["reliability"], *trust, str(row["assertions"]), str(row["relayed"]),
                      str(row["conflicts"]), leaning)
    return _done(table, color, width, "with leaning: conflicts where the source stands on the side the evidence leans to")


def render_claims(rows: list[dict], color: bool = False, width: int | None = None) -> str:
    table = _table("claim", "text", "+", "−", "?", "conflicts")
    for row in rows:
        table.add_row(
            Text(row["id"], style="bold" if row["conflicts"] else ""), printable(row["text"]),
            Text(str(row["affirms"]), style="green"), Text(str(row["denies"]), style="red"),
            Text(str(row["doubts"]), style="yellow"), "\n".join(row["conflicts"]),
        )
    return _done(table, color, width, f"{len(rows)} claim{'s' if len(rows) != 1 else ''}")


def render_timeline(rows: list[dict], color: bool = False, width: int | None = None) -> str:
    table = _table("date", "source", "stance", "claim", "conflicts")
    for row in rows:
        stance = Text(row["stance"], style=STANCE_STYLE[row["stance"]])
        if row["reversal"]:
            stance.append(" ↺", style="magenta")
        table.add_row(row["date"] or "undated", row["source"], stance, row["claim"], Text("\n".join(row["conflicts"]), style="bold red"))
    return _done(table, color, width, "↺ the source took both sides of this claim (a reversal)")


def render_matrix(matrix: dict, color: bool = False, width: int | None = None) -> str:
    sources = matrix["sources"]
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("claim", overflow="fold")
    for index, _ in enumerate(sources):
        table.add_column(str(index + 1), justify="center", no_wrap=True)
    for row in matrix["claims"]:
        cells = []
        for source in sources:
            stance = row["stances"].get(source)
            symbol, style = SYMBOL.get(stance, ("·", "dim"))
            cells.append(Text(symbol, style=style))
        table.add_row(Text(row["claim"], style="bold" if row["contested"] else ""), *cells)
    legend = "  ".join(f"{i + 1}={s}" for i, s in enumerate(sources))
    return _done(table, color, width, f"+ affirms  − denies  ? doubts  ± mixed  · silent; contested claims first (bold)\n{legend}")
