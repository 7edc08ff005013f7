#!/usr/bin/env bash
# Load test of the coverage page and JSON routes while a collection runs, on loopback. Not run by CI.
#
#   bench/page-load.sh [duration=60s] [connections=64] [feeds=300] [threads=2]
#
# Generates a scale corpus (bench/scale/generate.py, FEEDS x 50 items) served by ../shared/eval/server.py, starts
# `coverage run` on it with an empty store of its own (a private Azurite on free ports), so the host collects every
# feed (enqueue + queue workers) and rebuilds the snapshot as coverage arrives while wrk requests the HTML page and
# the JSON export, alternately, over CONNECTIONS connections. Prints requests/s, p50/p99 latency, the errors (socket
# errors and non-2xx/3xx answers) and how far the collection got during the load.
# Needs: the .NET SDK, python3, node_modules (npm ci: Azurite) and wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-60s}" connections="${2:-64}" feeds="${3:-300}" threads="${4:-2}"
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install -y wrk)" >&2; exit 1; }
[ -x node_modules/.bin/azurite ] || { echo "bench: needs Azurite (npm ci)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/page-load.XXXXXX")"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

source bench/private-azurite.sh
start_private_azurite "$work"
pids+=("$AZURITE_PID")

python3 bench/scale/generate.py "$work/corpus" --feeds "$feeds" >/dev/null
python3 ../shared/eval/server.py --corpus "$work/corpus" --port 0 --port-file "$work/fixture.port" >"$work/fixture.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/fixture.port" ] && break; sleep 0.1; done
sed "s|{{BASE}}|http://127.0.0.1:$(cat "$work/fixture.port")|g" "$work/corpus/corpus.json" >"$work/sources.json"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 Coverage__StoragePrefix="load$(date +%s)"
export Coverage__MaxConcurrency="${Coverage__MaxConcurrency:-16}" Coverage__MaxPerHost="${Coverage__MaxPerHost:-16}"
dotnet build src/CoverageAggregator.Cli -c Release -v q >/dev/null
app_port="$(free_port)"
Logging__LogLevel__Default=Warning dotnet src/CoverageAggregator.Cli/bin/Release/net10.0/coverage.dll \
  run --config "$work/sources.json" --urls "http://127.0.0.1:$app_port" >"$work/run.log" 2>&1 &
pids+=($!)
base="http://127.0.0.1:$app_port/api/essays/signal-horizon"
for _ in $(seq 300); do curl -fsS -o /dev/null "$base/coverage" 2>/dev/null && break; sleep 0.2; done
curl -fsS -o /dev/null "$base/coverage.json" || { echo "bench: the routes did not answer" >&2; cat "$work/run.log" >&2; exit 1; }

cat >"$work/routes.lua" <<'LUA'
local paths = { "/api/essays/signal-horizon/coverage", "/api/essays/signal-horizon/coverage.json" }
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % 2) + 1])
end
LUA
items_before=$(curl -fsS "$base/coverage.json" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
echo "collecting $feeds feeds x 50 items while wrk -t$threads -c$connections -d$duration --latency (page + JSON)"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/routes.lua" "http://127.0.0.1:$app_port" >"$work/wrk.txt"
sleep 6 # past the in-memory freshness of the snapshot
items_after=$(curl -fsS "$base/coverage.json" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')

python3 - "$work/wrk.txt" "$items_before" "$items_after" "$feeds" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def latency(pct):
    m = re.search(rf"\s{pct}%\s+([\d.]+)(us|ms|s)\b", text)
    return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
total = int(re.search(r"(\d+) requests in", text).group(1))
non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", text)) else 0
socket = sum(map(int, m.groups())) if (m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)) else 0
print(f"requests {total}  {rps:.0f} req/s  p50 {latency(50):.2f} ms  p99 {latency(99):.2f} ms  errors {non2xx + socket} (non-2xx/3xx {non2xx}, socket {socket})")
if m := re.search(r"Socket errors:.*", text):
    print(m.group(0).strip(), "(timeout: no answer within wrk's 2 s)")
print(f"coverage items on the page: {sys.argv[2]} before the load, {sys.argv[3]} after (the corpus cites the essay {sys.argv[4]} times in round 1)")
PY
echo "host log (warnings and errors):"; grep -E "warn|fail|crit|error" -i "$work/run.log" | head -5 || true
