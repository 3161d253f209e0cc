# Shared by the Go builders: toolchain, cache locations, CPU politeness and input stamps.
# Source it; it sets KUBEYARD_CACHE, GOCACHE, GOFLAGS and defines input_stamp/stamp_matches/write_stamp.
export PATH="/usr/local/go/bin:$PATH"
export KUBEYARD_CACHE="${KUBEYARD_CACHE:-$HOME/.cache/kubeyard}"
# Our own build cache, so a warm build stays warm whatever else uses the machine's default cache.
export GOCACHE="${KUBEYARD_GOCACHE:-$KUBEYARD_CACHE/go-build}"
export GOTOOLCHAIN=local
# The CPU is shared: at most two packages compile at once (override with KUBEYARD_GO_PARALLEL).
export GOFLAGS="-p=${KUBEYARD_GO_PARALLEL:-2} -mod=readonly -buildvcs=false"
export CGO_ENABLED="${CGO_ENABLED:-0}"

# input_stamp FILE... -- VALUE...: one hash over the files' contents, the values and the Go version.
input_stamp() {
  local files=() values=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do files+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift
  values=("$@")
  { sha256sum "${files[@]}" | awk '{print $1}'; printf '%s\n' "${values[@]}"; go version; } | sha256sum | awk '{print $1}'
}

stamp_matches() { [ -f "$1/.stamp" ] && [ "$(cat "$1/.stamp")" = "$2" ]; }

write_stamp() { printf '%s\n' "$2" > "$1/.stamp"; }

# publish_artifacts DIR: appends DIR/artifacts.tsv, with absolute paths, to $KUBEYARD_ARTIFACT_LIST.
publish_artifacts() {
  [ -n "${KUBEYARD_ARTIFACT_LIST:-}" ] || return 0
  awk -v d="$1" 'BEGIN { FS = OFS = "\t" } { $1 = d "/" $1; print }' "$1/artifacts.tsv" >> "$KUBEYARD_ARTIFACT_LIST"
}
