"""The fast block reader against the full loader: whatever it accepts, it reads exactly as
the full loader does (same nodes, values, raw text and positions), and it accepts only
files the full loader reads without a finding."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck import blockyaml
from claimcheck.eventyaml import read_events
from claimcheck.loader import Limits, Scalar, Sequence, load_text

from helpers import REPO as ROOT, SHARED

DATA = SHARED / "data"


def difference(fast, full, path="$") -> str | None:
    """Where two trees differ, or None."""
    if type(fast) is not type(full):
        return f"{path}: {type(fast).__name__} vs {type(full).__name__}"
    if (fast.line, fast.column) != (full.line, full.column):
        return f"{path}: at {fast.line}:{fast.column} vs {full.line}:{full.column}"
    if type(fast) is Scalar:
        same_nan = fast.value != fast.value and full.value != full.value
        if not same_nan and (type(fast.value), fast.value) != (type(full.value), full.value):
            return f"{path}: {fast.value!r} vs {full.value!r}"
        if (fast.raw, fast.plain) != (full.raw, full.plain):
            return f"{path}: raw {fast.raw!r}/{fast.plain} vs {full.raw!r}/{full.plain}"
        return None
    if type(fast) is Sequence:
        if len(fast.items) != len(full.items):
            return f"{path}: {len(fast.items)} items vs {len(full.items)}"
        pairs = [(f"{path}[{i}]", a, b) for i, (a, b) in enumerate(zip(fast.items, full.items))]
    else:
        if list(fast.items) != list(full.items):
            return f"{path}: keys {list(fast.items)} vs {list(full.items)}"
        pairs = []
        for name in fast.items:
            pairs.append((f"{path}.<{name}>", fast.keys[name], full.keys[name]))
            pairs.append((f"{path}.{name}", fast.items[name], full.items[name]))
    for where, a, b in pairs:
        found = difference(a, b, where)
        if found:
            return found
    return None


def readers_agree(text: str, limits: Limits = Limits()) -> None:
    """Assert the compiled reader and the Python one take the same files and read them
    the same (where the compiled one is built)."""
    if blockyaml._compiled is None:
        return
    checked = blockyaml.checked(text, limits)
    if "\r" not in text and len(text) <= limits.max_nodes:  # it checks the characters itself
        raw = blockyaml._compiled.read(text, limits.max_depth)
        assert checked is not None or raw is None, f"C took characters only the full loader takes\n---\n{text!r}"
    if checked is None:
        return
    compiled = blockyaml._compiled.read(checked, limits.max_depth)
    python = blockyaml.read_in_python(checked, limits)
    assert (compiled is None) == (python is None), f"C took it: {compiled is not None}\n---\n{text}"
    if compiled is not None:
        found = difference(compiled, python)
        assert found is None, f"C and Python differ: {found}\n---\n{text}"


def agree(text: str, limits: Limits = Limits()) -> bool:
    """Assert the fast reader either declines or agrees; True when it accepted."""
    readers_agree(text, limits)
    fast = blockyaml.read(text, limits)
    if fast is None:
        return False
    # libyaml's events, as load_text reads a file the fast reader declines (load_text
    # itself would ask the fast reader first, and so compare it with itself)
    root, findings = read_events(text, "f.yaml", limits)
    assert not findings, f"accepted a file the full loader has findings for: {findings}\n{text}"
    assert root is not None
    found = difference(fast, root)
    assert found is None, f"{found}\n---\n{text}"
    return True


# --- real files ------------------------------------------------------------------------------


def test_the_seed_corpus_is_read_fast_and_the_same():
    files = sorted((ROOT / "corpus").rglob("*.yaml"))
    assert files
    for path in files:
        assert agree(path.read_text(encoding="utf-8")), f"{path.name} went to the full loader"


@pytest.mark.parametrize("kind", ["valid", "invalid"])
def test_the_yaml_test_suite(kind):
    folder = DATA / "yaml-test-suite" / kind
    if not folder.is_dir():
        pytest.skip("shared data not present")
    for path in sorted(folder.glob("*.yaml")):
        agree(path.read_text(encoding="utf-8", errors="replace"))


def test_a_generated_benchmark_corpus(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    from generate import generate

    generate(tmp_path / "c", 300)
    files = sorted((tmp_path / "c").rglob("*.yaml"))
    assert files and all(agree(p.read_text(encoding="utf-8")) for p in files)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n",
        "# head\n\na: x # c\nb:\n  - 1\n  - -2\n  - x:y\n",
        "a:\nb: ~\nc: null\n",
        "a:   # empty\nb: 1\n",
        "l:\n- id: x\n  t: [a, b , c]\n- id: y\n  m: {k: v, n: [1, 2]}\n",
        "l: []\nm: {}\nn: [ ]\n",
        "q: 'it''s'\nd: \"x y\"\ne: ''\nf: \"\"\n",
        "n: >-\n  one\n  two\n\n  three\nm: 1\n",
        "n: |\n  one\n  two\n\n\nm: 1\n",
        "n: |+\n  one\n\n\nm: 1\n",
        "n: >\n    deep\n    text\n",
        "n: |-\n  a # not a comment\n  b\n# a comment\nm: 2\n",
        "dates: [2025-10-01, 2025-10, 2025, 2025-13-40]\nnums: [0x1f, 0o7, 1e3, .inf, -.inf, .nan, +1]\n",
        "bools: [true, False, yes, no, on]\n",
        "windows: line ends\r\nn: >-\r\n  one\r\n  two\r\n",
        "u: ünïcode — text\nv: 名前\n",
        "k: a:b\nl: http://example.org/x#y\n",
        "a:\n  b:\n    c:\n      d: 1\n  e: 2\nf: 3\n",
        "claims:\n  - id: a\n    assertions:\n      - source: s\n        stance: affirms\n  - id: b\n",
    ],
)
def test_shapes_the_fast_reader_takes(text):
    assert agree(text), "declined"


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key
        "true: 1\n",  # a key YAML reads as a boolean
        "a: &x 1\nb: *x\n",  # anchors and aliases
        "a: !!str 1\n",  # tags
        "a: b: c\n",  # not YAML
        "a: 'open\n  more'\n",  # a scalar over two lines
        "a: plain\n  continued\n",
        "---\na: 1\n",
        "a: 1\rb: 2\n",
        "a:\n\t- 1\n",
        "a: \"esc\\n\"\n",
        "a: [x: 1]\n",
        "- 1\n- 2\n",  # the root is not a mapping
        "a: >2\n   x\n",
        "a: >\n  x\n    more indented\n",
        "a: |\n\n    \n  x\n",
        "  a: 1\n",
    ],
)
def test_shapes_left_to_the_full_loader(text):
    assert blockyaml.read(text) is None
    agree(text)


# what the fast readers once read differently from libyaml (issue 25), and its kin
@pytest.mark.parametrize(
    "text, value",
    [
        ("a: |\n  x", "x"),  # no line break at the end of the file: none to clip or keep
        ("a: |+\n  x", "x"),
        ("a: >\n  x", "x"),
        ("a: >+\n  x", "x"),
        ("a: |+\n  x\n  ", "x\n"),  # a last line of spaces with no break of its own
        ("a: |+\n  x\n\n  ", "x\n\n"),
        ("a: >+\n  x\n\n", "x\n\n"),
        ("a: |-\n  x\n\n", "x"),
        ("a: >\n\n\n  x\n", "\n\nx\n"),  # a folded scalar's leading empty lines all stay
        ("a: >\n\n  x\n", "\nx\n"),
        ("a: >\n\n\n\n  x\n  y\n\n  z\n", "\n\n\nx y\nz\n"),
        ("a: >-\n \n\n  x", "\n\nx"),
        ("a: |+\n\n  x", "\nx"),
        ("l:\n- k: >+\n    x\n\n  m: 1\n", None),
    ],
)
def test_block_scalars_begin_and_end_as_libyaml_reads_them(text, value):
    assert agree(text), "declined"
    if value is not None:
        assert blockyaml.read(text).items["a"].value == value


SPACES = [c for c in map(chr, range(0x80, 0x3001)) if c.isspace()]  # U+0085, U+00A0, U+2003, ...


@pytest.mark.parametrize("space", SPACES, ids=lambda c: f"U+{ord(c):04X}")
def test_a_unicode_space_is_text_not_a_blank(space):
    """YAML's white space is the space and the tab: a line of U+2003 continues a plain
    scalar (`a: 1\n \u2003 ` reads `a` as '1 \u2003', text, not the number 1), and a
    line of U+00A0 at the start of a line is a syntax error. The fast readers leave
    both to the full loader."""
    for text in (f"a: 1\n {space} \nb: 2\n", f"a: 1\n{space}\nb: 2\n", f"a:\n  {space}\nb: 2\n",
                 f"a:\n- x\n  {space}\n", f"{space}\na: 1\n"):
        assert blockyaml.read(text) is None, repr(text)
        agree(text)
    if space in "\x85\u2028\u2029":
        return  # line breaks to libyaml (YAML 1.1): the fast readers decline any file with one
    loaded = load_text(f"a: 1\n {space} \nb: 2\n", "f.yaml")
    assert not loaded.findings and loaded.root.items["a"].value == f"1 {space}"
    for text in (f"a: x{space}\n", f"a: [x, {space}y]\n", f"a: |\n  {space}\n", f"a: x {space}# not a comment\n"):
        assert agree(text), repr(text)  # within a value it is text, read the same


@pytest.mark.parametrize(
    "text",
    [
        "{key}: 1\n",
        "{key}:\n  b: 1\n",
        "a:\n  {key}: 1\n",
        "a:\n- {key}: 1\n",
        "a: {{{key}: v}}\n",  # the words shape
        "a: {{{key}: [1]}}\n",
        "a: [{{b: 1, {key}: 2}}]\n",
    ],
)
def test_a_key_beyond_1024_characters_is_a_syntax_error(text):
    """libyaml takes a key written without `?` up to 1024 characters long."""
    assert agree(text.format(key="k" * 1024)), "declined"
    long = text.format(key="k" * 1025)
    assert blockyaml.read(long) is None
    agree(long)
    assert load_text(long, "f.yaml").findings[0].code == "L003"


def test_limits_send_the_file_to_the_full_loader():
    deep = "".join(f"{'  ' * i}k{i}:\n" for i in range(30)) + "  " * 30 + "x: 1\n"
    assert agree(deep)
    assert blockyaml.read(deep, Limits(max_depth=10)) is None
    assert blockyaml.read("a: [1, 2, 3, 4]\n", Limits(max_nodes=5)) is None
    nested = "a:\n  b: [[[1]]]\n"
    assert agree(nested, Limits(max_depth=5))
    assert blockyaml.read(nested, Limits(max_depth=4)) is None
    assert load_text(nested, "f.yaml", Limits(max_depth=4)).findings[0].code == "L006"


@pytest.mark.parametrize("max_depth", [500, 10**9, 3 * 10**9, 10**30])
def test_no_limit_takes_the_fast_readers_deeper_than_they_recurse(max_depth):
    """Their flow values recurse: past DEEPEST levels they give the file to the full
    loader, whatever the limit (a limit of 10**9 once overflowed the C stack, and 3 * 10**9
    the C reader's int argument)."""
    limits = Limits(max_depth=max_depth)
    deepest = blockyaml.DEEPEST
    for n in (deepest - 1, deepest, deepest + 1, 100_000):
        flow = "claims: " + "[" * n + "]" * n + "\n"  # n levels below the root mapping
        block = "".join(" " * i + "k:\n" for i in range(min(n, 900)))  # n levels in all
        for text, taken in ((flow, n < deepest), (block, n <= deepest)):
            if blockyaml._compiled is not None:
                assert (blockyaml._compiled.read(text, max_depth) is not None) is taken
            assert (blockyaml.read_in_python(text, limits) is not None) is taken
            assert (blockyaml.read(text, limits) is not None) is taken
    # deeper than the fast readers go but within the limit: the full loader reads it
    assert not agree("claims: " + "[" * 300 + "]" * 300 + "\n", limits)
    assert load_text("claims: " + "[" * 300 + "]" * 300 + "\n", "f.yaml", limits).findings == []
    assert load_text("claims: " + "[" * 100_000 + "\n", "f.yaml", limits).findings[0].code == "L006"


def test_the_compiled_reader_stops_where_the_python_one_does():
    if blockyaml._compiled is None:
        pytest.skip("the compiled reader is not built")
    assert blockyaml._compiled.DEEPEST == blockyaml.DEEPEST


# --- generated documents ---------------------------------------------------------------------

WORDS = st.sampled_from(
    ["x", "src-a", "Maduro asked", "-5", "12", "1.5", "2025-10-01", "2025-10", "0x1F", ".inf", "~", "null",
     "true", "yes", "a:b", "a: b", "a #b", "a#b", "x:", "@x", "&a x", "*a", "!t x", "|", ">-", "[a]", "{a: b}",
     "- x", "? x", "it's", 'say "no"', "", " lead", "trail ", "%x", "`x`", "ñandú", "a,b", "#"]
)
KEYS = st.sampled_from(["id", "text", "source", "stance", "via", "period", "start", "end", "a", "b", "true", "null", "x_y", "k-1"])


def scalar_text(draw, word: str) -> str:
    style = draw(st.sampled_from(["plain", "plain", "single", "double"]))
    if style == "single":
        return "'" + word.replace("'", "''") + "'"
    if style == "double":
        return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return word


def flow(draw, depth: int) -> str:
    if depth > 2 or draw(st.booleans()):
        return scalar_text(draw, draw(WORDS))
    if draw(st.booleans()):
        return "[" + ", ".join(flow(draw, depth + 1) for _ in range(draw(st.integers(0, 3)))) + "]"
    pairs = [f"{draw(KEYS)}: {flow(draw, depth + 1)}" for _ in range(draw(st.integers(0, 3)))]
    return "{" + ", ".join(pairs) + "}"


def block(draw, indent: int, depth: int, out: list[str], first_prefix: str | None = None) -> None:
    """Append a block mapping at `indent` to out; the first line may carry a '- ' prefix."""
    for index in range(draw(st.integers(1, 4))):
        pad = first_prefix if (index == 0 and first_prefix is not None) else " " * indent
        if draw(st.integers(0, 9)) == 0:
            out.append(" " * draw(st.integers(0, 6)) + "# comment")
        if draw(st.integers(0, 9)) == 0:
            out.append(" " * draw(st.integers(0, 3)))
        key = draw(KEYS)
        shape = draw(st.sampled_from(["scalar", "scalar", "flow", "map", "seq", "seq-indentless", "empty", "block-scalar"]))
        if depth > 3 and shape in ("map", "seq", "seq-indentless"):
            shape = "scalar"
        comment = draw(st.sampled_from(["", "", " # c", "  #c", "#c"]))
        if shape == "scalar":
            out.append(f"{pad}{key}: {scalar_text(draw, draw(WORDS))}{comment}")
        elif shape == "flow":
            out.append(f"{pad}{key}: {flow(draw, 0)}{comment}")
        elif shape == "empty":
            out.append(f"{pad}{key}:{comment}")
        elif shape == "map":
            out.append(f"{pad}{key}:{comment}")
            block(draw, indent + draw(st.sampled_from([1, 2, 4])), depth + 1, out)
        elif shape == "block-scalar":
            header = draw(st.sampled_from(["|", ">", "|-", ">-", "|+", ">+", "|2", ">1"]))
            out.append(f"{pad}{key}: {header}{comment}")
            inner = indent + draw(st.sampled_from([1, 2, 4]))
            for _ in range(draw(st.integers(0, 4))):
                extra = draw(st.sampled_from([0, 0, 0, 1, 2]))
                word = draw(WORDS)
                out.append(" " * (inner + extra) + word if word else " " * draw(st.integers(0, inner + 2)))
        else:
            out.append(f"{pad}{key}:{comment}")
            dash_indent = indent if shape == "seq-indentless" else indent + draw(st.sampled_from([1, 2, 4]))
            for _ in range(draw(st.integers(1, 3))):
                if draw(st.booleans()):
                    out.append(" " * dash_indent + "- " + (scalar_text(draw, draw(WORDS)) if draw(st.booleans()) else flow(draw, 0)))
                else:
                    gap = draw(st.sampled_from([1, 1, 2, 3]))
                    block(draw, dash_indent + 1 + gap, depth + 1, out, " " * dash_indent + "-" + " " * gap)


MUTATIONS = ["\r", "\r\n", " ", "-", ":", "#", "'", '"', "[", "]", "{", "}", ",", "|", ">", "\t", "&", "*", "!", "\n", "- ", ": ", "x"]


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_generated_documents_agree(data):
    draw = data.draw
    lines: list[str] = []
    block(lambda s: draw(s), 0, 0, lines)
    text = "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))
    agree(text)
    # and the same document after each of a few small changes anywhere
    for _ in range(draw(st.integers(1, 3))):
        text = changed(draw, text)
        agree(text)


def changed(draw, text: str) -> str:
    """The text with one character taken out, or one of MUTATIONS put in, anywhere."""
    at = draw(st.integers(0, len(text)))
    if draw(st.booleans()) and at < len(text):
        return text[:at] + text[at + 1:]
    return text[:at] + draw(st.sampled_from(MUTATIONS)) + text[at:]


SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").rglob("*.yaml"))]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_the_seed_corpus_with_small_changes_agrees(data):
    """Real files, each changed a little: whatever the fast reader still takes, it reads
    as the full loader does."""
    draw = data.draw
    text = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(1, 3))):
        text = changed(draw, text)
    agree(text)


# --- the compiled reader ----------------------------------------------------------------------


def test_the_compiled_reader_is_built_where_there_is_a_compiler():
    """setup.py builds it optionally: a failed build must not pass unnoticed in CI."""
    import shutil
    import sysconfig

    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        pytest.skip(f"no C compiler ({compiler}): claimcheck reads with the Python reader")
    assert blockyaml._compiled is not None, "claimcheck/_cblockyaml.c was not built: see `pip install -e .` output"


# characters that make structure, and a few that make text
PIECES = st.sampled_from(
    [" ", " ", "  ", "-", "- ", ":", ": ", "#", " #", "'", "''", '"', "[", "]", "{", "}", ", ", ",", "|", ">",
     "|-", ">+", "\n", "\n", "\n", "\n  ", "\n    ", "a", "id", "k-1", "x", "1", "-5", ".5", "1e3", "0x1f",
     "0o7", ".inf", ".nan", "2025-10-01", "2025-02-30", "2025-10", "~", "null", "true", "ñ", "名", "\u00a0", "\\",
     # characters only the full loader takes (the compiled reader checks for them itself)
     "\t", "\r", "\r\n", "\x7f", "\x85", "\u2028", "\ufeff", "\ufffe", "\ud800", "\U0001f600", "\x00"]
)


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(PIECES, max_size=60))
def test_the_compiled_reader_reads_as_the_python_one(pieces):
    """Text made of YAML's structural characters: both readers take the same texts and
    read them the same, and the compiled one never crashes."""
    readers_agree("".join(pieces))
    readers_agree("a: " + "".join(pieces) + "\n")
    readers_agree("a:\n" + "".join(pieces))
    readers_agree("a:\n  - " + "".join(pieces), Limits(max_depth=3))


@pytest.mark.skipif(blockyaml._compiled is None, reason="the compiled reader is not built")
def test_the_whole_analysis_is_the_same_without_the_compiled_reader(tmp_path, monkeypatch):
    """What a user sees does not depend on whether the C reader was built."""
    from claimcheck.analysis import analyze
    from claimcheck.report.data import document

    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    from generate import generate

    generate(tmp_path / "c", 400)
    for paths in ([ROOT / "corpus"], [tmp_path / "c"]):
        with_c = analyze(paths)
        monkeypatch.setattr(blockyaml, "_compiled", None)
        without = analyze(paths)
        monkeypatch.undo()
        assert with_c.corpus == without.corpus and with_c.findings == without.findings
        assert document(with_c, with_c.conflicts, None) == document(without, without.conflicts, None)


@pytest.mark.skipif(blockyaml._compiled is None, reason="the compiled reader is not built")
def test_the_compiled_scalar_is_the_python_one():
    """nodes.Scalar is made in C where it is built: the same fields, made and set the
    same way, whichever reader or loader makes it."""
    import gc

    from claimcheck import nodes

    assert nodes.Scalar is blockyaml._compiled.Scalar
    node = Scalar(5, "5", 3, 7, True)
    same = Scalar(value=5, raw="5", line=3, column=7, plain=True)
    assert [getattr(node, f) for f in ("value", "raw", "line", "column", "plain")] == [5, "5", 3, 7, True]
    assert [getattr(same, f) for f in ("value", "raw", "line", "column", "plain")] == [5, "5", 3, 7, True]
    node.value = "x"
    assert node.value == "x" and "'x'@3:7" in repr(node)
    with pytest.raises(TypeError):
        Scalar(1, "1", 1)
    with pytest.raises(AttributeError):
        node.other = 1
    assert not gc.is_tracked(node)  # holds no container: the cycle collector need not look
    loaded = load_text("a: [b, 1]\n", "x.yaml")
    assert type(loaded.root.items["a"].items[1]) is nodes.Scalar
