#!/usr/bin/env bash
# End-to-end collection benchmark on a generated corpus served from loopback by ../shared/eval/server.py.
#   bench/scale/run.sh [FEEDS ...]     default: 500
# For each size: generate FEEDS x 50 items (the real web's shape: generate.py), measure the bare-fetch floor (floor.py:
# a small concurrent client fetching the feeds and the pages that must be fetched), collect round 1 (cold), switch
# the server to round 2 (5% of feeds changed), collect again, and print wall times, round 1 as a multiple of the
# floor, peak RSS (GNU time), items/s, a hash of the export (identical across runs when collection is
# deterministic) and the scorer's summary line. start_s is what a fresh process pays with no source at all: a collect of
# the same essays on round 2's stored state with the sources taken out of the file (process start, settings and
# storage checks, the essay's page read, the page rebuild); r2 work is round 2 less that, as a share of round 1.
# Each size gets a private Azurite (from node_modules, on free ports, empty data folder): a shared, long-lived one
# slows down as earlier runs' tables pile up in its in-memory database, which skews the figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
shared="$root/../shared"
# The CLI as it would be installed to run a fresh process each cycle: published self-contained for this machine, the
# app and the framework precompiled together (composite ReadyToRun, see the CLI's project file; ~2 min to publish).
# SCALE_CLI=path/to/coverage.dll (or an apphost) measures another build instead (e.g. the plain `dotnet build` output).
cli="${SCALE_CLI:-$root/artifacts/bench-cli/coverage}"
if [ -z "${SCALE_CLI:-}" ]; then
  rm -rf "$root/artifacts/bench-cli"
  # MSBuild writes its errors to standard output: shown when the publish fails, rather than a silent exit.
  publish_log=$(mktemp)
  dotnet publish src/CoverageAggregator.Cli -c Release -r linux-x64 --self-contained -o "$root/artifacts/bench-cli" -v q >"$publish_log" \
    || { cat "$publish_log" >&2; exit 1; }
  rm -f "$publish_log"
fi
if [[ $cli == *.dll ]]; then coverage=(dotnet "$cli"); else coverage=("$cli"); fi
command -v /usr/bin/time >/dev/null || apt-get install -y time >/dev/null
source bench/private-azurite.sh
source bench/scale/corpus-server.sh
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(500)
export Coverage__MaxConcurrency="${Coverage__MaxConcurrency:-16}" Coverage__MaxPerHost="${Coverage__MaxPerHost:-16}"
printf "%6s %8s %8s %8s %8s %8s %8s %8s %8s %8s %10s %12s\n" feeds items floor_s r1_s r1/floor r2_s r2/r1 start_s "r2 work" peak_MB items/s export
for feeds in "${sizes[@]}"; do
  work=$(mktemp -d)
  start_private_azurite "$work"; azurite=$AZURITE_PID
  start_scale_corpus "$work" "$feeds"; server=$SERVER_PID
  read -r floor _ <<<"$(python3 bench/scale/floor.py "$corpus" "$base" --concurrency "$Coverage__MaxConcurrency")"
  export Coverage__StoragePrefix="bench$RANDOM$RANDOM"
  /usr/bin/time -f "%e %M %U %S" -o "$work/r1.time" "${coverage[@]}" collect --config "$work/config.json" >"$work/r1.log" 2>&1
  curl -fsS -X POST "$base/__control/round/2" >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/r2.time" "${coverage[@]}" collect --config "$work/config.json" >"$work/r2.log" 2>&1
  python3 -c 'import json,sys
c=json.load(open(sys.argv[1])); c["feeds"]=[]; c["social"]=[]; json.dump(c,open(sys.argv[2],"w"))' "$work/config.json" "$work/no-sources.json"
  /usr/bin/time -f "%e" -o "$work/start.time" "${coverage[@]}" collect --config "$work/no-sources.json" >"$work/start.log" 2>&1
  "${coverage[@]}" export --essay signal-horizon --format json --out "$work/export.json" >/dev/null
  summary=$(python3 "$shared/eval/score.py" --corpus "$corpus" --export "$work/export.json" --base "$base" | tail -1)
  digest=$(python3 -c 'import json,sys,hashlib
items=json.load(open(sys.argv[1]))["items"]
keep=[{k:v for k,v in i.items() if k not in ("firstSeenAt",)} for i in items]
keep=[dict(i, alsoAt=sorted(i.get("alsoAt") or []), quotes=sorted(i.get("quotes") or [])) for i in keep]
text=json.dumps(sorted(keep, key=lambda i: i["url"]), sort_keys=True).replace(sys.argv[2], "{{BASE}}")
print(hashlib.sha256(text.encode()).hexdigest()[:12])' "$work/export.json" "$base")
  kill $server $azurite; wait $server $azurite 2>/dev/null || true
  read -r r1 m1 u1 s1 <"$work/r1.time"; read -r r2 m2 <"$work/r2.time"; read -r start <"$work/start.time"; echo "round 1 CPU: user ${u1}s sys ${s1}s" >&2
  items=$((feeds * 50))
  peak=$(( (m1 > m2 ? m1 : m2) / 1024 ))
  printf "%6s %8s %8s %8s %8s %8s %8s %8s %8s %8s %10s %12s   %s\n" "$feeds" "$items" "$floor" "$r1" \
    "$(awk -v a="$r1" -v b="$floor" 'BEGIN{printf "%.2fx", a/b}')" "$r2" \
    "$(awk -v a="$r2" -v b="$r1" 'BEGIN{printf "%.1f%%", 100*a/b}')" "$start" \
    "$(awk -v a="$r2" -v s="$start" -v b="$r1" 'BEGIN{printf "%.1f%%", 100*(a-s)/b}')" \
    "$peak" "$(awk -v n="$items" -v t="$r1" 'BEGIN{printf "%.0f", n/t}')" "$digest" "$summary"
  rm -rf "$work"
done
