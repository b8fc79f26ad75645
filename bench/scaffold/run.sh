#!/usr/bin/env bash
# Requirement → scaffold → go vet → go test, end to end, per requirement file (goal: under 60 s each on this machine).
# Usage: bench/scaffold/run.sh [requirement.yml …]   (default: the issue's sample, orders.yml, and shop.yml)
# Each run uses a fresh project folder; "cold" empties Go's build cache first (the vendored gin and go-sqlite3 compile),
# "warm" is a second fresh project with the cache as the first run left it.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Jiedan.Cli -c Release -nologo -v q >/dev/null
jiedan=(dotnet src/Jiedan.Cli/bin/Release/net10.0/jiedan.dll)
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(tests/Jiedan.Contract.Tests/requirements/orders.yml tests/Jiedan.Contract.Tests/requirements/shop.yml)
work=$(mktemp -d /tmp/jiedan-bench-scaffold.XXXXXX)
trap 'rm -rf "$work"' EXIT
# GOFLAGS as a user's `make test` runs (BENCH_GOFLAGS to change it, e.g. "-mod=vendor -trimpath": -trimpath keys the build
# cache by import path, not folder, so a second project reuses the compiled gin and go-sqlite3, but the standard library
# is then compiled too, since Go 1.19's installed copy was built without it).
export GOFLAGS="${BENCH_GOFLAGS:--mod=vendor}" GOPROXY=off GOCACHE="$work/gocache"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); GOFLAGS=$GOFLAGS"
printf '%-12s %-5s %9s %9s %9s %9s\n' requirement cache scaffold vet test total
for file in "${files[@]}"; do
  name=$(basename "$file" .yml)
  for cache in cold warm; do
    [ "$cache" = cold ] && rm -rf "$GOCACHE"
    dir="$work/$name-$cache"
    t0=$(date +%s.%N)
    "${jiedan[@]}" scaffold "$file" --out "$dir" --module "example.com/bench/$name" --vendor-from /usr/share/gocode/src >/dev/null
    t1=$(date +%s.%N)
    (cd "$dir" && go vet ./...)
    t2=$(date +%s.%N)
    (cd "$dir" && go test ./... >/dev/null)
    t3=$(date +%s.%N)
    printf '%-12s %-5s %8.2fs %8.2fs %8.2fs %8.2fs\n' "$name" "$cache" \
      "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$(echo "$t3 - $t2" | bc)" "$(echo "$t3 - $t0" | bc)"
  done
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
