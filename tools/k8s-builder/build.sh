#!/usr/bin/env bash
# Builds the pinned Kubernetes release (go.mod) as one multi-call binary plus a symlink per component:
#   $KUBEYARD_CACHE/bin/kubernetes-<version>/<os>-<arch>/{kubernetes,kube-apiserver,...,kubectl}
# and an artifacts.tsv line for `kubeyard bundle build` (the bundle itself carries no symlinks).
# Skips the build when the stamp (a hash of every input) matches. KUBEYARD_CACHE defaults to
# ~/.cache/kubeyard; GOOS/GOARCH select the platform (default linux/amd64).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../lib/go-env.sh"

version="$(awk '$1 == "k8s.io/kubernetes" {print $2} $2 == "k8s.io/kubernetes" {print $3}' "$here/go.mod" | head -1)"
[ -n "$version" ] || { echo "k8s-builder: no k8s.io/kubernetes requirement in go.mod" >&2; exit 1; }
goos="${GOOS:-linux}" goarch="${GOARCH:-amd64}"
out="$KUBEYARD_CACHE/bin/kubernetes-$version/$goos-$goarch"
exe=""; [ "$goos" = windows ] && exe=".exe"
components=(kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy kubectl)
[ "$goos" = windows ] && components=(kubelet kube-proxy kubectl) # the control plane is Linux-only

# The release's commit and date from the module proxy's .info (recorded in go.sum's module), so the
# binaries report what an official build reports: gitVersion, gitCommit, buildDate.
info="$(go mod download -json "k8s.io/kubernetes@$version")"
commit="$(sed -n 's/.*"Hash": "\([0-9a-f]*\)".*/\1/p' <<<"$info" | head -1)"
info_file="$(sed -n 's/.*"Info": "\(.*\)".*/\1/p' <<<"$info")"
build_date="$(sed -n 's/.*"Time":"\{0,1\} *"\{0,1\}\([0-9T:-]*Z\)".*/\1/p' "$info_file" | head -1)"
major="${version#v}"; major="${major%%.*}"
minor="${version#v*.}"; minor="${minor%%.*}"
ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X $pkg.gitVersion=$version -X $pkg.gitMajor=$major -X $pkg.gitMinor=$minor"
  ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=${build_date:-1970-01-01T00:00:00Z}"
  [ -n "$commit" ] && ldflags+=" -X $pkg.gitCommit=$commit"
done

stamp_value="$(input_stamp "$here/go.mod" "$here/go.sum" "$here"/*.go "$here/build.sh" -- \
  "$goos/$goarch" "$ldflags" "$CGO_ENABLED")"
if stamp_matches "$out" "$stamp_value"; then
  echo "k8s-builder: Kubernetes $version ($goos/$goarch) is up to date in $out"
  publish_artifacts "$out"
  exit 0
fi

echo "k8s-builder: building Kubernetes $version for $goos/$goarch into $out (cold: tens of minutes)"
mkdir -p "$out"
start=$SECONDS
(cd "$here" && GOOS="$goos" GOARCH="$goarch" nice -n 15 go build -trimpath -ldflags "$ldflags" \
  -o "$out/kubernetes$exe.tmp" .)
mv "$out/kubernetes$exe.tmp" "$out/kubernetes$exe"
for c in "${components[@]}"; do
  ln -sfn "kubernetes$exe" "$out/$c$exe"
done
provides="$(IFS=,; echo "${components[*]}")"
printf '%s\t%s\t%s\t%s\t%s\t%s\n' "kubernetes$exe" kubernetes "${version#v}" "k8s.io/kubernetes@$version" \
  "$provides" go-module > "$out/artifacts.tsv"
write_stamp "$out" "$stamp_value"
echo "k8s-builder: built Kubernetes $version in $((SECONDS - start)) s"
publish_artifacts "$out"
