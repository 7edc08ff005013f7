#!/usr/bin/env bash
# The main job on local storage: installs and starts Azurite, then `coverage run`, which collects on the
# schedule and serves the coverage pages on http://localhost:7071 (the port `func start` uses).
#   scripts/run.sh                           tracks samples/import-ai-455.json
#   scripts/run.sh --config my-sources.json  tracks your own sources file
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
npm ci --no-audit --no-fund --loglevel=error
scripts/azurite.sh start
trap 'scripts/azurite.sh stop >/dev/null' EXIT
args=("$@")
[[ " ${args[*]-} " == *" --config "* || " ${args[*]-} " == *" -c "* ]] || args+=(--config samples/import-ai-455.json)
dotnet run --project src/CoverageAggregator.Cli -c Release -- run "${args[@]}"
