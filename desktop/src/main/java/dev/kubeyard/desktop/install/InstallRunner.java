package dev.kubeyard.desktop.install;

import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.run.InstallListener;
import java.util.Set;

/**
 * Runs an install plan and reports through engine events: {@link ExecutorRunner} carries it out over
 * SSH with the engine's executor; {@link RehearsalRunner} runs the same executor over a transport that reaches no host.
 */
public interface InstallRunner {
  /** False for a rehearsal: the UI then says that nothing is done to the hosts. */
  boolean changesHosts();

  /**
   * Starts on another thread. Steps named in {@code alreadyDone} ({@link StepKey#of}) were completed by
   * an earlier attempt and are reported as skipped: that is how "retry from the failed step" works.
   */
  RunningInstall start(Plan plan, Set<String> alreadyDone, InstallListener listener);

  /** Where the executor logs a host's events ({@code logs/<host>.log} of the folder it runs in). */
  java.nio.file.Path logFile(String host);

  /** A run in progress. */
  interface RunningInstall {
    /** Asks the run to stop before its next step; it ends with a CANCELLED outcome. */
    void cancel();
  }
}
