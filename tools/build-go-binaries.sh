#!/usr/bin/env bash
# Builds (or finds cached) every Go binary of the offline bundle for one platform and line, and writes the
# list `kubeyard bundle build` reads: $KUBEYARD_CACHE/bin/<os>-<arch>.tsv for the current line,
# <os>-<arch>-1.14.tsv for the 1.14 line (path, component, version, origin, provides, source).
# GOOS/GOARCH choose the platform; linux/amd64 by default. On windows only Kubernetes' node components
# are built (kubelet, kube-proxy, kubectl). KUBEYARD_KUBERNETES_LINE chooses the line (current or 1.14).
set -euo pipefail
tools="$(cd "$(dirname "$0")" && pwd)"
source "$tools/lib/go-env.sh"
goos="${GOOS:-linux}" goarch="${GOARCH:-amd64}"
mkdir -p "$KUBEYARD_CACHE/bin"
# The line: the current one by default (what CI builds). KUBEYARD_KUBERNETES_LINE=1.14 builds Kubernetes 1.14.10
# (tools/k8s-builder-1.14, which writes its list but does not publish it) and the addons that serve 1.14:
# Traefik 2.11 (ADR 29), CoreDNS 1.6.7, metrics-server 0.4.4 and flannel 0.15.1 (docs/plans/kubernetes-1.14.md
# 1.1). Shared by both lines: etcd, the flannel CNI plugin, pause and kube-router's policy controller (its main
# fills 1.14's missing status.podIPs, ADR 39). No MetalLB on 1.14: 0.15 needs 1.25+ (ADR 31).
# Each line has its own list, so building one never changes what a bundle of the other is made from.
line="${KUBEYARD_KUBERNETES_LINE:-current}"
case "$line" in
  current)
    list="$KUBEYARD_CACHE/bin/$goos-$goarch.tsv"
    components=(etcd flannel cni-flannel coredns metrics-server metallb kube-router pause traefik) ;;
  1.14)
    list="$KUBEYARD_CACHE/bin/$goos-$goarch-1.14.tsv"
    components=(etcd flannel-0.15 cni-flannel coredns-1.6 metrics-server-0.4 kube-router pause traefik-v2) ;;
  *) echo "build-go-binaries: KUBEYARD_KUBERNETES_LINE is 'current' or '1.14', not '$line'" >&2; exit 1 ;;
esac
export KUBEYARD_ARTIFACT_LIST="$list.tmp"
: > "$KUBEYARD_ARTIFACT_LIST"
if [ "$line" = 1.14 ]; then
  "$tools/k8s-builder-1.14/build.sh"
  publish_artifacts "$KUBEYARD_CACHE/bin/kubernetes-v1.14.10/$goos-$goarch"
else
  "$tools/k8s-builder/build.sh"
fi
if [ "$goos" = linux ]; then
  for component in "${components[@]}"; do
    "$tools/go-components/build.sh" "$component"
  done
fi
mv "$list.tmp" "$list"
echo "build-go-binaries: $(wc -l < "$list") binaries for $goos/$goarch listed in $list"
