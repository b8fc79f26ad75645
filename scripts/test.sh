#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine of this kind. Installs what is missing from Debian packages,
# starts a throw-away PostgreSQL on 127.0.0.1 (as the 'postgres' user: it refuses root), runs every test
# project against SQLite and PostgreSQL, prints "N passed, N failed", and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- 1. what the suite needs -------------------------------------------------------------------------
# chromium: dashboard tests; postgresql: storage tests; golang-go: gate fixtures and the line counter's
# reference tree; cloc: line counter reference; fonts-noto-cjk: Chinese in PDFs and charts;
# poppler-utils: second opinion on PDF text; wrk: bot webhook benchmark.
need=()
command -v chromium >/dev/null || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v go >/dev/null || need+=(golang-go)
# scaffold tests: the Go sources the generated projects vendor (gin, go-sqlite3 and their dependencies, libsqlite3-dev)
[ -d /usr/share/gocode/src/github.com/gin-gonic/gin ] || need+=(golang-github-gin-gonic-gin-dev)
[ -d /usr/share/gocode/src/github.com/mattn/go-sqlite3 ] || need+=(golang-github-mattn-go-sqlite3-dev)
command -v cloc >/dev/null || need+=(cloc)
[ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v python3 >/dev/null || need+=(python3)
command -v npm >/dev/null || need+=(nodejs npm)   # contract tests: buf and redocly (tools/npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# Contract tests: buf (proto lint) and redocly (OpenAPI lint) at the versions tools/npm/package-lock.json pins.
if [ ! -x tools/npm/node_modules/.bin/buf ] || [ ! -x tools/npm/node_modules/.bin/redocly ]; then
  echo "Installing buf and redocly into tools/npm"
  npm ci --prefix tools/npm --no-audit --no-fund --loglevel=error
fi

# --- 2. PostgreSQL on a free loopback port, in a temporary directory ---------------------------------
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir=$(mktemp -d /tmp/jiedan-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgdir"
cleanup() {
  as_pg "'$pgbin/pg_ctl' -D '$pgdir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap cleanup EXIT
as_pg "'$pgbin/initdb' -D '$pgdir/data' -A trust -U postgres -E UTF8 --no-sync" >/dev/null
as_pg "'$pgbin/pg_ctl' -D '$pgdir/data' -l '$pgdir/log' -w -o \"-h 127.0.0.1 -p $port -k '$pgdir' -c fsync=off -c max_connections=300\" start" >/dev/null
export JIEDAN_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

# --- 3. build once, then every test project ------------------------------------------------------------
dotnet build Jiedan.slnx -c Release -nologo -v q
log=$(mktemp /tmp/jiedan-test.XXXXXX.log)
set +e
# Two test modules at a time: on two cores, all nine at once starve the browser tests of CPU (30 s Playwright timeouts
# were seen at load 21); the same work in fewer parallel streams takes about as long.
timeout 40m dotnet test --solution Jiedan.slnx -c Release --no-build --max-parallel-test-modules 2 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# --- 4. one summary line a CI can read -----------------------------------------------------------------
python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
def total(key):
    return sum(int(x) for x in re.findall(rf"^\s*{key}:\s*(\d+)", text, re.M))
print(f"{total('succeeded')} passed, {total('failed')} failed, {total('skipped')} skipped")
PY
rm -f "$log"
exit "$status"
