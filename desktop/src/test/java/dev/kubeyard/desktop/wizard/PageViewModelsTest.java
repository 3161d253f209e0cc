package dev.kubeyard.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.testing.ExampleCluster;
import dev.kubeyard.desktop.wizard.network.Conflict;
import dev.kubeyard.desktop.wizard.network.NetworkViewModel;
import dev.kubeyard.desktop.wizard.versions.VersionsViewModel.Line;
import dev.kubeyard.engine.bundle.BundleManifest;
import dev.kubeyard.engine.bundle.BundleProblem;
import dev.kubeyard.engine.bundle.ManifestJson;
import dev.kubeyard.engine.bundle.verify.BundleVerifier;
import dev.kubeyard.model.spec.ContainerRuntime;
import dev.kubeyard.model.spec.OsFamily;
import dev.kubeyard.model.validate.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network, load balancer, Windows, versions and apps pages over the example cluster. */
class PageViewModelsTest {
  private final WizardViewModel wizard = new WizardViewModel(Threads.synchronous());

  @BeforeEach
  void example() {
    wizard.start.newCluster();
    ExampleCluster.load(wizard);
  }

  @Test
  void overlappingServiceAndPodRangesHighlightBothFields() {
    wizard.draft().kubernetes.clusterCidr.set("10.68.128.0/17");

    assertThat(wizard.network.conflicts()).extracting(Conflict::messageKey).containsExactly("network.conflict.ranges");
    assertThat(wizard.network.inConflict(NetworkViewModel.SERVICE)).isTrue();
    assertThat(wizard.network.inConflict(NetworkViewModel.CLUSTER)).isTrue();
    assertThat(wizard.problemsOf(WizardStep.NETWORK)).extracting(Problem::path).contains("kubernetes.clusterCidr");
  }

  @Test
  void aServiceRangeCoveringTheHostsIsAConflictNamingEachHost() {
    wizard.draft().kubernetes.serviceCidr.set("192.168.0.0/16");

    assertThat(wizard.network.conflicts()).hasSize(9)
        .allSatisfy(c -> assertThat(c.paths()).containsExactly(NetworkViewModel.SERVICE));
    assertThat(wizard.network.conflicts().get(0).args()).containsExactly("lb1", "192.168.1.11", "192.168.0.0/16");
  }

  @Test
  void turningTheLoadBalancerOffLeavesItOutOfTheSpecAndAsksForOneMaster() {
    wizard.draft().loadBalancer.enabled.set(false);

    assertThat(wizard.validation().specProperty().get().loadBalancer()).isNull();
    assertThat(wizard.validation().problems()).extracting(Problem::rule)
        .anyMatch(r -> r.contains("hosts have role 'lb' but no VIP"));
  }

  @Test
  void theLoadBalancerPageNamesItsHostsAndTheMastersBehindIt() {
    assertThat(wizard.loadBalancer.lbHosts().get()).isEqualTo("lb1, lb2");
    assertThat(wizard.loadBalancer.masters().get()).isEqualTo("master1, master2, master3");
  }

  @Test
  void aVipEqualToAHostAddressIsALoadBalancerProblem() {
    wizard.draft().loadBalancer.vip.set("192.168.1.1");

    assertThat(wizard.problemsOf(WizardStep.LOAD_BALANCER)).extracting(Problem::path).containsExactly("loadBalancer.vip");
  }

  @Test
  void whatAWindowsNodeReceivesFollowsTheLineAndTheNetworkMode() {
    assertThat(wizard.windows.hasWindowsHosts().get()).isTrue();
    assertThat(wizard.windows.installedItems().get()).contains("windows.item.docker", "windows.item.overlay");

    wizard.versions.choose(Line.CURRENT);
    wizard.draft().windows.networkMode.set("l2bridge");

    assertThat(wizard.windows.installedItems().get()).contains("windows.item.containerd", "windows.item.l2bridge");
  }

  @Test
  void withoutWindowsHostsThePageHasNothingToConfigure() {
    wizard.draft().hosts.removeIf(h -> h.os.get() == OsFamily.WINDOWS);

    assertThat(wizard.windows.hasWindowsHosts().get()).isFalse();
    assertThat(wizard.validation().specProperty().get().windows()).isNull();
  }

  @Test
  void choosingTheCurrentLineTakesItsVersionAndContainerd() {
    wizard.versions.choose(Line.CURRENT);

    assertThat(wizard.draft().kubernetes.version.get()).isEqualTo("1.35.0");
    assertThat(wizard.draft().kubernetes.runtime.get()).isEqualTo(ContainerRuntime.CONTAINERD);
    assertThat(wizard.versions.line().get()).isEqualTo(Line.CURRENT);
    assertThat(wizard.validation().problems()).isEmpty();
  }

  @Test
  void choosingThe114LineTakes11410AndContainerdLikeTheCurrentLine() {
    wizard.versions.choose(Line.CURRENT);
    wizard.versions.choose(Line.LEGACY);

    assertThat(wizard.draft().kubernetes.version.get()).isEqualTo("1.14.10");
    assertThat(wizard.draft().kubernetes.runtime.get()).isEqualTo(ContainerRuntime.CONTAINERD);
    assertThat(wizard.versions.line().get()).isEqualTo(Line.LEGACY);
    assertThat(wizard.problemsOf(WizardStep.VERSIONS)).isEmpty();
  }

  @Test
  void dockerOnTheCurrentLineIsAVersionsPageProblem() {
    wizard.versions.choose(Line.CURRENT);
    wizard.draft().kubernetes.runtime.set(ContainerRuntime.DOCKER);

    assertThat(wizard.problemsOf(WizardStep.VERSIONS)).extracting(Problem::path)
        .containsExactly("kubernetes.containerRuntime");
  }

  @Test
  void aFolderWithoutManifestIsNotABundle(@TempDir Path dir) {
    wizard.versions.bundlePath().set(dir.toString());

    wizard.versions.verifyBundle();

    assertThat(wizard.versions.bundleReportProperty().get().problems())
        .extracting(BundleProblem::path).containsExactly("manifest.json");
  }

  @Test
  void anEmptyBundleIsIntactButListsWhatThisClusterStillNeeds(@TempDir Path dir) throws Exception {
    ManifestJson.write(dir, BundleManifest.empty("1.14.10", "amd64"));
    wizard.versions.bundlePath().set(dir.toString());

    wizard.versions.verifyBundle();

    BundleVerifier.Report report = wizard.versions.bundleReportProperty().get();
    assertThat(report.manifest().kubernetesVersion()).isEqualTo("1.14.10");
    assertThat(report.ok()).isFalse();
    assertThat(report.problems()).anyMatch(p -> p.toString().contains("kube-apiserver"));
    assertThat(wizard.versions.verifyingProperty().get()).isFalse();
  }

  @Test
  void anAppsFieldBelowItsMinimumIsAProblemOnThatField() {
    wizard.draft().pythonService.included.set(true);
    wizard.draft().pythonService.replicas.set("1");
    wizard.draft().elasticsearch.included.set(true);
    wizard.draft().elasticsearch.masters.set("two");

    assertThat(wizard.problemsOf(WizardStep.APPS)).extracting(Problem::path)
        .containsExactlyInAnyOrder("apps.pythonService.replicas", "apps.elasticsearch.masters");
    assertThat(wizard.apps.includedCount().get()).isEqualTo(4);
  }
}
