package dev.kubeyard.model.validate;

import dev.kubeyard.model.spec.ClusterSpec;

/**
 * A spec the {@link Validator} accepted, every default applied. Only the validator makes one, so a
 * method that takes it needs not validate again: the entry (CLI, wizard) validates once and hands it on.
 */
public final class ValidSpec {
  private final ClusterSpec spec;

  ValidSpec(ClusterSpec spec) {
    this.spec = spec;
  }

  public ClusterSpec spec() {
    return spec;
  }
}
