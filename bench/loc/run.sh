#!/usr/bin/env bash
# Line counter benchmark: `jiedan loc` — the native jiedan-loc (src/Jiedan.Loc.Native, what `scripts/jiedan loc` runs) and
# the managed CLI (Release, ReadyToRun) — against cloc (and scc/tokei when on PATH), each case in one hyperfine run:
#   1. the tree (default: Go's standard library from Debian's golang package, about 100 MB), warm page cache;
#   2. a one-file tree (start-up);
#   3. peak RSS (/usr/bin/time -v) and, with perf, the CPU time spent in the counting code itself;
#   4. the counting alone, in memory (bench/loc/counting).
# Usage: bench/loc/run.sh [TREE] [RUNS]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tree="${1:-/usr/share/go-$(go env GOVERSION 2>/dev/null | sed -E 's/^go([0-9]+\.[0-9]+).*/\1/')/src}"
runs="${2:-5}"
out="${BENCH_OUT:-$repo/bench/loc/results}"

[ -d "$tree" ] || { echo "no such tree: $tree (install golang-go, or pass a directory)" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }
command -v cloc >/dev/null || { echo "cloc is not installed (apt-get install cloc)" >&2; exit 2; }
mkdir -p "$out"

dotnet publish "$repo/src/Jiedan.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/jiedan" \
  -m:1 --nologo -v quiet >/dev/null
dotnet publish "$repo/src/Jiedan.Loc.Native" -c Release -r linux-x64 -o "$out/jiedan-loc" -m:1 --nologo -v quiet >/dev/null
managed="$out/jiedan/jiedan loc"
native="$out/jiedan-loc/jiedan-loc"
others=()
for other in scc tokei; do
  command -v "$other" >/dev/null && others+=("$other")
done
echo "load before: $(cat /proc/loadavg)"

# 1. The tree. Same inputs as a plain `cloc DIR`: vendor and generated code counted, duplicates removed, no ignore files.
like_cloc="--include-vendor --include-generated --dedupe --no-ignore"
commands=(
  "$native $tree $like_cloc --cloc-compat --json"
  "$managed $tree $like_cloc --cloc-compat --json"
  "$native $tree --json"
  "$managed $tree --json"
  "cloc --quiet --json $tree"
)
for other in "${others[@]}"; do commands+=("$other $tree"); done
find "$tree" -type f -exec cat {} + >/dev/null 2>&1 || true
hyperfine --warmup 1 --runs "$runs" --ignore-failure --export-json "$out/tree.json" --export-markdown "$out/tree.md" "${commands[@]}"

bytes=$($native "$tree" $like_cloc --cloc-compat --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["bytes"])')
python3 - "$out/tree.json" "$bytes" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
size = int(sys.argv[2])
cloc = next(r for r in results if r["command"].startswith("cloc"))
print(f"\nsource bytes counted (like cloc): {size / 1e6:.1f} MB")
for r in results:
    cpu = r["user"] + r["system"]
    print(f'{r["mean"]:8.3f} s ± {r["stddev"]:.3f} wall  {cpu:7.3f} s CPU  {cloc["mean"] / r["mean"]:6.1f}x cloc wall'
          f'  {cloc["user"] + cloc["system"]:.1f}/{cpu:.3f} = {(cloc["user"] + cloc["system"]) / cpu:6.1f}x cloc CPU  {r["command"]}')
PY
echo "load after the tree: $(cat /proc/loadavg)"

# 2. A one-file tree: start-up.
one="$(mktemp -d)"
trap 'rm -rf "$one"' EXIT
cp "$tree/fmt/print.go" "$one/" 2>/dev/null || printf 'package main\n\n// main does nothing.\nfunc main() {}\n' >"$one/main.go"
commands=("$native $one" "$native $one --json" "$managed $one --json" "cloc --quiet --json $one")
for other in "${others[@]}"; do commands+=("$other $one"); done
hyperfine -N --warmup 5 --runs $((runs * 8)) --export-json "$out/one.json" --export-markdown "$out/one.md" "${commands[@]}"
echo "load after the one-file tree: $(cat /proc/loadavg)"

# 3. Peak memory, and the counting code's own CPU time (perf samples in the classifier and cloc's filters).
for command in "$native $tree $like_cloc --cloc-compat --json" "$native $tree --json" "$managed $tree $like_cloc --cloc-compat --json"; do
  /usr/bin/time -v $command 2>&1 >/dev/null | awk -v c="$command" '/Maximum resident/ {printf "%7.1f MB peak RSS  %s\n", $6 / 1024, c}'
done
if command -v perf >/dev/null; then
  perf record -q -F 2000 -o "$out/perf.data" -- $native "$tree" $like_cloc --cloc-compat --json >/dev/null 2>&1
  perf report -i "$out/perf.data" --no-children --sort sym --stdio 2>/dev/null | python3 -c '
import re, sys
total = counting = 0.0
for line in sys.stdin:
    m = re.match(r"\s+([0-9.]+)%\s+\[.\]\s+(\S+)", line) or re.match(r"\s+([0-9.]+)%\s+\[k\]\s+(\S+)", line)
    if not m: continue
    share = float(m.group(1)); total += share
    if re.search(r"LineClassifier|ByteScan|PlainRuns|CompiledSyntax|ClocCounter", m.group(2)): counting += share
print(f"counting code (LineClassifier, ByteScan, PlainRuns, ClocCounter): {counting:.1f} % of the samples of a like-cloc run")'
  perf stat -x, -e task-clock -- $native "$tree" $like_cloc --cloc-compat --json 2>&1 >/dev/null | awk -F, -v b="$bytes" \
    '/task-clock/ {printf "task-clock %.3f s CPU for %.1f MB (all of it: walk, reads, detection, counting)\n", $1 / 1000, b / 1e6}'
fi
# 4. The counting itself, apart from walk, reads and start-up: every .go file of the tree in memory, classified again and
#    again on one thread, both modes; CPU time per byte (bench/loc/counting, compiled like jiedan-loc).
dotnet publish "$repo/bench/loc/counting" -c Release -r linux-x64 -o "$out/counting" -m:1 --nologo -v quiet >/dev/null
echo "load before counting: $(cat /proc/loadavg)"
"$out/counting/jiedan-loc-counting" "$tree" 20

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr); load at the end: $(cat /proc/loadavg)"
