"""Where the SQL runs: an embedded DuckDB, or Spark through SQLGlot's Spark dialect.

Every query claimcheck runs is written once, in DuckDB's dialect (`engine/sql/`,
`tablecheck.sql`); a `Session` runs it on its engine. `create` materializes a query as a
named table (DuckDB: a table of the session's database, which spills to disk past
`--memory-limit`; Spark: a checkpointed temporary view), `rows` streams a query's rows,
`put` turns Python's columns into a table (what the ingest step computed). Reading
Parquet is each engine's own (`read_parquet`), since the schema checks happen there.

Neither duckdb nor pyspark is imported until a session is made: a YAML corpus on the
memory engine never loads them.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator

#: rows fetched from the engine at a time when streaming
BATCH = 20_000


class SessionError(Exception):
    """The engine cannot be used: not installed, a bad setting; the message says why."""


class Session:
    dialect = "duckdb"

    def create(self, name: str, query: str) -> None:
        raise NotImplementedError

    def append(self, name: str, query: str) -> None:
        raise NotImplementedError

    def execute(self, statement: str) -> None:
        """A statement that makes nothing to read (SET, COPY)."""
        raise NotImplementedError

    def view(self, name: str, query: str) -> None:
        """A query read where it is named (an engine may still make it once)."""
        self.create(name, query)

    def rows(self, query: str, batch: int = BATCH) -> Iterator[tuple]:
        raise NotImplementedError

    def all(self, query: str) -> list[tuple]:
        return list(self.rows(query))

    def one(self, query: str) -> tuple:
        found = self.all(query)
        return found[0] if found else ()

    def put(self, name: str, columns: list[tuple[str, str]], data: list[list]) -> None:
        """Python columns (`data[i]` the values of `columns[i]`, all of one length) as table `name`."""
        raise NotImplementedError

    def schema(self, source: str) -> list[tuple[str, str]]:
        """(column, DuckDB type name) of a Parquet file or folder of parts."""
        raise NotImplementedError

    def read_parquet(self, name: str, source: str, select: list[str]) -> None:
        """Table `name` from a Parquet file or folder: the expressions in `select` (DuckDB
        dialect, over the file's columns and `_file`, `_row`: the part's path and the row's
        number in it, from 1)."""
        raise NotImplementedError

    def exists(self, name: str) -> bool:
        raise NotImplementedError

    def drop(self, *names: str) -> None:
        """Let tables go once nothing reads them any more (their memory, their disk)."""
        raise NotImplementedError

    def close(self) -> None:
        pass


# --- DuckDB -----------------------------------------------------------------------------


class DuckDBSession(Session):
    dialect = "duckdb"

    def __init__(self, memory_limit: str | None = None, threads: int | None = None) -> None:
        try:
            import duckdb
        except ImportError:  # pragma: no cover - a base dependency
            raise SessionError("DuckDB is not installed: pip install duckdb") from None
        self._duckdb = duckdb
        self._spill = tempfile.mkdtemp(prefix="claimcheck-duckdb-")
        config = {"temp_directory": self._spill, "preserve_insertion_order": False}
        if memory_limit:
            config["memory_limit"] = memory_limit
        if threads:
            config["threads"] = threads
        try:
            self.con = duckdb.connect(":memory:", config=config)
            # no progress bar: DuckDB would draw it on the terminal, amid a report
            self.con.execute("SET enable_progress_bar = false")
        except duckdb.Error as err:
            shutil.rmtree(self._spill, ignore_errors=True)
            raise SessionError(f"DuckDB: {_first_line(err)}") from None

    def create(self, name: str, query: str) -> None:
        self.con.execute(f"CREATE OR REPLACE TABLE {name} AS {query}")

    def append(self, name: str, query: str) -> None:
        self.con.execute(f"INSERT INTO {name} {query}")

    def view(self, name: str, query: str) -> None:
        self.con.execute(f"CREATE OR REPLACE VIEW {name} AS {query}")

    def execute(self, statement: str) -> None:
        self.con.execute(statement)

    def rows(self, query: str, batch: int = BATCH) -> Iterator[tuple]:
        # a cursor of its own: a query run meanwhile on the connection (fetching the claims
        # of the conflicts streamed so far) would end this one's results
        cursor = self.con.cursor()
        try:
            cursor.execute("SET enable_progress_bar = false")
            cursor.execute(query)
            while True:
                chunk = cursor.fetchmany(batch)
                if not chunk:
                    return
                yield from chunk
        finally:
            cursor.close()

    def all(self, query: str) -> list[tuple]:
        return self.con.execute(query).fetchall()

    def put(self, name: str, columns: list[tuple[str, str]], data: list[list]) -> None:
        if not columns:
            raise ValueError("a table needs a column")
        select = ", ".join(f"unnest(${i + 1}::{kind}[]) AS {column}" for i, (column, kind) in enumerate(columns))
        self.con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT {select}", [list(d) for d in data])

    def schema(self, source: str) -> list[tuple[str, str]]:
        described = self.con.execute(f"DESCRIBE SELECT * FROM read_parquet({_parts(source)})").fetchall()
        return [(row[0], row[1]) for row in described]

    def read_parquet(self, name: str, source: str, select: list[str]) -> None:
        # a view: each query reads the files again, only the columns it needs, where a
        # table would hold every column of every row in memory. `_ord` numbers the rows in
        # the order stored, the parts of a folder in name order, from DuckDB's own row
        # numbers (one read of every part: with a UNION of one read per part, a check of a
        # small corpus in 400 parts took 8 times as long as in one file; now 2 times)
        parts = _part_files(source)
        listed = "[" + ", ".join(sql_literal(part) for part in parts) + "]"
        virtual = {
            "_file": f"{listed}[file_index::BIGINT + 1] AS _file",
            "_row": "file_row_number + 1 AS _row",
            "_ord": f"file_index::BIGINT * {2**40} + file_row_number + 1 AS _ord",
        }
        shadowed = sorted({"file_index", "file_row_number"} & {column for column, _ in self.schema(source)})
        if shadowed:  # the file's own column would be read as the row's place
            raise ValueError(f"it has a column named '{shadowed[0]}', a name DuckDB keeps for where a row is; rename it")
        columns = ", ".join(virtual.get(item, item) for item in select)
        self.con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT {columns} FROM read_parquet({listed})")

    def exists(self, name: str) -> bool:
        return bool(self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name]).fetchone()[0])

    def drop(self, *names: str) -> None:
        for name in names:
            kind = self.con.execute(
                "SELECT 'VIEW' FROM duckdb_views() WHERE view_name = ? UNION ALL "
                "SELECT 'TABLE' FROM duckdb_tables() WHERE table_name = ?", [name, name]).fetchone()
            if kind:
                self.con.execute(f"DROP {kind[0]} {name}")

    def close(self) -> None:
        try:
            self.con.close()
        finally:
            shutil.rmtree(self._spill, ignore_errors=True)


def _parts(source: str) -> str:
    """A Parquet table's files for DuckDB: the file, or every part below the folder."""
    return "[" + ", ".join(sql_literal(p) for p in _part_files(source)) + "]"


def sql_literal(text: str) -> str:
    """`text` as a SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _part_files(source: str) -> list[str]:
    """The Parquet files of a table: itself, or every part below the folder, by name."""
    from pathlib import Path

    path = Path(source)
    if not path.is_dir():
        return [str(path)]
    parts = sorted(str(p) for p in path.rglob("*.parquet") if not any(n.startswith((".", "_")) for n in p.relative_to(path).parts))
    if not parts:
        raise OSError(f"no Parquet files in {source}")
    return parts


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


# --- Spark ------------------------------------------------------------------------------

SPARK_MISSING = (
    "the spark engine needs PySpark, an optional extra: pip install 'claimcheck[spark]' "
    "(and Java 17 or later)"
)


def spark_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("pyspark") is not None


class SparkSession(Session):
    """The same SQL on Spark: each query is turned into Spark SQL by SQLGlot once, run by
    `spark.sql`, and kept as a checkpointed temporary view (so a loop of rounds does not
    grow a plan that Spark re-plans every round)."""

    dialect = "spark"
    _shared = None  # one SparkSession per process, reused (starting one takes seconds)

    def __init__(self, master: str = "local[*]", conf: dict[str, str] | None = None) -> None:
        if not spark_available():
            raise SessionError(SPARK_MISSING)
        self.spark = _spark(master, conf or {})
        self._frames: dict = {}  # view name -> its cached frame
        self._translated: dict[str, str] = {}

    def sql(self, query: str) -> str:
        known = self._translated.get(query)
        if known is None:
            import sqlglot

            known = self._translated[query] = sqlglot.transpile(query, read="duckdb", write="spark")[0]
        return known

    def frame(self, query: str):
        return self.spark.sql(self.sql(query))

    def create(self, name: str, query: str) -> None:
        self._keep(name, self.frame(query))

    def _keep(self, name: str, frame) -> None:
        """Make the frame now and keep it as view `name`, with a plan that no longer
        holds the queries it came from: those of a whole run would nest into plans that
        Spark takes ever longer to analyse (and Spark 4's localCheckpoint, the usual cut,
        loses track of its columns when such a view is joined with its own source)."""
        from pyspark.sql.classic.dataframe import DataFrame

        jdf = frame._jdf
        frame = DataFrame(self.spark._jsparkSession.createDataFrame(jdf.rdd(), jdf.schema()), self.spark).cache()
        frame.count()
        frame.createOrReplaceTempView(name)
        old = self._frames.get(name)
        self._frames[name] = frame
        if old is not None:
            old.unpersist()

    def append(self, name: str, query: str) -> None:
        # one query, checkpointed before the view it reads is replaced
        self.create(name, f"SELECT * FROM {name} UNION ALL {query}")

    def execute(self, statement: str) -> None:
        self.spark.sql(self.sql(statement))

    def rows(self, query: str, batch: int = BATCH) -> Iterator[tuple]:
        for row in self.frame(query).toLocalIterator():
            yield tuple(row)

    def all(self, query: str) -> list[tuple]:
        return [tuple(row) for row in self.frame(query).collect()]

    def put(self, name: str, columns: list[tuple[str, str]], data: list[list]) -> None:
        from pyspark.sql import types as T

        kinds = {"VARCHAR": T.StringType(), "BIGINT": T.LongType(), "INTEGER": T.IntegerType(),
                 "BOOLEAN": T.BooleanType(), "DOUBLE": T.DoubleType(), "VARCHAR[]": T.ArrayType(T.StringType())}
        schema = T.StructType([T.StructField(column, kinds[kind]) for column, kind in columns])
        rows = list(zip(*data)) if data and data[0] else []
        self._keep(name, self.spark.createDataFrame(rows, schema))

    def schema(self, source: str) -> list[tuple[str, str]]:
        frame = self.spark.read.parquet(source)
        return [(field.name, _duck_type(field.dataType)) for field in frame.schema.fields]

    def read_parquet(self, name: str, source: str, select: list[str]) -> None:
        from pyspark.sql import functions as F

        frame = self.spark.read.parquet(source)
        # the rows in the order stored: parts by name, rows by their index in the part
        # (each part's number from a small map, not a sort of every row in one partition)
        hadoop_path = self.spark._jvm.org.apache.hadoop.fs.Path  # `file:///a` as _metadata says it: `file:/a`
        parts = sorted(hadoop_path(part).toString() for part in frame.inputFiles())
        number = F.create_map(*(F.lit(x) for n, part in enumerate(parts) for x in (part, n)))
        path = F.col("_metadata.file_path")
        frame = frame.select("*", path.alias("_file"), (F.col("_metadata.row_index") + 1).alias("_row"),
                             (number[path] * (2**40) + F.col("_metadata.row_index") + 1).alias("_ord"))
        raw = f"{name}__raw"
        frame.createOrReplaceTempView(raw)
        self.create(name, f"SELECT {', '.join(select)} FROM {raw}")

    def exists(self, name: str) -> bool:
        return self.spark.catalog.tableExists(name)

    def drop(self, *names: str) -> None:
        for name in names:
            frame = self._frames.pop(name, None)
            if frame is not None:
                self.spark.catalog.dropTempView(name)
                frame.unpersist()

    def close(self) -> None:
        for name, frame in self._frames.items():
            self.spark.catalog.dropTempView(name)
            frame.unpersist()
        self._frames.clear()


def _spark(master: str, conf: dict[str, str]):
    """The process's SparkSession, made once (later sessions reuse it, conf and all)."""
    if SparkSession._shared is not None:
        return SparkSession._shared
    import logging
    import os
    import sys

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession as Spark

    logging.getLogger("py4j").setLevel(logging.ERROR)
    builder = Spark.builder.master(master).appName("claimcheck")
    builder = builder.config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
    builder = builder.config("spark.sql.shuffle.partitions", "4")
    builder = builder.config("spark.sql.ansi.enabled", "false")
    for key, value in conf.items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as err:  # noqa: BLE001 - Java missing, a bad master URL: said in one line
        raise SessionError(f"Spark could not start: {_first_line(err)}") from None
    spark.sparkContext.setLogLevel("ERROR")
    SparkSession._shared = spark
    return spark


def _duck_type(kind) -> str:
    """A Spark column type in DuckDB's words, for the schema checks."""
    from pyspark.sql import types as T

    simple = {
        T.StringType: "VARCHAR", T.IntegerType: "INTEGER", T.LongType: "BIGINT", T.ShortType: "SMALLINT",
        T.ByteType: "TINYINT", T.BooleanType: "BOOLEAN", T.DoubleType: "DOUBLE", T.FloatType: "FLOAT",
        T.DateType: "DATE", T.TimestampType: "TIMESTAMP WITH TIME ZONE", T.BinaryType: "BLOB",
    }
    for cls, name in simple.items():
        if isinstance(kind, cls):
            return name
    if isinstance(kind, T.DecimalType):
        return f"DECIMAL({kind.precision},{kind.scale})"
    if isinstance(kind, T.ArrayType):
        return _duck_type(kind.elementType) + "[]"
    if isinstance(kind, T.MapType):
        return f"MAP({_duck_type(kind.keyType)}, {_duck_type(kind.valueType)})"
    return kind.simpleString().upper()
