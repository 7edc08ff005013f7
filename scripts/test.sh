#!/usr/bin/env bash
# Runs every test on a fresh machine with only the .NET 10 SDK and Node.js 20:
# installs Azurite (npm ci), starts it, runs the unit and integration tests and the smoke test of scripts/run.sh
# (scripts/smoke.sh), stops it, and prints the totals as a last line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export AZURITE_LOCATION="${AZURITE_LOCATION:-$(mktemp -d "${TMPDIR:-/tmp}/azurite.XXXXXX")}"

# The browser tests drive Debian's headless Chromium (/usr/bin/chromium) through Playwright.
command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || echo "test.sh: could not install chromium; browser tests will fail" >&2

npm ci --no-audit --no-fund --loglevel=error || { echo "test.sh: npm ci failed" >&2; exit 1; }
scripts/azurite.sh start || exit 1
trap 'scripts/azurite.sh stop >/dev/null' EXIT

# The Bicep (infra/) builds and lints offline with the Bicep CLI from NuGet, before any test runs.
scripts/bicep.sh || { echo "0 passed, 1 failed (infra/main.bicep failed bicep build or lint)"; exit 1; }

results="TestResults"
rm -rf "$results"
# Build everything first: the integration tests run the built `coverage` CLI and publish the Functions app.
dotnet build CoverageAggregator.sln -c Release || { echo "0 passed, 1 failed (build failed)"; exit 1; }

# The README's main command, started and stopped on the demo corpus (scripts/smoke.sh): counted as one test.
bash scripts/smoke.sh
smoke=$?

dotnet test CoverageAggregator.sln -c Release --no-build --logger "trx" --results-directory "$results" "$@"
status=$?
((smoke == 0)) || status=1

# dotnet test prints no single closing line that CI reads: count the TRX results.
python3 - "$results" "$smoke" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is not None:
        passed += int(counters.get("passed", 0))
        failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
        skipped += int(counters.get("notExecuted", 0))
if sys.argv[2] == "0":
    passed += 1
else:
    failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
