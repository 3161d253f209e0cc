package dev.kubeyard.engine.pki;

import dev.kubeyard.model.spec.PkiSpec;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyUsage;

/** The key algorithms pki.keyAlgorithm may name. Signatures are always SHA-256 based. */
public enum KeyAlgorithm {
  RSA_2048(PkiSpec.RSA_2048),
  RSA_4096("rsa-4096"),
  ECDSA_P256(PkiSpec.ECDSA_P256);

  /** The curve OpenSSL calls prime256v1. */
  static final String P256 = "secp256r1";

  private final String specName;

  KeyAlgorithm(String specName) {
    this.specName = specName;
  }

  public static KeyAlgorithm parse(String specName) {
    return Arrays.stream(values()).filter(a -> a.specName.equals(specName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown key algorithm '" + specName
            + "'; use rsa-2048, rsa-4096 or ecdsa-p256"));
  }

  /** The algorithm of an existing key, if it is one of ours (e.g. an RSA 3072 key is not). */
  public static Optional<KeyAlgorithm> of(PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      int bits = rsa.getModulus().bitLength();
      return bits == 2048 ? Optional.of(RSA_2048) : bits == 4096 ? Optional.of(RSA_4096) : Optional.empty();
    }
    if (key instanceof ECPublicKey ec && isP256(ec.getParams())) {
      return Optional.of(ECDSA_P256);
    }
    return Optional.empty();
  }

  private static boolean isP256(ECParameterSpec params) {
    try {
      AlgorithmParameters named = AlgorithmParameters.getInstance("EC");
      named.init(new ECGenParameterSpec(P256));
      ECParameterSpec p256 = named.getParameterSpec(ECParameterSpec.class);
      return params.getCurve().equals(p256.getCurve()) && params.getGenerator().equals(p256.getGenerator())
          && params.getOrder().equals(p256.getOrder());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK does not know the P-256 curve", e);
    }
  }

  /** A human description of any public key, for report reasons. */
  static String describe(PublicKey key) {
    return of(key).map(KeyAlgorithm::toString).orElseGet(() -> key.getAlgorithm()
        + (key instanceof RSAPublicKey rsa ? "-" + rsa.getModulus().bitLength() : ""));
  }

  public KeyPair generate(SecureRandom random) {
    try {
      if (this == ECDSA_P256) {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(P256), random);
        return g.generateKeyPair();
      }
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(this == RSA_4096 ? 4096 : 2048, random);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate " + this + " keys", e);
    }
  }

  /** A leaf's keyUsage: RSA keys also encipher (TLS RSA key exchange), EC keys only sign. */
  int leafKeyUsage() {
    return this == ECDSA_P256 ? KeyUsage.digitalSignature
        : KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
  }

  /** The signature algorithm a key of this kind signs with (the signer's key decides, not the spec). */
  static String signatureAlgorithm(String jcaKeyAlgorithm) {
    return "EC".equals(jcaKeyAlgorithm) ? "SHA256withECDSA" : "SHA256withRSA";
  }

  @Override
  public String toString() {
    return specName;
  }
}
