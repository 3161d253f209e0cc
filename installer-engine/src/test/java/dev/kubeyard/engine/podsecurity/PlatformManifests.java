package dev.kubeyard.engine.podsecurity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeyard.engine.apps.elasticsearch.manifest.ElasticsearchDeployment;
import dev.kubeyard.engine.apps.elasticsearch.manifest.ElasticsearchManifests;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.apps.pyservice.PythonServiceManifests;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.render.ClusterRenderer;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.engine.render.RenderContext;
import dev.kubeyard.engine.render.RenderedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every manifest the platform applies for a cluster, as text by file (the addons of the first master,
 * Elasticsearch's objects, the gateway's), and the pods their workloads would create.
 */
public final class PlatformManifests {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> WORKLOADS = Set.of("Deployment", "DaemonSet", "StatefulSet");

  private PlatformManifests() {}

  /**
   * A master and a worker in 10.213.{@code subnet}.0/24 with Elasticsearch and the gateway, on {@code version};
   * on the current line MetalLB too. The master is at {@link #master}.
   */
  public static String spec(String name, String version, int subnet) {
    String net = "10.213." + subnet + ".";
    String metallb = version.startsWith("1.14") ? ""
        : "network: {hostSubnet: " + net + "0/24, loadBalancerAddresses: [" + net + "200-" + net + "220]}\n";
    return "apiVersion: kubeyard.dev/v1alpha1\nkind: Cluster\nmetadata: {name: " + name + "}\n"
        + "kubernetes: {version: " + version + "}\n" + metallb
        + "hosts:\n"
        + "  - {name: m1, address: " + master(subnet) + ", roles: [etcd, master]}\n"
        + "  - {name: n1, address: " + net + "12, roles: [node]}\n"
        + "apps:\n"
        + "  elasticsearch: {version: 7.17.29, masters: 3, data: 2, ingest: 1}\n"
        + "  pythonService: {host: gateway.lab.test}\n";
  }

  public static String master(int subnet) {
    return "10.213." + subnet + ".11";
  }

  /** The namespaces whose pods use their default service account, which no controller-manager creates here. */
  public static List<String> defaultAccountNamespaces(ClusterFacts facts, String appNamespace) {
    return List.of(appNamespace, facts.apps().elasticsearch().namespace(), facts.apps().pythonService().namespace());
  }

  /** The addons (no MetalLB pool: it holds no workload) by file name. */
  public static Map<String, String> addons(RenderContext ctx) {
    Map<String, String> out = new LinkedHashMap<>();
    String prefix = HostPaths.ADDONS + "/";
    for (RenderedFile f : ClusterRenderer.render(ctx)) {
      if (f.host().equals(ctx.facts().firstMaster().name()) && f.path().startsWith(prefix)
          && !f.path().substring(prefix.length()).contains("/")) {
        out.put(f.path().substring(prefix.length()), f.content());
      }
    }
    return out;
  }

  /** Elasticsearch's objects in apply order, as a bootstrap applies them. */
  public static Map<String, String> elasticsearch(ClusterFacts facts) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Manifest m : ElasticsearchManifests.render(ElasticsearchDeployment.of(facts), true)) {
      out.put(m.file(), m.yaml());
    }
    return out;
  }

  /** The gateway's objects in apply order, without SQL Server's route (its namespace is SQL Server's). */
  public static Map<String, String> gateway(ClusterFacts facts) {
    Map<String, String> files = PythonServiceManifests.render(facts);
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : PythonServiceManifests.APPLY_ORDER) {
      if (files.containsKey(name) && !name.equals(PythonServiceManifests.SQLSERVER_ROUTE_FILE)) {
        out.put(name, files.get(name));
      }
    }
    return out;
  }

  /** Writes {@code files} (name to text) into {@code dir}, created if need be; returns it. */
  public static Path write(Path dir, Map<String, String> files) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
    return dir;
  }

  /** Every object of a (multi-document) YAML text. */
  public static List<ObjectNode> objects(String yaml) {
    List<ObjectNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && doc.isObject() && doc.has("kind")) {
          out.add((ObjectNode) doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The pod a workload's controller would create from its template, named after the workload; a
   * StatefulSet's claim templates become its first replica's claims.
   */
  public static List<ObjectNode> pods(String yaml) {
    List<ObjectNode> pods = new ArrayList<>();
    for (ObjectNode o : objects(yaml)) {
      if (!WORKLOADS.contains(o.path("kind").asText())) {
        continue;
      }
      String name = o.path("metadata").path("name").asText();
      JsonNode template = o.path("spec").path("template");
      ObjectNode pod = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "Pod");
      ObjectNode meta = pod.putObject("metadata").put("name", name.toLowerCase())
          .put("namespace", o.path("metadata").path("namespace").asText());
      for (String field : List.of("labels", "annotations")) {
        if (template.path("metadata").has(field)) {
          meta.set(field, template.path("metadata").get(field).deepCopy());
        }
      }
      ObjectNode spec = template.path("spec").deepCopy();
      for (JsonNode claim : o.path("spec").path("volumeClaimTemplates")) {
        String claimName = claim.path("metadata").path("name").asText();
        spec.withArray("volumes").addObject().put("name", claimName).putObject("persistentVolumeClaim")
            .put("claimName", claimName + "-" + name + "-0");
      }
      pod.set("spec", spec);
      pods.add(pod);
    }
    return pods;
  }

  /** The workload kind a pod of {@link #pods} came from, by pod name, for the controller that creates it. */
  public static Map<String, String> workloadKinds(String yaml) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ObjectNode o : objects(yaml)) {
      if (WORKLOADS.contains(o.path("kind").asText())) {
        out.put(o.path("metadata").path("name").asText().toLowerCase(), o.path("kind").asText());
      }
    }
    return out;
  }
}
