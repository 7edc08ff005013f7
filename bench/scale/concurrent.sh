#!/usr/bin/env bash
# Three collectors at once on the full-size scale corpus: 0 duplicates, 0 lost. Not run by CI (the integration test
# Faults/ThreeCollectorsTests runs the same on 6 feeds x 20 items).
#   bench/scale/concurrent.sh [FEEDS]     default: 500
# Generates FEEDS x 50 items (bench/scale/generate.py), serves them from loopback, starts three `coverage collect`
# processes on one storage prefix of a private Azurite at the same moment, then exports the essay and compares it with
# the corpus's truth: stories lost, stories stored twice (a URL in two items), and the scorer's summary line.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
feeds="${1:-500}"
[ -x node_modules/.bin/azurite ] || { echo "bench: needs Azurite (npm ci)" >&2; exit 1; }
dotnet build src/CoverageAggregator.Cli -c Release -v q >/dev/null
cli="$root/src/CoverageAggregator.Cli/bin/Release/net10.0/coverage.dll"
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
source bench/private-azurite.sh
start_private_azurite "$work"
pids+=("$AZURITE_PID")
export Coverage__StoragePrefix="conc$RANDOM$RANDOM" Coverage__MaxConcurrency="${Coverage__MaxConcurrency:-16}" Coverage__MaxPerHost="${Coverage__MaxPerHost:-16}"
source bench/scale/corpus-server.sh
start_scale_corpus "$work" "$feeds"
pids+=("$SERVER_PID")

start=$(date +%s.%N)
collectors=()
for n in 1 2 3; do
  dotnet "$cli" collect --config "$work/config.json" >"$work/collect$n.log" 2>&1 &
  collectors+=($!)
done
status=0
for pid in "${collectors[@]}"; do wait "$pid" || status=$?; done
elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e-s}')
[ "$status" -eq 0 ] || echo "bench: a collector exited $status (see its log)" >&2
dotnet "$cli" export --essay signal-horizon --format json --out "$work/export.json" >/dev/null
python3 - "$corpus/truth.json" "$work/export.json" "$feeds" "$elapsed" <<'PY'
import json, sys
from collections import Counter
truth = {c["canonicalUrl"] for c in json.load(open(sys.argv[1]))["coverage"] if c["round"] == 1}
items = json.load(open(sys.argv[2]))["items"]
urls = Counter(u for i in items for u in [i["url"], *i.get("alsoAt", [])])
stored = {i["url"] for i in items}
print(f"{sys.argv[3]} feeds, three collectors at once in {sys.argv[4]} s: {len(items)} items, truth {len(truth)}; "
      f"lost {len(truth - stored)}, duplicates {sum(1 for n in urls.values() if n > 1)}, unexpected {len(stored - truth)}")
PY
python3 "$root/../shared/eval/score.py" --corpus "$corpus" --export "$work/export.json" --base "$base" | tail -1
