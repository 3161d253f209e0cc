package dev.kubeyard.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.testing.ExampleCluster;
import dev.kubeyard.desktop.wizard.review.BundleChoice;
import dev.kubeyard.desktop.wizard.review.PlanPreview;
import dev.kubeyard.engine.bundle.BundleManifest;
import dev.kubeyard.engine.bundle.ManifestJson;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.topology.Mark;
import dev.kubeyard.engine.topology.TopologyDrawing;
import dev.kubeyard.engine.topology.TopologySvg;
import dev.kubeyard.model.spec.SpecYaml;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewViewModelTest {
  private final WizardViewModel wizard = new WizardViewModel(Threads.synchronous());
  @TempDir Path dir;

  @AfterEach
  void machineCacheAgain() {
    System.clearProperty("kubeyard.cache");
  }

  @BeforeEach
  void example() {
    // an empty cache: a 1.14 bundle built on this machine must not decide what these reviews find
    System.setProperty("kubeyard.cache", dir.resolve("empty-cache").toString());
    wizard.start.newCluster();
    ExampleCluster.load(wizard);
  }

  @Test
  void theReviewShowsTheEnginesPlanPerHostBeforeAnythingRuns() {
    wizard.review.refresh();

    PlanPreview preview = wizard.review.previewProperty().get();
    assertThat(wizard.review.hosts()).containsExactly("lb1", "lb2", "master1", "master2", "master3", "node1", "node2", "node3", "win1");
    assertThat(wizard.review.selectedHostProperty().get()).isEqualTo("lb1");
    assertThat(wizard.review.steps()).extracting(Step::id).contains("prepare-os", "start-load-balancer");
    assertThat(preview.text()).startsWith("Kubeyard install plan for cluster 'prod', Kubernetes 1.14.10");

    wizard.review.selectedHostProperty().set("master1");

    assertThat(wizard.review.steps()).extracting(Step::id).contains("start-etcd", "start-control-plane");
  }

  @Test
  void theReviewKnowsTheIngressControllerOfTheLineIsOutOfSecuritySupport() {
    wizard.review.refresh();

    var support = wizard.review.previewProperty().get().ingressSupport();
    assertThat(support.version()).isEqualTo("2.11.54");
    assertThat(support.securitySupportEnded()).hasToString("2026-09-07");
  }

  @Test
  void theReviewShowsThePictureThePlanFolderHolds() throws Exception {
    wizard.review.refresh();
    TopologyDrawing preview = wizard.review.previewProperty().get().topology();
    assertThat(preview.marks()).filteredOn(m -> m instanceof Mark.Box).extracting(m -> ((Mark.Box) m).id())
        .contains("vip", "lb-lb1", "lb-lb2", "haproxy", "master-master1", "etcd-master3", "worker-win1", "app-elasticsearch");

    wizard.review.writePlan(dir);

    // the screen paints the same marks the file was painted from
    assertThat(TopologySvg.render(wizard.review.previewProperty().get().topology()))
        .isEqualTo(TopologySvg.render(preview))
        .isEqualTo(Files.readString(dir.resolve("topology.svg")));
  }

  @Test
  void anInvalidSpecHasNoPlanAndCannotBeInstalled() {
    wizard.draft().loadBalancer.vip.set("not-an-ip");

    wizard.review.refresh();

    assertThat(wizard.review.previewProperty().get()).isNull();
    assertThat(wizard.review.canRehearse().get()).isFalse();
  }

  @Test
  void writingThePlanFolderIssuesThePkiAndShowsItsRealDigests() throws Exception {
    wizard.review.refresh();
    assertThat(wizard.review.previewProperty().get().text()).contains("sha256 000000000000");

    wizard.review.writePlan(dir);

    PlanPreview written = wizard.review.previewProperty().get();
    assertThat(written.folder()).isEqualTo(dir);
    assertThat(dir.resolve("plan.txt")).hasContent(written.text());
    assertThat(dir.resolve("pki/ca.pem")).exists();
    assertThat(dir.resolve("admin.kubeconfig")).exists();
    assertThat(written.text()).doesNotContain("sha256 000000000000");
  }

  @Test
  void withoutABundleForItsVersionTheReviewSaysWhichIsMissingAndInstallIsRefused() {
    wizard.review.refresh();

    BundleChoice bundle = wizard.review.bundleProperty().get();
    assertThat(bundle.found()).isFalse();
    assertThat(bundle.wantedVersion()).isEqualTo("1.14.10");
    assertThat(wizard.review.canRehearse().get()).isTrue();
    assertThat(wizard.review.canInstall().get()).as("no bundle: nothing to install the binaries from").isFalse();
    List<PlanPreview> started = new ArrayList<>();
    wizard.review.install(started::add);
    assertThat(started).isEmpty();
  }

  @Test
  void aChosenFolderWithoutAManifestIsNotABundle() {
    wizard.review.refresh();

    wizard.review.chooseBundle(dir);

    BundleChoice bundle = wizard.review.bundleProperty().get();
    assertThat(bundle.found()).isFalse();
    assertThat(bundle.unreadable()).contains(dir.toString());
    assertThat(wizard.review.canInstall().get()).isFalse();
  }

  @Test
  void aBundleThatCannotInstallTheSpecStopsInstallWithTheVerifiersProblemsAndStartsNothing() throws Exception {
    Path bundleDir = Files.createDirectories(dir.resolve("bundle"));
    ManifestJson.write(bundleDir, BundleManifest.empty("1.14.10", "amd64"));
    wizard.workspaceProperty().set(dir);
    wizard.review.refresh();
    wizard.review.chooseBundle(bundleDir);
    assertThat(wizard.review.bundleProperty().get().folder()).isEqualTo(bundleDir);
    assertThat(wizard.review.canInstall().get()).isTrue();

    List<PlanPreview> started = new ArrayList<>();
    wizard.review.install(started::add);

    assertThat(started).as("no install starts").isEmpty();
    assertThat(wizard.review.bundleRefusalProperty().get())
        .startsWith("the bundle " + bundleDir + " cannot install this spec:")
        .contains("kube-apiserver").contains("fix: ");
    assertThat(dir.resolve("kubeyard-plan/plan.json")).as("no plan written").doesNotExist();
    assertThat(wizard.review.previewProperty().get().folder()).isNull();
  }

  @Test
  void comparingWithTheHostsNeedsABundleThatCanInstallTheSpecAndAsksNoHostWhenItCannot() throws Exception {
    List<String> asked = new ArrayList<>();
    var review = new dev.kubeyard.desktop.wizard.review.ReviewViewModel(wizard.validation(), Threads.synchronous(),
        new javafx.beans.property.SimpleStringProperty(""), () -> dir.resolve("kubeyard-plan"), spec -> host -> {
          asked.add(host);
          throw new IllegalStateException("no host may be asked");
        });
    review.refresh();
    review.compare();
    assertThat(review.comparingProperty().get()).as("no bundle on this machine's empty cache: nothing to compare with").isFalse();

    Path bundleDir = Files.createDirectories(dir.resolve("bundle"));
    ManifestJson.write(bundleDir, BundleManifest.empty("1.14.10", "amd64"));
    review.chooseBundle(bundleDir);
    review.compare();

    assertThat(review.comparingProperty().get()).isFalse();
    assertThat(review.bundleRefusalProperty().get()).startsWith("the bundle " + bundleDir + " cannot install this spec:");
    assertThat(review.comparisonProperty().get()).isEmpty();
    assertThat(asked).isEmpty();
  }

  @Test
  void theSavedClusterYamlReadsBackValidAndEqualToTheSpec() throws Exception {
    Path file = dir.resolve("cluster.yaml");

    wizard.review.save(file);

    assertThat(wizard.review.savedToProperty().get()).isEqualTo(file.toString());
    Validator.Result back = Validator.load(file);
    assertThat(back.problems()).isEmpty();
    assertThat(back.spec()).isEqualTo(wizard.validation().specProperty().get());
    assertThat(SpecYaml.write(back.spec())).isEqualTo(wizard.review.yaml());
  }
}
