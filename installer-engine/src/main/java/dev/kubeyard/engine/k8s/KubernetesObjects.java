package dev.kubeyard.engine.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeyard.engine.k8s.ClusterStatus.ComponentHealth;
import dev.kubeyard.engine.k8s.ClusterStatus.IngressStatus;
import dev.kubeyard.engine.k8s.ClusterStatus.Condition;
import dev.kubeyard.engine.k8s.ClusterStatus.NodeStatus;
import dev.kubeyard.engine.k8s.ClusterStatus.PodStatus;
import io.kubernetes.client.openapi.models.V1ComponentCondition;
import io.kubernetes.client.openapi.models.V1ComponentStatus;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeAddress;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Turns the client's models into Kubeyard's status records. */
final class KubernetesObjects {
  private static final String ROLE_PREFIX = "node-role.kubernetes.io/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private KubernetesObjects() {}

  static NodeStatus node(V1Node n) {
    Map<String, String> labels = n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels();
    TreeSet<String> roles = new TreeSet<>();
    labels.keySet().stream().filter(k -> k.startsWith(ROLE_PREFIX)).map(k -> k.substring(ROLE_PREFIX.length()))
        .filter(r -> !r.isEmpty()).forEach(roles::add);
    if (labels.containsKey("kubernetes.io/role")) {
      roles.add(labels.get("kubernetes.io/role")); // how 1.14-era installers labelled roles
    }
    String os = labels.getOrDefault("kubernetes.io/os", labels.getOrDefault("beta.kubernetes.io/os",
        n.getStatus() != null && n.getStatus().getNodeInfo() != null ? n.getStatus().getNodeInfo().getOperatingSystem() : ""));
    String version = n.getStatus() != null && n.getStatus().getNodeInfo() != null
        ? n.getStatus().getNodeInfo().getKubeletVersion() : "";
    List<V1NodeCondition> conditions = n.getStatus() == null || n.getStatus().getConditions() == null
        ? List.of() : n.getStatus().getConditions();
    boolean ready = conditions.stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    String ip = n.getStatus() == null || n.getStatus().getAddresses() == null ? "" : n.getStatus().getAddresses()
        .stream().filter(a -> "InternalIP".equals(a.getType())).map(V1NodeAddress::getAddress).findFirst().orElse("");
    return new NodeStatus(n.getMetadata().getName(), os, List.copyOf(roles), version, ready, ip,
        conditions.stream().map(c -> new Condition(c.getType(), c.getStatus(), nz(c.getReason()), nz(c.getMessage())))
            .toList());
  }

  static PodStatus pod(V1Pod p) {
    List<V1ContainerStatus> statuses = p.getStatus() == null || p.getStatus().getContainerStatuses() == null
        ? List.of() : p.getStatus().getContainerStatuses();
    List<String> containers = p.getSpec() == null ? List.of()
        : p.getSpec().getContainers().stream().map(c -> c.getName()).toList();
    int ready = (int) statuses.stream().filter(s -> Boolean.TRUE.equals(s.getReady())).count();
    int restarts = statuses.stream().map(V1ContainerStatus::getRestartCount).filter(Objects::nonNull)
        .mapToInt(Integer::intValue).sum();
    return new PodStatus(p.getMetadata().getNamespace(), p.getMetadata().getName(),
        p.getStatus() == null ? "" : nz(p.getStatus().getPhase()), ready, containers, restarts,
        p.getSpec() == null ? "" : nz(p.getSpec().getNodeName()));
  }

  static ComponentHealth component(V1ComponentStatus cs) {
    List<V1ComponentCondition> conditions = cs.getConditions() == null ? List.of() : cs.getConditions();
    boolean healthy = conditions.stream().anyMatch(c -> "Healthy".equals(c.getType()) && "True".equals(c.getStatus()));
    String detail = conditions.stream().map(c -> nz(c.getMessage()) + nz(c.getError())).reduce("", String::concat);
    return new ComponentHealth(cs.getMetadata().getName(), healthy, detail);
  }

  /** An IngressList (v1 or v1beta1, the same shape where read here), sorted by namespace and name. */
  static List<IngressStatus> ingresses(String json) throws IOException {
    List<IngressStatus> out = new ArrayList<>();
    for (JsonNode i : JSON.readTree(json).path("items")) {
      JsonNode meta = i.path("metadata");
      String cls = i.path("spec").path("ingressClassName").asText(
          meta.path("annotations").path("kubernetes.io/ingress.class").asText(""));
      List<String> hosts = new ArrayList<>();
      for (JsonNode rule : i.path("spec").path("rules")) {
        if (rule.hasNonNull("host") && !hosts.contains(rule.get("host").asText())) {
          hosts.add(rule.get("host").asText());
        }
      }
      JsonNode lb = i.path("status").path("loadBalancer").path("ingress").path(0);
      String address = lb.path("ip").asText(lb.path("hostname").asText(""));
      out.add(new IngressStatus(meta.path("namespace").asText(), meta.path("name").asText(), cls,
          List.copyOf(hosts), address));
    }
    out.sort(Comparator.comparing(IngressStatus::namespace).thenComparing(IngressStatus::name));
    return out;
  }

  /** Lines such as {@code [+]etcd ok} or {@code [-]etcd failed: reason withheld}. */
  static List<ComponentHealth> checks(String endpoint, String body) {
    return body.lines().map(String::strip).filter(l -> l.startsWith("[+]") || l.startsWith("[-]")).map(l -> {
      String rest = l.substring(3);
      int space = rest.indexOf(' ');
      String name = space < 0 ? rest : rest.substring(0, space);
      String detail = space < 0 ? "" : rest.substring(space + 1);
      return new ComponentHealth(endpoint.substring(1) + "/" + name, l.startsWith("[+]"), detail);
    }).toList();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
