"""The SQL files: named queries in DuckDB's dialect, read once, with a few shared macros.

A file is a series of queries, each headed by `-- table: NAME` (the table the query
makes) or `-- view: NAME` (a view: worked out again where it is read, held nowhere)
and its comments. The macros below are written out before a query runs, so the
same text works on every engine (Spark has no macros). `{name}` placeholders are filled
by the caller where a loop runs one query again and again (integers only).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent

_SLUG = "'^[a-z0-9][a-z0-9._-]*$'"

#: name -> (parameters, body): a call `name(a, b)` is replaced by the body with its
#: parameters replaced by the arguments, each in parentheses
MACROS: dict[str, tuple[tuple[str, ...], str]] = {
    # an id as spec §2 has it: a slug of at most 128 characters
    "is_slug": (("x",), f"(regexp_matches(x, {_SLUG}) AND length(x) <= 128)"),
    # does a value fit its predicate's value_type (validate.py's `fits`, but for the
    # entity's existence): the ingest step says what each value can be read as
    "fits": (("vt", "number", "boolean", "date", "text"),
             "(CASE vt WHEN 'number' THEN number WHEN 'boolean' THEN boolean WHEN 'date' THEN date "
             "WHEN 'text' THEN text WHEN 'entity' THEN text ELSE true END)"),
    # where a row is, for a message: its YAML place, else its table's row
    "place": (("file", "line", "col", "tfile", "trow"),
              "(CASE WHEN file IS NOT NULL THEN file || ':' || CAST(line AS VARCHAR) || ':' || CAST(col AS VARCHAR) "
              "ELSE tfile || ' row ' || CAST(trow AS VARCHAR) END)"),
    # one text for a value's six columns (kind, text, a range's bounds and their kinds),
    # to join on: `tablecheck.value_key` writes the same
    "vkey": (("k", "v", "mk", "lo", "xk", "hi"),
             "(coalesce(k, chr(30)) || chr(31) || coalesce(v, chr(30)) || chr(31) || coalesce(mk, chr(30)) || chr(31) "
             "|| coalesce(lo, chr(30)) || chr(31) || coalesce(xk, chr(30)) || chr(31) || coalesce(hi, chr(30)))"),
    "show_value": (("kind", "value"), "(CASE WHEN kind = 'text' THEN '''' || value || '''' ELSE value END)"),
    "kind_word": (("kind",), "(CASE kind WHEN 'text' THEN 'text' WHEN 'bool' THEN 'a boolean' WHEN 'date' THEN 'a date' "
                            "WHEN 'datetime' THEN 'a date-time' WHEN 'range' THEN 'a range' ELSE 'a number' END)"),
}


@cache
def statements(path: str) -> tuple[tuple[str, str, str], ...]:
    """The (kind, name, query) of each query of a file (a path relative to the package),
    kind `table` or `view`, macros written out."""
    text = (HERE / path).read_text(encoding="utf-8")
    out = []
    parts = re.split(r"^-- (table|view): ", text, flags=re.M)
    for kind, block in zip(parts[1::2], parts[2::2]):
        name, _, body = block.partition("\n")
        lines = [line for line in body.splitlines() if not line.lstrip().startswith("--")]
        query = "\n".join(lines).strip().rstrip(";")
        out.append((kind, name.strip(), expand(query)))
    return tuple(out)


def queries(path: str) -> tuple[tuple[str, str], ...]:
    """The (name, query) pairs of a file."""
    return tuple((name, query) for _, name, query in statements(path))


def run(session, kind: str, name: str, query: str) -> None:
    """Make table or view `name` of the query in `session`."""
    if kind == "view":
        session.view(name, query)
    else:
        session.create(name, query)


def query(path: str, name: str) -> str:
    for table, text in queries(path):
        if table == name:
            return text
    raise KeyError(f"{path} has no query for table {name}")


def expand(text: str) -> str:
    """`text` with every macro call written out (calls within arguments too)."""
    pattern = re.compile(r"\b(" + "|".join(MACROS) + r")\(")
    while True:
        match = pattern.search(text)
        if match is None:
            return text
        start, args, end = match.start(), [], match.end()
        depth, quote, current = 0, False, []
        i = end
        while True:
            ch = text[i]
            if quote:
                current.append(ch)
                if ch == "'":
                    quote = False
            elif ch == "'":
                quote = True
                current.append(ch)
            elif ch == "(":
                depth += 1
                current.append(ch)
            elif ch == ")":
                if depth == 0:
                    args.append("".join(current).strip())
                    break
                depth -= 1
                current.append(ch)
            elif ch == "," and depth == 0:
                args.append("".join(current).strip())
                current = []
            else:
                current.append(ch)
            i += 1
        params, body = MACROS[match.group(1)]
        if len(params) != len(args):
            raise ValueError(f"{match.group(1)} takes {len(params)} arguments, not {len(args)}: {text[start:i + 1]}")
        parts = body.split("'")  # the even parts are outside string literals
        for param, arg in zip(params, args):
            for n in range(0, len(parts), 2):
                parts[n] = re.sub(rf"\b{param}\b", lambda _m, a=arg: f"({a})", parts[n])
        body = "'".join(parts)
        text = text[:start] + body + text[i + 1:]
