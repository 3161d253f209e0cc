#!/usr/bin/env bash
# Builds Kubernetes v1.14.10 from the module proxy: the release's source (k8s.io/kubernetes@v1.14.10,
# which has staging/ but no vendor/) plus module/go.mod and go.sum, generated from its Godeps.json by
# gen-gomod.py. Linux: one hyperkube (1.14's own multi-call binary) with a symlink per component,
#   $KUBEYARD_CACHE/bin/kubernetes-v1.14.10/linux-amd64/{hyperkube,kube-apiserver,...,kubectl}
# Windows (GOOS=windows): kubelet.exe, kube-proxy.exe, kubectl.exe, each built on its own.
# Not wired into tools/build-bundle.sh: run it by hand (see README.md). Skips the build when the stamp
# (a hash of every input) matches. Usage:
#   tools/k8s-builder-1.14/build.sh              build (GOOS/GOARCH select the platform)
#   tools/k8s-builder-1.14/build.sh --prepare DIR  only lay out the source in DIR (for gen-gomod.py)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export KUBEYARD_GO_PARALLEL="${KUBEYARD_GO_PARALLEL:-1}" # the machine is shared: one package at a time
# shellcheck source=../lib/go-env.sh
source "$here/../lib/go-env.sh"
version=v1.14.10
boilerplate=staging/src/k8s.io/code-generator/hack/boilerplate.go.txt

# prepare DIR: a writable copy of the release's source with our go.mod/go.sum on top, a go.mod in
# each staging directory (they have none in 1.14) and pkg/generated/openapi, which 1.14 generates at
# build time and does not ship.
prepare() {
  local dir="$1" src
  src="$(go mod download -json "k8s.io/kubernetes@$version" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
  [ -d "$src/staging" ] || { echo "k8s-builder-1.14: no source for k8s.io/kubernetes@$version" >&2; exit 1; }
  rm -rf "$dir"; mkdir -p "$(dirname "$dir")"
  cp -r "$src" "$dir.tmp"; chmod -R u+w "$dir.tmp"
  rm -rf "$dir.tmp/vendor" # only Bazel's BUILD and OWNERS: the module zip dropped the rest
  cp -r "$here/module/." "$dir.tmp/"
  [ -n "${KUBEYARD_NO_GOSUM:-}" ] && rm -f "$dir.tmp/go.sum"
  for s in "$dir.tmp"/staging/src/k8s.io/*/; do
    printf 'module k8s.io/%s\n\ngo 1.12\n' "$(basename "$s")" > "$s/go.mod"
  done
  mv "$dir.tmp" "$dir"
  [ -n "${KUBEYARD_SKIP_OPENAPI:-}" ] || generate_openapi "$dir"
}

# generate_openapi DIR: what 1.14's build/root/Makefile.generated_files does for gen_openapi, in module
# mode: openapi-gen (kube-openapi at its Godeps pin) over every package tagged +k8s:openapi-gen=.
generate_openapi() {
  local dir="$1" inputs
  echo "k8s-builder-1.14: generating pkg/generated/openapi (openapi-gen)"
  (cd "$dir" && nice -n 19 go build -o _output/openapi-gen k8s.io/kube-openapi/cmd/openapi-gen)
  # The tagged directories, named as packages: staging/src/k8s.io/X -> k8s.io/X, the rest under
  # k8s.io/kubernetes (the Makefile's find skips vendor, docs and dot/underscore directories).
  # shellcheck disable=SC2038 # the release's paths have no blanks or newlines
  inputs="$(cd "$dir" && find . \( -path ./vendor -o -path './_*' -o -path './.*' -o -path ./docs \) -prune \
      -o -type f -name '*.go' -exec grep -l '^// *+k8s:' {} + | xargs grep -l '+k8s:openapi-gen=' \
    | xargs -n1 dirname | sed -e 's|^\./||' -e 's|^staging/src/||' -e '/^k8s\.io\//!s|^|k8s.io/kubernetes/|' \
    | LC_ALL=C sort -u | paste -sd, -)"
  (cd "$dir" && nice -n 19 _output/openapi-gen --logtostderr -i "$inputs" \
    -p k8s.io/kubernetes/pkg/generated/openapi -O zz_generated.openapi -h "$boilerplate" \
    -o _output/openapi -r _output/openapi-violations.report)
  mv "$dir/_output/openapi/k8s.io/kubernetes/pkg/generated/openapi/zz_generated.openapi.go" \
    "$dir/pkg/generated/openapi/"
  # Upstream fails the build when the API rule report differs from its known list; we only report.
  diff -q "$dir/_output/openapi-violations.report" "$dir/api/api-rules/violation_exceptions.list" >/dev/null ||
    echo "k8s-builder-1.14: note: openapi-gen's API rule report differs from api/api-rules/violation_exceptions.list"
}

if [ "${1:-}" = "--prepare" ]; then
  prepare "${2:?usage: build.sh --prepare DIR}"
  exit 0
fi

goos="${GOOS:-linux}" goarch="${GOARCH:-amd64}"
out="$KUBEYARD_CACHE/bin/kubernetes-$version/$goos-$goarch"
srcdir="$KUBEYARD_CACHE/src/kubernetes-$version"
exe=""; [ "$goos" = windows ] && exe=".exe"
components=(kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy kubectl)
[ "$goos" = windows ] && components=(kubelet kube-proxy kubectl) # 1.14's control plane is Linux-only

# What an official 1.14.10 build reports (hack/lib/version.sh): gitVersion, gitCommit, buildDate.
info="$(go mod download -json "k8s.io/kubernetes@$version")"
info_file="$(sed -n 's/.*"Info": "\(.*\)".*/\1/p' <<<"$info")"
build_date="$(sed -n 's/.*"Time":"\([0-9T:-]*Z\)".*/\1/p' "$info_file" | head -1)"
commit=575467a0eaf3ca1f20eb86215b3bde40a5ae617a # the v1.14.10 tag, as official binaries report it (the proxy's .info has no hash)
# No -checklinkname=0: the only //go:linkname pulls into the runtime in what we compile are reflect2
# 1.0.2's, which Go still allows (checked: hyperkube and the Windows binaries link without the flag).
ldflags="-s -w"
# Linux: cgo, as upstream built 1.14's kubelet and hyperkube (cadvisor 0.33's libcontainer handler and
# netlink code are cgo only), but linked statically so the binary needs no libraries on the host;
# netgo/osusergo keep name and user lookups in Go (a static glibc cannot load its NSS modules safely).
# Windows: the kubelet there does not use those parts of cadvisor, so no cgo (no C cross-compiler).
cgo=0 tags=""
if [ "$goos" = linux ]; then
  cgo=1 tags="netgo,osusergo" ldflags+=" -extldflags=-static"
fi
for pkg in k8s.io/kubernetes/pkg/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X $pkg.gitVersion=$version -X $pkg.gitMajor=1 -X $pkg.gitMinor=14"
  ldflags+=" -X $pkg.gitCommit=$commit -X $pkg.gitTreeState=clean -X $pkg.buildDate=${build_date:-1970-01-01T00:00:00Z}"
done

mapfile -t module_files < <(find "$here/module" -type f | LC_ALL=C sort)
src_stamp="$(input_stamp "$here/build.sh" "${module_files[@]}" -- "$version")"
stamp_value="$(input_stamp "$here/build.sh" "${module_files[@]}" -- \
  "$goos/$goarch" "$ldflags" "$cgo" "$tags")"
if stamp_matches "$out" "$stamp_value"; then
  echo "k8s-builder-1.14: Kubernetes $version ($goos/$goarch) is up to date in $out"
  exit 0
fi

start=$SECONDS
if ! stamp_matches "$srcdir" "$src_stamp"; then
  echo "k8s-builder-1.14: laying out the $version source in $srcdir"
  prepare "$srcdir"
  write_stamp "$srcdir" "$src_stamp"
fi

echo "k8s-builder-1.14: building Kubernetes $version for $goos/$goarch into $out (cold: about 8 CPU-minutes for Linux, 6 for Windows)"
mkdir -p "$out"
build() { # build OUTPUT PACKAGE
  (cd "$srcdir" && GOOS="$goos" GOARCH="$goarch" CGO_ENABLED="$cgo" nice -n 19 go build -trimpath \
    ${tags:+-tags "$tags"} -ldflags "$ldflags" -o "$out/$1.tmp" "$2")
  mv "$out/$1.tmp" "$out/$1"
}
if [ "$goos" = windows ]; then
  for c in "${components[@]}"; do build "$c$exe" "./cmd/$c"; done
  files=("${components[@]/%/$exe}")
else
  build hyperkube ./cmd/hyperkube
  for c in "${components[@]}"; do ln -sfn hyperkube "$out/$c"; done
  files=(hyperkube)
fi
: > "$out/artifacts.tsv"
for f in "${files[@]}"; do
  provides="${f%"$exe"}"; [ "$f" = hyperkube ] && provides="$(IFS=,; echo "${components[*]}")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$f" kubernetes "${version#v}" "k8s.io/kubernetes@$version" "$provides" go-module \
    >> "$out/artifacts.tsv"
done
write_stamp "$out" "$stamp_value"
echo "k8s-builder-1.14: built Kubernetes $version ($goos/$goarch) in $((SECONDS - start)) s"
