package dev.kubeyard.engine.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A certificate authority of the test's own, apart from the cluster PKI, standing in for the one that
 * signs an administrator's certificate: a root, an intermediate under it, and leaves for given names
 * and dates, as PEM the way openssl writes it.
 */
public final class TestCa {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  /** A certificate with its key. */
  public record Issued(X509CertificateHolder certificate, KeyPair key) {
    public String certificatePem() {
      return pem(certificate);
    }

    /** Unencrypted PKCS#8 ("PRIVATE KEY"). */
    public String keyPem() {
      return pem(new PemObject("PRIVATE KEY", key.getPrivate().getEncoded()));
    }

  }

  public final Issued root;
  public final Issued intermediate;

  public TestCa() {
    Instant now = Instant.now();
    KeyPair rootKey = ec();
    root = sign("CN=Test Root CA", rootKey, new X500Name("CN=Test Root CA"), rootKey, now.minus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(3650)), true, new String[0]);
    KeyPair intermediateKey = ec();
    intermediate = sign("CN=Test Issuing CA", intermediateKey, root.certificate.getSubject(), rootKey,
        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1825)), true, new String[0]);
  }

  /** A server certificate from the intermediate for {@code names}, valid from yesterday for {@code days}. */
  public Issued leaf(int days, String... names) {
    Instant now = Instant.now();
    return leaf(ec(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(days)), names);
  }

  public Issued leaf(KeyPair key, Instant from, Instant until, String... names) {
    return sign("CN=" + names[0], key, intermediate.certificate.getSubject(), intermediate.key, from, until, false, names);
  }

  /** The leaf, then the intermediate: what a CA hands out as fullchain.pem. */
  public String chainPem(Issued leaf) {
    return leaf.certificatePem() + intermediate.certificatePem();
  }

  public static KeyPair ec() {
    return keys("EC", 256);
  }

  public static KeyPair keys(String algorithm, int size) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
      if (algorithm.equals("EC")) {
        g.initialize(new ECGenParameterSpec("secp256r1"));
      } else if (size > 0) {
        g.initialize(size);
      }
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Issued sign(String subject, KeyPair key, X500Name issuer, KeyPair issuerKey, Instant from,
      Instant until, boolean ca, String[] names) {
    try {
      JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
          Date.from(from), Date.from(until), new X500Name(subject), key.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      if (!ca) {
        GeneralName[] dns = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
          dns[i] = new GeneralName(GeneralName.dNSName, names[i]);
        }
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dns));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      }
      String algorithm = issuerKey.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      return new Issued(b.build(new JcaContentSignerBuilder(algorithm).build(issuerKey.getPrivate())), key);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(Object o) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(text)) {
      w.writeObject(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
