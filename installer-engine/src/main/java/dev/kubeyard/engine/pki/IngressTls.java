package dev.kubeyard.engine.pki;

import dev.kubeyard.engine.facts.ClusterFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * What the ingress serves on 443: the cluster CA's certificate (PKI name 'ingress'), or the
 * administrator's own chain and key (pki.ingressCertificate), already checked against the spec's hosts.
 * {@code chainPem} is the Secret's tls.crt (the certificate, then any intermediates, in the file's
 * order), {@code keyPem} its tls.key (PKCS#8; never print it). {@link #toString()} describes the
 * certificate and never shows the key.
 */
public record IngressTls(boolean own, String chainPem, String keyPem, String subject, Instant notAfter) {
  /** An own certificate expiring sooner than this is named in the plan's output. */
  static final Duration RENEW_SOON = Duration.ofDays(30);

  static IngressTls of(boolean own, String chainPem, String keyPem, X509CertificateHolder leaf) {
    return new IngressTls(own, chainPem, keyPem, leaf.getSubject().toString(), leaf.getNotAfter().toInstant());
  }

  /**
   * The certificate the plan puts in the ingress Secret: the administrator's when the spec names one
   * (read and checked now), else the one the cluster CA issued into {@code pki}.
   *
   * @throws IngressCertificateException the administrator's files cannot serve the spec's hosts
   */
  public static IngressTls forPlan(ClusterFacts facts, PkiMaterial pki, Instant now) {
    return own(facts, now).orElseGet(() -> clusterIssued(pki));
  }

  /**
   * The administrator's certificate when pki.ingressCertificate names one, checked: it parses, the key
   * is its own, it covers every ingress host and is valid {@code now}.
   *
   * @throws IngressCertificateException with every problem found
   */
  public static Optional<IngressTls> own(ClusterFacts facts, Instant now) {
    return facts.ownIngressCertificate().map(files -> OwnCertificateCheck.check(files, facts.ingressHosts(), now));
  }

  static IngressTls clusterIssued(PkiMaterial pki) {
    String pem = pki.certificate(PkiNames.INGRESS);
    return of(false, pem, pki.privateKey(PkiNames.INGRESS), Pem.readCertificate(pem));
  }

  /** A warning when the administrator's certificate expires within 30 days of {@code now}. */
  public Optional<String> renewalNotice(Instant now) {
    if (!own || notAfter.isAfter(now.plus(RENEW_SOON))) {
      return Optional.empty();
    }
    long days = Duration.between(now, notAfter).toDays();
    return Optional.of("the ingress certificate " + subject + " expires in " + days + " days (" + day(notAfter)
        + "): renew it and point pki.ingressCertificate.certificateFile at the new file before then");
  }

  /** E.g. "user-supplied, CN=*.example.com, expires 2027-03-01". */
  @Override
  public String toString() {
    return (own ? "user-supplied (pki.ingressCertificate)" : "issued by the cluster CA (PKI name 'ingress')")
        + ", " + subject + ", expires " + day(notAfter);
  }

  private static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }
}
