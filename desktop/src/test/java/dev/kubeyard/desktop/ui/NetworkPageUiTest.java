package dev.kubeyard.desktop.ui;

import static dev.kubeyard.desktop.ui.UiHarness.type;
import static dev.kubeyard.desktop.ui.UiHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.FileDialogs.Kind;
import dev.kubeyard.desktop.fx.ProblemMarker;
import dev.kubeyard.desktop.install.RehearsalRunner;
import dev.kubeyard.desktop.testing.Fixtures;
import dev.kubeyard.desktop.wizard.WizardStep;
import java.time.Duration;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The model's validation shown on the exact field its problem names. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class NetworkPageUiTest {
  private final UiHarness ui = new UiHarness();

  @Start
  void start(Stage stage) {
    ui.answer(Kind.CLUSTER_YAML, Fixtures.exampleClusterYaml());
    ui.show(stage, "logs-network", logs -> RehearsalRunner.threaded(Duration.ZERO, Map.of(), logs));
  }

  private void openExampleAtTheNetworkPage(FxRobot robot) {
    robot.clickOn("#start-open");
    waitFor("the example loaded", () -> ui.shell.wizard.start.ready().get());
    robot.clickOn("#wizard-next");
    robot.clickOn("#wizard-next");
    waitFor("the network page", () -> ui.shell.wizard.currentProperty().get() == WizardStep.NETWORK);
  }

  @Test
  void anInvalidServiceCidrShowsItsMessageOnThatFieldAndBlocksNext(FxRobot robot) {
    openExampleAtTheNetworkPage(robot);
    assertThat(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled()).isFalse();

    type(robot, "#field-kubernetes-serviceCidr", "10.68.0.0/33");

    Label message = robot.lookup("#problem-kubernetes-serviceCidr").queryAs(Label.class);
    assertThat(message.isVisible()).isTrue();
    assertThat(message.getText()).isEqualTo("prefix must be between 1 and 32 (found '10.68.0.0/33'). Fix: use a prefix such as /16");
    TextField field = robot.lookup("#field-kubernetes-serviceCidr").queryAs(TextField.class);
    assertThat(field.getPseudoClassStates()).contains(ProblemMarker.DANGER);
    assertThat(robot.lookup("#problem-kubernetes-clusterCidr").queryAs(Label.class).isVisible()).isFalse();
    assertThat(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled()).isTrue();
    assertThat(robot.lookup("#wizard-blocked").queryAs(Label.class).getText()).startsWith("1 problem on this page");
    ui.screenshot(robot, "network-invalid-cidr");

    type(robot, "#field-kubernetes-serviceCidr", "10.68.0.0/16");

    assertThat(message.isVisible()).isFalse();
    assertThat(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled()).isFalse();
  }

  @Test
  void overlappingRangesAreHighlightedOnBothFieldsWithTheModelsMessageOnThePodCidr(FxRobot robot) {
    openExampleAtTheNetworkPage(robot);

    type(robot, "#field-kubernetes-clusterCidr", "10.68.128.0/17");

    assertThat(robot.lookup("#network-conflicts").queryAs(Label.class).getText())
        .isEqualTo("The service CIDR 10.68.0.0/16 and the pod CIDR 10.68.128.0/17 overlap.");
    assertThat(robot.lookup("#field-kubernetes-serviceCidr").queryAs(TextField.class).getPseudoClassStates())
        .anyMatch(p -> p.getPseudoClassName().equals("conflict"));
    assertThat(robot.lookup("#problem-kubernetes-clusterCidr").queryAs(Label.class).getText())
        .startsWith("overlaps the service CIDR 10.68.0.0/16");
    assertThat(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled()).isTrue();
    ui.screenshot(robot, "network-overlap");
  }
}
