#!/usr/bin/env bash
# Delivery-gate parsing figures: a 500 MB Go coverage profile (with `go tool cover -func` on the same file as the
# reference) and a 100 MB SARIF file (with a full System.Text.Json DOM parse as the baseline).
#   bench/gate/run.sh [profile_mb=500] [sarif_mb=100]
# Peak memory (max RSS) and wall time from /usr/bin/time for every process alike.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
profile_mb=${1:-500}; sarif_mb=${2:-100}
command -v go >/dev/null || { echo "go is not installed (apt-get install golang-go)" >&2; exit 2; }
dotnet build -c Release "$root/bench/gate" -v q -nologo >/dev/null
bench="dotnet $root/bench/gate/bin/Release/net10.0/Jiedan.Bench.Gate.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
$bench generate "$work" "$profile_mb" "$sarif_mb"
ls -l "$work/cover.out" "$work/big.sarif"
export GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local
measure() { local label=$1; shift; /usr/bin/time -f "$label: wall %e s, CPU %U s user + %S s sys, max RSS %M KB" "$@"; }
cd "$work"
for i in 1 2 3; do
  measure "jiedan go-profile #$i" $bench go-profile cover.out
  measure "go tool cover -func #$i" sh -c 'go tool cover -func=cover.out | tail -1'
done
for i in 1 2 3; do
  measure "jiedan sarif #$i" $bench sarif big.sarif
  measure "json-dom #$i" $bench json-dom big.sarif
  measure "json-tokens #$i" $bench json-tokens big.sarif
done
