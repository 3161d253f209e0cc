package dev.kubeyard.engine.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.pki.PkiReport.Entry;
import dev.kubeyard.engine.pki.PkiReport.Outcome;
import dev.kubeyard.model.spec.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running again keeps what still fits and re-issues only what changed, with the reason. */
class PkiRerunTest {
  @TempDir
  Path tmp;
  private Path dir;
  private Map<String, String> before;

  @BeforeEach
  void copyTheIssuedPki() {
    dir = ExampleCluster.copyOfIssued(tmp);
    before = ExampleCluster.snapshot(dir);
  }

  @Test
  void aSecondRunWithTheSameSpecKeepsEveryFileByteForByte() {
    PkiReport report = ClusterPki.ensure(ExampleCluster.facts(), dir, Clock.systemUTC());

    assertThat(report.entries()).hasSize(32).allSatisfy(e -> assertThat(e.outcome()).isEqualTo(Outcome.KEPT));
    assertThat(ExampleCluster.snapshot(dir)).isEqualTo(before);
  }

  @Test
  void addingAMasterReissuesOnlyTheApiserverCertificateAndIssuesItsKubeletCertificate() {
    PkiReport report = ClusterPki.ensure(ExampleCluster.withHost("master4", "192.168.1.8", Role.MASTER), dir,
        Clock.systemUTC());

    assertThat(report.names(Outcome.REISSUED)).containsExactly("kubernetes");
    assertThat(report.names(Outcome.ISSUED)).containsExactly("kubelet-master4");
    assertThat(report.entry("kubernetes").map(Entry::reason)).contains("SANs changed: +192.168.1.8, +master4");
    assertThat(new OpenSsl(dir).subjectAltNames("kubernetes")).contains("IP Address:192.168.1.8", "DNS:master4");
    assertThat(new OpenSsl(dir).verifies("ca", "kubernetes")).isTrue();
    assertUnchangedExcept("kubernetes.pem", "kubernetes-key.pem", "kubelet-master4.pem", "kubelet-master4-key.pem");
  }

  @Test
  void addingANodeIssuesOnlyItsKubeletCertificate() {
    PkiReport report = ClusterPki.ensure(ExampleCluster.withHost("node4", "192.168.1.8", Role.NODE), dir,
        Clock.systemUTC());

    assertThat(report.names(Outcome.ISSUED)).containsExactly("kubelet-node4");
    assertThat(report.names(Outcome.REISSUED)).isEmpty();
    OpenSsl openssl = new OpenSsl(dir);
    assertThat(openssl.verifies("ca", "kubelet-node4")).isTrue();
    assertThat(openssl.subject("kubelet-node4")).isEqualTo("O = system:nodes, CN = system:node:node4");
    assertUnchangedExcept("kubelet-node4.pem", "kubelet-node4-key.pem");
  }

  @Test
  void certificatesCloseToTheirEndAreReissuedButTheCasAreKept() {
    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(365 - 12));
    PkiReport report = ClusterPki.ensure(ExampleCluster.facts(), dir, later);

    assertThat(report.names(Outcome.KEPT)).containsExactly("ca", "etcd-ca", "front-proxy-ca", "sa");
    assertThat(report.names(Outcome.REISSUED)).hasSize(28);
    assertThat(report.entry("admin").map(Entry::reason)).contains("expires in 11 days");
    OpenSsl openssl = new OpenSsl(dir);
    assertThat(openssl.verifies("ca", "admin", "-attime", String.valueOf(later.instant().getEpochSecond()))).isTrue();
    assertThat(openssl.ok("x509", "-noout", "-checkend", String.valueOf(Duration.ofDays(365 + 300).toSeconds()),
        "-in", "admin.pem")).contains("will not expire");
    assertThat(ExampleCluster.snapshot(dir)).containsEntry("ca.pem", before.get("ca.pem"))
        .containsEntry("ca-key.pem", before.get("ca-key.pem"));
  }

  @Test
  void removingANodeReportsItsCertificateAsStaleAndLeavesTheFiles() {
    PkiReport report = ClusterPki.ensure(ExampleCluster.withoutHost("node3"), dir, Clock.systemUTC());

    assertThat(report.names(Outcome.STALE)).containsExactly("kubelet-node3");
    assertThat(report.entry("kubelet-node3").map(Entry::reason).orElseThrow())
        .contains("host 'node3' is no longer a node in the spec", "left in place");
    assertThat(report.unchanged()).isTrue();
    assertThat(ExampleCluster.snapshot(dir)).isEqualTo(before);
  }

  @Test
  void changingTheKeyAlgorithmReissuesTheLeavesButNeverTheCas() {
    PkiReport report = ClusterPki.ensure(ExampleCluster.withKeyAlgorithm("ecdsa-p256"), dir, Clock.systemUTC());

    // SQL Server's stay RSA whatever pki.keyAlgorithm says (ADR 41)
    assertThat(report.names(Outcome.KEPT)).containsExactly("ca", "etcd-ca", "front-proxy-ca", "sa",
        "mssql-ag1-0-endpoint", "mssql-ag1-1-endpoint", "mssql-ag1-2-endpoint", "mssql-ag1-tls");
    assertThat(report.entry("ca").map(Entry::reason).orElseThrow())
        .contains("its key is rsa-2048 while pki.keyAlgorithm is ecdsa-p256");
    assertThat(report.names(Outcome.REISSUED)).hasSize(24);
    assertThat(report.entry("admin").map(Entry::reason)).contains("key algorithm changed: rsa-2048 -> ecdsa-p256");
    OpenSsl openssl = new OpenSsl(dir);
    assertThat(openssl.verifies("ca", "admin")).isTrue();
    assertThat(openssl.text("admin")).contains("ASN1 OID: prime256v1", "Signature Algorithm: sha256WithRSAEncryption");
  }

  @Test
  void aKeyThatDoesNotMatchItsCertificateIsReplaced() throws IOException {
    Files.copy(dir.resolve("admin-key.pem"), dir.resolve("kube-proxy-key.pem"), StandardCopyOption.REPLACE_EXISTING);

    PkiReport report = ClusterPki.ensure(ExampleCluster.facts(), dir, Clock.systemUTC());

    assertThat(report.names(Outcome.REISSUED)).containsExactly("kube-proxy");
    assertThat(report.entry("kube-proxy").map(Entry::reason)).contains("private key does not match the certificate");
    OpenSsl openssl = new OpenSsl(dir);
    assertThat(openssl.publicKeyOfPrivateKey("kube-proxy-key.pem")).isEqualTo(openssl.publicKeyOfCertificate("kube-proxy"));
  }

  @Test
  void aCertificateFromAnotherCaIsReissuedAsACaChange() throws IOException {
    Files.copy(dir.resolve("etcd-healthcheck-client.pem"), dir.resolve("admin.pem"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(dir.resolve("etcd-healthcheck-client-key.pem"), dir.resolve("admin-key.pem"),
        StandardCopyOption.REPLACE_EXISTING);

    PkiReport report = ClusterPki.ensure(ExampleCluster.facts(), dir, Clock.systemUTC());

    assertThat(report.entry("admin").map(Entry::reason).orElseThrow())
        .contains("CA changed: not signed by the current ca", "subject changed");
    assertThat(new OpenSsl(dir).verifies("ca", "admin")).isTrue();
  }

  @Test
  void aMissingCertificateOrKeyIsIssuedAgain() throws IOException {
    Files.delete(dir.resolve("kube-scheduler.pem"));
    Files.delete(dir.resolve("front-proxy-client-key.pem"));

    PkiReport report = ClusterPki.ensure(ExampleCluster.facts(), dir, Clock.systemUTC());

    assertThat(report.entry("kube-scheduler").map(Entry::reason)).contains("certificate missing");
    assertThat(report.entry("front-proxy-client").map(Entry::reason)).contains("private key missing");
    assertThat(report.names(Outcome.REISSUED)).hasSize(2);
  }

  @Test
  void leftoverTemporaryFilesOfAnInterruptedRunAreRemoved() throws IOException {
    Path leftover = dir.resolve(".admin-key.pem.8141.tmp");
    Files.writeString(leftover, "-----BEGIN PRIVATE KEY-----\nhalf");

    PkiReport report = ClusterPki.ensure(ExampleCluster.facts(), dir, Clock.systemUTC());

    assertThat(leftover).doesNotExist();
    assertThat(report.unchanged()).isTrue();
  }

  private void assertUnchangedExcept(String... changed) {
    Map<String, String> after = ExampleCluster.snapshot(dir);
    List<String> allowed = List.of(changed);
    before.forEach((file, content) -> {
      if (!allowed.contains(file)) {
        assertThat(after.get(file)).as(file).isEqualTo(content);
      }
    });
    assertThat(after.keySet()).as("no file appears except the changed ones")
        .containsAll(before.keySet()).allMatch(f -> before.containsKey(f) || allowed.contains(f));
  }
}
