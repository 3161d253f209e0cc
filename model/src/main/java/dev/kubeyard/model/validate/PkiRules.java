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
      out.add("pki.keyAlgorithm", p.keyAlgorithm(), "supported key algorithms are rsa-2048, rsa-4096, ecdsa-p256",
          "use rsa-2048");
    }
    if (!Names.inRange(p.caValidityDays(), 365, 36500)) {
      out.add("pki.caValidityDays", p.caValidityDays(), "a CA lives 365 to 36500 days", "use 3650");
    }
    if (!Names.inRange(p.certValidityDays(), 1, 3650)) {
      out.add("pki.certValidityDays", p.certValidityDays(), "a leaf certificate lives 1 to 3650 days", "use 365");
    } else if (p.caValidityDays() != null && p.certValidityDays() > p.caValidityDays()) {
      out.add("pki.certValidityDays", p.certValidityDays(), "a certificate cannot outlive its CA",
          "use a value below pki.caValidityDays");
    }
  }
}
