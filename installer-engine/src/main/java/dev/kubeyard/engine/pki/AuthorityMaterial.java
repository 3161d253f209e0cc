package dev.kubeyard.engine.pki;

import java.security.KeyPair;
import java.time.Instant;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/** A CA ready to sign: its certificate and its key pair, known to belong together. */
record AuthorityMaterial(CertificateAuthority authority, X509CertificateHolder certificate, KeyPair keys) {

  Instant notAfter() {
    return certificate.getNotAfter().toInstant();
  }

  /** True when this CA issued {@code leaf}: its issuer is our subject and our key verifies it. */
  boolean signed(X509CertificateHolder leaf) {
    if (!leaf.getIssuer().equals(certificate.getSubject())) {
      return false;
    }
    try {
      return leaf.isSignatureValid(new JcaContentVerifierProviderBuilder().build(keys.getPublic()));
    } catch (CertException | OperatorCreationException | RuntimeException e) {
      return false;
    }
  }
}
