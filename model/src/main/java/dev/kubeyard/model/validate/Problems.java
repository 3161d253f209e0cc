package dev.kubeyard.model.validate;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem a rule finds, so the administrator sees them all at once. */
public final class Problems {
  private final List<Problem> found = new ArrayList<>();

  /** A problem at {@code path}: {@code key} names its rule and fix, {@code args} fill their slots. */
  public void add(String path, Object value, String key, Object... args) {
    found.add(Problem.of(path, value, key, args));
  }

  public List<Problem> list() {
    return List.copyOf(found);
  }
}
