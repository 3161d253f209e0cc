package dev.kubeyard.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.testing.Proc;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle's kube-apiserver really serves: it and the bundle's etcd run in a network namespace with
 * exactly the flags of their rendered units and the certificates of the PKI (see {@link BundleApiserver}).
 */
@Tag(BuiltBundle.TAG)
class ApiserverFromBundleTest {

  private static final String ADDRESS = "10.213.77.11";

  @TempDir
  Path tmp;

  @Test
  void servesReadyzOverTlsToTheAdminAndReportsThePinnedVersion() throws Exception {
    String version = BuiltBundle.manifest().kubernetesVersion();
    try (BundleApiserver api = BundleApiserver.start(tmp, "api", ADDRESS, """
        apiVersion: kubeyard.dev/v1alpha1
        kind: Cluster
        metadata: {name: bundletest}
        kubernetes: {version: %s}
        hosts:
          - {name: m1, address: %s, roles: [etcd, master, node]}
        """.formatted(version, ADDRESS))) {
      Proc.Result readyz = api.curl(true, "/readyz");
      assertThat(readyz.output()).as(readyz.toString()).isEqualTo("ok");

      Proc.Result raw = api.kubectl("get", "--raw", "/version");
      assertThat(raw.exit()).as(raw.toString()).isZero();
      assertThat(raw.output()).contains("\"gitVersion\": \"v" + version + "\"", "\"gitTreeState\": \"clean\"");

      Proc.Result anonymous = api.curl(false, "/readyz");
      assertThat(anonymous.output()).as("anonymous requests are refused: " + anonymous).contains("401");

      // the rendered TLS policy, as the real openssl client meets it: 1.2 with ECDHE-GCM only, 1.3
      assertThat(api.handshake("-tls1_2", "ECDHE-RSA-AES128-GCM-SHA256").exit()).as("TLS 1.2, ECDHE-RSA-AES128-GCM")
          .isZero();
      assertThat(api.handshake("-tls1_3", null).exit()).as("TLS 1.3").isZero();
      // refused by the server: the client offered it and got the server's alert back (not a client-side
      // refusal; SECLEVEL=0 lets this openssl offer TLS 1.1 at all)
      for (String[] refused : new String[][] {{"-tls1_2", "ECDHE-RSA-AES128-SHA"}, {"-tls1_2", "AES128-GCM-SHA256"},
          {"-tls1_1", "DEFAULT:@SECLEVEL=0"}}) {
        Proc.Result r = api.handshake(refused[0], refused[1]);
        assertThat(r.exit()).as("%s", r).isNotZero();
        assertThat(r.output()).as("%s", r).containsPattern("alert (handshake failure|protocol version)");
      }
    }
  }
}
