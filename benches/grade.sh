#!/usr/bin/env bash
# Benchmark of `atelier grade` (not a test: it prints figures, it asserts nothing).
#
#   benches/grade.sh [N] [SMALL LARGE]
#
# 1. N submissions of 43.3 (default 100), graded with --jobs 1 then --jobs <cores>, each into a
#    fresh gradebook: the wall times and the speed-up.
# 2. The grader's own peak memory (its VmHWM) for a class of SMALL and
#    of LARGE submissions (default 50 and 200): it should stay flat as the class grows.
#
# The submissions cycle through the right and wrong 43.3 fixtures (each a real multiprocessing
# program: ten processes, a shared Value), so the class looks like a real one.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100}
small=${2:-50}
large=${3:-200}
cargo build --release --quiet
bin=$PWD/target/release/atelier
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home XDG_CACHE_HOME=$work/home/cache XDG_DATA_HOME=$work/home/data

fixtures=(exercises/43.3-memoire-partagee/solution.py tests/fixtures/right/43.3/*.py tests/fixtures/wrong/43.3/*.py)
make_class() { # make_class DIR COUNT
    mkdir -p "$1"
    for ((i = 0; i < $2; i++)); do
        cp "${fixtures[i % ${#fixtures[@]}]}" "$1/student$(printf %04d "$i").py"
    done
}

# run LABEL ARGS…: the wall time of one grading and the grader's own peak memory (VmHWM of its
# /proc status, polled: /usr/bin/time's maximum RSS would be the largest *child*, a Python run).
run() {
    local label=$1
    shift
    local start end hwm=0 now
    start=$(date +%s.%N)
    "$bin" --lang en "$@" >"$work/out" 2>/dev/null &
    local pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        now=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
        [[ -n $now && $now -gt $hwm ]] && hwm=$now
        sleep 0.05
    done
    wait "$pid"
    end=$(date +%s.%N)
    wall=$(python3 -c "print(f'{$end - $start:.2f}')")
    printf '%-34s %7s s   grader VmHWM %6d KiB   %s\n' "$label" "$wall" "$hwm" "$(head -1 "$work/out")"
}

cores=$(nproc)
echo "machine: $cores cores; $(python3 --version)"
make_class "$work/class$n" "$n"
# Alternated three times (each into a fresh gradebook), so that a burst of load elsewhere on the
# machine does not land on one side only; the medians are compared.
seqs=() pars=()
for round in 1 2 3; do
    run "$n subs, --jobs 1 (round $round)" grade 43.3 "$work/class$n" --jobs 1 --gradebook "$work/seq$round.sqlite"
    seqs+=("$wall")
    run "$n subs, --jobs $cores (round $round)" grade 43.3 "$work/class$n" --jobs "$cores" --gradebook "$work/par$round.sqlite"
    pars+=("$wall")
done
python3 -c "
import statistics as s
seq, par = s.median([${seqs[*]/%/,}]), s.median([${pars[*]/%/,}])
print(f'median: --jobs 1 {seq:.2f} s, --jobs $cores {par:.2f} s, speed-up {seq / par:.2f}x')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

for size in "$small" "$large"; do
    make_class "$work/mem$size" "$size"
    run "$size subs, --jobs $cores (memory)" grade 43.3 "$work/mem$size" --gradebook "$work/mem$size.sqlite" \
        --export "csv:$work/mem$size.csv" --export "junit:$work/mem$size.xml" --export "gradescope:$work/gs$size"
done
