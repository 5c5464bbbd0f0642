"""The loader (spec §1, §2 scalars): bytes in, positioned nodes and findings out.

Each case is a small YAML text with the findings it must give as (code, line, column).
The loader never raises for bad content, never constructs an object from a tag, and
ends hostile input (alias bombs, deep nesting) in a finding, not a hang or a crash.
"""

from __future__ import annotations

import datetime
import inspect
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimcheck.analysis import analyze
from claimcheck.loader import Limits, Mapping, Scalar, Sequence, load_bytes, load_file, load_text


def load(source: str | bytes, limits: Limits = Limits()):
    data = source.encode("utf-8") if isinstance(source, str) else source
    return load_bytes(data, "t.yaml", limits)


def places(source: str | bytes, limits: Limits = Limits()) -> list[tuple[str, int, int]]:
    """The findings of one text as (code, line, column)."""
    return [(f.code, f.line, f.column) for f in load(source, limits).findings]


def walk(node):
    """Every node of a loaded tree (iteratively: trees may be deep)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if type(current) is Mapping:
            stack.extend(current.items.values())
        elif type(current) is Sequence:
            stack.extend(current.items)


# --- duplicate keys ---------------------------------------------------------------------


def test_duplicate_key_names_both_lines():
    loaded = load("a: 1\nb: 2\na: 3\n")
    assert [(f.code, f.line, f.column) for f in loaded.findings] == [("L004", 3, 1)]
    message = loaded.findings[0].message
    assert "'a'" in message and "line 1" in message
    assert loaded.root.items["a"].value == 1  # the first one counts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("claims:\n  - id: x\n    text: t\n    id: y\n", [("L004", 4, 5)]),
        ("x: {a: 1, b: 2, a: 3}\n", [("L004", 1, 17)]),
        ('a: 1\n"a": 2\n', [("L004", 2, 1)]),  # quoting does not make another key
        ("a: 1\n? a\n: 2\n", [("L004", 2, 3)]),
        ("sources: []\nclaims: []\nsources: []\n", [("L004", 3, 1)]),
        ("a: 1\nA: 2\n", []),  # keys are case-sensitive
    ],
)
def test_duplicate_keys_anywhere(text, expected):
    assert places(text) == expected


# --- syntax errors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: [1, 2\nb: 3\n", ("L003", 2, 2)),  # unclosed flow sequence, found at the next key
        ("a: b: c\n", ("L003", 1, 5)),
        ("a:\n\tb: 1\n", ("L003", 2, 1)),  # a tab indents
        ("a: 1\n b: 2\n", ("L003", 2, 3)),
        ("a: 'open\n", ("L003", 2, 1)),
        ("- a\nb: c\n", ("L003", 2, 1)),
        ("a: *nowhere\n", ("L003", 1, 4)),  # an alias without its anchor
        ("a: 1\nb: \x07\n", ("L003", 2, 4)),  # a control character
        ("ñandú: 1\nbé: é\x07\n", ("L003", 2, 6)),  # its column counts characters, not bytes
        ("%YAML 1.1#comment\n---\na: 1\n", ("L003", 1, 10)),  # libyaml alone lets this through
        ("%FOO bar\n---\na: 1\n", ("L003", 1, 5)),
    ],
)
def test_syntax_error_at_its_place(text, expected):
    loaded = load(text)
    assert [(f.code, f.line, f.column) for f in loaded.findings] == [expected]
    assert loaded.findings[0].message.startswith("YAML syntax: ")
    assert loaded.root is None


@pytest.mark.parametrize("text", ["a:\n\tb: 1\n", "sources:\n\t- {id: a}\n", "a:\n  b: 1\n\tc: 2\n"])
def test_a_tab_that_indents_is_named(text):
    (finding,) = load(text).findings
    assert finding.message.endswith("; YAML indents with spaces, never tabs")


def test_yaml_directive_1_2_is_fine():
    loaded = load("%YAML 1.2\n---\nsources: []\n")
    assert loaded.findings == [] and type(loaded.root) is Mapping


# --- tags -------------------------------------------------------------------------------


def test_python_tag_constructs_nothing_and_runs_nothing(tmp_path, monkeypatch):
    marker = tmp_path / "pwned"

    def refuse(*args, **kwargs):
        raise AssertionError("the loader tried to run a command")

    monkeypatch.setattr(os, "system", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    text = (
        "sources:\n"
        f"  - !!python/object/apply:os.system ['touch {marker}']\n"
        f"  - {{id: s1, name: !!python/object/apply:subprocess.check_call [[touch, '{marker}']]}}\n"
        "claims: !!python/object/new:builtins.dict {}\n"
    )
    loaded = load(text)
    assert [(f.code, f.line, f.column) for f in loaded.findings] == [("L005", 2, 5), ("L005", 3, 20), ("L005", 4, 9)]
    assert "python/object/apply:os.system" in loaded.findings[0].message
    assert not marker.exists()
    # only plain nodes holding plain values
    for node in walk(loaded.root):
        assert type(node) in (Mapping, Sequence, Scalar)
        if type(node) is Scalar:
            assert node.value is None or type(node.value) in (str, int, float, bool, datetime.date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: !!python/name:os.system\n", [("L005", 1, 4)]),
        ("a: !!python/none ''\n", [("L005", 1, 4)]),
        ("a: !!binary aGVsbG8=\n", [("L005", 1, 4)]),
        ("a: !!set {x, y}\n", [("L005", 1, 4)]),
        ("a: !local thing\n", [("L005", 1, 4)]),
        ("!!python/object:os.Foo {a: 1}\n", [("L005", 1, 1)]),
        ("? !!python/tuple [a]\n: x\n", [("L005", 1, 3), ("L008", 1, 3)]),
        ("%TAG !py! tag:yaml.org,2002:python/\n---\na: !py!object/apply:os.system [ls]\n", [("L005", 3, 4)]),
        # the standard scalar and collection tags are plain YAML
        ("a: !!str 12\nb: !!int 7\nc: !!map {}\nd: !!seq []\ne: !!null ''\nf: ! 12\n", []),
    ],
)
def test_forbidden_tags(text, expected):
    assert places(text) == expected


def test_standard_tags_type_as_asked():
    root = load("a: !!str 12\nb: !!int 7\nc: ! 12\nd: !!str true\n").root
    assert [root.items[k].value for k in "abcd"] == ["12", 7, "12", "true"]


# --- keys -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "word"),
    [
        ("1: x\n", ("L008", 1, 1), "a number"),
        ("true: x\n", ("L008", 1, 1), "a boolean"),
        ("1.5: x\n", ("L008", 1, 1), "a number"),
        ("2025-10-12: x\n", ("L008", 1, 1), "a date"),
        ("~: x\n", ("L008", 1, 1), "null"),
        ("claims:\n  - 12: x\n", ("L008", 2, 5), "a number"),
        ("? [a]\n: x\n", ("L008", 1, 3), "not a collection"),
        ("[a]: x\n", ("L008", 1, 1), "not a collection"),
        ("{a: 1}: x\n", ("L008", 1, 1), "not a collection"),
    ],
)
def test_keys_must_be_text(text, expected, word):
    loaded = load(text)
    assert [(f.code, f.line, f.column) for f in loaded.findings] == [expected]
    assert word in loaded.findings[0].message
    if "collection" not in word:
        assert "quote it" in loaded.findings[0].message


def test_quoted_and_yaml_1_1_boolean_keys_are_text():
    root = load('"1": a\nyes: b\non: c\n"true": d\n').root
    assert list(root.items) == ["1", "yes", "on", "true"]


# --- documents --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sources: []\n---\nclaims: []\n", [("L007", 2, 1)]),
        ("---\nsources: []\n...\n---\nclaims: []\n", [("L007", 4, 1)]),
        ("---\nsources: []\n", []),
        ("sources: []\n...\n", []),
    ],
)
def test_one_document_a_file(text, expected):
    loaded = load(text)
    assert places(text) == expected
    assert list(loaded.root.items) == ["sources"]  # the first document is still read


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n", "\n\n"])
def test_empty_file_is_no_finding(text):
    loaded = load(text)
    assert loaded.findings == []


# --- encodings --------------------------------------------------------------------------


def test_utf8_bom_is_accepted():
    loaded = load(b"\xef\xbb\xbfsources:\n  - {id: s1, name: El Pa\xc3\xads}\n")
    assert loaded.findings == []
    assert loaded.root.items["sources"].items[0].items["name"].value == "El País"
    # positions after a BOM are unchanged
    assert places(b"\xef\xbb\xbfa: 1\na: 2\n") == [("L004", 2, 1)]


@pytest.mark.parametrize(
    ("data", "expected", "word"),
    [
        ("a: 1\n".encode("utf-16"), ("L002", 1, 1), "UTF-16"),  # with its BOM
        (b"\xfe\xff" + "a: 1\n".encode("utf-16-be"), ("L002", 1, 1), "UTF-16"),
        ("a: 1\n".encode("utf-32"), ("L002", 1, 1), "UTF-32"),
        ("a: 1\n".encode("utf-16-le"), ("L002", 1, 2), "UTF-16"),  # no BOM: the first NUL
        ("a: 1\n".encode("utf-16-be"), ("L002", 1, 1), "UTF-16"),
        ("a: b\nname: El País\n".encode("latin-1"), ("L002", 2, 12), "Latin-1"),
        ("a: b\nname: café\r\nx: ü\n".encode("cp1252"), ("L002", 2, 10), "Latin-1"),
        (b"a: 1\nb: \x00\n", ("L002", 2, 4), "NUL"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ("L002", 3, 1), "binary"),
        (bytes(range(256)), ("L002", 1, 1), "binary"),
        (b"a: 1\rb: \xff\r", ("L002", 2, 4), "UTF-8"),  # old Mac line ends count as lines
    ],
)
def test_bad_encoding_is_l002_with_a_place(data, expected, word):
    loaded = load(data)
    assert [(f.code, f.line, f.column) for f in loaded.findings] == [expected]
    assert word in loaded.findings[0].message
    assert loaded.root is None


# --- line endings -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"a: 1\r\nb: 2\r\na: 3\r\n", [("L004", 3, 1)]),
        (b"a: 1\r\nb: [2\r\nc: 3\r\n", [("L003", 3, 2)]),
        (b"# c\r\n\r\nx: !!python/none ''\r\n", [("L005", 3, 4)]),
        (b"a: 1\rb: 2\ra: 3\r", [("L004", 3, 1)]),
        (b"a: 1\r\nb: \x07\r\n", [("L003", 2, 4)]),
    ],
)
def test_crlf_and_cr_keep_line_numbers(data, expected):
    assert places(data) == expected


def test_crlf_corpus_keeps_line_numbers_through_validation(tmp_path):
    text = "sources:\r\n  - id: s1\r\n    name: One\r\n\r\nclaims:\r\n  - id: c1\r\n    text: t\r\n    assertions:\r\n      - {source: s2, stance: affirms}\r\n"
    (tmp_path / "c.yaml").write_bytes(text.encode())
    result = analyze([tmp_path])
    assert [(f.code, f.line, f.column) for f in result.findings if f.code[0] in "LSR"] == [("R001", 9, 18)]
    assert result.corpus.sources["s1"].pos.line == 2


# --- hostile structure -------------------------------------------------------------------


def billion_laughs(levels: int = 9, width: int = 10) -> str:
    lines = ['a0: &a0 ["lol"]']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_ends_fast_in_l006():
    started = time.perf_counter()
    loaded = load(billion_laughs())
    elapsed = time.perf_counter() - started
    assert [f.code for f in loaded.findings] == ["L006"]
    assert loaded.findings[0].line > 1 and "alias" in loaded.findings[0].message
    assert loaded.root is None
    assert elapsed < 5, f"the alias bomb took {elapsed:.1f}s"


def test_aliases_within_the_limit_are_fine():
    loaded = load("defaults: &d {stance: affirms}\nlist: [*d, *d, *d]\n")
    assert loaded.findings == []
    assert loaded.root.items["list"].items[0] is loaded.root.items["defaults"]


def test_alias_limit_is_configurable():
    assert [f.code for f in load(billion_laughs(3), Limits(max_alias_expansion=50)).findings] == ["L006"]
    assert load(billion_laughs(3)).findings == []


def _block_mappings(depth: int) -> str:
    # a block mapping needs one more column a level, so the text grows as depth²
    return "".join(" " * level + f"k{level}:\n" for level in range(depth))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("flow sequences, unclosed", "[" * 100_000),
        ("flow sequences, closed", "[" * 100_000 + "]" * 100_000),
        ("flow mappings", "{a: " * 100_000),
        ("block sequences", "- " * 100_000 + "x\n"),
        ("block mappings", _block_mappings(3_000)),
        ("just above the limit", "a: " + "[" * 101 + "]" * 101 + "\n"),
    ],
)
def test_deep_nesting_ends_in_a_finding_without_recursion(name, text):
    # a recursive reader would need far more frames than this
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack(0)) + 200)
    try:
        loaded = load_text(text, "t.yaml")
    finally:
        sys.setrecursionlimit(limit)
    assert [f.code for f in loaded.findings] == ["L006"], name
    assert loaded.findings[0].line >= 1 and loaded.findings[0].column > 1
    assert loaded.root is None


def test_nesting_at_the_limit_is_read():
    loaded = load("[" * 100 + "]" * 100)
    assert loaded.findings == []


def test_node_limit():
    loaded = load("a: [" + ", ".join(["1"] * 1000) + "]\n", Limits(max_nodes=500))
    assert [f.code for f in loaded.findings] == ["L006"]


def test_file_size_limit(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 2000 + "\n")
    loaded = load_file(path, "big.yaml", Limits(max_file_bytes=1000))
    assert [(f.code, f.line, f.column) for f in loaded.findings] == [("L001", 1, 1)]
    assert "limit" in loaded.findings[0].message


def test_files_read_into_one_buffer_read_as_alone(tmp_path):
    """analyze reads every file into one buffer: what a longer file left in it beyond a
    shorter one's end (a NUL, bad UTF-8, more keys) never reaches the shorter one."""
    contents = [
        b"sources:\n  - {id: long, name: Long}\n" + b"#" * 500 + b"\x00\xff\n",
        b"a: 1\n",
        "b: caf\u00e9\n".encode(),
        b"c: 1\x00\n",
        b"\xef\xbb\xbfd: bom\n",
        b"e: \xe9t\xe9\n",
        b"\xff\xfe\x00\x00",
        b"",
    ]
    buffer = bytearray()
    for n, data in enumerate(contents):
        path = tmp_path / f"f{n}.yaml"
        path.write_bytes(data)
        shared, alone = load_file(path, path.name, buffer=buffer), load_file(path, path.name)
        assert [(f.code, f.line, f.column, f.message) for f in shared.findings] == [
            (f.code, f.line, f.column, f.message) for f in alone.findings
        ], data
        assert _shape(shared.root) == _shape(alone.root), data
    assert len(buffer) > len(contents[0])


def test_a_file_that_grew_since_its_size_was_read_is_read_whole(tmp_path):
    """The buffer is sized by stat; a file that grew after is read on, to the limit."""

    class Shrunk(type(tmp_path)):  # a path whose stat reports the file smaller than it is
        def stat(self, **kwargs):
            status = super().stat(**kwargs)
            return os.stat_result((*status[:6], 4, *status[7:]))

    path = Shrunk(tmp_path / "grew.yaml")
    path.write_text("a: 1\nb: 2\n")
    loaded = load_file(path, "grew.yaml", buffer=bytearray())
    assert loaded.findings == [] and sorted(loaded.root.items) == ["a", "b"]
    path.write_text("a: " + "x" * 2000 + "\n")
    loaded = load_file(path, "grew.yaml", Limits(max_file_bytes=1000), buffer=bytearray())
    assert [f.code for f in loaded.findings] == ["L001"]


def _shape(node):
    """A node as plain values and places, to compare two reads of one file."""
    if node is None:
        return None
    if isinstance(node, Mapping):
        return {k: (node.keys[k].line, node.keys[k].column, _shape(v)) for k, v in node.items.items()}
    if isinstance(node, Sequence):
        return [_shape(v) for v in node.items]
    return (node.value, node.line, node.column)


# --- scalars: YAML 1.2 core schema plus dates ---------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # YAML 1.1 booleans and sexagesimals are text in YAML 1.2
        ("yes", "yes"), ("no", "no"), ("NO", "NO"), ("on", "on"), ("off", "off"), ("y", "y"),
        ("1:30", "1:30"),
        ("true", True), ("false", False), ("True", True), ("FALSE", False), ("tRUE", "tRUE"),
        ("12", 12), ("-12", -12), ("+12", 12), ("012", 12),
        ("1.5", 1.5), ("1e3", 1000.0), (".5", 0.5), ("5.", 5.0), ("-1.5e-3", -0.0015),
        ("0o17", 15), ("0x1f", 31), ("0x1F", 31),
        ("1_000", "1_000"), ("0b11", "0b11"), ("0x", "0x"), ("0o8", "0o8"), ("1e", "1e"), ("1.2.3", "1.2.3"),
        ("2025-10-12", datetime.date(2025, 10, 12)),
        ("2025-02-30", "2025-02-30"),  # not on the calendar: text (date fields say so)
        ("2025-10", "2025-10"), ("2025", 2025),  # partial dates are text, a bare year a number
        ("2025-10-12T10:00:00", "2025-10-12T10:00:00"),
        ("'12'", "12"), ('"true"', "true"), ("'2025-10-12'", "2025-10-12"), ("'~'", "~"), ("''", ""),
        ("~", None), ("null", None), ("Null", None), ("NULL", None), ("", None),
        ("El País", "El País"),
    ],
)
def test_scalar_typing_follows_yaml_1_2_core(raw, expected):
    node = load(f"v: {raw}\n").root.items["v"]
    assert type(node.value) is type(expected) and node.value == expected
    assert node.raw == raw.strip("'\"")


@pytest.mark.parametrize(("raw", "sign"), [(".inf", 1), ("-.inf", -1), ("+.INF", 1)])
def test_infinities(raw, sign):
    assert load(f"v: {raw}\n").root.items["v"].value == sign * float("inf")


def test_nan():
    value = load("v: .nan\n").root.items["v"].value
    assert value != value


def test_block_scalars_are_text():
    root = load("a: |\n  12\nb: >-\n  true\n").root
    assert root.items["a"].value == "12\n" and root.items["b"].value == "true"


@pytest.mark.parametrize("raw", ["1" * 5_000, "-" + "9" * 10_000, "0x" + "f" * 5_000, "0o" + "7" * 6_000])
def test_integers_too_long_to_write_back_stay_text(raw):
    # Python refuses to turn ints of more than 4,300 digits into text; they must not crash
    loaded = load(f"v: {raw}\n")
    assert loaded.findings == []
    assert loaded.root.items["v"].value == raw


def test_long_integer_below_the_bound_is_a_number():
    assert load("v: " + "1" * 1_000 + "\n").root.items["v"].value == int("1" * 1_000)


def test_positions_are_one_based():
    root = load("sources:\n  - id: s1\n    name: One\n").root
    item = root.items["sources"].items[0]
    assert (item.line, item.column) == (2, 5)
    assert (item.items["name"].line, item.items["name"].column) == (3, 11)
    assert (item.keys["name"].line, item.keys["name"].column) == (3, 5)


def test_unreadable_file_is_l001(tmp_path):
    loaded = load_file(tmp_path / "missing.yaml", "missing.yaml")
    assert [(f.code, f.line, f.column) for f in loaded.findings] == [("L001", 1, 1)]
    assert loaded.root is None


def test_file_path_is_kept_as_given(tmp_path):
    path = Path(tmp_path, "a.yaml")
    path.write_text("a: 1\na: 2\n")
    assert load_file(path, "corpus/a.yaml").findings[0].file == "corpus/a.yaml"


def test_a_folder_given_twice_by_two_spellings_is_read_once(tmp_path, monkeypatch):
    corpus = tmp_path / "here" / "c"
    corpus.mkdir(parents=True)
    (corpus / "s.yaml").write_text("sources: [{id: a, name: A}]\n")
    monkeypatch.chdir(tmp_path / "here")
    for spellings in (["c", "../here/c"], ["c", "c/s.yaml"], ["c", str(corpus)]):
        result = analyze([Path(p) for p in spellings])
        assert result.files == ["c/s.yaml"], spellings
        assert not [f for f in result.findings if f.code == "S010"]


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="needs symbolic links")
def test_a_file_linked_inside_one_path_is_read_once_under_its_own_name(tmp_path, monkeypatch):
    (tmp_path / "a.yaml").write_text(
        "sources: [{id: s, name: S}]\nclaims:\n  - id: c\n    text: C\n    assertions: [{source: s, stance: affirms}]\n"
    )
    os.symlink("a.yaml", tmp_path / "link.yaml")
    os.symlink("a.yaml", tmp_path / "0-link.yaml")  # sorts before its target
    monkeypatch.chdir(tmp_path)
    result = analyze([Path(".")])
    assert result.files == ["a.yaml"]
    assert [f.code for f in result.findings if f.code[0] in "LS"] == []
    assert list(result.corpus.claims) == ["c"] and len(list(result.corpus.assertions())) == 1


def test_a_line_of_only_tabs_is_blank_as_in_yaml_1_2(tmp_path):
    # editors leave them; libyaml alone takes the tab for indentation
    text = "sources:\n  - {id: a, name: A}\n\t \nclaims:\n\t\n  - {id: x, text: x, assertions: [{source: zz, stance: affirms}]}\n"
    loaded = load_text(text, "c.yaml")
    assert loaded.findings == [] and loaded.root is not None
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    [unknown] = [f for f in analyze([tmp_path]).findings if f.severity == "error"]
    assert (unknown.code, unknown.line, unknown.column) == ("R001", 6, 44)  # places as written
    # a tab that indents is still an error
    assert [f.code for f in load_text("sources:\n\t- {id: a, name: A}\n", "c.yaml").findings] == ["L003"]
