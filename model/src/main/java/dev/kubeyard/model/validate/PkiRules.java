package dev.kubeyard.model.validate;

import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.PkiSpec;
import java.util.Set;

/** Key algorithm and certificate lifetimes. */
final class PkiRules implements Rule {
  private static final Set<String> ALGORITHMS = Set.of(PkiSpec.RSA_2048, "rsa-4096", PkiSpec.ECDSA_P256);

  @Override
  public void check(ClusterSpec s, Problems out) {
    PkiSpec p = s.pki();
    if (!ALGORITHMS.contains(p.keyAlgorithm())) {
      out.add("pki.keyAlgorithm", p.keyAlgorithm(), "pki.keyAlgorithm");
    }
    if (!Names.inRange(p.caValidityDays(), 365, 36500)) {
      out.add("pki.caValidityDays", p.caValidityDays(), "pki.caValidity");
    }
    if (!Names.inRange(p.certValidityDays(), 1, 3650)) {
      out.add("pki.certValidityDays", p.certValidityDays(), "pki.certValidity");
    } else if (p.caValidityDays() != null && p.certValidityDays() > p.caValidityDays()) {
      out.add("pki.certValidityDays", p.certValidityDays(), "pki.outlivesCa");
    }
  }
}
