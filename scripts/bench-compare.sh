#!/usr/bin/env bash
# Runs benchmarks of the working tree and of an earlier revision in
# alternating rounds on this machine, and prints each figure side by side
# with the ratio (current / earlier). A change to a hot path is measured
# this way: one build's figures alone mean little on a host whose speed
# moves from hour to hour.
#
#   scripts/bench-compare.sh REV [BENCH ...] [-- ARGS ...]
#
# REV is any git revision; BENCH the examples to run (default: bench_returns
# bench_lookup); ARGS go to every benchmark, unless BENCH_ARGS_<bench> (e.g.
# BENCH_ARGS_bench_returns="--only sqlite --seconds 5") gives a benchmark its
# own. ROUNDS (default 2) is the number of rounds; each round runs every
# benchmark of the current build, then of REV's.
#
# REV is checked out as a worktree under .cache/bench-compare/; both builds
# share the release target directory .cache/bench-compare/target (the first
# build takes minutes, later ones reuse the dependencies); the outputs of
# every run are kept under .cache/bench-compare/out/.
#
# A figure is a number on a line of a benchmark's output; lines are paired
# by their text with the numbers left out, so both builds must print the
# same lines (a benchmark whose output changed shows its lines unpaired).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

usage() {
    sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-0}"
}

[[ $# -ge 1 ]] || usage 2
case "$1" in -h | --help) usage ;; esac
REV="$1"
shift
BENCHES=()
while [[ $# -gt 0 && "$1" != "--" ]]; do
    BENCHES+=("$1")
    shift
done
[[ "${1:-}" == "--" ]] && shift
ARGS=("$@")
((${#BENCHES[@]} > 0)) || BENCHES=(bench_returns bench_lookup)
ROUNDS="${ROUNDS:-2}"

COMMIT="$(git rev-parse --verify "$REV^{commit}")"
SHORT="${COMMIT:0:9}"
WORK="$ROOT/.cache/bench-compare"
TREE="$WORK/tree-$SHORT"
OUT="$WORK/out/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$WORK" "$OUT" "$WORK/bin/current" "$WORK/bin/$SHORT"

echo "== building the current tree and $SHORT ($REV)"
if [[ ! -d "$TREE" ]]; then
    git worktree add --quiet --detach "$TREE" "$COMMIT"
fi
# The benchmarks start the server binary found next to their own directory
# (`examples/../returns-api`): each build keeps both in its own directory.
build() { # DIR TARGET_DIR DEST
    local dir="$1" target="$2" dest="$3" bench
    local examples=()
    for bench in "${BENCHES[@]}"; do examples+=(--example "$bench"); done
    (cd "$dir" && CARGO_TARGET_DIR="$target" cargo build --quiet --release --bin returns-api "${examples[@]}")
    mkdir -p "$dest/examples"
    cp "$target/release/returns-api" "$dest/returns-api"
    for bench in "${BENCHES[@]}"; do
        cp "$target/release/examples/$bench" "$dest/examples/$bench"
    done
}
build "$ROOT" "$WORK/target" "$WORK/bin/current"
build "$TREE" "$WORK/target" "$WORK/bin/$SHORT"

run() { # BUILD BENCH ROUND
    local build="$1" bench="$2" round="$3" var="BENCH_ARGS_$2" args
    if [[ -n "${!var:-}" ]]; then
        read -r -a args <<<"${!var}"
    else
        args=("${ARGS[@]+"${ARGS[@]}"}")
    fi
    local log="$OUT/$bench.$build.$round.txt"
    echo "-- round $round: $bench ($build) ${args[*]+"${args[*]}"}"
    # Each run starts its servers on fresh databases in a directory of its own.
    (cd "$(mktemp -d)" && "$WORK/bin/$build/examples/$bench" "${args[@]+"${args[@]}"}") >"$log" 2>&1 ||
        echo "   exited with $? (see $log)"
}

for round in $(seq 1 "$ROUNDS"); do
    for bench in "${BENCHES[@]}"; do
        run current "$bench" "$round"
        run "$SHORT" "$bench" "$round"
    done
done

echo
echo "== figures: current vs $SHORT ($REV), $ROUNDS rounds, alternating"
python3 - "$OUT" "$SHORT" "$ROUNDS" "${BENCHES[@]}" <<'PY'
import re
import sys

out, short, rounds, benches = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def figures(path):
    """Lines with numbers: their text without the numbers -> the numbers."""
    found = {}
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return found
    for line in text.splitlines():
        numbers = [float(n.replace(",", "")) for n in NUMBER.findall(line)]
        if numbers:
            found.setdefault(" ".join(NUMBER.sub("#", line).split()), numbers)
    return found


def mean(xs):
    return sum(xs) / len(xs)


for bench in benches:
    print(f"\n{bench}")
    runs = {b: [figures(f"{out}/{bench}.{b}.{r}.txt") for r in range(1, rounds + 1)] for b in ("current", short)}
    shapes = []
    for r in runs["current"] + runs[short]:
        shapes += [s for s in r if s not in shapes]
    for shape in shapes:
        now = [r[shape] for r in runs["current"] if shape in r]
        then = [r[shape] for r in runs[short] if shape in r]
        if not now or not then:
            print(f"  (in {'current' if now else short} only) {shape}")
            continue
        width = min(len(x) for x in now + then)
        parts = shape.split("#")
        text = parts[0]
        differs = False
        for i, rest in enumerate(parts[1:]):
            if i >= width:
                text += "#" + rest
                continue
            a = [x[i] for x in now]
            b = [x[i] for x in then]
            if a == b and len(set(a)) == 1:
                text += f"{a[0]:g}" + rest
                continue
            differs = True
            ratio = f"{mean(a) / mean(b):.2f}x" if mean(b) else "-"
            text += "[" + " ".join(f"{v:g}" for v in a) + " | " + " ".join(f"{v:g}" for v in b) + f" = {ratio}]" + rest
        if differs:
            print(f"  {text}")
print(f"\n[current rounds | {short} rounds = ratio of the means]; lines whose figures all agree are left out; outputs in {out}")
PY
