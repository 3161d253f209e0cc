#!/usr/bin/env bash
# Runs the desktop's UI tests (TestFX, JavaFX 21) in a real window on a virtual X server, with Java 17.
# Installs what it needs first: xvfb, xauth, GTK 3 (JavaFX's glass toolkit), libXtst (the robot) and a
# TrueType CJK font so the Chinese screens render (JavaFX skips the CFF-based Noto CJK fonts). Screenshots land in desktop/target/screenshots/.
# Extra arguments go to Maven, e.g.  desktop/run-ui-tests.sh -Dtest=NetworkPageUiTest
#                                    desktop/run-ui-tests.sh -Dkubeyard.updateGolden=true
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(xvfb xauth libgtk-3-0 libxtst6 fonts-wqy-microhei maven)
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
# the tests tagged "ui" (the view-model tests run in every `mvn install`).
exec xvfb-run -a -s "-screen 0 1440x1000x24" \
  mvn -B -ntp -pl desktop -am -Pui-only -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='dev.kubeyard.desktop.**' verify "$@"
