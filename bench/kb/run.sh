#!/usr/bin/env bash
# Incident knowledge base figures (BENCHMARKS.md, "Incident knowledge base"): bench/kb/run.sh [RECORDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project bench/kb -m:1 -nologo -v q -- "${1:-10000}"
