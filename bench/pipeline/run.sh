#!/usr/bin/env bash
# Pipeline report over 1,000,000 deals and import of 100,000 CSV rows, on SQLite and on PostgreSQL.
#   bench/pipeline/run.sh [deals=1000000] [rows=100000] [runs=5]
# Starts a throw-away PostgreSQL on a free loopback port (as the 'postgres' user, temporary directory, default
# settings), seeds each database with bench/Jiedan.Bench.Pipeline, times the report and the import against the
# database's own reference (a plain scan / a plain bulk load of the same CSV), prints a table, stops what it started.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
deals=${1:-1000000}; rows=${2:-100000}; runs=${3:-5}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
need=()
command -v sqlite3 >/dev/null || need+=(sqlite3)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

dotnet build -c Release "$root/bench/Jiedan.Bench.Pipeline" -v q -nologo >/dev/null
bench() { dotnet "$root/bench/Jiedan.Bench.Pipeline/bin/Release/net10.0/Jiedan.Bench.Pipeline.dll" "$@"; }

work=$(mktemp -d /tmp/jiedan-bench-pipeline.XXXXXX)
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir=$(mktemp -d /tmp/jiedan-bench-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgdir"
cleanup() {
  as_pg "'$pgbin/pg_ctl' -D '$pgdir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$pgdir" "$work"
}
trap cleanup EXIT
as_pg "'$pgbin/initdb' -D '$pgdir/data' -A trust -U postgres -E UTF8 --no-sync" >/dev/null
as_pg "'$pgbin/pg_ctl' -D '$pgdir/data' -l '$pgdir/log' -w -o \"-h 127.0.0.1 -p $port -k '$pgdir'\" start" >/dev/null
pg="Host=127.0.0.1;Port=$port;Username=postgres"

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port; SQLite $(sqlite3 --version | cut -d' ' -f1) (sqlite3 CLI)"
log="$work/bench.log"
for db in "$work/report.db" "$pg;Database=jiedan_bench_report"; do
  bench seed --db "$db" --deals "$deals" | tee -a "$log"
  bench report --db "$db" --runs "$runs" | tee -a "$log"
done
for db in "$work/import.db" "$pg;Database=jiedan_bench_import"; do
  bench import --db "$db" --rows "$rows" --runs "$runs" | tee -a "$log"
done

echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-9s %-24s %10s %10s %10s  %-17s %9s %7s %9s\n' database benchmark median_ms min_ms max_ms reference ref_ms ratio peak_MiB
grep '^RESULT' "$log" | while IFS=$'\t' read -r _ database benchmark median min max reference ref ratio peak; do
  printf '%-9s %-24s %10s %10s %10s  %-17s %9s %6s× %9s\n' "$database" "$benchmark" "$median" "$min" "$max" "$reference" "$ref" "$ratio" "$peak"
done
