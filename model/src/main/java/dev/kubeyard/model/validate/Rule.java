package dev.kubeyard.model.validate;

import dev.kubeyard.model.spec.ClusterSpec;

/** One area of validation. Rules read a spec whose defaults are applied and report into {@link Problems}. */
interface Rule {
  void check(ClusterSpec spec, Problems out);
}
