#!/usr/bin/env bash
# Benchmark on the local lab (not a test): prints how long 'lab up', a full 'kubeyard apply', a no-op
# re-apply and 'lab down' take, and the longest gap in API answers through the VIP while the LB that
# holds the VIP is stopped. Uses its own lab (name "bench", 10.213.54.0/24) and removes it on exit.
# The install needs the offline bundle (binaries); without it the apply fails and the script says so.
set -uo pipefail
cd "$(dirname "$0")/.."
name=bench subnet=10.213.54 home=/var/lib/kubeyard/lab
spec="$home/$name/cluster.yaml" plan="$home/$name/kubeyard-plan"
trap './kubeyard lab down --name $name --subnet $subnet >/dev/null 2>&1' EXIT

# runs "$@" with its output in /tmp/kubeyard-bench-<subcommand>.log; prints "<seconds> <exit code>"
secs() {
  local s; s=$(date +%s.%N); "$@" > "/tmp/kubeyard-bench-$2.log" 2>&1; local rc=$?
  awk -v a="$s" -v b="$(date +%s.%N)" -v rc=$rc 'BEGIN { printf "%.1f %d\n", b - a, rc }'
}

read -r t rc < <(secs ./kubeyard lab up --name $name --subnet $subnet)
echo "lab up:            ${t}s (exit $rc)"
[ "$rc" = 0 ] || exit 1
read -r t rc < <(secs ./kubeyard apply -f "$spec")
echo "install (apply):   ${t}s (exit $rc)"
if [ "$rc" != 0 ]; then
  echo "install failed; see /tmp/kubeyard-bench-apply.log and $plan/logs (no-op and failover not measured)"
  exit 1
fi
read -r t rc < <(secs ./kubeyard apply -f "$spec")
echo "no-op re-apply:    ${t}s (exit $rc)"

# failover: poll /readyz through the VIP every 100 ms for 60 s; stop keepalived on the LB holding the VIP
vip=$(awk '/vip:/ {print $2}' "$spec")
holder=$(for h in lb1 lb2; do ip netns exec ky$name-$h ip -br addr show eth0 | grep -q "$vip/" && echo $h; done)
curlv() { curl -sk --max-time 1 --cacert "$plan/pki/ca.pem" --cert "$plan/pki/admin.pem" --key "$plan/pki/admin-key.pem" "https://$vip:8443/readyz"; }
last=$(date +%s%N) worst=0 end=$(( $(date +%s) + 60 )) stopped=no
while [ "$(date +%s)" -lt "$end" ]; do
  if curlv >/dev/null 2>&1; then
    now=$(date +%s%N); gap=$(( (now - last) / 1000000 )); [ $gap -gt $worst ] && worst=$gap; last=$now
  fi
  if [ $stopped = no ] && [ $(( end - $(date +%s) )) -le 50 ]; then
    ssh -i "$home/$name/id_ed25519" -o UserKnownHostsFile="$home/$name/known_hosts" -o BatchMode=yes \
      "root@$(awk -v h=$holder '$0 ~ "name: "h {getline; print $2}' "$spec")" systemctl stop keepalived
    stopped=yes
  fi
  sleep 0.1
done
echo "VIP failover:      longest gap ${worst} ms (keepalived stopped on $holder)"
read -r t rc < <(secs ./kubeyard lab down --name $name --subnet $subnet)
echo "lab down:          ${t}s (exit $rc)"
