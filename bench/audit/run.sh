#!/usr/bin/env bash
# Audit time on a large history: a 10,000-commit Go repository built with `git fast-import` in a temporary directory
# (seconds, not minutes), then `jiedan audit --json` on it three times. Goal: under 5 s.
#   bench/audit/run.sh [commits=10000] [jiedan.dll]
# Uses the jiedan built for the credibility tests unless a dll is given (dotnet build tests/Jiedan.Credibility.Tests).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
commits=${1:-10000}
dll=${2:-$root/tests/Jiedan.Credibility.Tests/bin/Debug/net10.0/jiedan.dll}
[ -f "$dll" ] || { echo "$dll not found: dotnet build tests/Jiedan.Credibility.Tests first" >&2; exit 2; }
work=$(mktemp -d /tmp/jiedan-audit-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
repo=$work/repo
git init -q -b main "$repo"
now=$(date +%s)
# One commit per step, 20 minutes apart, ending now; each touches a Go file among 200 packages' worth of files.
python3 - "$commits" "$now" > "$work/stream" <<'PY'
import sys
n, now = int(sys.argv[1]), int(sys.argv[2])
def blob(text):
    data = text.encode()
    return b"data %d\n%s\n" % (len(data), data)
out = sys.stdout.buffer
fixed = {
    "go.mod": "module github.com/acme/big\n\ngo 1.22\n",
    "README.md": "# big\n\n## Quick Start\n\n```sh\ngo test ./...\n```\n\n## Architecture\n\n## Extensibility\n\n## Testing\n",
    "LICENSE": "Permission is hereby granted, free of charge, to any person obtaining a copy\n",
    ".github/workflows/ci.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test ./...\n",
}
for i in range(n):
    when = now - (n - i) * 1200
    out.write(b"commit refs/heads/main\nmark :%d\n" % (i + 1))
    out.write(b"committer Bench <bench@example.com> %d +0000\n" % when)
    out.write(blob("commit %d" % i))
    if i > 0:
        out.write(b"from :%d\n" % i)
    if i == 0:
        for path, text in fixed.items():
            out.write(b"M 100644 inline %s\n" % path.encode())
            out.write(blob(text))
    pkg = i % 200
    out.write(b"M 100644 inline internal/p%d/f%d.go\n" % (pkg, i % 7))
    out.write(blob("package p%d\n\n// F%d is documented.\nfunc F%d() int { return %d }\n" % (pkg, i, i, i)))
    if i % 1000 == 999:
        out.write(b"reset refs/tags/v1.%d.0\nfrom :%d\n" % (i // 1000, i + 1))
PY
(cd "$repo" && git fast-import --quiet < "$work/stream" && git checkout -q main && git remote add origin https://github.com/acme/big.git)
echo "commits: $(git -C "$repo" rev-list --count HEAD), files: $(git -C "$repo" ls-files | wc -l), tags: $(git -C "$repo" tag | wc -l)"
for i in 1 2 3; do
  /usr/bin/time -f "jiedan audit #$i: wall %e s, max RSS %M KB" dotnet "$dll" audit "$repo" --json > "$work/out.json"
done
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('score', d['score'], [c['id'] for c in d['checks'] if not c['passed']])" "$work/out.json"
uptime
