package dev.kubeyard.engine.pki;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * CA keys encrypted at rest (ADR 37): PKCS#8 EncryptedPrivateKeyInfo, PBES2 with PBKDF2-HMAC-SHA256 and
 * AES-256-CBC, the form {@code openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256} writes, so
 * {@code openssl pkey -in ca-key.pem} opens it by hand with the passphrase.
 */
final class LockedKeys {
  static final String TYPE = "ENCRYPTED PRIVATE KEY";
  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about half a second here per key opened. */
  static final int ITERATIONS = 600_000;
  /** The JDK's providers have no "AES/CBC/PKCS7Padding"; BouncyCastle's, used here only, not registered. */
  private static final Provider BC = new BouncyCastleProvider();

  private LockedKeys() {}

  static boolean isLocked(String pem) {
    return pem.contains("-----BEGIN " + TYPE + "-----");
  }

  /** The iterations new keys get: {@link #ITERATIONS}; the unit tests lower it (kubeyard.pki.kdfIterations). */
  static int iterations() {
    return Integer.getInteger("kubeyard.pki.kdfIterations", ITERATIONS);
  }

  static String lock(PrivateKey key, char[] passphrase, SecureRandom random) {
    checkStrength(passphrase);
    try {
      JceOpenSSLPKCS8EncryptorBuilder b = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC);
      b.setPRF(PKCS8Generator.PRF_HMACSHA256);
      b.setIterationCount(iterations());
      b.setRandom(random);
      b.setPassword(passphrase);
      b.setProvider(BC);
      PemObject pem = new JcaPKCS8Generator(key, b.build()).generate();
      return Pem.encode(pem.getType(), pem.getContent());
    } catch (OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot encrypt a " + key.getAlgorithm() + " key (AES-256, PBKDF2)", e);
    }
  }

  /** A passphrase new keys may be encrypted with: at least {@link PkiPassphrase#MINIMUM_LENGTH} characters. */
  static void checkStrength(char[] passphrase) {
    if (passphrase.length < PkiPassphrase.MINIMUM_LENGTH) {
      throw new PkiException("the PKI passphrase has " + passphrase.length + " characters: a CA key is only "
          + "encrypted with one of at least " + PkiPassphrase.MINIMUM_LENGTH, "choose a longer passphrase "
          + "(several words are easier to type than symbols) and run again; nothing was written");
    }
  }

  /**
   * The key in {@code pem} (the text of {@code file}), opened with the passphrase.
   *
   * @throws PkiException wrong passphrase or damaged file, naming the file, the rule and the fix
   */
  static PrivateKey unlock(Path file, String pem, PkiPassphrase passphrase, String why) {
    PKCS8EncryptedPrivateKeyInfo info;
    try (PemReader r = new PemReader(new StringReader(pem))) {
      PemObject o = r.readPemObject();
      info = new PKCS8EncryptedPrivateKeyInfo(o.getContent());
    } catch (IOException | RuntimeException e) {
      throw new PkiException(file + " is not a readable encrypted key: " + e.getMessage(),
          "restore it from your backup; a new CA would invalidate everything it signed");
    }
    char[] secret = passphrase.get(why);
    try {
      byte[] der = info.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(secret))
          .getEncoded();
      return Pem.readPrivateKey(Pem.encode(Pem.PRIVATE_KEY, der));
    } catch (PKCSException | OperatorCreationException | IOException | IllegalArgumentException e) {
      throw new PkiException(file + " does not open with the passphrase from " + passphrase.origin()
          + ": the CA keys in the plan folder are encrypted (PKCS#8, AES-256, PBKDF2-SHA256) and only the "
          + "passphrase they were encrypted with opens them; nothing was changed",
          "give the passphrase used when this PKI was created; if it is lost, restore the plan folder's pki "
          + "from a backup together with its passphrase (a new CA means every component gets new certificates)");
    } finally {
      java.util.Arrays.fill(secret, '\0');
    }
  }

  /** The iteration count a locked key was written with, for tests and `kubeyard` diagnostics. */
  static int iterationsOf(String pem) {
    try (PemReader r = new PemReader(new StringReader(pem))) {
      PKCS8EncryptedPrivateKeyInfo info = new PKCS8EncryptedPrivateKeyInfo(r.readPemObject().getContent());
      PBES2Parameters p = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
      KeyDerivationFunc kdf = p.getKeyDerivationFunc();
      EncryptionScheme scheme = p.getEncryptionScheme();
      if (scheme == null) {
        throw new IllegalArgumentException("no encryption scheme");
      }
      return PBKDF2Params.getInstance(kdf.getParameters()).getIterationCount().intValueExact();
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
