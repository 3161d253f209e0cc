package dev.kubeyard.engine.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** Key pair arithmetic: the public half of a private key, and whether two halves belong together. */
final class KeyPairs {
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyPairs() {}

  /** Rebuilds the key pair a private key belongs to (RSA CRT keys and P-256 keys). */
  static KeyPair of(PrivateKey key) {
    try {
      if (key instanceof RSAPrivateCrtKey rsa) {
        PublicKey pub = KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        return new KeyPair(pub, key);
      }
      if (key instanceof ECPrivateKey ec) {
        var q = new FixedPointCombMultiplier()
            .multiply(ECNamedCurveTable.getByName(KeyAlgorithm.P256).getG(), ec.getS()).normalize();
        ECPoint w = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, ec.getParams()));
        if (!matches(key, pub)) {
          throw new IllegalArgumentException("the EC key is not on the P-256 curve");
        }
        return new KeyPair(pub, key);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot derive the public key: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("unsupported private key " + key.getAlgorithm());
  }

  /** True when {@code pub} verifies what {@code key} signs. */
  static boolean matches(PrivateKey key, PublicKey pub) {
    if (!key.getAlgorithm().equals(pub.getAlgorithm())) {
      return false;
    }
    try {
      String algorithm = KeyAlgorithm.signatureAlgorithm(key.getAlgorithm());
      byte[] challenge = new BigInteger(256, RANDOM).toByteArray();
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(pub);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
