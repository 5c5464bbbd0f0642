"""CSV rows in, a corpus claimcheck reads without errors out: typed values, slug ids, dates,
reported bad rows, gzip, and never over an existing corpus."""

from __future__ import annotations

import gzip
import os

import pytest
import yaml

from claimcheck.analysis import analyze
from claimcheck.importer import CLAIMS_PER_FILE, CsvImportError, import_csv, quote, slug

from helpers import SHARED

COLUMNS = ("object", "property", "value", "source")

CSV = """object,property,value,source,when
"St. Louis, Missouri",Population2000,348189,Editor One,2007-01-02 03:04:05
"St. Louis, Missouri",Population2000,348189,Editor Two,2007-02
"St. Louis, Missouri",Population2000,350705,10.0.0.1,2007
Springfield,Population2000,152082,Editor One,
Springfield,Population2000,,Editor Two,2007-03-04
Springfield,Area,33.1,Editor One,sometime
Springfield,Area,33.10,Editor Two,null
Springfield,Mayor,Domenic Sarno,Editor One,fri jan 29 08:45:00 2010
Springfield,Mayor,"domenic  SARNO",Editor Two,2010-01-29T08:45:00Z
Springfield,Founded,1636-05-14,Editor One,
Springfield,Founded,1636,Editor Two,
short row
Shelbyville,Population2000,N/A,Editor One,
"""


def _write(tmp_path, text, name="claims.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _load(out, name):
    return yaml.safe_load((out / name).read_text(encoding="utf-8"))


def test_rows_become_a_corpus(tmp_path):
    out = tmp_path / "corpus"
    report = import_csv(_write(tmp_path, CSV), out, *COLUMNS, date_col="when")
    assert report.files == ["sources.yaml", "entities.yaml", "predicates.yaml", "claims-0001.yaml"]
    assert report.rows == 13 and report.assertions == 10 and report.claims == 5
    assert report.sources == 3 and report.entities == 2
    assert report.predicates == {"area": "number", "founded": "date", "mayor": "text", "population2000": "number"}

    sources = {s["id"]: s["name"] for s in _load(out, "sources.yaml")["sources"]}
    assert sources == {"10-0-0-1": "10.0.0.1", "editor-one": "Editor One", "editor-two": "Editor Two"}
    entities = {e["id"]: e["name"] for e in _load(out, "entities.yaml")["entities"]}
    assert entities == {"springfield": "Springfield", "st-louis-missouri": "St. Louis, Missouri"}
    predicates = _load(out, "predicates.yaml")["predicates"]
    assert {"id": "population2000", "description": "Population2000", "single_value": True, "value_type": "number"} in predicates

    claims = {c["id"]: c for c in _load(out, "claims-0001.yaml")["claims"]}
    st_louis = claims["st-louis-missouri.population2000"]
    assert st_louis["subject"] == "st-louis-missouri" and st_louis["predicate"] == "population2000"
    assert st_louis["text"] == "Population2000 of St. Louis, Missouri"
    assert [(a["source"], a["value"], a.get("date")) for a in st_louis["assertions"]] == [
        ("editor-one", 348189, "2007-01-02"),  # a timestamp gives its day
        ("editor-two", 348189, "2007-02"),
        ("10-0-0-1", 350705, "2007"),
    ]
    assert all(a["stance"] == "affirms" for c in claims.values() for a in c["assertions"])
    mayor = claims["springfield.mayor"]["assertions"]
    assert [a["value"] for a in mayor] == ["Domenic Sarno", "domenic  SARNO"]
    assert [a["date"] for a in mayor] == ["2010-01-29", "2010-01-29"]  # C and ISO timestamps
    assert [a["value"] for a in claims["springfield.founded"]["assertions"]] == ["1636-05-14", "1636"]


def test_bad_rows_are_reported_not_fatal(tmp_path):
    report = import_csv(_write(tmp_path, CSV), tmp_path / "corpus", *COLUMNS, date_col="when")
    problems = [(p.row, p.reason, p.kept) for p in report.problems]
    assert problems == [
        (5, "empty value", False),
        (6, "date 'sometime' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or a timestamp); kept without it", True),
        (12, "fewer columns than the header", False),
        (13, "no value ('N/A' marks a missing value)", False),
    ]
    assert report.skipped == 3
    assert report.dates_missing == 4  # empty, and 'null'
    assert str(report.problems[0]).endswith("claims.csv: row 5 (line 6): empty value")
    assert "3 rows skipped" in report.summary()


def test_bytes_that_are_not_utf8_are_reported(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(b"object,property,value,source\nber\xfflin,pop,1,a\nbonn,pop,2,b\n")
    report = import_csv(path, tmp_path / "corpus", *COLUMNS)
    assert [(p.row, p.kept) for p in report.problems] == [(1, True)]
    assert "not valid UTF-8" in report.problems[0].reason


def test_round_trip_finds_the_value_conflicts(tmp_path):
    out = tmp_path / "corpus"
    import_csv(_write(tmp_path, CSV), out, *COLUMNS, date_col="when")
    result = analyze([out])
    assert [f for f in result.findings if f.severity == "error"] == []
    # 33.1 and 33.10 are one number, the two spellings of the mayor one text, and 1636
    # covers 1636-05-14: only the populations differ
    assert [c.id for c in result.conflicts] == ["value:st-louis-missouri/population2000"]
    (conflict,) = result.conflicts
    assert [s.label for s in conflict.sides] == ["348189", "350705"]


def test_unknown_column_names_are_a_clear_error(tmp_path):
    path = _write(tmp_path, CSV)
    with pytest.raises(CsvImportError, match=r"no column 'Object'.*its columns are 'object', 'property'"):
        import_csv(path, tmp_path / "corpus", "Object", "property", "value", "source")
    with pytest.raises(CsvImportError, match="no column 'date'"):
        import_csv(path, tmp_path / "corpus", *COLUMNS, date_col="date")
    assert not (tmp_path / "corpus").exists()
    with pytest.raises(CsvImportError, match="is empty"):
        import_csv(_write(tmp_path, "", "empty.csv"), tmp_path / "corpus", *COLUMNS)
    with pytest.raises(CsvImportError, match="cannot read"):
        import_csv(tmp_path / "missing.csv", tmp_path / "corpus", *COLUMNS)


def test_text_among_numbers_leaves_the_property_untyped(tmp_path):
    out = tmp_path / "corpus"
    text = ("object,property,value,source\nx,height,12,a\ny,height,12.5,b\nz,height,about 13,c\n"
            "x,width,1e3,a\ny,width,+7,b\nz,width,2.5e-20,c\n")
    report = import_csv(_write(tmp_path, text), out, *COLUMNS)
    assert report.predicates == {"height": None, "width": "number"}
    claims = {c["id"]: c for c in _load(out, "claims-0001.yaml")["claims"]}
    assert [claims[f"{o}.height"]["assertions"][0]["value"] for o in "xyz"] == [12, 12.5, "about 13"]
    # numbers are written so that YAML 1.1 (PyYAML) and 1.2 (claimcheck) read them alike
    assert [claims[f"{o}.width"]["assertions"][0]["value"] for o in "xyz"] == [1000.0, 7, 2.5e-20]
    assert not [f for f in analyze([out]).findings if f.severity == "error"]


def test_refuses_to_overwrite(tmp_path):
    path = _write(tmp_path, CSV)
    out = tmp_path / "corpus"
    out.mkdir()
    (out / "mine.yaml").write_text("sources: []\n")
    with pytest.raises(CsvImportError, match="not empty"):
        import_csv(path, out, *COLUMNS)
    assert os.listdir(out) == ["mine.yaml"]
    file_there = tmp_path / "file"
    file_there.write_text("x")
    with pytest.raises(CsvImportError, match="not a directory"):
        import_csv(path, file_there, *COLUMNS)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert import_csv(path, empty, *COLUMNS).claims == 5  # an empty directory is fine


def test_gzip_input_and_several_files(tmp_path):
    plain = _write(tmp_path, CSV)
    packed = tmp_path / "more.csv.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as handle:
        handle.write("object,property,value,source,when\nSpringfield,Population2000,152083,Editor Three,2008\n")
    out = tmp_path / "corpus"
    report = import_csv([plain, packed], out, *COLUMNS, date_col="when")
    assert report.sources == 4 and report.assertions == 11
    result = analyze([out])
    assert not [f for f in result.findings if f.severity == "error"]
    assert [c.id for c in result.conflicts] == [
        "value:springfield/population2000", "value:st-louis-missouri/population2000",
    ]
    only_gz = import_csv(packed, tmp_path / "gz", *COLUMNS)
    assert only_gz.assertions == 1


def test_ids_are_unique_slugs_whatever_the_row_order(tmp_path):
    rows = [
        "St. Louis,pop,1,Editor",
        "st louis,pop,2,editor",
        "ST LOUIS!,pop,3,EDITOR",
        "123,pop,4,849921",
        "Zürich,pop,5,true",
        "...,pop,6,null source",
    ]
    reports = []
    for n, order in enumerate((rows, rows[::-1])):
        out = tmp_path / f"corpus{n}"
        reports.append(import_csv(_write(tmp_path, "object,property,value,source\n" + "\n".join(order) + "\n"), out, *COLUMNS))
        result = analyze([out])
        assert not [f for f in result.findings if f.severity == "error"], result.findings
        assert set(result.corpus.sources) == {"849921", "editor", "editor-2", "editor-3", "null-source", "true"}
    assert reports[0].entity_ids == reports[1].entity_ids == {
        "...": "object", "123": "123", "ST LOUIS!": "st-louis", "St. Louis": "st-louis-2",
        "Zürich": "zurich", "st louis": "st-louis-3",
    }
    assert reports[0].claim_ids == reports[1].claim_ids
    assert reports[0].claim_ids[("St. Louis", "pop")] == "st-louis.pop-2"


def test_awkward_text_reads_back_exactly(tmp_path):
    values = ['say "hi"', "back\\slash", "two\nlines", "tab\there", "\u2028sep", "nel\x85", "bom\ufeff",
              "ctrl\x07", "emoji 🙂", "  padded  ", "#not a comment", "- dash", "key: value", "yes", "~"]
    for v in values:
        assert yaml.safe_load(quote(v)) == v
    out = tmp_path / "corpus"
    lines = "".join(f'o,p,"{v.replace(chr(34), chr(34) * 2)}",s{i}\n' for i, v in enumerate(values))
    import_csv(_write(tmp_path, "object,property,value,source\n" + lines), out, *COLUMNS)
    result = analyze([out])
    assert not [f for f in result.findings if f.severity == "error"], result.findings
    got = [a.value for a in result.corpus.claims["o.p"].assertions]
    assert got == [v.strip() for v in values]  # cells are trimmed


def test_claims_are_split_into_files(tmp_path, monkeypatch):
    monkeypatch.setattr("claimcheck.importer.CLAIMS_PER_FILE", 2)
    text = "object,property,value,source\n" + "".join(f"o{i},p,{i},s\n" for i in range(5))
    report = import_csv(_write(tmp_path, text), tmp_path / "corpus", *COLUMNS)
    assert report.files[-3:] == ["claims-0001.yaml", "claims-0002.yaml", "claims-0003.yaml"]
    assert CLAIMS_PER_FILE == 5000


def test_slug():
    assert slug("St. Louis, Missouri", "x") == "st-louis-missouri"
    assert slug("---", "fallback") == "fallback"
    assert slug("a" * 300, "x") == "a" * 128


@pytest.mark.slow
def test_real_population_data_imports_cleanly(tmp_path):
    data = SHARED / "data" / "population" / "population_claims.csv"
    if not data.exists():
        pytest.skip("shared data not present")
    out = tmp_path / "population"
    report = import_csv(data, out, "ObjectID", "PropertyID", "PropertyValue", "SourceID", "TimeStamp")
    assert report.rows == report.assertions == 49_955 and report.problems == []
    assert report.dates_missing == 49_955  # every TimeStamp is "null"
    result = analyze([out], ignore={"W101", "I103"}, assess=False)
    assert [f for f in result.findings if f.severity == "error"] == []
    assert len(result.conflicts) == 1151  # the data's README: 1,151 conflicting objects


def test_nothing_usable_still_gives_a_valid_corpus(tmp_path):
    out = tmp_path / "corpus"
    report = import_csv(_write(tmp_path, "object,property,value,source\nx,p,,s\n"), out, *COLUMNS)
    assert report.claims == 0 and report.skipped == 1
    assert report.files == ["sources.yaml", "entities.yaml", "predicates.yaml"]
    result = analyze([out])
    assert [f for f in result.findings if f.severity == "error"] == []


def test_a_row_with_more_columns_than_the_header_is_skipped(tmp_path):
    # an unquoted thousands separator splits the value and shifts the source along
    text = "obj,prop,val,src\nX,p,5,A\nY,p,1,000,C\nZ,p,7,B\n"
    out = tmp_path / "corpus"
    report = import_csv(_write(tmp_path, text), out, "obj", "prop", "val", "src")
    assert [str(p) for p in report.problems] == [
        f"{tmp_path / 'claims.csv'}: row 2 (line 3): more columns than the header: 5, expected 4",
    ]
    assert report.assertions == 2 and report.skipped == 1
    assert set(report.source_ids) == {"A", "B"}  # no source "000"


def test_blank_lines_and_trailing_commas_lose_nothing(tmp_path):
    # exports often end with a blank line, and some put a comma after every row's last cell
    text = "obj,prop,val,src\nX,p,5,A,\n\nY,p,6,B,,\n\n"
    report = import_csv(_write(tmp_path, text), tmp_path / "corpus", "obj", "prop", "val", "src")
    assert report.problems == [] and report.assertions == 2 and report.rows == 2


def test_a_leading_zero_keeps_a_value_text(tmp_path):
    text = ("object,property,value,source\nx,zip,02139,a\ny,zip,10001,b\nx,agent,007,a\n"
            "x,ratio,0,a\ny,ratio,0.5,b\nz,ratio,-0.5,c\n")
    out = tmp_path / "corpus"
    report = import_csv(_write(tmp_path, text), out, *COLUMNS)
    # codes with and without a leading zero: untyped, the zero kept (02139 and 2139 differ as texts)
    assert report.predicates == {"agent": "text", "ratio": "number", "zip": None}
    claims = {c["id"]: c for c in _load(out, "claims-0001.yaml")["claims"]}
    assert claims["x.zip"]["assertions"][0]["value"] == "02139"
    assert claims["x.agent"]["assertions"][0]["value"] == "007"
    assert [claims[f"{o}.ratio"]["assertions"][0]["value"] for o in "xyz"] == [0, 0.5, -0.5]


def test_a_quote_never_closed_is_reported_where_its_row_starts(tmp_path):
    rows = [f"C{n},p,{n},S{n}" for n in range(1, 11)]
    rows[2] = 'C3,p,"12 inch,S3'  # line 4 of 11
    path = _write(tmp_path, "obj,prop,val,src\n" + "\n".join(rows) + "\n")
    report = import_csv(path, tmp_path / "a", "obj", "prop", "val", "src")
    assert [(p.row, p.line, p.reason, p.kept) for p in report.problems] == [
        (3, 4, "a quote opened on line 4 is never closed: the rest of the file was read as one cell", False),
    ]
    assert report.rows == 3 and report.assertions == 2
    # in the last cell the row has all its columns, and would be imported with a source "S3\n..."
    rows[2] = 'C3,p,3,"S3'
    path = _write(tmp_path, "obj,prop,val,src\n" + "\n".join(rows))
    report = import_csv(path, tmp_path / "b", "obj", "prop", "val", "src")
    assert [(p.row, p.line) for p in report.problems] == [(3, 4)] and report.sources == 2


def test_a_quoted_cell_over_several_lines_at_the_end_is_not_a_broken_quote(tmp_path):
    text = 'obj,prop,val,src\nA,p,1,"one\nsource"\nB,p,2,"two\nsources"'  # no newline at the end
    report = import_csv(_write(tmp_path, text), tmp_path / "corpus", "obj", "prop", "val", "src")
    assert report.problems == [] and report.assertions == 2


def test_one_stray_text_does_not_make_equal_numbers_conflict(tmp_path):
    # the weather data: one '*' in a column of readings made 10, 10.0 and 10.00 three texts
    text = ("object,property,value,source\n"
            "x,pressure,10,a\nx,pressure,10.0,b\nx,pressure,10.00,c\n"
            "y,pressure,30.1,a\ny,pressure,*,b\nz,pressure,29.9,a\nz,pressure,*,c\nw,pressure,Unlimited,a\n"
            "v,pressure,1e400,a\nu,pressure,11-Dec,a\n"
            "x,sky,clear,a\nx,sky,Clear,b\nx,day,2010-01-29,a\nx,day,2010,b\n")
    out = tmp_path / "corpus"
    report = import_csv(_write(tmp_path, text), out, *COLUMNS)
    assert report.predicates == {"day": "date", "pressure": None, "sky": "text"}
    assert [str(u) for u in report.untyped] == [
        "property 'pressure' has values that are not numbers ('*', '11-Dec', 2 more): "
        "values left untyped, compared as numbers where both are",
    ]
    predicates = {p["id"]: p for p in _load(out, "predicates.yaml")["predicates"]}
    assert "value_type" not in predicates["pressure"] and predicates["sky"]["value_type"] == "text"
    claims = {c["id"]: c for c in _load(out, "claims-0001.yaml")["claims"]}
    assert [a["value"] for a in claims["x.pressure"]["assertions"]] == [10, 10.0, 10.0]
    assert [a["value"] for a in claims["y.pressure"]["assertions"]] == [30.1, "*"]
    assert claims["v.pressure"]["assertions"][0]["value"] == "1e400"  # not a finite number: text
    result = analyze([out])
    assert [f for f in result.findings if f.severity == "error"] == []
    assert [c.id for c in result.conflicts] == ["value:y/pressure", "value:z/pressure"]


def test_the_command_says_which_properties_were_left_untyped(tmp_path):
    from test_cli_import_trust import run

    path = _write(tmp_path, "object,property,value,source\nx,visibility,10,a\nx,visibility,Unlimited,b\n")
    result = run("import", "csv", str(path), "--object", "object", "--property", "property", "--value", "value",
                 "--source", "source", "--out", str(tmp_path / "corpus"))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        "property 'visibility' has values that are not numbers ('Unlimited'): "
        "values left untyped, compared as numbers where both are"
    )


def test_the_command_lists_every_row_it_could_not_use(tmp_path):
    from test_cli_import_trust import run

    text = "object,property,value,source\n" + "".join(f"o{n},p,,s\n" for n in range(30)) + "o,p,1,s\n"
    result = run("import", "csv", str(_write(tmp_path, text)), "--object", "object", "--property", "property",
                 "--value", "value", "--source", "source", "--out", str(tmp_path / "corpus"))
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[:30] == [f"{tmp_path / 'claims.csv'}:{n + 2}: skipped: row {n + 1}: empty value" for n in range(30)]
    assert lines[30:] == [f"31 rows → 1 assertion on 1 claim about 1 object from 1 source, 1 predicate; "
                          f"30 rows skipped, 0 kept with a problem; 4 files in {tmp_path / 'corpus'}"]


def test_a_long_cell_is_read_and_one_too_long_is_skipped(tmp_path, monkeypatch):
    import csv

    before = csv.field_size_limit()
    long = "x" * 140_000  # over the csv module's default limit of 131,072 characters
    text = f"object,property,value,source\na,p,1,s\nb,p,{long},s\nc,p,3,s\n"
    report = import_csv(_write(tmp_path, text), tmp_path / "corpus", *COLUMNS)
    assert report.problems == [] and report.assertions == 3
    claims = {c["id"]: c for c in _load(tmp_path / "corpus", "claims-0001.yaml")["claims"]}
    assert claims["b.p"]["assertions"][0]["value"] == long
    assert csv.field_size_limit() == before  # put back

    monkeypatch.setattr("claimcheck.importer.MAX_CELL", 100_000)
    report = import_csv(_write(tmp_path, text), tmp_path / "limited", *COLUMNS)
    assert [(p.row, p.line, p.reason, p.kept) for p in report.problems] == [
        (2, 3, "a cell is longer than 100,000 characters, the most one may hold", False),
    ]
    assert report.rows == 3 and report.assertions == 2  # the import goes on after it
