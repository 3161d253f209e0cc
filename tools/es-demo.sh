#!/usr/bin/env bash
# Demonstration (not run by CI): the `kubeyard es` commands against 3 local harness nodes, with the
# orchestrator's process killed (SIGKILL) while the second node restarts, then resumed.
#   tools/es-demo.sh [DIR] [BASE_PORT]     defaults: a new /tmp/kubeyard-es-demo.XXXX, 19400
# The nodes are stopped at the end; DIR keeps their data and logs.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
dir="${1:-$(mktemp -d /tmp/kubeyard-es-demo.XXXX)}"
base="${2:-19400}"
nodes="$dir/nodes.json"
ky() { echo "\$ kubeyard $*" >&2; ./kubeyard "$@"; }
stop_all() {
  for n in n1 n2 n3; do
    ES_HOME="$dir/$n" ES_PID_FILE="$dir/$n/es.pid" tools/es-harness/run-es.sh stop || true
  done
}
trap stop_all EXIT
for v in 7.17.28 7.17.29; do ES_VERSION="$v" tools/es-harness/run-es.sh build; done

ky es deploy --local-nodes "$nodes" --version 7.17.28 --base-port "$base"
log="$dir/update.log"
echo "\$ kubeyard es update --local-nodes $nodes --version 7.17.29   (killed with SIGKILL at the second stop)" >&2
./kubeyard es update --local-nodes "$nodes" --version 7.17.29 >"$log" 2>&1 &
launcher=$!
until [[ "$(grep -c 'stopped in' "$log" || true)" -ge 2 ]]; do
  kill -0 "$launcher" 2>/dev/null || { cat "$log"; echo "the update ended before the second stop" >&2; exit 1; }
  sleep 0.2
done
kill -KILL "$launcher" # the launcher exec'ed the JVM: this is the orchestrator's process
wait "$launcher" || true
cat "$log"
echo "(orchestrator killed)"
ky es status --local-nodes "$nodes"
ky es update --local-nodes "$nodes" --resume
ky es rollback --local-nodes "$nodes" || echo "(exit $?: refused, as it must be)"
ky es update --local-nodes "$nodes" --heap 300m -E indices.memory.index_buffer_size=15%
ky es rollback --local-nodes "$nodes"
ky es snapshot list --local-nodes "$nodes"
ky es status --local-nodes "$nodes"
