#!/usr/bin/env bash
# Proves the 1.14 line's addons (coredns-1.6, metrics-server-0.4, flannel-0.15) run against a real
# Kubernetes 1.14.10 apiserver: tools/k8s-builder-1.14/smoke.sh starts one on loopback and calls this
# script before it stops it (SMOKE_AFTER). Everything listens on 127.0.0.1 and sends nothing off the
# machine: CoreDNS forwards to a second CoreDNS server block on loopback, not to /etc/resolv.conf, and
# flanneld uses the alloc backend without iptables rules, so it makes no interface and no rule.
# Usage: tools/go-components/smoke-1.14-addons.sh   (after KUBEYARD_KUBERNETES_LINE=1.14 tools/build-go-binaries.sh)
# shellcheck disable=SC2016 # until_ok's tests are single-quoted on purpose: it expands them on each try
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ -z "${SMOKE_DIR:-}" ]; then
  SMOKE_AFTER="$here/smoke-1.14-addons.sh" exec "$here/../k8s-builder-1.14/smoke.sh"
fi
cache="${KUBEYARD_CACHE:-$HOME/.cache/kubeyard}/bin"
coredns="$cache/coredns-1.6-v1.6.7/linux-amd64/coredns"
metrics="$cache/metrics-server-0.4-v0.4.4/linux-amd64/metrics-server"
flanneld="$cache/flannel-0.15-v0.15.1/linux-amd64/flanneld"
command -v dig >/dev/null || { echo "addons smoke: no dig (apt-get install dnsutils)" >&2; exit 1; }
kubeconfig="$SMOKE_DIR/admin.kubeconfig"
kubectl() { "$SMOKE_KUBECTL" --kubeconfig "$kubeconfig" --request-timeout 10s "$@"; }
step() { printf '\n== %s\n' "$*"; }
fail() { echo "addons smoke: FAIL: $*" >&2; exit 1; }
free_port() { local p; while :; do p=$((30000 + RANDOM % 10000)); ss -Hltun "sport = :$p" | grep -q . || { echo "$p"; return; }; done; }
# until_ok SECONDS 'SHELL TEST': evaluates the test (afresh) every 2 s; fails after SECONDS
until_ok() { local end=$((SECONDS + $1)); until eval "$2"; do [ $SECONDS -lt $end ] || return 1; sleep 2; done; }

work="$SMOKE_DIR/addons"; mkdir -p "$work"; cd "$work"
pids=()
stop() { local p; for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap stop EXIT

step "versions"
"$coredns" -version | tee coredns.version; grep -q '^CoreDNS-1.6.7$' coredns.version || fail "coredns -version"
"$metrics" --version | tee metrics.version; grep -qx 'v0.4.4' metrics.version || fail "metrics-server --version"
"$flanneld" --version 2>&1 | tee flanneld.version; grep -qx 'v0.15.1' flanneld.version || fail "flanneld --version"

step "CoreDNS 1.6.7 with the 1.14 template's Corefile (upstream included) against the 1.14 apiserver"
dns="$(free_port)" up="$(free_port)" health="$(free_port)" prom="$(free_port)"
# The template's plugins in its order; what differs: bind 127.0.0.1, the apiserver from kubeconfig (not
# in-cluster), health and prometheus on loopback ports, forward to the loopback block below.
cat > Corefile <<EOF
.:$dns {
    bind 127.0.0.1
    errors
    health 127.0.0.1:$health
    kubernetes cluster.local in-addr.arpa ip6.arpa {
        kubeconfig $kubeconfig smoke
        pods insecure
        upstream
        fallthrough in-addr.arpa ip6.arpa
    }
    prometheus 127.0.0.1:$prom
    forward . 127.0.0.1:$up
    cache 30
    loop
    reload
    loadbalance
}
.:$up {
    bind 127.0.0.1
    hosts {
        192.0.2.53 outside.example
    }
}
EOF
"$coredns" -conf Corefile > coredns.log 2>&1 &
pids+=($!)
answer() { dig @127.0.0.1 -p "$dns" +short +time=2 +tries=1 "$@"; }
api_ip="$(kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}')"
until_ok 60 '[ "$(answer kubernetes.default.svc.cluster.local A)" = "$api_ip" ]' \
  || { cat coredns.log; fail "no A record $api_ip for kubernetes.default.svc.cluster.local"; }
echo "dig @127.0.0.1 -p $dns kubernetes.default.svc.cluster.local A: $(answer kubernetes.default.svc.cluster.local A)"
dig @127.0.0.1 -p "$dns" +time=2 +tries=1 kubernetes.default.svc.cluster.local A | sed -n '/^;; ANSWER SECTION/,/^$/p'
kubectl create service clusterip smoke-dns --tcp=80:80 >/dev/null
svc_ip="$(kubectl get service smoke-dns -o jsonpath='{.spec.clusterIP}')"
until_ok 30 '[ "$(answer smoke-dns.default.svc.cluster.local A)" = "$svc_ip" ]' || fail "a new Service is not resolved"
echo "a Service created after the start (watch): smoke-dns.default.svc.cluster.local A $svc_ip"
[ "$(answer outside.example A)" = 192.0.2.53 ] || fail "forward to the loopback upstream"
echo "forward . 127.0.0.1:$up: outside.example A 192.0.2.53"
[ "$(curl -s "http://127.0.0.1:$health/health")" = OK ] || fail "/health"
echo "health: /health OK"
grep -q "plugin/loop" coredns.log && fail "the loop plugin found a loop"
cat coredns.log

step "metrics-server 0.4.4 against the 1.14 apiserver (delegated authentication and authorization)"
ms="$(free_port)"
"$metrics" --kubeconfig "$kubeconfig" --authentication-kubeconfig "$kubeconfig" \
  --authorization-kubeconfig "$kubeconfig" --bind-address 127.0.0.1 --secure-port "$ms" --cert-dir "$work/ms" \
  --kubelet-preferred-address-types=InternalIP > metrics-server.log 2>&1 &
pids+=($!)
get_ms() { curl -sk --cert "$SMOKE_DIR/admin.crt" --key "$SMOKE_DIR/admin.key" "https://127.0.0.1:$ms$1"; }
# 0.4.4 adds its "readyz" check (the last scrape succeeded) to every health endpoint, and with no kubelet
# here every scrape fails; everything else must pass.
until_ok 90 "get_ms '/livez?verbose' 2>/dev/null | grep -q '^\[+\]livez ok'" \
  || { tail -20 metrics-server.log; get_ms '/livez?verbose'; fail "metrics-server /livez"; }
echo "metrics-server /livez?verbose (client certificate of the 1.14 CA; no kubelet to scrape, so readyz fails):"
get_ms '/livez?verbose' | grep '^\[' | tee livez.txt
if grep '^\[-\]' livez.txt | grep -qv '^\[-\]readyz failed'; then fail "a health check other than readyz failed"; fi
out="$(get_ms /apis/metrics.k8s.io/v1beta1/nodes)"; echo "GET /apis/metrics.k8s.io/v1beta1/nodes: $out"
grep -q '"kind": *"NodeMetricsList"' <<<"$out" || fail "metrics.k8s.io is not served"
code="$(curl -sk -o /dev/null -w '%{http_code}' --cert "$SMOKE_DIR/nobody.crt" --key "$SMOKE_DIR/nobody.key" \
  "https://127.0.0.1:$ms/apis/metrics.k8s.io/v1beta1/nodes")"
echo "the same as a user RBAC grants nothing: HTTP $code"; [ "$code" = 403 ] || fail "expected 403 for nobody"
kill -0 "${pids[1]}" || fail "metrics-server exited"
tail -5 metrics-server.log

step "flanneld 0.15.1 --kube-subnet-mgr against the 1.14 apiserver (alloc backend)"
kubectl patch node smoke-node -p '{"spec":{"podCIDR":"10.244.7.0/24"}}' >/dev/null
printf '{"Network": "10.244.0.0/16", "Backend": {"Type": "alloc"}}\n' > net-conf.json
env -u NOTIFY_SOCKET NODE_NAME=smoke-node "$flanneld" --kube-subnet-mgr --kubeconfig-file "$kubeconfig" \
  --net-config-path net-conf.json --subnet-file subnet.env --iptables-forward-rules=false > flanneld.log 2>&1 &
pids+=($!)
until_ok 60 '[ -s subnet.env ]' || { cat flanneld.log; fail "flanneld wrote no subnet file"; }
cat subnet.env; grep -qx 'FLANNEL_SUBNET=10.244.7.1/24' subnet.env || fail "FLANNEL_SUBNET is not the node's podCIDR"
# The alloc backend writes an empty backend-type; the kube subnet manager marks the node as its own.
owner="$(kubectl get node smoke-node -o jsonpath='{.metadata.annotations.flannel\.alpha\.coreos\.com/kube-subnet-manager}')"
echo "node smoke-node annotation flannel.alpha.coreos.com/kube-subnet-manager: $owner"
[ "$owner" = true ] || { kubectl get node smoke-node -o jsonpath='{.metadata.annotations}'; cat flanneld.log; fail "annotation"; }
kill -0 "${pids[2]}" || { cat flanneld.log; fail "flanneld exited"; }
tail -5 flanneld.log

step "PASS: CoreDNS 1.6.7, metrics-server 0.4.4 and flanneld 0.15.1 worked against kube-apiserver 1.14.10"
