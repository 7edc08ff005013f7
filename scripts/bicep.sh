#!/usr/bin/env bash
# Builds and lints infra/main.bicep offline with the Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64,
# restored by infra/tools/BicepCli.proj). Lint fails on the rules infra/bicepconfig.json sets to "error".
set -uo pipefail
cd "$(dirname "$0")/.."

project=infra/tools/BicepCli.proj
version=$(sed -n 's:.*<BicepVersion>\(.*\)</BicepVersion>.*:\1:p' "$project")
bicep="${NUGET_PACKAGES:-$HOME/.nuget/packages}/azure.bicep.commandline.linux-x64/$version/tools/bicep"

dotnet restore "$project" --nologo --verbosity quiet \
  || { echo "bicep.sh: could not restore the Bicep CLI $version from NuGet ($project)" >&2; exit 1; }
[ -f "$bicep" ] || { echo "bicep.sh: the Bicep CLI is not at $bicep after restore" >&2; exit 1; }
[ -x "$bicep" ] || chmod +x "$bicep"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bicep" build infra/main.bicep --outfile "$out/main.json" \
  || { echo "bicep.sh: infra/main.bicep does not build (Bicep $version); the errors are above" >&2; exit 1; }
"$bicep" lint infra/main.bicep \
  || { echo "bicep.sh: infra/main.bicep fails lint (rules set to error in infra/bicepconfig.json); the errors are above" >&2; exit 1; }
echo "bicep.sh: infra/main.bicep builds and lints clean (Bicep $version)"
