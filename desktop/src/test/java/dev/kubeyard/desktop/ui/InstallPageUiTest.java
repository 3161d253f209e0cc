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
 * The install page fed by engine events through the FX-thread adapter. NOT A REAL EXECUTION: a
 * {@link RehearsalRunner} runs the engine's executor over the real plan for the example cluster, hosts of
 * a phase in parallel (one at a time where the phase says so), over a transport that reaches no host.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class InstallPageUiTest {
  /** The goal for the longest FX-thread stall during an install (docs/desktop.md). */
  static final double STALL_GOAL_MS = 100;
  /**
   * What this test enforces by default: no freeze. The build machine is shared (2 cores, often a load
   * of 5 and more), so the 100 ms goal is measured and reported, and enforced with -Dkubeyard.stall.strict=true.
   */
  static final double FREEZE_MS = 1000;
  private final UiHarness ui = new UiHarness();

  @Start
  void start(Stage stage) {
    ui.answer(Kind.CLUSTER_YAML, Fixtures.exampleClusterYaml());
    ui.show(stage, "logs-install", logs -> RehearsalRunner.threaded(Duration.ofMillis(2), Map.of(), logs));
  }

  @Test
  void aRehearsalOfTheRealPlanNotARealExecutionFillsTheGridWithoutStallingTheFxThread(FxRobot robot) throws Exception {
    WizardNavigation.openExampleAndGoTo(robot, ui, WizardStep.REVIEW);
    FxStallMeter idle = new FxStallMeter();
    robot.interact(idle::start);
    Thread.sleep(3000); // the noise floor: the same meter while nothing happens, on the same machine
    robot.interact(idle::stop);

    FxStallMeter cold = install(robot);

    assertThat(ui.shell.install.stateProperty().get()).isEqualTo(RunState.SUCCEEDED);
    assertThat(robot.lookup("#install-rehearsal").queryAs(Label.class).isVisible()).isTrue();
    assertThat(robot.lookup("#install-percent").queryAs(Label.class).getText()).isEqualTo("100 %");
    assertThat(robot.lookup("#cell-master1-" + Phase.ETCD).queryAs(Label.class).getText()).isEqualTo("done");
    assertThat(robot.lookup("#cell-lb1-" + Phase.ETCD).queryAs(Label.class).getText()).isEmpty();
    assertThat(robot.lookup("#install-log").queryAs(ListView.class).getItems()).isNotEmpty();
    ui.screenshot(robot, "install-finished");

    robot.clickOn("#install-back");
    FxStallMeter warm = install(robot);

    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    String report = String.format("longest FX-thread stall during the install rehearsal: first run (cold JVM) %.1f ms"
        + " over %d frames, second run %.1f ms over %d frames; idle baseline (3 s, no install) %.1f ms over %d frames;"
        + " load average %s; gaps over 50 ms: %s / %s%n", cold.longestMillis(), cold.frames(), warm.longestMillis(),
        warm.frames(), idle.longestMillis(), idle.frames(), load, cold.longGaps, warm.longGaps);
    Path file = Path.of("target", "measurements", "fx-stall.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    System.out.print("kubeyard: " + report);
    assertThat(cold.frames()).as("frames rendered during the run").isGreaterThan(10);
    double limit = Boolean.getBoolean("kubeyard.stall.strict") ? STALL_GOAL_MS : FREEZE_MS;
    assertThat(Math.max(cold.longestMillis(), warm.longestMillis())).as("longest FX-thread stall, ms").isLessThan(limit);
  }

  /** Clicks Install on the review page and measures frames until the run has ended. */
  private FxStallMeter install(FxRobot robot) {
    waitFor("the review page", () -> ui.shell.wizard.review.canRehearse().get());
    FxStallMeter meter = new FxStallMeter();
    robot.interact(meter::start);
    robot.clickOn("#wizard-rehearse");
    waitFor("the rehearsal to finish", () -> ui.shell.install.stateProperty().get() != RunState.RUNNING
        && ui.shell.install.stateProperty().get() != RunState.IDLE);
    robot.interact(meter::stop);
    return meter;
  }
}
