#!/usr/bin/env bash
# Incident knowledge base figures (BENCHMARKS.md, "Incident knowledge base"), in process:
#   bench/kb/run.sh [RECORDS] [DB]      DB: a PostgreSQL connection string to an empty database (default: a fresh SQLite file)
# Over HTTP against a real `jiedan serve`: bench/kb/http.sh (wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release bench/kb -m:1 -nologo -v q >/dev/null
echo "load before: $(cat /proc/loadavg)"
dotnet bench/kb/bin/Release/net10.0/Jiedan.Bench.Kb.dll "${1:-10000}" ${2:+"$2"}
echo "load after: $(cat /proc/loadavg)"
