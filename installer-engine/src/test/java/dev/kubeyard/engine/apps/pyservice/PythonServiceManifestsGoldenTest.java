package dev.kubeyard.engine.apps.pyservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.testing.Golden;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rendered file of both Kubernetes lines matches its golden file (scripts/update-golden). */
class PythonServiceManifestsGoldenTest {

  @ParameterizedTest(name = "Kubernetes {0}")
  @CsvSource({"1.14.10, 1.14", "1.35.0, 1.35"})
  void renderedManifestsMatchTheGoldenFiles(String version, String line) {
    Map<String, String> files = PythonServiceManifests.render(ExampleCluster.at(version, true));

    assertThat(files).containsOnlyKeys("configmap.yaml", "deployment.yaml", "ingress.yaml", "namespace.yaml",
        "networkpolicy-default-deny.yaml", "networkpolicy.yaml", "networkpolicy-internal.yaml", "networkpolicy-dns.yaml",
        "networkpolicy-elasticsearch.yaml", "networkpolicy-sqlserver.yaml", "networkpolicy-gitlab.yaml",
        "poddisruptionbudget.yaml", "service.yaml", "sqlserver-ingressroutetcp.yaml");
    files.forEach((name, text) -> Golden.assertMatches("apps/python-service/" + line + "/" + name, text));
  }
}
