# Sourced by the bench scripts: starts a private Azurite (from node_modules, on free ports, data in $1/azurite),
# waits for it, exports COVERAGE_STORAGE for it and sets AZURITE_PID. A private one keeps a run's tables apart from
# everything else and its figures free of what a long-lived emulator has piled up.
start_private_azurite() {
  local work="$1" ports
  [ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error
  ports=($(python3 -c 'import socket
for _ in range(3):
    s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'))
  node_modules/.bin/azurite --silent --disableTelemetry --skipApiVersionCheck --location "$work/azurite" \
    --blobHost 127.0.0.1 --blobPort "${ports[0]}" --queueHost 127.0.0.1 --queuePort "${ports[1]}" \
    --tableHost 127.0.0.1 --tablePort "${ports[2]}" >/dev/null 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/${ports[2]}") 2>/dev/null && break; sleep 0.2; done
  (exec 3<>"/dev/tcp/127.0.0.1/${ports[2]}") 2>/dev/null || { echo "private-azurite.sh: Azurite did not start" >&2; return 1; }
  export COVERAGE_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:${ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${ports[1]}/devstoreaccount1;TableEndpoint=http://127.0.0.1:${ports[2]}/devstoreaccount1;"
}
