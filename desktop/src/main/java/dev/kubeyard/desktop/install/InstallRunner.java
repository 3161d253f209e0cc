package dev.kubeyard.desktop.install;

import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.run.InstallListener;
import java.util.Set;

/**
 * Runs an install plan and reports through engine events. The engine's SSH executor (branch lab)
 * will implement this; until it is on main, {@link PlanRehearsal} walks the plan without touching hosts.
 */
public interface InstallRunner {
  /** False for a rehearsal: the UI then says that nothing is done to the hosts. */
  boolean changesHosts();

  /**
   * Starts on another thread. Steps named in {@code alreadyDone} ({@link StepKey#of}) were completed by
   * an earlier attempt and are reported as skipped: that is how "retry from the failed step" works.
   */
  RunningInstall start(Plan plan, Set<String> alreadyDone, InstallListener listener);

  /** A run in progress. */
  interface RunningInstall {
    /** Asks the run to stop before its next step; it ends with a CANCELLED outcome. */
    void cancel();
  }
}
