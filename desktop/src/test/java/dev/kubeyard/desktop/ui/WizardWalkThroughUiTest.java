package dev.kubeyard.desktop.ui;

import static dev.kubeyard.desktop.ui.UiHarness.type;
import static dev.kubeyard.desktop.ui.UiHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.FileDialogs.Kind;
import dev.kubeyard.desktop.install.RehearsalRunner;
import dev.kubeyard.desktop.testing.Fixtures;
import dev.kubeyard.desktop.wizard.WizardStep;
import dev.kubeyard.model.spec.OsFamily;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/** A person's walk through every wizard page, ending in a cluster.yaml equal to the golden file. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WizardWalkThroughUiTest {
  private final UiHarness ui = new UiHarness();
  private final Path saved = ui.work.resolve("wizard/cluster.yaml");

  @Start
  void start(Stage stage) throws Exception {
    Files.createDirectories(saved.getParent());
    Files.deleteIfExists(saved);
    ui.answer(Kind.HOSTS_CSV, Fixtures.file("hosts.csv")).answer(Kind.CLUSTER_YAML, saved);
    ui.show(stage, "logs-wizard", logs -> RehearsalRunner.threaded(Duration.ZERO, Map.of(), logs));
  }

  private void next(FxRobot robot, WizardStep expected) {
    assertThat(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled()).as("next disabled on the way to " + expected).isFalse();
    robot.clickOn("#wizard-next");
    waitFor("page " + expected, () -> ui.shell.wizard.currentProperty().get() == expected);
  }

  @Test
  void walkingThroughEveryPageProducesAValidClusterYamlEqualToTheGoldenFile(FxRobot robot) throws Exception {
    ui.screenshot(robot, "01-start");
    robot.clickOn("#start-new");
    type(robot, "#field-metadata-name", "demo");
    next(robot, WizardStep.HOSTS);
    assertThat(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled()).as("no hosts yet").isTrue();
    ui.screenshot(robot, "02-hosts-empty");

    robot.clickOn("#hosts-import");
    waitFor("7 imported hosts", () -> ui.shell.wizard.draft().hosts.size() == 7);
    robot.clickOn("#hosts-add");
    type(robot, "#host-name", "win1");
    type(robot, "#host-address", "192.168.1.6");
    ComboBox<?> os = robot.lookup("#host-os").queryAs(ComboBox.class);
    robot.clickOn(os).clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText("Windows")).queryLabeled());
    assertThat(ui.shell.wizard.draft().hosts.get(7).os.get()).isEqualTo(OsFamily.WINDOWS);
    type(robot, "#host-ssh-user", "Administrator");
    ui.screenshot(robot, "03-hosts");
    next(robot, WizardStep.NETWORK);

    type(robot, "#field-kubernetes-serviceCidr", "10.96.0.0/16");
    type(robot, "#field-kubernetes-clusterDnsIp", "10.96.0.10");
    ui.screenshot(robot, "04-network");
    next(robot, WizardStep.LOAD_BALANCER);

    type(robot, "#field-loadBalancer-vip", "192.168.1.10");
    ui.screenshot(robot, "05-load-balancer");
    next(robot, WizardStep.WINDOWS);
    ui.screenshot(robot, "06-windows");
    next(robot, WizardStep.VERSIONS);

    robot.clickOn("#versions-current");
    ui.screenshot(robot, "07-versions");
    next(robot, WizardStep.APPS);

    robot.clickOn("#apps-elasticsearch");
    robot.clickOn("#apps-python");
    ui.screenshot(robot, "08-apps");
    next(robot, WizardStep.REVIEW);

    waitFor("the plan", () -> ui.shell.wizard.review.previewProperty().get() != null);
    ui.screenshot(robot, "09-review");
    robot.clickOn("#review-save");
    waitFor("cluster.yaml saved", () -> Files.exists(saved) && !ui.shell.wizard.review.savedToProperty().get().isEmpty());

    assertThat(Validator.load(saved).problems()).isEmpty();
    Golden.assertMatches("wizard/cluster.yaml", Files.readString(saved));
    assertThat(robot.lookup("#wizard-rehearse").queryAs(Button.class).isDisabled()).isFalse();
    assertThat(robot.lookup("#wizard-install").queryAs(Button.class).isDisabled()).as("install needs a bundle for this version").isTrue();
  }
}
