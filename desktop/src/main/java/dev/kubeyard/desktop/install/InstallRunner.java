package dev.kubeyard.desktop.install;

import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.run.InstallListener;
import java.util.Set;

/**
 * Runs an install plan and reports through engine events: {@link ExecutorRunner} carries it out over
 * SSH with the engine's executor; {@link PlanRehearsal} walks it without touching any host.
 */
public interface InstallRunner {
  /** False for a rehearsal: the UI then says that nothing is done to the hosts. */
  boolean changesHosts();

  /**
   * Starts on another thread. Steps named in {@code alreadyDone} ({@link StepKey#of}) were completed by
   * an earlier attempt and are reported as skipped: that is how "retry from the failed step" works.
   */
  RunningInstall start(Plan plan, Set<String> alreadyDone, InstallListener listener);

  /** Where the runner itself logs a host's events; null when it keeps no log (the page then writes one). */
  default java.nio.file.Path logFile(String host) {
    return null;
  }

  /** A run in progress. */
  interface RunningInstall {
    /** Asks the run to stop before its next step; it ends with a CANCELLED outcome. */
    void cancel();
  }
}
