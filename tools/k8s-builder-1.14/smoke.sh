#!/usr/bin/env bash
# Proves the built Kubernetes 1.14.10 runs: versions, then a real kube-apiserver on loopback against a
# throwaway etcd (Debian's etcd-server, 3.4) with self-signed certificates, RBAC and no anonymous
# access; kubectl with a client certificate signed by the same CA reads /healthz and writes to the API;
# then kube-controller-manager (creates the default ServiceAccount's token) and kube-scheduler (binds
# a pod to a node object) work through it. kubelet and kube-proxy are only checked for --version.
# Everything lives in a temporary directory and on 127.0.0.1; the processes are stopped at the end.
# Usage: tools/k8s-builder-1.14/smoke.sh   (after build.sh; BIN=DIR to test other binaries,
#        SMOKE_ETCD=FILE for another etcd than Debian's on PATH, e.g. the bundle's 3.6.6,
#        SMOKE_LOGS=DIR to keep the etcd and component logs there; SMOKE_AFTER=SCRIPT runs SCRIPT against
#        the running apiserver with SMOKE_DIR (certificates, admin.kubeconfig) and SMOKE_KUBECTL)
set -euo pipefail
export KUBEYARD_CACHE="${KUBEYARD_CACHE:-$HOME/.cache/kubeyard}"
bin="${BIN:-$KUBEYARD_CACHE/bin/kubernetes-v1.14.10/linux-amd64}"
want=v1.14.10
timeout_s="${SMOKE_TIMEOUT:-180}" # the apiserver's start on a busy 2-core machine
for t in "$bin/kube-apiserver" "$bin/kubectl"; do
  [ -x "$t" ] || { echo "smoke: no $t (run tools/k8s-builder-1.14/build.sh first)" >&2; exit 1; }
done
etcd="${SMOKE_ETCD:-$(command -v etcd || true)}"
[ -n "$etcd" ] || { echo "smoke: no etcd on PATH (apt-get install etcd-server) and no SMOKE_ETCD" >&2; exit 1; }
[ -x "$etcd" ] || { echo "smoke: SMOKE_ETCD=$etcd is not an executable" >&2; exit 1; }

step() { printf '\n== %s\n' "$*"; }
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }

step "versions"
v="$("$bin/kube-apiserver" --version)"; echo "kube-apiserver: $v"; [ "$v" = "Kubernetes $want" ] || fail "kube-apiserver --version"
for c in kube-controller-manager kube-scheduler kubelet kube-proxy; do
  "$bin/$c" --version 2>&1 | grep -qx "Kubernetes $want" || fail "$c --version"
  echo "$c: Kubernetes $want"
done
v="$("$bin/kubectl" version --client)"; echo "kubectl version --client: $v"
grep -q "GitVersion:\"$want\"" <<<"$v" || fail "kubectl version --client"

tmp="$(mktemp -d /tmp/k8s-114-smoke.XXXXXX)"
pids=()
cleanup() {
  # hyperkube catches the first SIGTERM for every component (it closes a stop channel that only some
  # of them watch: kube-controller-manager and kube-scheduler keep running) and exits on the second.
  local p i
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for i in 1 2 3 4 5 6 7 8 9 10; do
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && break; p=""; done
    [ -z "$p" ] && break
    sleep 1
    [ "$i" = 5 ] && for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  done
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  if [ -n "${SMOKE_LOGS:-}" ]; then mkdir -p "$SMOKE_LOGS" && cp "$tmp"/*.log "$SMOKE_LOGS"/ 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

free_port() { # a loopback TCP port nobody listens on
  local p
  while :; do
    p=$((20000 + RANDOM % 10000))
    ss -Hltn "sport = :$p" | grep -q . || { echo "$p"; return; }
  done
}
etcd_port="$(free_port)" peer_port="$(free_port)" api_port="$(free_port)"

step "certificates (openssl, RSA 2048, SHA-256; the server's has IP SAN 127.0.0.1)"
cd "$tmp"
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 1 -subj "/CN=kubeyard-smoke-ca" \
  -keyout ca.key -out ca.crt 2>/dev/null
issue() { # issue NAME SUBJECT [EXTENSIONS]
  openssl req -newkey rsa:2048 -nodes -sha256 -subj "$2" -keyout "$1.key" -out "$1.csr" 2>/dev/null
  printf '%s\n' "${3:-extendedKeyUsage=clientAuth}" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -sha256 -days 1 \
    -extfile "$1.ext" -out "$1.crt" 2>/dev/null
}
issue apiserver "/CN=kube-apiserver" "subjectAltName=IP:127.0.0.1,DNS:localhost
extendedKeyUsage=serverAuth"
issue admin "/O=system:masters/CN=kubeyard-smoke-admin"
issue nobody "/CN=kubeyard-smoke-nobody" # authenticated, but RBAC grants it nothing
openssl genrsa -out sa.key 2048 2>/dev/null
ls ./*.crt

step "etcd $("$etcd" --version | awk '/etcd Version/ {print $3}') ($etcd) on 127.0.0.1:$etcd_port"
"$etcd" --name smoke --data-dir "$tmp/etcd" --listen-client-urls "http://127.0.0.1:$etcd_port" \
  --advertise-client-urls "http://127.0.0.1:$etcd_port" --listen-peer-urls "http://127.0.0.1:$peer_port" \
  --initial-advertise-peer-urls "http://127.0.0.1:$peer_port" \
  --initial-cluster "smoke=http://127.0.0.1:$peer_port" > etcd.log 2>&1 &
pids+=($!)

step "kube-apiserver $want on https://127.0.0.1:$api_port (RBAC, --anonymous-auth=false)"
"$bin/kube-apiserver" --etcd-servers "http://127.0.0.1:$etcd_port" \
  --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$api_port" --insecure-port 0 \
  --tls-cert-file apiserver.crt --tls-private-key-file apiserver.key --client-ca-file ca.crt \
  --service-account-key-file sa.key --service-cluster-ip-range 10.254.0.0/24 \
  --authorization-mode RBAC --anonymous-auth=false --cert-dir "$tmp/certs" > apiserver.log 2>&1 &
pids+=($!)

kubectl() { "$bin/kubectl" --server "https://127.0.0.1:$api_port" --certificate-authority ca.crt \
  --client-certificate admin.crt --client-key admin.key --request-timeout 10s "$@"; }
start=$SECONDS healthz=""
until healthz="$(kubectl get --raw /healthz 2>/dev/null)" && [ "$healthz" = ok ]; do
  kill -0 "${pids[1]}" 2>/dev/null || { tail -20 apiserver.log; fail "kube-apiserver exited"; }
  [ $((SECONDS - start)) -lt "$timeout_s" ] || { tail -20 apiserver.log; fail "no /healthz ok in $timeout_s s"; }
  sleep 2
done
echo "kubectl get --raw /healthz: $healthz (after $((SECONDS - start)) s)"

step "the API, as system:masters"
kubectl version
kubectl get --raw /version | grep -q "\"gitVersion\": \"$want\"" || fail "/version is not $want"
kubectl create configmap smoke --from-literal=written-by=k8s-builder-1.14-smoke
kubectl get configmap smoke -o jsonpath='{.data.written-by}{"\n"}'
kubectl get namespaces
kubectl api-versions | grep -E '^(apps/v1|policy/v1beta1|networking.k8s.io/v1beta1|extensions/v1beta1)$'

step "RBAC and authentication say no"
if out="$("$bin/kubectl" --server "https://127.0.0.1:$api_port" --certificate-authority ca.crt \
    --client-certificate nobody.crt --client-key nobody.key get pods 2>&1)"; then
  fail "a user without RBAC bindings listed pods"
fi
echo "$out"; grep -q Forbidden <<<"$out" || fail "expected Forbidden for the unbound user"
code="$(curl -s -o /dev/null -w '%{http_code}' --cacert ca.crt "https://127.0.0.1:$api_port/healthz" || true)"
echo "without a client certificate: HTTP $code"
[ "$code" = 401 ] || fail "expected 401 without credentials (anonymous auth is off)"

step "kube-controller-manager and kube-scheduler $want against it (no serving ports, no leader election)"
"$bin/kubectl" config --kubeconfig admin.kubeconfig set-cluster smoke --embed-certs=true \
  --server "https://127.0.0.1:$api_port" --certificate-authority ca.crt >/dev/null
"$bin/kubectl" config --kubeconfig admin.kubeconfig set-credentials admin --embed-certs=true \
  --client-certificate admin.crt --client-key admin.key >/dev/null
"$bin/kubectl" config --kubeconfig admin.kubeconfig set-context smoke --cluster smoke --user admin >/dev/null
"$bin/kubectl" config --kubeconfig admin.kubeconfig use-context smoke >/dev/null
"$bin/kube-controller-manager" --kubeconfig admin.kubeconfig --leader-elect=false --port 0 --secure-port 0 \
  --service-account-private-key-file sa.key --root-ca-file ca.crt > controller-manager.log 2>&1 &
pids+=($!)
"$bin/kube-scheduler" --kubeconfig admin.kubeconfig --leader-elect=false --port 0 --secure-port 0 \
  > scheduler.log 2>&1 &
pids+=($!)
# A node object only (no kubelet): Ready, with room for a pod, so the scheduler has somewhere to bind.
kubectl create -f - <<'NODE'
apiVersion: v1
kind: Node
metadata: {name: smoke-node, labels: {kubernetes.io/hostname: smoke-node}}
status:
  capacity: {cpu: "2", memory: 2Gi, pods: "10"}
  allocatable: {cpu: "2", memory: 2Gi, pods: "10"}
  conditions: [{type: Ready, status: "True", reason: KubeletReady, message: smoke}]
NODE
kubectl create -f - <<'POD'
apiVersion: v1
kind: Pod
metadata: {name: smoke, namespace: default}
spec:
  tolerations: [{operator: Exists}]
  containers: [{name: pause, image: kubeyard.local/pause:none}]
POD
wait_for() { # wait_for WHAT COMMAND...: until COMMAND prints something
  local what="$1" got; shift; start=$SECONDS
  until got="$("$@" 2>/dev/null)" && [ -n "$got" ]; do
    [ $((SECONDS - start)) -lt "$timeout_s" ] || { tail -5 controller-manager.log scheduler.log; fail "$what"; }
    sleep 2
  done
  echo "$what: $got (after $((SECONDS - start)) s)"
}
wait_for "controller-manager: ServiceAccount default/default has a token secret" \
  kubectl get serviceaccount default -n default -o jsonpath='{.secrets[0].name}'
wait_for "scheduler: pod default/smoke bound to" kubectl get pod smoke -n default -o jsonpath='{.spec.nodeName}'

if [ -n "${SMOKE_AFTER:-}" ]; then # more checks against this apiserver (tools/go-components/smoke-1.14-addons.sh)
  step "$SMOKE_AFTER"
  SMOKE_DIR="$tmp" SMOKE_KUBECTL="$bin/kubectl" "$SMOKE_AFTER" || fail "$SMOKE_AFTER"
fi

step "PASS: Kubernetes $want: kube-apiserver served /healthz ok to a CA-signed client over loopback;"
echo "controller-manager and scheduler did their work through it"
