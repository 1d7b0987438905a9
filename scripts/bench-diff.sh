#!/usr/bin/env bash
# Time and peak memory of `whosaid diff` on two large outputs.
#
#   scripts/bench-diff.sh            # from the repository root (or anywhere)
#
# 1. `cargo build --release` (CARGO_TARGET_DIR is honoured), then
#    `whosaid extract --format jsonl data/articles` gives the seed rows.
# 2. For each size in WHOSAID_BENCH_SIZES (MB, default "25 100"), OLD is the seed's rows
#    repeated under distinct doc ids (`doc-000001/data/articles/...`) until the CSV reaches
#    that size; NEW is the same with edits, so every class occurs: every 30th document has a
#    speaker changed (respeaker), every 50th loses its last row (lost), every 70th has a kind
#    changed (rekind), every 90th has a quote cut by one character (reshaped), every 110th
#    is missing altogether (lost), every 130th has an extra row (gained). NEW is written as
#    CSV and as JSONL, so both readers are timed.
# 3. `whosaid diff OLD NEW -o FILE` runs for OLD.csv against NEW.csv and NEW.jsonl; each run
#    prints wall time, MB/s of input read (OLD + NEW), peak RSS (from /usr/bin/time -v, or
#    by polling /proc when that is missing) and the counts whosaid printed. Exit status 3
#    (something changed) is expected.
#
# Linear time shows as the same MB/s at every size; bounded memory as the same peak RSS.
# The temporary directory is removed on exit, whatever happens.
set -euo pipefail

cd "$(dirname "$0")/.."

sizes=${WHOSAID_BENCH_SIZES:-"25 100"}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-bench-diff.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
source scripts/lib.sh

build_release

"$bin" extract --format jsonl -o "$tmp/seed.jsonl" data/articles

# generate MB: write $tmp/old.csv, $tmp/new.csv and $tmp/new.jsonl from the seed.
generate() {
    python3 - "$tmp/seed.jsonl" "$1" "$tmp" <<'EOF'
import csv, json, os, sys

seed_path, mb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
HEADER = ["doc", "speaker", "kind", "quote", "cue", "start", "end", "speaker_mention",
          "speaker_start", "speaker_end", "attribution", "rule", "speaker_id", "speaker_kind",
          "speaker_title"]
seed = [json.loads(line) for line in open(seed_path, encoding="utf-8")]
seed = [d for d in seed if d["quotes"]]

def guard(cell):
    # The formula guard of whosaid's CSV writer (src/output.rs).
    if cell and cell[0] in "=+-@\t\r" and cell != "-":
        return "'" + cell
    return cell

def csv_row(doc, q):
    cells = [doc, q["speaker"], q["kind"], q["text"], q["cue"], q["start"], q["end"],
             q["speaker_mention"], q["speaker_start"], q["speaker_end"], q["attribution"],
             q["rule"], q["speaker_id"], q["speaker_kind"], q["speaker_title"]]
    return [guard(c) if isinstance(c, str) else ("" if c is None else str(c)) for c in cells]

def edited(i, quotes):
    quotes = [dict(q) for q in quotes]
    if i % 30 == 0:
        quotes[0]["speaker"] = "Someone Else"
    if i % 70 == 0:
        quotes[-1]["kind"] = "indirect" if quotes[-1]["kind"] != "indirect" else "mixed"
    if i % 90 == 0 and len(quotes[0]["text"]) > 1:
        q = quotes[0]
        q["end"] -= len(q["text"][-1].encode("utf-8"))
        q["text"] = q["text"][:-1]
    if i % 50 == 0 and len(quotes) > 1:
        quotes.pop()
    if i % 130 == 0:
        extra = dict(quotes[-1])
        extra["start"], extra["end"] = extra["end"] + 1000, extra["end"] + 1004
        extra["text"] = "Gain"
        quotes.append(extra)
    return quotes

limit = mb * 1_000_000
files = {name: open(os.path.join(out, name), "w", encoding="utf-8", newline="")
         for name in ("old.csv", "new.csv", "new.jsonl")}
old_csv = csv.writer(files["old.csv"], lineterminator="\n")
new_csv = csv.writer(files["new.csv"], lineterminator="\n")
old_csv.writerow(HEADER)
new_csv.writerow(HEADER)
i, docs = 0, 0
while files["old.csv"].tell() < limit:
    for d in seed:
        i += 1
        doc = f"doc-{i:07d}/{d['id']}"
        for q in d["quotes"]:
            old_csv.writerow(csv_row(doc, q))
        if i % 110 == 0:
            new = []
        else:
            new = edited(i, d["quotes"])
        for q in new:
            new_csv.writerow(csv_row(doc, q))
        files["new.jsonl"].write(json.dumps({"id": doc, "quotes": new}, ensure_ascii=False) + "\n")
    docs = i
for f in files.values():
    f.close()
print(f"docs={docs}")
EOF
}

# run CMD...: measure CMD (see scripts/lib.sh) with its stderr in $tmp/stderr.txt; stop
# unless it exits 0 or 3 ("changed", which is expected).
run() {
    measure "$@" 2>"$tmp/stderr.txt"
    if ((status != 0 && status != 3)); then
        cat "$tmp/stderr.txt" >&2
        echo "whosaid diff exited with status $status" >&2
        exit 1
    fi
}

for mb in $sizes; do
    echo "== generating OLD and NEW of about $mb MB"
    stats=$(generate "$mb")
    echo "   $stats; old.csv $(du -m "$tmp/old.csv" | cut -f1) MB," \
        "new.csv $(du -m "$tmp/new.csv" | cut -f1) MB, new.jsonl $(du -m "$tmp/new.jsonl" | cut -f1) MB"
    cat "$tmp/old.csv" "$tmp/new.csv" "$tmp/new.jsonl" >/dev/null # warm the page cache
    for new in new.csv new.jsonl; do
        run "$bin" diff "$tmp/old.csv" "$tmp/$new" -o "$tmp/diff.csv"
        bytes=$(($(stat -c %s "$tmp/old.csv") + $(stat -c %s "$tmp/$new")))
        python3 - "$new" "$secs" "$bytes" "$rss_kib" "$status" "$(stat -c %s "$tmp/diff.csv")" <<'EOF'
import sys
new, secs, bytes_, rss, status, out = sys.argv[1:]
secs = float(secs)
print(f"   old.csv vs {new:9}: {secs:6.2f} s  {int(bytes_) / 1e6 / secs:7.1f} MB/s read  "
      f"peak RSS {int(rss) / 1024:6.1f} MiB  exit {status}  diff {int(out) / 1e6:.1f} MB")
EOF
        sed 's/^/   /' "$tmp/stderr.txt"
    done
done
