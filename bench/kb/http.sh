#!/usr/bin/env bash
# Load on Alertmanager's receiver of a real `jiedan serve` (Release), with 10,000 generated records imported, from wrk in
# a second process on loopback:
#   bench/kb/http.sh sqlite   [duration=20s] [connections=32] [threads=2] [records=10000] [rate]
#   bench/kb/http.sh postgres [duration=20s] [connections=32] [threads=2] [records=10000] [rate]  (JIEDAN_BENCH_PG: admin)
# Without a rate, wrk sends as fast as the server answers; with one (notifications/s), each connection is paced to it.
# Prints wrk's figures and the machine load, checks that every notification answered 200 is stored exactly once, then
# waits for the notifier and prints receipt → suggestions worked out (p50/p95/max) over the alerts of the measured run.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
kind=${1:?sqlite or postgres}; duration=${2:-20s}; connections=${3:-32}; threads=${4:-2}; records=${5:-10000}; rate=${6:-}
if [ -n "$rate" ]; then export KB_DELAY_MS=$((connections * 1000 / rate)); fi
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

dotnet build -c Release "$root/src/Jiedan.Cli" -m:1 -v q -nologo >/dev/null
dotnet build -c Release "$root/bench/kb" -m:1 -v q -nologo >/dev/null
cli="$root/src/Jiedan.Cli/bin/Release/net10.0/jiedan.dll"
work=$(mktemp -d)
case "$kind" in
  sqlite) db="$work/bench.db"; query() { sqlite3 -separator ' ' "$db" "$1"; }
    elapsed="(julianday(\"NotifiedAtUtc\") - julianday(\"ReceivedAtUtc\")) * 86400000" ;;
  postgres)
    admin=${JIEDAN_BENCH_PG:?set JIEDAN_BENCH_PG to an admin connection string, e.g. Host=127.0.0.1;Port=5432;Username=postgres}
    name="jiedan_bench_kb_$$"
    pgurl() { python3 - "$admin" "$1" <<'PY'
import sys
kv = dict(p.split("=", 1) for p in sys.argv[1].split(";") if p)
kv = {k.lower(): v for k, v in kv.items()}
print(f"postgresql://{kv.get('username', 'postgres')}@{kv.get('host', '127.0.0.1')}:{kv.get('port', '5432')}/{sys.argv[2]}")
PY
    }
    psql "$(pgurl postgres)" -qc "CREATE DATABASE $name" >/dev/null
    db="$admin;Database=$name;Maximum Pool Size=64"
    query() { psql "$(pgurl "$name")" -tAc "$1" | tr '|' ' '; }
    elapsed="EXTRACT(EPOCH FROM (\"NotifiedAtUtc\" - \"ReceivedAtUtc\")) * 1000" ;;
  *) echo "first argument: sqlite or postgres" >&2; exit 2 ;;
esac

dotnet "$cli" db migrate --db "$db" >/dev/null
dotnet "$root/bench/kb/bin/Release/net10.0/Jiedan.Bench.Kb.dll" export "$work/kb" "$records" >/dev/null
dotnet "$cli" kb import "$work/kb" --db "$db"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export Alerts__Alertmanager__bench__BearerToken="bench-alert-token" RateLimits__Bots__PermitLimit=100000000
dotnet "$cli" serve --db "$db" --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
  if [ "$kind" = postgres ]; then psql "$(pgurl postgres)" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.2; done

echo "== warm-up (5 s, ids offset by 50,000,000)"
KB_ID_BASE=50000000 wrk -t"$threads" -c"$connections" -d5s -s "$root/bench/kb/alerts.lua" "http://127.0.0.1:$port" | grep -E '^(LAT|RESULT)'
# The measured run starts once the warm-up's alerts are worked out (the matcher over the records is built by then).
for _ in $(seq 1 300); do
  [ "$(query "SELECT COUNT(*) FROM incidents WHERE \"NotifiedAtUtc\" IS NULL")" = 0 ] && break; sleep 1
done
warmed=$(query "SELECT COALESCE(MAX(\"Id\"), 0) FROM incidents")
echo "== load before: $(cat /proc/loadavg)"
echo "== measured: wrk -t$threads -c$connections -d$duration --latency -s bench/kb/alerts.lua ($kind, $records records${rate:+, $rate/s})"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$root/bench/kb/alerts.lua" "http://127.0.0.1:$port" | tee "$work/wrk.txt"
echo "== load after: $(cat /proc/loadavg)"
requests=$(grep -oP 'RESULT requests=\K[0-9]+' "$work/wrk.txt")
non2xx=$(grep -oP 'non2xx=\K[0-9]+' "$work/wrk.txt")
ok=$((requests - non2xx))
sleep 2
read -r stored distinct <<<"$(query "SELECT COUNT(*), COUNT(DISTINCT \"Fingerprint\") FROM incidents WHERE \"Receiver\" = 'bench'")"
echo "== check: acknowledged (2xx)=$ok stored (warm-up included)=$stored distinct=$distinct"
[ "$stored" = "$distinct" ] || { echo "FAIL: an alert is stored twice" >&2; exit 1; }
for _ in $(seq 1 600); do
  [ "$(query "SELECT COUNT(*) FROM incidents WHERE \"NotifiedAtUtc\" IS NULL")" = 0 ] && break; sleep 1
done
query "SELECT $elapsed FROM incidents WHERE \"Receiver\" = 'bench' AND \"Id\" > $warmed AND \"NotifiedAtUtc\" IS NOT NULL" | python3 -c '
import sys
v = sorted(float(x) for x in sys.stdin if x.strip())
p = lambda q: v[min(len(v) - 1, int(q * len(v)))]
print(f"== receipt -> suggestions worked out, {len(v)} alerts: p50 {p(0.5):.0f} ms, p95 {p(0.95):.0f} ms, max {v[-1]:.0f} ms")'
echo "OK: exactly one row per alert"
