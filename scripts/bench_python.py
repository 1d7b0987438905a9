#!/usr/bin/env python3
"""Throughput of the Python package against the CLI on the same generated corpus.

    target/python-venv/bin/python scripts/bench_python.py [--mb 100] [--jobs 2] [--spark]

Run with a Python that has whosaid installed (scripts/python-tests.sh makes one). The
corpus comes from scripts/gen_corpus.py (profile `news`) in a temporary directory. Each
side is pinned with taskset to as many cores as it has threads, as scripts/bench.sh does:

* CLI: `whosaid extract --format jsonl -j N -o FILE corpus.jsonl`, wall time of the process;
* Python: `whosaid.extract_many(texts, ids=ids, jobs=N)`, wall time of the call (the JSONL
  already decoded into lists: what a pandas or Spark user holds);
* with --spark, examples/spark on local[N], both paths, wall time of the job from the
  DataFrame read to the Parquet written (the session's start-up left out).

Prints MB/s of text for each, and the ratio to the CLI; the best of --runs runs.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def best(runs, fn):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--binary", default=str(ROOT / "target" / "release" / "whosaid"))
    ap.add_argument("--spark", action="store_true")
    args = ap.parse_args()

    # Pinned like scripts/bench.sh: this process and its children on the first N cores.
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, set(range(args.jobs)))

    import whosaid

    with tempfile.TemporaryDirectory(prefix="whosaid-pybench.") as tmp:
        corpus = Path(tmp) / "news.jsonl"
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "gen_corpus.py"), "--mb", str(args.mb),
             "--profile", "news", "-o", str(corpus)],
            check=True, stdout=subprocess.DEVNULL,
        )
        ids, texts = [], []
        with corpus.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                ids.append(record["id"])
                texts.append(record["text"])
        text_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        print(f"== {len(texts)} documents, {text_mb:.1f} MB of text, {args.jobs} threads "
              f"pinned to {args.jobs} cores, best of {args.runs}")

        out = Path(tmp) / "out.jsonl"
        cmd = [args.binary, "extract", "--format", "jsonl", "-j", str(args.jobs),
               "-o", str(out), str(corpus)]
        cli = best(args.runs, lambda: subprocess.run(cmd, check=True))
        print(f"   CLI            {cli:6.2f} s  {text_mb / cli:6.1f} MB/s")

        rows = []

        def python():
            rows[:] = whosaid.extract_many(texts, ids=ids, jobs=args.jobs)

        py = best(args.runs, python)
        print(f"   extract_many   {py:6.2f} s  {text_mb / py:6.1f} MB/s  "
              f"{py / cli:.2f}x the CLI's time, {len(rows)} rows")

        if args.spark:
            spark_bench(args, corpus, text_mb, cli, tmp)


def spark_bench(args, corpus, text_mb, cli, tmp):
    sys.path.insert(0, str(ROOT / "examples" / "spark"))
    import whosaid_spark
    from pyspark.sql import SparkSession

    # The workers' Python is this one, with whosaid and pyarrow installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master(f"local[{args.jobs}]")
        .config("spark.ui.enabled", "false")
        .config("spark.pyspark.python", sys.executable)
        .config("spark.driver.memory", "4g")
        .getOrCreate()
    )
    try:
        for mode in ("pandas", "pipe"):
            out = str(Path(tmp) / f"spark-{mode}")

            def job():
                df = whosaid_spark.read_corpus(spark, str(corpus))
                if mode == "pandas":
                    rows = whosaid_spark.extract_with_pandas(df)
                else:
                    rows = whosaid_spark.extract_with_pipe(df, binary=args.binary)
                rows.write.mode("overwrite").parquet(out)

            secs = best(args.runs, job)
            print(f"   Spark {mode:8} {secs:6.2f} s  {text_mb / secs:6.1f} MB/s  "
                  f"{secs / cli:.2f}x the CLI's time")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
