package dev.kubeyard.desktop.ui;

import static dev.kubeyard.desktop.ui.UiHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.FileDialogs.Kind;
import dev.kubeyard.desktop.install.InstallViewModel.RunState;
import dev.kubeyard.desktop.install.RehearsalRunner;
import dev.kubeyard.desktop.testing.Fixtures;
import dev.kubeyard.desktop.wizard.WizardStep;
import dev.kubeyard.engine.plan.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A host failing during the install (NOT A REAL EXECUTION: the engine's executor rehearses the real plan
 * over a transport that reaches no host, and master2's etcd step is made to fail once) shows its error
 * and the log the executor wrote, and retry resumes there.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class InstallFailureUiTest {
  private final UiHarness ui = new UiHarness();
  private Path logs;

  @Start
  void start(Stage stage) {
    logs = ui.work.resolve("logs-failure");
    ui.answer(Kind.CLUSTER_YAML, Fixtures.exampleClusterYaml());
    ui.show(stage, "logs-failure", dir -> RehearsalRunner.threaded(Duration.ofMillis(1), Map.of("master2", "start-etcd"), dir));
  }

  @Test
  void aFailingHostShowsItsErrorAndLogAndRetryResumesAtTheFailedStep(FxRobot robot) throws Exception {
    WizardNavigation.openExampleAndGoTo(robot, ui, WizardStep.REVIEW);

    robot.clickOn("#wizard-rehearse");
    waitFor("the failure", () -> ui.shell.install.stateProperty().get() == RunState.FAILED);

    assertThat(robot.lookup("#install-failure").queryAs(Label.class).getText())
        .startsWith("Step start-etcd failed on master2: injected failure (rehearsal)")
        .contains("What to do: this failure was asked for");
    assertThat(robot.lookup("#cell-master2-" + Phase.ETCD).queryAs(Label.class).getText()).isEqualTo("failed");
    assertThat(robot.lookup("#install-log-title").queryAs(Label.class).getText()).contains("master2");
    ListView<?> log = robot.lookup("#install-log").queryAs(ListView.class);
    assertThat(log.getItems().get(log.getItems().size() - 1).toString()).contains("error: injected failure");
    assertThat(robot.lookup("#install-retry").queryAs(Button.class).isDisabled()).isFalse();
    ui.screenshot(robot, "install-failed");

    robot.clickOn("#install-failure-log");
    assertThat(ui.opened).containsExactly(logs.resolve("logs/master2.log"));
    assertThat(Files.readString(logs.resolve("logs/master2.log"))).contains("[start-etcd] FAILED: injected failure");
    robot.clickOn("#log-link-node1");
    assertThat(ui.opened).last().isEqualTo(logs.resolve("logs/node1.log"));

    robot.clickOn("#install-retry");
    waitFor("the retry to finish", () -> ui.shell.install.stateProperty().get() == RunState.SUCCEEDED);

    assertThat(robot.lookup("#cell-master2-" + Phase.ETCD).queryAs(Label.class).getText()).isEqualTo("done");
    assertThat(robot.lookup("#cell-master1-" + Phase.PREPARE_OS).queryAs(Label.class).getText()).isEqualTo("skipped");
    assertThat(robot.lookup("#install-failure-box").query().isVisible()).isFalse();
    ui.screenshot(robot, "install-retried");
  }
}
