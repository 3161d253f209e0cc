package dev.kubeyard.engine.run;

import dev.kubeyard.engine.plan.Phase;
import java.time.Instant;

/**
 * What the engine tells its listeners while it runs a plan. The CLI prints these; the desktop maps
 * them onto the JavaFX thread in one adapter. Events never carry secret file contents.
 */
public sealed interface InstallEvent {
  Instant at();

  /** A run began: how many steps it has in all, for the overall progress. */
  record RunStarted(Instant at, String cluster, int totalSteps) implements InstallEvent {}

  record PhaseStarted(Instant at, Phase phase) implements InstallEvent {}

  record StepStarted(Instant at, String host, Phase phase, String stepId, String title) implements InstallEvent {}

  /** The step's check passed: nothing was applied. */
  record StepSkipped(Instant at, String host, Phase phase, String stepId, String reason) implements InstallEvent {}

  record StepFinished(Instant at, String host, Phase phase, String stepId, long millis) implements InstallEvent {}

  /** A step failed; {@code hint} says what to do, {@code logFile} holds the full evidence. */
  record StepFailed(Instant at, String host, Phase phase, String stepId, String message, String hint,
      String logFile) implements InstallEvent {}

  /** A cancel stopped the step while it ran (its command was killed on the host). */
  record StepCancelled(Instant at, String host, Phase phase, String stepId) implements InstallEvent {}

  /** One line of a step's output, already stripped of secrets. */
  record LogLine(Instant at, String host, String stepId, String line) implements InstallEvent {}

  /** Overall progress, 0 to 100; the last event of a successful run reports 100. */
  record Progress(Instant at, int percent, int doneSteps, int totalSteps) implements InstallEvent {}

  record RunFinished(Instant at, Outcome outcome, String summary) implements InstallEvent {}

  /** How a run ended. */
  enum Outcome { SUCCEEDED, FAILED, CANCELLED }
}
