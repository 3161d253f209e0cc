#!/usr/bin/env bash
# Benchmark (not a test): how long 'kubeyard plan' takes as the workers grow. Writes a spec per size from
# the example (its Windows node dropped, N Linux workers on 10.20.0.0/16, pods on 172.16.0.0/12) into a temporary folder, plans
# it twice (the first issues every key, the second is a re-plan that keeps them) and prints the seconds.
# Usage: lab/plan-scale.sh [N...]   (default: 10 100 1000); KEYS=ecdsa-p256 plans with ECDSA keys instead of
# the example's RSA-2048
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10 100 1000}")
[ $# -gt 0 ] || sizes=(10 100 1000)
work=$(mktemp -d /tmp/kubeyard-plan-scale.XXXXXX)
trap 'rm -rf "$work"' EXIT
export KUBEYARD_PKI_PASSPHRASE=plan-scale-benchmark-only
./kubeyard --version >/dev/null
for n in "${sizes[@]}"; do
  python3 - "$n" > "$work/cluster-$n.yaml" <<'PY'
import sys
n = int(sys.argv[1])
lines = open("resources/examples/cluster.yaml").read().split("\n")
out, skip = [], False
for l in lines:
    if l.startswith("  - name: win1"):
        skip = True
        continue
    if skip and (l.startswith("  - name:") or not l.startswith("    ")):
        skip = False
    if not skip:
        out.append(l)
text = "\n".join(out)
workers = "".join(f"  - name: w{i}\n    address: 10.20.{i // 250}.{i % 250 + 1}\n    roles: [node]\n" for i in range(n))
import os
text = text.replace("keyAlgorithm: rsa-2048", "keyAlgorithm: " + os.environ.get("KEYS", "rsa-2048"))
text = text.replace("clusterCidr: 172.20.0.0/16", "clusterCidr: 172.16.0.0/12")  # a /24 per node: room for 4,096
print(text.replace("\napps:", "\n" + workers + "\napps:", 1).replace("  - name: win1", ""))
PY
  for run in first again; do
    s=$(date +%s.%N)
    ./kubeyard plan -f "$work/cluster-$n.yaml" -o "$work/plan-$n" > "$work/plan-$n-$run.log" 2>&1 || { echo "plan of $n workers failed:"; tail -5 "$work/plan-$n-$run.log"; exit 1; }
    awk -v a="$s" -v b="$(date +%s.%N)" -v n="$n" -v r="$run" -v k="${KEYS:-rsa-2048}" 'BEGIN { printf "%5d workers, %s keys, %-5s plan: %6.1f s\n", n, k, r, b - a }'
  done
done
