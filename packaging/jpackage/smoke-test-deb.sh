#!/usr/bin/env bash
# Installs the DEB built by build-deb.sh with dpkg -i and starts the installed launcher on a virtual
# X server: the window must appear on the X server (xwininfo) and the app saves what it shows
# (desktop/target/screenshots/deb-installed.png). Then the package is removed again (--keep to keep it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
deb="$(ls "$here"/target/kubeyard_*.deb)"
shots="$root/desktop/target/screenshots"
mkdir -p "$shots"

packages=(xvfb xauth x11-utils libgtk-3-0 libxtst6 fonts-wqy-microhei)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# the package's own dependencies (first choice of each), so that plain dpkg -i succeeds
deps=()
IFS=',' read -ra fields <<< "$(dpkg-deb -f "$deb" Depends)"
for f in "${fields[@]}"; do
  p="$(echo "${f%%|*}" | sed 's/(.*)//; s/ //g')"
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || deps+=("$p")
done
if [ ${#deps[@]} -gt 0 ]; then
  echo "smoke-test-deb: installing the package's dependencies ${deps[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${deps[@]}" >/dev/null
fi

echo "smoke-test-deb: dpkg -i $(basename "$deb")"
dpkg -i "$deb" >/dev/null
dpkg-query -W -f='${Package} ${Version} ${Status}\n' kubeyard
test -x /opt/kubeyard/bin/kubeyard

rm -f "$shots/deb-installed.png"
xvfb-run -a -s "-screen 0 1280x900x24" bash -c '
  /opt/kubeyard/bin/kubeyard --lang=en --screenshot="$1" > /tmp/kubeyard-smoke.log 2>&1 &
  app=$!
  seen=""
  for i in $(seq 1 120); do
    # the stage: a top-level window titled Kubeyard, at least 900x600 (not the 10x10 leader window of the toolkit)
    window="$(xwininfo -root -tree 2>/dev/null | grep -E "\"Kubeyard\": \(.*\) +[0-9]{3,}x[0-9]{3,}" | head -1 || true)"
    if [ -n "$window" ]; then
      seen=yes; echo "$window"; break
    fi
    sleep 0.5
  done
  wait $app
  [ -n "$seen" ] || { echo "smoke-test-deb: no Kubeyard window appeared"; cat /tmp/kubeyard-smoke.log; exit 1; }
' _ "$shots/deb-installed.png"
test -s "$shots/deb-installed.png"
echo "smoke-test-deb: the installed launcher opened the window; screenshot $shots/deb-installed.png"

if [ "${1:-}" != "--keep" ]; then
  dpkg -r kubeyard >/dev/null
  echo "smoke-test-deb: removed the package again"
fi
