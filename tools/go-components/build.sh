#!/usr/bin/env bash
# Builds one Go component described by tools/go-components/NAME/component.env into
#   $KUBEYARD_CACHE/bin/NAME-VERSION/OS-ARCH/
# with an artifacts.tsv (file, component, version, origin, provides, source) for `kubeyard bundle build`.
# The version is the one NAME/go.mod pins for the component's MODULE. Skipped when the stamp matches.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../lib/go-env.sh"
name="${1:?usage: build.sh COMPONENT (etcd, flannel, coredns, metrics-server, pause)}"
dir="$here/$name"
[ -f "$dir/component.env" ] || { echo "go-components: no $dir/component.env" >&2; exit 1; }
# component.env sets MODULE (the module whose version names the build, or empty for our own source),
# BINARIES ("out=package ..."), LDFLAGS_X (-X settings; {version} and {commit} are filled in),
# SOURCE (go-module or built) and optionally CGO=1, LDFLAGS_EXTRA and PROVIDES_PREFIX (cni/ for CNI
# plugins, whose names such as bridge clash with host commands).
MODULE="" LDFLAGS_X="" LDFLAGS_EXTRA="" SOURCE="go-module" CGO="0" VERSION="" PROVIDES_PREFIX=""
source "$dir/component.env"
goos="${GOOS:-linux}" goarch="${GOARCH:-amd64}"
exe=""; [ "$goos" = windows ] && exe=".exe"

commit=""
if [ -n "$MODULE" ]; then
  VERSION="$(cd "$dir" && go list -m -f '{{.Version}}' "$MODULE")"
  info_file="$(cd "$dir" && go mod download -json "$MODULE@$VERSION" | sed -n 's/.*"Info": "\(.*\)".*/\1/p')"
  commit="$(grep -o '"Hash": *"[0-9a-f]*"' "$info_file" | grep -o '[0-9a-f]\{40\}' || true)"
  origin="$MODULE@$VERSION"
else
  origin="kubeyard tools/go-components/$name"
fi
ldflags="-s -w"
for x in $LDFLAGS_X; do
  x="${x//\{version\}/$VERSION}"; x="${x//\{commit\}/${commit:-unknown}}"
  ldflags+=" -X $x"
done
[ -n "$LDFLAGS_EXTRA" ] && ldflags+=" $LDFLAGS_EXTRA"

out="$KUBEYARD_CACHE/bin/$name-$VERSION/$goos-$goarch"
inputs=("$dir"/component.env "$dir"/go.mod "$here/build.sh")
[ -f "$dir/go.sum" ] && inputs+=("$dir/go.sum")
for f in "$dir"/*.go; do [ -f "$f" ] && inputs+=("$f"); done
stamp_value="$(input_stamp "${inputs[@]}" -- "$goos/$goarch" "$ldflags" "$CGO")"
if stamp_matches "$out" "$stamp_value"; then
  echo "go-components: $name $VERSION ($goos/$goarch) is up to date in $out"
  publish_artifacts "$out"
  exit 0
fi

echo "go-components: building $name $VERSION for $goos/$goarch into $out"
mkdir -p "$out"
start=$SECONDS
: > "$out/artifacts.tsv.tmp"
for binary in $BINARIES; do
  file="${binary%%=*}$exe" package="${binary#*=}"
  (cd "$dir" && CGO_ENABLED="$CGO" GOOS="$goos" GOARCH="$goarch" nice -n 15 \
    go build -trimpath -ldflags "$ldflags" -o "$out/$file.tmp" "$package")
  mv "$out/$file.tmp" "$out/$file"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$file" "$name" "${VERSION#v}" "$origin" "$PROVIDES_PREFIX${binary%%=*}" "$SOURCE" \
    >> "$out/artifacts.tsv.tmp"
done
mv "$out/artifacts.tsv.tmp" "$out/artifacts.tsv"
write_stamp "$out" "$stamp_value"
echo "go-components: built $name $VERSION in $((SECONDS - start)) s"
publish_artifacts "$out"
