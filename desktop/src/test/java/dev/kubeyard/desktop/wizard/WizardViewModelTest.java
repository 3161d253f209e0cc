package dev.kubeyard.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.testing.ExampleCluster;
import dev.kubeyard.model.validate.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WizardViewModelTest {
  private final WizardViewModel wizard = new WizardViewModel(Threads.synchronous());
  @TempDir Path dir;

  @BeforeEach
  void emptyCache() {
    // a 1.14 bundle built on this machine must not decide whether the example can be installed
    System.setProperty("kubeyard.cache", dir.resolve("empty-cache").toString());
  }

  @AfterEach
  void machineCacheAgain() {
    System.clearProperty("kubeyard.cache");
  }

  @Test
  void nextStaysDisabledOnTheStartPageUntilAWayToBeginIsChosen() {
    assertThat(wizard.canGoNext().get()).isFalse();

    wizard.start.newCluster();

    assertThat(wizard.canGoNext().get()).isTrue();
    wizard.next();
    assertThat(wizard.currentProperty().get()).isEqualTo(WizardStep.HOSTS);
  }

  @Test
  void theHostsPageOfANewClusterBlocksNextUntilItHasHosts() {
    wizard.start.newCluster();
    wizard.next();

    assertThat(wizard.problemsOf(WizardStep.HOSTS)).extracting(Problem::path).contains("hosts");
    assertThat(wizard.canGoNext().get()).isFalse();
  }

  @Test
  void anInvalidServiceCidrIsANetworkPageProblemOnItsPathAndBlocksNext() {
    wizard.start.newCluster();
    ExampleCluster.load(wizard);
    wizard.currentProperty().set(WizardStep.NETWORK);
    assertThat(wizard.canGoNext().get()).isTrue();

    wizard.draft().kubernetes.serviceCidr.set("10.68.0.0/33");

    assertThat(wizard.problemsOf(WizardStep.NETWORK)).extracting(Problem::path).contains("kubernetes.serviceCidr");
    assertThat(wizard.problemsOf(WizardStep.HOSTS)).isEmpty();
    assertThat(wizard.canGoNext().get()).isFalse();
  }

  @Test
  void aBoundNextButtonFollowsAFixedProblemAtOnce() {
    wizard.start.newCluster();
    ExampleCluster.load(wizard);
    wizard.currentProperty().set(WizardStep.NETWORK);
    javafx.beans.property.BooleanProperty disabled = new javafx.beans.property.SimpleBooleanProperty();
    disabled.bind(wizard.canGoNext().not());
    disabled.addListener((o, old, now) -> { }); // evaluated eagerly, as a button's disable state is

    wizard.draft().kubernetes.serviceCidr.set("10.68.0.0/33");
    assertThat(disabled.get()).isTrue();
    wizard.draft().kubernetes.serviceCidr.set("10.68.0.0/16");

    assertThat(disabled.get()).isFalse();
  }

  @Test
  void eachProblemBelongsToThePageThatEditsItsPath() {
    assertThat(WizardStep.of(Problem.of("hosts[3].ssh.port", "x", "r"))).isEqualTo(WizardStep.HOSTS);
    assertThat(WizardStep.of(Problem.of("hosts[*].roles", "x", "r"))).isEqualTo(WizardStep.HOSTS);
    assertThat(WizardStep.of(Problem.of("kubernetes.version", "x", "r"))).isEqualTo(WizardStep.VERSIONS);
    assertThat(WizardStep.of(Problem.of("kubernetes.clusterCidr", "x", "r"))).isEqualTo(WizardStep.NETWORK);
    assertThat(WizardStep.of(Problem.of("loadBalancer.vip", "x", "r"))).isEqualTo(WizardStep.LOAD_BALANCER);
    assertThat(WizardStep.of(Problem.of("apps.gitlab.host", "x", "r"))).isEqualTo(WizardStep.APPS);
    assertThat(WizardStep.of(Problem.of("(spec)", null, "r"))).isEqualTo(WizardStep.REVIEW);
  }

  @Test
  void theProblemListJumpsOnlyToPagesAlreadyReached() {
    wizard.start.newCluster();
    wizard.next();

    wizard.goTo(WizardStep.APPS);
    assertThat(wizard.currentProperty().get()).isEqualTo(WizardStep.HOSTS);
    wizard.goTo(WizardStep.START);
    assertThat(wizard.currentProperty().get()).isEqualTo(WizardStep.START);
  }

  @Test
  void theExampleClusterWalksFromStartToReviewAndBuildsItsPlan() {
    wizard.start.newCluster();
    ExampleCluster.load(wizard);
    while (wizard.currentProperty().get() != WizardStep.REVIEW) {
      assertThat(wizard.canGoNext().get()).as("next on " + wizard.currentProperty().get()).isTrue();
      wizard.next();
    }

    assertThat(wizard.review.previewProperty().get()).isNotNull();
    assertThat(wizard.review.canRehearse().get()).isTrue();
    assertThat(wizard.review.canInstall().get()).as("needs a bundle for 1.14.10").isFalse();
  }
}
