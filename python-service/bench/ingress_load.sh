#!/usr/bin/env bash
# /api/search through the whole Ingress path on a lab cluster, beside each hop on its own, same load,
# one run: VIP → haproxy → Traefik → gateway → Elasticsearch; Traefik's NodePort on a worker (no
# haproxy); a gateway pod and an Elasticsearch data pod from inside a worker's network namespace. Prints req/s, p50 and p99 per target.
#
# Needs a lab with Elasticsearch and the gateway deployed, e.g. the 'es' lab that lab/run-e2e.sh keeps
# (GatewayThroughTheIngressOnTheLabTest leaves it so) or any lab where `kubeyard python-service deploy` ran:
#   python-service/bench/ingress_load.sh [LAB_NAME] [GATEWAY_HOST]     (DURATION=15s CONNECTIONS=8 THREADS=2)
set -euo pipefail
lab="${1:-es}" host="${2:-gateway.es.lab.test}"
duration="${DURATION:-15s}" connections="${CONNECTIONS:-8}" threads="${THREADS:-2}" worker="${WORKER:-node1}"
query="ingress"
dir="/var/lib/kubeyard/lab/$lab"
kubeconfig="$dir/kubeyard-plan/admin.kubeconfig"
[[ -f "$kubeconfig" ]] || { echo "no lab '$lab' with an installed cluster ($kubeconfig)" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
bundle="$(cat "${KUBEYARD_CACHE:-$HOME/.cache/kubeyard}/bundle/latest")"
work="$(mktemp -d /tmp/ingress-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
ln -s "$bundle/bin/linux-amd64/kubernetes/kubernetes" "$work/kubectl"  # the multi-call binary, named kubectl
kubectl() { "$work/kubectl" --kubeconfig "$kubeconfig" "$@"; }

vip="$(awk '/^  vip:/ {print $2; exit}' "$dir/cluster.yaml")"
node_ip="$(awk -v n="$worker" '$0 ~ "name: "n"$" {getline; print $2; exit}' "$dir/cluster.yaml")"
# pod IPs, not ClusterIPs: from a lab node's own network namespace a ClusterIP times out (kube-proxy's
# OUTPUT rules there do not catch it; pods reach ClusterIPs fine), and one pod each is what the hop costs
gateway_ip="$(kubectl -n platform get pods -l app.kubernetes.io/name=platform-gateway -o jsonpath='{.items[0].status.podIP}')"
es_ip="$(kubectl -n elastic get pod elasticsearch-data-0 -o jsonpath='{.status.podIP}')"
netns="ky$lab-$worker"

# a few hundred documents through the Ingress, so every target searches the same index
for i in $(seq 1 200); do
  curl -sk --resolve "$host:443:$vip" -o /dev/null -H 'Content-Type: application/json' \
    --data-binary "{\"title\": \"bench $i\", \"body\": \"$query document $i for the ingress benchmark\"}" \
    "https://$host/api/documents"
done
curl -sk --resolve "$host:443:$vip" -o /dev/null -H 'Content-Type: application/json' \
  --data-binary '{"title": "last", "body": "refresh"}' "https://$host/api/documents?refresh=true"
index="$(ip netns exec "$netns" curl -s "http://$es_ip:9200/_cat/indices?h=index")"
index="$(echo "$index" | grep -m1 documents || true)"
cat > "$work/es.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query": {"simple_query_string": {"query": "$query", "default_operator": "and"}}, "size": 10, "from": 0}'
LUA

run() {  # name, [netns], wrk args...
  local name="$1" ns="$2"; shift 2
  local prefix=(); [[ -n "$ns" ]] && prefix=(ip netns exec "$ns")
  "${prefix[@]}" wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" >"$work/$name.txt"
  awk -v n="$name" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    /Non-2xx/ {bad=$NF} END {printf "%-30s %10s %10s %10s %s\n", n, rps, p50, p99, (bad ? "non-2xx: " bad : "")}' "$work/$name.txt"
}
echo "lab=$lab host=$host vip=$vip worker=$worker duration=$duration connections=$connections threads=$threads index=$index"
echo "machine: $(nproc) cores shared by wrk, the lab's machines and everything in them; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-30s %10s %10s %10s\n" target "req/s" p50 p99
run vip-haproxy-traefik-gateway "" -H "Host: $host" "https://$vip/api/search?q=$query"
run nodeport-traefik-gateway "" -H "Host: $host" "https://$node_ip:23457/api/search?q=$query"
run gateway-pod "$netns" "http://$gateway_ip:8000/api/search?q=$query"
run elasticsearch-pod "$netns" -s "$work/es.lua" "http://$es_ip:9200/$index/_search"
