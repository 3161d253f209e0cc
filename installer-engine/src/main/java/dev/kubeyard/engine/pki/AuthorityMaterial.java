package dev.kubeyard.engine.pki;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.function.Supplier;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * A CA ready to sign: its certificate and public key, and its private key opened only when something is
 * signed with it (ADR 37: an encrypted CA key is decrypted only when a certificate it signs is issued).
 */
final class AuthorityMaterial {
  private final CertificateAuthority authority;
  private final X509CertificateHolder certificate;
  private final PublicKey publicKey;
  private final Supplier<PrivateKey> opener;
  private PrivateKey privateKey;

  private AuthorityMaterial(CertificateAuthority authority, X509CertificateHolder certificate, PublicKey publicKey,
      Supplier<PrivateKey> opener) {
    this.authority = authority;
    this.certificate = certificate;
    this.publicKey = publicKey;
    this.opener = opener;
  }

  /** A CA whose key is at hand (new, or read unencrypted). */
  static AuthorityMaterial open(CertificateAuthority authority, X509CertificateHolder certificate, KeyPair keys) {
    AuthorityMaterial m = new AuthorityMaterial(authority, certificate, keys.getPublic(), keys::getPrivate);
    m.privateKey = keys.getPrivate();
    return m;
  }

  /** A CA whose key {@code opener} decrypts on first use (and checks against the certificate). */
  static AuthorityMaterial locked(CertificateAuthority authority, X509CertificateHolder certificate,
      PublicKey publicKey, Supplier<PrivateKey> opener) {
    return new AuthorityMaterial(authority, certificate, publicKey, opener);
  }

  CertificateAuthority authority() {
    return authority;
  }

  X509CertificateHolder certificate() {
    return certificate;
  }

  PublicKey publicKey() {
    return publicKey;
  }

  /** The signing key, decrypted now if it has not been in this run. */
  synchronized PrivateKey privateKey() {
    if (privateKey == null) {
      privateKey = opener.get();
    }
    return privateKey;
  }

  /** True once the private key is in memory (so nothing needed opening when false). */
  synchronized boolean opened() {
    return privateKey != null;
  }

  Instant notAfter() {
    return certificate.getNotAfter().toInstant();
  }

  /** True when this CA issued {@code leaf}: its issuer is our subject and our key verifies it. */
  boolean signed(X509CertificateHolder leaf) {
    if (!leaf.getIssuer().equals(certificate.getSubject())) {
      return false;
    }
    try {
      return leaf.isSignatureValid(new JcaContentVerifierProviderBuilder().build(publicKey));
    } catch (CertException | OperatorCreationException | RuntimeException e) {
      return false;
    }
  }
}
