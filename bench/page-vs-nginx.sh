#!/usr/bin/env bash
# Benchmarks the coverage page endpoint of `coverage run` (Kestrel, served from the stored snapshot) beside nginx serving
# the same HTML as a static file, in the same run, on loopback, with wrk. Not run by CI.
#
#   bench/page-vs-nginx.sh [duration=15s] [connections=32] [threads=2]
#
# Needs: the .NET SDK, python3, Azurite on 127.0.0.1:10000-10002 (scripts/azurite.sh start), wrk and nginx
# (apt-get install -y wrk nginx). Collects the development corpus (../shared/corpus/compute-cliff-real) from the fixture
# server first, under a storage prefix of its own. Prints requests/s and p99 latency of each and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-15s}" connections="${2:-32}" threads="${3:-2}"
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "bench: needs wrk and nginx (apt-get install -y wrk nginx)" >&2; exit 1; }
scripts/azurite.sh start >/dev/null

work="$(mktemp -d "${TMPDIR:-/tmp}/page-bench.XXXXXX")"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

corpus="$(cd ../shared/corpus/compute-cliff-real && pwd)"
python3 ../shared/eval/server.py --corpus "$corpus" --port 0 --port-file "$work/fixture.port" >"$work/fixture.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/fixture.port" ] && break; sleep 0.1; done
sed "s|{{BASE}}|http://127.0.0.1:$(cat "$work/fixture.port")|g" "$corpus/corpus.json" >"$work/sources.json"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export Coverage__StoragePrefix="bench$(date +%s)" COVERAGE_STORAGE="UseDevelopmentStorage=true"
dotnet build src/CoverageAggregator.Cli -c Release -v q >/dev/null
cli=(dotnet src/CoverageAggregator.Cli/bin/Release/net10.0/coverage.dll)
"${cli[@]}" collect --config "$work/sources.json" >"$work/collect.log" 2>&1

app_port="$(free_port)"
Logging__LogLevel__Default=Warning "${cli[@]}" run --config "$work/sources.json" --urls "http://127.0.0.1:$app_port" >"$work/run.log" 2>&1 &
pids+=($!)
page="http://127.0.0.1:$app_port/api/essays/compute-cliff/coverage"
for _ in $(seq 200); do curl -fsS -o "$work/page.html" "$page" 2>/dev/null && break; sleep 0.2; done
[ -s "$work/page.html" ] || { echo "bench: the page did not answer" >&2; cat "$work/run.log" >&2; exit 1; }

nginx_port="$(free_port)"
mkdir -p "$work/nginx/html"
cp "$work/page.html" "$work/nginx/html/coverage.html"
chmod 755 "$work" && chmod -R a+rX "$work/nginx"   # nginx workers run as an unprivileged user
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx; uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/nginx/html;
    default_type "text/html; charset=utf-8";
    location / { }
  }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
for _ in $(seq 50); do curl -fsS -o /dev/null "http://127.0.0.1:$nginx_port/coverage.html" 2>/dev/null && break; sleep 0.1; done
cmp -s <(curl -fsS "http://127.0.0.1:$nginx_port/coverage.html") "$work/page.html" || { echo "bench: nginx does not serve the page" >&2; cat "$work/nginx/error.log" >&2; exit 1; }

echo "page: $(wc -c <"$work/page.html") bytes; wrk -t$threads -c$connections -d$duration --latency"
wrk -t2 -c8 -d3s "$page" >/dev/null                                  # warm-up (JIT, snapshot in memory)
wrk -t2 -c8 -d3s "http://127.0.0.1:$nginx_port/coverage.html" >/dev/null
wrk -t"$threads" -c"$connections" -d"$duration" --latency "$page" >"$work/app.txt"
wrk -t"$threads" -c"$connections" -d"$duration" --latency "http://127.0.0.1:$nginx_port/coverage.html" >"$work/nginx.txt"

python3 - "$work/app.txt" "$work/nginx.txt" <<'PY'
import re, sys
def read(path):
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p99 = re.search(r"\s99%\s+([\d.]+)(us|ms|s)", text)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return rps, float(p99.group(1)) * scale, int(errors.group(1)) if errors else 0
app, ngx = read(sys.argv[1]), read(sys.argv[2])
print(f"coverage run (Kestrel, stored snapshot): {app[0]:10.0f} req/s  p99 {app[1]:7.2f} ms  non-2xx {app[2]}")
print(f"nginx (static file):                     {ngx[0]:10.0f} req/s  p99 {ngx[1]:7.2f} ms  non-2xx {ngx[2]}")
print(f"ratio app/nginx: {app[0] / ngx[0]:.2f} of nginx's requests/s; p99 {app[1] / ngx[1]:.1f}x nginx's")
PY
