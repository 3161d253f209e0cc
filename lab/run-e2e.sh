#!/usr/bin/env bash
# End-to-end tests on the local lab: Debian machines booted with systemd-nspawn on a private bridge,
# reached over SSH. Installs the apt packages it needs, runs the JUnit tests tagged "lab" (the transport
# and executor tests against real sshd run in the main `mvn install`, scripts/install-deps installs sshd), then the desktop's Elasticsearch tab on the
# Elasticsearch the engine's lab test left running, and removes the labs even when they fail.
# CI: call it from .ci/run after the main suite. Idempotent; needs root.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(openssh-server openssh-client systemd-container debootstrap iproute2 iputils-ping procps maven)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "run-e2e: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # the tests start their own sshd with their own config; never leave the distribution's running
  service ssh stop >/dev/null 2>&1 || true
fi

cleanup() {
  # the labs the tests use (LabLifecycleTest, LabClusterTest, ElasticsearchOnTheLabClusterTest): never leave machines,
  # namespaces or mounts behind
  ./kubeyard lab down --name e2e --subnet 10.213.52 >/dev/null 2>&1 || true
  ./kubeyard lab down --name e2ek8s --subnet 10.213.53 >/dev/null 2>&1 || true
  ./kubeyard lab down --name es --subnet 10.213.56 --workers 3 >/dev/null 2>&1 || true
}
trap cleanup EXIT

mvn -B -ntp -q install -DskipTests -pl model,installer-engine -am
# Elasticsearch on the lab cluster builds its image kubeyard.local/elasticsearch:VERSION from these
# (cached in tools/es-harness/target/ and ~/.cache/kubeyard/images/; rebuilt only when inputs change)
for v in 7.17.28 7.17.29; do ES_VERSION="$v" tools/es-harness/run-es.sh build; done
mvn -B -ntp test -pl model,installer-engine \
  -Dkubeyard.excludedGroups=none \
  -Dtest='dev.kubeyard.engine.lab.**,!ElasticsearchOnTheLabClusterTest,!GatewayThroughTheIngressOnTheLabTest,!GitlabPostgresOnTheLabTest,!GitlabRedisOnTheLabTest' \
  -Dsurefire.failIfNoSpecifiedTests=false
# Elasticsearch on the lab cluster last, keeping its lab 'es' up only for the desktop's Elasticsearch
# tab that follows (a kept lab running beside the tests above loaded the machine enough to make them
# flaky); cleanup removes it
mvn -B -ntp test -pl installer-engine -Dkubeyard.excludedGroups=none -Dtest=ElasticsearchOnTheLabClusterTest \
  -Dkubeyard.eslab.keep=true
# The gateway through the Ingress on the same kept lab: it needs Elasticsearch running there
mvn -B -ntp test -pl installer-engine -Dkubeyard.excludedGroups=none -Dtest=GatewayThroughTheIngressOnTheLabTest
# GitLab's PostgreSQL (Patroni) on the same kept lab: its leader's pod deleted under a counting writer
mvn -B -ntp test -pl installer-engine -Dkubeyard.excludedGroups=none -Dtest=GitlabPostgresOnTheLabTest
# GitLab's Redis with Sentinel on the same kept lab: the master's pod killed under a Sentinel-configured writer
mvn -B -ntp test -pl installer-engine -Dkubeyard.excludedGroups=none -Dtest=GitlabRedisOnTheLabTest
# kube-hunter from this machine against the same kept lab, as an attacker on the hosts' network
KUBEYARD_LAB_SPEC=/var/lib/kubeyard/lab/es/cluster.yaml tools/scanners/run-tests.sh test_kube_hunter_on_the_lab.py
desktop/run-ui-tests.sh -Dtest=ElasticsearchTabOnTheLabUiTest
