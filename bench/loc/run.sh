#!/usr/bin/env bash
# Line counter benchmark: `jiedan loc` (Release, published) against cloc (and scc/tokei when installed)
# on the same warm tree, in one hyperfine run. Usage: bench/loc/run.sh [TREE] [RUNS]
# Default tree: Go's standard library from Debian's golang package (about 120 MB).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tree="${1:-/usr/share/go-$(go env GOVERSION 2>/dev/null | sed -E 's/^go([0-9]+\.[0-9]+).*/\1/')/src}"
runs="${2:-5}"
out="${BENCH_OUT:-$repo/bench/loc/results}"
bin="$out/jiedan"

[ -d "$tree" ] || { echo "no such tree: $tree (install golang-go, or pass a directory)" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }
command -v cloc >/dev/null || { echo "cloc is not installed (apt-get install cloc)" >&2; exit 2; }
mkdir -p "$out"

dotnet publish "$repo/src/Jiedan.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$bin" --nologo -v quiet >/dev/null
jiedan="$bin/jiedan"

# Same inputs as a plain `cloc DIR`: vendor and generated code counted, duplicates removed, no ignore files.
like_cloc="--include-vendor --include-generated --dedupe --no-ignore"
commands=(
  "$jiedan loc $tree $like_cloc --cloc-compat --json"
  "$jiedan loc $tree $like_cloc --json"
  "$jiedan loc $tree --json"
  "cloc --quiet --json $tree"
)
for other in scc tokei; do
  command -v "$other" >/dev/null && commands+=("$other $tree")
done

# Warm the page cache once, then measure everything in the same run.
cat $(find "$tree" -type f) >/dev/null 2>&1 || true
hyperfine --warmup 1 --runs "$runs" --ignore-failure \
  --export-json "$out/hyperfine.json" --export-markdown "$out/hyperfine.md" \
  "${commands[@]}"

bytes=$("$jiedan" loc "$tree" $like_cloc --cloc-compat --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["bytes"])')
python3 - "$out/hyperfine.json" "$bytes" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
size = int(sys.argv[2])
cloc = next(r for r in results if r["command"].startswith("cloc"))
print(f"\nsource bytes counted: {size / 1e6:.1f} MB")
for r in results:
    print(f'{r["mean"]:8.3f} s ± {r["stddev"]:.3f}  {size / 1e6 / r["mean"]:8.1f} MB/s  {cloc["mean"] / r["mean"]:6.1f}x cloc  {r["command"]}')
PY
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr)"
