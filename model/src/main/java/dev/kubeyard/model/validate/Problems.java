package dev.kubeyard.model.validate;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem a rule finds, so the administrator sees them all at once. */
public final class Problems {
  private final List<Problem> found = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  /** A problem at {@code path}: {@code key} names its rule and fix, {@code args} fill their slots. */
  public void add(String path, Object value, String key, Object... args) {
    found.add(Problem.of(path, value, key, args));
  }

  /**
   * A warning: the spec is accepted, but a reviewer would object (e.g. etcd beside workloads); shown with
   * the same path, rule and fix, never blocking.
   */
  public void warn(String path, Object value, String key, Object... args) {
    warnings.add(Problem.of(path, value, key, args));
  }

  public List<Problem> warnings() {
    return List.copyOf(warnings);
  }

  public List<Problem> list() {
    return List.copyOf(found);
  }
}
