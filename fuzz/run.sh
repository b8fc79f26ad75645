#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser that reads outside input: SharpFuzz-instrumented Jiedan assemblies (and
# the parsing libraries they use) under AFL++, one fuzz target at a time, each for a fixed budget.
#   fuzz/run.sh [SECONDS_PER_TARGET=60] [TARGET...]
# Findings stay in fuzz/out/<target>/default/{crashes,hangs}; replay one with
#   dotnet fuzz/out/bin/Jiedan.Fuzz.dll TARGET < FILE
# A benchmark-style tool, not part of scripts/test.sh. Prints one row per target from afl-fuzz's fuzzer_stats.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}; shift || true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v afl-fuzz >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends afl++ >/dev/null
fi
(cd "$root" && dotnet tool restore >/dev/null)

out="$root/fuzz/out"; bin="$out/bin"
rm -rf "$bin"; mkdir -p "$out"
dotnet build "$root/fuzz/Jiedan.Fuzz" -c Release -m:1 -nologo -v q -o "$bin" >/dev/null
# The parsers and the libraries they parse with; the framework itself cannot be instrumented.
for dll in Jiedan.Domain Jiedan.Data Jiedan.Loc Jiedan.Files YamlDotNet CsvHelper; do
  (cd "$root" && dotnet sharpfuzz "$bin/$dll.dll" >/dev/null)
done

targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(dotnet "$bin/Jiedan.Fuzz.dll" --list)

# Shared cores: no CPU binding; the core pattern may pipe to a handler (AFL wants plain cores); AFL's own binary
# check does not know a .NET host started through `dotnet`.
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_BIN_CHECK=1
export AFL_FAST_CAL=1 AFL_QUIET=1
rows=()
for t in "${targets[@]}"; do
  rm -rf "${out:?}/$t"
  echo "fuzzing $t for ${seconds}s" >&2
  # -t: an input that takes longer than 2 s is a hang; -m none: the .NET runtime reserves far more address space than
  # AFL's default limit. -V stops after the budget; timeout is the backstop if afl-fuzz stalls while starting.
  timeout $((seconds + 120)) afl-fuzz -i "$root/fuzz/seeds/$t" -o "$out/$t" -t 2000 -m none -V "$seconds" \
    -- dotnet "$bin/Jiedan.Fuzz.dll" "$t" >"$out/$t.log" 2>&1 || echo "afl-fuzz $t ended with $? (see fuzz/out/$t.log)" >&2
  stats="$out/$t/default/fuzzer_stats"
  if [ ! -f "$stats" ]; then rows+=("$t|-|-|-|-|-|-|(no stats; see fuzz/out/$t.log)"); continue; fi
  get() { awk -F' *: *' -v k="$1" '$1==k {print $2}' "$stats"; }
  execs=$(get execs_done); secs=$(get run_time); corpus=$(get corpus_count); [ -n "$corpus" ] || corpus=$(get paths_total)
  crashes=$(get saved_crashes); [ -n "$crashes" ] || crashes=$(get unique_crashes)
  hangs=$(get saved_hangs); [ -n "$hangs" ] || hangs=$(get unique_hangs)
  rate=$(awk -v e="$execs" -v s="$secs" 'BEGIN { printf "%.0f", (s > 0 ? e / s : 0) }')
  per=$(awk -v e="$execs" -v s="$secs" 'BEGIN { printf "%.2f", (e > 0 ? s * 1000 / e : 0) }')
  rows+=("$t|$secs|$execs|$rate|$per|$corpus|$crashes|$hangs")
done

printf '\n| target | seconds | executions | execs/s | ms/input | corpus | crashes | hangs |\n|---|---:|---:|---:|---:|---:|---:|---:|\n'
for r in "${rows[@]}"; do printf '| %s |\n' "${r//|/ | }"; done
