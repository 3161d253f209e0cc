package dev.kubeyard.engine.pki;

import dev.kubeyard.model.net.Ipv4;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * One leaf certificate the cluster needs: its file name, which CA signs it, the subject (CN and O,
 * which Kubernetes reads as user and groups), the subjectAltNames and the TLS usages.
 * Addresses among the SANs become iPAddress entries, everything else a dNSName.
 */
public record CertificateRequest(
    String name,
    CertificateAuthority signer,
    String commonName,
    List<String> organizations,
    List<String> subjectAltNames,
    Set<ExtendedUsage> usages) {

  public CertificateRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(commonName, "commonName");
    organizations = List.copyOf(organizations);
    subjectAltNames = List.copyOf(subjectAltNames);
    if (usages.isEmpty()) {
      throw new IllegalArgumentException(name + ": a certificate needs at least one usage");
    }
    usages = Collections.unmodifiableSet(EnumSet.copyOf(usages));
  }

  /** A client certificate: no SANs, clientAuth only. */
  static CertificateRequest client(String name, CertificateAuthority signer, String commonName,
      String... organizations) {
    return new CertificateRequest(name, signer, commonName, List.of(organizations), List.of(),
        EnumSet.of(ExtendedUsage.CLIENT_AUTH));
  }

  public List<String> ipAddresses() {
    return subjectAltNames.stream().filter(s -> Ipv4.parse(s).isPresent()).toList();
  }

  public List<String> dnsNames() {
    return subjectAltNames.stream().filter(s -> Ipv4.parse(s).isEmpty()).toList();
  }

  /** The subject as OpenSSL prints it, e.g. {@code O = system:masters, CN = admin}. */
  public String subjectText() {
    StringBuilder b = new StringBuilder();
    organizations.forEach(o -> b.append("O = ").append(o).append(", "));
    return b.append("CN = ").append(commonName).toString();
  }

  X500Name subject() {
    X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
    organizations.forEach(o -> b.addRDN(BCStyle.O, o));
    return b.addRDN(BCStyle.CN, commonName).build();
  }
}
