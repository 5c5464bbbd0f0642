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
    assert reports[0].claim_ids[("St. Louis", "pop")] == "st-louis-2.pop"  # its entity's id, and the predicate's


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
    result = analyze([out], ignore={"I103"}, assess=False)
    assert [f for f in result.findings if f.severity == "error"] == []
    assert [f for f in result.findings if f.code in ("W101", "W102")] == []  # the import names nothing twice
    # the data's README: 1,151 conflicting objects; Population/2001 and Population2001 are
    # one property here, so Colombo's and Stockholm's two conflicts are one each
    assert len(result.conflicts) == 1149
    assert report.claim_ids[("colombo", "Population/2001")] == report.claim_ids[("colombo", "Population2001")] == "colombo.population2001"


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


# --- names written alike, and date-times -------------------------------------------------


def _import(tmp_path, text, **options):
    out = tmp_path / "corpus"
    report = import_csv(_write(tmp_path, text), out, *COLUMNS, **options)
    return out, report


def test_objects_that_differ_only_in_case_and_white_space_are_one_entity(tmp_path):
    # they became al-ahli-blast and al-ahli-blast-2, and a value left the comparison
    text = ("object,property,value,source\n"
            "Al-Ahli Blast,deaths,471,ministry\nal-Ahli  blast,deaths,50,agency\nAl-Ahli Blast,deaths,471,paper\n")
    out, report = _import(tmp_path, text)
    assert report.entities == 1 and report.claims == 1
    assert _load(out, "entities.yaml")["entities"] == [
        {"id": "al-ahli-blast", "name": "Al-Ahli Blast", "aliases": ["al-Ahli  blast"]},  # the spelling most rows use
    ]
    [claim] = _load(out, "claims-0001.yaml")["claims"]
    assert claim["id"] == "al-ahli-blast.deaths" and [a["value"] for a in claim["assertions"]] == [471, 471, 50]
    assert report.entity_ids["al-Ahli  blast"] == "al-ahli-blast"
    assert report.notes() == ["objects 'Al-Ahli Blast' and 'al-Ahli  blast' differ only in case or white space: "
                              "one entity, 'al-ahli-blast', named 'Al-Ahli Blast' (the other spelling is an alias)"]
    result = analyze([out])
    assert [c.id for c in result.conflicts] == ["value:al-ahli-blast/deaths"]
    assert not [f for f in result.findings if f.code in ("W101", "W102") or f.severity == "error"]


def test_property_spellings_are_one_predicate_and_name_nothing_twice(tmp_path):
    # Population/2006 and Population2006 (the population data has both) are one field;
    # Population2004 is another, however alike its claim's text
    text = ("object,property,value,source\n"
            "abha,Population2006,1000,a\nabha,Population/2006,1200,b\nabha,population2006,1000,c\n"
            "abha,Population2006,1000,d\nabha,Population2004,900,a\n")
    out, report = _import(tmp_path, text)
    assert report.predicates == {"population2004": "number", "population2006": "number"}
    assert report.claim_ids[("abha", "Population/2006")] == report.claim_ids[("abha", "Population2006")] == "abha.population2006"
    assert "properties 'Population2006', 'Population/2006' and 'population2006' differ only in case, white space or " \
           "punctuation: one predicate, 'population2006', described as 'Population2006'" in report.notes()
    result = analyze([out])
    assert [c.id for c in result.conflicts] == ["value:abha/population2006"]
    assert not [f for f in result.findings if f.code in ("W101", "W102")], result.findings


def test_sources_alike_and_names_that_give_one_id_are_kept_apart_and_listed(tmp_path):
    text = ("object,property,value,source\n"
            "St. Louis,mayor,Jones,Editor\nSt Louis,mayor,Jones,editor\nSt Louis,mayor,Jones,Reuters\n")
    out, report = _import(tmp_path, text)
    assert report.sources == 3 and report.entities == 2
    assert report.source_ids == {"Editor": "editor", "Reuters": "reuters", "editor": "editor-2"}
    assert report.notes() == [
        "objects 'St Louis' and 'St. Louis' give one id: kept apart as 'st-louis', 'st-louis-2'; "
        "if they are one, write them alike in the CSV",
        "sources 'Editor' and 'editor' differ only in case or white space: kept as separate sources "
        "('editor', 'editor-2'), as user names may be case-sensitive; if they are one, write them alike in the CSV",
    ]
    assert report.claim_ids[("St. Louis", "mayor")] == "st-louis-2.mayor"  # its entity's id, no -2 of its own


def test_date_times_stay_date_times(tmp_path):
    text = ("object,property,value,source\n"
            "flight,departure,2024-03-01T19:00,a\nflight,departure,2024-03-01 20:00+01:00,b\n"
            "flight,departure,2024-03-01T19:00:00.250Z,c\nflight,departure,2024-03-01 18:59:30 +0100,d\n")
    out, report = _import(tmp_path, text)
    assert report.predicates == {"departure": "datetime"}
    [predicate] = _load(out, "predicates.yaml")["predicates"]
    assert predicate["value_type"] == "datetime"
    [claim] = _load(out, "claims-0001.yaml")["claims"]
    assert [a["value"] for a in claim["assertions"]] == [
        "2024-03-01T19:00", "2024-03-01T20:00+01:00", "2024-03-01T19:00:00Z", "2024-03-01T18:59:30+01:00",
    ]
    text_of = (out / "claims-0001.yaml").read_text(encoding="utf-8")
    assert 'value: "2024-03-01T19:00"' in text_of  # quoted: every YAML reader hands it over as written
    assert report.fractions_left_out == 1
    assert report.notes() == ["1 date-time value had a fraction of a second, left out: the format's date-times end "
                              "at the second (the second that holds it is the value)"]


def test_a_date_among_date_times_is_its_whole_day(tmp_path):
    text = ("object,property,value,source\n"
            "blast,time,2023-10-17T18:59,a\nblast,time,2023-10-17,b\nblast,time,2023-10,c\n")
    out, report = _import(tmp_path, text)
    assert report.predicates == {"time": "datetime"} and report.day_ranges == ["time"]
    [claim] = _load(out, "claims-0001.yaml")["claims"]
    assert [a["value"] for a in claim["assertions"]] == [
        "2023-10-17T18:59",
        {"min": "2023-10-17T00:00:00", "max": "2023-10-17T23:59:59"},
        {"min": "2023-10-01T00:00:00", "max": "2023-10-31T23:59:59"},
    ]
    assert any("a date is written as the range of its whole day" in n for n in report.notes())


def test_date_times_among_other_text_leave_the_property_untyped(tmp_path):
    text = "object,property,value,source\nx,seen,2024-03-01 19:00,a\nx,seen,unknown,b\ny,seen,2024-03-02T08:00Z,a\n"
    out, report = _import(tmp_path, text)
    assert report.predicates == {"seen": None}
    assert [str(u) for u in report.untyped] == [
        "property 'seen' has values that are not date-times ('unknown'): values left untyped, compared as date-times where both are",
    ]
    claims = {c["id"]: c for c in _load(out, "claims-0001.yaml")["claims"]}
    assert [a["value"] for a in claims["x.seen"]["assertions"]] == ["2024-03-01T19:00", "unknown"]


@pytest.mark.parametrize("text", ["2024-02-30T10:00", "2024-03-01T24:00", "2024-03-01T10:60", "2024-03-01T10:00+25:00",
                                  "2024-03-01", "10:00", "2024-03-01T10", "2024-03-01T10:00 Z"])
def test_what_is_not_a_date_time(text):
    from claimcheck.importer import datetime_of

    assert datetime_of(text) is None


def test_times_in_the_date_column_are_counted_not_silently_cut(tmp_path):
    text = ("object,property,value,source,when\n"
            "x,p,1,a,2024-03-01T19:00:00Z\nx,p,1,b,fri jan 29 08:45:00 2010\nx,p,1,c,2024-03-02\nx,p,1,d,2024-03-01T19:00:00Z\n")
    out, report = _import(tmp_path, text, date_col="when")
    [claim] = _load(out, "claims-0001.yaml")["claims"]
    assert [a["date"] for a in claim["assertions"]] == ["2024-03-01", "2010-01-29", "2024-03-02", "2024-03-01"]
    assert report.times_left_out == 3
    assert report.notes() == ["3 dates had a time of day, left out: an assertion's date is a day in the corpus format "
                              "(import the column with --value to compare the times)"]


def test_the_command_prints_what_the_import_decided(tmp_path):
    from test_cli_import_trust import run

    path = _write(tmp_path, "object,property,value,source\nAl-Ahli Blast,deaths,471,a\nal-ahli blast,deaths,50,b\n")
    result = run("import", "csv", str(path), "--object", "object", "--property", "property", "--value", "value",
                 "--source", "source", "--out", str(tmp_path / "corpus"))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0].startswith("objects 'Al-Ahli Blast' and 'al-ahli blast' differ only in case")


def test_imported_date_times_compare_as_instants(tmp_path):
    text = ("object,property,value,source\n"
            "flight,departure,2024-03-01T19:00Z,a\nflight,departure,2024-03-01 20:00+01:00,b\n"  # one instant
            "flight,departure,2024-03-01T19:00:59Z,c\n"  # within the minute 19:00 covers
            "late,departure,2024-03-01T19:00Z,a\nlate,departure,2024-03-01T19:01Z,b\n"  # a minute apart
            "day,departure,2024-03-01T19:00Z,a\nday,departure,2024-03-01,b\n")  # a time on the day given
    out, _ = _import(tmp_path, text)
    result = analyze([out])
    assert [f for f in result.findings if f.severity == "error"] == []
    assert [c.id for c in result.conflicts] == ["value:late/departure"]
