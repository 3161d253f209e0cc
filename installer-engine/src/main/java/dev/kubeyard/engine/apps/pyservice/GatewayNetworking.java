package dev.kubeyard.engine.apps.pyservice;

import static dev.kubeyard.engine.apps.pyservice.ManifestYaml.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Service, Ingress and NetworkPolicy. */
final class GatewayNetworking {
  private static final int[] EGRESS_TCP_PORTS = {9200, 1433, 443, 80};

  private GatewayNetworking() {}

  static Map<String, Object> service(GatewayValues v) {
    return map("apiVersion", "v1", "kind", "Service",
        "metadata", v.metadata(GatewayValues.NAME, v.namespace()),
        "spec", map("type", "ClusterIP", "selector", v.selector(),
            "ports", List.of(map("name", "http", "port", 80, "targetPort", "http", "protocol", "TCP"))));
  }

  /**
   * networking.k8s.io/v1 (with ingressClassName) from 1.19; before that v1beta1, which picks its
   * controller by the kubernetes.io/ingress.class annotation.
   */
  static Map<String, Object> ingress(GatewayValues v) {
    Map<String, Object> metadata = v.metadata(GatewayValues.NAME, v.namespace());
    Map<String, Object> path;
    Map<String, Object> spec = map();
    if (v.version().atLeast(19)) {
      spec.put("ingressClassName", GatewayValues.INGRESS_CLASS);
      path = map("path", "/", "pathType", "Prefix",
          "backend", map("service", map("name", GatewayValues.NAME, "port", map("name", "http"))));
    } else {
      metadata.put("annotations", map("kubernetes.io/ingress.class", GatewayValues.INGRESS_CLASS));
      path = map("path", "/", "backend", map("serviceName", GatewayValues.NAME, "servicePort", "http"));
    }
    spec.put("rules", List.of(map("host", v.spec().host(), "http", map("paths", List.of(path)))));
    return map("apiVersion", v.version().atLeast(19) ? "networking.k8s.io/v1" : "networking.k8s.io/v1beta1",
        "kind", "Ingress", "metadata", metadata, "spec", spec);
  }

  /**
   * In: HTTP from the ingress controller's namespace and from pods of the gateway's own namespace.
   * Out: DNS, and only the dependency ports (Elasticsearch 9200, SQL Server 1433, GitLab 443/80).
   */
  static Map<String, Object> networkPolicy(GatewayValues v) {
    Map<String, Object> http = map("protocol", "TCP", "port", GatewayValues.HTTP_PORT);
    List<Object> egressPorts = new ArrayList<>(List.of(map("protocol", "UDP", "port", 53), map("protocol", "TCP", "port", 53)));
    for (int port : EGRESS_TCP_PORTS) {
      egressPorts.add(map("protocol", "TCP", "port", port));
    }
    return map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
        "metadata", v.metadata(GatewayValues.NAME, v.namespace()),
        "spec", map(
            "podSelector", map("matchLabels", v.selector()),
            "policyTypes", List.of("Ingress", "Egress"),
            "ingress", List.of(map(
                "from", List.of(
                    map("namespaceSelector", map("matchLabels", v.ingressControllerNamespaceLabels())),
                    map("podSelector", map())),
                "ports", List.of(http))),
            "egress", List.of(map("ports", egressPorts))));
  }
}
