package dev.kubeyard.engine.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/** PEM text to and from keys and certificates. Private keys are PKCS#8 ("PRIVATE KEY"); CA keys are encrypted at rest ({@link LockedKeys}). */
final class Pem {
  static final String CERTIFICATE = "CERTIFICATE";
  static final String PRIVATE_KEY = "PRIVATE KEY";
  static final String PUBLIC_KEY = "PUBLIC KEY";

  private Pem() {}

  static String certificate(X509CertificateHolder cert) {
    try {
      return encode(CERTIFICATE, cert.getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String privateKey(PrivateKey key) {
    return encode(PRIVATE_KEY, key.getEncoded());
  }

  static String publicKey(PublicKey key) {
    return encode(PUBLIC_KEY, key.getEncoded());
  }

  static X509CertificateHolder readCertificate(String pem) {
    try {
      return new X509CertificateHolder(decode(pem, CERTIFICATE, "openssl x509 -outform PEM"));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a PEM certificate: " + e.getMessage(), e);
    }
  }

  static PrivateKey readPrivateKey(String pem) {
    byte[] der = decode(pem, PRIVATE_KEY, "openssl pkcs8 -topk8 -nocrypt");
    try {
      ASN1ObjectIdentifier oid = PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm().getAlgorithm();
      return KeyFactory.getInstance(jcaName(oid)).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("not a usable PKCS#8 private key: " + e.getMessage(), e);
    }
  }

  static PublicKey readPublicKey(String pem) {
    return publicKey(decode(pem, PUBLIC_KEY, "openssl pkey -pubout"));
  }

  static PublicKey publicKey(SubjectPublicKeyInfo info) {
    try {
      return publicKey(info.getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PublicKey publicKey(byte[] der) {
    try {
      ASN1ObjectIdentifier oid = SubjectPublicKeyInfo.getInstance(der).getAlgorithm().getAlgorithm();
      return KeyFactory.getInstance(jcaName(oid)).generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("not a usable public key: " + e.getMessage(), e);
    }
  }

  private static String jcaName(ASN1ObjectIdentifier oid) {
    if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      return "RSA";
    }
    if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      return "EC";
    }
    throw new IllegalArgumentException("unsupported key algorithm " + oid + " (use RSA or EC P-256)");
  }

  static String encode(String type, byte[] der) {
    StringWriter text = new StringWriter();
    try (PemWriter w = new PemWriter(text)) {
      w.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static byte[] decode(String pem, String type, String conversion) {
    try (PemReader r = new PemReader(new StringReader(pem))) {
      PemObject o = r.readPemObject();
      if (o == null) {
        throw new IllegalArgumentException("no PEM block found");
      }
      if (!o.getType().equals(type)) {
        throw new IllegalArgumentException("expected '" + type + "' but found '" + o.getType()
            + "' (convert it with " + conversion + ")");
      }
      return o.getContent();
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed PEM: " + e.getMessage(), e);
    }
  }
}
