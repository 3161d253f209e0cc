package dev.kubeyard.engine.netpol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubeyard.engine.apps.elasticsearch.manifest.ElasticsearchDeployment;
import dev.kubeyard.engine.apps.elasticsearch.manifest.ElasticsearchManifests;
import dev.kubeyard.engine.apps.pyservice.PythonServiceManifests;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.render.ClusterRenderer;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.model.spec.ClusterSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Every NetworkPolicy Kubeyard renders for a spec: the addons', Elasticsearch's and the gateway's. */
final class AppNamespacePolicies {
  /** What the deployer reads from a cluster whose three masters hold 10.244.0.0/24 … 10.244.2.0/24. */
  static final List<String> APISERVER_SOURCES = List.of("10.244.0.0", "10.244.1.0", "10.244.2.0");
  private static final ObjectMapper YAML = new YAMLMapper();

  private AppNamespacePolicies() {}

  /** The example spec on a line, with enforcement on and Elasticsearch published at an ingress host. */
  static ClusterSpec spec(String line) {
    return Specs.example(y -> {
      String s = line.equals("1.14") ? y : y.replace("version: 1.14.10", "version: 1.35.0")
          .replace("  # hostSubnet:", "  hostSubnet:").replace("  # loadBalancerAddresses:", "  loadBalancerAddresses:")
          .replace("  #   - 192.168.1.200", "    - 192.168.1.200");
      return s.replace("  # enforceNetworkPolicy: true", "  enforceNetworkPolicy: true")
          .replace("    ingest: 2\n", "    ingest: 2\n    ingressHost: search.example.com\n");
    });
  }

  static List<JsonNode> all(ClusterSpec spec) {
    ClusterFacts facts = ClusterFacts.of(spec);
    List<JsonNode> out = new ArrayList<>();
    ClusterRenderer.render(Specs.context(spec)).stream()
        .filter(f -> f.path().startsWith(HostPaths.ADDONS + "/"))
        .forEach(f -> out.addAll(policies(f.content())));
    ElasticsearchDeployment es = ElasticsearchDeployment.of(facts).withApiserverSources(APISERVER_SOURCES);
    ElasticsearchManifests.render(es, false).forEach(m -> out.addAll(policies(m.yaml())));
    PythonServiceManifests.render(facts).values().forEach(text -> out.addAll(policies(text)));
    return out;
  }

  private static List<JsonNode> policies(String yaml) {
    List<JsonNode> out = new ArrayList<>();
    try {
      YAML.readerFor(JsonNode.class).readValues(yaml).forEachRemaining(n -> {
        JsonNode o = (JsonNode) n;
        if (o != null && o.path("kind").asText().equals("NetworkPolicy")) {
          out.add(o);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
