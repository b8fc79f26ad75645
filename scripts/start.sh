#!/usr/bin/env bash
# Starts Jiedan on a fresh machine: the dashboard on SQLite (./data/jiedan.db) with the demo portfolio.
# Prints the URL and, on first run, the one-time link that sets the owner's password.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
# Chinese labels in charts and PDFs need a CJK font; Debian's Noto CJK is loaded explicitly by the report code.
if [ ! -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk >/dev/null
fi
url=${JIEDAN_URL:-http://127.0.0.1:5080}
echo "Building Jiedan…"
dotnet build src/Jiedan.Cli -c Release -nologo -v q -o out/jiedan >/dev/null
exec dotnet out/jiedan/jiedan.dll serve --demo --db "${JIEDAN_DB:-./data/jiedan.db}" --urls "$url"
