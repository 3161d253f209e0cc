package dev.kubeyard.engine.apps.elasticsearch.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.testing.Golden;
import dev.kubeyard.engine.testing.Specs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example cluster's Elasticsearch objects on both Kubernetes lines (7.17.29, formed cluster), the
 * bootstrap variant of the masters, the optional Ingress, and 6.8 (zen1) on 1.14, each equal to its golden copy;
 * tools/es-validate-manifests.sh checks the same files against each line's Kubernetes schemas.
 */
class ElasticsearchManifestsGoldenTest {

  static ElasticsearchDeployment deployment(String line) {
    return ElasticsearchDeployment.of(ClusterFacts.of(line.equals("1.14") ? Specs.legacy() : Specs.current()));
  }

  /** Everything the golden folder of a line holds: relative path → text. */
  static List<String[]> rendered(String line) {
    List<String[]> out = new ArrayList<>();
    // the masters' flannel addresses the deployer reads from a running cluster (ADR 39)
    ElasticsearchDeployment d = deployment(line).withApiserverSources(List.of("10.244.0.0", "10.244.1.0"));
    ElasticsearchManifests.render(d, false).forEach(m -> out.add(new String[] {line + "/" + m.file(), m.yaml()}));
    ElasticsearchManifests.render(d, true).stream().filter(m -> m.file().equals("master-statefulset.yaml"))
        .forEach(m -> out.add(new String[] {line + "/bootstrap/" + m.file(), m.yaml()}));
    ElasticsearchDeployment published = new ElasticsearchDeployment(d.clusterName(), d.namespace(), d.kubernetes(),
        d.version(), d.heap(), d.masters(), d.data(), d.ingest(), d.storageSize(), d.storageClass(),
        d.imageRepository(), "search.example.com");
    ElasticsearchManifests.render(published, false).stream().filter(m -> m.kind().equals("Ingress"))
        .forEach(m -> out.add(new String[] {line + "/ingress/" + m.file(), m.yaml()}));
    if (line.equals("1.14")) {
      ElasticsearchManifests.statefulSets(d.withVersion(EsVersion.of("6.8.23"))).stream()
          .filter(m -> m.file().equals("master-statefulset.yaml"))
          .forEach(m -> out.add(new String[] {line + "/es-6.8/" + m.file(), m.yaml()}));
    }
    return out;
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyManifestMatchesItsGoldenCopyAndNoneIsOrphaned(String line) {
    List<String[]> files = rendered(line);
    files.forEach(f -> Golden.assertMatches("apps/elasticsearch/" + f[0], f[1]));
    Golden.assertNoOrphans("apps/elasticsearch/" + line, files.stream().map(f -> "apps/elasticsearch/" + f[0]).toList());
  }

  @Test
  void renderingTwiceGivesTheSameBytes() {
    assertThat(rendered("1.35")).usingElementComparator((a, b) -> (a[0] + a[1]).compareTo(b[0] + b[1]))
        .isEqualTo(rendered("1.35"));
  }
}
