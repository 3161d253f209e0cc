#!/usr/bin/env bash
# Builds the Kubeyard desktop app as a jpackage app image and a Debian package (DEB), on Debian with
# JDK 17's jpackage and Debian's fakeroot + dpkg-deb.
#   packaging/jpackage/build-deb.sh            -> packaging/jpackage/target/kubeyard_<version>_amd64.deb
# The DEB installs to /opt/kubeyard (launcher: /opt/kubeyard/bin/kubeyard) with a desktop menu entry.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/target"
version="0.1.0"
jdk="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"

packages=(fakeroot dpkg-dev binutils maven)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "build-deb: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "build-deb: building the desktop module"
(cd "$root" && mvn -B -ntp -q -pl desktop -am package -DskipTests)

rm -rf "$out" && mkdir -p "$out/input"
cp "$root"/desktop/target/kubeyard-desktop-*.jar "$out/input/"
cp "$root"/desktop/target/lib/*.jar "$out/input/"
main_jar="$(basename "$(ls "$root"/desktop/target/kubeyard-desktop-*.jar)")"

# A runtime with only the modules the app uses (jdeps), plus TLS ciphers, locale data for Chinese
# and the zip file system; about half the size of a full JDK.
modules="$("$jdk/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
  --class-path "$out/input/*" "$out/input/$main_jar" 2>/dev/null | tail -1)"
modules="$modules,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.unsupported"
echo "build-deb: runtime modules $modules"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --include-locales en,zh --output "$out/runtime"

common=(--name kubeyard --app-version "$version" --vendor "Kubeyard"
  --description "Installs and manages a highly available Kubernetes platform"
  --copyright "Kubeyard contributors")
echo "build-deb: app image"
"$jdk/bin/jpackage" --type app-image "${common[@]}" --input "$out/input" --main-jar "$main_jar" \
  --main-class dev.kubeyard.desktop.Main --runtime-image "$out/runtime" --dest "$out" \
  --java-options "-Xss1m"
echo "build-deb: DEB"
"$jdk/bin/jpackage" --type deb "${common[@]}" --app-image "$out/kubeyard" --dest "$out" \
  --linux-package-name kubeyard --linux-deb-maintainer "kubeyard@example.com" \
  --linux-menu-group "System;Utility" --linux-app-category admin --linux-shortcut \
  --resource-dir "$here/deb" \
  --linux-package-deps "libgtk-3-0, libxtst6, fonts-wqy-microhei | fonts-wqy-zenhei | fonts-arphic-uming"
ls -l "$out"/*.deb
