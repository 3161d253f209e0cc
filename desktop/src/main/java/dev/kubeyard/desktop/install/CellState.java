package dev.kubeyard.desktop.install;

import java.util.Collection;

/** The state of one host in one phase (or of one step) on the install grid. */
public enum CellState {
  /** The host has no step in this phase. */
  NONE,
  PENDING,
  RUNNING,
  /** Applied and verified. */
  DONE,
  /** Its check passed (or an earlier attempt completed it): nothing applied. */
  SKIPPED,
  FAILED,
  /** The run was cancelled while this was running. */
  STOPPED;

  /** One cell from the states of the host's steps in that phase. */
  public static CellState combine(Collection<CellState> steps) {
    if (steps.isEmpty()) {
      return NONE;
    }
    for (CellState s : new CellState[] {FAILED, STOPPED, RUNNING}) {
      if (steps.contains(s)) {
        return s;
      }
    }
    if (steps.stream().allMatch(s -> s == SKIPPED)) {
      return SKIPPED;
    }
    if (steps.stream().allMatch(s -> s == DONE || s == SKIPPED)) {
      return DONE;
    }
    return steps.stream().anyMatch(s -> s == DONE || s == SKIPPED) ? RUNNING : PENDING;
  }

  public String messageKey() {
    return "install.state." + name().toLowerCase();
  }
}
