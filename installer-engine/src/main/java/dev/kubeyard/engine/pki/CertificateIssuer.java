package dev.kubeyard.engine.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds and signs X.509 certificates with BouncyCastle. It knows the profile (extensions, serials,
 * validity); what to issue comes from the {@link CertificateCatalogue}.
 */
final class CertificateIssuer {
  /** notBefore lies this far in the past so hosts whose clocks lag a little accept new certificates. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final Clock clock;
  private final SecureRandom random;

  CertificateIssuer(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
  }

  /** A self-signed CA certificate: CA:true, keyCertSign + cRLSign + digitalSignature, all critical. */
  AuthorityMaterial selfSigned(CertificateAuthority ca, KeyPair keys, int validityDays) {
    X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, ca.commonName()).build();
    Instant now = clock.instant();
    try {
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(),
          Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(Duration.ofDays(validityDays))), name,
          keys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(Extension.keyUsage, true,
              new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
          .addExtension(Extension.subjectKeyIdentifier, false, subjectKeyId(keys.getPublic()));
      return AuthorityMaterial.open(ca, sign(b, keys.getPrivate()), keys);
    } catch (CertIOException e) {
      throw new IllegalStateException("cannot build the " + ca.commonName() + " certificate", e);
    }
  }

  /**
   * A leaf for {@code request}, signed by {@code ca}. It ends after {@code validityDays}, or with
   * the CA if the CA ends sooner (a certificate cannot outlive its issuer).
   */
  X509CertificateHolder issue(CertificateRequest request, PublicKey subjectKey, AuthorityMaterial ca,
      int validityDays) {
    Instant now = clock.instant();
    Instant end = now.plus(Duration.ofDays(validityDays));
    if (end.isAfter(ca.notAfter())) {
      end = ca.notAfter();
    }
    KeyAlgorithm algorithm = KeyAlgorithm.of(subjectKey).orElseThrow(
        () -> new IllegalArgumentException("unsupported key for " + request.name()));
    try {
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.certificate().getSubject(), serial(),
          Date.from(now.minus(CLOCK_SKEW)), Date.from(end), request.subject(), subjectKey)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(algorithm.leafKeyUsage()))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
              request.usages().stream().map(ExtendedUsage::purpose).toArray(KeyPurposeId[]::new)))
          .addExtension(Extension.subjectKeyIdentifier, false, subjectKeyId(subjectKey))
          .addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(
              SubjectKeyIdentifier.fromExtensions(ca.certificate().getExtensions()).getKeyIdentifier()));
      if (!request.subjectAltNames().isEmpty()) {
        b.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(request));
      }
      return sign(b, ca.privateKey());
    } catch (CertIOException e) {
      throw new IllegalStateException("cannot build the certificate " + request.name(), e);
    }
  }

  private static GeneralNames subjectAltNames(CertificateRequest request) {
    return new GeneralNames(request.subjectAltNames().stream()
        .map(san -> request.ipAddresses().contains(san) ? new GeneralName(GeneralName.iPAddress, san)
            : new GeneralName(GeneralName.dNSName, san))
        .toArray(GeneralName[]::new));
  }

  /** A random positive 128-bit serial number, as RFC 5280 recommends (unpredictable, non-zero). */
  private BigInteger serial() {
    BigInteger serial;
    do {
      serial = new BigInteger(128, random);
    } while (serial.signum() <= 0);
    return serial;
  }

  private static SubjectKeyIdentifier subjectKeyId(PublicKey key) {
    try {
      return new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-1 is missing from the JDK", e);
    }
  }

  private X509CertificateHolder sign(X509v3CertificateBuilder b, PrivateKey signer) {
    try {
      return b.build(new JcaContentSignerBuilder(KeyAlgorithm.signatureAlgorithm(signer.getAlgorithm()))
          .setSecureRandom(random).build(signer));
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign with a " + signer.getAlgorithm() + " key", e);
    }
  }
}
