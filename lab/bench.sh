#!/usr/bin/env bash
# Benchmark on the local lab (not a test): prints how long 'lab up', a full 'kubeyard apply', a no-op
# re-apply (with the hosts' ledger, then with --verify), 'kubeyard diff' and 'lab down' take, and the longest gap in API answers through the VIP while haproxy on the
# LB holding the VIP, one kube-apiserver and one etcd member are stopped in turn. Uses its own lab (name "bench", 10.213.54.0/24) and removes it on exit.
# The install needs the offline bundle (binaries); without it the apply fails and the script says so.
set -uo pipefail
cd "$(dirname "$0")/.."
name=bench subnet=10.213.54 home=/var/lib/kubeyard/lab
spec="$home/$name/cluster.yaml" plan="$home/$name/kubeyard-plan"
trap './kubeyard lab down --name $name --subnet $subnet >/dev/null 2>&1' EXIT

# runs "$@" with its output in /tmp/kubeyard-bench-<subcommand>-<start time>.log; prints "<seconds> <exit code>"
secs() {
  local s; s=$(date +%s.%N); "$@" > "/tmp/kubeyard-bench-$2-${s%.*}.log" 2>&1; local rc=$?
  awk -v a="$s" -v b="$(date +%s.%N)" -v rc=$rc 'BEGIN { printf "%.1f %d\n", b - a, rc }'
}

./kubeyard --version >/dev/null # builds the CLI first if its sources changed, so no timing includes a build
read -r t rc < <(secs ./kubeyard lab up --name $name --subnet $subnet)
echo "lab up:            ${t}s (exit $rc)"
[ "$rc" = 0 ] || exit 1
read -r t rc < <(secs ./kubeyard apply -f "$spec")
echo "install (apply):   ${t}s (exit $rc)"
if [ "$rc" != 0 ]; then
  echo "install failed; see /tmp/kubeyard-bench-apply-*.log and $plan/logs (no-op and failover not measured)"
  exit 1
fi
read -r t rc < <(secs ./kubeyard apply -f "$spec")
echo "no-op re-apply:    ${t}s (exit $rc)"
read -r t rc < <(secs ./kubeyard apply --verify -f "$spec")
echo "no-op re-apply --verify (every file hashed): ${t}s (exit $rc)"
read -r t rc < <(secs ./kubeyard diff -f "$spec")
echo "diff (nothing to change expected): ${t}s (exit $rc)"

# failover: poll /readyz through the VIP every 100 ms (curl with the admin certificate, CA checked) while
# one component is stopped; print the longest gap between answers and the failed requests
vip=$(awk '/vip:/ {print $2}' "$spec")
addr() { awk -v h="$1" '$0 ~ "name: "h"$" {getline; print $2}' "$spec"; }
on() { ssh -i "$home/$name/id_ed25519" -o UserKnownHostsFile="$home/$name/known_hosts" -o BatchMode=yes "root@$(addr "$1")" "$2"; }
readyz() { curl -s --max-time 1 --cacert "$plan/pki/ca.pem" --cert "$plan/pki/admin.pem" --key "$plan/pki/admin-key.pem" "https://$vip:8443/readyz"; }
# probe SECONDS HOST COMMAND: runs COMMAND on HOST after 3 s, then keeps polling; prints "gap_ms failed total"
probe() {
  local last now gap worst=0 failed=0 total=0 end=$(( $(date +%s) + $1 )) done=no start=$(date +%s)
  last=$(date +%s%N)
  while [ "$(date +%s)" -lt "$end" ]; do
    total=$((total + 1))
    if [ "$(readyz 2>/dev/null)" = ok ]; then
      now=$(date +%s%N); gap=$(( (now - last) / 1000000 )); [ $gap -gt $worst ] && worst=$gap; last=$now
    else
      failed=$((failed + 1))
    fi
    if [ $done = no ] && [ $(( $(date +%s) - start )) -ge 3 ]; then on "$2" "$3"; done=yes; fi
    sleep 0.1
  done
  echo "$worst $failed $total"
}
holder=$(for h in lb1 lb2; do on $h "ip -4 -br addr show eth0" | grep -q " $vip/" && echo $h; done)
read -r gap failed total < <(probe 30 "$holder" "systemctl stop --no-block haproxy")
echo "haproxy stopped on the VIP holder ($holder): longest API gap ${gap} ms, ${failed}/${total} requests failed"
on "$holder" "systemctl start haproxy"; sleep 5
read -r gap failed total < <(probe 20 master1 "systemctl stop --no-block kube-apiserver")
echo "kube-apiserver stopped on master1:  longest API gap ${gap} ms, ${failed}/${total} requests failed"
on master1 "systemctl start kube-apiserver"; sleep 5
read -r gap failed total < <(probe 20 node1 "systemctl stop --no-block etcd")
echo "etcd stopped on node1:               longest API gap ${gap} ms, ${failed}/${total} requests failed"
on node1 "systemctl start etcd"
read -r t rc < <(secs ./kubeyard lab down --name $name --subnet $subnet)
echo "lab down:          ${t}s (exit $rc)"
