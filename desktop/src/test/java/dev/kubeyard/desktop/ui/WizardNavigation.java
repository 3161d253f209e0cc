package dev.kubeyard.desktop.ui;

import static dev.kubeyard.desktop.ui.UiHarness.waitFor;

import dev.kubeyard.desktop.wizard.WizardStep;
import org.testfx.api.FxRobot;

/** Opens the example cluster.yaml from the start page and clicks Next up to a page. */
final class WizardNavigation {
  private WizardNavigation() {}

  static void openExampleAndGoTo(FxRobot robot, UiHarness ui, WizardStep target) {
    robot.clickOn("#start-open");
    waitFor("the example loaded", () -> ui.shell.wizard.start.ready().get());
    nextUntil(robot, ui, target);
  }

  /** Clicks Next from the page showing up to {@code target}; on the review page, waits for the plan. */
  static void nextUntil(FxRobot robot, UiHarness ui, WizardStep target) {
    while (ui.shell.wizard.currentProperty().get() != target) {
      WizardStep next = WizardStep.values()[ui.shell.wizard.currentProperty().get().ordinal() + 1];
      robot.clickOn("#wizard-next");
      waitFor("page " + next, () -> ui.shell.wizard.currentProperty().get() == next);
    }
    if (target == WizardStep.REVIEW) {
      waitFor("the plan", () -> ui.shell.wizard.review.previewProperty().get() != null);
    }
  }
}
