#!/usr/bin/env bash
# Round 1 and round 2 in one long-lived `coverage run`, the queue path the Functions app runs (a message, a state read and
# a state write per source, page rebuilds spaced by Coverage:SnapshotIntervalSeconds), timed from its log.
#   bench/scale/hosted.sh [FEEDS]     default: 500
# Round 1 is the run's first collection (every source due); after it the server switches to round 2 and, once the
# sources are due again (Coverage:SourceIntervalMinutes=1), an admin "collect now" starts round 2. Uses the CLI that
# bench/scale/run.sh publishes (or SCALE_CLI); the cron is set a year out so only the admin route starts round 2.
set -euo pipefail
cd "$(dirname "$0")/../.."
shared="$PWD/../shared"; feeds="${1:-500}"
cli="${SCALE_CLI:-$PWD/artifacts/bench-cli/coverage}"
[ -x "$cli" ] || { echo "hosted.sh: no CLI at $cli: run bench/scale/run.sh first (it publishes one), or set SCALE_CLI" >&2; exit 1; }
source bench/private-azurite.sh
source bench/scale/corpus-server.sh
work=$(mktemp -d)
start_private_azurite "$work"; azurite=$AZURITE_PID
start_scale_corpus "$work" "$feeds"; server=$SERVER_PID
export Coverage__MaxConcurrency="${Coverage__MaxConcurrency:-16}" Coverage__MaxPerHost="${Coverage__MaxPerHost:-16}"
export Coverage__StoragePrefix="hosted$RANDOM" Coverage__SourceIntervalMinutes=1 Coverage__PollSchedule="0 0 0 1 1 *" Coverage__Admin__ApiKey="bench-$RANDOM"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
now() { date +%s.%N; }
lines() { grep -c ' collection: ' "$work/run.log" || true; }
wait_lines() { for _ in $(seq 6000); do [ "$(lines)" -ge "$1" ] && return 0; sleep 0.05; done; echo "hosted.sh: no collection line $1 in 5 min" >&2; return 1; }
t0=$(now)
"$cli" run --config "$work/config.json" --urls "http://127.0.0.1:$port" >"$work/run.log" 2>&1 &
run=$!
trap 'kill $run $server $azurite 2>/dev/null || true; rm -rf "$work"' EXIT
wait_lines 1; t1=$(now)
curl -fsS -X POST "$base/__control/round/2" >/dev/null
while [ "$(echo "$(now) < $t1 + 61" | bc)" = 1 ]; do sleep 0.2; done # every source due again
before=$(lines); t2=$(now)
curl -fsS -X POST -H "X-Api-Key: $Coverage__Admin__ApiKey" "http://127.0.0.1:$port/api/admin/collect" >/dev/null
wait_lines $((before + 1)); t3=$(now)
"$cli" export --essay signal-horizon --format json --out "$work/export.json" >/dev/null
summary=$(python3 "$shared/eval/score.py" --corpus "$corpus" --export "$work/export.json" --base "$base" | tail -1)
grep ' collection: ' "$work/run.log"
awk -v f="$feeds" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v s="$summary" \
  'BEGIN{printf "%s feeds: hosted round 1 %.2f s (process start included), round 2 %.2f s (%.1f%%)   %s\n", f, b-a, d-c, 100*(d-c)/(b-a), s}'
