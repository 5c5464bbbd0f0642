"""The engine differential on Spark (local[2]): the SQL of engine/sql/ turned into Spark's
dialect by SQLGlot gives the memory engine's conflicts, byte for byte.

`make test-spark` (and .ci/run) runs these; they skip where PySpark is not installed.
One Spark session serves them all (starting one takes seconds), on a small fixed set:
many generated corpora made one (`table_corpora.merged`), with and without `--as-of`
(every statement is a Spark job: a few minutes in all).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck import jsontext
from claimcheck.analysis import analyze
from claimcheck.dates import parse_date
from claimcheck.loader import Limits
from claimcheck.report.data import document

from table_corpora import comparable, drawn, first_difference, in_folder, merged, write_yaml

pytestmark = [pytest.mark.spark, pytest.mark.slow]
pyspark = pytest.importorskip("pyspark", reason="PySpark is not installed: pip install 'claimcheck[spark]'")


@pytest.fixture(scope="session")
def spark_options():
    """The engine options of every test here: one local[2] session, made once."""
    from claimcheck.sessions import SessionError, SparkSession
    from claimcheck.tabular import EngineOptions

    options = EngineOptions("spark", spark_master="local[2]", spark_conf={"spark.sql.shuffle.partitions": "2"})
    try:
        SparkSession(options.spark_master, options.spark_conf)
    except SessionError as err:  # no Java
        pytest.skip(str(err))
    return options


def on_spark(folder: Path, options, as_of: str | None = None) -> tuple[bytes, bytes]:
    from claimcheck.tabular import analyze as on_tables, close_all

    span = parse_date(as_of) if as_of else None
    with in_folder(folder):
        memory = analyze([Path("y")], select=set(), as_of=span)
        spark = on_tables([Path("y")], options, Limits(), select=set(), as_of=span)
        try:
            return (jsontext.encode(document(memory, memory.conflicts)),
                    jsontext.encode(document(spark, spark.conflicts)))
        finally:
            close_all()


@pytest.mark.parametrize("as_of", [None, "2020-06"])
def test_spark_gives_the_memory_engines_conflicts(tmp_path, spark_options, as_of):
    write_yaml(tmp_path / "y", merged(drawn(150)))
    memory, spark = on_spark(tmp_path, spark_options, as_of)
    assert json.loads(memory)["conflicts"]
    assert comparable(memory) == comparable(spark), first_difference(memory, spark)
