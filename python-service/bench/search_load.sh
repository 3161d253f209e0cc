#!/usr/bin/env bash
# Load on /api/search with the real Elasticsearch behind it, and the same query sent to ES
# directly, so the gateway's overhead shows. Everything on 127.0.0.1; each run is bounded.
#   python-service/bench/search_load.sh            (DURATION=15s WARMUP=5s CONNECTIONS=8 THREADS=2 DOCS=5000)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$here/.." && pwd)"
cd "$here"
duration="${DURATION:-15s}" warmup="${WARMUP:-5s}" connections="${CONNECTIONS:-8}" threads="${THREADS:-2}" docs="${DOCS:-5000}"
query="kubernetes upgrade"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[[ -x .venv/bin/python ]] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt  # a no-op when up to date
port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

work="$(mktemp -d /tmp/gateway-bench.XXXXXX)"
es_port="$(port)" app_port="$(port)" app_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  ES_HOME="$work/es" ES_PID_FILE="$work/es/es.pid" "$repo/tools/es-harness/run-es.sh" stop || true
  rm -rf "$work"
}
trap cleanup EXIT
ES_HOME="$work/es" ES_PID_FILE="$work/es/es.pid" "$repo/tools/es-harness/run-es.sh" start --home "$work/es" \
  --http-port "$es_port" --transport-port "$(port)" --name bench >/dev/null

.venv/bin/python -m bench.seed "http://127.0.0.1:$es_port" bench "$docs" "$query" "$work/es-search.lua"
ENVIRONMENT=test LOG_LEVEL=WARNING ELASTICSEARCH_URL="http://127.0.0.1:$es_port" ELASTICSEARCH_INDEX_PREFIX=bench \
  .venv/bin/python -m uvicorn --factory app.main:create_app --host 127.0.0.1 --port "$app_port" \
  --no-access-log --log-level warning &
app_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$app_port/healthz" >/dev/null && break; sleep 0.5; done

run() {  # name, wrk args...; prints "name req/s p50 p99"
  local name="$1"; shift
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" >"$work/${name//\//_}.txt"
  awk -v n="$name" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    /Non-2xx/ {bad=$NF} END {printf "%-22s %10s %10s %10s %s\n", n, rps, p50, p99, (bad ? "non-2xx: " bad : "")}' "$work/${name//\//_}.txt"
}
q="$(.venv/bin/python -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")"
echo "docs=$docs duration=$duration warmup=$warmup connections=$connections threads=$threads query='$query'"
echo "machine: $(nproc) cores shared by wrk, the gateway and Elasticsearch; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
.venv/bin/python - "http://127.0.0.1:$es_port" "$query" <<'PY'
import json, sys, urllib.request
body = json.dumps({"query": {"simple_query_string": {"query": sys.argv[2], "default_operator": "and"}}, "size": 0})
req = urllib.request.Request(sys.argv[1] + "/bench-documents/_search", body.encode(), {"Content-Type": "application/json"})
print("matching documents:", json.load(urllib.request.urlopen(req))["hits"]["total"]["value"])
PY
# Unmeasured load on both first: a freshly started ES is still JIT-compiling, and whichever target
# ran first against it (the gateway) paid for that.
wrk -t"$threads" -c"$connections" -d"$warmup" "http://127.0.0.1:$app_port/api/search?q=$q" >/dev/null
wrk -t"$threads" -c"$connections" -d"$warmup" -s "$work/es-search.lua" \
  "http://127.0.0.1:$es_port/bench-documents,bench-gitlab/_search?ignore_unavailable=true" >/dev/null
printf "%-22s %10s %10s %10s\n" target "req/s" p50 p99
# The gateway's CPU per request (user+system ticks of its process) moves far less with the load of
# a shared machine than req/s and p99 do: the number to compare changes by (bench/README.md).
ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
before="$(ticks)"
run gateway-/api/search "http://127.0.0.1:$app_port/api/search?q=$q"
awk -v t="$(( $(ticks) - before ))" -v hz="$(getconf CLK_TCK)" '/requests in/ {n=$1}
  END {printf "%-22s %s ms CPU per request\n", "gateway-process", (n ? sprintf("%.2f", t * 1000 / hz / n) : "?")}' \
  "$work/gateway-_api_search.txt"
run elasticsearch-direct -s "$work/es-search.lua" "http://127.0.0.1:$es_port/bench-documents,bench-gitlab/_search?ignore_unavailable=true"
