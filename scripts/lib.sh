# Shared by the benchmark scripts (bench.sh, bench-diff.sh), which source it from the
# repository root once $tmp names their temporary directory. Both time the release binary
# the same way, so that their numbers can be compared.

# build_release: `cargo build --release` (CARGO_TARGET_DIR is honoured); leaves the path of
# the whosaid binary in $bin.
build_release() {
    echo "== cargo build --release"
    cargo build --release --quiet
    local target_dir
    target_dir=$(cargo metadata --format-version 1 --no-deps |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
    bin="$target_dir/release/whosaid"
}

# measure CMD...: run CMD; leave its wall time in seconds in $secs, its peak RSS in KiB in
# $rss_kib and its exit status in $status. The peak comes from /usr/bin/time -v; where that
# is missing, from polling the peak (VmHWM) the kernel keeps for the process, and then
# $rss_note is " (polled)" (else it is empty).
measure() {
    local start end
    status=0
    rss_note=""
    if [[ -x /usr/bin/time ]]; then
        start=$(date +%s.%N)
        /usr/bin/time -v -o "$tmp/time.txt" "$@" || status=$?
        end=$(date +%s.%N)
        rss_kib=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$tmp/time.txt")
    else
        start=$(date +%s.%N)
        "$@" &
        local pid=$! hwm
        rss_kib=0
        while hwm=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$pid/status" 2>/dev/null) &&
            [[ -n $hwm ]]; do
            ((hwm > rss_kib)) && rss_kib=$hwm
            sleep 0.05
        done
        wait "$pid" || status=$?
        end=$(date +%s.%N)
        rss_note=" (polled)"
    fi
    secs=$(echo "$end - $start" | bc -l 2>/dev/null || python3 -c "print($end - $start)")
}
