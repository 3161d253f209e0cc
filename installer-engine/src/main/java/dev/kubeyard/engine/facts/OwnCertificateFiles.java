package dev.kubeyard.engine.facts;

import dev.kubeyard.model.spec.IngressCertificateSpec;
import java.nio.file.Path;

/**
 * The administrator's own ingress certificate (pki.ingressCertificate): the PEM files on this machine and
 * the spec fields that name them, so a problem with a file points at the line to change.
 */
public record OwnCertificateFiles(Path certificate, Path key) {
  public static final String CERTIFICATE_FIELD = IngressCertificateSpec.FIELD + ".certificateFile";
  public static final String KEY_FIELD = IngressCertificateSpec.FIELD + ".keyFile";

  static OwnCertificateFiles of(IngressCertificateSpec own) {
    return own == null ? null : new OwnCertificateFiles(Path.of(own.certificateFile()), Path.of(own.keyFile()));
  }
}
