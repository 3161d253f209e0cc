#!/usr/bin/env bash
# One entry point for CI and developers: venv + pinned dependencies, a real Elasticsearch node
# (tools/es-harness, Maven, cached) on random loopback ports, then pytest. Stops the node on exit.
#   python-service/run-tests.sh [pytest args...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
cd "$here"

need_apt=()
command -v java >/dev/null || need_apt+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need_apt+=(maven)
if ((${#need_apt[@]})); then
  echo "run-tests: installing ${need_apt[*]} from Debian" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

python="${PYTHON:-}"
for candidate in python3.11 python3; do
  [[ -n "$python" ]] && break
  command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] < (3, 11))' \
    && python="$candidate"
done
[[ -n "$python" ]] || { echo "run-tests: Python 3.11+ is needed" >&2; exit 1; }

# A real Elasticsearch 7.17 node on free loopback ports, stopped whatever happens.
es_home="$(mktemp -d /tmp/gateway-es.XXXXXX)"
free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export GATEWAY_TEST_ES_HOME="$es_home" GATEWAY_TEST_ES_HTTP_PORT="$(free_port)" GATEWAY_TEST_ES_TRANSPORT_PORT="$(free_port)"
es_starter=""
cleanup() {
  [[ -n "$es_starter" ]] && { wait "$es_starter" 2>/dev/null || true; }  # never leave a half-started node
  ES_HOME="$es_home" ES_PID_FILE="$es_home/es.pid" "$repo/tools/es-harness/run-es.sh" stop || true
  rm -rf "$es_home"
}
trap cleanup EXIT
# Built and started in the background while pip installs: the two together take most of the time.
ES_HOME="$es_home" ES_PID_FILE="$es_home/es.pid" "$repo/tools/es-harness/run-es.sh" start --home "$es_home" \
  --http-port "$GATEWAY_TEST_ES_HTTP_PORT" --transport-port "$GATEWAY_TEST_ES_TRANSPORT_PORT" --name gateway-test \
  >"$es_home/start.log" 2>&1 &
es_starter=$!

# Dependencies: reinstalled only when a requirements file changed.
stamp=".venv/.requirements.sha256"
want="$(cat requirements.txt requirements-dev.txt requirements-k8s-1.14-schemas.txt | sha256sum | cut -d' ' -f1)"
if [[ ! -x .venv/bin/python || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  "$python" -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
  schemas=.venv/k8s-schemas
  rm -rf "$schemas" && mkdir -p "$schemas/download"
  .venv/bin/python -m pip download -q --disable-pip-version-check --no-deps --no-binary :all: \
    --require-hashes -r requirements-k8s-1.14-schemas.txt -d "$schemas/download"
  tar -xzf "$schemas"/download/kubernetes-validate-1.22.3.tar.gz -C "$schemas" --strip-components=4 \
    kubernetes-validate-1.22.3/src/kubernetes_validate/kubernetes-json-schema/v1.14.0-local-strict
  echo "$want" >"$stamp"
fi

if ! wait "$es_starter"; then
  echo "run-tests: Elasticsearch did not start:" >&2; cat "$es_home/start.log" >&2; exit 1
fi
cat "$es_home/start.log"

export K8S_114_SCHEMAS="$here/.venv/k8s-schemas/v1.14.0-local-strict"
# the JUnit XML is read by scripts/skip-gate (CI fails on a skip that is not allowed)
mkdir -p target
.venv/bin/python -m pytest -p no:cacheprovider --durations=8 --junitxml=target/pytest-junit.xml "$@"
