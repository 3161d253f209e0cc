#!/usr/bin/env bash
# CI entry point for the offline bundle; run it before the Java tests. Idempotent and cached:
#   1. installs the Debian packages the build and the bundle tests need (Go itself is expected at
#      /usr/local/go, Java 17 and Maven on the PATH);
#   2. runs `kubeyard bundle build`, which builds the Go binaries (skipped when their input stamps match),
#      downloads and unpacks the Debian packages, builds the images and writes manifest.json + .tar.gz
#      under $KUBEYARD_CACHE/bundle/ (default ~/.cache/kubeyard), remembered in bundle/latest;
#   3. verifies the result.
# Cold: not yet measured as one run (its parts took about 60 min on a loaded 2-core machine); warm:
# 2-5 minutes (see docs/bundle.md).
# KUBEYARD_WINDOWS=1 also builds kubelet, kube-proxy and kubectl for Windows workers.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export KUBEYARD_CACHE="${KUBEYARD_CACHE:-$HOME/.cache/kubeyard}"
start=$SECONDS

# gcc/libc6-dev: flanneld links its cgo part statically. debootstrap: a minimal Debian root the
# bundle's Debian part is tested on. curl: the apiserver test. The tests run containerd, runc and etcd
# from the bundle itself, so those are not installed here; dpkg-deb comes with dpkg. python3 (3.11) and
# python3-pip: the gateway image's wheels are downloaded with pip and compiled to bytecode with python3.
packages=(gcc libc6-dev debootstrap curl ca-certificates python3 python3-pip)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
newest_list="$(stat -c %Y /var/lib/apt/lists/*InRelease 2>/dev/null | sort -n | tail -1)"
lists_age=$(( $(date +%s) - ${newest_list:-0} ))
if [ ${#missing[@]} -gt 0 ] || [ "$lists_age" -gt 259200 ]; then  # lists older than 3 days
  apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "build-bundle: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# A minimal Debian 12 (what debootstrap's minbase installs), once: MinimalDebianHostTest starts every
# host command of the bundle on it to prove the bundle carries every library such a host lacks.
minbase="$KUBEYARD_CACHE/debian/minbase-bookworm"
if [ ! -x "$minbase/usr/bin/apt" ]; then
  echo "build-bundle: debootstrap --variant=minbase bookworm (once, about a minute)"
  rm -rf "$minbase.tmp" && mkdir -p "$(dirname "$minbase")"
  debootstrap --variant=minbase bookworm "$minbase.tmp" http://deb.debian.org/debian >/dev/null
  rm -rf "$minbase" && mv "$minbase.tmp" "$minbase"
fi

[ -x /usr/local/go/bin/go ] || { echo "build-bundle: Go is missing at /usr/local/go (see MACHINE.md)" >&2; exit 1; }

args=(bundle build)
[ "${KUBEYARD_WINDOWS:-0}" = 1 ] && args+=(--windows)
"$root/kubeyard" "${args[@]}"
bundle="$(cat "$KUBEYARD_CACHE/bundle/latest")"
"$root/kubeyard" bundle verify "$bundle"
echo "build-bundle: $bundle ready in $((SECONDS - start)) s"
