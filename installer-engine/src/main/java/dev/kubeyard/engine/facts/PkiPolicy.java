package dev.kubeyard.engine.facts;

import dev.kubeyard.model.spec.PkiSpec;

/** How keys are made and how long certificates live, as pki.* asks (defaults filled in). */
public record PkiPolicy(String keyAlgorithm, int caValidityDays, int certValidityDays) {

  static PkiPolicy of(PkiSpec p) {
    return new PkiPolicy(p.keyAlgorithm(), p.caValidityDays(), p.certValidityDays());
  }
}
