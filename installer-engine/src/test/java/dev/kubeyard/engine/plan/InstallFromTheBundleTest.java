package dev.kubeyard.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.testing.ExamplePlans;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.model.spec.ClusterSpec;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallFromTheBundleTest {
  private static BundleContent bundle(String version) {
    return ExamplePlans.bundle(version);
  }

  private static Plan plan(ClusterSpec spec, BundleContent bundle) {
    return ExamplePlans.plan(spec, bundle);
  }

  private static Step step(Plan plan, String id, String host) {
    return plan.steps().stream().filter(s -> s.id().equals(id) && s.host().equals(host)).findFirst().orElseThrow();
  }

  private static List<String> puts(Step s) {
    return s.apply().stream().filter(a -> a instanceof Action.PutFile).map(a -> ((Action.PutFile) a).path()).toList();
  }

  @Test
  void theMultiCallKubernetesBinaryIsCopiedOnceAndLinkedUnderEachCommandAMasterNeeds() {
    Step s = step(plan(Specs.current(), bundle("1.35.0")), "install-binaries", "master1");
    assertThat(puts(s)).filteredOn(p -> p.endsWith("/kubernetes")).containsExactly("/opt/kube/bin/kubernetes");
    assertThat(s.apply()).filteredOn(a -> a instanceof Action.Run).extracting(Action::describe)
        .contains("run ln -sfn kubernetes /opt/kube/bin/kube-apiserver", "run ln -sfn kubernetes /opt/kube/bin/kubelet");
    assertThat(s.check()).contains("[ \"$(readlink /opt/kube/bin/kube-apiserver)\" = kubernetes ]");
    assertThat(puts(s)).contains("/opt/kube/bin/etcd", "/opt/kube/bin/containerd", "/opt/cni/bin/flannel", "/opt/cni/bin/bridge");
  }

  @Test
  void loadBalancersGetHaproxyKeepalivedAndTheirLibrariesButNoKubernetes() {
    Step s = step(plan(Specs.current(), bundle("1.35.0")), "install-binaries", "lb1");
    assertThat(puts(s)).containsExactlyInAnyOrder("/opt/kube/bin/haproxy", "/opt/kube/bin/keepalived",
        "/opt/kube/lib/liblua5.3.so.0");
  }

  @Test
  void everyNodeImportsTheAddonImagesAndTheGatewaysAndItsCheckAsksContainerdForEachReference() {
    Step s = step(plan(Specs.current(), bundle("1.35.0")), "import-images", "node1");
    // pause, CoreDNS, metrics-server, flannel, Traefik, MetalLB's two (the current example has a pool), the gateway,
    // GitLab's PostgreSQL and Redis (the example's GitLab has no external postgresHost or redisSentinels)
    assertThat(puts(s)).hasSize(10).allMatch(p -> p.startsWith("/var/lib/kubeyard/images/"));
    assertThat(s.check()).contains("grep -qxF 'kubeyard.local/pause:1'", "grep -qxF 'kubeyard.local/coredns:1'",
        "grep -qxF 'kubeyard.local/traefik:1'", "grep -qxF 'kubeyard.local/metallb-speaker:1'",
        "grep -qxF 'kubeyard.local/platform-gateway:1'", "grep -qxF 'kubeyard.local/gitlab-postgres:1'",
        "grep -qxF 'kubeyard.local/redis:1'");
  }

  @Test
  void theGatewayImageIsNotImportedWhenThePythonServiceRunsAnImageOfItsRegistry() {
    ClusterSpec spec = Specs.example(y -> y.replace("version: 1.14.10", "version: 1.35.0")
        .replace("  pythonService:\n", "  pythonService:\n    image: registry.example.com/platform/gateway:2.0.0\n"));
    assertThat(spec.apps().pythonService().image()).isEqualTo("registry.example.com/platform/gateway:2.0.0");

    Step s = step(plan(spec, bundle("1.35.0")), "import-images", "node1");

    assertThat(puts(s)).noneMatch(p -> p.contains("platform-gateway"))
        .anyMatch(p -> p.contains("traefik"));
  }

  @Test
  void withoutABundleNoStepCopiesBinariesOrImages() {
    Plan p = plan(Specs.current(), BundleContent.none());
    assertThat(p.steps()).noneMatch(s -> s.id().equals("install-binaries") || s.id().equals("import-images"));
  }

  @Test
  void aBundleWithoutACommandAHostNeedsIsRefusedNamingItAndTheFix() {
    BundleContent b = bundle("1.35.0");
    Map<String, BundleContent.Artifact> fewer = new HashMap<>(b.commands());
    fewer.remove("keepalived");
    BundleContent missing = new BundleContent("1.35.0", fewer, b.libraries(), b.images());
    assertThatThrownBy(() -> plan(Specs.current(), missing))
        .hasMessageContaining("the bundle has no 'keepalived', needed on lb1").hasMessageContaining("kubeyard bundle verify");
  }

  @Test
  void aBundleOfAnotherKubernetesVersionIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) {
    ClusterFacts facts = ClusterFacts.of(Specs.current());
    assertThatThrownBy(() -> PlanBuilder.write(facts, dir.resolve("plan"), dir, bundle("1.34.2")))
        .hasMessageContaining("carries Kubernetes 1.34.2 but kubernetes.version is 1.35.0");
    assertThat(dir.resolve("plan")).doesNotExist();
  }

  @Test
  void inAContainerOnlyTheNetworkNamespacesSysctlsAreApplied() {
    Step s = step(plan(Specs.current(), BundleContent.none()), "prepare-os", "node1");
    assertThat(s.apply()).extracting(Action::describe).anyMatch(d -> d.contains("systemd-detect-virt --container")
        && d.contains("grep -E '^[[:space:]]*net\\.'") && d.contains("else sysctl --system"));
  }
}
