package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.ClusterFacts;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * metrics-server's serving certificate (PKI name 'metrics-server', issued by the cluster CA for the
 * Service's DNS names) as a Secret, and the APIService that makes the apiserver verify it with the cluster
 * CA as {@code caBundle} instead of skipping the check. One file, so both change together when re-issued.
 */
public final class MetricsServerTls {
  public static final String FILE = "metrics-server-tls.yaml";
  static final String SECRET = "metrics-server-tls";
  static final String MOUNT = "/etc/kubeyard/metrics-server-tls";

  private MetricsServerTls() {}

  public static RenderedFile file(ClusterFacts facts, String certificatePem, String keyPem, String caPem) {
    Base64.Encoder b64 = Base64.getEncoder();
    String yaml = Templates.render("addons/" + FILE, java.util.Map.of(
        "secret", SECRET,
        "sans", String.join(", ", facts.serviceNames("metrics-server", "kube-system")),
        "crt", b64.encodeToString(certificatePem.getBytes(StandardCharsets.UTF_8)),
        "key", b64.encodeToString(keyPem.getBytes(StandardCharsets.UTF_8)),
        "caBundle", b64.encodeToString(caPem.getBytes(StandardCharsets.UTF_8))));
    return RenderedFile.secret(facts.firstMaster().name(), HostPaths.ADDONS + "/" + FILE, yaml);
  }
}
