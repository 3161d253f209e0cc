package dev.kubeyard.model.validate;

import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.IngressCertificateSpec;
import dev.kubeyard.model.spec.PkiSpec;
import java.util.Set;

/** Key algorithm, certificate lifetimes, and the ingress certificate's files (read by the engine at plan time). */
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
    IngressCertificateSpec own = p.ingressCertificate();
    if (own != null) {
      boolean certificate = given(own.certificateFile());
      boolean key = given(own.keyFile());
      if (certificate != key) {
        String missing = certificate ? "keyFile" : "certificateFile";
        String present = certificate ? own.certificateFile() : own.keyFile();
        out.add(IngressCertificateSpec.FIELD + "." + missing, null, "pki.ingressCertificate.incomplete",
            IngressCertificateSpec.FIELD + "." + missing, present);
      } else if (!certificate) {
        out.add(IngressCertificateSpec.FIELD, null, "pki.ingressCertificate.empty");
      }
    }
  }

  private static boolean given(String file) {
    return file != null && !file.isBlank();
  }
}
