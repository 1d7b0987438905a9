"""examples/spark on Spark in local mode (local[2]), both paths, against the CLI: the rows
written as Parquet are the rows of `whosaid extract` on the same corpus. The corpus is cut
into more partitions than it has documents, so some partitions are empty.

Skipped when pyspark is not installed; needs Java (scripts/python-tests.sh sees to both).
"""

import json
import shutil
import sys
from pathlib import Path

import pytest

from conftest import NON_ASCII, ROOT, cli_rows

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs java", allow_module_level=True)

sys.path.insert(0, str(ROOT / "examples" / "spark"))
import whosaid_spark  # noqa: E402

COLUMNS = whosaid_spark.NAMES


@pytest.fixture(scope="module")
def spark():
    import os

    from pyspark.sql import SparkSession

    # The executors' Python is the one running the tests, with whosaid installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("whosaid-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.memory", "1g")
        .config("spark.pyspark.python", sys.executable)
        .config("spark.pyspark.driver.python", sys.executable)
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The sample articles, documents of non-ASCII text, integer ids and a document with
    no quotation: 9 documents."""
    path = tmp_path_factory.mktemp("spark") / "corpus.jsonl"
    docs = [
        {"id": p.name, "text": p.read_text(encoding="utf-8")}
        for p in sorted((ROOT / "data" / "articles").iterdir())
    ]
    docs += [{"id": f"u{i}", "text": t} for i, t in enumerate(NON_ASCII)]
    docs.append({"id": "quiet", "text": "Nothing was said today."})
    with path.open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(dict(doc, source="a field nobody reads")) + "\n")
    return path, len(docs)


def by_doc(rows):
    """Rows grouped by document, each document's rows in their order: partitions come back
    in any order, but a document's rows stay together and in order."""
    grouped = {}
    for row in rows:
        grouped.setdefault(row["doc"], []).append(row)
    return grouped


def parquet_rows(path: Path):
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    assert table.column_names == COLUMNS
    return table.to_pylist()


@pytest.mark.parametrize("mode", ["pandas", "pipe"])
def test_spark_rows_are_the_cli_rows(spark, corpus, binary, tmp_path, mode):
    path, docs = corpus
    df = whosaid_spark.read_corpus(spark, str(path)).repartition(docs + 5)
    assert df.rdd.getNumPartitions() > docs
    if mode == "pandas":
        rows = whosaid_spark.extract_with_pandas(df)
    else:
        rows = whosaid_spark.extract_with_pipe(df, binary=str(binary))
    out = tmp_path / "rows.parquet"
    rows.write.mode("overwrite").parquet(str(out))
    got = parquet_rows(out)
    want = [{k: row[k] for k in COLUMNS} for row in cli_rows(binary, str(path))]
    assert len(got) == len(want) > 50
    assert by_doc(got) == by_doc(want)


def test_a_corpus_without_its_text_column_is_an_error_naming_it(spark):
    df = spark.createDataFrame([("a", "x")], ["id", "body"])
    with pytest.raises(KeyError, match="no text column 'text'"):
        whosaid_spark.extract_with_pandas(df)
    with pytest.raises(KeyError, match="no text column 'text'"):
        whosaid_spark.extract_with_pipe(df)


def test_spark_job_runs_from_the_command_line_on_parquet(spark, corpus, binary, tmp_path):
    path, _ = corpus
    parquet = tmp_path / "corpus.parquet"
    whosaid_spark.read_corpus(spark, str(path)).write.parquet(str(parquet))
    want = by_doc([{k: row[k] for k in COLUMNS} for row in cli_rows(binary, str(path))])
    for mode in ("pipe", "pandas"):
        out = tmp_path / f"out-{mode}"
        args = [str(parquet), str(out), "--mode", mode, "--binary", str(binary),
                "--master", "local[2]", "--partitions", "3"]
        # main() takes the running session (getOrCreate) and leaves it running.
        assert whosaid_spark.main(args) == 0
        assert by_doc(parquet_rows(out)) == want
