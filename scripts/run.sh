#!/usr/bin/env bash
# The main job on local storage: starts Azurite (installing it with npm ci the first time), then `coverage run`, which collects on the
# schedule and serves the coverage pages on http://localhost:7071 (the port `func start` uses).
#   scripts/run.sh                           tracks samples/import-ai-455.json
#   scripts/run.sh --config my-sources.json  tracks your own sources file (a relative path is taken from where you are)
#   scripts/run.sh --demo                    tracks the demo corpus (samples/demo), served from 127.0.0.1: no network,
#                                            no credentials; prints the page, digest and export links
# Any other option goes to `coverage run` (e.g. --urls http://127.0.0.1:8080). Works from any folder.
set -euo pipefail
caller="$PWD"
root="$(cd "$(dirname "$0")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

demo=false
args=()
for arg in "$@"; do
  if [[ "$arg" == "--demo" ]]; then demo=true; else args+=("$arg"); fi
done

azurite="$("$root/scripts/azurite.sh" start)"
echo "$azurite"
work="$(mktemp -d "${TMPDIR:-/tmp}/coverage-run.XXXXXX")"
fixtures=""
cleanup() {
  [[ -n "$fixtures" ]] && kill "$fixtures" 2>/dev/null || true
  rm -rf "$work"
  # Stop Azurite only when this script started it (another one may be serving someone else).
  [[ "$azurite" == *started* ]] && "$root/scripts/azurite.sh" stop >/dev/null || true
}
trap cleanup EXIT

coverage=(dotnet run --project "$root/src/CoverageAggregator.Cli" -c Release --no-build --)
dotnet build "$root/src/CoverageAggregator.Cli" -c Release -v q -nologo

if $demo; then
  # The demo corpus, served from loopback by a Node.js script (Node is already needed for Azurite).
  node "$root/scripts/fixture-server.mjs" --corpus "$root/samples/demo" --port 0 --port-file "$work/port" >"$work/fixtures.log" 2>&1 &
  fixtures=$!
  for _ in $(seq 100); do [[ -s "$work/port" ]] && break; sleep 0.1; done
  [[ -s "$work/port" ]] || { echo "run.sh: the demo fixture server did not start: $(cat "$work/fixtures.log")" >&2; exit 1; }
  sed "s#{{BASE}}#http://127.0.0.1:$(cat "$work/port")#g" "$root/samples/demo/corpus.json" >"$work/demo-sources.json"
  urls="http://localhost:7071"
  for ((i = 0; i < ${#args[@]}; i++)); do [[ "${args[$i]}" == "--urls" ]] && urls="${args[$((i + 1))]:-$urls}"; done
  urls="${urls%/}"
  # Own tables (prefix "demo"), and a digest built within seconds instead of at 08:00.
  export Coverage__StoragePrefix=demo Coverage__Digest__Time=00:00 Coverage__Digest__CheckSchedule="*/10 * * * * *" \
    Coverage__Digest__WhenEmpty=send Coverage__Digest__BaseUrl="$urls"
  (cd "$caller" && "${coverage[@]}" collect --config "$work/demo-sources.json")
  essay="$urls/api/essays/small-rivers"
  cat <<EOF

demo: the essay "Why Small Rivers Matter" and its coverage, collected from the demo corpus (samples/demo)
  page      $essay/coverage
  digest    $essay/digest/$(date -u +%F)   (built within 10 s of the start)
  exports   $essay/coverage.json  $essay/coverage.atom  $essay/coverage.csv
  sources   $urls/api/status

EOF
  args+=(--config "$work/demo-sources.json")
elif [[ " ${args[*]-} " != *" --config "* && " ${args[*]-} " != *" -c "* ]]; then
  args+=(--config "$root/samples/import-ai-455.json")
fi

# Started from the caller's folder, so a relative --config is the caller's file.
cd "$caller"
"${coverage[@]}" run "${args[@]}"
