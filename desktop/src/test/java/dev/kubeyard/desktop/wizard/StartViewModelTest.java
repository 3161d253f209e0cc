package dev.kubeyard.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.testing.Fixtures;
import dev.kubeyard.desktop.wizard.start.StartViewModel.Choice;
import dev.kubeyard.model.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
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
    assertThat(wizard.draft().hosts).hasSize(8);
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

  @Test
  void theLocalLabIsOfferedButCannotBeChosenUntilItIsBuilt() {
    assertThat(wizard.start.labAvailable()).isFalse();
  }
}
