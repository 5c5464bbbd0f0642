"""Tables and JSON for the views (sources, claims, timeline, matrix)."""

from __future__ import annotations

import re

from rich import box
from rich.table import Table
from rich.text import Text

from .. import jsontext
from ..plural import count
from .escape import printable
from .table import STANCE_STYLE, make_console

SYMBOL = {"affirms": ("+", "green"), "denies": ("−", "red"), "doubts": ("?", "yellow"), "mixed": ("±", "magenta")}


def render_view_json(name: str, data) -> str:
    key = "rows" if isinstance(data, list) else "matrix"
    return jsontext.dumps({"schema_version": 1, "view": name, key: data})


def _table(*columns: str, ids: tuple[str, ...] = (), limit: int | None = None) -> Table:
    """A view's table; the columns named in `ids` hold ids, at most `limit` wide and
    broken between their parts (see `_ids`)."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in columns:
        table.add_column(column, overflow="fold", max_width=limit if column in ids else None)
    return table


def _share(width: int | None, fixed: int, columns: int) -> int:
    """The width each of `columns` flexible columns gets once `fixed` columns (with the
    gaps between all of them) are set aside."""
    return max(12, ((width or 100) - fixed) // columns)


def _fit(width: int | None, fixed: int, *columns: list[str]) -> int:
    """The widest an id column may be: as wide as its longest entry when every flexible
    column fits whole beside the `fixed` ones, else an equal share of what is left."""
    natural = [max((len(text) for text in column), default=0) for column in columns]
    if fixed + sum(natural) <= (width or 100):
        return max(12, *natural)
    return _share(width, fixed, len(columns))


_PART = re.compile(r"[^-:/]*[-:/]?")


def _ids(idents, limit: int, style: str = "") -> Text:
    """Ids one per line, each broken after a '-', ':' or '/' rather than inside a word
    when it is wider than its column (`maduro-asked-` / `us-to-negotiate`), so the words
    stay whole; a single part wider than the column is still folded."""
    lines = []
    for ident in idents:
        line = ""
        for part in _PART.findall(ident):
            if line and len(line) + len(part) > limit:
                lines.append(line)
                line = ""
            line += part
        lines.append(line)
    return Text("\n".join(lines), style=style)


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
    # three counts and the gaps; id, text and conflicts share the rest
    limit = _fit(width, 20, [r["id"] for r in rows], [r["text"] for r in rows], [c for r in rows for c in r["conflicts"]])
    table = _table("claim", "text", "+", "−", "?", "conflicts", ids=("claim", "conflicts"), limit=limit)
    for row in rows:
        table.add_row(
            _ids([row["id"]], limit, "bold" if row["conflicts"] else ""), Text(printable(row["text"])),  # not markup
            Text(str(row["affirms"]), style="green"), Text(str(row["denies"]), style="red"),
            Text(str(row["doubts"]), style="yellow"), _ids(row["conflicts"], limit),
        )
    return _done(table, color, width, count(len(rows), "claim"))


def render_timeline(rows: list[dict], color: bool = False, width: int | None = None) -> str:
    # date, stance and the gaps; source, claim and conflicts share the rest
    limit = _fit(width, 29, [r["source"] for r in rows], [r["claim"] for r in rows], [c for r in rows for c in r["conflicts"]])
    table = _table("date", "source", "stance", "claim", "conflicts", ids=("source", "claim", "conflicts"), limit=limit)
    for row in rows:
        stance = Text(row["stance"], style=STANCE_STYLE[row["stance"]])
        if row["reversal"]:
            stance.append(" ↺", style="magenta")
        table.add_row(
            row["date"] or "undated", _ids([row["source"]], limit), stance, _ids([row["claim"]], limit),
            _ids(row["conflicts"], limit, "bold red"),
        )
    return _done(table, color, width, "↺ a reversal: the source took two sides of this conflict, at different dates")


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
