#!/usr/bin/env bash
# End-to-end throughput of the whosaid binary on a synthetic JSONL corpus.
#
#   scripts/bench.sh            # from the repository root (or anywhere)
#
# 1. scripts/gen_corpus.py writes a corpus of WHOSAID_BENCH_MB (default 210) MB of JSONL
#    built from its own template sentences, into a temporary directory, for each profile in
#    WHOSAID_BENCH_PROFILES (default "news dense"): `news` has the density of quotations,
#    paragraphs and document length of real news (PolNeAR), `dense` three times its
#    attributions per KB, a stress test of the per-row work. The `polnear` profile (not in
#    the default list) is PolNeAR's train split, read at run time from
#    ../shared/corpus/polnear/train.jsonl (WHOSAID_POLNEAR overrides) and repeated to
#    WHOSAID_BENCH_MB: real articles whose lines carry annotations and metadata besides
#    `id` and `text`, the case where decoding JSON on the reading thread held -j 2 back.
# 2. `cargo build --release` (CARGO_TARGET_DIR is honoured).
# 3. `whosaid extract --format csv -o FILE` runs with -j 1 and -j 2 (WHOSAID_BENCH_JOBS
#    overrides the list), each pinned to as many cores (taskset, where there is one); each
#    run prints wall time, MB/s of JSONL input and of decoded text, and peak RSS (from
#    /usr/bin/time -v, or by polling /proc when that is missing).
# 4. The CSV of every run must be byte-identical to the -j 1 run.
#
# The temporary directory is removed on exit, whatever happens.
set -euo pipefail

cd "$(dirname "$0")/.."

mb=${WHOSAID_BENCH_MB:-210}
jobs=${WHOSAID_BENCH_JOBS:-"1 2"}
profiles=${WHOSAID_BENCH_PROFILES:-"news dense"}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
source scripts/lib.sh

build_release

# run CMD...: measure CMD (see scripts/lib.sh); stop if it fails.
run() {
    measure "$@"
    if ((status != 0)); then
        echo "whosaid exited with status $status" >&2
        exit "$status"
    fi
}

# pin N: the command prefix that keeps a run on N cores (taskset), so that `-j 1` is one
# core even though the main thread reads the next batch beside the worker.
pin() {
    if command -v taskset >/dev/null; then
        echo taskset -c "0-$(($1 - 1))"
    fi
}

# report JOBS FILE_BYTES TEXT_BYTES DOCS OUT: one line of figures for the last run.
report() {
    python3 - "$1" "$secs" "$2" "$3" "$4" "$rss_kib$rss_note" "$(stat -c %s "$5")" <<'EOF'
import sys
j, secs, file_bytes, text_bytes, docs, rss, out = sys.argv[1:]
secs = float(secs)
rss_num = rss.split()[0]
print(f"   -j {j}: {secs:7.2f} s  {int(file_bytes) / 1e6 / secs:7.2f} MB/s JSONL  "
      f"{int(text_bytes) / 1e6 / secs:7.2f} MB/s text  {int(docs) / secs:8.0f} docs/s  "
      f"peak RSS {int(rss_num) / 1024:.1f} MiB{' (polled)' if 'polled' in rss else ''}  "
      f"CSV {int(out) / 1e6:.1f} MB")
EOF
}

# repeat_jsonl SOURCE OUT: SOURCE repeated until OUT holds about $mb MB; prints its stats
# as gen_corpus.py does (docs=N text_bytes=N file_bytes=N).
repeat_jsonl() {
    python3 - "$1" "$2" "$mb" <<'EOF'
import json, sys
source, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
data = open(source, "rb").read()
lines = [line for line in data.splitlines() if line.strip()]
text = sum(len(json.loads(line)["text"].encode()) for line in lines)
times = max(1, round(mb * 1e6 / len(data)))
with open(out, "wb") as f:
    for _ in range(times):
        f.write(data)
print(f"docs={len(lines) * times} text_bytes={text * times} file_bytes={len(data) * times}")
EOF
}

bench_profile() {
    local profile=$1
    corpus="$tmp/corpus-$profile.jsonl"
    if [[ $profile == polnear ]]; then
        echo "== repeating PolNeAR train to ${mb} MB of JSONL, in $tmp"
        stats=$(repeat_jsonl "${WHOSAID_POLNEAR:-../shared/corpus/polnear/train.jsonl}" "$corpus")
    else
        echo "== generating ${mb} MB of synthetic JSONL, profile $profile, in $tmp"
        stats=$(python3 scripts/gen_corpus.py --mb "$mb" --profile "$profile" -o "$corpus")
    fi
    echo "   $stats"
    docs=$(sed -n 's/.*docs=\([0-9]*\).*/\1/p' <<<"$stats")
    text_bytes=$(sed -n 's/.*text_bytes=\([0-9]*\).*/\1/p' <<<"$stats")
    file_bytes=$(stat -c %s "$corpus")

    # Warm the page cache so that the first run does not pay for the disk.
    cat "$corpus" >/dev/null

    echo "== whosaid extract --format csv on $docs documents ($profile)," \
        "$(python3 -c "print(f'{$file_bytes/1e6:.1f} MB of JSONL, {$text_bytes/1e6:.1f} MB of text')")"
    reference=""
    for j in $jobs; do
        out="$tmp/out-$profile-j$j.csv"
        run $(pin "$j") "$bin" extract --format csv -o "$out" -j "$j" "$corpus"
        report "$j" "$file_bytes" "$text_bytes" "$docs" "$out"
        if [[ -z $reference ]]; then
            reference=$out
        elif cmp -s "$reference" "$out"; then
            echo "   -j $j output is byte-identical to $(basename "$reference")"
            rm -f "$out"
        else
            echo "   -j $j output DIFFERS from $(basename "$reference")" >&2
            exit 1
        fi
    done
    rm -f "$corpus" "$reference"
}

for profile in $profiles; do
    bench_profile "$profile"
done
