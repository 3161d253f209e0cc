#!/usr/bin/env bash
# Rewrites go.mod/go.sum for another Kubernetes release: requires k8s.io/kubernetes at VERSION and
# replaces every k8s.io staging module it requires (v0.0.0 in its go.mod) with the matching v0.MINOR.PATCH.
# Usage: tools/k8s-builder/pin.sh v1.35.8
set -euo pipefail
version="${1:?usage: pin.sh vMAJOR.MINOR.PATCH, e.g. v1.35.8}"
cd "$(dirname "$0")"
export PATH="/usr/local/go/bin:$PATH" GOTOOLCHAIN=local GOFLAGS=-mod=mod
staging_version="v0.${version#v1.}"
upstream_mod="$(go mod download -json "k8s.io/kubernetes@$version" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')"
# The staging modules are the k8s.io requirements pinned at v0.0.0 (they live in staging/ upstream).
mapfile -t staging < <(awk '$1 ~ /^k8s\.io\// && $2 == "v0.0.0" {print $1}' "$upstream_mod" | sort -u)
go_directive="$(awk '$1 == "go" {print $2; exit}' "$upstream_mod")"
{
  echo "// Builds the Kubernetes components from the k8s.io/kubernetes Go module at one pinned release."
  echo "// Regenerate with: tools/k8s-builder/pin.sh $version"
  echo "module kubeyard.dev/tools/k8s-builder"
  echo
  echo "go $go_directive"
  echo
  echo "require k8s.io/kubernetes $version"
  echo
  echo "replace ("
  for m in "${staging[@]}"; do echo "	$m => $m $staging_version"; done
  echo ")"
} > go.mod
rm -f go.sum
go mod tidy
echo "pinned k8s.io/kubernetes $version with ${#staging[@]} staging modules at $staging_version"
