#!/usr/bin/env bash
# CI entry point for Elasticsearch: builds both harness versions (7.17.28 and 7.17.29, cached in
# tools/es-harness/target/), validates the rendered manifests against the Kubernetes 1.14 and 1.35
# schemas, then runs every Elasticsearch test of the engine, the real-node scenarios included
# (3 real nodes, upgrade under load, refused version rollback, interrupted config change resumed,
# config rollback, snapshot restore on the old version). Exits non-zero on any failure.
#   tools/es-tests.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
command -v mvn >/dev/null || scripts/install-deps
for v in 7.17.28 7.17.29; do ES_VERSION="$v" tools/es-harness/run-es.sh build; done
tools/es-validate-manifests.sh
mvn -B -ntp -q install -DskipTests -pl model
mvn -B -ntp test -pl installer-engine -am -Dkubeyard.es.realNodes=true \
  -Dtest='dev.kubeyard.engine.apps.elasticsearch.**,dev.kubeyard.engine.k8s.elasticsearch.**,EngineArchitectureTest' \
  -Dsurefire.failIfNoSpecifiedTests=false
