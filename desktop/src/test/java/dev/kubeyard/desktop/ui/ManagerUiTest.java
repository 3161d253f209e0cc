package dev.kubeyard.desktop.ui;

import static dev.kubeyard.desktop.ui.UiHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.FileDialogs.Kind;
import dev.kubeyard.desktop.install.RehearsalRunner;
import dev.kubeyard.desktop.shell.ShellViewModel.Screen;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The manager opened from the start page with a kubeconfig. The cluster is a STAND-IN (no apiserver
 * runs here yet): the engine's status API is tested with the real client against a loopback stand-in.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ManagerUiTest {
  private final UiHarness ui = new UiHarness();

  @Start
  void start(Stage stage) {
    ui.answer(Kind.KUBECONFIG, Path.of("admin.kubeconfig"));
    ui.show(stage, "logs-manager", logs -> RehearsalRunner.threaded(Duration.ZERO, Map.of(), logs));
  }

  @Test
  void theClusterTabShowsNodesHealthPodsAndAPodsLogAndTheAppTabsSayNotInstalledWithoutASpecEnablingThem(FxRobot robot) {
    robot.clickOn("#start-kubeconfig");
    waitFor("the nodes", () -> ui.shell.screenProperty().get() == Screen.MANAGER && ui.shell.manager.nodes().size() == 3);

    assertThat(robot.lookup("#manager-nodes").queryAs(TableView.class).getItems()).hasSize(3);
    assertThat(robot.lookup("#manager-components").queryAs(TableView.class).getItems()).hasSize(3);
    waitFor("the kube-system pods", () -> ui.shell.manager.pods().size() == 2);
    robot.clickOn("coredns-7db6d8ff4d-x2x9q"); // the cell, not a row that may still be empty
    waitFor("the pod log", () -> !ui.shell.manager.podLogProperty().get().isEmpty());
    assertThat(robot.lookup("#manager-pod-log").queryAs(TextArea.class).getText()).contains("CoreDNS-1.11.3");
    ui.screenshot(robot, "manager-cluster");

    robot.clickOn("Elasticsearch");
    assertThat(robot.lookup("#app-state-elasticsearch").queryAs(Label.class).getText()).isEqualTo("Not installed");
    assertThat(robot.lookup("#es-what-to-do").queryAs(Label.class).getText()).startsWith("The open spec has no Elasticsearch");
    assertThat(robot.lookup("#es-deploy").queryAs(Button.class).isDisabled()).isTrue();
    ui.screenshot(robot, "manager-elasticsearch");

    robot.clickOn("#tab-python");
    assertThat(robot.lookup("#app-state-python").queryAs(Label.class).getText()).isEqualTo("Not installed");
    assertThat(robot.lookup("#py-what-to-do").queryAs(Label.class).getText()).startsWith("The open spec has no Python service");
    assertThat(robot.lookup("#py-deploy").queryAs(Button.class).isDisabled()).isTrue();
  }
}
