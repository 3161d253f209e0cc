package dev.kubeyard.engine.pki;

import dev.kubeyard.engine.pki.PkiReport.Outcome;
import dev.kubeyard.model.net.Ipv4;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Decides whether an existing leaf certificate can stay: it must be readable, have its key, be signed
 * by the current CA, be valid for more than {@link AuthorityKeeper#RENEW_BEFORE}, and still match
 * its request (subject, SANs, usages) and pki.keyAlgorithm. Every failed condition becomes a reason.
 */
final class RenewalCheck {

  private RenewalCheck() {}

  /** Keep it ({@code KEPT}, no reason) or replace it, and why. */
  record Verdict(Outcome outcome, String reason) {
    boolean keep() {
      return outcome == Outcome.KEPT;
    }
  }

  static Verdict check(CertificateRequest request, Optional<String> certPem, Optional<String> keyPem,
      AuthorityMaterial ca, boolean caIsNew, KeyAlgorithm wanted, Instant now) {
    if (certPem.isEmpty() && keyPem.isEmpty()) {
      return new Verdict(Outcome.ISSUED, "new");
    }
    if (certPem.isEmpty()) {
      return reissue("certificate missing");
    }
    if (keyPem.isEmpty()) {
      return reissue("private key missing");
    }
    X509CertificateHolder cert;
    PrivateKey key;
    try {
      cert = Pem.readCertificate(certPem.get());
      key = Pem.readPrivateKey(keyPem.get());
    } catch (IllegalArgumentException e) {
      return reissue("unreadable: " + e.getMessage());
    }
    PublicKey certKey = Pem.publicKey(cert.getSubjectPublicKeyInfo());
    List<String> reasons = new ArrayList<>();
    if (caIsNew) {
      reasons.add("CA changed: " + ca.authority().fileName() + " was created anew");
    } else if (!ca.signed(cert)) {
      reasons.add("CA changed: not signed by the current " + ca.authority().fileName());
    }
    if (!KeyPairs.matches(key, certKey)) {
      reasons.add("private key does not match the certificate");
    }
    long daysLeft = Duration.between(now, cert.getNotAfter().toInstant()).toDays();
    if (!cert.getNotAfter().toInstant().isAfter(now)) {
      reasons.add("expired " + (-daysLeft) + " days ago");
    } else if (Duration.between(now, cert.getNotAfter().toInstant()).compareTo(AuthorityKeeper.RENEW_BEFORE) < 0) {
      reasons.add("expires in " + daysLeft + " days");
    }
    if (!cert.getSubject().equals(request.subject())) {
      reasons.add("subject changed: " + cert.getSubject() + " -> " + request.subject());
    }
    difference("SANs", subjectAltNames(cert), normalised(request.subjectAltNames())).ifPresent(reasons::add);
    String actualAlgorithm = KeyAlgorithm.describe(certKey);
    if (!actualAlgorithm.equals(wanted.toString())) {
      reasons.add("key algorithm changed: " + actualAlgorithm + " -> " + wanted);
    }
    Set<ExtendedUsage> usages = usages(cert);
    if (!usages.equals(request.usages())) {
      reasons.add("usages changed: " + usages + " -> " + request.usages());
    }
    return reasons.isEmpty() ? new Verdict(Outcome.KEPT, null) : reissue(String.join("; ", reasons));
  }

  private static Verdict reissue(String reason) {
    return new Verdict(Outcome.REISSUED, reason);
  }

  /** "SANs changed: +192.168.1.7, -old-name", or empty when the sets are equal. */
  private static Optional<String> difference(String what, Set<String> actual, Set<String> wanted) {
    List<String> changes = new ArrayList<>();
    wanted.stream().filter(s -> !actual.contains(s)).forEach(s -> changes.add("+" + s));
    actual.stream().filter(s -> !wanted.contains(s)).forEach(s -> changes.add("-" + s));
    return changes.isEmpty() ? Optional.empty() : Optional.of(what + " changed: " + String.join(", ", changes));
  }

  private static Set<String> normalised(List<String> sans) {
    return sans.stream().map(s -> Ipv4.parse(s).map(Ipv4::toString).orElse(s))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  static Set<String> subjectAltNames(X509CertificateHolder cert) {
    Set<String> sans = new LinkedHashSet<>();
    GeneralNames names = GeneralNames.fromExtensions(cert.getExtensions(), Extension.subjectAlternativeName);
    if (names == null) {
      return sans;
    }
    for (GeneralName n : names.getNames()) {
      if (n.getTagNo() == GeneralName.iPAddress) {
        try {
          sans.add(InetAddress.getByAddress(ASN1OctetString.getInstance(n.getName()).getOctets()).getHostAddress());
        } catch (UnknownHostException e) {
          sans.add("ip:" + n.getName());
        }
      } else if (n.getName() instanceof ASN1String s) {
        sans.add(s.getString());
      } else {
        sans.add(n.toString());
      }
    }
    return sans;
  }

  private static Set<ExtendedUsage> usages(X509CertificateHolder cert) {
    Set<ExtendedUsage> usages = EnumSet.noneOf(ExtendedUsage.class);
    ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(cert.getExtensions());
    if (eku != null) {
      for (ExtendedUsage u : ExtendedUsage.values()) {
        if (eku.hasKeyPurposeId(u.purpose())) {
          usages.add(u);
        }
      }
    }
    return usages;
  }
}
