package dev.kubeyard.engine.netpol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NetworkPolicies of an app namespace (ADR 39): one {@value #DEFAULT_DENY} that selects every pod and
 * allows nothing in either direction, then one policy per allowed flow, named, with the flow in words in
 * the {@value #FLOW} annotation. Policies add up, so each flow can be read, tested and removed alone.
 */
public final class Flows {
  public static final String DEFAULT_DENY = "default-deny";
  public static final String FLOW = "kubeyard.dev/flow";

  private Flows() {}

  /** No ingress and no egress for any pod of {@code namespace} unless a flow below allows it. */
  public static Map<String, Object> defaultDeny(String namespace, Map<String, ?> labels) {
    return policy(namespace, DEFAULT_DENY, labels,
        "none: every pod of the namespace is isolated for ingress and egress; each flow is its own policy",
        Map.of(), List.of("Ingress", "Egress"), null, null);
  }

  /** {@code pods} accept {@code ports} from {@code from} (every source when empty). */
  public static Map<String, Object> ingress(String namespace, String name, Map<String, ?> labels, String flow,
      Map<String, ?> pods, List<Map<String, Object>> from, List<Map<String, Object>> ports) {
    return policy(namespace, name, labels, flow, pods, List.of("Ingress"), List.of(rule("from", from, ports)), null);
  }

  /** {@code pods} may open {@code ports} on {@code to}. */
  public static Map<String, Object> egress(String namespace, String name, Map<String, ?> labels, String flow,
      Map<String, ?> pods, List<Map<String, Object>> to, List<Map<String, Object>> ports) {
    return policy(namespace, name, labels, flow, pods, List.of("Egress"), null, List.of(rule("to", to, ports)));
  }

  /** {@code pods} talk among themselves on {@code ports}, both ways (a cluster's own transport). */
  public static Map<String, Object> among(String namespace, String name, Map<String, ?> labels, String flow,
      Map<String, ?> pods, List<Map<String, Object>> ports) {
    List<Map<String, Object>> peers = List.of(Peers.pods(pods));
    return policy(namespace, name, labels, flow, pods, List.of("Ingress", "Egress"),
        List.of(rule("from", peers, ports)), List.of(rule("to", peers, ports)));
  }

  private static Map<String, Object> rule(String direction, List<Map<String, Object>> peers,
      List<Map<String, Object>> ports) {
    Map<String, Object> r = new LinkedHashMap<>();
    if (!peers.isEmpty()) {
      r.put(direction, peers);
    }
    r.put("ports", ports);
    return r;
  }

  private static Map<String, Object> policy(String namespace, String name, Map<String, ?> labels, String flow,
      Map<String, ?> pods, List<String> types, List<Map<String, Object>> ingress, List<Map<String, Object>> egress) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("namespace", namespace);
    metadata.put("labels", labels);
    metadata.put("annotations", Map.of(FLOW, flow));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("podSelector", pods.isEmpty() ? Map.of() : Map.of("matchLabels", pods));
    spec.put("policyTypes", types);
    if (ingress != null) {
      spec.put("ingress", ingress);
    }
    if (egress != null) {
      spec.put("egress", egress);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("apiVersion", "networking.k8s.io/v1");
    p.put("kind", "NetworkPolicy");
    p.put("metadata", metadata);
    p.put("spec", spec);
    return p;
  }
}
