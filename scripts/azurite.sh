#!/usr/bin/env bash
# Starts or stops the pinned Azurite (package.json) on 127.0.0.1:10000-10002.
#   scripts/azurite.sh start   installs it if needed, starts it in the background, waits until it answers
#   scripts/azurite.sh stop    stops the instance this script started (by PID)
# Data lives in .azurite/ (AZURITE_LOCATION overrides). --disableTelemetry makes it exit on SIGTERM;
# --skipApiVersionCheck lets the Queues SDK's newer API version through.
set -euo pipefail
cd "$(dirname "$0")/.."
location="${AZURITE_LOCATION:-.azurite}"
pidfile="$location/azurite.pid"

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "${1:-}" in
  start)
    if answers 10002 && answers 10001; then
      echo "azurite: already listening on 127.0.0.1:10000-10002"
      exit 0
    fi
    [ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error
    mkdir -p "$location"
    node_modules/.bin/azurite --silent --disableTelemetry --skipApiVersionCheck --location "$location" \
      --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >"$location/azurite.log" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 100); do
      if answers 10000 && answers 10001 && answers 10002; then
        echo "azurite: started (pid $(cat "$pidfile"))"
        exit 0
      fi
      kill -0 "$(cat "$pidfile")" 2>/dev/null || { echo "azurite: exited: $(cat "$location/azurite.log")" >&2; exit 1; }
      sleep 0.2
    done
    echo "azurite: did not answer within 20 s" >&2
    exit 1
    ;;
  stop)
    if [ -f "$pidfile" ]; then
      pid=$(cat "$pidfile")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$pidfile"
      echo "azurite: stopped"
    fi
    ;;
  *)
    echo "usage: scripts/azurite.sh start|stop" >&2
    exit 2
    ;;
esac
