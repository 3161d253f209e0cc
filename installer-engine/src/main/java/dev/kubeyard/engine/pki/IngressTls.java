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
 * {@link #toString()} describes it and never shows the key.
 */
public final class IngressTls {
  /** An own certificate expiring sooner than this is named in the plan's output. */
  static final Duration RENEW_SOON = Duration.ofDays(30);

  private final boolean own;
  private final String chainPem;
  private final String keyPem;
  private final String subject;
  private final Instant notAfter;

  IngressTls(boolean own, String chainPem, String keyPem, X509CertificateHolder leaf) {
    this.own = own;
    this.chainPem = chainPem;
    this.keyPem = keyPem;
    this.subject = leaf.getSubject().toString();
    this.notAfter = leaf.getNotAfter().toInstant();
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
    return new IngressTls(false, pem, pki.privateKey(PkiNames.INGRESS), Pem.readCertificate(pem));
  }

  /** True when the administrator supplied it. */
  public boolean own() {
    return own;
  }

  /** The certificate, then any intermediates, in the order the file gave them: the Secret's tls.crt. */
  public String chainPem() {
    return chainPem;
  }

  /** The PKCS#8 PEM private key: the Secret's tls.key. Never print it. */
  public String keyPem() {
    return keyPem;
  }

  public Instant notAfter() {
    return notAfter;
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
