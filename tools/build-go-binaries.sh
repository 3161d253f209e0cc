#!/usr/bin/env bash
# Builds (or finds cached) every Go binary of the offline bundle for one platform and writes the list
# `kubeyard bundle build` reads: $KUBEYARD_CACHE/bin/<os>-<arch>.tsv (path, component, version,
# origin, provides, source). GOOS/GOARCH choose the platform; linux/amd64 by default. On windows only
# Kubernetes' node components are built (kubelet, kube-proxy, kubectl). KUBEYARD_KUBERNETES_LINE chooses the line.
set -euo pipefail
tools="$(cd "$(dirname "$0")" && pwd)"
source "$tools/lib/go-env.sh"
goos="${GOOS:-linux}" goarch="${GOARCH:-amd64}"
mkdir -p "$KUBEYARD_CACHE/bin"
list="$KUBEYARD_CACHE/bin/$goos-$goarch.tsv"
export KUBEYARD_ARTIFACT_LIST="$list.tmp"
: > "$KUBEYARD_ARTIFACT_LIST"
# The line: the current one by default (what CI builds); KUBEYARD_KUBERNETES_LINE=1.14 builds Kubernetes 1.14.10
# (tools/k8s-builder-1.14, which writes its list but does not publish it) and Traefik 2.11 instead of 3 (ADR 29).
case "${KUBEYARD_KUBERNETES_LINE:-current}" in
  current)
    "$tools/k8s-builder/build.sh"
    ingress=traefik ;;
  1.14)
    "$tools/k8s-builder-1.14/build.sh"
    publish_artifacts "$KUBEYARD_CACHE/bin/kubernetes-v1.14.10/$goos-$goarch"
    ingress=traefik-v2 ;;
  *) echo "build-go-binaries: KUBEYARD_KUBERNETES_LINE is 'current' or '1.14', not '$KUBEYARD_KUBERNETES_LINE'" >&2; exit 1 ;;
esac
if [ "$goos" = linux ]; then
  for component in etcd flannel cni-flannel coredns metrics-server metallb pause "$ingress"; do
    "$tools/go-components/build.sh" "$component"
  done
fi
mv "$list.tmp" "$list"
echo "build-go-binaries: $(wc -l < "$list") binaries for $goos/$goarch listed in $list"
