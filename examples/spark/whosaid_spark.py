#!/usr/bin/env python3
"""whosaid on Spark: a corpus of (id, text) rows in, one row per quotation out, as Parquet.

Two ways, with the same rows (and the same rows as ``whosaid extract`` on the same corpus):

* ``pandas``: ``mapInPandas`` over the ``whosaid`` Python package, which must be installed
  on every executor (see the README's "On a Spark cluster");
* ``pipe``: ``rdd.pipe`` through the ``whosaid`` binary as a strict JSONL filter
  (``whosaid extract --format jsonl --on-error skip -j 1 -``), which must be on every
  executor (``spark-submit --files``, or installed on the nodes).

Run locally::

    spark-submit examples/spark/whosaid_spark.py corpus.jsonl out/ --mode pandas
    python examples/spark/whosaid_spark.py corpus.parquet out/ --mode pipe --binary ./whosaid

The input is JSONL (``.jsonl``, ``.json``, also gzipped) or Parquet (anything else), with
an id column (a string or an integer) and a text column, named by ``--id`` and ``--text``.
Each executor task extracts one partition on one thread: Spark's parallelism is the
partitions, so ``-j 1`` (``jobs=1``) keeps a task to its core.
"""

import argparse
import json
import shlex
import sys
from typing import Iterator, List, Optional

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.types import LongType, StringType, StructField, StructType

#: The CSV columns of ``whosaid extract``, typed: the schema of both paths' output.
COLUMNS = [
    ("doc", StringType()),
    ("speaker", StringType()),
    ("kind", StringType()),
    ("quote", StringType()),
    ("cue", StringType()),
    ("start", LongType()),
    ("end", LongType()),
    ("speaker_mention", StringType()),
    ("speaker_start", LongType()),
    ("speaker_end", LongType()),
    ("attribution", LongType()),
    ("rule", StringType()),
    ("speaker_id", StringType()),
    ("speaker_kind", StringType()),
    ("speaker_title", StringType()),
]
SCHEMA = StructType([StructField(name, kind, True) for name, kind in COLUMNS])
NAMES = [name for name, _ in COLUMNS]


def read_corpus(spark: SparkSession, path: str) -> DataFrame:
    """A JSONL corpus (``.jsonl``, ``.json``, maybe ``.gz``) or a Parquet one."""
    plain = path[:-3] if path.endswith(".gz") else path
    if plain.endswith((".jsonl", ".json")):
        return spark.read.json(path)
    return spark.read.parquet(path)


def _check_columns(df: DataFrame, text: str, id: str) -> None:
    for role, column in (("text", text), ("id", id)):
        if column not in df.columns:
            raise KeyError(
                f"no {role} column {column!r} in the corpus (columns: {df.columns})"
            )


def extract_with_pandas(df: DataFrame, text: str = "text", id: str = "id") -> DataFrame:
    """The rows of every document of ``df``, extracted by the Python package in
    ``mapInPandas``; ``doc`` is the id as a string."""
    _check_columns(df, text, id)

    def extract_batches(batches):
        # Imported here: this runs in the executors' Python workers.
        import pandas as pd
        import whosaid

        for batch in batches:
            for column in (text, id):
                if column not in batch.columns:
                    raise KeyError(f"no column {column!r} in this partition")
            ids = [v.item() if hasattr(v, "item") else v for v in batch[id].tolist()]
            rows = whosaid.extract_many(batch[text].tolist(), ids=ids, jobs=1)
            frame = pd.DataFrame.from_records(rows, columns=whosaid.COLUMNS)[NAMES]
            yield frame.astype({n: "Int64" for n, k in COLUMNS if k == LongType()})

    return df.select(id, text).mapInPandas(extract_batches, schema=SCHEMA)


def pipe_command(binary: str = "whosaid", text: str = "text", id: str = "id") -> List[str]:
    """The filter each partition is piped through: one JSONL line in per document, one out."""
    return [
        binary, "extract", "--format", "jsonl", "--on-error", "skip", "-j", "1",
        "--id-field", id, "--text-field", text, "-",
    ]


def extract_with_pipe(
    df: DataFrame, binary: str = "whosaid", text: str = "text", id: str = "id"
) -> DataFrame:
    """The rows of every document of ``df``, extracted by the ``whosaid`` binary through
    ``rdd.pipe``: each partition goes to its stdin as JSONL, its JSONL output comes back
    one line per document. ``checkCode`` fails the task if the binary does."""
    _check_columns(df, text, id)
    command = " ".join(shlex.quote(part) for part in pipe_command(binary, text, id))
    names = NAMES

    # Nested so that it is pickled with the job, not imported by name on the executors.
    def rows_of_line(line: str) -> Iterator[tuple]:
        """The rows of one output line of ``whosaid extract --format jsonl``, in CSV order."""
        record = json.loads(line)
        for quote in record["quotes"]:
            cells = dict(quote, doc=record["id"], quote=quote["text"])
            yield tuple(cells[name] for name in names)

    # One JSON object per line, null fields kept (the binary names a missing id or text).
    records = df.select(id, text).rdd.map(lambda r: json.dumps({id: r[0], text: r[1]}))
    lines = records.pipe(command, checkCode=True)
    return df.sparkSession.createDataFrame(lines.flatMap(rows_of_line), schema=SCHEMA)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="corpus: .jsonl/.json (maybe .gz) or Parquet")
    parser.add_argument("output", help="directory to write the Parquet rows to")
    parser.add_argument("--mode", choices=["pandas", "pipe"], default="pandas")
    parser.add_argument("--binary", default="whosaid", help="whosaid binary (--mode pipe)")
    parser.add_argument("--text", default="text", help="text column")
    parser.add_argument("--id", default="id", help="id column")
    parser.add_argument("--partitions", type=int, help="repartition the corpus first")
    parser.add_argument("--master", help="Spark master, e.g. local[2] (spark-submit's otherwise)")
    args = parser.parse_args(argv)

    # A session already running (a notebook's, a test's) is used and left running.
    running = SparkSession.getActiveSession()
    builder = SparkSession.builder.appName("whosaid")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        df = read_corpus(spark, args.input)
        if args.partitions:
            df = df.repartition(args.partitions)
        if args.mode == "pandas":
            rows = extract_with_pandas(df, text=args.text, id=args.id)
        else:
            rows = extract_with_pipe(df, binary=args.binary, text=args.text, id=args.id)
        rows.write.mode("overwrite").parquet(args.output)
    finally:
        if running is None:
            spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
