package dev.kubeyard.agcontroller.decide;

/**
 * A replica's health, from sp_server_diagnostics, on the Pacemaker agent's scale (its monitor_policy).
 * HEALTHY is ours: the agent has no number for "no error".
 */
public enum Health {
  DOWN_OR_UNRESPONSIVE(1),
  CRITICAL_ERROR(3),
  MODERATE_ERROR(4),
  ANY_QUALIFIED_ERROR(5),
  HEALTHY(6);

  private final int level;

  Health(int level) {
    this.level = level;
  }

  public int level() {
    return level;
  }

  /** A replica fails when its level is at or below the threshold, the agent's rule. */
  public boolean passes(Health threshold) {
    return level > threshold.level;
  }
}
