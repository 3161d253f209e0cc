#!/usr/bin/env bash
# Runs the desktop's UI tests (TestFX, JavaFX 21) in a real window on a virtual X server, with Java 17.
# Installs what it needs first: xvfb, xauth, GTK 3 (JavaFX's glass toolkit), libXtst (the robot) and a
# TrueType CJK font so the Chinese screens render (JavaFX skips the CFF-based Noto CJK fonts), and what the
# local lab needs (LabInstallUiTest installs a real cluster on it: systemd-container, debootstrap, ssh-keygen,
# iproute2; it also needs root and a bundle from tools/build-bundle.sh, and skips saying so without them).
# Screenshots land in desktop/target/screenshots/, measurements in desktop/target/measurements/.
# Extra arguments go to Maven, e.g.  desktop/run-ui-tests.sh -Dtest=NetworkPageUiTest
#                                    desktop/run-ui-tests.sh -Dkubeyard.updateGolden=true
#                                    desktop/run-ui-tests.sh -Dexcluded.test.groups=lab   (without the lab install, ~4 min less)
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(xvfb xauth libgtk-3-0 libxtst6 fonts-wqy-microhei maven systemd-container debootstrap openssh-client iproute2)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "run-ui-tests: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# -am builds model and engine from this checkout (not from whatever ~/.m2 holds); -Pui-only runs only
# the tests tagged "ui" (the view-model tests run in every `mvn install`). The lab install tears its lab
# ('desk', 10.213.57.0/24) down itself; the trap below also does when Maven is killed.
cleanup() {
  [ "$(id -u)" = 0 ] && [ -d /var/lib/kubeyard/lab/desk ] || return 0
  ./kubeyard lab down --name desk --subnet 10.213.57 >/dev/null 2>&1 || true
}
trap cleanup EXIT
xvfb-run -a -s "-screen 0 1440x1000x24" \
  mvn -B -ntp -pl desktop -am -Pui-only -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='dev.kubeyard.desktop.**' verify "$@"
