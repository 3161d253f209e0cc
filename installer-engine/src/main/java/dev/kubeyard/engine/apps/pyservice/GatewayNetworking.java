package dev.kubeyard.engine.apps.pyservice;

import static dev.kubeyard.engine.apps.pyservice.ManifestYaml.map;

import dev.kubeyard.engine.apps.ingress.TraefikIngress;
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

  /** The gateway's host on the shared 80/443, TLS by the controller (see {@link TraefikIngress#ingress}). */
  static Map<String, Object> ingress(GatewayValues v) {
    return TraefikIngress.ingress(v.version(), GatewayValues.NAME, v.namespace(), v.labels(), v.spec().host(),
        GatewayValues.NAME, "http");
  }

  /**
   * In: HTTP from the ingress controller's pods (Traefik's, in its namespace) and from pods of the
   * gateway's own namespace.
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
                    map("namespaceSelector", map("matchLabels", TraefikIngress.namespaceLabels(v.version())),
                        "podSelector", map("matchLabels", TraefikIngress.CONTROLLER_POD_LABELS)),
                    map("podSelector", map())),
                "ports", List.of(http))),
            "egress", List.of(map("ports", egressPorts))));
  }
}
