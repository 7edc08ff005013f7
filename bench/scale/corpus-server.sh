# Sourced by the scale benchmarks: generates a corpus of $2 feeds in $1/corpus (generate.py), serves it from loopback
# with the evaluation harness's fixture server and writes $1/config.json pointing at it. Sets corpus, base (the server's
# URL) and SERVER_PID.
start_scale_corpus() {
  local work="$1" feeds="$2"
  corpus="$work/corpus"
  python3 bench/scale/generate.py "$corpus" --feeds "$feeds" >/dev/null
  python3 "$(pwd)/../shared/eval/server.py" --corpus "$corpus" --port 0 --port-file "$work/port" 2>"$work/server.log" &
  SERVER_PID=$!
  for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
  [ -s "$work/port" ] || { echo "corpus-server.sh: the fixture server did not start (see $work/server.log)" >&2; return 1; }
  base="http://127.0.0.1:$(cat "$work/port")"
  sed "s#{{BASE}}#$base#g" "$corpus/corpus.json" >"$work/config.json"
}
