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


#: what a view table spends between two columns: padding, the blank rule, padding
GAP = 3
#: the narrowest a column of folded ids is made so that others keep their words whole
FOLDED_WIDTH = 10


def _table(*columns: tuple[str, int | None]) -> Table:
    """A view's table: (header, width) per column; a width of None lets the column size
    itself (short counts, dates, stances)."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for header, width in columns:
        table.add_column(header, overflow="fold", width=width, no_wrap=width is None)
    return table


def _widths(available: int, columns: list[tuple[int, int]]) -> list[int]:
    """Widths for flexible columns of (natural, least) widths sharing `available`
    characters: each its natural width when all fit; else the narrow ones whole and the
    wide ones an equal share of the rest (max-min fairness), none below its least (the
    longest word it holds, so ids break between their parts, never inside a word)."""
    naturals = [max(natural, least) for natural, least in columns]
    if sum(naturals) <= available:
        return naturals
    least = [min(lo, natural) for (_, lo), natural in zip(columns, naturals)]
    if sum(least) > available:
        # narrower than the words: keep whole the columns whose words are shortest, and
        # fold in the rest (an equal share each of what is left)
        kept = list(least)
        for k in sorted(range(len(kept)), key=lambda k: -least[k]):
            if sum(kept) <= available:
                break
            kept[k] = 0
        folded = [k for k, width in enumerate(kept) if not width]
        share, extra = divmod(available - sum(kept), len(folded))
        if share >= FOLDED_WIDTH:
            for n, k in enumerate(folded):
                kept[k] = share + (n < extra)
            return kept
        least = [1] * len(columns)  # too narrow for that: equal shares, each folded

    def used(level: int) -> int:
        return sum(min(n, max(lo, level)) for n, lo in zip(naturals, least))

    low, high = 0, max(naturals)  # the highest level whose widths fit
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if used(middle) <= available else (low, middle - 1)
    widths = [min(n, max(lo, low)) for n, lo in zip(naturals, least)]
    spare = available - sum(widths)
    for k, (width, natural) in enumerate(zip(widths, naturals)):  # rounding: one more each, in order
        if spare and width < natural:
            widths[k] += 1
            spare -= 1
    return widths


def _longest(texts, parts: bool = False) -> int:
    """The longest text, or with `parts` its longest part: an id breaks after each '-',
    ':' or '/', a text between words."""
    if parts:
        return max((len(p) for t in texts for p in (_PART.findall(t) if _ID_LIKE.match(t) else t.split())), default=0)
    return max((len(t) for t in texts), default=0)


_PART = re.compile(r"[^-:/]+[-:/]?|[-:/]")
_ID_LIKE = re.compile(r"\S+\Z")


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
    withdrawals = any(row.get("withdrawn") for row in rows)
    headers = ("source", "kind", "rel", *(["trust"] if learned else []), "assertions", *(["withdrawn"] if withdrawals else []),
               "relayed", "conflicts", "with leaning")
    table = _table(*((header, None) for header in headers))
    table.columns[0].no_wrap = False  # a long name wraps; the counts beside it do not
    for row in rows:
        name = Text(printable(row["name"]))
        name.append(f"  {row['id']}", style="dim")
        leaning = f"{row['with_leaning']}/{row['leaning_conflicts']}" if row["leaning_conflicts"] else "–"
        trust = [f"{row['trust']:.2f}"] if learned else []
        withdrawn = [str(row["withdrawn"])] if withdrawals else []
        table.add_row(name, row["kind"], row["reliability"], *trust, str(row["assertions"]), *withdrawn, str(row["relayed"]),
                      str(row["conflicts"]), leaning)
    return _done(table, color, width, "with leaning: conflicts where the source stands on the side the evidence leans to")


def render_claims(rows: list[dict], color: bool = False, width: int | None = None) -> str:
    withdrawals = any(r.get("withdrawn") for r in rows)
    counted = ("affirms", "denies", "doubts", *(["withdrawn"] if withdrawals else []))
    counts = [max([1, *(len(str(r[k])) for r in rows)]) for k in counted]
    ids = [r["id"] for r in rows] + ["claim"]  # a column is at least as wide as its header
    conflicts = [c for r in rows for c in r["conflicts"]] + ["conflicts"]
    texts = [printable(r["text"]) for r in rows]
    id_width, text_width, conflict_width = _widths(
        (width or 100) - sum(counts) - (5 + withdrawals) * GAP,
        [(_longest(ids), _longest(ids, parts=True)), (_longest([*texts, "text"]), min(24, _longest([*texts, "text"], parts=True))),
         (_longest(conflicts), _longest(conflicts, parts=True))],
    )
    table = _table(("claim", id_width), ("text", text_width), ("+", None), ("−", None), ("?", None),
                   *([(WITHDRAWN_MARK, None)] if withdrawals else []), ("conflicts", conflict_width))
    for row, text in zip(rows, texts):
        table.add_row(
            _ids([row["id"]], id_width, "bold" if row["conflicts"] else ""), Text(text),  # not markup
            Text(str(row["affirms"]), style="green"), Text(str(row["denies"]), style="red"),
            Text(str(row["doubts"]), style="yellow"), *([Text(str(row["withdrawn"]), style="dim")] if withdrawals else []),
            _ids(row["conflicts"], conflict_width),
        )
    footer = count(len(rows), "claim")
    if withdrawals:
        footer += f"; + − ? count the stances that stand, {WITHDRAWN_MARK} those withdrawn"
    return _done(table, color, width, footer)


#: the timeline's marks: a withdrawn assertion (its withdrawal has a row of its own, at
#: its date), and a reversal
WITHDRAWN_MARK = "⊘"
REVERSAL_MARK = "↺"


def render_timeline(rows: list[dict], color: bool = False, width: int | None = None) -> str:
    """A row per assertion said and per withdrawal, with the figure given where there is
    one; a withdrawn assertion is struck through (and marked, for a terminal without
    styles)."""
    dates = max((len(r["date"] or "undated") for r in rows), default=4)
    stances = max((len(_stance_word(r)) + 2 * (r["reversal"] + bool(r.get("withdrawn") and r.get("event") != "withdrew")) for r in rows), default=6)
    values = [_value_word(r) for r in rows]
    sources, claims = [r["source"] for r in rows] + ["source"], [r["claim"] for r in rows] + ["claim"]
    conflicts = [c for r in rows for c in r["conflicts"]] + ["conflicts"]
    flexible = [sources, claims, *([values + ["value"]] if any(values) else []), conflicts]
    widths = _widths(
        (width or 100) - max(dates, 4) - max(stances, 6) - (len(flexible) + 1) * GAP,
        [(_longest(texts), _longest(texts, parts=True)) for texts in flexible],
    )
    source_width, claim_width, conflict_width = widths[0], widths[1], widths[-1]
    columns = [("date", None), ("source", source_width), ("stance", None), ("claim", claim_width)]
    if any(values):
        columns.append(("value", widths[2]))
    table = _table(*columns, ("conflicts", conflict_width))
    marks = set()
    for row, value in zip(rows, values):
        struck = row.get("event") != "withdrew" and row.get("withdrawn")
        if row.get("event") == "withdrew":
            stance = Text(_stance_word(row), style="bold")
        else:
            stance = Text(row["stance"], style=STANCE_STYLE[row["stance"]] + (" strike" if struck else ""))
        if struck:
            stance.append(f" {WITHDRAWN_MARK}", style="bold")
            marks.add(WITHDRAWN_MARK)
        if row["reversal"]:
            stance.append(f" {REVERSAL_MARK}", style="magenta")
            marks.add(REVERSAL_MARK)
        cells = [row["date"] or "undated", _ids([row["source"]], source_width), stance, _ids([row["claim"]], claim_width)]
        if any(values):
            cells.append(Text(value, style="bold" + (" strike" if struck else "")))
        table.add_row(*cells, _ids(row["conflicts"], conflict_width, "bold red"))
    legend = []
    if WITHDRAWN_MARK in marks:
        legend.append(f"{WITHDRAWN_MARK} withdrawn later: the source's withdrawal has its own row, at its date")
    if REVERSAL_MARK in marks:
        legend.append(f"{REVERSAL_MARK} a reversal: the source took two sides of this conflict, at different dates")
    return _done(table, color, width, "\n".join(legend))


def _stance_word(row: dict) -> str:
    return f"withdrew ({row['stance']})" if row.get("event") == "withdrew" else row["stance"]


def _value_word(row: dict) -> str:
    value = row.get("value")
    if value is None:
        return ""
    if isinstance(value, dict):  # a range
        return f"{'' if value['min'] is None else value['min']}..{'' if value['max'] is None else value['max']}"
    if isinstance(value, bool):
        return "true" if value else "false"
    return printable(str(value))


def render_matrix(matrix: dict, color: bool = False, width: int | None = None) -> str:
    """Claims × sources. Sources are numbered (the key below names them); where they do
    not all fit beside the claim ids, the columns are paged: each page repeats the claim
    column and takes the next sources that fit, so ids stay whole however many sources."""
    sources, rows = matrix["sources"], matrix["claims"]
    width = width or 100
    cell = len(str(len(sources)))  # a column is as wide as its number
    ids = [row["claim"] for row in rows] or ["claim"]
    # the claim column: its longest id, unless that leaves fewer than a few sources a page
    few = min(len(sources), 5)
    claim_width = min(max(_longest(ids), 5), max(_longest(ids, parts=True), width - few * (cell + GAP)))
    per_page = max(1, (width - claim_width) // (cell + GAP))
    console = make_console(color, width)
    pages = [range(start, min(start + per_page, len(sources))) for start in range(0, len(sources), per_page)] or [range(0)]
    for number, page in enumerate(pages):
        table = _table(("claim", claim_width), *((str(k + 1), cell) for k in page))
        for column in table.columns[1:]:
            column.justify = "center"
        for row in rows:
            cells = []
            for k in page:
                symbol, style = SYMBOL.get(row["stances"].get(sources[k]), ("·", "dim"))
                cells.append(Text(symbol, style=style))
            table.add_row(_ids([row["claim"]], claim_width, "bold" if row["contested"] else ""), *cells)
        if len(pages) > 1:
            console.print(Text(f"sources {page[0] + 1}–{page[-1] + 1} of {len(sources)}", style="dim"))
        console.print(table)
        if number < len(pages) - 1:
            console.print()
    console.print(Text("+ affirms  − denies  ? doubts  ± mixed  · silent; contested claims first (bold)", style="dim"))
    key = Table.grid(padding=(0, 2))
    numbered = [f"{k + 1:>{cell}}={source}" for k, source in enumerate(sources)]
    across = max(1, (width + 2) // (max((len(n) for n in numbered), default=1) + 2))
    for _ in range(min(across, len(numbered))):
        key.add_column(no_wrap=True)
    for start in range(0, len(numbered), across):
        key.add_row(*(Text(n, style="dim") for n in numbered[start:start + across]))
    if numbered:
        console.print(key)
    return console.file.getvalue()
