#!/usr/bin/env bash
# Builds (or finds cached) every Go binary of the offline bundle for one platform and writes the list
# `kubeyard bundle build` reads: $KUBEYARD_CACHE/bin/<os>-<arch>.tsv (path, component, version,
# origin, provides, source). GOOS/GOARCH choose the platform; linux/amd64 by default. On windows only
# Kubernetes' node components are built (kubelet, kube-proxy, kubectl).
set -euo pipefail
tools="$(cd "$(dirname "$0")" && pwd)"
source "$tools/lib/go-env.sh"
goos="${GOOS:-linux}" goarch="${GOARCH:-amd64}"
mkdir -p "$KUBEYARD_CACHE/bin"
list="$KUBEYARD_CACHE/bin/$goos-$goarch.tsv"
export KUBEYARD_ARTIFACT_LIST="$list.tmp"
: > "$KUBEYARD_ARTIFACT_LIST"
"$tools/k8s-builder/build.sh"
if [ "$goos" = linux ]; then
  for component in etcd flannel cni-flannel coredns metrics-server metallb pause traefik; do
    "$tools/go-components/build.sh" "$component"
  done
fi
mv "$list.tmp" "$list"
echo "build-go-binaries: $(wc -l < "$list") binaries for $goos/$goarch listed in $list"
