#!/usr/bin/env bash
# Smoke test of the README's main command: starts `scripts/run.sh --demo` from another folder on a free loopback port
# (the demo corpus is served from 127.0.0.1, so no network is needed), waits until /api/essays and the demo essay's
# coverage page answer 200, stops it, and exits 0 only if both answered. Bounded: SMOKE_TIMEOUT seconds (default 240).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
limit="${SMOKE_TIMEOUT:-240}"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
base="http://127.0.0.1:$port"
log="$(mktemp "${TMPDIR:-/tmp}/coverage-smoke.XXXXXX")"

# From a folder outside the repository: the script must not depend on where it is started.
(cd "${TMPDIR:-/tmp}" && exec setsid "$root/scripts/run.sh" --demo --urls "$base") >"$log" 2>&1 &
runner=$!
stop() {
  kill -TERM -- "-$runner" 2>/dev/null
  for _ in $(seq 100); do kill -0 "$runner" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$runner" 2>/dev/null
}
trap stop EXIT

status() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true; }
deadline=$((SECONDS + limit))
essays="" page=""
while ((SECONDS < deadline)); do
  kill -0 "$runner" 2>/dev/null || break
  essays="$(status "$base/api/essays")"
  page="$(status "$base/api/essays/small-rivers/coverage")"
  [[ "$essays" == 200 && "$page" == 200 ]] && break
  sleep 1
done

if [[ "$essays" == 200 && "$page" == 200 ]]; then
  echo "smoke: scripts/run.sh --demo served /api/essays and /api/essays/small-rivers/coverage on $base"
  rm -f "$log"
  exit 0
fi
echo "smoke: FAILED: scripts/run.sh --demo did not serve both pages within ${limit} s (/api/essays: ${essays:-none}, coverage page: ${page:-none}); its output:" >&2
tail -n 40 "$log" >&2
exit 1
