package dev.kubeyard.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.testing.Fixtures;
import dev.kubeyard.desktop.wizard.start.StartViewModel.Choice;
import dev.kubeyard.model.validate.Problem;
import java.nio.file.Files;
import dev.kubeyard.desktop.wizard.start.LabLauncher;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartViewModelTest {
  private final WizardViewModel wizard = new WizardViewModel(Threads.synchronous());
  @TempDir Path dir;

  @Test
  void openingTheExampleClusterYamlLoadsItsHostsAndIsReady() {
    wizard.start.open(Fixtures.exampleClusterYaml());

    assertThat(wizard.start.choiceProperty().get()).isEqualTo(Choice.OPEN);
    assertThat(wizard.start.ready().get()).isTrue();
    assertThat(wizard.draft().hosts).hasSize(9);
    assertThat(wizard.draft().name.get()).isEqualTo("prod");
    assertThat(wizard.validation().problems()).isEmpty();
  }

  @Test
  void aFileWithAnUnknownFieldIsRefusedWithItsPathAndLoadsNothing() throws Exception {
    Path bad = Files.writeString(dir.resolve("cluster.yaml"),
        "apiVersion: kubeyard.dev/v1alpha1\nkind: Cluster\nkubernetes: {serviceCIDR: 10.0.0.0/16}\n");

    wizard.start.open(bad);

    assertThat(wizard.start.readProblems()).extracting(Problem::path).containsExactly("kubernetes.serviceCIDR");
    assertThat(wizard.start.ready().get()).isFalse();
    assertThat(wizard.draft().hosts).isEmpty();
  }

  @Test
  void aNewClusterKeepsTheNameTypedAndForgetsAnOpenedFile() {
    wizard.start.open(Fixtures.exampleClusterYaml());
    wizard.start.clusterName().set("staging");

    wizard.start.newCluster();

    assertThat(wizard.draft().name.get()).isEqualTo("staging");
    assertThat(wizard.draft().hosts).isEmpty();
    assertThat(wizard.start.openedFileProperty().get()).isEmpty();
  }

  /**
   * A STAND-IN for the engine's lab: the real {@code lab up} boots six systemd-nspawn machines as root
   * on a shared bridge (the engine's LabLifecycleTest covers it); here it only writes a cluster.yaml.
   */
  private static LabLauncher standInLab(Path dir, List<String> missing) {
    return new LabLauncher() {
      @Override
      public List<String> missing() {
        return missing;
      }

      @Override
      public Path up(Consumer<String> progress) {
        progress.accept("booting master1 (10.213.50.3)");
        try {
          Path spec = Files.createDirectories(dir.resolve("lab")).resolve("cluster.yaml");
          return Files.writeString(spec, Files.readString(Fixtures.exampleClusterYaml()));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }

  @Test
  void theLabOpensTheClusterYamlItWroteAndKeepsItsKnownHostsBesideIt() {
    WizardViewModel withLab = new WizardViewModel(Threads.synchronous(), dir.resolve("home"), standInLab(dir, List.of()));

    withLab.start.startLab();

    assertThat(withLab.start.choiceProperty().get()).isEqualTo(Choice.LAB);
    assertThat(withLab.start.ready().get()).isTrue();
    assertThat(withLab.start.labProgressProperty().get()).isEqualTo("booting master1 (10.213.50.3)");
    assertThat(withLab.draft().hosts).hasSize(9); // the stand-in lab writes the example
    assertThat(withLab.knownHosts()).isEqualTo(dir.resolve("lab/known_hosts"));
  }

  @Test
  void withoutWhatTheLabNeedsNothingStartsAndThePageCanSayWhatIsMissing() {
    WizardViewModel withLab = new WizardViewModel(Threads.synchronous(), dir.resolve("home"),
        standInLab(dir, List.of("root", "debootstrap")));

    withLab.start.startLab();

    assertThat(withLab.start.labMissing()).containsExactly("root", "debootstrap");
    assertThat(withLab.start.choiceProperty().get()).isNull();
    assertThat(dir.resolve("lab")).doesNotExist();
  }
}
