package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Key algorithm (rsa-2048 by default, ecdsa-p256 as an option), certificate lifetimes, and optionally
 * the administrator's own ingress certificate (null: the cluster CA issues it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"keyAlgorithm", "caValidityDays", "certValidityDays", "ingressCertificate"})
public record PkiSpec(String keyAlgorithm, Integer caValidityDays, Integer certValidityDays,
    IngressCertificateSpec ingressCertificate) {
  public static final String RSA_2048 = "rsa-2048";
  public static final String ECDSA_P256 = "ecdsa-p256";

  /** Without a certificate of the administrator's own. */
  public PkiSpec(String keyAlgorithm, Integer caValidityDays, Integer certValidityDays) {
    this(keyAlgorithm, caValidityDays, certValidityDays, null);
  }

  /** Its file paths absolute, relative ones taken from {@code specFolder}. */
  public PkiSpec resolvedAgainst(java.nio.file.Path specFolder) {
    return ingressCertificate == null ? this
        : new PkiSpec(keyAlgorithm, caValidityDays, certValidityDays, ingressCertificate.resolvedAgainst(specFolder));
  }
}
