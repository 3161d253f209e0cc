#!/usr/bin/env bash
# Builds the harness (once per Elasticsearch version; rebuilt only when sources change) and starts
# one node in the background, waiting until /_cluster/health answers (yellow, for a single node).
#
#   run-es.sh start [harness options...]   e.g. --home /tmp/es1 --http-port 19200 --transport-port 19300
#   run-es.sh stop                          SIGTERM to the pid in ES_PID_FILE, waits for a clean exit
#   run-es.sh build                         only build
#
# Environment: ES_VERSION (7.17.29), ES_HEAP (512m), ES_PID_FILE (<home>/es.pid or ./es.pid),
# ES_LOG_FILE (<pid file>.log), ES_START_TIMEOUT seconds (120), ES_JAVA_OPTS (extra JVM options, e.g.
# -XX:TieredStopAtLevel=1 for a quicker start on a busy machine). Harness options: see
# `java -cp ... dev.kubeyard.esharness.Main --help` (NodeOptions.java); ES_* variables work too.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${ES_VERSION:-7.17.29}"
out="$here/target/es-$version"
jar="$out/es-harness.jar"

build() {
  if [[ -f "$jar" ]] && [[ -z "$(find "$here/src" "$here/pom.xml" -newer "$jar" -print -quit)" ]]; then
    return 0
  fi
  echo "es-harness: building for Elasticsearch $version" >&2
  mvn -q -B -f "$here/pom.xml" -Des.version="$version" package >&2
  touch "$jar"
}

# The value after a named option, if the caller passed it.
arg_value() {
  local name="$1"; shift
  while (($#)); do
    if [[ "$1" == "$name" && $# -gt 1 ]]; then echo "$2"; return; fi
    shift
  done
}

http_code() {
  if command -v curl >/dev/null; then
    curl -s -o /dev/null -m 2 -w '%{http_code}' "$1" || true
  else
    python3 - "$1" <<'PY' || echo 000
import sys, urllib.request, urllib.error
try:
    print(urllib.request.urlopen(sys.argv[1], timeout=2).status)
except urllib.error.HTTPError as e:
    print(e.code)
PY
  fi
}

start() {
  build
  local home port seeds
  home="$(arg_value --home "$@")"; home="${home:-${ES_HOME:-$PWD/es-home}}"
  port="$(arg_value --http-port "$@")"; port="${port:-${ES_HTTP_PORT:-9200}}"
  seeds="$(arg_value --seed-hosts "$@")"; seeds="${seeds:-${ES_SEED_HOSTS:-}}"
  mkdir -p "$home/tmp"
  local pid_file="${ES_PID_FILE:-$home/es.pid}"
  local log_file="${ES_LOG_FILE:-$pid_file.log}"
  local heap="${ES_HEAP:-512m}"
  # shellcheck disable=SC2086
  nohup java -Xms"$heap" -Xmx"$heap" ${ES_JAVA_OPTS:-} -Dlog4j2.formatMsgNoLookups=true -Dfile.encoding=UTF-8 \
    -Djava.io.tmpdir="$home/tmp" -cp "$jar:$out/lib/*" dev.kubeyard.esharness.Main \
    --home "$home" "$@" >"$log_file" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$pid_file"
  local deadline=$((SECONDS + ${ES_START_TIMEOUT:-120}))
  # A single node waits for yellow (its indices recovered, so searches work); a node of a multi-node
  # cluster answers 503 until a master is elected, so there any answer counts.
  local want='^200$' health="_cluster/health?wait_for_status=yellow&timeout=1s"
  [[ -n "$seeds" ]] && want='^[1-5][0-9][0-9]$' health="_cluster/health"
  until [[ "$(http_code "http://127.0.0.1:$port/$health")" =~ $want ]]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pid_file" # a later stop must never signal whatever process reuses this pid
      echo "es-harness: node exited during start; last log lines ($log_file):" >&2
      tail -n 30 "$log_file" >&2
      exit 1
    fi
    if ((SECONDS > deadline)); then
      echo "es-harness: no answer on 127.0.0.1:$port within ${ES_START_TIMEOUT:-120}s; see $log_file" >&2
      kill "$pid" 2>/dev/null || true
      exit 1
    fi
    sleep 0.5
  done
  grep -m1 'es-harness started' "$log_file" || true
  echo "es-harness: pid $pid (in $pid_file), log $log_file"
}

stop() {
  local pid_file="${ES_PID_FILE:-${ES_HOME:-$PWD/es-home}/es.pid}"
  [[ -f "$pid_file" ]] || { echo "es-harness: no pid file $pid_file" >&2; return 0; }
  local pid; pid="$(cat "$pid_file")"
  # pids are reused (pid_max is 32768 here): signal it only while it is still this harness node
  if ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "dev.kubeyard.esharness.Main"; then
    echo "es-harness: pid $pid in $pid_file is not a harness node (any more); removing the stale file" >&2
    rm -f "$pid_file"
    return 0
  fi
  if kill -TERM "$pid" 2>/dev/null; then
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && { echo "es-harness: $pid ignored SIGTERM, killing" >&2; kill -KILL "$pid"; }
  fi
  rm -f "$pid_file"
}

cmd="${1:-start}"; shift || true
case "$cmd" in
  build) build ;;
  start) start "$@" ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop|build [harness options]" >&2; exit 2 ;;
esac
