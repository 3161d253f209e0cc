#!/usr/bin/env bash
# Measures cold start: from launching a new JVM to the first window on screen (the app prints the
# wall-clock time when its window is shown). Runs N times (default 5) on a virtual X server and prints
# each run and the median. Page cache is left warm (the machine is shared; caches are not dropped).
#   desktop/measure-cold-start.sh [RUNS] [LAUNCHER]
# LAUNCHER defaults to the classpath build in desktop/target; pass /opt/kubeyard/bin/kubeyard to
# measure the installed DEB.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
runs="${1:-5}"
launcher="${2:-}"
if [ -z "$launcher" ]; then
  [ -f "$here/target/kubeyard-desktop-0.1.0-SNAPSHOT.jar" ] || (cd "$here/.." && mvn -q -B -pl desktop -am package -DskipTests)
  launcher="java -cp $here/target/kubeyard-desktop-0.1.0-SNAPSHOT.jar:$here/target/lib/* dev.kubeyard.desktop.Main"
fi
xvfb-run -a -s "-screen 0 1280x900x24" bash -c '
  launcher="$1"; runs="$2"; results=(); cpus=()
  for i in $(seq 1 "$runs"); do
    start=$(date +%s%3N)
    TIMEFORMAT="%U %S"
    { cpu=$( { time $launcher --lang=en --report-startup --exit-after-start > /tmp/kubeyard-start.$$ 2>/dev/null; } 2>&1 ); }
    out=$(cat /tmp/kubeyard-start.$$)
    cpus+=("$(echo "$cpu" | awk "{printf \"%d\", (\$1 + \$2) * 1000}")")
    shown=$(echo "$out" | sed -n "s/^kubeyard-first-window-epoch-ms=//p")
    results+=($((shown - start)))
    entered=$(echo "$out" | sed -n "s/^kubeyard-start-epoch-ms=//p")
    echo "run $i: $((shown - start)) ms to the first window (JVM and JavaFX toolkit $((entered - start)) ms, $(echo "$out" | sed -n "s/^kubeyard-startup: //p")); CPU time of the whole run ${cpus[-1]} ms"
  done
  sorted=($(printf "%s\n" "${results[@]}" | sort -n))
  cpu_sorted=($(printf "%s\n" "${cpus[@]}" | sort -n))
  echo "median of $runs: ${sorted[$((runs / 2))]} ms to the first window, ${cpu_sorted[$((runs / 2))]} ms CPU (user+sys, all cores) (load average $(cut -d" " -f1-3 /proc/loadavg))"
  rm -f /tmp/kubeyard-start.$$
' _ "$launcher" "$runs"
