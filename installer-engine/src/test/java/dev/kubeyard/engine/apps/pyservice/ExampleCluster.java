package dev.kubeyard.engine.apps.pyservice;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.testing.RepoRoot;
import dev.kubeyard.model.validate.Validator;
import dev.kubeyard.model.version.KubernetesVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.UnaryOperator;

/** resources/examples/cluster.yaml at a chosen Kubernetes version, optionally exposing SQL Server on TCP. */
final class ExampleCluster {
  private ExampleCluster() {}

  static ClusterFacts at(String version, boolean exposeSqlServer) {
    return at(version, exposeSqlServer, UnaryOperator.identity());
  }

  static ClusterFacts at(String version, boolean exposeSqlServer, UnaryOperator<String> edit) {
    // The example exposes SQL Server itself; start from a spec that does not.
    String yaml = edit.apply(read().replace("version: 1.14.10", "version: " + version)
        .replaceAll("(?m)^    exposeTcpPort: .*\n", ""));
    if (exposeSqlServer) {
      yaml = yaml.replace("    saPasswordFrom: secret:mssql/sa-password",
          "    saPasswordFrom: secret:mssql/sa-password\n    exposeTcpPort: 1433");
    }
    Validator.Result result = Validator.loadText(yaml);
    if (!result.valid()) {
      throw new IllegalStateException("example spec invalid: " + result.problems());
    }
    return ClusterFacts.of(result.spec());
  }

  /** The same facts at a version outside the supported lines, to test an API boundary (1.18/1.19...). */
  static ClusterFacts withVersion(ClusterFacts f, String version) {
    return new ClusterFacts(f.spec(), KubernetesVersion.of(version), f.serviceCidr(), f.clusterCidr(),
        f.kubernetesServiceIp(), f.dnsIp(), f.hosts(), f.etcdMembers());
  }

  private static String read() {
    try {
      return Files.readString(RepoRoot.path().resolve("resources/examples/cluster.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
