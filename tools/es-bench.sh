#!/usr/bin/env bash
# Benchmark (not a test): a 3-node 7.17.28 → 7.17.29 upgrade under load, Kubeyard's gated rolling
# update next to a naive rolling restart of a fresh cluster of the same shape. Prints upgrade
# duration, failed requests, retried attempts, lost documents and the time spent waiting on each
# gate. Takes 5-10 minutes on a busy 2-core machine; needs Maven Central (or a filled ~/.m2).
#   tools/es-bench.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
for v in 7.17.28 7.17.29; do ES_VERSION="$v" tools/es-harness/run-es.sh build; done
mvn -B -q install -DskipTests -pl model
mvn -B -q test-compile -pl installer-engine -am
cp_file=installer-engine/target/es-bench.classpath
mvn -B -q dependency:build-classpath -pl installer-engine -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp_file"
exec java -Xmx512m -Dkubeyard.repo.root="$repo" \
  -cp "installer-engine/target/test-classes:installer-engine/target/classes:$(cat "$cp_file")" \
  dev.kubeyard.engine.apps.elasticsearch.EsUpgradeBenchmark
