package dev.kubeyard.engine.pki;

import dev.kubeyard.engine.facts.OwnCertificateFiles;
import dev.kubeyard.model.validate.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the administrator's PEM files as openssl writes them: certificates in file order; a private key
 * as PKCS#8, PKCS#1 ("RSA PRIVATE KEY") or SEC1 ("EC PRIVATE KEY"). What cannot be used becomes a
 * problem naming the field and the file; a key's bytes never appear in one.
 */
final class OwnPemFiles {
  /** The curves browsers and Go's TLS both serve. */
  private static final Map<ASN1ObjectIdentifier, String> CURVES = Map.of(
      SECObjectIdentifiers.secp256r1, "P-256", SECObjectIdentifiers.secp384r1, "P-384");
  private static final int MIN_RSA_BITS = 2048;

  private OwnPemFiles() {}

  /** The certificates in the file, in order; empty (with a problem added) when there is none. */
  static List<X509CertificateHolder> certificates(OwnCertificateFiles files, List<Problem> out) {
    String field = OwnCertificateFiles.CERTIFICATE_FIELD;
    List<X509CertificateHolder> chain = new ArrayList<>();
    try (PEMParser pem = new PEMParser(new StringReader(read(files.certificate())))) {
      for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
        if (o instanceof X509CertificateHolder c) {
          chain.add(c);
        }
      }
      if (chain.isEmpty()) {
        out.add(Problem.of(field, files.certificate(), "ingressCertificate.noCertificate", "no CERTIFICATE block"));
      }
    } catch (Unreadable e) {
      out.add(Problem.of(field, files.certificate(), "ingressCertificate.unreadable", e.getMessage()));
    } catch (IOException | RuntimeException e) {
      out.add(Problem.of(field, files.certificate(), "ingressCertificate.noCertificate", e.getMessage()));
    }
    return chain;
  }

  /** The private key, or null (with a problem added) when it is missing, encrypted or of a kind not served. */
  static PrivateKey privateKey(OwnCertificateFiles files, List<Problem> out) {
    String field = OwnCertificateFiles.KEY_FIELD;
    Path file = files.key();
    try (PEMParser pem = new PEMParser(new StringReader(read(file)))) {
      for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
        if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
          out.add(Problem.of(field, file, "ingressCertificate.encryptedKey", file));
          return null;
        }
        PrivateKeyInfo info = o instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo()
            : o instanceof PrivateKeyInfo i ? i : null;
        if (info != null) {
          return served(info, file, out);
        }
      }
      out.add(Problem.of(field, file, "ingressCertificate.noKey", "no PRIVATE KEY block"));
    } catch (Unreadable e) {
      out.add(Problem.of(field, file, "ingressCertificate.unreadable", e.getMessage()));
    } catch (IOException | RuntimeException e) {
      // BouncyCastle's message describes the structure, never the key material
      out.add(Problem.of(field, file, "ingressCertificate.noKey", e.getMessage()));
    }
    return null;
  }

  /** The key when it is RSA of 2048 bits or more, or ECDSA on P-256/P-384. */
  private static PrivateKey served(PrivateKeyInfo info, Path file, List<Problem> out) throws IOException {
    ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
    String kind;
    if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      PrivateKey key = new JcaPEMKeyConverter().getPrivateKey(info);
      BigInteger modulus = ((RSAKey) key).getModulus();
      if (modulus.bitLength() >= MIN_RSA_BITS) {
        return key;
      }
      kind = "RSA " + modulus.bitLength() + " bits";
    } else if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      Object curve = info.getPrivateKeyAlgorithm().getParameters();
      if (curve instanceof ASN1ObjectIdentifier oid && CURVES.containsKey(oid)) {
        return new JcaPEMKeyConverter().getPrivateKey(info);
      }
      kind = "ECDSA on curve " + curve;
    } else {
      kind = KNOWN.getOrDefault(algorithm.getId(), "with algorithm OID " + algorithm.getId());
    }
    out.add(Problem.of(OwnCertificateFiles.KEY_FIELD, file, "ingressCertificate.keyType", kind));
    return null;
  }

  private static final Map<String, String> KNOWN = Map.of("1.3.101.112", "Ed25519", "1.3.101.113", "Ed448",
      "1.2.840.10040.4.1", "DSA", "1.2.840.113549.1.1.10", "RSA-PSS");

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new Unreadable(e instanceof java.nio.file.NoSuchFileException ? "no such file"
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.toString());
    }
  }

  /** The file itself could not be read (missing, not permitted), as opposed to read but not understood. */
  private static final class Unreadable extends RuntimeException {
    Unreadable(String why) {
      super(why);
    }
  }
}
