#!/usr/bin/env bash
# Load on the Telegram webhook of a real `jiedan serve`, from wrk in a second process on loopback.
#   bench/bot/run.sh sqlite   [duration=20s] [connections=64] [threads=2]
#   bench/bot/run.sh postgres [duration=20s] [connections=64] [threads=2]   (needs JIEDAN_BENCH_PG, an admin connection string)
# Prints wrk's figures, then checks that every update stored is stored exactly once and that every
# update acknowledged with 200 is there.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
kind=${1:?sqlite or postgres}; duration=${2:-20s}; connections=${3:-64}; threads=${4:-2}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

dotnet build -c Release "$root/src/Jiedan.Cli" -v q -nologo >/dev/null
cli="$root/src/Jiedan.Cli/bin/Release/net10.0/jiedan.dll"
work=$(mktemp -d)
case "$kind" in
  sqlite) db="$work/bench.db"; count() { sqlite3 -separator ' ' "$db" "$1"; } ;;
  postgres)
    admin=${JIEDAN_BENCH_PG:?set JIEDAN_BENCH_PG to an admin connection string, e.g. Host=127.0.0.1;Port=5432;Username=postgres}
    name="jiedan_bench_$$"
    pgurl() { python3 - "$admin" "$1" <<'PY'
import sys
kv = dict(p.split("=", 1) for p in sys.argv[1].split(";") if p)
kv = {k.lower(): v for k, v in kv.items()}
print(f"postgresql://{kv.get('username', 'postgres')}@{kv.get('host', '127.0.0.1')}:{kv.get('port', '5432')}/{sys.argv[2]}")
PY
    }
    psql "$(pgurl postgres)" -qc "CREATE DATABASE $name" >/dev/null
    db="$admin;Database=$name;Maximum Pool Size=64"
    count() { psql "$(pgurl "$name")" -tAc "$1" | tr '|' ' '; }
    ;;
  *) echo "first argument: sqlite or postgres" >&2; exit 2 ;;
esac

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export Bots__Telegram__bench__Token="123456:bench" Bots__Telegram__bench__SecretToken="bench-secret-token"
export Bots__Telegram__bench__ApiBaseUrl="http://127.0.0.1:9"
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
BOT_ID_BASE=50000000 wrk -t"$threads" -c"$connections" -d5s -s "$root/bench/bot/updates.lua" "http://127.0.0.1:$port" | grep -E '^(LAT|RESULT)'
echo "== measured: wrk -t$threads -c$connections -d$duration --latency -s bench/bot/updates.lua ($kind)"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$root/bench/bot/updates.lua" "http://127.0.0.1:$port" | tee "$work/wrk.txt"
sleep 2
requests=$(grep -oP 'RESULT requests=\K[0-9]+' "$work/wrk.txt")
non2xx=$(grep -oP 'non2xx=\K[0-9]+' "$work/wrk.txt")
ok=$((requests - non2xx))
read -r stored distinct <<<"$(count "SELECT COUNT(*), COUNT(DISTINCT update_key) FROM bot_inbound_updates WHERE CAST(update_key AS BIGINT) % 100000000 < 50000000")"
echo "== check: acknowledged (2xx)=$ok stored=$stored distinct=$distinct (stored may exceed 2xx by requests in flight when wrk stopped, at most $connections)"
[ "$stored" = "$distinct" ] || { echo "FAIL: an update is stored twice" >&2; exit 1; }
[ "$stored" -ge "$ok" ] && [ "$stored" -le $((ok + connections)) ] || { echo "FAIL: stored rows do not match the acknowledged updates" >&2; exit 1; }
echo "OK: exactly one row per update"
