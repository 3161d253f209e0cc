package dev.kubeyard.agcontroller.decide;

import java.util.List;

/**
 * A planned failover to {@code target}: whether it is safe now, why not, and the steps when it is.
 *
 * @param reasons why it is not safe now; empty when it is
 * @param warnings true but not blocking (writes may wait after it)
 * @param steps the decisions to execute, in order; empty when not safe
 */
public record ManualFailover(String target, boolean safeNow, List<String> reasons, List<String> warnings,
    List<Decision> steps) {

  public ManualFailover {
    reasons = List.copyOf(reasons);
    warnings = List.copyOf(warnings);
    steps = List.copyOf(steps);
    if (safeNow != reasons.isEmpty() || safeNow == steps.isEmpty()) {
      throw new IllegalArgumentException("a safe failover has steps and no reasons; an unsafe one reasons and no steps");
    }
  }
}
