package dev.kubeyard.engine.run;

import java.util.List;

/** How a run ended: counts, and for a failure which step on which host and why. */
public record RunResult(InstallEvent.Outcome outcome, int applied, int skipped, List<StepFailure> failures) {

  /** One step that failed on one host, with the evidence and what to do. */
  public record StepFailure(String host, String stepId, String message, String hint, String logFile) {}

  public boolean succeeded() {
    return outcome == InstallEvent.Outcome.SUCCEEDED;
  }
}
