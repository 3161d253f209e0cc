package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Key algorithm (rsa-2048 by default, ecdsa-p256 as an option) and certificate lifetimes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"keyAlgorithm", "caValidityDays", "certValidityDays"})
public record PkiSpec(String keyAlgorithm, Integer caValidityDays, Integer certValidityDays) {
  public static final String RSA_2048 = "rsa-2048";
  public static final String ECDSA_P256 = "ecdsa-p256";
}
