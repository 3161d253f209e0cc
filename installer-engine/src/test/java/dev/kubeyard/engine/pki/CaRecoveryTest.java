package dev.kubeyard.engine.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.pki.PkiReport.Entry;
import dev.kubeyard.engine.pki.PkiReport.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged or missing CA and service-account material. A CA the cluster trusts is never silently
 * replaced: without its key the run stops and says what to do; only when the certificate is gone
 * too is a new CA created (and everything it signed re-issued).
 */
class CaRecoveryTest {
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
  void aMissingCaKeyStopsTheRunWithWhatToDoAndWritesNothing() throws IOException {
    Files.delete(dir.resolve("ca-key.pem"));
    Map<String, String> damaged = ExampleCluster.snapshot(dir);

    assertThatThrownBy(() -> ClusterPki.ensure(ExampleCluster.facts(), dir, Clock.systemUTC()))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining("ca-key.pem is missing but ca.pem (kubernetes-ca) is present in " + dir)
        .hasMessageContaining("a new CA would invalidate all of them")
        .hasMessageContaining("restore ca-key.pem from your backup")
        .hasMessageContaining("move ca.pem away as well");
    assertThat(ExampleCluster.snapshot(dir)).isEqualTo(damaged);
  }

  @Test
  void everyMissingSigningKeyIsNamedInOneRefusal() throws IOException {
    Files.delete(dir.resolve("etcd-ca-key.pem"));
    Files.delete(dir.resolve("sa-key.pem"));

    assertThatThrownBy(() -> ClusterPki.ensure(ExampleCluster.facts(), dir, Clock.systemUTC()))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining("etcd-ca-key.pem is missing but etcd-ca.pem (etcd-ca) is present")
        .hasMessageContaining("sa-key.pem is missing but sa.pub is present")
        .hasMessageContaining("move sa.pub away as well");
  }

  @Test
  void aCaKeyFromAnotherCaStopsTheRunWhenItIsOpenedToSign() throws IOException {
    Files.copy(dir.resolve("etcd-ca-key.pem"), dir.resolve("ca-key.pem"), StandardCopyOption.REPLACE_EXISTING);
    // An encrypted key is only opened to sign (ADR 37): a missing leaf makes this run sign with the cluster CA.
    Files.delete(dir.resolve("admin.pem"));

    assertThatThrownBy(() -> ClusterPki.ensure(ExampleCluster.facts(), dir, Clock.systemUTC()))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining("ca-key.pem does not belong to ca.pem");
  }

  @Test
  void withBothCaFilesGoneANewCaIsCreatedAndEverythingItSignedIsReissued() throws IOException {
    Files.delete(dir.resolve("ca.pem"));
    Files.delete(dir.resolve("ca-key.pem"));

    PkiReport report = ClusterPki.ensure(ExampleCluster.facts(), dir, Clock.systemUTC());

    assertThat(report.outcome("ca")).isEqualTo(Outcome.ISSUED);
    assertThat(report.names(Outcome.REISSUED)).containsExactly("kubernetes", "apiserver-kubelet-client", "admin",
        "break-glass", "kube-controller-manager", "kube-scheduler", "kube-proxy", "lb-healthcheck-client", "ingress",
        "metrics-server", "kubelet-master1", "kubelet-master2", "kubelet-master3", "kubelet-node1", "kubelet-node2",
        "kubelet-node3", "kubelet-win1", "mssql-ag1-0-endpoint", "mssql-ag1-1-endpoint", "mssql-ag1-2-endpoint",
        "mssql-ag1-tls", "gitlab-postgres-tls");
    assertThat(report.entry("admin").map(Entry::reason)).contains("CA changed: ca was created anew");
    assertThat(report.names(Outcome.KEPT)).contains("etcd-ca", "etcd-master1", "apiserver-etcd-client",
        "front-proxy-ca", "front-proxy-client", "sa");
    OpenSsl openssl = new OpenSsl(dir);
    assertThat(openssl.verifies("ca", "admin")).isTrue();
    assertThat(openssl.verifies("ca", "kubelet-win1")).isTrue();
    assertThat(ExampleCluster.snapshot(dir).get("etcd-master1.pem")).isEqualTo(before.get("etcd-master1.pem"));
  }

  @Test
  void aMissingCaCertificateIsRebuiltFromItsKeySoWhatItSignedStaysValid() throws IOException {
    Files.delete(dir.resolve("ca.pem"));

    PkiReport report = ClusterPki.ensure(ExampleCluster.facts(), dir, Clock.systemUTC());

    assertThat(report.outcome("ca")).isEqualTo(Outcome.REISSUED);
    assertThat(report.entry("ca").map(Entry::reason).orElseThrow()).contains("re-created from the existing ca-key.pem");
    assertThat(report.names(Outcome.REISSUED)).containsExactly("ca");
    assertThat(ExampleCluster.snapshot(dir).get("admin.pem")).isEqualTo(before.get("admin.pem"));
    assertThat(new OpenSsl(dir).verifies("ca", "admin")).as("the old admin.pem against the new ca.pem").isTrue();
  }

  @Test
  void aMissingServiceAccountPublicKeyIsDerivedAgainFromTheSigningKey() throws IOException {
    Files.delete(dir.resolve("sa.pub"));

    PkiReport report = ClusterPki.ensure(ExampleCluster.facts(), dir, Clock.systemUTC());

    assertThat(report.outcome("sa")).isEqualTo(Outcome.REISSUED);
    assertThat(ExampleCluster.snapshot(dir)).isEqualTo(before);
  }

  @Test
  void aCaIsKeptCloseToItsEndAndNoLeafOutlivesIt() {
    Clock late = Clock.offset(Clock.systemUTC(), Duration.ofDays(3650 - 10));

    PkiReport report = ClusterPki.ensure(ExampleCluster.facts(), dir, late);

    assertThat(report.outcome("ca")).isEqualTo(Outcome.KEPT);
    assertThat(report.entry("ca").map(Entry::reason).orElseThrow())
        .contains("expires in 9 days: a CA is never replaced automatically");
    assertThat(report.entry("admin").map(Entry::reason).orElseThrow()).contains("expired");
    OpenSsl openssl = new OpenSsl(dir);
    assertThat(openssl.ok("x509", "-noout", "-enddate", "-in", "admin.pem"))
        .isEqualTo(openssl.ok("x509", "-noout", "-enddate", "-in", "ca.pem"));
  }

  @Test
  void anExpiredCaStopsTheRun() {
    Clock afterTheEnd = Clock.offset(Clock.systemUTC(), Duration.ofDays(3651));

    assertThatThrownBy(() -> ClusterPki.ensure(ExampleCluster.facts(), dir, afterTheEnd))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining("ca.pem (kubernetes-ca) expired on")
        .hasMessageContaining("a CA is never replaced automatically");
    assertThat(ExampleCluster.snapshot(dir)).isEqualTo(before);
  }
}
