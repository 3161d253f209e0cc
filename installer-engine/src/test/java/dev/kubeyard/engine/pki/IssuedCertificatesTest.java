package dev.kubeyard.engine.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The PKI issued for the example spec, judged by the real openssl binary. */
class IssuedCertificatesTest {
  private static final List<CertificateRequest> REQUESTS = CertificateCatalogue.of(ExampleCluster.facts());
  private static final List<String> CAS = List.of("ca", "etcd-ca", "front-proxy-ca");
  private final OpenSsl openssl = new OpenSsl(ExampleCluster.issued());

  private static List<String> signedBy(CertificateAuthority ca) {
    return REQUESTS.stream().filter(r -> r.signer() == ca).map(CertificateRequest::name).toList();
  }

  @Test
  void everyCertificateVerifiesAgainstItsOwnCa() {
    for (CertificateRequest r : REQUESTS) {
      assertThat(openssl.verifies(r.signer().fileName(), r.name()))
          .as("openssl verify -CAfile %s.pem %s.pem", r.signer().fileName(), r.name()).isTrue();
    }
  }

  @Test
  void etcdCertificatesDoNotVerifyAgainstTheClusterCa() {
    assertThat(signedBy(CertificateAuthority.ETCD)).hasSize(5)
        .allSatisfy(name -> assertThat(openssl.verifies("ca", name)).as(name).isFalse());
  }

  @Test
  void aClusterCaClientCertificateSuchAsAKubeletsCannotOpenEtcd() {
    assertThat(signedBy(CertificateAuthority.CLUSTER))
        .allSatisfy(name -> assertThat(openssl.verifies("etcd-ca", name)).as(name).isFalse());
  }

  @Test
  void theFrontProxyClientVerifiesOnlyAgainstTheFrontProxyCa() {
    assertThat(openssl.verifies("front-proxy-ca", "front-proxy-client")).isTrue();
    assertThat(openssl.verifies("ca", "front-proxy-client")).isFalse();
    assertThat(signedBy(CertificateAuthority.CLUSTER))
        .allSatisfy(name -> assertThat(openssl.verifies("front-proxy-ca", name)).as(name).isFalse());
  }

  @Test
  void apiserverCertificateCarriesTheFirstServiceIpNotTheDnsIp() {
    Set<String> sans = openssl.subjectAltNames("kubernetes");
    assertThat(sans).contains("IP Address:10.68.0.1").doesNotContain("IP Address:10.68.0.2");
    assertThat(sans).containsExactlyInAnyOrder("IP Address:192.168.1.10", "IP Address:192.168.1.1",
        "IP Address:192.168.1.2", "IP Address:192.168.1.7", "DNS:master1", "DNS:master2", "DNS:master3", "IP Address:127.0.0.1", "IP Address:10.68.0.1",
        "DNS:kubernetes", "DNS:kubernetes.default", "DNS:kubernetes.default.svc",
        "DNS:kubernetes.default.svc.cluster.local", "DNS:localhost");
    assertThat(openssl.extension("kubernetes", "extendedKeyUsage")).contains("TLS Web Server Authentication");
  }

  @Test
  void etcdMemberCertificatesServeClientsAndPeersOnEveryAddressOfTheirHost() {
    assertThat(openssl.subject("etcd-master1")).isEqualTo("CN = master1");
    assertThat(openssl.subjectAltNames("etcd-master1")).containsExactlyInAnyOrder(
        "IP Address:192.168.1.1", "DNS:master1", "IP Address:127.0.0.1", "DNS:localhost");
    assertThat(openssl.subjectAltNames("etcd-master3")).contains("IP Address:192.168.1.7", "DNS:master3");
    assertThat(openssl.extension("etcd-master1", "keyUsage"))
        .containsExactly("X509v3 Key Usage: critical", "Digital Signature, Key Encipherment");
    assertThat(openssl.extension("etcd-master1", "extendedKeyUsage"))
        .contains("TLS Web Server Authentication, TLS Web Client Authentication");
  }

  @Test
  void clientCertificatesNameTheUsersAndGroupsKubernetesExpects() {
    Map<String, String> subjects = Map.of(
        "admin", "O = kubeyard:cluster-admins, CN = admin",
        "break-glass", "O = system:masters, CN = kubeyard:break-glass",
        "apiserver-kubelet-client", "CN = kube-apiserver-kubelet-client",
        "apiserver-etcd-client", "CN = kube-apiserver-etcd-client",
        "etcd-healthcheck-client", "CN = kube-etcd-healthcheck-client",
        "kube-controller-manager", "CN = system:kube-controller-manager",
        "kube-scheduler", "CN = system:kube-scheduler",
        "kube-proxy", "CN = system:kube-proxy",
        "front-proxy-client", "CN = front-proxy-client");
    subjects.forEach((name, subject) -> {
      assertThat(openssl.subject(name)).as(name).isEqualTo(subject);
      assertThat(openssl.extension(name, "extendedKeyUsage")).as(name)
          .containsExactly("X509v3 Extended Key Usage:", "TLS Web Client Authentication");
      assertThat(openssl.subjectAltNames(name)).as(name).isEmpty();
    });
  }

  @Test
  void everyNodeIncludingTheWindowsOneGetsAKubeletServingAndClientCertificate() {
    for (String node : List.of("node1", "node2", "node3", "win1")) {
      String name = "kubelet-" + node;
      assertThat(openssl.subject(name)).isEqualTo("O = system:nodes, CN = system:node:" + node);
      assertThat(openssl.extension(name, "extendedKeyUsage"))
          .contains("TLS Web Server Authentication, TLS Web Client Authentication");
    }
    assertThat(openssl.subjectAltNames("kubelet-win1")).containsExactlyInAnyOrder("DNS:win1", "IP Address:192.168.1.6");
  }

  @Test
  void authoritiesAreCriticalCaCertificatesThatMaySignCertificates() {
    Map<String, String> commonNames = Map.of("ca", "CN = kubernetes-ca", "etcd-ca", "CN = etcd-ca",
        "front-proxy-ca", "CN = front-proxy-ca");
    for (String ca : CAS) {
      assertThat(openssl.subject(ca)).isEqualTo(commonNames.get(ca));
      assertThat(openssl.extension(ca, "basicConstraints")).containsExactly("X509v3 Basic Constraints: critical", "CA:TRUE");
      assertThat(openssl.extension(ca, "keyUsage"))
          .containsExactly("X509v3 Key Usage: critical", "Digital Signature, Certificate Sign, CRL Sign");
      assertThat(openssl.extension(ca, "subjectKeyIdentifier")).hasSize(2);
      assertThat(days(ca)).isEqualTo(3650);
    }
  }

  @Test
  void leavesAreNotCasAndNameTheKeyOfTheCaThatSignedThem() {
    for (CertificateRequest r : REQUESTS) {
      assertThat(openssl.extension(r.name(), "basicConstraints")).as(r.name())
          .containsExactly("X509v3 Basic Constraints: critical", "CA:FALSE");
      assertThat(openssl.extension(r.name(), "keyUsage").get(0)).as(r.name()).isEqualTo("X509v3 Key Usage: critical");
      assertThat(openssl.extension(r.name(), "subjectKeyIdentifier")).as(r.name()).hasSize(2);
      String caKeyId = openssl.extension(r.signer().fileName(), "subjectKeyIdentifier").get(1);
      assertThat(openssl.extension(r.name(), "authorityKeyIdentifier").get(1)).as(r.name()).contains(caKeyId);
    }
  }

  @Test
  void signaturesUseSha256AndSerialsAreRandomPositive128BitNumbers() {
    Set<BigInteger> serials = new HashSet<>();
    for (String name : names()) {
      assertThat(openssl.text(name)).as(name).contains("Signature Algorithm: sha256WithRSAEncryption");
      BigInteger serial = new BigInteger(openssl.ok("x509", "-noout", "-serial", "-in", name + ".pem")
          .trim().replaceFirst("^serial=", ""), 16);
      assertThat(serial.signum()).isPositive();
      assertThat(serial.bitLength()).as("%s serial %s", name, serial.toString(16)).isBetween(64, 128);
      serials.add(serial);
    }
    assertThat(serials).hasSize(names().size());
  }

  @Test
  void validityStartsALittleInThePastAndLastsCertValidityDays() {
    Instant issued = ExampleCluster.issuedAt();
    for (CertificateRequest r : REQUESTS) {
      Instant notBefore = date(r.name(), "-startdate");
      assertThat(notBefore).as(r.name()).isBefore(issued).isAfter(issued.minus(Duration.ofMinutes(10)));
      assertThat(days(r.name())).as(r.name()).isEqualTo(365);
    }
  }

  private List<String> names() {
    List<String> all = new ArrayList<>(CAS);
    REQUESTS.forEach(r -> all.add(r.name()));
    return all;
  }

  /** Whole days from now to notAfter, rounded to the nearest day. */
  private long days(String name) {
    return Math.round(Duration.between(ExampleCluster.issuedAt(), date(name, "-enddate")).toHours() / 24.0);
  }

  private Instant date(String name, String which) {
    String line = openssl.ok("x509", "-noout", which, "-dateopt", "iso_8601", "-in", name + ".pem").trim();
    String value = line.substring(line.indexOf('=') + 1);
    return LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")).toInstant(ZoneOffset.UTC);
  }
}
