package dev.kubeyard.engine.pki;

import dev.kubeyard.engine.facts.OwnCertificateFiles;
import dev.kubeyard.model.validate.Problem;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Whether the administrator's certificate can serve the spec's hosts on 443: its key is its own, its
 * subjectAltNames cover every host the ingress publishes (a wildcard covers exactly one label, as
 * RFC 6125 and browsers have it), it is for TLS servers, every certificate in the file is valid now,
 * and each is signed by the next, so the chain Traefik sends is the one the file gives.
 */
final class OwnCertificateCheck {
  private OwnCertificateCheck() {}

  static IngressTls check(OwnCertificateFiles files, List<String> hosts, Instant now) {
    List<Problem> problems = new ArrayList<>();
    List<X509CertificateHolder> chain = OwnPemFiles.certificates(files, problems);
    PrivateKey key = OwnPemFiles.privateKey(files, problems);
    if (!chain.isEmpty()) {
      X509CertificateHolder leaf = chain.get(0);
      if (key != null && !belongsTo(key, leaf)) {
        problems.add(Problem.of(OwnCertificateFiles.KEY_FIELD, files.key(), "ingressCertificate.keyMismatch",
            leaf.getSubject()));
      }
      covers(leaf, hosts, files, problems);
      servesTls(leaf, files, problems);
      for (int i = 0; i < chain.size(); i++) {
        valid(chain.get(i), now, files, problems);
        if (i + 1 < chain.size() && !signedBy(chain.get(i), chain.get(i + 1))) {
          problems.add(Problem.of(OwnCertificateFiles.CERTIFICATE_FIELD, files.certificate(),
              "ingressCertificate.chainOrder", i + 1, chain.get(i).getSubject(), chain.get(i + 1).getSubject()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IngressCertificateException(problems);
    }
    String pem = chain.stream().map(Pem::certificate).collect(Collectors.joining());
    return IngressTls.of(true, pem, Pem.privateKey(key), chain.get(0));
  }

  /** The key signs what the certificate's public key verifies: works alike for RSA and ECDSA. */
  private static boolean belongsTo(PrivateKey key, X509CertificateHolder leaf) {
    String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    try {
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      PublicKey published = Pem.publicKey(leaf.getSubjectPublicKeyInfo());
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(published);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false; // a key of another algorithm than the certificate's
    }
  }

  private static void covers(X509CertificateHolder leaf, List<String> hosts, OwnCertificateFiles files,
      List<Problem> out) {
    List<String> names = dnsNames(leaf);
    for (String host : hosts) {
      if (names.stream().noneMatch(name -> matches(name, host))) {
        out.add(Problem.of(OwnCertificateFiles.CERTIFICATE_FIELD, files.certificate(),
            "ingressCertificate.hostNotCovered", host, names.isEmpty() ? "no DNS names" : String.join(", ", names)));
      }
    }
  }

  /** The subjectAltName DNS entries; a client ignores the CN when there are any, and Go always does. */
  static List<String> dnsNames(X509CertificateHolder cert) {
    Extension san = cert.getExtension(Extension.subjectAlternativeName);
    if (san == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (GeneralName n : GeneralNames.getInstance(san.getParsedValue()).getNames()) {
      if (n.getTagNo() == GeneralName.dNSName) {
        names.add(n.getName().toString());
      }
    }
    return names;
  }

  /** {@code *.example.com} matches {@code a.example.com}, not {@code example.com} nor {@code a.b.example.com}. */
  static boolean matches(String name, String host) {
    String n = name.toLowerCase(Locale.ROOT);
    String h = host.toLowerCase(Locale.ROOT);
    if (!n.startsWith("*.")) {
      return n.equals(h);
    }
    int dot = h.indexOf('.');
    return dot > 0 && h.substring(dot).equals(n.substring(1));
  }

  private static void servesTls(X509CertificateHolder leaf, OwnCertificateFiles files, List<Problem> out) {
    Extension eku = leaf.getExtension(Extension.extendedKeyUsage);
    if (eku == null) {
      return; // no restriction
    }
    ExtendedKeyUsage usage = ExtendedKeyUsage.getInstance(eku.getParsedValue());
    if (!usage.hasKeyPurposeId(KeyPurposeId.id_kp_serverAuth) && !usage.hasKeyPurposeId(KeyPurposeId.anyExtendedKeyUsage)) {
      out.add(Problem.of(OwnCertificateFiles.CERTIFICATE_FIELD, files.certificate(), "ingressCertificate.notServerAuth",
          leaf.getSubject()));
    }
  }

  private static void valid(X509CertificateHolder cert, Instant now, OwnCertificateFiles files, List<Problem> out) {
    Instant from = cert.getNotBefore().toInstant();
    Instant until = cert.getNotAfter().toInstant();
    if (now.isAfter(until)) {
      out.add(Problem.of(OwnCertificateFiles.CERTIFICATE_FIELD, files.certificate(), "ingressCertificate.expired",
          cert.getSubject(), LocalDate.ofInstant(until, ZoneOffset.UTC)));
    } else if (now.isBefore(from)) {
      out.add(Problem.of(OwnCertificateFiles.CERTIFICATE_FIELD, files.certificate(), "ingressCertificate.notYetValid",
          cert.getSubject(), from));
    }
  }

  private static boolean signedBy(X509CertificateHolder cert, X509CertificateHolder issuer) {
    try {
      return cert.getIssuer().equals(issuer.getSubject())
          && cert.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer));
    } catch (CertException | CertificateException | OperatorCreationException | RuntimeException e) {
      return false; // an unknown signature algorithm or a malformed issuer key: not its issuer here
    }
  }
}
