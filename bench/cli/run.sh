#!/usr/bin/env bash
# Start-up of read-only CLI commands on a small migrated SQLite database (20 deals), measured with hyperfine.
#   bench/cli/run.sh [runs=10]
# Publishes the current tree's CLI (Release) into a temporary folder, unless JIEDAN_CLI names a jiedan.dll to
# measure instead (how the 'before' figure in BENCHMARKS.md was taken, with a CLI that migrated on every call).
# Prints the commit, the date and the load, then hyperfine's table; removes what it created.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-10}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v hyperfine >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends hyperfine >/dev/null
fi

work=$(mktemp -d /tmp/jiedan-bench-cli.XXXXXX)
trap 'rm -rf "$work"' EXIT
cli=${JIEDAN_CLI:-}
if [ -z "$cli" ]; then
  dotnet publish "$root/src/Jiedan.Cli" -c Release -o "$work/jiedan" -m:1 -nologo -v q >/dev/null
  cli=$work/jiedan/jiedan.dll
fi
jiedan() { dotnet "$cli" "$@"; }

db=$work/bench.db
# A CLI without 'db migrate' (before it existed) migrated on first use instead.
jiedan db migrate --db "$db" >/dev/null 2>&1 || jiedan deals list --db "$db" >/dev/null
for i in $(seq 1 20); do jiedan deals add --client "Client $i" --platform Upwork --db "$db" >/dev/null; done

echo "commit $(git -C "$root" rev-parse --short HEAD)  cli $cli"
echo "date   $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load  $(uptime)"
hyperfine -N -w 2 -r "$runs" --style basic \
  "dotnet $cli pipeline report --db $db --json" \
  "dotnet $cli deals list --db $db"
