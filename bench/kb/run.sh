#!/usr/bin/env bash
# Incident knowledge base figures (BENCHMARKS.md, "Incident knowledge base"), in process:
#   bench/kb/run.sh [RECORDS] [DB]      DB: a PostgreSQL connection string to an empty database (default: a fresh SQLite file)
# Over HTTP against a real `jiedan serve`: bench/kb/http.sh (wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project bench/kb -m:1 -nologo -v q -- "${1:-10000}" ${2:+"$2"}
