package dev.kubeyard.model.validate;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem a rule finds, so the administrator sees them all at once. */
public final class Problems {
  private final List<Problem> found = new ArrayList<>();

  public void add(String path, Object value, String rule, String fix) {
    found.add(new Problem(path, value == null ? null : String.valueOf(value), rule, fix));
  }

  public List<Problem> list() {
    return List.copyOf(found);
  }
}
