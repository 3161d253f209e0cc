package dev.kubeyard.desktop.ui;

import static dev.kubeyard.desktop.ui.UiHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.DesktopContext;
import dev.kubeyard.desktop.fx.FxThreadAdapter;
import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.install.RehearsalRunner;
import dev.kubeyard.desktop.manager.AppAvailability;
import dev.kubeyard.desktop.manager.ClusterStatusStandIn;
import dev.kubeyard.desktop.manager.elasticsearch.EsConnector;
import dev.kubeyard.desktop.manager.pyservice.GatewayStandIn;
import dev.kubeyard.desktop.manager.pyservice.PythonServiceTabViewModel;
import dev.kubeyard.desktop.testing.ExampleCluster;
import dev.kubeyard.desktop.wizard.start.EngineLab;
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
 * The Python service tab in the window: Deploy lists what it applied and the tab then says the pods
 * wait for their Secret, with the command to create it. The cluster is a STAND-IN
 * ({@link GatewayStandIn}); the engine's deployer runs on the bundle's real kube-apiserver in
 * GatewayDeployerTest.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PythonServiceTabUiTest {
  private final UiHarness ui = new UiHarness();
  private final GatewayStandIn cluster = new GatewayStandIn();

  @Start
  void start(Stage stage) {
    Path logs = ui.work.resolve("logs-python-tab");
    ui.show(stage, new DesktopContext(ui.i18n, Threads.forFx(), ui.dialogs,
        RehearsalRunner.threaded(Duration.ZERO, Map.of(), logs), FxThreadAdapter::deliver,
        p -> new ClusterStatusStandIn(true), ui.opened::add, EsConnector.kubernetes(), k -> cluster), new EngineLab());
  }

  @Test
  void deployListsEachObjectThenTheTabSaysWhichSecretThePodsWaitFor(FxRobot robot) {
    PythonServiceTabViewModel py = ui.shell.manager.pythonService();
    robot.interact(() -> {
      ExampleCluster.load(ui.shell.wizard); // a spec with apps.pythonService enabled
      ui.shell.manage(Path.of("admin.kubeconfig"));
    });
    robot.clickOn("#tab-python");
    waitFor("the status read", () -> py.availabilityProperty().get() == AppAvailability.NOT_DEPLOYED);
    assertThat(label(robot, "#app-state-python")).isEqualTo("Not installed");
    assertThat(label(robot, "#py-what-to-do")).startsWith("Deploy creates namespace platform");

    robot.clickOn("#py-deploy");
    waitFor("the deploy", () -> py.availabilityProperty().get() == AppAvailability.INSTALLED && !py.busyProperty().get());

    // the example spec exposes SQL Server on 1433: its TCP route comes last; default-deny and one policy per
    // flow (ADR 39) sit between the budget and the Ingress
    assertThat(robot.lookup("#py-applied").queryAs(ListView.class).getItems()).hasSize(14)
        .startsWith("created Namespace platform").endsWith("created IngressRouteTCP mssql/sqlserver-tds");
    assertThat(label(robot, "#app-state-python")).isEqualTo("Deployed, not ready yet");
    assertThat(label(robot, "#py-what-to-do")).contains(
        "kubectl -n platform create secret generic platform-gateway-secrets --from-file=mssql_password=");
    assertThat(label(robot, "#py-status")).contains("0/2 ready");
    assertThat(robot.lookup("#py-deploy").queryAs(Button.class).isDisabled()).isFalse();
    assertThat(label(robot, "#py-url")).isEqualTo("https://gateway.example.com/");
    assertThat(label(robot, "#py-url-note")).startsWith("gateway.example.com must resolve to the VIP ");

    robot.clickOn("#py-check");
    waitFor("the check", () -> py.checkResultProperty().get() != null);
    assertThat(label(robot, "#py-check-result"))
        .isEqualTo("✔ https://gateway.example.com/readyz answered 200; Elasticsearch: up");
    ui.screenshot(robot, "manager-python-service");
  }

  private static String label(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }
}
